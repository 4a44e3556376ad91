/**
 * The one machine behind every "enrich this list" operation (Bulk Enrich People, Bulk
 * Enrich Companies): each create supplies how to read a row, how rows compare, and how to
 * send one batch; this file does the rest, the same way for both.
 *
 *   rows ─ read & validate each ─ dedupe by normalised lookup ─ batches of ≤100 ─ send with
 *   bounded concurrency (under the client's rate limiter and deadline) ─ fan results back
 *   out to every row, in input order, with a status ─ totals
 *
 * Guarantees: no row is ever dropped (each comes back as matched, not_found, invalid_input
 * or error, with a reason); one bad row or one failed batch never fails the others, and
 * credits already spent are never thrown away. A batch is started only when the time left
 * covers the slowest batch so far (a slow Lusha makes the run stop early, its remaining rows
 * "not sent", rather than lose answers it paid for); a batch whose answer was lost after it
 * reached Lusha is never re-sent, and its rows say they may have been charged. The totals
 * are what Lusha charged for the answers received. The whole run fails only before any call
 * (no usable row, too many rows, bad options, the same run already in progress), when Lusha
 * rejects the key, or when every batch failed the same way and nothing can have been charged
 * (so Zapier's retry and halt rules apply).
 */
import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { BatchAnswer, RowOutcome } from '../shared/outcome';
import { type Checked, isBlank } from '../shared/readers';
import { readInteger } from '../shared/options';
import type { LushaClient } from '../lusha/client';
import { chunk, sendBatches, throwConnectionFailure } from '../lusha/batch';
import { TimeBudget } from '../lusha/time-budget';
import { LushaError, LushaOutcomeUnknownError } from '../lusha/errors';
import { lineItemFields, toLineItem } from './line-items';
import { formatCount } from '../shared/values';
import type { OutputField } from './fields';
import type { ErrorNote } from './contract';
import type { PlainInputField } from './fields';
import { entryFailureReason } from './errors';
import { acquireConnectionLock, connectionFingerprint, releaseConnectionLock } from './connection';
import { inputProblemsError } from './input-problems';
import { connectionSecrets } from './lusha';
import { accountPricing } from './pricing';
import { CreditBudget, type Pricing } from '../lusha/billing';

/** Most rows one run takes: 10 requests of 100, which finish well inside Zapier's 30 seconds. */
export const MAX_ROWS = 1000;
/** Lusha's bulk endpoints take 1 to 100 items per request. */
export const BATCH_SIZE = 100;
/** Requests in flight at once (the client's rate limiter still applies). */
export const CONCURRENCY = 4;
/**
 * A batch is not started with less than this left before the run's deadline (nor with less
 * than the slowest batch so far needs).
 */
export const MIN_TIME_PER_BATCH_MS = 3_000;
/** How long an identical run on the same connection is refused while one is in progress (Zapier's step limit). */
export const SAME_RUN_LOCK_SECONDS = 30;
/**
 * A bulk run makes up to 10 requests; Lusha allows 25 per second per endpoint. Zapier starts
 * at most 2 runs of one bulk operation per second per connection, so runs together stay
 * near the client's own 20 per second (the app-wide throttle counts runs, not requests).
 */
export const BULK_THROTTLE = { window: 1, limit: 2, scope: ['auth' as const, 'action' as const] };

/**
 * not_revealed: the step's Maximum Credits did not cover revealing (or looking up) the row;
 * the reason says what it costs. no_score: Lusha resolved the row but has no signal score for it
 * (the score steps only).
 */
export type RowStatus = 'matched' | 'not_found' | 'no_score' | 'invalid_input' | 'error' | 'not_revealed';

/**
 * How a bulk operation reports its rows: the statuses they can have (in the order Status lists
 * them) and what the total of matched rows is called ("Matched", "Scored"). The totals show Not
 * Revealed and No Score only where rows can have those statuses.
 */
