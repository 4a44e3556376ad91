/**
 * The run of a Prospect Contacts / Prospect Companies step: read and check the input (no
 * network), check filter values against Lusha's lists (free), search one page or page
 * through "up to N results" within the time budget, reveal only when asked, and say in
 * plain words what was and was not spent.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { LushaClient, Pages } from '../lusha/client';
import { appendSentence, redact } from '../lusha/errors';
import { readBoolean, readInteger } from '../shared/options';
import type { PlainInputField } from '../zapier/fields';
import { haltOnInputProblems } from '../zapier/input-problems';
import { connectionSecrets } from '../zapier/lusha';
import type { LineItemValue } from '../zapier/line-items';
import { SAMPLE_REQUEST_ID } from './records';
import { readFilterInputs, resolveFilters, type FilterSpec, type SearchFilters } from './filter-fields';
import { counted, revealCreditsNote, type RevealOutcome } from './reveal';
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
const revealLabel = (what: 'contact' | 'company') => (what === 'contact' ? 'Reveal Contact Details' : 'Reveal Company Details');

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
        'Leave empty to get a single page (see Page Size and Page).',
    },
    {
      key: 'page_size',
      label: 'Page Size',
      type: 'integer',
      required: false,
      group: 'results',
      helpText: `${plural[0]?.toUpperCase()}${plural.slice(1)} per page, ${PAGE_SIZE.min} to ${PAGE_SIZE.max} (default ${PAGE_SIZE.default}). Not used with Up to N Results.`,
    },
    {
      key: 'page',
      label: 'Page',
      type: 'integer',
      required: false,
      group: 'results',
      helpText: `Which page of results, counting from 0 (the first page) up to ${MAX_PAGE}. With Up to N Results, the page to start from. Default 0.`,
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
          ? '**Costs credits.** When on, the step also reveals the emails and phone numbers of the contacts found ' +
            '(Lusha charges each contact it returns an email or phone for). When off (the default), searching is free: ' +
            'you get names, titles and companies, and can reveal chosen contacts later with Enrich Prospected Contacts.'
          : '**Costs credits.** When on, the step also reveals the full company profiles (Lusha charges each company it ' +
            'returns). When off (the default), searching is free: you get names and domains, and can reveal chosen ' +
            'companies later with Enrich Prospected Companies.',
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
}

export interface ProspectingRun<R, V> {
  /** The step's label, for messages: "Prospect Contacts". */
  step: string;
  what: 'contact' | 'company';
  specs: readonly FilterSpec[];
  search: (lusha: LushaClient, pages: Pages, filters: SearchFilters) => Promise<SearchPage<R>>;
  idOf: (result: R) => string | null;
  reveal: (lusha: LushaClient, requestId: string, ids: string[]) => Promise<RevealOutcome<V>>;
  lineItem: (input: { id: string; requestId: string; search: R; reveal?: V; revealNote?: string | null }) => Record<string, LineItemValue>;
}

