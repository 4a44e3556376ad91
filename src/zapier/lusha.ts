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

/** A space, a line break or another control character: never part of a Lusha key. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_IN_A_KEY = /[\s\u0000-\u001f\u007f]+/;

/** Pieces of a key shorter than this are not redacted on their own (they would blank ordinary words). */
const MIN_SECRET_PIECE = 4;

/**
 * The secrets of this connection, for redaction: the key as stored and as sent, and each of
 * its lines or space-separated pieces (a key pasted with a line break may show up in a
 * message one line at a time).
 */
export function connectionSecrets(bundle: Pick<Bundle, 'authData'>): string[] {
  const raw = bundle.authData?.api_key;
  const whole = [typeof raw === 'string' ? raw : '', normalizeApiKey(raw)];
  const pieces = whole.flatMap((key) => key.split(NOT_IN_A_KEY));
  return [...new Set([...whole, ...pieces])]
    .filter((secret) => secret.length >= MIN_SECRET_PIECE || whole.includes(secret))
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length);
}

/**
 * Why the connection's key cannot be a Lusha key, if it cannot: empty, or with a line break,
 * a space or another control character inside (a paste that took more than the key). Such a
 * key is refused before any call: sending it would only fail, and could echo it back.
 */
export function apiKeyProblem(bundle: Pick<Bundle, 'authData'>): string | undefined {
  const key = normalizeApiKey(bundle.authData?.api_key);
  if (!key) return 'This connection has no Lusha API key: reconnect it with the key from Lusha (Settings → API).';
  if (NOT_IN_A_KEY.test(key)) {
    return (
      'The Lusha API key of this connection contains a line break, a space or another invisible character (it was ' +
      'pasted with more than the key): reconnect with the key exactly as Lusha shows it (Settings → API). ' +
      'Nothing was sent to Lusha.'
    );
  }
  return undefined;
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
    const keyProblem = apiKeyProblem(bundle);
    if (keyProblem) throw new z.errors.ExpiredAuthError(keyProblem);
    try {
      return await perform(lushaClientFor(z, bundle, startedAt), z, bundle);
    } catch (error) {
      throw toZapierError(z, error, connectionSecrets(bundle));
    }
  };
}