export interface BulkReporting {
  statuses: readonly RowStatus[];
  matchedLabel: string;
}

/** The Bulk Enrich operations' reporting. */
export const ENRICH_REPORTING: BulkReporting = {
  statuses: ['matched', 'not_revealed', 'not_found', 'invalid_input', 'error'],
  matchedLabel: 'Matched',
};

/** What a bulk operation supplies: the rest of the run is the same for every kind of lookup. */
export interface BulkLookup<L, R> {
  /** What one row is, for messages: "person", "company". */
  noun: string;
  /** The plural, for messages: "people", "companies". */
  plural: string;
  /** The step's label, for messages: "Bulk Enrich People". */
  operation: string;
  /**
   * Problems with the step's own options (the same for every row): any of them stops the run
   * before any call, listed with the rows' problems.
   */
  optionProblems?: readonly string[];
  /** Reads one row into a lookup, or every problem with it. */
  read(row: Record<string, unknown>): Checked<L>;
  /** Rows whose lookups have the same key are sent once. */
  keyOf(lookup: L): string;
  /** The step's options in a canonical form, so that two runs with other options are not "the same run". */
  optionsKey?: string;
  /**
   * Sends one batch (at most BATCH_SIZE lookups, each under a generated id) and returns
   * the outcome per id and what Lusha charged for it. An id missing from the map comes back
   * as an error row.
   */
  send(lusha: LushaClient, batch: ReadonlyArray<{ id: string; lookup: L }>): Promise<BatchAnswer<R>>;
  /** The record of a row without a match: every key present, all empty. */
  emptyRecord: R;
  /** Batches in flight at once (default CONCURRENCY); 1 when each batch must know what the ones before spent. */
  concurrency?: number;
  /** What the step does to a row, in the past tense, for messages: "enriched" (the default), "scored". */
  pastTense?: string;
}

export interface BulkRow<R> {
  /** 1-based position in the input list. */
  row: number;
  /** The builder's own reference for the row, as given. */
  reference: string | null;
  status: RowStatus;
  reason: string | null;
  /** The earlier row with the same lookup, whose result this row shares (sent and charged once). */
  duplicateOfRow: number | null;
  /** The row's answer was lost after its request reached Lusha: Lusha may have charged for it. */
  possiblyCharged: boolean;
  record: R;
}

export interface BulkTotals {
  total: number;
  matched: number;
  notRevealed: number;
  notFound: number;
  invalid: number;
  errors: number;
  requests: number;
  /** What Lusha charged for the answers received. */
  creditsCharged: number;
  /** Rows whose answer was lost after reaching Lusha: Lusha may have charged for them (not in creditsCharged). */
  possiblyChargedRows: number;
}

export interface BulkResult<R> {
  totals: BulkTotals;
  rows: BulkRow<R>[];
}

/** Thrown instead of sending a batch when the run's deadline is too close. */
class NotSentError extends Error {}

const NOT_SENT_REASON =
  "Not sent: this run reached Zapier's time limit (30 seconds per step) before this row's turn. " +
  'Run it again, or split the list into smaller runs.';

/** The rows a builder passed: a list of line items (one object is one row). */
function rowsOf(input: unknown): Record<string, unknown>[] {
  if (isBlank(input)) return [];
  const list = Array.isArray(input) ? input : [input];
  return list.map((row) =>
    row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : {},
  );
}

function referenceOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** Why a failed batch's rows were not enriched (or scored): not sent for lack of time, or the batch's failure. */
function failureReason(error: unknown, secrets: readonly string[], pastTense = 'enriched'): string {
  if (error instanceof NotSentError) return NOT_SENT_REASON;
  return entryFailureReason(error, secrets, `This row was not ${pastTense}: run it again later.`);
}

/** A lookup Lusha's answer left out (it should not happen): an error row, free. */
function missingFromAnswer<R>(noun: string): RowOutcome<R> {
  return { status: 'error', reason: `Lusha's answer did not include this ${noun}: run it again.`, creditsCharged: 0 };
}

