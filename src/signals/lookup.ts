/**
 * The one path from a watch list to flat signal records, used by all four signal
 * operations: split the watch list into Lusha calls of at most 100 entries (IDs to
 * `POST /api/signals/{contacts|companies}`, identifier rows to the `/search` variants), send
 * them with bounded concurrency, map every signal of every answer to a record that names the
 * watch-list entry it was found for, drop repeats (the same signal found through two entries)
 * and sort newest first.
 *
 * Each batch succeeds or fails on its own: the triggers and the creates decide what a partial
 * answer means for them (src/zapier/signal-polling.ts, the creates' `notChecked`).
 */
import { chunk, sendBatches, throwConnectionFailure, type BatchOutcome } from '../lusha/batch';
import type { LushaClient } from '../lusha/client';
import { LushaTimeoutError } from '../lusha/errors';
import { TimeBudget } from '../lusha/time-budget';
import type { CompanySignalEntity, ContactSignalEntity } from '../lusha/schemas';
import {
  compareNewestFirst,
  toCompanySignalRecord,
  toContactSignalRecord,
  type CompanySignalRecord,
  type ContactSignalRecord,
} from './records';
import type { CompanySearch, ContactSearch, SignalWatch } from './watch';

/** Lusha takes at most 100 IDs or identifiers per signals call. */
export const SIGNALS_BATCH_SIZE = 100;
/** Signals calls in flight at once per endpoint (a full watch list of 500 is 5 calls). */
const CONCURRENCY = 3;
/** The editor's sample check: the first few entries of one call, a few results per type. */
export const SAMPLE_ENTRIES = 5;
export const SAMPLE_RESULTS_PER_TYPE = 3;

/** Why a call was not sent: the run had not enough time left for it (nothing charged). */
const NOT_SENT_MESSAGE = "Not sent: not enough time was left in this run (Zapier's 30 seconds per step)";

/** What every signals call sends besides the entries. */
export interface SignalRequest {
  signals: string[];
  startDate: string;
  maxResultsPerSignal?: number;
  filters?: Record<string, unknown>;
}

interface SignalAnswer<E> {
  entities: Record<string, E>;
  credits: number;
  startDate: string | null;
  endDate: string | null;
}

/** How one kind of signal (contact or company) is fetched and turned into records. */
export interface SignalKind<S, E extends { signals: Array<{ type: string; item: unknown }> }, R> {
  byIds(lusha: LushaClient, ids: number[], request: SignalRequest): Promise<SignalAnswer<E>>;
  bySearch(lusha: LushaClient, entries: Array<S & { id: string }>, request: SignalRequest): Promise<SignalAnswer<E>>;
  toRecord(type: string, item: E['signals'][number]['item'], entity: E, watchListEntry: string): R;
  /** "METHOD /path" of the signals endpoint, for messages. */
  endpoint: string;
}

export const CONTACT_SIGNALS: SignalKind<ContactSearch, ContactSignalEntity, ContactSignalRecord> = {
  async byIds(lusha, contactIds, request) {
    const answer = await lusha.getContactSignals({ contactIds, ...request });
    return toAnswer(answer.contacts, answer);
  },
  async bySearch(lusha, contacts, request) {
    const answer = await lusha.searchContactSignals({ contacts, ...request });
    return toAnswer(answer.contacts, answer);
  },
  toRecord: toContactSignalRecord,
  endpoint: 'POST /api/signals/contacts',
};

export const COMPANY_SIGNALS: SignalKind<CompanySearch, CompanySignalEntity, CompanySignalRecord> = {
  async byIds(lusha, companyIds, request) {
    const answer = await lusha.getCompanySignals({ companyIds, ...request });
    return toAnswer(answer.companies, answer);
  },
  async bySearch(lusha, companies, request) {
    const answer = await lusha.searchCompanySignals({ companies, ...request });
    return toAnswer(answer.companies, answer);
  },
  toRecord: toCompanySignalRecord,
  endpoint: 'POST /api/signals/companies',
};

