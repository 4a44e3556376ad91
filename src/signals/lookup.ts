/**
 * The one path from a watch list to flat signal records, used by all four signal operations:
 * 1. entries given by identifiers are resolved to Lusha ids (./resolve.ts): the ids kept from an
 *    earlier run, the others by `POST /v3/{contacts|companies}/search`, 100 a call;
 * 2. the ids (given and resolved, each once) go to `POST /v3/{contacts|companies}/signals`, 100 a
 *    call, with bounded concurrency;
 * 3. every signal of every answer becomes a record that names the watch-list entry it was found
 *    for; repeats are dropped and the records sorted newest first.
 *
 * Each call succeeds or fails on its own: the triggers and the creates decide what a partial
 * answer means for them (./polling.ts, the creates' `notChecked`). What a search paid for is
 * kept (the ids are stored before any signals call), so a failed signals call never makes the
 * next run pay for the search again.
 */
import { chunk, sendBatches, throwConnectionFailure, type BatchOutcome } from '../lusha/batch';
import { creditsChargedBy } from '../lusha/billing';
import type { LushaClient, V3ContactItem } from '../lusha/client';
import { LushaResponseError, LushaTimeoutError } from '../lusha/errors';
import { TimeBudget } from '../lusha/time-budget';
import { schemas } from '../lusha/schemas-on-demand';
import type { CompanySignalEntity, CompanySignalItem, ContactSignalEntity, ContactSignalItem } from '../lusha/schemas';
import { COMPANY_SIGNAL_TYPES } from './catalog';
import {
  compareNewestFirst,
  toCompanySignalRecord,
  toContactSignalRecord,
  type CompanySignalRecord,
  type ContactSignalRecord,
} from './records';
import { identifierKey, NO_ID_STORE, type IdStore } from './resolve';
import type { CompanySearch, ContactSearch, SignalWatch } from './watch';

/** Lusha takes at most 100 ids per signals call, and 100 identifiers per search. */
export const SIGNALS_BATCH_SIZE = 100;
/** Calls in flight at once per phase (a full watch list of 500 is 5 calls). */
const CONCURRENCY = 3;
/** The editor's sample check: the first few entries, a few results per type. */
export const SAMPLE_ENTRIES = 5;
export const SAMPLE_RESULTS_PER_TYPE = 3;

/** Why a call was not sent: the run had not enough time left for it (nothing charged). */
const NOT_SENT_MESSAGE = "Not sent: not enough time was left in this run (Zapier's 30 seconds per step)";

/** What every signals call sends besides the ids. */
export interface SignalRequest {
  signalTypes: string[];
  startDate: string;
  maxResultsPerSignal?: number;
  filters?: { include: Record<string, unknown> };
}

/** One entity of a signals answer: its Lusha id (or an error), and its signals by type. */
export type SignalEntityBase = { id?: string | null; error?: unknown; signals: Array<{ type: string; item: unknown }> };

interface SignalAnswer<E> {
  entities: E[];
  credits: number;
  startDate: string | null;
  endDate: string | null;
}

/** What a search found: reference → Lusha id; `missing`, the references Lusha said it has no record for. */
interface SearchAnswer {
  found: Map<string, string>;
  missing: Set<string>;
  credits: number;
}

/** How one kind of signal (contact or company) is resolved, fetched and turned into records. */
export interface SignalKind<S, E extends SignalEntityBase, R> {
  noun: 'contact' | 'company';
  search(lusha: LushaClient, entries: Array<{ ref: string; search: S }>): Promise<SearchAnswer>;
  signals(lusha: LushaClient, ids: string[], request: SignalRequest): Promise<SignalAnswer<E>>;
  toRecord(type: string, item: E['signals'][number]['item'], entity: E, watchListEntry: string): R;
  /** The types as sent to Lusha. */
  wireTypes(types: string[]): string[];
  /** "METHOD /path" of the signals endpoint, for messages. */
  endpoint: string;
}

/** The results of a search by reference: found (its id), missing (NOT_FOUND), or neither (another item error). */
function readSearch(
  results: ReadonlyArray<{
    clientReferenceId?: string | null;
    id?: string | null;
    error?: { code?: string | null } | null;
  }>,
  credits: number,
): SearchAnswer {
  const answer: SearchAnswer = { found: new Map(), missing: new Set(), credits };
  for (const result of results) {
    const ref = result.clientReferenceId;
    if (!ref) continue;
    if (!result.error && result.id) answer.found.set(ref, result.id);
    else if (result.error?.code === 'NOT_FOUND') answer.missing.add(ref);
  }
  return answer;
}

/** A watched contact as V3 finds it: email, LinkedIn URL, or first and last name with the company. */
function contactItem(ref: string, search: ContactSearch): V3ContactItem {
  const company = search.companies?.[0];
  const [firstName, ...rest] = (search.full_name ?? '').split(/\s+/).filter(Boolean);
  const lastName = rest.join(' ');
  return {
    clientReferenceId: ref,
    ...(search.email && { email: search.email }),
    ...(search.social_link && { linkedinUrl: search.social_link }),
    ...(firstName &&
      lastName &&
      company && {
        firstName,
        lastName,
        ...(company.name && { companyName: company.name }),
        ...(company.domain && { companyDomain: company.domain }),
      }),
  };
}

