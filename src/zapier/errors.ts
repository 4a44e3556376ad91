/**
 * The one place where failures become Zapier errors. Every operation goes through
 * `withLusha` (src/zapier/lusha.ts), which sends anything thrown through `toZapierError`.
 *
 * The map is a table, ERROR_MAP: one row per kind of client error (src/lusha/errors.ts),
 * with the Zapier error it becomes (ExpiredAuthError: reconnect; HaltedError: stop this run,
 * keep the Zap on; ThrottledError: Zapier retries later; Error: the user must act) and what
 * to do, in the builder's words. The docs' common errors and the README's troubleshooting
 * table are generated from the same rows (`npm run docs`).
 *
 * Messages say what happened and what to do, and never contain the API key. A 403 from a
 * signals endpoint says in words that the plan lacks Signals.
 */
import type { ZObject } from 'zapier-platform-core';
import {
  LushaNetworkError,
  LushaOutcomeUnknownError,
  LushaTimeoutError,
  LushaUnavailableError,
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
  LushaUntrackedDomainError,
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
 * is said in those words; elsewhere the usual cause is an option or feature the plan lacks.
 */
function forbiddenAdvice(endpoint: string): string {
  if (/^POST \/v3\/(contacts|companies)\/signals$/.test(endpoint)) {
    return (
      'Your Lusha plan does not include Signals (or the Lusha account is inactive): ' +
      'ask your Lusha admin to add Signals to the plan, or turn this Zap off.'
    );
  }
  if (endpoint === 'POST /v3/contacts/buying-group') {
    return (
      'Your Lusha plan does not include the Buying Group API (or the Lusha account is inactive): ' +
      'ask your Lusha admin to add it to the plan.'
    );
  }
  return (
    "Your Lusha plan or account does not allow this: change the step's options " +
    '(for example turn off Exclude Do Not Call Numbers, or the reveal) or ask your Lusha admin.'
  );
}

/** The Zapier error types the connector raises. */
export type ZapierErrorType = 'HaltedError' | 'Error' | 'ThrottledError' | 'ExpiredAuthError';

/** How one client error surfaces in Zapier: the error type, what to do, and its details. */
export interface ZapierMapping {
  type: ZapierErrorType;
  /** What the Zap builder should do, appended to the client's message. */
  advice: string;
  /** ThrottledError: seconds before Zapier retries. */
  delaySeconds?: number;
  /** Error: a machine code and the HTTP status. */
  code?: string;
  status?: number;
}

const delay = (seconds: number | undefined, cap: number) =>
  Math.min(cap, Math.max(1, seconds ?? DEFAULT_THROTTLE_SECONDS));

/** The mapping of a 429: Zapier retries after the delay Lusha names, at most `cap` seconds, as `advice` says. */
const retryAfter =
  (cap: number, advice: (seconds: number) => string) =>
  (error: LushaError): Omit<ZapierMapping, 'type'> => {
    const seconds = delay((error as LushaRateLimitError).retryAfterSeconds, cap);
    return { advice: advice(seconds), delaySeconds: seconds };
  };

/**
 * One row of the map: which client errors it covers, how they surface, and the same in the
 * builder's words for the docs (docs/operations.md and the README's troubleshooting table are
 * generated from these rows).
 */
export interface ErrorRule {
  /** The client error classes this row covers (the first row that matches wins). */
  covers: ReadonlyArray<abstract new (...args: never[]) => LushaError>;
  type: ZapierErrorType;
  /** What to do about this error, and its details (delay, code, status). */
  map: (error: LushaError) => Omit<ZapierMapping, 'type'>;
  /** When it happens, in the builder's words. */
  when: string;
  /** The start of the message the builder sees. */
  seen: string;
  /** What the builder should do. */
  action: string;
}

/** The map itself: the table above, one row per kind of failure. Pure, so a port can reuse it as is. */
export const ERROR_MAP: readonly ErrorRule[] = [
  {
    covers: [LushaAuthError],
    type: 'ExpiredAuthError',
    map: () => ({
      advice: 'Reconnect your Lusha account in Zapier with a current API key (in Lusha: Settings → API).',
    }),
    when: 'Lusha rejects the API key (401): it is wrong, revoked, or pasted with "Bearer "',
    seen: 'Lusha rejected the API key … Reconnect',
    action: 'Reconnect with the key from Lusha: Settings → API. A pasted "Bearer " prefix is stripped for you.',
  },
  {
    covers: [LushaCreditsError],
    type: 'HaltedError',
    map: () => ({ advice: 'Add credits to your Lusha account or wait for your plan to renew, then replay the run.' }),
    when: 'The account is out of credits (402)',
    seen: 'The Lusha account has no credits left … Add credits',
    action: 'Add credits or wait for the plan to renew, then replay the run. The Zap stays on.',
  },
  {
    covers: [LushaTrialLimitError],
    type: 'HaltedError',
    map: () => ({ advice: 'Upgrade your Lusha plan to continue.' }),
    when: 'A trial account reached its limit (429 naming the trial)',
    seen: 'The Lusha trial limit is reached … Upgrade',
    action: 'Upgrade the Lusha plan; waiting does not help.',
  },
  {
    covers: [LushaUntrackedDomainError],
    type: 'Error',
    map: () => ({
      advice:
        'Set up website visitor tracking for each of the Tracked Domains in your Lusha dashboard (or ask your Lusha ' +
        'admin to), or remove the domains Lusha does not track; write each one as it is set up there (e.g. acme.com).',
      code: 'untracked_domain',
      status: 400,
    }),
    when: 'Website Visits: a Tracked Domain is not set up for visitor tracking in Lusha (400; the whole request fails)',
    seen: 'A domain asked for is not set up for website visitor tracking in Lusha … Set up website visitor tracking',
    action: 'Set up tracking for the domain in the Lusha dashboard, or remove it from Tracked Domains.',
  },
  {
    covers: [LushaValidationError],
    type: 'HaltedError',
    map: () => ({ advice: "Check the step's fields and try again." }),
    when: 'Lusha rejects the input (400/412)',
    seen: "Lusha rejected the request … Check the step's fields",
    action: "Fix the step's fields; the message quotes Lusha.",
  },
  {
    covers: [LushaComplianceError],
    type: 'HaltedError',
    map: () => ({ advice: 'Skip this record: retrying will not help.' }),
    when: 'Lusha refuses a record for GDPR reasons (451)',
    seen: 'Lusha cannot return this record for GDPR reasons',
    action: 'Skip the record; retrying will not help.',
  },
  {
    covers: [LushaNotFoundError],
    type: 'HaltedError',
    map: () => ({
      advice:
        'Check the identifiers passed to this step; if it takes none, Lusha no longer serves this endpoint: ' +
        "report it to the connector's maintainers.",
    }),
    when: 'Lusha answers 404 where a step does not expect it (searches answer a miss with no result instead)',
    seen: 'Lusha found nothing … Check the identifiers',
    action: 'Check the identifiers; if the step takes none, report it to the maintainers.',
  },
  {
    covers: [LushaForbiddenError],
    type: 'Error',
    map: (error) => ({ advice: forbiddenAdvice(error.endpoint), code: 'forbidden', status: 403 }),
    when: 'The plan lacks a feature (DNC exclusion, Signals, Lookalikes, V3 access), or the account is inactive (403)',
    seen: 'Lusha refused the request … Your Lusha plan or account does not allow this',
    action: 'Turn off the option named in the message, or ask your Lusha admin to add the feature to the plan.',
  },
  {
    covers: [LushaQuotaError],
    type: 'ThrottledError',
    map: retryAfter(MAX_QUOTA_SECONDS, (seconds) => `Zapier will retry after the quota resets, in ${seconds} s.`),
    when: 'A daily or hourly request quota of the plan is used up (429)',
    seen: 'The Lusha daily request quota is used up … Zapier will retry',
    action: 'Nothing: Zapier retries after the quota resets.',
  },
  {
    covers: [LushaRateLimitError],
    type: 'ThrottledError',
    map: retryAfter(MAX_THROTTLE_SECONDS, (seconds) => `Zapier will retry in ${seconds} s.`),
    when: "Lusha's rate limit is reached (429)",
    seen: 'Lusha rate limit reached … Zapier will retry in N s',
    action: 'Nothing: Zapier retries after the delay Lusha names.',
  },
  {
    covers: [LushaServerError],
    type: 'Error',
    map: (error) => ({
      advice: 'If this keeps happening, contact Lusha support.',
      code: 'server_error',
      status: error.status ?? 500,
    }),
    when: 'Lusha fails to process the request (500, an unexpected status or redirect)',
    seen: 'Lusha failed to process the request … contact Lusha support',
    action: 'Retry later; contact Lusha support if it persists.',
  },
  {
    covers: [LushaResponseError],
    type: 'Error',
    map: () => ({
      advice: "The connector cannot read this answer; please report it to the connector's maintainers.",
      code: 'bad_response',
      status: 502,
    }),
    when: 'Lusha answers in a shape the connector cannot read',
    seen: 'Lusha answered … in an unexpected shape',
    action: "Report it to the connector's maintainers.",
  },
  {
    covers: [LushaOutcomeUnknownError],
    type: 'HaltedError',
    map: () => ({
      advice:
        'It was not retried, so nothing is paid twice: check the usage of your Lusha account before running it again.',
    }),
    when: "A paid request's answer is lost after it reached Lusha (connection dropped, no answer in time, 499/502/504)",
    seen: 'Lusha may have processed this request and charged for it … not retried',
    action:
      'Check your Lusha usage, then replay the run if you still need it. Zapier does not retry it on its own, so a ' +
      'lost answer is never paid twice; free requests are retried once.',
  },
  {
    covers: [LushaUnavailableError, LushaTimeoutError, LushaNetworkError],
    type: 'ThrottledError',
    map: () => ({
      advice: `Lusha seems temporarily unavailable; Zapier will retry in ${UNAVAILABLE_RETRY_SECONDS} s.`,
      delaySeconds: UNAVAILABLE_RETRY_SECONDS,
    }),
    when: 'Lusha is unavailable (502/503/504), too slow, or the connection drops, after one quick retry',
    seen: 'Lusha seems temporarily unavailable',
    action: 'Nothing: Zapier retries later.',
  },
];

/** The row of the map that covers `error`. */
export function errorRuleOf(error: LushaError): ErrorRule {
  const rule = ERROR_MAP.find((r) => r.covers.some((kind) => error instanceof kind));
  if (!rule) throw new Error(`the error map has no row for ${error.name}`);
  return rule;
}

/** How `error` surfaces in Zapier. */
export function zapierMappingOf(error: LushaError): ZapierMapping {
  const rule = errorRuleOf(error);
  return { type: rule.type, ...rule.map(error) };
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