/** A short digest of what a run sends (its unique lookups and options), to recognise the same run. */
function runDigest<L, R>(lookups: ReadonlyArray<{ lookup: L }>, spec: BulkLookup<L, R>): string {
  const keys = JSON.stringify([spec.optionsKey ?? '', lookups.map((u) => spec.keyOf(u.lookup))]);
  return createHash('sha256').update(keys).digest('hex').slice(0, 24);
}

/** Two failures are "the same" when they are the same kind of Lusha error (or the same message). */
function failureSignature(error: unknown): string {
  if (error instanceof LushaError) return `${error.kind}:${error.status ?? ''}`;
  return error instanceof Error ? error.message : String(error);
}

/** One row as read: its position, the builder's reference, and its lookup or its problems. */
interface ReadRow<L> {
  row: number;
  reference: string | null;
  parsed: Checked<L>;
}

/**
 * One unique lookup of a run: the id it is sent to Lusha under (generated, never the
 * builder's reference), the lookup, and the rows that asked for it (the first is the one
 * whose result the others share).
 */
interface UniqueLookup<L> {
  id: string;
  lookup: L;
  rows: number[];
}

/** Groups the valid rows by lookup key: each unique lookup once, with every row that asked for it. */
function uniqueLookups<L>(read: readonly ReadRow<L>[], keyOf: (lookup: L) => string): UniqueLookup<L>[] {
  const byKey = new Map<string, UniqueLookup<L>>();
  for (const { row, parsed } of read) {
    if (!parsed.ok) continue;
    const key = keyOf(parsed.value);
    const existing = byKey.get(key);
    if (existing) existing.rows.push(row);
    else byKey.set(key, { id: String(byKey.size + 1), lookup: parsed.value, rows: [row] });
  }
  return [...byKey.values()];
}

/**
 * Runs a bulk lookup over the line items in `input`. Stops with the input-problems HaltedError
 * before any call when there is nothing usable to send, too much, or a bad option; otherwise
 * returns one row per input row.
 */
