/**
 * How every operation meets the Lusha client: `withLusha(perform)` gives the perform a
 * client wired to `z.request`, bounded by the run's time budget, and sends every failure
 * through the one error map.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { LushaClient } from '../lusha/client';
import { lushaBaseUrl, normalizeApiKey } from '../lusha/config';
import { toZapierError } from './errors';
import { ZapierTransport } from './transport';

/**
 * Zapier stops any step after 30 seconds. Requests must be done by 25 s after the perform
 * starts, leaving time for Zapier's own work before and after.
 */
export const RUN_BUDGET_MS = 25_000;

/** The secrets of this connection, for redaction (the key as stored and as sent). */
export function connectionSecrets(bundle: Pick<Bundle, 'authData'>): string[] {
  const raw = bundle.authData?.api_key;
  return [...new Set([typeof raw === 'string' ? raw : '', normalizeApiKey(raw)])].filter((s) => s.length > 0);
}

export function lushaClientFor(z: ZObject, bundle: Pick<Bundle, 'authData'>, startedAt = Date.now()): LushaClient {
  return new LushaClient({
    transport: new ZapierTransport(z, lushaBaseUrl()),
    deadline: startedAt + RUN_BUDGET_MS,
    secrets: connectionSecrets(bundle),
  });
}

export type LushaPerform<B extends Bundle, T> = (lusha: LushaClient, z: ZObject, bundle: B) => Promise<T>;

/** Wraps a perform: creates the client, maps every failure to the right Zapier error. */
export function withLusha<B extends Bundle, T>(perform: LushaPerform<B, T>): (z: ZObject, bundle: B) => Promise<T> {
  return async (z, bundle) => {
    const startedAt = Date.now();
    try {
      return await perform(lushaClientFor(z, bundle, startedAt), z, bundle);
    } catch (error) {
      throw toZapierError(z, error, connectionSecrets(bundle));
    }
  };
}