export const CONTACT_SIGNALS: SignalKind<ContactSearch, ContactSignalEntity, ContactSignalRecord> = {
  noun: 'contact',
  async search(lusha, entries) {
    // Partial profiles too: a contact without emails or phones still has signals.
    const answer = await lusha.searchContacts({
      contacts: entries.map(({ ref, search }) => contactItem(ref, search)),
      options: { includePartialProfiles: true },
    });
    return readSearch(answer.results, creditsChargedBy(answer));
  },
  async signals(lusha, ids, request) {
    const { signalTypes, startDate, maxResultsPerSignal } = request;
    const answer = await lusha.getContactSignalsById({
      ids,
      signalTypes,
      startDate,
      ...(maxResultsPerSignal && { maxResultsPerSignal }),
    });
    const entities = answer.results.map((result, index) => {
      const parsed = schemas().V3ContactSignalResultSchema.safeParse(result);
      if (parsed.success) return parsed.data;
      const where = `results.${index}.${parsed.error.issues[0]?.path.join('.') ?? ''}`;
      throw new LushaResponseError(
        `Lusha answered POST /v3/contacts/signals in an unexpected shape at "${where}"`,
        'POST /v3/contacts/signals',
        200,
      );
    });
    return toAnswer(entities, answer);
  },
  toRecord: (type, item, entity, label) => toContactSignalRecord(type, item as ContactSignalItem, entity, label),
  wireTypes: (types) => types,
  endpoint: 'POST /v3/contacts/signals',
};

/**
 * "All Company Signals" is sent as every type the connector knows, not V3's `allSignals`: that
 * would add `linkedinActivityIntent`, billed per matched signal like the others but not a signal
 * these steps deliver, so a V2 watch would cost more after the upgrade for nothing.
 */
const ALL_COMPANY_TYPES = Object.keys(COMPANY_SIGNAL_TYPES).filter((type) => type !== 'allSignals');

export const COMPANY_SIGNALS: SignalKind<CompanySearch, CompanySignalEntity, CompanySignalRecord> = {
  noun: 'company',
  async search(lusha, entries) {
    const answer = await lusha.searchCompanies({
      companies: entries.map(({ ref, search }) => ({ clientReferenceId: ref, ...search })),
    });
    return readSearch(answer.results, creditsChargedBy(answer));
  },
  async signals(lusha, ids, request) {
    const answer = await lusha.getCompanySignalsById({ ids, ...request });
    return toAnswer(answer.results, answer);
  },
  toRecord: (type, item, entity, label) => toCompanySignalRecord(type, item as CompanySignalItem, entity, label),
  wireTypes: (types) => (types.includes('allSignals') ? ALL_COMPANY_TYPES : types),
  endpoint: 'POST /v3/companies/signals',
};

function toAnswer<E>(
  entities: E[],
  meta: { billing?: { creditsCharged?: number | null } | null; startDate?: string | null; endDate?: string | null },
): SignalAnswer<E> {
  return {
    entities,
    credits: creditsChargedBy(meta),
    startDate: meta.startDate ?? null,
    endDate: meta.endDate ?? null,
  };
}

/** The first day of the look-back window, YYYY-MM-DD in UTC. */
export function lookbackStartDate(lookbackDays: number, now: number = Date.now()): string {
  return new Date(now - lookbackDays * 86_400_000).toISOString().slice(0, 10);
}

export interface SignalLookup<R> {
  /** Every signal found, once, newest first. */
  records: R[];
  /** What Lusha billed: the searches and the signals calls. */
  creditsCharged: number;
  startDate: string;
  endDate: string | null;
  /** Watch-list entries checked: their signals call was answered, or Lusha has no record of them. */
  checkedEntries: number;
  /** Calls that failed: the entries they left unchecked (as labelled) and the error. */
  failures: Array<{ entries: string[]; error: unknown }>;
  /** Signals calls that got an answer. */
  answered: number;
  /** Searches that got an answer (paid work, even when no signals call followed). */
  searched: number;
}

/** A Lusha id as a map key: no spaces, no leading zeros ("007" and 7 are one id). */
const idKey = (id: unknown): string =>
  String(id ?? '')
    .trim()
    .replace(/^0+(?=\d)/, '');

/**
 * Fetches the signals of a watch list. `sample` makes one small check instead: the first
 * SAMPLE_ENTRIES entries (ids if there are any), SAMPLE_RESULTS_PER_TYPE results per type.
 * `ids` keeps the identifiers resolved between runs (none by default).
 */
