/**
 * The one place where failures become Zapier errors. Every operation goes through
 * `withLusha` (src/zapier/lusha.ts), which sends anything thrown here.
 *
 * | Lusha client error                  | Zapier error        | why                                   |
 * |-------------------------------------|---------------------|---------------------------------------|
 * | 401 invalid key                     | ExpiredAuthError    | the user must reconnect               |
 * | 402 out of credits, trial limit     | HaltedError         | stop this run, keep the Zap on        |
 * | 400/412 validation, 451 GDPR, 404   | HaltedError         | the input must change, not the Zap    |
 * | 403 forbidden (plan, inactive)      | Error               | the user must act (plan, settings)    |
 * | 429 rate limit                      | ThrottledError      | retry after the headers' delay        |
 * | 429 daily/hourly quota              | ThrottledError      | retry after the quota resets          |
 * | 502/503/504, timeout, network       | ThrottledError      | transient: Zapier retries later       |
 * | 500, unexpected status, bad body    | Error               | Lusha (or the connector) failed       |
 *
 * Messages say what happened and what to do, and never contain the API key. A 403 from a
 * signals endpoint says in words that the plan lacks Signals.
 */
import type { ZObject } from 'zapier-platform-core';
import {
  LushaAuthError,
  LushaComplianceError,
  LushaCreditsError,
  LushaError,
  LushaForbiddenError,
  LushaNotFoundError,
  LushaQuotaError,
  LushaRateLimitError,
  LushaResponseError,
  LushaServerError,
  LushaTrialLimitError,
  LushaValidationError,
  appendSentence,
  redact,
} from '../lusha/errors';

/** Default wait when a 429 names no delay, and the cap for ordinary rate limits (seconds). */
export const DEFAULT_THROTTLE_SECONDS = 10;
export const MAX_THROTTLE_SECONDS = 300;
/** Wait before Zapier retries after Lusha was unavailable (seconds). */
export const UNAVAILABLE_RETRY_SECONDS = 60;
/** Cap for a quota reset delay: a daily quota resets within a day. */
const MAX_QUOTA_SECONDS = 24 * 60 * 60;

/**
 * What to do about a 403, by the feature the endpoint belongs to: a plan without Signals
 * is said in those words; elsewhere the usual cause is a reveal option the plan lacks.
 */
function forbiddenAdvice(endpoint: string): string {
  if (endpoint.includes(' /api/signals/')) {
    return (
      'Your Lusha plan does not include Signals (or the Lusha account is inactive): ' +
      'ask your Lusha admin to add Signals to the plan, or turn this Zap off.'
    );
  }
  return (
    "Your Lusha plan or account does not allow this: change the step's options " +
    '(for example turn off the reveal options) or ask your Lusha admin.'
  );
}

/** How one client error surfaces in Zapier: the error type, what to do, and its details. */
export interface ZapierMapping {
  type: 'ExpiredAuthError' | 'HaltedError' | 'Error' | 'ThrottledError';
  /** What the Zap builder should do, appended to the client's message. */
  advice: string;
  /** ThrottledError: seconds before Zapier retries. */
  delaySeconds?: number;
  /** Error: a machine code and the HTTP status. */
  code?: string;
  status?: number;
}

const delay = (seconds: number | undefined, cap: number) => Math.min(cap, Math.max(1, seconds ?? DEFAULT_THROTTLE_SECONDS));

