/**
 * Typed errors of the Lusha client. They know nothing of Zapier: a port to another
 * platform maps these classes to its own conventions (see src/zapier/errors.ts for ours).
 *
 * Every error carries the endpoint it came from ("GET /v2/person") and, where Lusha sent
 * one, Lusha's own message. Messages never contain the API key: the client redacts every
 * secret it was given before an error is built (see `redact`).
 *
 * `errorFromResponse` is the one place where an HTTP status (and Lusha's body and headers)
 * becomes one of these classes.
 */
import type { TransportResponse } from './transport';

export type LushaErrorKind =
  | 'invalid_key'
  | 'out_of_credits'
  | 'forbidden'
  | 'validation'
  | 'untracked_domain'
  | 'not_found'
  | 'rate_limited'
  | 'quota_exhausted'
  | 'trial_limit'
  | 'compliance'
  | 'server'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'outcome_unknown'
  | 'bad_response';

export abstract class LushaError extends Error {
  abstract readonly kind: LushaErrorKind;
  /** Whether trying the same request again later can succeed. */
  abstract readonly retryable: boolean;

  constructor(
    message: string,
    /** "METHOD /path" of the call that failed. */
    readonly endpoint: string,
    /** HTTP status, when a response arrived. */
    readonly status?: number,
    /** Lusha's own words from the response body, when it sent any. */
    readonly lushaMessage?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 401: the key is missing, wrong or revoked. */
export class LushaAuthError extends LushaError {
  readonly kind = 'invalid_key';
  readonly retryable = false;
}

/** 402: the account has no credits left for this call. */
export class LushaCreditsError extends LushaError {
  readonly kind = 'out_of_credits';
  readonly retryable = false;
}

/** 403: account inactive, or the plan lacks the feature (reveal flags, DNC, Signals...). */
export class LushaForbiddenError extends LushaError {
  readonly kind = 'forbidden';
  readonly retryable = false;
}

/** 400 / 412: Lusha rejected the input. */
export class LushaValidationError extends LushaError {
  readonly kind: 'validation' | 'untracked_domain' = 'validation';
  readonly retryable = false;
}

/** The one endpoint that takes only the domains the account set up for tracking in Lusha. */
export const WEBSITE_VISITS_ENDPOINT = 'POST /v3/companies/website-visits';

/**
 * 400 from Website Visits naming a domain (or its tracking): a domain asked for is not set up for
 * website-visitor tracking in the Lusha dashboard, which fails the whole request (the spec's note).
 * Every other input the endpoint takes is checked before the call, so its 400 about a domain is this.
 */
export class LushaUntrackedDomainError extends LushaValidationError {
  override readonly kind = 'untracked_domain';
}

/** Lusha's words about a domain not set up for tracking: they name the tracking, or the domain. */
const UNTRACKED_DOMAIN_WORDS = /track|domain/i;

/** 404: no such resource (e.g. a company lookup without a match). */
export class LushaNotFoundError extends LushaError {
  readonly kind = 'not_found';
  readonly retryable = false;
}

/** 429 from the per-second/minute limits: retry after `retryAfterSeconds`. */
export class LushaRateLimitError extends LushaError {
  readonly kind: 'rate_limited' | 'quota_exhausted' = 'rate_limited';
  readonly retryable = true;
  constructor(
    message: string,
    endpoint: string,
    status: number,
    lushaMessage: string | undefined,
    /** Seconds until a retry can succeed, as the response headers say; undefined when they say nothing. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message, endpoint, status, lushaMessage);
  }
}

/** 429 because the daily (or hourly) request quota is used up: retry after the reset. */
export class LushaQuotaError extends LushaRateLimitError {
  override readonly kind = 'quota_exhausted';
}

/** 429 because a trial account reached its limit: waiting does not help. */
export class LushaTrialLimitError extends LushaError {
  readonly kind = 'trial_limit';
  readonly retryable = false;
}

/** 451: Lusha refuses the record for GDPR reasons. */
export class LushaComplianceError extends LushaError {
  readonly kind = 'compliance';
  readonly retryable = false;
}

/** 500 and other unexpected statuses: Lusha failed. */
export class LushaServerError extends LushaError {
  readonly kind = 'server';
  readonly retryable = false;
}

/** 499 / 502 / 503 / 504: Lusha is temporarily unavailable. */
export class LushaUnavailableError extends LushaError {
  readonly kind = 'unavailable';
  readonly retryable = true;
}

/**
 * No answer arrived: the time ran out, or the connection failed or dropped. `sent` says
 * whether the request left: false when it was not started for lack of time, or when the
 * connection was never made (refused, name not resolved), so it certainly never reached Lusha.
 */
export abstract class LushaNoAnswerError extends LushaError {
  abstract override readonly kind: 'timeout' | 'network';
  readonly retryable = true;
  constructor(
    message: string,
    endpoint: string,
    readonly sent = true,
  ) {
    super(message, endpoint);
  }
}

/** No (complete) response within the time allowed. */
export class LushaTimeoutError extends LushaNoAnswerError {
  readonly kind = 'timeout';
}

/** The connection failed or was dropped before a response arrived. */
export class LushaNetworkError extends LushaNoAnswerError {
  readonly kind = 'network';
}

/**
 * A paid request whose answer was lost after it reached Lusha (the connection dropped, no
 * answer in time, a 499/502/504 from Lusha's gateway): Lusha may have processed it and charged
 * for it. It is never retried automatically, by the client or by Zapier: a retry could pay
 * twice. `cause` is the failure as it happened.
 */
export class LushaOutcomeUnknownError extends LushaError {
  readonly kind = 'outcome_unknown';
  readonly retryable = false;
  constructor(override readonly cause: LushaError) {
    super(
      appendSentence(cause.message, 'Lusha may have processed this request and charged for it'),
      cause.endpoint,
      cause.status,
      cause.lushaMessage,
    );
  }
}

/** A 2xx response whose body is not JSON or not the documented shape. */
export class LushaResponseError extends LushaError {
  readonly kind = 'bad_response';
  readonly retryable = false;
}

/**
 * `text` followed by the sentence `next`, with exactly one full stop between them: Lusha's
 * own words often end with one already ("Please try again later."), and appending ". Do X"
 * to them would double it.
 */
export function appendSentence(text: string, next: string): string {
  const trimmed = text.trimEnd();
  return `${/[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`} ${next}`;
}

/** Replaces every secret in `text` with "[redacted]". */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/**
 * Lusha's error bodies come in several shapes; this reads all of them:
 * `{"statusCode":400,"message":"...","errors":["..."]}`, `{"error":{"code":400,"message":"..."}}`,
 * `{"message":["a","b"]}` and `{"message":"..."}`.
 */
export function readLushaMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined;
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const parts: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value.trim()) parts.push(value.trim());
    else if (Array.isArray(value)) value.forEach(add);
  };
  add(record.message);
  const nested = record.error;
  if (nested && typeof nested === 'object') add((nested as Record<string, unknown>).message);
  // A bare `error` string beside a message is the HTTP reason phrase ("Bad Request"): not Lusha's words.
  else if (parts.length === 0) add(nested);
  add(record.errors);
  const unique = [...new Set(parts)];
  return unique.length > 0 ? unique.join('; ') : undefined;
}

// ---------------------------------------------------------------- from a response

/** A class of error built from the base constructor's arguments only. */
type PlainLushaError = new (message: string, endpoint: string, status?: number, lushaMessage?: string) => LushaError;

/**
 * The typed error for a non-2xx response of `endpoint`: the status says which class, Lusha's
 * words (any of its body shapes, redacted by `clean`) go into the message, and a 429's
 * headers say whether it is a rate limit, a used-up quota or a trial limit, and how long to wait.
 */
export function errorFromResponse(
  endpoint: string,
  response: TransportResponse,
  context: { now: number; clean: (text: string) => string },
): LushaError {
  const { status } = response;
  let body: unknown = response.text;
  try {
    body = JSON.parse(response.text);
  } catch {
    // a non-JSON error body is read as text
  }
  const raw = readLushaMessage(body);
  const lushaMessage = raw === undefined ? undefined : context.clean(raw.slice(0, 500));
  const said = lushaMessage ? `: ${lushaMessage}` : '';
  const message = (what: string) => `${what} (${endpoint}, HTTP ${status})${said}`;
  /** An error of `Class` saying `what`, with the endpoint, the status and Lusha's words. */
  const plain = (Class: PlainLushaError, what: string) => new Class(message(what), endpoint, status, lushaMessage);

  if (status === 400 && endpoint === WEBSITE_VISITS_ENDPOINT && UNTRACKED_DOMAIN_WORDS.test(lushaMessage ?? '')) {
    return plain(LushaUntrackedDomainError, 'A domain asked for is not set up for website visitor tracking in Lusha');
  }
  if (status === 400 || status === 412 || status === 422) {
    return plain(LushaValidationError, 'Lusha rejected the request');
  }
  if (status === 401) return plain(LushaAuthError, 'Lusha rejected the API key');
  if (status === 402) return plain(LushaCreditsError, 'The Lusha account has no credits left');
  if (status === 403) return plain(LushaForbiddenError, 'Lusha refused the request');
  if (status === 404) return plain(LushaNotFoundError, 'Lusha found nothing');
  if (status === 429) {
    if (lushaMessage && /trial/i.test(lushaMessage)) {
      return plain(LushaTrialLimitError, 'The Lusha trial limit is reached');
    }
    const quota = quotaExhaustion(response.headers, context.now);
    if (quota) {
      return new LushaQuotaError(
        message(`The Lusha ${quota.period} request quota is used up`),
        endpoint,
        status,
        lushaMessage,
        quota.resetSeconds,
      );
    }
    return new LushaRateLimitError(
      message('Lusha rate limit reached'),
      endpoint,
      status,
      lushaMessage,
      retryAfterSeconds(response.headers, context.now),
    );
  }
  if (status === 451) return plain(LushaComplianceError, 'Lusha cannot return this record for GDPR reasons');
  if (status === 499 || status === 502 || status === 503 || status === 504) {
    return plain(LushaUnavailableError, 'Lusha is temporarily unavailable');
  }
  if (status >= 300 && status < 400) {
    return new LushaServerError(
      message('Lusha answered with an unexpected redirect, which was not followed'),
      endpoint,
      status,
    );
  }
  return plain(LushaServerError, 'Lusha failed to process the request');
}

/**
 * Seconds to wait before retrying a 429, from `Retry-After` (seconds or an HTTP date) or
 * `RateLimit-Reset` (seconds); undefined when the headers say nothing usable.
 */
export function retryAfterSeconds(headers: Record<string, string>, now: number): number | undefined {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter));
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  const reset = headers['ratelimit-reset']?.trim();
  if (reset && /^\d+$/.test(reset)) return Number(reset);
  return undefined;
}

/**
 * Whether a 429 means a daily or hourly quota is used up (Lusha's `x-daily-requests-left` /
 * `x-ratelimit-remaining-daily` at 0), and the seconds until it resets: from
 * `x-ratelimit-reset-daily` (seconds, or an epoch time in seconds), else from `Retry-After`,
 * else the next UTC midnight (daily) or hour (hourly).
 */
export function quotaExhaustion(
  headers: Record<string, string>,
  now: number,
): { period: 'daily' | 'hourly'; resetSeconds: number } | undefined {
  const isZero = (name: string) => headers[name] !== undefined && Number(headers[name]) <= 0;
  const period =
    isZero('x-daily-requests-left') || isZero('x-ratelimit-remaining-daily')
      ? 'daily'
      : isZero('x-hourly-requests-left')
        ? 'hourly'
        : undefined;
  if (!period) return undefined;
  const resetHeader = headers['x-ratelimit-reset-daily']?.trim();
  if (period === 'daily' && resetHeader && /^\d+$/.test(resetHeader)) {
    const value = Number(resetHeader);
    // Large values are epoch seconds; small ones are seconds from now.
    const seconds = value > 1_000_000_000 ? value - Math.floor(now / 1000) : value;
    if (seconds > 0) return { period, resetSeconds: seconds };
  }
  const fromRetryAfter = retryAfterSeconds(headers, now);
  if (fromRetryAfter !== undefined && fromRetryAfter > 0) return { period, resetSeconds: fromRetryAfter };
  const date = new Date(now);
  const next =
    period === 'daily'
      ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1)
      : Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours() + 1);
  return { period, resetSeconds: Math.max(1, Math.ceil((next - now) / 1000)) };
}
