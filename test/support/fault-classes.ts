/**
 * The failure classes of the fault matrix: each one a sandbox fault (see sandbox/README.md,
 * "faults") and the outcome the one error map (src/zapier/errors.ts) promises for it. The
 * matrix tests and the secret-hygiene tests share them.
 */
import type { FaultSpec } from '../../sandbox/types';

export type ZapierErrorType = 'HaltedError' | 'ThrottledError' | 'ExpiredAuthError' | 'Error';

/** What a run ends in: its normal result, a search's "nothing found" ([]), or a Zapier error. */
export type Outcome =
  | { result: 'ok' }
  | { result: 'empty' }
  | {
      error: ZapierErrorType;
      /** ThrottledError: the delay Zapier waits; 'quota' = until the next UTC midnight. */
      delay?: number | 'quota';
      /** Error: the HTTP status it carries. */
      status?: number;
      /** What the message must say: what happened, then what to do. */
      says: RegExp;
    };

export interface FaultClass {
  name: string;
  /** The sandbox fault; null = no fault (the run succeeds). */
  fault: FaultSpec | null;
  /** Apply the fault this many times only (a transient blip), else on every matching request. */
  times?: number;
  /** Requests the client makes to the faulted route: 2 where it retries once. */
  attempts: number;
  /** The outcome the error map promises, for an operation with no reason to answer otherwise. */
  outcome: Outcome;
  /**
   * On a paid route, where the fault may come after Lusha processed (and charged) the request:
   * the client does not retry it, and the step stops with a HaltedError that says so.
   */
  whenPaid?: { attempts: number; outcome: Outcome };
}

/** A paid request whose answer was lost: sent once, never retried, and the user is told why. */
const MAY_HAVE_CHARGED = (what: string) => ({
  attempts: 1,
  outcome: {
    error: 'HaltedError' as const,
    says: new RegExp(
      `^${what}.* Lusha may have processed this request and charged for it\\. It was not retried, so nothing is paid twice: check the usage of your Lusha account before running it again\\.$`,
    ),
  },
});

/** Longer than the 15 s that used to cut every request, shorter than a step's 25 s deadline. */
export const SLOW_MS = 16_000;
export const SLOW = 'slow but in time';

const RETRY_IN_60 = /Lusha seems temporarily unavailable; Zapier will retry in 60 s\.$/;
const UNAVAILABLE = (status: number) => `Lusha is temporarily unavailable \\(.*, HTTP ${status}\\)`;
const CONNECTION_FAILED = 'Could not reach Lusha for .*: connection failed';

/**
 * A failure that may pass (Lusha unavailable, the connection lost): the client tries twice, then
 * Zapier retries the step in 60 s. The message starts with `what`, then `then`, then that advice;
 * a `paid` request whose answer was lost is not re-sent (MAY_HAVE_CHARGED).
 */
function retriedThenIn60(name: string, fault: FaultSpec, what: string, paid: boolean, then = '.*'): FaultClass {
  return {
    name,
    fault,
    attempts: 2,
    outcome: { error: 'ThrottledError', delay: 60, says: new RegExp(`^${what}${then}${RETRY_IN_60.source}`) },
    ...(paid && { whenPaid: MAY_HAVE_CHARGED(what) }),
  };
}