export async function fetchSignals<S, E extends SignalEntityBase, R extends { id: string; signalDate: string | null }>(
  kind: SignalKind<S, E, R>,
  lusha: LushaClient,
  watch: SignalWatch<S>,
  options: { sample?: boolean; now?: number; ids?: IdStore } = {},
): Promise<SignalLookup<R>> {
  const startDate = lookbackStartDate(watch.lookbackDays, options.now);
  const request: SignalRequest = {
    signalTypes: kind.wireTypes(watch.types),
    startDate,
    ...(options.sample && { maxResultsPerSignal: SAMPLE_RESULTS_PER_TYPE }),
    ...(watch.filters && { filters: { include: { ...watch.filters.include } } }),
  };
  const givenIds = options.sample ? watch.ids.slice(0, SAMPLE_ENTRIES) : watch.ids;
  const identifiers = options.sample
    ? givenIds.length > 0
      ? []
      : watch.identifiers.slice(0, SAMPLE_ENTRIES)
    : watch.identifiers;
  const store = options.ids ?? NO_ID_STORE;

  const lookup: SignalLookup<R> = {
    records: [],
    creditsCharged: 0,
    startDate,
    endDate: null,
    checkedEntries: 0,
    failures: [],
    answered: 0,
    searched: 0,
  };

  // A call starts only when the time left covers the slowest call so far: a call cut off by
  // the deadline may be charged and its answer lost.
  const budget = new TimeBudget(() => lusha.timeLeft());
  const timed = <T>(endpoint: string, send: () => Promise<T>) => {
    if (!budget.fits()) throw new LushaTimeoutError(NOT_SENT_MESSAGE, endpoint, false);
    return budget.time(send);
  };

  // 1. Identifiers → ids: those known from an earlier run, then one search per 100 others.
  const keyed = identifiers.map((entry) => ({ ...entry, key: identifierKey(entry.search) }));
  const known = keyed.length > 0 ? await store.read(keyed.map((entry) => entry.key)) : new Map<string, string | null>();
  const resolved = new Map<string, string | null>(known);
  const unknown = keyed.filter((entry) => !known.has(entry.key));
  const searchEndpoint = `POST /v3/${kind.noun === 'contact' ? 'contacts' : 'companies'}/search`;
  const searches = await sendBatches(chunk(unknown, SIGNALS_BATCH_SIZE), CONCURRENCY, (entries) =>
    timed(searchEndpoint, () =>
      kind.search(
        lusha,
        entries.map((entry) => ({ ref: entry.ref, search: entry.search })),
      ),
    ),
  );
  throwConnectionFailure(searches);
  const learned = new Map<string, string | null>();
  for (const outcome of searches) {
    if (!outcome.ok) {
      lookup.failures.push({ entries: outcome.items.map((entry) => entry.label), error: outcome.error });
      continue;
    }
    lookup.searched += 1;
    lookup.creditsCharged += outcome.result.credits;
    for (const entry of outcome.items) {
      const id = outcome.result.found.get(entry.ref);
      if (id) learned.set(entry.key, id);
      else if (outcome.result.missing.has(entry.ref)) learned.set(entry.key, null);
      // Another item error: not found this time, and not kept.
      resolved.set(entry.key, id ?? null);
    }
  }
  // Paid for: kept before any signals call, whatever happens next.
  await store.write(learned);

  // 2. Every id once, labelled by the first entry that names it.
  const labels = new Map<string, string[]>();
  const watchId = (id: string, label: string) => labels.set(idKey(id), [...(labels.get(idKey(id)) ?? []), label]);
  givenIds.forEach((entry) => watchId(String(entry.id), entry.label));
  const failedSearch = new Set(lookup.failures.flatMap((failure) => failure.entries));
  for (const entry of keyed) {
    const id = resolved.get(entry.key);
    if (id) watchId(id, entry.label);
    else if (id === null && !failedSearch.has(entry.label)) lookup.checkedEntries += 1;
  }
  const ids = [...labels.keys()];
  const calls = await sendBatches(chunk(ids, SIGNALS_BATCH_SIZE), CONCURRENCY, (batch) =>
    timed(kind.endpoint, () => kind.signals(lusha, batch, request)),
  );
  throwConnectionFailure(calls);

  // 3. The records.
  const byId = new Map<string, R>();
  const take = (outcome: BatchOutcome<string, SignalAnswer<E>>) => {
    const entries = outcome.items.flatMap((id) => labels.get(id) ?? [id]);
    if (!outcome.ok) {
      lookup.failures.push({ entries, error: outcome.error });
      return;
    }
    const answer = outcome.result;
    lookup.answered += 1;
    lookup.checkedEntries += entries.length;
    lookup.creditsCharged += answer.credits;
    lookup.endDate = answer.endDate ?? lookup.endDate;
    for (const entity of answer.entities) {
      if (entity.error) continue;
      const label = labels.get(idKey(entity.id))?.[0] ?? String(entity.id ?? '');
      for (const { type, item } of entity.signals) {
        const record = kind.toRecord(type, item, entity, label);
        if (!byId.has(record.id)) byId.set(record.id, record);
      }
    }
  };
  calls.forEach(take);
  lookup.records = [...byId.values()].sort(compareNewestFirst);
  return lookup;
}
