/**
 * The run of a Prospect Contacts / Prospect Companies step on Lusha V3: read and check the
 * input (no network), check filter values against Lusha's lists (unbilled list calls), search
 * one page or page through "up to N results" within the time budget (V3 bills each page per
 * result returned, `api_search`), reveal only when asked (V3's enrich by ids), and say in
 * plain words what Lusha billed (`billing.creditsCharged` of every request).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { LushaClient, V3Pagination } from '../lusha/client';
import { appendSentence, redact } from '../lusha/errors';
import { TimeBudget } from '../lusha/time-budget';
import { readBoolean, readInteger } from '../shared/options';
import { CREDITS_CHARGED_FIELD, CREDITS_NOTE_FIELD, type PlainInputField } from '../zapier/fields';
import { haltOnInputProblems } from '../zapier/input-problems';
import { connectionSecrets } from '../zapier/lusha';
import type { LineItemValue } from '../zapier/line-items';
import type { ErrorNote } from '../zapier/contract';
import { SAMPLE_REQUEST_ID } from './records';
import {
  MAX_LOOKED_UP_VALUES,
  readFilterInputs,
  resolveFilters,
  type FilterSpec,
  type SearchFilters,
} from './filter-fields';
import { counted, revealCreditsNote, revealRule, type RevealOutcome } from './reveal';
import { formatCount } from '../shared/values';

export const PAGE_SIZE = { min: 10, max: 50, default: 20 } as const;
export const MAX_PAGE = 1000;
export const MAX_UP_TO = 500;
/** Keep this much of the run's time in hand after the last page (ms). */
const TIME_MARGIN_MS = 1500;

export interface Paging {
  page: number;
  size: number;
  /** "Up to N results": page through until N; undefined for one page. */
  upTo?: number;
}

/** The label of the reveal switch, as the builder sees it (messages quote it). */
const revealLabel = (what: 'contact' | 'company') =>
  what === 'contact' ? 'Reveal Contact Details' : 'Reveal Company Details';

/** The paging and reveal fields, shared by both prospecting steps. */
export function resultFields(what: 'contact' | 'company'): PlainInputField[] {
  const plural = what === 'contact' ? 'contacts' : 'companies';
  return [
    {
      key: 'max_results',
      label: 'Up to N Results',
      type: 'integer',
      required: false,
      group: 'results',
      helpText:
        `Get up to this many ${plural} (1 to ${MAX_UP_TO}) in one step: the step pages through the results, ` +
        `${PAGE_SIZE.max} at a time, and stops early if Zapier's time limit would be reached (the output says so). ` +
        'Lusha bills every page per result returned. ' +
        'Leave empty to get a single page (see Page Size and Page).',
    },
    {
      key: 'page_size',
      label: 'Page Size',
      type: 'integer',
      required: false,
      group: 'results',
      helpText:
        `${plural[0]?.toUpperCase()}${plural.slice(1)} per page, ${PAGE_SIZE.min} to ${PAGE_SIZE.max} ` +
        `(default ${PAGE_SIZE.default}). Not used with Up to N Results.`,
    },
    {
      key: 'page',
      label: 'Page',
      type: 'integer',
      required: false,
      group: 'results',
      helpText:
        `Which page of results, counting from 0 (the first page) up to ${MAX_PAGE}. With Up to N Results, ` +
        `the page to start from. Default 0.`,
    },
    {
      key: 'reveal',
      label: revealLabel(what),
      type: 'boolean',
      required: false,
      default: 'false',
      group: 'results',
      helpText:
        what === 'contact'
          ? '**Costs extra credits.** When on, the step also reveals the emails and phone numbers of the contacts ' +
            'found (Lusha charges per revealed email or phone number, nothing for data your account revealed ' +
            'before). ' +
            'When off (the default), you get names, titles, companies and locations, and can reveal chosen contacts ' +
            'later with Enrich Prospected Contacts. The search itself is billed either way: Lusha charges per ' +
            'result returned (Credits Charged says what it billed).'
          : '**Costs extra credits.** When on, the step also reveals the full company profiles ' +
            '(Lusha charges each company it returns). ' +
            'When off (the default), you get names, domains, sizes and locations, and can reveal chosen companies ' +
            'later with Enrich Prospected Companies. The search itself is billed either way: Lusha charges per ' +
            'result returned (Credits Charged says what it billed).',
    },
  ];
}