export async function enrichInBulk<L, R>(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
  lusha: LushaClient,
  input: unknown,
  spec: BulkLookup<L, R>,
): Promise<BulkResult<R>> {
  const rows = rowsOf(input);
  const optionProblems = spec.optionProblems ?? [];
  if (rows.length === 0) {
    throw inputProblemsError(z, spec.operation, [
      ...optionProblems,
      `There are no rows: map a list of ${spec.plural} from an earlier step into the line-item fields, or add rows`,
    ]);
  }
  if (rows.length > MAX_ROWS) {
    throw inputProblemsError(z, spec.operation, [
      ...optionProblems,
      `The list has ${formatCount(rows.length)} rows, but one run takes at most ${formatCount(MAX_ROWS)} ` +
        "so that it finishes within Zapier's 30-second limit: split the list (for example with Looping by Zapier) " +
        'and run it in parts',
    ]);
  }

  // 1. Read every row; the invalid ones are answered without a call, unless no row is usable.
  const read: ReadRow<L>[] = rows.map((row, index) => ({
    row: index + 1,
    reference: referenceOf(row.reference),
    parsed: spec.read(row),
  }));
  const rowProblems = read.flatMap((r) =>
    r.parsed.ok ? [] : r.parsed.problems.map((problem) => `Row ${r.row}: ${problem}`),
  );
  if (read.every((r) => !r.parsed.ok) || optionProblems.length > 0) {
    throw inputProblemsError(z, spec.operation, [...optionProblems, ...rowProblems]);
  }

  // 2. Identical lookups are sent once.
  const lookups = uniqueLookups(read, spec.keyOf);

  // 3. Batches of at most 100, a few at a time, each only while the time left covers the slowest so far.
  const lockKey = `bulk-run:${spec.operation}:${connectionFingerprint(bundle)}:${runDigest(lookups, spec)}`;
  if (!(await acquireConnectionLock(z, lockKey, SAME_RUN_LOCK_SECONDS))) {
    throw new z.errors.HaltedError(
      `${spec.operation} did not run: the same rows with the same options started on this connection less than ` +
        `${SAME_RUN_LOCK_SECONDS} seconds ago and may still be running (no credits were spent by this run). ` +
        'Use the results of that run; run it again in a minute if you still need to.',
    );
  }
  const budget = new TimeBudget(() => lusha.timeLeft(), { minimumMs: MIN_TIME_PER_BATCH_MS });
  const batches = await sendBatches(chunk(lookups, BATCH_SIZE), spec.concurrency ?? CONCURRENCY, async (batch) => {
    if (!budget.fits()) throw new NotSentError();
    return budget.time(() => spec.send(lusha, batch));
  }).finally(() => releaseConnectionLock(z, lockKey));
  throwConnectionFailure(batches);
  const attempted = batches.flatMap((b) => (b.ok || b.error instanceof NotSentError ? [] : [b.error]));
  const nothingCharged = !batches.some((b) => b.ok) && !attempted.some((e) => e instanceof LushaOutcomeUnknownError);
  if (nothingCharged && attempted.length > 0 && new Set(attempted.map(failureSignature)).size === 1) {
    // Nothing was enriched or charged: fail the run, so Zapier retries (429, 5xx) or halts (402...).
    throw attempted[0];
  }

  // 4. The outcome of each unique lookup.
  const secrets = connectionSecrets(bundle);
  const outcomes = new Map<UniqueLookup<L>, RowOutcome<R>>();
  for (const batch of batches) {
    for (const unique of batch.items) {
      outcomes.set(
        unique,
        batch.ok
          ? (batch.result.outcomes.get(unique.id) ?? missingFromAnswer(spec.noun))
          : {
              status: 'error',
              reason: failureReason(batch.error, secrets, spec.pastTense),
              creditsCharged: 0,
              possiblyCharged: batch.error instanceof LushaOutcomeUnknownError,
            },
      );
    }
  }

  // 5. Every row, in input order, with the outcome of its lookup.
  const lookupOfRow = new Map(lookups.flatMap((unique) => unique.rows.map((row) => [row, unique] as const)));
  const resultRows: BulkRow<R>[] = read.map(({ row, reference, parsed }) => {
    const unique = lookupOfRow.get(row);
    if (!parsed.ok || !unique) {
      const reason = parsed.ok ? null : parsed.problems.join('; ');
      return {
        row,
        reference,
        status: 'invalid_input',
        reason,
        duplicateOfRow: null,
        possiblyCharged: false,
        record: spec.emptyRecord,
      };
    }
    const outcome = outcomes.get(unique) as RowOutcome<R>;
    const firstRow = unique.rows[0] as number;
    return {
      row,
      reference,
      status: outcome.status,
      reason:
        outcome.status === 'error' || outcome.status === 'not_revealed' || outcome.status === 'no_score'
          ? outcome.reason
          : null,
      duplicateOfRow: firstRow === row ? null : firstRow,
      possiblyCharged: outcome.status === 'error' && outcome.possiblyCharged === true,
      record:
        (outcome.status === 'matched' || outcome.status === 'not_revealed' || outcome.status === 'no_score'
          ? outcome.record
          : null) ?? spec.emptyRecord,
    };
  });

  const count = (status: RowStatus) => resultRows.filter((r) => r.status === status).length;
  // What Lusha billed for the batches whose answers came back (a lost answer's charge is unknown: its rows say so).
  const creditsCharged = batches.reduce((sum, batch) => sum + (batch.ok ? batch.result.creditsCharged : 0), 0);
  return {
    totals: {
      total: resultRows.length,
      matched: count('matched'),
      notRevealed: count('not_revealed'),
      notFound: count('not_found'),
      invalid: count('invalid_input'),
      errors: count('error'),
      requests: lusha.requestCount,
      creditsCharged,
      possiblyChargedRows: resultRows.filter((r) => r.possiblyCharged).length,
    },
    rows: resultRows,
  };
}

