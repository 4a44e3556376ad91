/**
 * What belongs to one Zapier connection (one Lusha API key): a one-way fingerprint of the
 * key to name cache entries by, and z.cache kept per connection. Entries are stored with the
 * `auth` scope (Zapier keeps them apart per connection; core accepts the scope on `get`
 * although its TypeScript types lack it), and a cache that fails is treated as empty: it may
 * cost a call, never a run.
 */
import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { normalizeApiKey } from '../lusha/config';

/** A short, one-way fingerprint of the key, to key caches per connection. Never the key itself. */
export function connectionFingerprint(bundle: Pick<Bundle, 'authData'>): string {
  return createHash('sha256').update(normalizeApiKey(bundle.authData?.api_key)).digest('hex').slice(0, 16);
}

type ScopedCache = {
  get: (key: string, scope?: string[]) => Promise<unknown>;
  set: (key: string, value: unknown, ttl?: number, scope?: string[], nx?: boolean) => Promise<unknown>;
  delete: (key: string, scope?: string[]) => Promise<unknown>;
};

const SCOPE = ['auth'];

export async function readConnectionCache(z: ZObject, key: string): Promise<unknown> {
  return (z.cache as unknown as ScopedCache).get(key, SCOPE).catch(() => null);
}

export async function writeConnectionCache(z: ZObject, key: string, value: unknown, ttlSeconds: number): Promise<void> {
  await (z.cache as unknown as ScopedCache)
    .set(key, value, Math.max(1, Math.round(ttlSeconds)), SCOPE)
    .catch(() => null);
}

/**
 * Takes the lock `key` for this connection for at most `ttlSeconds`, with z.cache's
 * set-if-not-exists (`nx`, core 15.18+): true when this run holds it, false when another run
 * took it first and still holds it. A cache that fails counts as taken by us: a lock may only
 * ever save a call, never block a run forever.
 */
export async function acquireConnectionLock(z: ZObject, key: string, ttlSeconds: number): Promise<boolean> {
  const ttl = Math.max(1, Math.round(ttlSeconds));
  const taken = await (z.cache as unknown as ScopedCache).set(key, Date.now(), ttl, SCOPE, true).catch(() => true);
  return taken !== false;
}

/** Releases a lock taken with acquireConnectionLock (a failure only lets it expire on its own). */
export async function releaseConnectionLock(z: ZObject, key: string): Promise<void> {
  await (z.cache as unknown as ScopedCache).delete(key, SCOPE).catch(() => null);
}
