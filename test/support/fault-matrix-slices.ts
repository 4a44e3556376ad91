/**
 * Which fault classes each fault-matrix file runs (test/e2e/fault-matrix-*.test.ts): every
 * class in exactly one file, each file under core's 250 invocations (see fault-matrix.ts) and
 * its connection test under Lusha's 5 account-usage reads a minute.
 */
import { SLOW, STALL } from './fault-classes';

export const HTTP = ['none', '400', '401'];
export const HTTP_4XX = ['402', '403', '404'];
export const LIMITS = ['429 with Retry-After', '429 without Retry-After', 'daily quota exhausted'];
/** Lusha refusing (GDPR), failing, or answering in a shape nobody can read. */
export const FAILURES = ['451', '500', 'malformed JSON'];
export const TRANSPORT = ['502', '503', 'dropped connection', STALL];
/** A failure that happens once: the one retry absorbs it where nothing can have been charged. */
export const BLIPS = ['503 once (retried)', 'dropped once'];
/** Lusha charged, then the answer was lost; and a slow answer that still fits the step's time. */
export const CHARGED = ['charged, then dropped', 'charged, then 504'];
export const SLOW_COLUMNS = [SLOW];

/** Every file's slice: between them, the whole matrix. */
export const ALL_SLICES = [HTTP, HTTP_4XX, LIMITS, FAILURES, TRANSPORT, BLIPS, CHARGED, SLOW_COLUMNS];