// ------------------------------------------------------------------ Zapier output

/** "a", "a and b", "a, b and c". */
const inWords = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The statuses the Reason field's label names (a not_revealed row has one too; Bulk Enrich's label leaves it out). */
const REASON_LABEL_STATUSES: readonly RowStatus[] = ['no_score', 'invalid_input', 'error'];

/** The per-row fields every bulk operation outputs before the record's fields. */
function rowFields(reporting: BulkReporting): OutputField[] {
  const withReason = reporting.statuses.filter((status) => REASON_LABEL_STATUSES.includes(status));
  return [
    { key: 'row', label: 'Row Number', type: 'integer' },
    { key: 'reference', label: 'Your Reference', type: 'string' },
    { key: 'status', label: `Status (${reporting.statuses.join(', ')})`, type: 'string' },
    { key: 'reason', label: `Reason (for ${inWords(withReason)})`, type: 'string' },
    { key: 'duplicateOfRow', label: 'Same Lookup As Row', type: 'integer' },
    { key: 'possiblyCharged', label: 'May Have Been Charged (Answer Lost)', type: 'boolean' },
  ];
}

/** The totals a bulk create outputs: Not Revealed and No Score only where its rows can have those statuses. */
export type BulkOutputTotals = Omit<BulkTotals, 'notRevealed'> & { notRevealed?: number; noScore?: number };

/** The totals shown only where a row can have the status. */
const TOTAL_ONLY_WITH: Readonly<Record<string, RowStatus>> = { notRevealed: 'not_revealed', noScore: 'no_score' };

const totalFields: OutputField[] = [
  { key: 'total', label: 'Rows', type: 'integer' },
  { key: 'matched', label: 'Matched', type: 'integer' },
  { key: 'notRevealed', label: 'Not Revealed (Over Maximum Credits)', type: 'integer' },
  { key: 'notFound', label: 'Not Found', type: 'integer' },
  { key: 'noScore', label: 'No Score (Found, Not Scored)', type: 'integer' },
  { key: 'invalid', label: 'Invalid Input', type: 'integer' },
  { key: 'errors', label: 'Errors', type: 'integer' },
  { key: 'requests', label: 'Requests to Lusha', type: 'integer' },
  { key: 'creditsCharged', label: 'Credits Charged', type: 'integer' },
  { key: 'possiblyChargedRows', label: 'Rows That May Have Been Charged (Answer Lost)', type: 'integer' },
  { key: 'summary', label: 'Summary', type: 'string' },
];

/** The total fields of an operation that reports as `reporting` says, the matched total under its own label. */
function totalFieldsOf(reporting: BulkReporting): OutputField[] {
  return totalFields
    .filter((field) => !TOTAL_ONLY_WITH[field.key] || reporting.statuses.includes(TOTAL_ONLY_WITH[field.key]!))
    .map((field) => (field.key === 'matched' ? { ...field, label: reporting.matchedLabel } : field));
}

/**
 * The output fields of a bulk operation: totals, then `rows` as line items, each the row's
 * fields and the record's, flat (lists as text, see src/records/line-item.ts).
 */