/** Paging and reveal from the step, or the problems with them (no network). */
export function readPaging(
  inputData: Record<string, unknown>,
  what: 'contact' | 'company',
): { paging: Paging; reveal: boolean; problems: string[] } {
  const problems: string[] = [];
  const take = <T>(parsed: { ok: true; value: T } | { ok: false; problem: string }, fallback: T): T => {
    if (parsed.ok) return parsed.value;
    problems.push(parsed.problem);
    return fallback;
  };
  const upTo = take(readInteger(inputData.max_results, 'Up to N Results', 1, MAX_UP_TO), undefined);
  const size = take(readInteger(inputData.page_size, 'Page Size', PAGE_SIZE.min, PAGE_SIZE.max), undefined);
  const page = take(readInteger(inputData.page, 'Page', 0, MAX_PAGE), undefined) ?? 0;
  const reveal = take(readBoolean(inputData.reveal, revealLabel(what)), false);
  if (upTo !== undefined && size !== undefined) {
    problems.push('Use either Up to N Results or Page Size, not both: Up to N Results chooses the page size itself.');
  }
  // Up to N pages with the largest page size (fewest requests); N below 50 needs one page of N.
  const upToSize = upTo === undefined ? undefined : Math.min(PAGE_SIZE.max, Math.max(PAGE_SIZE.min, upTo));
  return { paging: { page, size: upToSize ?? size ?? PAGE_SIZE.default, upTo }, reveal, problems };
}

export interface SearchPage<R> {
  requestId: string;
  totalResults: number;
  results: R[];
  /** What Lusha billed for this page (`billing.creditsCharged`). */
  creditsCharged: number;
}

export interface ProspectingRun<R, V> {
  /** The step's label, for messages: "Prospect Contacts". */
  step: string;
  what: 'contact' | 'company';
  specs: readonly FilterSpec[];
  search: (lusha: LushaClient, pagination: V3Pagination, filters: SearchFilters) => Promise<SearchPage<R>>;
  idOf: (result: R) => string | null;
  reveal: (lusha: LushaClient, ids: string[]) => Promise<RevealOutcome<V>>;
  lineItem: (input: {
    id: string;
    requestId: string;
    search: R;
    reveal?: V;
    revealNote?: string | null;
    possiblyCharged?: boolean;
  }) => Record<string, LineItemValue>;
}

/** One page fetched (and revealed, when asked) in a run. */
interface FetchedPage<V> {
  page: number;
  requestId: string;
  totalResults: number;
  lineItems: Record<string, LineItemValue>[];
  /** What Lusha billed for this page's search. */
  searchCredits: number;
  /** The reveal of this page's results, when one was asked for. */
  reveal?: RevealOutcome<V>;
  revealRequested: number;
  /** No page after this one. */
  last: boolean;
}

/** Why paging stopped: the results are all in, the asked-for number was reached, time ran short, or a page failed. */
type PagingStop = { reason: 'complete' | 'enough' | 'time' } | { reason: 'failed'; error: unknown };

/**
 * The pages of a search, fetched one after another from `paging.page`, each taken up to
 * what is still wanted and revealed when asked; a next page is started only when the time
 * left fits the slowest page so far with a margin.
 */
