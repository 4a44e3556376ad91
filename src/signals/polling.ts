/**
 * The credit guard of the polling triggers that check Lusha (the signal triggers, New Website
 * Visitor Company: src/visits/). Zapier polls a trigger every few minutes, but
 * every Lusha signals call costs credits, and signals change at most daily. So a poll checks
 * Lusha at most once per "Check At Most Every" interval; in between it answers from z.cache
 * with the items of the last check and makes no call at all (Zapier dedupes by id, so the
 * same items never fire twice).
 *
 * The cache entry is keyed per connection (a one-way fingerprint of the key, never the key)
 * and per trigger configuration (a hash of the normalised watch list, types, look-back and
 * filters; not the interval, so changing the interval keeps the last check). The guard compares
 * the stored check time itself: z.cache's TTL only clears old entries (and appTester's mock
 * ignores TTL, scope and nx).
 *
 * A check that failed after Lusha may have charged for it counts as a check: the next one
 * waits a back-off (15 minutes, doubling, at most the interval). Simultaneous polls check
 * once: a poll takes a z.cache lock (set-if-not-exists) for the check, and a poll that finds
 * it taken answers from the cache without a call. Every signal new since the last check is
 * kept for delivery, whatever its date; a reworded event keeps its first id.
 *
 * Size: an entry holds the check times, the items to deliver (at most MAX_POLL_ITEMS, or more
 * when more signals are new; 0.5 KB for a contact signal, up to about 1.2 KB for a news signal
 * with its summary) and about 100 bytes per signal of the last check: a few hundred KB at most.
 */
import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { failureToReport } from '../lusha/batch';
import { LushaOutcomeUnknownError } from '../lusha/errors';
import { quote, readText, type ProblemList } from '../shared/readers';
import {
  acquireConnectionLock,
  connectionFingerprint,
  readConnectionCache,
  releaseConnectionLock,
  writeConnectionCache,
} from '../zapier/connection';
import { sameSignalEvent, type SignalEvent } from './records';

/** How often a trigger may check Lusha, for the "Check At Most Every" choice. */
export const CHECK_INTERVALS = {
  hourly: { label: 'Every Hour', seconds: 60 * 60 },
  every_6_hours: { label: 'Every 6 Hours', seconds: 6 * 60 * 60 },
  every_12_hours: { label: 'Every 12 Hours', seconds: 12 * 60 * 60 },
  daily: { label: 'Once a Day', seconds: 24 * 60 * 60 },
  weekly: { label: 'Once a Week', seconds: 7 * 24 * 60 * 60 },
} as const;
export type CheckInterval = keyof typeof CHECK_INTERVALS;
export const DEFAULT_CHECK_INTERVAL: CheckInterval = 'daily';

/** The "Check At Most Every" field of a polling trigger; `helpText` says what a check costs. */
export function checkEveryField(helpText: string) {
  return {
    key: 'check_every',
    label: 'Check At Most Every',
    type: 'string' as const,
    required: true,
    default: DEFAULT_CHECK_INTERVAL,
    choices: Object.entries(CHECK_INTERVALS).map(([value, { label }]) => ({ value, label, sample: value })),
    helpText,
  };
}

/**
 * The "Check At Most Every" choice in seconds, with its problems recorded. An event (a signal,
 * a visit) can be dated up to a day before Lusha reports it: the look-back of each check must
 * reach back past the previous check, or events of `what` ("signal") could fall between two.
 */
export function readCheckInterval(value: unknown, lookbackDays: number, problems: ProblemList, what: string): number {
  const text = problems.take(readText(value, 'Check At Most Every')) ?? DEFAULT_CHECK_INTERVAL;
  // An own key only: "toString" or "constructor" must not find Object's members.
  const interval = Object.hasOwn(CHECK_INTERVALS, text) ? CHECK_INTERVALS[text as CheckInterval] : undefined;
  if (!interval) {
    problems.add(`Check At Most Every: ${quote(text)} is not one of ${Object.keys(CHECK_INTERVALS).join(', ')}`);
    return CHECK_INTERVALS[DEFAULT_CHECK_INTERVAL].seconds;
  }
  const minimumDays = Math.ceil(interval.seconds / 86_400) + 1;
  if (lookbackDays < minimumDays) {
    problems.add(
      `Look Back (Days) must be at least ${minimumDays} when checking ${interval.label.toLowerCase()}, ` +
        `so that no ${what} falls between two checks (got ${lookbackDays})`,
    );
  }
  return interval.seconds;
}

/**
 * Items a check keeps for the polls until the next check: every signal that is new since the
 * previous check (up to MAX_NEW_ITEMS), plus the newest others up to MAX_POLL_ITEMS. A new
 * signal is delivered however many older ones the watch list has; more than MAX_NEW_ITEMS new
 * signals between two checks keep only the newest MAX_NEW_ITEMS (the help text says so).
 */
