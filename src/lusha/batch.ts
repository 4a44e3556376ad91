/**
 * Batching for Lusha's bulk endpoints (1–100 items per call): split, send with bounded
 * concurrency, and report each batch's outcome on its own, so one failed batch never
 * loses or fails the others. Used by every operation that sends lists.
 */
import { LushaAuthError, LushaOutcomeUnknownError } from './errors';

/** Splits `items` into consecutive batches of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

export type BatchOutcome<I, R> =
  { index: number; items: I[]; ok: true; result: R } | { index: number; items: I[]; ok: false; error: unknown };

/**
 * Sends each batch with at most `concurrency` in flight. Outcomes come back in batch
 * order whatever order they finished in; a failed batch is an outcome, not a throw.
 */
export async function sendBatches<I, R>(
  batches: readonly I[][],
  concurrency: number,
  send: (items: I[], index: number) => Promise<R>,
): Promise<BatchOutcome<I, R>[]> {
  const outcomes: BatchOutcome<I, R>[] = new Array(batches.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const index = next;
      next += 1;
      const items = batches[index] as I[];
      try {
        outcomes[index] = { index, items, ok: true, result: await send(items, index) };
      } catch (error) {
        outcomes[index] = { index, items, ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, batches.length)) }, worker));
  return outcomes;
}

/**
 * Collapses items with the same key: `unique` holds the first of each, and
 * `uniqueIndexOf[i]` says which unique item input `i` became, so results can be fanned
 * back out to every input in its original order.
 */
export function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): { unique: T[]; uniqueIndexOf: number[] } {
  const positions = new Map<string, number>();
  const unique: T[] = [];
  const uniqueIndexOf = items.map((item) => {
    const key = keyOf(item);
    let position = positions.get(key);
    if (position === undefined) {
      position = unique.length;
      positions.set(key, position);
      unique.push(item);
    }
    return position;
  });
  return { unique, uniqueIndexOf };
}

/**
 * A rejected key is not one batch's problem but the connection's: every list operation
 * fails as a whole with it (so the user is asked to reconnect), instead of reporting it
 * entry by entry.
 */
export function throwConnectionFailure(outcomes: readonly BatchOutcome<unknown, unknown>[]): void {
  for (const outcome of outcomes) {
    if (!outcome.ok && outcome.error instanceof LushaAuthError) throw outcome.error;
  }
}

/**
 * The failure a list step fails with when every part of it failed: one that may have been
 * charged comes first (it is never retried), so a retryable error of another part never
 * makes Zapier run the step again and pay for the lost part twice.
 */
export function failureToReport(errors: readonly unknown[]): unknown {
  return errors.find((error) => error instanceof LushaOutcomeUnknownError) ?? errors[0];
}