async function* searchPages<R, V>(
  run: ProspectingRun<R, V>,
  lusha: LushaClient,
  filters: SearchFilters,
  paging: Paging,
  reveal: boolean,
): AsyncGenerator<FetchedPage<V>, PagingStop> {
  const want = paging.upTo ?? paging.size;
  const budget = new TimeBudget(() => lusha.timeLeft(), { reserveMs: TIME_MARGIN_MS });
  let taken = 0;
  for (let page = paging.page; ; page += 1) {
    if (page > paging.page && !budget.fits()) return { reason: 'time' };
    let answer: SearchPage<R>;
    try {
      answer = await budget.time(() => run.search(lusha, { page, size: paging.size }, filters));
    } catch (error) {
      // Pages already fetched were paid for (V3 bills every search): failing the step now would
      // throw them away, and a retry would pay for them again. Stop here, and say where to
      // continue. The first page's failure fails the step: nothing was returned to lose.
      if (page === paging.page) throw error;
      return { reason: 'failed', error };
    }
    const results = answer.results.slice(0, want - taken);
    const ids = results.map((r) => run.idOf(r) ?? '');
    const revealIds = ids.filter((id) => id !== '');
    // A reveal is started only when it can finish: a cut-off reveal may be charged and lost.
    const revealFits = budget.fits();
    const outcome =
      reveal && revealIds.length > 0 && revealFits ? await budget.time(() => run.reveal(lusha, revealIds)) : undefined;
    const noTimeNote =
      reveal && !revealFits
        ? `Not revealed: not enough time was left in this step (no credit charged for the reveal). Reveal it with ` +
          `Enrich Prospected ${run.what === 'contact' ? 'Contacts' : 'Companies'} and its ID.`
        : null;
    taken += results.length;
    const last =
      answer.results.length < paging.size || (page + 1) * paging.size >= answer.totalResults || page >= MAX_PAGE;
    yield {
      page,
      requestId: answer.requestId,
      totalResults: answer.totalResults,
      searchCredits: answer.creditsCharged,
      lineItems: results.map((search, index) => {
        const id = ids[index] as string;
        return run.lineItem({
          id,
          requestId: answer.requestId,
          search,
          reveal: outcome?.revealed.get(id),
          revealNote: outcome?.notes.get(id) ?? noTimeNote,
          possiblyCharged: outcome?.possiblyCharged.has(id) ?? false,
        });
      }),
      ...(outcome ? { reveal: outcome } : {}),
      revealRequested: outcome ? revealIds.length : 0,
      last,
    };
    if (noTimeNote) return { reason: 'time' };
    if (last) return { reason: 'complete' };
    if (paging.upTo === undefined || taken >= paging.upTo) return { reason: 'enough' };
  }
}

/** What a run found, for the note: the pages fetched and why paging stopped. */
export interface PagingSummary {
  what: 'contact' | 'company';
  /** Redacts the key from a failure's message. */
  clean: (text: string) => string;
  paging: Paging;
  resultCount: number;
  pagesFetched: number;
  totalResults: number;
  stop: PagingStop;
}

/** The paging note, in plain words: what was fetched, of how many, and where to continue. */
export function pagingNote({
  what,
  clean,
  paging,
  resultCount,
  pagesFetched,
  totalResults,
  stop,
}: PagingSummary): string {
  const lastPage = paging.page + pagesFetched - 1;
  const pages = pagesFetched === 1 ? `page ${paging.page}` : `pages ${paging.page}–${lastPage}`;
  const found =
    `${counted(resultCount, what, what === 'contact' ? 'contacts' : 'companies')} from ${pages} ` +
    `(${paging.size} per page) of ${formatCount(totalResults)} matching.`;
  switch (stop.reason) {
    case 'complete':
      return found;
    case 'enough':
      return `${found} More results from Page ${lastPage + 1}.`;
    case 'time':
      return paging.upTo === undefined
        ? `${found} Stopped to stay within Zapier's time limit: reveal the rest with Enrich Prospected ` +
            `${what === 'contact' ? 'Contacts' : 'Companies'} and their IDs.`
        : `${found} Stopped before ${paging.upTo} to stay within Zapier's time limit; continue from Page ` +
            `${lastPage + 1}.`;
    case 'failed': {
      const said = clean(stop.error instanceof Error ? stop.error.message : String(stop.error));
      const next = `Continue from Page ${lastPage + 1}.`;
      return `${found} ${appendSentence(`Stopped at Page ${lastPage + 1}: ${said}`, next)}`;
    }
  }
}

/** What a prospecting step returns besides its line items (see searchSummaryFields). */
export interface SearchSummary {
  requestId: string;
  totalResults: number;
  page: number;
  pageSize: number;
  pagesFetched: number;
  resultCount: number;
  nextPage: number | null;
  stoppedForTime: boolean;
  pagingNote: string;
  revealed: boolean;
  creditsCharged: number;
  creditsNote: string;
}