/** The map itself: the table above, one branch per row. Pure, so a port can reuse it as is. */
export function zapierMappingOf(error: LushaError): ZapierMapping {
  if (error instanceof LushaAuthError) {
    return { type: 'ExpiredAuthError', advice: 'Reconnect your Lusha account in Zapier with a current API key (in Lusha: Settings → API).' };
  }
  if (error instanceof LushaCreditsError) {
    return { type: 'HaltedError', advice: 'Add credits to your Lusha account or wait for your plan to renew, then replay the run.' };
  }
  if (error instanceof LushaTrialLimitError) return { type: 'HaltedError', advice: 'Upgrade your Lusha plan to continue.' };
  if (error instanceof LushaValidationError) return { type: 'HaltedError', advice: "Check the step's fields and try again." };
  if (error instanceof LushaComplianceError) return { type: 'HaltedError', advice: 'Skip this record: retrying will not help.' };
  if (error instanceof LushaNotFoundError) {
    return {
      type: 'HaltedError',
      advice:
        'Check the identifiers passed to this step; if it takes none, Lusha no longer serves this endpoint: ' +
        "report it to the connector's maintainers.",
    };
  }
  if (error instanceof LushaForbiddenError) {
    return { type: 'Error', advice: forbiddenAdvice(error.endpoint), code: 'forbidden', status: 403 };
  }
  if (error instanceof LushaQuotaError) {
    const seconds = delay(error.retryAfterSeconds, MAX_QUOTA_SECONDS);
    return { type: 'ThrottledError', advice: `Zapier will retry after the quota resets, in ${seconds} s.`, delaySeconds: seconds };
  }
  if (error instanceof LushaRateLimitError) {
    const seconds = delay(error.retryAfterSeconds, MAX_THROTTLE_SECONDS);
    return { type: 'ThrottledError', advice: `Zapier will retry in ${seconds} s.`, delaySeconds: seconds };
  }
  if (error instanceof LushaServerError) {
    return { type: 'Error', advice: 'If this keeps happening, contact Lusha support.', code: 'server_error', status: error.status ?? 500 };
  }
  if (error instanceof LushaResponseError) {
    return {
      type: 'Error',
      advice: "The connector cannot read this answer; please report it to the connector's maintainers.",
      code: 'bad_response',
      status: 502,
    };
  }
  // Unavailable (499/502/503/504), timeout, network: transient, after the client's one retry.
  return {
    type: 'ThrottledError',
    advice: `Lusha seems temporarily unavailable; Zapier will retry in ${UNAVAILABLE_RETRY_SECONDS} s.`,
    delaySeconds: UNAVAILABLE_RETRY_SECONDS,
  };
}

/** Turns any failure of an operation into the Zapier error it should surface as. */
export function toZapierError(z: ZObject, error: unknown, secrets: readonly string[] = []): Error {
  const clean = (text: string) => redact(text, secrets);
  if (!(error instanceof LushaError)) {
    // Zapier's own errors (HaltedError from input validation...) pass through; anything else
    // is a bug, surfaced as is, without the key.
    if (error instanceof Error) {
      if (secrets.some((secret) => secret && error.message.includes(secret))) {
        error.message = clean(error.message);
      }
      return error;
    }
    return new z.errors.Error(clean(`Unexpected failure: ${String(error)}`), 'unexpected', 500);
  }
  // The client's message says what happened, where, and what Lusha said; add what to do.
  const mapping = zapierMappingOf(error);
  const message = clean(appendSentence(error.message, mapping.advice));
  switch (mapping.type) {
    case 'ExpiredAuthError':
      return new z.errors.ExpiredAuthError(message);
    case 'HaltedError':
      return new z.errors.HaltedError(message);
    case 'ThrottledError':
      return new z.errors.ThrottledError(message, mapping.delaySeconds as number);
    case 'Error':
      return new z.errors.Error(message, mapping.code, mapping.status);
  }
}

/**
 * Why some entries of a list (a bulk row, a watch-list entry, a contact to reveal) were
 * not done, when their batch failed and the run went on: short, key-free, with what to do.
 * A transient failure says to run them again (Zapier does not retry a step that returned
 * results: `again` says what to run again); any other carries the error map's advice.
 */
export function entryFailureReason(error: unknown, secrets: readonly string[], again: string): string {
  if (!(error instanceof LushaError)) return redact(error instanceof Error ? error.message : String(error), secrets);
  return redact(appendSentence(error.message, error.retryable ? again : zapierMappingOf(error).advice), secrets);
}
