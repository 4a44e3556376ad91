/**
 * The one path to Lusha's Website Visits (POST /v3/companies/website-visits, beta): the request
 * from a checked query, the pages fetched one after another within the step's time budget,
 * and what the create and the trigger make of them.
 *
 * Money: the client sends every request as paid (never retried once it may have reached Lusha).
 * Pages already answered are kept when a later one fails (what Lusha billed for them is not
 * thrown away); only a failure of the first page fails the step. What a run cost is the sum of
 * Lusha's `billing.creditsCharged`, never an estimate: the spec states no price for this endpoint
 * (its example answer charges 0).
 */
import { creditsChargedBy } from '../lusha/billing';
import type { LushaClient, V3WebsiteVisitsBody } from '../lusha/client';
import { LushaOutcomeUnknownError } from '../lusha/errors';
import type { V3WebsiteVisit } from '../lusha/schemas';
import { TimeBudget } from '../lusha/time-budget';
import { formatCount, toIsoDate } from '../shared/values';
import { counted } from '../prospecting/reveal';
import { SAMPLE_ITEMS, type CheckResult } from '../signals/polling';
import { entryFailureReason } from '../zapier/errors';
import { toLineItem, type LineItemValue } from '../zapier/line-items';
import {
  daysBefore,
  lookbackWindow,
  MAX_RESULTS,
  PAGE_SIZE,
  type SortField,
  type VisitFilters,
  type VisitorWatch,
  type VisitsQuery,
} from './fields';
import { compareRecentFirst, toVisitorItem, toVisitorRecord, type VisitorItem } from './records';

/** Keep this much of the run's time in hand after the last page (ms). */
const TIME_MARGIN_MS = 1500;

/** What one request asks, besides its page. */
interface VisitsRequest {
  domains: string[];
  startDate: string;
  endDate: string;
  sortBy: SortField;
  filters: VisitFilters;
}

/** The filters as V3 takes them; undefined when there are none. */
export function wireFilters(filters: VisitFilters): V3WebsiteVisitsBody['filters'] {
  const countries = {
    ...(filters.countries && { include: filters.countries }),
    ...(filters.excludeCountries && { exclude: filters.excludeCountries }),
  };
  const wire = {
    ...(filters.scoreBands && { scoreBands: filters.scoreBands }),
    ...(filters.minScore !== undefined && { score: { min: filters.minScore } }),
    ...(Object.keys(countries).length > 0 && { visitorCountries: countries }),
  };
  return Object.keys(wire).length > 0 ? wire : undefined;
}

function requestBody(request: VisitsRequest, page: number, size: number): V3WebsiteVisitsBody {
  const filters = wireFilters(request.filters);
  return {
    domains: request.domains,
    startDate: request.startDate,
    endDate: request.endDate,
    pagination: { page, size },
    sort: { by: request.sortBy, order: 'desc' },
    ...(filters && { filters }),
  };
}

/** One page as Lusha answered it. */
export interface VisitsPage {
  requestId: string | null;
  total: number;
  results: V3WebsiteVisit[];
  creditsCharged: number;
}

/** Why paging stopped: every result is in, enough were taken, time ran short, or a later page failed. */
export type PagingStop = { reason: 'complete' | 'enough' | 'time' } | { reason: 'failed'; error: unknown };

/**
 * The page size for `want` results: the fewest requests (at most 150 each), of equal size, with
 * the fewest results asked for beyond `want` (200 are two pages of 100, not 150 and 150).
 */
export function pageSizeFor(want: number): number {
  const pages = Math.max(1, Math.ceil(want / PAGE_SIZE));
  return Math.ceil(want / pages);
}

/**
 * The pages of one query, from page 0, until `want` results are in, the last page came, `enough`
 * says the rest is not needed, or the time left would not fit one more page (the slowest so far,
 * with a margin). A failure of the first page is thrown; a later one ends the paging with what
 * came before it.
 */
