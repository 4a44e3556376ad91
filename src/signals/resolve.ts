/**
 * Watch-list entries given by identifiers (an email, a LinkedIn URL, a name with its company; a
 * domain or a company name), resolved to the Lusha ids that V3's signals endpoints take.
 *
 * The cheapest way V3 allows: `POST /v3/{contacts|companies}/search`, which bills `api_search`
 * per block of results found (1 credit per 25 in Lusha's example price list; an account's prices
 * are those GET /v3/account/usage lists; an entry not found is not billed), sent 100 entries a
 * call so that the blocks fill. The ids found are kept per connection in z.cache for
 * RESOLVED_ID_DAYS: a Lusha id names the person or the company for good (a job change is a
 * signal of the same contact id), so a trigger pays to resolve its watch list about once a month
 * instead of on every check, and a lookup that meets the same email again pays nothing to find
 * it. An entry Lusha did not find is kept a day only (asking again bills nothing, and it may be
 * found later). One cache entry per connection and kind holds every resolved identifier (at most
 * MAX_CACHED_IDS, the newest), keyed by a hash of the identifier.
 */
import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectionFingerprint, readConnectionCache, writeConnectionCache } from '../zapier/connection';

/** How long a resolved id is kept: Lusha's ids are stable, and re-resolving costs credits. */
export const RESOLVED_ID_DAYS = 30;
/** How long "not found" is kept: asking again bills nothing, it only costs a call. */
export const NOT_FOUND_DAYS = 1;
/** Identifiers kept per connection and kind (about 60 bytes each). */
export const MAX_CACHED_IDS = 2000;

const DAY_MS = 86_400_000;

/** What the cache knows of an identifier: its Lusha id, null (Lusha found none), or undefined (unknown). */
export type Resolution = string | null | undefined;

/** Where resolved ids are kept between runs. */
export interface IdStore {
  /** What is known of each identifier key, and is still fresh. */
  read(keys: readonly string[]): Promise<Map<string, string | null>>;
  /** Keeps what a search found: key → Lusha id, or null for "not found". */
  write(found: ReadonlyMap<string, string | null>): Promise<void>;
}

/** The key of an identifier (the entry's search, canonical JSON): a one-way hash, never the email itself. */
export function identifierKey(search: unknown): string {
  return createHash('sha256').update(JSON.stringify(search)).digest('hex').slice(0, 20);
}

interface CachedIds {
  v: 1;
  /** key → [Lusha id, or '' for not found; epoch ms stored]. */
  e: Record<string, [string, number]>;
}

const fresh = ([id, storedAt]: [string, number], now: number): boolean =>
  storedAt <= now && now - storedAt < (id ? RESOLVED_ID_DAYS : NOT_FOUND_DAYS) * DAY_MS;

/** The ids resolved on this connection, in z.cache (a cache that fails only costs a search). */
export function connectionIdStore(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
  kind: 'contact' | 'company',
  now: () => number = Date.now,
): IdStore {
  const key = `signal-ids:v1:${kind}:${connectionFingerprint(bundle)}`;
  const load = async (): Promise<CachedIds['e']> => {
    const value = (await readConnectionCache(z, key)) as Partial<CachedIds> | null;
    return value && value.v === 1 && value.e && typeof value.e === 'object' ? value.e : {};
  };
  return {
    async read(keys) {
      const entries = await load();
      const at = now();
      const known = new Map<string, string | null>();
      for (const k of keys) {
        const entry = entries[k];
        if (Array.isArray(entry) && fresh(entry, at)) known.set(k, entry[0] || null);
      }
      return known;
    },
    async write(found) {
      if (found.size === 0) return;
      // Read again just before writing, so what another run stored meanwhile is kept.
      const entries = await load();
      const at = now();
      for (const [k, id] of found) entries[k] = [id ?? '', at];
      const kept = Object.entries(entries)
        .filter(([, entry]) => Array.isArray(entry) && fresh(entry, at))
        .sort(([, a], [, b]) => b[1] - a[1])
        .slice(0, MAX_CACHED_IDS);
      const value: CachedIds = { v: 1, e: Object.fromEntries(kept) };
      await writeConnectionCache(z, key, value, RESOLVED_ID_DAYS * 86_400);
    },
  };
}

/** No store: every run resolves again (scripts, and steps run without a Zapier cache). */
export const NO_ID_STORE: IdStore = {
  read: async () => new Map(),
  write: async () => undefined,
};