function toAnswer<E>(
  entities: Record<string, E>,
  meta: {
    creditCharged?: number | null;
    creditsCharged?: number | null;
    startDate?: string | null;
    endDate?: string | null;
  },
): SignalAnswer<E> {
  return {
    entities,
    credits: meta.creditCharged ?? meta.creditsCharged ?? 0,
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
  creditsCharged: number;
  startDate: string;
  endDate: string | null;
  /** Watch-list entries whose batch was answered. */
  checkedEntries: number;
  /** Batches that failed: their entries (as labelled) and the error. */
  failures: Array<{ entries: string[]; error: unknown }>;
  /** Batches that got an answer. */
  answered: number;
}

/**
 * Fetches the signals of a watch list. `sample` makes one small call instead: the first
 * SAMPLE_ENTRIES entries of the first batch, SAMPLE_RESULTS_PER_TYPE results per type.
 */
export async function fetchSignals<
  S,
  E extends { signals: Array<{ type: string; item: unknown }> },
  R extends { id: string; signalDate: string | null },
>(
  kind: SignalKind<S, E, R>,
  lusha: LushaClient,
  watch: SignalWatch<S>,
  options: { sample?: boolean; now?: number } = {},
): Promise<SignalLookup<R>> {
  const startDate = lookbackStartDate(watch.lookbackDays, options.now);
  const request: SignalRequest = {
    signals: watch.types,
    startDate,
    ...(options.sample && { maxResultsPerSignal: SAMPLE_RESULTS_PER_TYPE }),
    ...(watch.filters && { filters: { ...watch.filters } }),
  };
  // The sample check is one call: the first few entries, IDs if there are any.
  const ids = options.sample ? watch.ids.slice(0, SAMPLE_ENTRIES) : watch.ids;
  const identifiers = options.sample
    ? ids.length > 0
      ? []
      : watch.identifiers.slice(0, SAMPLE_ENTRIES)
    : watch.identifiers;

  // A call starts only when the time left covers the slowest call so far: a call cut off by
  // the deadline may be charged and its answer lost.
  const budget = new TimeBudget(() => lusha.timeLeft());
  const timed = <T>(send: () => Promise<T>) => {
    if (!budget.fits()) throw new LushaTimeoutError(NOT_SENT_MESSAGE, kind.endpoint, undefined, undefined, false);
    return budget.time(send);
  };
  const [idOutcomes, searchOutcomes] = await Promise.all([
    sendBatches(chunk(ids, SIGNALS_BATCH_SIZE), CONCURRENCY, (entries) =>
      timed(() =>
        kind.byIds(
          lusha,
          entries.map((entry) => entry.id),
          request,
        ),
      ),
    ),
    sendBatches(chunk(identifiers, SIGNALS_BATCH_SIZE), CONCURRENCY, (entries) =>
      timed(() =>
        kind.bySearch(
          lusha,
          entries.map((entry) => ({ ...entry.search, id: entry.ref })),
          request,
        ),
      ),
    ),
  ]);
  throwConnectionFailure([...idOutcomes, ...searchOutcomes]);

  const lookup: SignalLookup<R> = {
    records: [],
    creditsCharged: 0,
    startDate,
    endDate: null,
    checkedEntries: 0,
    failures: [],
    answered: 0,
  };
  const byId = new Map<string, R>();
  // IDs come back keyed by the Lusha ID, identifier rows by our reference: either way the
  // key names the watch-list entry.
  const take = <T extends { label: string }>(
    outcome: BatchOutcome<T, SignalAnswer<E>>,
    keyOf: (entry: T) => string,
  ) => {
    const labels = new Map(outcome.items.map((entry) => [keyOf(entry), entry.label]));
    if (!outcome.ok) {
      lookup.failures.push({ entries: [...labels.values()], error: outcome.error });
      return;
    }
    const answer = outcome.result;
    lookup.answered += 1;
    lookup.checkedEntries += outcome.items.length;
    lookup.creditsCharged += answer.credits;
    lookup.endDate = answer.endDate ?? lookup.endDate;
    for (const [key, entity] of Object.entries(answer.entities)) {
      const label = labels.get(key) ?? key;
      for (const { type, item } of entity.signals) {
        const record = kind.toRecord(type, item, entity, label);
        if (!byId.has(record.id)) byId.set(record.id, record);
      }
    }
  };
  idOutcomes.forEach((outcome) => take(outcome, (entry) => String(entry.id)));
  searchOutcomes.forEach((outcome) => take(outcome, (entry) => entry.ref));
  lookup.records = [...byId.values()].sort(compareNewestFirst);
  return lookup;
}
