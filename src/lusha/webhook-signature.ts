/**
 * Verifying a webhook delivery from Lusha: `X-Lusha-Signature` is the hex HMAC-SHA256 of
 * `"{X-Lusha-Timestamp}.{body}"` keyed by the account's webhook secret, and
 * `X-Lusha-Timestamp` is the Unix time (seconds) it was signed. A delivery verifies when the
 * signature matches the raw body (compared in constant time) and the timestamp is within a
 * short window of now (so a captured delivery cannot be replayed later). Lusha's own example
 * signs `JSON.stringify(payload)`; a body sent as exactly that serialisation verifies both ways,
 * and the raw body is what is checked.
 *
 * It knows nothing of Zapier: the caller gives the header values, the raw body and the secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a delivery's timestamp may be from now, either way, in seconds. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type Verification = { ok: true } | { ok: false; why: string };

/** The hex signature Lusha sends for `body` signed at `timestamp` with `secret`. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function verifyWebhookSignature(delivery: {
  signature: string | undefined;
  timestamp: string | undefined;
  body: string | undefined;
  secret: string;
  nowMs: number;
  toleranceSeconds?: number;
}): Verification {
  const { signature, timestamp, body, secret } = delivery;
  if (!signature) return { ok: false, why: 'no X-Lusha-Signature header' };
  if (!timestamp) return { ok: false, why: 'no X-Lusha-Timestamp header' };
  if (body === undefined) return { ok: false, why: 'no raw body to verify' };
  if (!/^\d{1,12}$/.test(timestamp.trim())) return { ok: false, why: 'an X-Lusha-Timestamp that is not Unix time' };
  const ageSeconds = Math.abs(delivery.nowMs / 1000 - Number(timestamp.trim()));
  const tolerance = delivery.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  if (ageSeconds > tolerance) {
    return { ok: false, why: `a timestamp ${Math.round(ageSeconds)} s away from now (more than ${tolerance} s)` };
  }
  const expected = Buffer.from(webhookSignature(secret, timestamp.trim(), body), 'hex');
  const given = /^[0-9a-f]+$/i.test(signature.trim()) ? Buffer.from(signature.trim(), 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, why: 'a signature that does not match the body' };
  }
  return { ok: true };
}
