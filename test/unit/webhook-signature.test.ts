/** Lusha's webhook signature: hex HMAC-SHA256 of "{timestamp}.{raw body}", checked in constant time, within a window. */
import { createHmac } from 'node:crypto';
import { verifyWebhookSignature, webhookSignature } from '../../src/lusha/webhook-signature';

const SECRET = 'whsec_0123456789abcdef0123456789abcdef0123456789abcdef';
const NOW = Date.parse('2026-12-03T10:00:00Z');
const TS = String(NOW / 1000);
const BODY = JSON.stringify({ id: 'f3b87e05', type: 'promotion', entityType: 'contact', data: { personId: 1 } });

const verify = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
  verifyWebhookSignature({
    signature: webhookSignature(SECRET, TS, BODY),
    timestamp: TS,
    body: BODY,
    secret: SECRET,
    nowMs: NOW,
    ...over,
  });

it('signs as Lusha documents it', () => {
  expect(webhookSignature(SECRET, TS, BODY)).toBe(createHmac('sha256', SECRET).update(`${TS}.${BODY}`).digest('hex'));
});

it('accepts a fresh delivery whose signature matches its raw body (any hex case)', () => {
  expect(verify({})).toEqual({ ok: true });
  expect(verify({ signature: webhookSignature(SECRET, TS, BODY).toUpperCase() })).toEqual({ ok: true });
  expect(verify({ nowMs: NOW + 299_000 })).toEqual({ ok: true });
});

it.each([
  ['a tampered body', { body: BODY.replace('promotion', 'companyChange') }, /does not match/],
  ['another secret', { secret: `${SECRET}x` }, /does not match/],
  [
    'a signature of another timestamp',
    { signature: webhookSignature(SECRET, String(Number(TS) - 1), BODY) },
    /does not match/,
  ],
  ['a truncated signature', { signature: webhookSignature(SECRET, TS, BODY).slice(0, 40) }, /does not match/],
  ['a signature that is not hex', { signature: 'not-hex-at-all' }, /does not match/],
  ['a stale timestamp (replay)', { nowMs: NOW + 301_000 }, /301 s away from now \(more than 300 s\)/],
  ['a timestamp from the future', { nowMs: NOW - 600_000 }, /600 s away/],
  ['a timestamp that is not Unix time', { timestamp: '2026-12-03T10:00:00Z' }, /not Unix time/],
  ['no signature header', { signature: undefined }, /no X-Lusha-Signature/],
  ['no timestamp header', { timestamp: undefined }, /no X-Lusha-Timestamp/],
  ['no body', { body: undefined }, /no raw body/],
])('refuses %s', (_name, over, why) => {
  const result = verify(over);
  expect(result.ok).toBe(false);
  expect(result.ok ? '' : result.why).toMatch(why);
  expect(JSON.stringify(result)).not.toContain(SECRET);
});