export async function fetchVisitPages(
  lusha: LushaClient,
  request: VisitsRequest,
  options: { want: number; size: number; enough?: (page: VisitsPage) => boolean },
): Promise<{ pages: VisitsPage[]; stop: PagingStop }> {
  const budget = new TimeBudget(() => lusha.timeLeft(), { reserveMs: TIME_MARGIN_MS });
  const pages: VisitsPage[] = [];
  let taken = 0;
  for (let page = 0; ; page += 1) {
    if (page > 0 && !budget.fits()) return { pages, stop: { reason: 'time' } };
    let answer: Awaited<ReturnType<LushaClient['getWebsiteVisits']>>;
    try {
      answer = await budget.time(() => lusha.getWebsiteVisits(requestBody(request, page, options.size)));
    } catch (error) {
      if (page === 0) throw error;
      return { pages, stop: { reason: 'failed', error } };
    }
    const results = answer.results.slice(0, options.want - taken);
    const total = answer.pagination?.total ?? answer.results.length;
    const fetched: VisitsPage = {
      requestId: answer.requestId ?? null,
      total,
      results,
      creditsCharged: creditsChargedBy(answer),
    };
    pages.push(fetched);
    taken += results.length;
    if (answer.results.length < options.size || (page + 1) * options.size >= total) {
      return { pages, stop: { reason: 'complete' } };
    }
    if (taken >= options.want || options.enough?.(fetched)) return { pages, stop: { reason: 'enough' } };
  }
}

// ---------------------------------------------------------------- Find Website Visitors

export type FindVisitorsOutput = {
  trackedDomains: string;
  visitsFrom: string;
  visitsTo: string;
  requestId: string | null;
  resultCount: number;
  totalResults: number;
  requestsMade: number;
  stoppedEarly: boolean;
  pagingNote: string;
  creditsCharged: number;
  creditsNote: string;
  companies: Array<Record<string, LineItemValue>>;
};

/** How Lusha bills Website Visits, in the spec's words (it has no billing note). */
export const VISITS_BILLING =
  "Lusha's API reference gives no price for Website Visits (a beta endpoint): its example answer charges 0 credits";

/** What a run cost: the sum of Lusha's bills, and a lost answer that may have been charged. */
export function visitsCreditsNote(credits: number, requests: number, stop: PagingStop): string {
  const billed =
    `Lusha billed ${counted(credits, 'credit')} for ${counted(requests, 'request')} (the sum of its ` +
    `billing.creditsCharged). ${VISITS_BILLING}.`;
  const lost = stop.reason === 'failed' && stop.error instanceof LushaOutcomeUnknownError;
  return lost
    ? `${billed} The answer to request ${requests + 1} was lost after it reached Lusha: Lusha may have charged for ` +
        'it, and it is not counted here.'
    : billed;
}

/** What was returned, of how many, and why the step stopped where it did. */
export function visitsPagingNote(
  run: { resultCount: number; totalResults: number; requests: number; maxResults: number; stop: PagingStop },
  secrets: readonly string[],
): string {
  const { resultCount, totalResults, requests, maxResults, stop } = run;
  const made = counted(requests, 'request');
  if (totalResults === 0 && stop.reason === 'complete') {
    return `No company visited the Tracked Domains in these dates with these filters (${made}).`;
  }
  const found =
    resultCount === totalResults
      ? `All ${counted(resultCount, 'company', 'companies')} matching returned (${made}).`
      : `${formatCount(resultCount)} of ${counted(totalResults, 'company', 'companies')} matching returned (${made}).`;
  switch (stop.reason) {
    case 'complete':
      return found;
    case 'enough':
      return maxResults < MAX_RESULTS.max
        ? `${found} Raise Maximum Results (up to ${MAX_RESULTS.max}) or narrow the filters for more.`
        : `${found} Narrow the filters or the dates for the others.`;
    case 'time':
      return `${found} Stopped early to stay within Zapier's time limit: lower Maximum Results or narrow the filters.`;
    case 'failed':
      return `${found} Stopped early: ${entryFailureReason(stop.error, secrets, 'Run the step again for the rest.')}`;
  }
}

