/**
 * The credit guard of the signal triggers, on its own: freshness, the cache key, the window
 * start date, and what a poll does with the cache, samples and partial failures.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { lookbackStartDate } from '../../../src/signals/lookup';
import { LushaOutcomeUnknownError, LushaTimeoutError } from '../../../src/lusha/errors';
import {
  CHECK_LOCK_SECONDS,
  FAILED_CHECK_BACKOFF_SECONDS,
  isCheckFresh,
  MAX_POLL_ITEMS,
  pollSignals,
  signalCacheKey,
  type CheckResult,
} from '../../../src/signals/polling';
import { TEST_KEY } from '../../support/zapier';

const HOUR_S = 3600;

/** A z with an in-memory cache that records what it was asked. */
function fakeZ() {
  const store = new Map<string, unknown>();
  const sets: Array<{ key: string; ttl: unknown; scope: unknown }> = [];
  const z = {
    cache: {
      get: async (key: string) => (store.has(key) ? JSON.parse(JSON.stringify(store.get(key))) : null),
      // Like core 19's z.cache.set: with nx, it writes only when the key is absent.
      set: async (key: string, value: unknown, ttl?: number, scope?: string[], nx?: boolean) => {
        if (nx && store.has(key)) return false;
        sets.push({ key, ttl, scope });
        store.set(key, value);
        return true;
      },
      delete: async (key: string) => store.delete(key),
    },
  } as unknown as ZObject;
  return { z, store, sets };
}

const bundle = (isLoadingSample = false, apiKey = TEST_KEY) =>
  ({ authData: { api_key: apiKey }, inputData: {}, meta: { isLoadingSample } }) as unknown as Bundle;

const records = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, signalDate: '2025-05-01' }));

function checker(results: Array<CheckResult<{ id: string }>>) {
  const calls: boolean[] = [];
  const check = async (sample: boolean) => {
    calls.push(sample);
    const next = results.shift();
    if (!next) throw new Error('unexpected check');
    return next;
  };
  return { check, calls };
}

const ok = (items: Array<{ id: string }>): CheckResult<{ id: string }> => ({
  records: items,
  failures: [],
  answered: 1,
});

describe('isCheckFresh', () => {
  it('is fresh for less than one interval after the check, and never for a check "from the future"', () => {
    const t = Date.parse('2025-06-20T10:00:00Z');
    expect(isCheckFresh(t, HOUR_S, t)).toBe(true);
    expect(isCheckFresh(t, HOUR_S, t + HOUR_S * 1000 - 1)).toBe(true);
    expect(isCheckFresh(t, HOUR_S, t + HOUR_S * 1000)).toBe(false);
    expect(isCheckFresh(t + 1000, HOUR_S, t)).toBe(false);
  });
});

describe('lookbackStartDate (the window)', () => {
  it('is the UTC date the look-back reaches, whatever the local time of day', () => {
    expect(lookbackStartDate(30, Date.parse('2025-06-20T10:00:00Z'))).toBe('2025-05-21');
    expect(lookbackStartDate(1, Date.parse('2025-06-20T00:00:00Z'))).toBe('2025-06-19');
    expect(lookbackStartDate(1, Date.parse('2025-06-20T23:59:59Z'))).toBe('2025-06-19');
    expect(lookbackStartDate(180, Date.parse('2025-03-01T12:00:00Z'))).toBe('2024-09-02');
  });
});

describe('signalCacheKey', () => {
  const config = { ids: ['1', '2'], types: ['promotion'], lookbackDays: 30 };

  it('names the trigger, a one-way fingerprint of the connection and a hash of the configuration', () => {
    const key = signalCacheKey('new_contact_signal', bundle(), config);
    expect(key).toMatch(/^signals:v1:new_contact_signal:[0-9a-f]{16}:[0-9a-f]{24}$/);
    expect(key).not.toContain(TEST_KEY);
    expect(signalCacheKey('new_contact_signal', bundle(), { ...config })).toBe(key);
  });

  it('differs per connection, per configuration and per trigger', () => {
    const key = signalCacheKey('new_contact_signal', bundle(), config);
    expect(signalCacheKey('new_contact_signal', bundle(false, 'other-key'), config)).not.toBe(key);
    expect(signalCacheKey('new_contact_signal', bundle(), { ...config, lookbackDays: 31 })).not.toBe(key);
    expect(signalCacheKey('new_company_signal', bundle(), config)).not.toBe(key);
  });
});