export function bulkOutputFields(
  recordFields: readonly OutputField[],
  rowsLabel: string,
  reporting: BulkReporting = ENRICH_REPORTING,
): OutputField[] {
  return [
    ...totalFieldsOf(reporting),
    { key: 'rows', label: rowsLabel, children: [...rowFields(reporting), ...lineItemFields(recordFields)] },
  ];
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * "3 rows: 1 matched, 1 not found, 1 invalid input, 0 errors. 1 request to Lusha, 1 credit charged."
 * ("1 scored, 1 not found, 0 no score, ..." for the score steps). When answers were lost after
 * reaching Lusha, it says how many rows Lusha may have charged on top.
 */
export function summaryOf(totals: BulkOutputTotals, reporting: BulkReporting = ENRICH_REPORTING): string {
  const lost =
    totals.possiblyChargedRows > 0
      ? ` ${plural(totals.possiblyChargedRows, 'row', 'rows')} may also have been charged: their answers were lost ` +
        'after reaching Lusha (see Reason); check your Lusha usage before running them again.'
      : '';
  return (
    `${plural(totals.total, 'row', 'rows')}: ${totals.matched} ${reporting.matchedLabel.toLowerCase()}, ` +
    ((totals.notRevealed ?? 0) > 0 ? `${totals.notRevealed} not revealed (Maximum Credits), ` : '') +
    `${totals.notFound} not found, ` +
    (reporting.statuses.includes('no_score') ? `${totals.noScore ?? 0} no score, ` : '') +
    `${totals.invalid} invalid input, ${plural(totals.errors, 'error', 'errors')}. ` +
    `${plural(totals.requests, 'request', 'requests')} to Lusha, ` +
    `${plural(totals.creditsCharged, 'credit', 'credits')} charged.${lost}`
  );
}

/**
 * The object a bulk create returns: totals, a summary, and one flat line item per input row.
 * A record's Credit Charged (where it has one) is false on a row Lusha did not charge, and
 * null on a row whose answer was lost (Lusha may have charged it).
 */
export function bulkOutput<R extends object>(result: BulkResult<R>, reporting: BulkReporting = ENRICH_REPORTING) {
  const all: BulkOutputTotals = {
    ...result.totals,
    noScore: result.rows.filter((r) => r.status === 'no_score').length,
  };
  const shown = totalFieldsOf(reporting).filter((field) => field.key !== 'summary');
  const totals = Object.fromEntries(
    shown.map((field) => [field.key, all[field.key as keyof BulkOutputTotals]]),
  ) as BulkOutputTotals;
  return {
    ...totals,
    summary: summaryOf(all, reporting),
    rows: result.rows.map(({ record, ...row }) => {
      const item = { ...row, ...toLineItem(record) };
      if (row.status !== 'matched' && 'creditCharged' in item) item.creditCharged = row.possiblyCharged ? null : false;
      return item;
    }),
  };
}

/**
 * A realistic static sample of a bulk create's output: a matched row, a duplicate of it,
 * a row without a match and a row with invalid input (and, given `noScore`, a row Lusha
 * found but did not score).
 */
export function bulkSample<R extends object>(
  matched: R,
  empty: R,
  invalidReason: string,
  options: { reporting?: BulkReporting; noScore?: { record: R; reason: string } } = {},
): ReturnType<typeof bulkOutput<R>> {
  const rows: BulkRow<R>[] = [
    { row: 1, reference: 'crm-1001', status: 'matched', reason: null, duplicateOfRow: null, record: matched },
    { row: 2, reference: 'crm-1002', status: 'not_found', reason: null, duplicateOfRow: null, record: empty },
    { row: 3, reference: 'crm-1003', status: 'matched', reason: null, duplicateOfRow: 1, record: matched },
    {
      row: 4,
      reference: 'crm-1004',
      status: 'invalid_input',
      reason: invalidReason,
      duplicateOfRow: null,
      record: empty,
    },
    ...(options.noScore
      ? [
          {
            row: 5,
            reference: 'crm-1005',
            status: 'no_score',
            reason: options.noScore.reason,
            duplicateOfRow: null,
            record: options.noScore.record,
          },
        ]
      : []),
  ].map((row) => ({ ...row, possiblyCharged: false }) as BulkRow<R>);
  const totals: BulkTotals = {
    total: rows.length,
    matched: 2,
    notRevealed: 0,
    notFound: 1,
    invalid: 1,
    errors: 0,
    requests: 1,
    creditsCharged: 1,
    possiblyChargedRows: 0,
  };
  return bulkOutput({ totals, rows }, options.reporting);
}

// ------------------------------------------------------------------ Zapier input

/** The builder's own reference for a row, returned with its result. */
export const referenceField: PlainInputField = {
  key: 'reference',
  label: 'Your Reference',
  type: 'string',
  helpText:
    "Optional: your own ID for this row (a CRM record ID, a sheet row number...). It comes back with the row's " +
    'result, so you can match results to your records.',
};

/**
 * The input of a bulk create: a note on how the list works, then the line items (the
 * builder's reference, then the identifier fields). `eachRowNeeds` and `lineItemNote` are
 * the only words that differ between people and companies.
 */
export function bulkRowsInputFields(options: {
  rowsLabel: string;
  identifierFields: readonly PlainInputField[];
  eachRowNeeds: string;
  lineItemNote: string;
  reporting?: BulkReporting;
}): PlainInputField[] {
  const statuses = (options.reporting ?? ENRICH_REPORTING).statuses;
  return [
    {
      key: 'about',
      type: 'copy',
      helpText:
        `Map a list (line items) from an earlier step into the fields below: up to ${formatCount(MAX_ROWS)} ` +
        `rows per run. Each row needs ${options.eachRowNeeds}. Identical rows are looked up, and charged, once. The ` +
        `result has one line item per row, in the same order, with a **Status** (${statuses.join(', ')}) and a ` +
        `**Reason**. ${options.lineItemNote}`,
    },
    { key: 'rows', label: options.rowsLabel, children: [referenceField, ...options.identifierFields] },
  ];
}

/** The most a Maximum Credits may be (a larger ceiling is no ceiling). */
export const MAX_CREDITS_LIMIT = 1_000_000;
export const MAX_CREDITS_LABEL = 'Maximum Credits';

/** The optional credit ceiling of a bulk run; `howItWorks` says what the operation does to stay within it. */
export function maxCreditsField(howItWorks: string): PlainInputField {
  return {
    key: 'max_credits',
    label: MAX_CREDITS_LABEL,
    type: 'integer',
    helpText:
      'Optional: the most credits this run may spend, as Lusha bills them. Leave empty for no limit. ' +
      `${howItWorks} Rows left out come back with Status **not_revealed** and a Reason saying what they would cost.`,
  };
}

/** Maximum Credits as a whole number from 0, or undefined (no ceiling). */
export function readMaxCredits(input: Record<string, unknown>) {
  return readInteger(input.max_credits, MAX_CREDITS_LABEL, 0, MAX_CREDITS_LIMIT);
}

/**
 * A run's credit ceiling, when it has one: the budget its batches share (sent one after
 * another, so each knows what the ones before spent) and the account's prices, read once,
 * when the first batch is about to spend.
 */
export function creditCeiling(z: ZObject, bundle: Pick<Bundle, 'authData'>, max: number | undefined) {
  if (max === undefined) return null;
  const budget = new CreditBudget(max);
  let prices: Promise<Pricing> | undefined;
  return { budget, pricing: (lusha: LushaClient) => (prices ??= accountPricing(z, bundle, lusha)) };
}

/** The errors every bulk create can end in, for its OperationContract ("nothing was scored" for the score steps). */
export function bulkContractErrors(pastTense = 'enriched'): ErrorNote[] {
  return [
    {
      when: `No row can be looked up, more than ${formatCount(MAX_ROWS)} rows, or an option is malformed`,
      error: 'HaltedError',
      action: 'Fix what the message names (it lists the rows), or split the list; nothing was sent to Lusha.',
    },
    {
      when: `Every request fails the same way and nothing was ${pastTense} (for example all rate-limited)`,
      error: 'ThrottledError',
      action:
        'The step fails with the mapped error of that failure, as in the common errors (here Zapier retries later). ' +
        'When only some requests fail, their rows come back with status error and a reason, and the other rows keep ' +
        'their results: filter on Status.',
    },
  ];
}
