/**
 * What each operation promises beyond its Zapier definition: the Lusha endpoints it
 * calls, what it costs in credits, and the errors a Zap builder can meet with what to do.
 * Every operation file exports one as `contract`; `npm run docs` renders them with the
 * definition into docs/operations.md, the contract a port to Make or Workato copies.
 */
import { ERROR_MAP, type ZapierErrorType } from './errors';

export type { ZapierErrorType };

export interface ErrorNote {
  /** When it happens, in the builder's words. */
  when: string;
  error: ZapierErrorType;
  /** What the builder should do about it. */
  action: string;
}

export interface OperationContract {
  /** "METHOD /path" of every Lusha endpoint the operation may call. */
  endpoints: string[];
  /** The credit cost in plain words. */
  credits: string;
  /** Errors specific to this operation; the common ones below apply to every operation. */
  errors: ErrorNote[];
  /**
   * What a Zap built on version 1.x (Lusha V2) sees differently since the operation runs on
   * Lusha's V3 API: keys V3 no longer fills (they stay, null), options it no longer reads.
   */
  sinceV3?: string[];
}

/** Errors any operation can raise: the rows of the one error map (src/zapier/errors.ts). */
export const COMMON_ERRORS: ErrorNote[] = ERROR_MAP.map((rule) => ({
  when: rule.when,
  error: rule.type,
  action: rule.action,
}));

/**
 * What else a builder may meet that is not a failure of a Lusha call: the README's
 * troubleshooting table lists these after the error map's rows.
 */
export const STEP_OUTCOMES: ReadonlyArray<{ seen: string; why: string; action: string }> = [
  {
    seen: 'A message listing fields or rows (HaltedError), nothing was called',
    why:
      'The input cannot match: no identifier, malformed email, LinkedIn URL not on linkedin.com, filter value not in ' +
      "Lusha's lists, page size outside 10–50…",
    action: 'Fix the fields named; every problem is listed at once, with row numbers for lists.',
  },
  {
    seen: 'Find Person/Company returns nothing',
    why: 'No match: Lusha found no one (no credit spent)',
    action: 'Use "find or create", or try another identifier.',
  },
  {
    seen: 'A bulk row with `status: error`',
    why: "That row's batch failed (the reason says why); other rows are unaffected",
    action: 'Re-run the failed rows later; matched rows were already paid for.',
  },
  {
    seen: '"Not enough time left in this run"',
    why: "A step must finish within Zapier's 30 s",
    action: 'Split the list across runs.',
  },
];
