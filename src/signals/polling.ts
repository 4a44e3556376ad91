/**
 * The credit guard of the signal triggers. Zapier polls a trigger every few minutes, but
 * every Lusha signals call costs credits, and signals change at most daily. So a poll checks
 * Lusha at most once per "Check At Most Every" interval; in between it answers from z.cache
 * with the items of the last check and makes no call at all (Zapier dedupes by id, so the
 * same items never fire twice).
 *
 * The cache entry is keyed per connection (a one-way fingerprint of the key, never the key)
 * and per trigger configuration (a hash of the normalised watch list, types, look-back and
 * filters; not the interval, so changing the interval keeps the last check). The guard compares
 * the stored check time itself: z.cache's TTL only clears old entries (and appTester's mock
 * ignores TTL and scope).
 *
 * Size: an entry holds only the check time and at most MAX_POLL_ITEMS flat records (the
 * newest; 0.5 KB for a contact signal, up to about 1.2 KB for a news signal with its summary),
 * so at most about 300 KB of JSON.
 */
import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectionFingerprint, readConnectionCache, writeConnectionCache } from '../zapier/connection';

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

/**
 * Items a check returns and keeps at most: the newest. Zapier takes up to 100 new items per
 * poll; the rest of the cap leaves room for the items already seen. A signal that is not
 * among the newest 250 of its check when it first appears is not delivered.
 */
export const MAX_POLL_ITEMS = 250;
/** Items returned while the Zap editor loads samples. */
export const SAMPLE_ITEMS = 3;

/** Bump when the cached value's shape changes, so old entries are not misread. */
const CACHE_VERSION = 1;

export interface PollItem {
  id: string;
}

interface CachedCheck<R> {
  v: number;
  /** Epoch ms of the check. */
  checkedAt: number;
  items: R[];
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
  return `signals:v${CACHE_VERSION}:${triggerKey}:${connectionFingerprint(bundle)}:${configHash}`;
}

/** Whether a check made at `checkedAt` still covers `now` (a check "from the future" does not). */
export function isCheckFresh(checkedAt: number, intervalSeconds: number, now: number): boolean {
  return checkedAt <= now && now - checkedAt < intervalSeconds * 1000;
}

async function readCheck<R>(z: ZObject, key: string): Promise<CachedCheck<R> | undefined> {
  const value = (await readConnectionCache(z, key)) as Partial<CachedCheck<R>> | null;
  if (!value || value.v !== CACHE_VERSION || typeof value.checkedAt !== 'number' || !Array.isArray(value.items)) {
    return undefined;
  }
  return value as CachedCheck<R>;
}

async function writeCheck<R>(z: ZObject, key: string, check: CachedCheck<R>, intervalSeconds: number): Promise<void> {
  // Kept one interval: after that the next poll checks Lusha again anyway.
  await writeConnectionCache(z, key, check, intervalSeconds);
}

export interface PollOptions<R> {
  triggerKey: string;
  /** The normalised trigger configuration (watch list, types, look-back, filters). */
  config: unknown;
  intervalSeconds: number;
  /** Checks Lusha; `sample` asks for one small call. */
  check: (sample: boolean) => Promise<CheckResult<R>>;
  now?: () => number;
}

/**
 * One poll of a signal trigger:
 * - a check newer than the interval answers from the cache (no call);
 * - while the editor loads samples: one small check, at most 3 items, nothing cached;
 * - otherwise: check Lusha, keep the newest MAX_POLL_ITEMS with the check time, return them.
 *   When some batches failed, what the others found is kept (their credits are spent) and
 *   the first failure is thrown; when every batch failed, nothing is kept.
 */
export async function pollSignals<R extends PollItem>(
  z: ZObject,
  bundle: Bundle,
  options: PollOptions<R>,
): Promise<R[]> {
  const now = (options.now ?? Date.now)();
  const sample = Boolean(bundle.meta?.isLoadingSample);
  const key = signalCacheKey(options.triggerKey, bundle, options.config);

  const last = await readCheck<R>(z, key);
  if (last && isCheckFresh(last.checkedAt, options.intervalSeconds, now)) {
    return sample ? last.items.slice(0, SAMPLE_ITEMS) : last.items;
  }
  if (sample) {
    const result = await options.check(true);
    if (result.answered === 0 && result.failures[0]) throw result.failures[0].error;
    return result.records.slice(0, SAMPLE_ITEMS);
  }

  const result = await options.check(false);
  if (result.answered === 0 && result.failures[0]) throw result.failures[0].error;
  const items = result.records.slice(0, MAX_POLL_ITEMS);
  await writeCheck(z, key, { v: CACHE_VERSION, checkedAt: now, items }, options.intervalSeconds);
  if (result.failures[0]) throw result.failures[0].error;
  return items;
}
