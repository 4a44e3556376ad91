/**
 * The one way every operation stops on input it cannot use: a HaltedError (Zapier stops the
 * run without retrying, and the Zap stays on) that names the step, then lists every problem,
 * one per line, so the Zap builder can fix them all at once:
 *
 *   Find Person cannot run with this input (no credits were spent):
 *   - Email "maya@" is not a valid email address (expected something like name@company.com).
 *   - Lusha Person ID "abc" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha
 *     outputs it, e.g. v1.AbCdEfGhIjKl).
 *
 * It is thrown before any paid call, so it always says that nothing was charged. Problems
 * are plain clauses in the builder's words (the readers in src/input write them); a line
 * item's problems start with "Row N: ".
 */
import type { ZObject } from 'zapier-platform-core';
import type { Checked } from '../shared/readers';
import { formatCount } from '../shared/values';

/** Problems listed in one message; the rest are counted ("...and 12 more problems."). */
export const MAX_LISTED_PROBLEMS = 20;

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** The message: the step, then each problem on its own line, at most MAX_LISTED_PROBLEMS of them. */
export function inputProblemsMessage(step: string, problems: readonly string[]): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `- ${sentence(problem.trim())}`);
  const more = problems.length - MAX_LISTED_PROBLEMS;
  if (more > 0) listed.push(`- ...and ${formatCount(more)} more ${more === 1 ? 'problem' : 'problems'}.`);
  return `${step} cannot run with this input (no credits were spent):\n${listed.join('\n')}`;
}

/** The HaltedError for `problems` (at least one) of the step labelled `step` ("Find Person"). */
export function inputProblemsError(z: ZObject, step: string, problems: readonly string[]): Error {
  return new z.errors.HaltedError(inputProblemsMessage(step, problems));
}

/** Throws the HaltedError when there is any problem; does nothing otherwise. */
export function haltOnInputProblems(z: ZObject, step: string, problems: readonly string[]): void {
  if (problems.length > 0) throw inputProblemsError(z, step, problems);
}

/** The value a reader checked, or the HaltedError listing every problem it found. */
export function valueOrHalt<T>(z: ZObject, step: string, checked: Checked<T>): T {
  if (!checked.ok) throw inputProblemsError(z, step, checked.problems);
  return checked.value;
}