export const FAULT_CLASSES: FaultClass[] = [
  { name: 'none', fault: null, attempts: 1, outcome: { result: 'ok' } },
  {
    name: '400',
    fault: { kind: 'status', status: 400 },
    attempts: 1,
    outcome: {
      error: 'HaltedError',
      says: /^Lusha rejected the request \(.*, HTTP 400\): Invalid request parameters\..* Check the step's fields and try again\.$/s,
    },
  },
  {
    name: '401',
    fault: { kind: 'status', status: 401 },
    attempts: 1,
    outcome: {
      error: 'ExpiredAuthError',
      says: /^Lusha rejected the API key \(.*, HTTP 401\): Invalid API key\. Reconnect your Lusha account in Zapier/,
    },
  },
  {
    name: '402',
    fault: { kind: 'status', status: 402 },
    attempts: 1,
    outcome: {
      error: 'HaltedError',
      says: /^The Lusha account has no credits left \(.*, HTTP 402\).*Add credits to your Lusha account/,
    },
  },
  {
    name: '403',
    fault: { kind: 'status', status: 403 },
    attempts: 1,
    outcome: {
      error: 'Error',
      status: 403,
      says: /^Lusha refused the request \(.*, HTTP 403\).* ask your Lusha admin/,
    },
  },
  {
    name: '404',
    fault: { kind: 'status', status: 404 },
    attempts: 1,
    outcome: {
      error: 'HaltedError',
      says: /^Lusha found nothing \(.*, HTTP 404\).*(Check the identifiers passed to this step|Check the step's fields)/s,
    },
  },
  {
    name: '429 with Retry-After',
    fault: { kind: 'rateLimit', retryAfter: 42 },
    attempts: 1,
    outcome: {
      error: 'ThrottledError',
      delay: 42,
      says: /^Lusha rate limit reached \(.*, HTTP 429\).*Zapier will retry in 42 s\.$/,
    },
  },
  {
    name: '429 without Retry-After',
    fault: { kind: 'rateLimit', retryAfter: null },
    attempts: 1,
    outcome: {
      error: 'ThrottledError',
      delay: 10,
      says: /^Lusha rate limit reached \(.*, HTTP 429\).*Zapier will retry in 10 s\.$/,
    },
  },
  {
    name: 'daily quota exhausted',
    fault: { kind: 'quota' },
    attempts: 1,
    outcome: {
      error: 'ThrottledError',
      delay: 'quota',
      says: /^The Lusha daily request quota is used up \(.*, HTTP 429\).*Zapier will retry after the quota resets, in \d+ s\.$/,
    },
  },
  {
    name: '451',
    fault: { kind: 'gdpr' },
    attempts: 1,
    outcome: {
      error: 'HaltedError',
      says: /^Lusha cannot return this record for GDPR reasons \(.*, HTTP 451\).*Skip this record: retrying will not help\.$/,
    },
  },
  {
    name: '500',
    fault: { kind: 'status', status: 500 },
    attempts: 1,
    outcome: {
      error: 'Error',
      status: 500,
      says: /^Lusha failed to process the request \(.*, HTTP 500\).*If this keeps happening, contact Lusha support\.$/,
    },
  },
  retriedThenIn60('502', { kind: 'status', status: 502 }, UNAVAILABLE(502), true),
  retriedThenIn60('503', { kind: 'status', status: 503 }, UNAVAILABLE(503), false),
  {
    name: '503 once (retried)',
    fault: { kind: 'status', status: 503 },
    times: 1,
    attempts: 2,
    outcome: { result: 'ok' },
  },
  {
    name: 'malformed JSON',
    fault: { kind: 'malformed' },
    attempts: 1,
    outcome: {
      error: 'Error',
      status: 502,
      says: /^Lusha answered .* with a body that is not JSON\. The connector cannot read this answer; please report it/,
    },
  },
  retriedThenIn60('dropped connection', { kind: 'drop' }, CONNECTION_FAILED, true, ' .*'),
  {
    name: 'dropped once',
    fault: { kind: 'drop' },
    times: 1,
    attempts: 2,
    outcome: { result: 'ok' },
    whenPaid: MAY_HAVE_CHARGED(CONNECTION_FAILED),
  },
  {
    name: 'stalled body past the deadline',
    fault: { kind: 'stall' },
    attempts: 1,
    outcome: {
      error: 'ThrottledError',
      delay: 60,
      says: new RegExp(
        `^Lusha did not answer .* in time \\(no complete response within \\d+ ms\\)\\. ${RETRY_IN_60.source}`,
      ),
    },
    whenPaid: MAY_HAVE_CHARGED('Lusha did not answer .* in time \\(no complete response within \\d+ ms\\)'),
  },
  // Lusha did the work and charged for it, then the answer never came back (the sandbox's
  // chargeThenDrop): on a free route the client retries once; a paid one is never re-sent.
  retriedThenIn60('charged, then dropped', { kind: 'chargeThenDrop' }, CONNECTION_FAILED, true, ' .*'),
  // A gateway that timed out after Lusha did (and charged) the work (chargeThenStatus 504).
  retriedThenIn60('charged, then 504', { kind: 'chargeThenStatus', status: 504 }, UNAVAILABLE(504), true),
  {
    // Slow, but one request still fits in the step's time: it is awaited, not cut at 15 s.
    name: SLOW,
    fault: { kind: 'latency', ms: SLOW_MS },
    attempts: 1,
    outcome: { result: 'ok' },
  },
];

export const STALL = 'stalled body past the deadline';

/** Seconds from `now` to the next UTC midnight (when a daily quota resets). */
export function secondsToUtcMidnight(now: number): number {
  const d = new Date(now);
  return Math.ceil((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - now) / 1000);
}

/**
 * The general rules for any message a Zap builder may see (an error, a row's reason): not
 * empty, plain words (no stack, no "undefined", no "[object Object]", no doubled full stop),
 * and the `secrets` nowhere in it. Returns the rules it breaks.
 */
export function messageProblems(message: string, secrets: readonly string[]): string[] {
  const problems: string[] = [];
  if (!message.trim()) problems.push('empty');
  if (/\bundefined\b/.test(message)) problems.push('says "undefined"');
  if (message.includes('[object Object]')) problems.push('says "[object Object]"');
  if (/\n\s+at .+:\d+/.test(message)) problems.push('holds a stack trace');
  if (/(?<!\.)\.\.(?!\.)/.test(message)) problems.push('has a doubled full stop');
  for (const secret of secrets)
    if (secret && message.toLowerCase().includes(secret.toLowerCase())) problems.push(`holds the secret "${secret}"`);
  return problems;
}