describe('pollSignals', () => {
  const T = Date.parse('2025-06-20T10:00:00Z');
  const options = (check: (sample: boolean) => Promise<CheckResult<{ id: string }>>, now: number) => ({
    triggerKey: 'new_contact_signal',
    config: { ids: ['1'] },
    intervalSeconds: 24 * HOUR_S,
    check,
    eventOf: (record: { id: string }) => ({ id: record.id, e: record.id, t: 'promotion', d: '2025-05-01', r: '' }),
    now: () => now,
  });

  it('checks once, then answers from the cache until the interval has passed', async () => {
    const { z, sets } = fakeZ();
    const { check, calls } = checker([ok(records(2)), ok(records(3))]);
    expect(await pollSignals(z, bundle(), options(check, T))).toHaveLength(2);
    expect(await pollSignals(z, bundle(), options(check, T + 23 * HOUR_S * 1000))).toHaveLength(2);
    expect(calls).toEqual([false]);
    expect(await pollSignals(z, bundle(), options(check, T + 24 * HOUR_S * 1000))).toHaveLength(3);
    expect(calls).toEqual([false, false]);
    const checks = sets.filter((set) => !set.key.endsWith(':checking'));
    // Kept a week past the interval, so the events already seen outlive a paused Zap's week.
    expect(checks[0]).toMatchObject({ ttl: 24 * HOUR_S + 7 * 24 * HOUR_S, scope: ['auth'] });
    expect(sets.find((set) => set.key.endsWith(':checking'))).toMatchObject({ ttl: CHECK_LOCK_SECONDS });
  });

  it('checks once when three polls start together with an empty cache (the lock is set with nx)', async () => {
    const { z } = fakeZ();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls: boolean[] = [];
    const slowCheck = async (sample: boolean) => {
      calls.push(sample);
      await gate;
      return ok(records(2));
    };
    const polls = [1, 2, 3].map(() => pollSignals(z, bundle(), options(slowCheck, T)));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    const answers = await Promise.all(polls);
    expect(calls).toEqual([false]);
    expect(answers.map((items) => items.length).sort()).toEqual([0, 0, 2]);
    // The lock is released: the next due poll checks again.
    const { check, calls: later } = checker([ok(records(2))]);
    await pollSignals(z, bundle(), options(check, T + 24 * HOUR_S * 1000));
    expect(later).toEqual([false]);
  });

  it('counts a check that may have been charged, and backs off before the next attempt', async () => {
    const { z } = fakeZ();
    const lost = new LushaOutcomeUnknownError(
      new LushaTimeoutError('Lusha did not answer in time', 'POST /v3/contacts/signals'),
    );
    const { check, calls } = checker([
      { records: [], failures: [{ error: lost }], answered: 0 },
      { records: [], failures: [{ error: lost }], answered: 0 },
      ok(records(1)),
    ]);
    await expect(pollSignals(z, bundle(), options(check, T))).rejects.toBe(lost);
    // Polls inside the back-off make no call.
    expect(await pollSignals(z, bundle(), options(check, T + 60_000))).toEqual([]);
    expect(calls).toHaveLength(1);
    const first = FAILED_CHECK_BACKOFF_SECONDS * 1000;
    await expect(pollSignals(z, bundle(), options(check, T + first))).rejects.toBe(lost);
    // The second back-off is twice as long, never longer than the interval.
    expect(await pollSignals(z, bundle(), options(check, T + first + 2 * first - 1))).toEqual([]);
    expect(calls).toHaveLength(2);
    expect(await pollSignals(z, bundle(), options(check, T + first + 2 * first))).toHaveLength(1);
    expect(calls).toHaveLength(3);
  });

  it('delivers a new signal however many older ones the watch list has', async () => {
    const { z } = fakeZ();
    const old = records(350);
    const newcomer = { id: 'late', signalDate: '2025-05-01' };
    const { check } = checker([ok(old), ok([...old, newcomer])]);
    await pollSignals(z, bundle(), options(check, T));
    const second = await pollSignals(z, bundle(), options(check, T + 24 * HOUR_S * 1000));
    expect(second.map((item) => item.id)).toContain('late');
    expect(second).toHaveLength(MAX_POLL_ITEMS);
  });

  it(`keeps and returns at most ${MAX_POLL_ITEMS} items, the newest`, async () => {
    const { z, store } = fakeZ();
    const { check } = checker([ok(records(MAX_POLL_ITEMS + 20))]);
    const items = await pollSignals(z, bundle(), options(check, T));
    expect(items).toHaveLength(MAX_POLL_ITEMS);
    expect(items[0]).toEqual({ id: 's0', signalDate: '2025-05-01' });
    const [cached] = [...store.values()] as Array<{ items: unknown[]; checkedAt: number }>;
    expect(cached).toMatchObject({ checkedAt: T });
    expect(cached?.items).toHaveLength(MAX_POLL_ITEMS);
  });

  it('loads samples with one small check, at most 3 items, and caches nothing', async () => {
    const { z, store } = fakeZ();
    const { check, calls } = checker([ok(records(5)), ok(records(5))]);
    expect(await pollSignals(z, bundle(true), options(check, T))).toHaveLength(3);
    expect(calls).toEqual([true]);
    expect(store.size).toBe(0);
    await pollSignals(z, bundle(), options(check, T));
    expect(calls).toEqual([true, false]);
  });

  it('loads samples from a fresh check without calling Lusha', async () => {
    const { z } = fakeZ();
    const { check, calls } = checker([ok(records(5))]);
    await pollSignals(z, bundle(), options(check, T));
    expect(await pollSignals(z, bundle(true), options(check, T + 1000))).toEqual(records(3));
    expect(calls).toEqual([false]);
  });

  it('keeps what answered batches found when another failed, and throws the failure', async () => {
    const { z } = fakeZ();
    const failure = new Error('batch 2 timed out');
    const { check, calls } = checker([{ records: records(2), failures: [{ error: failure }], answered: 1 }]);
    await expect(pollSignals(z, bundle(), options(check, T))).rejects.toBe(failure);
    // The next poll delivers what was found (its credits are spent) without calling again.
    expect(await pollSignals(z, bundle(), options(check, T + 60_000))).toHaveLength(2);
    expect(calls).toEqual([false]);
  });

  it('keeps nothing when every batch failed, so the next poll checks again', async () => {
    const { z, store } = fakeZ();
    const failure = new Error('forbidden');
    const { check, calls } = checker([{ records: [], failures: [{ error: failure }], answered: 0 }, ok(records(1))]);
    await expect(pollSignals(z, bundle(), options(check, T))).rejects.toBe(failure);
    expect(store.size).toBe(0);
    expect(await pollSignals(z, bundle(), options(check, T + 60_000))).toHaveLength(1);
    expect(calls).toEqual([false, false]);
  });

  it('checks again when the cache cannot be read', async () => {
    const { z } = fakeZ();
    (z.cache as unknown as { get: () => Promise<unknown> }).get = () => Promise.reject(new Error('cache down'));
    const { check, calls } = checker([ok(records(1)), ok(records(1))]);
    await pollSignals(z, bundle(), options(check, T));
    await pollSignals(z, bundle(), options(check, T + 1000));
    expect(calls).toEqual([false, false]);
  });
});
