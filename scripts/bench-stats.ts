/**
 * The small pieces of arithmetic and layout the benchmark (scripts/bench.ts) relies on:
 * percentiles, summaries, ratios, interleaved runs, and plain-text tables.
 */

/**
 * The p-th percentile (0–100) of `values`, interpolating linearly between the two nearest
 * ranks (the usual "type 7" definition: the median of 1, 2, 3, 4 is 2.5; the 90th
 * percentile of 1..10 is 9.1). Throws on an empty list rather than inventing a number.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be between 0 and 100, not ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * p) / 100;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (rank - below);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Summary {
  n: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: percentile(values, 50),
    p90: percentile(values, 90),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** `a / b`, or null when `b` is not a positive number (a ratio to nothing means nothing). */
export function ratio(a: number, b: number): number | null {
  return b > 0 && Number.isFinite(a) ? a / b : null;
}

/**
 * Runs each function `runs` times, taking turns, so that a slow drift of the machine
 * (frequency, caches, other load) falls on every side alike. The order rotates every round
 * (a, b, c; b, c, a; c, a, b; ...) so that no function always runs right after the same
 * other one (and, say, always meets the garbage the other left behind). Each call returns
 * one measurement. `warmup` rounds run first, the same way, and are dropped.
 */
export async function interleave(
  fns: ReadonlyArray<() => number | Promise<number>>,
  runs: number,
  warmup = 0,
): Promise<number[][]> {
  const results: number[][] = fns.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    for (let turn = 0; turn < fns.length; turn++) {
      const i = (round + turn) % fns.length;
      const value = await (fns[i] as () => number | Promise<number>)();
      if (round >= warmup) (results[i] as number[]).push(value);
    }
  }
  return results;
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  return `${value.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : 2)} ms`;
}

export const times = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`;

export function bytes(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${(value / 1_000_000).toFixed(2)} MB`;
  if (abs >= 1_000) return `${(value / 1_000).toFixed(1)} kB`;
  return `${value} B`;
}

/** A met / missed mark for a ratio against its target (lower is better). */
export const verdict = (value: number | null, target: number): string =>
  value === null ? 'n/a' : value <= target ? `met (≤ ${target}×)` : `MISSED (> ${target}×)`;

/**
 * A plain-text table: the first row is the header; cells that look like numbers, sizes,
 * durations or ratios are right-aligned.
 */
export function table(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  if (rows.length === 0) return '';
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const numeric = /^[-+]?[\d.,]+(\s?(ms|×|%|B|kB|MB|s|\/s))?$/;
  const line = (row: ReadonlyArray<string>) =>
    row
      .map((cell, i) => {
        const width = widths[i] as number;
        return numeric.test(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  return [line(header as string[]), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