/**
 * The whole run of a prospecting step: the summary and the line items (the operation puts
 * them under its own key, `contacts` or `companies`).
 */
export async function runProspecting<R, V>(
  run: ProspectingRun<R, V>,
  lusha: LushaClient,
  z: ZObject,
  bundle: Bundle,
): Promise<{ summary: SearchSummary; lineItems: Record<string, LineItemValue>[] }> {
  const inputData = (bundle.inputData ?? {}) as Record<string, unknown>;
  const inputs = readFilterInputs(inputData, run.specs);
  const { paging, reveal, problems } = readPaging(inputData, run.what);
  // Every problem at once: the values are checked against Lusha's lists (unbilled) even when the
  // step has other problems, and no search is made while any problem stands.
  const resolved = await resolveFilters({ lusha, cache: z.cache }, inputs);
  haltOnInputProblems(z, run.step, [...inputs.problems, ...problems, ...resolved.problems]);

  const pages: FetchedPage<V>[] = [];
  const iterator = searchPages(run, lusha, resolved.filters, paging, reveal);
  let next = await iterator.next();
  for (; !next.done; next = await iterator.next()) {
    // The very first reveal failed whole and Lusha billed nothing so far: fail the step with Lusha's reason
    // (no credits, plan...). Once a search was billed, its results are returned instead, each with the reason.
    const billedSoFar = [...pages, next.value].some((p) => p.searchCredits > 0);
    if (next.value.reveal?.allFailed && !pages.some((p) => p.reveal) && !billedSoFar) throw next.value.reveal.allFailed;
    pages.push(next.value);
  }
  const stop = next.value;

  const lineItems = pages.flatMap((p) => p.lineItems);
  const reveals = pages.flatMap((p) => (p.reveal ? [p.reveal] : []));
  const searchCredits = pages.reduce((sum, p) => sum + p.searchCredits, 0);
  const revealCredits = reveals.reduce((sum, r) => sum + r.creditsCharged, 0);
  const creditsCharged = searchCredits + revealCredits;
  const revealedCount = reveals.reduce((sum, r) => sum + r.revealed.size, 0);
  const revealRequested = pages.reduce((sum, p) => sum + p.revealRequested, 0);
  const totalResults = pages[pages.length - 1]?.totalResults ?? 0;
  const lastPageFetched = paging.page + pages.length - 1;
  const summary: SearchSummary = {
    requestId: pages[0]?.requestId ?? '',
    totalResults,
    page: paging.page,
    pageSize: paging.size,
    pagesFetched: pages.length,
    resultCount: lineItems.length,
    nextPage: stop.reason === 'complete' ? null : lastPageFetched + 1,
    stoppedForTime: stop.reason === 'time',
    pagingNote: pagingNote({
      what: run.what,
      clean: (text) => redact(text, connectionSecrets(bundle)),
      paging,
      resultCount: lineItems.length,
      pagesFetched: pages.length,
      totalResults,
      stop,
    }),
    revealed: reveal,
    creditsCharged,
    creditsNote: creditsNote(run.what, {
      resultCount: lineItems.length,
      pagesFetched: pages.length,
      searchCredits,
      reveal: reveal
        ? {
            requested: revealRequested,
            revealed: revealedCount,
            credits: revealCredits,
            possiblyCharged: reveals.reduce((sum, r) => sum + r.possiblyCharged.size, 0),
          }
        : undefined,
    }),
  };
  return { summary, lineItems };
}

/** How Lusha bills a prospecting search, in the words of V3's billing note. */
export const SEARCH_RULE = 'Lusha bills prospecting per result returned';

/** What a run cost, in plain words: the search's bill, and the reveal's (or how to reveal). */
export function creditsNote(
  what: 'contact' | 'company',
  run: {
    resultCount: number;
    pagesFetched: number;
    searchCredits: number;
    reveal?: { requested: number; revealed: number; credits: number; possiblyCharged: number };
  },
): string {
  const plural = what === 'contact' ? 'contacts' : 'companies';
  const results =
    what === 'contact' ? counted(run.resultCount, 'contact') : counted(run.resultCount, 'company', plural);
  const pages = counted(run.pagesFetched, 'page');
  const search = `Search: ${counted(run.searchCredits, 'credit')} charged for ${results} on ${pages} (${SEARCH_RULE}).`;
  if (run.reveal) {
    const { requested, revealed, credits, possiblyCharged } = run.reveal;
    return `${search} ${revealCreditsNote(what, requested, revealed, credits, possiblyCharged)}`;
  }
  return (
    `${search} Nothing revealed: turn on ${revealLabel(what)}, or reveal chosen ${plural} with ` +
    `${what === 'contact' ? 'Enrich Prospected Contacts' : 'Enrich Prospected Companies'} and their IDs, to get ` +
    `their details (${revealRule(what)}).`
  );
}