export const MAX_POLL_ITEMS = 250;
export const MAX_NEW_ITEMS = 500;
/** Items returned while the Zap editor loads samples. */
export const SAMPLE_ITEMS = 3;
/**
 * After a check that failed once it may have been charged (an answer lost after it reached
 * Lusha), the next one waits this long, doubling with each such failure, never longer than the
 * check interval: a failing Lusha is not paid again on every poll.
 */
export const FAILED_CHECK_BACKOFF_SECONDS = 15 * 60;
/** How long one poll holds the check, so simultaneous polls check Lusha once (Zapier's step limit). */
export const CHECK_LOCK_SECONDS = 30;

/** The shape of the cached value; v1 (connector 1.x) entries are read too. */
const VALUE_VERSION = 2;
/** Part of the cache key: unchanged since 1.x, so an upgraded Zap finds its last check. */
const KEY_VERSION = 1;

export interface PollItem {
  id: string;
}

interface CachedCheck<R> {
  v: number;
  /** Epoch ms of the last check that got an answer (0: none yet). */
  checkedAt: number;
  /** Epoch ms before which no poll checks Lusha again after a failed check that may have been charged (0: none). */
  backoffUntil: number;
  /** Checks in a row that failed after they may have been charged. */
  failures: number;
  items: R[];
  /** Every signal of the last answered check, to tell new ones and to keep a reworded event's id. */
  seen: SignalEvent[];
}

/** What one check of Lusha found: the records, and the batches that failed (their first error). */
export interface CheckResult<R> {
  records: R[];
  failures: Array<{ error: unknown }>;
  /** Batches that got an answer. */
  answered: number;
}

/**
 * "signals:<trigger>:<connection fingerprint>:<config hash>". `config` must be normalised
 * (sorted, deduplicated) so that the same configuration always gives the same key.
 */
export function signalCacheKey(triggerKey: string, bundle: Pick<Bundle, 'authData'>, config: unknown): string {
  const configHash = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 24);
  return `signals:v${KEY_VERSION}:${triggerKey}:${connectionFingerprint(bundle)}:${configHash}`;
}

/** Whether a check made at `checkedAt` still covers `now` (a check "from the future" does not). */
export function isCheckFresh(checkedAt: number, intervalSeconds: number, now: number): boolean {
  return checkedAt <= now && now - checkedAt < intervalSeconds * 1000;
}

/** The cached check, reading a 1.x entry (items only) as a check whose events are its items. */
async function readCheck<R extends PollItem>(
  z: ZObject,
  key: string,
  eventOf: (record: R) => SignalEvent,
): Promise<CachedCheck<R> | undefined> {
  const value = (await readConnectionCache(z, key)) as Partial<CachedCheck<R>> | null;
  if (!value || typeof value.checkedAt !== 'number' || !Array.isArray(value.items)) return undefined;
  if (value.v === VALUE_VERSION && typeof value.backoffUntil === 'number' && Array.isArray(value.seen)) {
    return value as CachedCheck<R>;
  }
  if (value.v !== 1) return undefined;
  const items = value.items;
  return {
    v: VALUE_VERSION,
    checkedAt: value.checkedAt,
    backoffUntil: 0,
    failures: 0,
    items,
    seen: items.map(legacyEvent(eventOf)),
  };
}

/**
 * A 1.x item as an event: its id was Lusha's signalId (company signals) or a hash of other
 * parts; the event keeps the old id, so the first check after the upgrade re-uses it.
 */
const legacyEvent =
  <R extends PollItem>(eventOf: (record: R) => SignalEvent) =>
  (item: R): SignalEvent => {
    const event = eventOf(item);
    return { ...event, id: item.id, r: /^\d+$/.test(item.id) ? item.id : event.r };
  };

/** Kept at most a week past its next check (a stale entry only costs a check). */
async function writeCheck<R>(z: ZObject, key: string, check: CachedCheck<R>, intervalSeconds: number): Promise<void> {
  await writeConnectionCache(z, key, check, intervalSeconds + 7 * 24 * 60 * 60);
}

export interface PollOptions<R> {
  triggerKey: string;
  /** The normalised trigger configuration (watch list, types, look-back, filters). */
  config: unknown;
  intervalSeconds: number;
  /** Checks Lusha; `sample` asks for one small call. */
  check: (sample: boolean) => Promise<CheckResult<R>>;
  /** What identifies a record's event (src/signals/records.ts). */
  eventOf: (record: R) => SignalEvent;
  /**
   * Whether two events are one (a reworded event keeps its first id): signals by
   * `sameSignalEvent` (the default); a trigger whose ids say it all passes its own.
   */
  sameEvent?: (a: SignalEvent, b: SignalEvent) => boolean;
  now?: () => number;
}