/** One run of Find Website Visitors: the pages Lusha answered, as one output. */
export async function findVisitors(
  lusha: LushaClient,
  query: VisitsQuery,
  secrets: readonly string[],
): Promise<FindVisitorsOutput> {
  const { pages, stop } = await fetchVisitPages(lusha, query, {
    want: query.maxResults,
    size: pageSizeFor(query.maxResults),
  });
  const companies = pages.flatMap((page) => page.results.map((result) => toLineItem(toVisitorRecord(result))));
  const totalResults = pages[pages.length - 1]?.total ?? 0;
  const creditsCharged = pages.reduce((sum, page) => sum + page.creditsCharged, 0);
  return {
    trackedDomains: query.domains.join(', '),
    visitsFrom: query.startDate,
    visitsTo: query.endDate,
    requestId: pages[0]?.requestId ?? null,
    resultCount: companies.length,
    totalResults,
    requestsMade: pages.length,
    stoppedEarly: stop.reason === 'time' || stop.reason === 'failed',
    pagingNote: visitsPagingNote(
      { resultCount: companies.length, totalResults, requests: pages.length, maxResults: query.maxResults, stop },
      secrets,
    ),
    creditsCharged,
    creditsNote: visitsCreditsNote(creditsCharged, pages.length, stop),
    companies,
  };
}

// ---------------------------------------------------------------- New Website Visitor Company

/** Companies one check reads at most: 3 requests of 150, most recent visit first. */
export const MAX_CHECKED_VISITORS = 450;

/**
 * A check reads no further than this many days before today, past the check interval: a
 * company with a visit since the previous check (Lusha may report a day late) has its last
 * visit within them. Lusha answers newest first, so a page reaching back past them ends the check.
 */
export const RECENT_DAYS_MARGIN = 2;

/**
 * One check of the trigger: the companies that visited in the look-back, most recent visit first,
 * each as a visit event. Lusha's pages are read while they can hold a visit since the previous
 * check; a loading sample reads 3 companies. A failed first page is reported as the check's
 * failure (the polling guard decides what it costs the next poll); a failed later one too,
 * with what the pages before it found.
 */
export async function checkVisitors(
  lusha: LushaClient,
  watch: VisitorWatch,
  options: { sample: boolean; now: number },
): Promise<CheckResult<VisitorItem>> {
  const window = lookbackWindow(watch.lookbackDays, options.now);
  const request: VisitsRequest = { domains: watch.domains, ...window, sortBy: 'lastVisit', filters: watch.filters };
  const recentFrom = daysBefore(window.endDate, Math.ceil(watch.intervalSeconds / 86_400) + RECENT_DAYS_MARGIN);
  const oldest = (page: VisitsPage) => toIsoDate(page.results[page.results.length - 1]?.lastVisit) ?? '';
  let fetched: Awaited<ReturnType<typeof fetchVisitPages>>;
  try {
    fetched = await fetchVisitPages(
      lusha,
      request,
      options.sample
        ? { want: SAMPLE_ITEMS, size: SAMPLE_ITEMS }
        : { want: MAX_CHECKED_VISITORS, size: PAGE_SIZE, enough: (page) => oldest(page) < recentFrom },
    );
  } catch (error) {
    return { records: [], failures: [{ error }], answered: 0 };
  }
  const { pages, stop } = fetched;
  const items = new Map<string, VisitorItem>();
  for (const result of pages.flatMap((page) => page.results)) {
    const item = toVisitorItem(toVisitorRecord(result), window);
    if (!items.has(item.id)) items.set(item.id, item);
  }
  return {
    records: [...items.values()].sort(compareRecentFirst),
    failures: stop.reason === 'failed' ? [{ error: stop.error }] : [],
    answered: pages.length,
  };
}