/** The whole run of a prospecting step. */
export async function runProspecting<R, V>(run: ProspectingRun<R, V>, lusha: LushaClient, z: ZObject, bundle: Bundle) {
  const inputData = (bundle.inputData ?? {}) as Record<string, unknown>;
  const inputs = readFilterInputs(inputData, run.specs);
  const { paging, reveal, problems } = readPaging(inputData, run.what);
  haltOnInputProblems(z, run.step, [...inputs.problems, ...problems]);
  // Checking values against Lusha's lists is free: no credits are spent before this halt either.
  const resolved = await resolveFilters({ lusha, cache: z.cache }, inputs);
  haltOnInputProblems(z, run.step, resolved.problems);

  const plural = run.what === 'contact' ? 'contacts' : 'companies';
  const items: Record<string, LineItemValue>[] = [];
  let requestId = '';
  let totalResults = 0;
  let page = paging.page;
  let pagesFetched = 0;
  let longestPageMs = 0;
  let stoppedForTime = false;
  /** Why paging stopped early when a later page's search failed (reveal on only, see below). */
  let stoppedBy: string | undefined;
  let lastPageReached = false;
  let revealRequested = 0;
  const credits: RevealOutcome<V>[] = [];
  const want = paging.upTo ?? paging.size;

  for (;;) {
    const started = Date.now();
    let answer: SearchPage<R>;
    try {
      answer = await run.search(lusha, { page, size: paging.size }, resolved.filters);
    } catch (error) {
      // The pages before were revealed, and paid for: failing the step now would throw them
      // away (and a retry would pay for them again). Return them, and say where to continue.
      // Without reveal nothing was spent: the step fails, and Zapier's retry rules apply.
      if (!reveal || pagesFetched === 0) throw error;
      stoppedBy = redact(error instanceof Error ? error.message : String(error), connectionSecrets(bundle));
      break;
    }
    pagesFetched += 1;
    if (!requestId) requestId = answer.requestId;
    totalResults = answer.totalResults;
    const taken = answer.results.slice(0, want - items.length);
    const ids = taken.map((r) => run.idOf(r));
    let outcome: RevealOutcome<V> | undefined;
    const revealIds = ids.filter((id): id is string => Boolean(id));
    if (reveal && revealIds.length > 0) {
      outcome = await run.reveal(lusha, answer.requestId, revealIds);
      // Nothing revealed in the very first call: fail the step with Lusha's reason (no credits, plan...).
      if (outcome.allFailed && credits.length === 0) throw outcome.allFailed;
      credits.push(outcome);
      revealRequested += revealIds.length;
    }
    taken.forEach((result, index) => {
      const id = ids[index] ?? '';
      items.push(
        run.lineItem({
          id,
          requestId: answer.requestId,
          search: result,
          reveal: outcome?.revealed.get(id),
          revealNote: outcome?.notes.get(id) ?? null,
        }),
      );
    });
    longestPageMs = Math.max(longestPageMs, Date.now() - started);
    const seen = (page + 1) * paging.size;
    const lastPage = answer.results.length < paging.size || seen >= totalResults || page >= MAX_PAGE;
    lastPageReached = lastPage;
    if (paging.upTo === undefined || items.length >= paging.upTo || lastPage) break;
    if (lusha.timeLeft() < longestPageMs * 1.5 + TIME_MARGIN_MS) {
      stoppedForTime = true;
      break;
    }
    page += 1;
  }

  const creditsCharged = credits.reduce((sum, c) => sum + c.creditsCharged, 0);
  const revealedCount = credits.reduce((sum, c) => sum + c.revealed.size, 0);
  const creditsNote = reveal
    ? revealCreditsNote(run.what, revealRequested, revealedCount, creditsCharged)
    : `No credits spent: searching is free. Turn on ${revealLabel(run.what)}, ` +
      `or reveal chosen ${plural} with ${run.what === 'contact' ? 'Enrich Prospected Contacts' : 'Enrich Prospected Companies'} ` +
      'and this Search Request ID, to get their details (revealing costs credits).';
  const lastPageFetched = paging.page + pagesFetched - 1;
  const pages = pagesFetched === 1 ? `page ${paging.page}` : `pages ${paging.page}–${lastPageFetched}`;
  let pagingNote = `${counted(items.length, run.what === 'contact' ? 'contact' : 'company', plural)} from ${pages} ` +
    `(${paging.size} per page) of ${formatCount(totalResults)} matching.`;
  if (stoppedBy !== undefined) {
    pagingNote += ` ${appendSentence(`Stopped at Page ${lastPageFetched + 1}: ${stoppedBy}`, `Continue from Page ${lastPageFetched + 1}.`)}`;
  } else if (stoppedForTime) {
    pagingNote += ` Stopped before ${paging.upTo} to stay within Zapier's time limit; continue from Page ${lastPageFetched + 1}.`;
  } else if (!lastPageReached) {
    pagingNote += ` More results from Page ${lastPageFetched + 1}.`;
  }
  return {
    requestId,
    totalResults,
    page: paging.page,
    pageSize: paging.size,
    pagesFetched,
    resultCount: items.length,
    nextPage: lastPageReached ? null : lastPageFetched + 1,
    stoppedForTime,
    pagingNote,
    revealed: reveal,
    creditsCharged,
    creditsNote,
    [plural]: items,
  };
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
    { key: 'creditsCharged', label: 'Credits Charged', type: 'integer' as const },
    { key: 'creditsNote', label: 'Credits Note', type: 'string' as const },
  ];
}

/** The summary of a sample search: one result, revealed for one credit (the operation adds the line item). */
export function searchSummarySample(what: 'contact' | 'company') {
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
    creditsCharged: 1,
    creditsNote: revealCreditsNote(what, 1, 1, 1),
  };
}