/**
 * The records of a check with the ids of events already seen: a reworded event (a date moved
 * by a day, a 1.x id) keeps the id it was first delivered under, so it never fires twice.
 */
function keepSeenIds<R extends PollItem>(
  records: R[],
  seen: readonly SignalEvent[],
  eventOf: (r: R) => SignalEvent,
  sameEvent: (a: SignalEvent, b: SignalEvent) => boolean,
) {
  const seenIds = new Set(seen.map((event) => event.id));
  const taken = new Set<string>();
  const out: R[] = [];
  for (const record of records) {
    let id = record.id;
    if (!seenIds.has(id)) {
      const event = eventOf(record);
      const match = seen.find((old) => !taken.has(old.id) && sameEvent(old, event));
      if (match) id = match.id;
    }
    if (taken.has(id)) continue;
    taken.add(id);
    out.push(id === record.id ? record : { ...record, id });
  }
  return out;
}

/**
 * One poll of a signal trigger:
 * - before the next check is due (one interval after the last answered check, or a short
 *   back-off after a check that may have been charged and failed): the cached items, no call;
 * - while the editor loads samples: one small check, at most 3 items, nothing cached;
 * - otherwise, if no other poll of this trigger is checking right now (a z.cache lock, so
 *   simultaneous polls check once): check Lusha, keep every new signal and the newest others,
 *   and return them. When some batches failed, what the others found is kept (their credits
 *   are spent) and the first failure is thrown; when every batch failed, the failure is thrown
 *   and, if Lusha may have charged for it, the next check waits (a growing back-off).
 */
export async function pollSignals<R extends PollItem>(
  z: ZObject,
  bundle: Bundle,
  options: PollOptions<R>,
): Promise<R[]> {
  const now = (options.now ?? Date.now)();
  const sample = Boolean(bundle.meta?.isLoadingSample);
  const key = signalCacheKey(options.triggerKey, bundle, options.config);

  const last = await readCheck<R>(z, key, options.eventOf);
  const due = !last || !(isCheckFresh(last.checkedAt, options.intervalSeconds, now) || now < last.backoffUntil);
  if (last && !due) {
    return sample ? last.items.slice(0, SAMPLE_ITEMS) : last.items;
  }
  if (sample) {
    const result = await options.check(true);
    if (result.answered === 0 && result.failures.length > 0) throw failureToReport(result.failures.map((f) => f.error));
    return result.records.slice(0, SAMPLE_ITEMS);
  }

  const lock = `${key}:checking`;
  if (!(await acquireConnectionLock(z, lock, CHECK_LOCK_SECONDS))) return last?.items ?? [];
  try {
    const result = await options.check(false);
    const errors = result.failures.map((f) => f.error);
    if (result.answered === 0 && errors.length > 0) {
      if (errors.some((error) => error instanceof LushaOutcomeUnknownError)) {
        const failures = (last?.failures ?? 0) + 1;
        const backoff = Math.min(options.intervalSeconds, FAILED_CHECK_BACKOFF_SECONDS * 2 ** (failures - 1));
        const kept = last ?? { v: VALUE_VERSION, checkedAt: 0, items: [], seen: [] };
        await writeCheck(z, key, { ...kept, backoffUntil: now + backoff * 1000, failures }, options.intervalSeconds);
      }
      throw failureToReport(errors);
    }
    const seen = last?.seen ?? [];
    const records = keepSeenIds(result.records, seen, options.eventOf, options.sameEvent ?? sameSignalEvent);
    const seenIds = new Set(seen.map((event) => event.id));
    // New since the last answered check (on a first check nothing is "new": Zapier sets its baseline).
    const fresh = last && last.checkedAt > 0 ? records.filter((r) => !seenIds.has(r.id)).slice(0, MAX_NEW_ITEMS) : [];
    const freshIds = new Set(fresh.map((r) => r.id));
    const others = records.filter((r) => !freshIds.has(r.id)).slice(0, Math.max(0, MAX_POLL_ITEMS - fresh.length));
    const kept = new Set([...freshIds, ...others.map((r) => r.id)]);
    const items = records.filter((r) => kept.has(r.id));
    await writeCheck(
      z,
      key,
      {
        v: VALUE_VERSION,
        checkedAt: now,
        backoffUntil: 0,
        failures: 0,
        items,
        seen: records.map(options.eventOf),
      },
      options.intervalSeconds,
    );
    if (errors.length > 0) throw failureToReport(errors);
    return items;
  } finally {
    await releaseConnectionLock(z, lock);
  }
}