/** The step's own output fields (the line items come after them). */
export function searchSummaryFields(what: 'contact' | 'company') {
  const plural = what === 'contact' ? 'Contacts' : 'Companies';
  return [
    { key: 'requestId', label: 'Search Request ID', type: 'string' as const },
    { key: 'totalResults', label: 'Total Matching Results', type: 'integer' as const },
    { key: 'page', label: 'First Page Fetched', type: 'integer' as const },
    { key: 'pageSize', label: 'Page Size', type: 'integer' as const },
    { key: 'pagesFetched', label: 'Pages Fetched', type: 'integer' as const },
    { key: 'resultCount', label: `${plural} Returned`, type: 'integer' as const },
    { key: 'nextPage', label: 'Next Page', type: 'integer' as const },
    { key: 'stoppedForTime', label: 'Stopped Early for Time', type: 'boolean' as const },
    { key: 'pagingNote', label: 'Paging Note', type: 'string' as const },
    { key: 'revealed', label: 'Reveal Requested', type: 'boolean' as const },
    CREDITS_CHARGED_FIELD,
    CREDITS_NOTE_FIELD,
  ];
}

/** A sample search's summary: one result, searched for 1 credit and revealed for 1 more (line item apart). */
export function searchSummarySample(what: 'contact' | 'company'): SearchSummary {
  return {
    requestId: SAMPLE_REQUEST_ID,
    totalResults: 1342,
    page: 0,
    pageSize: 20,
    pagesFetched: 1,
    resultCount: 1,
    nextPage: 1,
    stoppedForTime: false,
    pagingNote: `1 ${what} from page 0 (20 per page) of 1,342 matching. More results from Page 1.`,
    revealed: true,
    creditsCharged: 2,
    creditsNote: creditsNote(what, {
      resultCount: 1,
      pagesFetched: 1,
      searchCredits: 1,
      reveal: { requested: 1, revealed: 1, credits: 1, possiblyCharged: 0 },
    }),
  };
}

/**
 * The errors both Prospect steps document, in this order: bad fields, a filter value Lusha does not list,
 * the first reveal failing, a later page's search failing. Prospect Contacts adds one of its own.
 */
export function prospectingErrors(what: 'contact' | 'company'): ErrorNote[] {
  const reveal = what === 'contact' ? 'Reveal Contact Details' : 'Reveal Company Details';
  return [
    {
      when:
        `No filter is set, more than ${MAX_LOOKED_UP_VALUES} location, technology and company name values ` +
        `together, a Page Size outside 10–50, a Page past 1,000, Up to N Results outside 1–500, ` +
        `or Up to N Results with a Page Size`,
      error: 'HaltedError',
      action: 'Fix the fields named in the message; nothing was called.',
    },
    {
      when:
        "A filter value is not in Lusha's list " +
        '(a mapped value, or a location/technology/company Lusha does not know)',
      error: 'HaltedError',
      action: 'Pick values from the dropdowns; the message lists every bad value. No search was made.',
    },
    {
      when: 'Reveal is on and the first reveal fails (e.g. out of credits, 402) while the search was not billed',
      error: 'HaltedError',
      action: `Add credits, or turn ${reveal} off (the search itself is billed per result).`,
    },
    {
      when: "A later page's search fails (rate limit, timeout, Lusha unavailable...) with Up to N Results",
      error: 'ThrottledError',
      action:
        'Nothing fails: the pages already fetched (and billed) are returned, and Paging Note and Next Page say where ' +
        'to continue. Only a failure of the first page fails the step, with the mapped error.',
    },
  ];
}
