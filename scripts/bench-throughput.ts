/**
 * Bulk throughput: one run of Bulk Enrich People with 1,000 rows (the most a run takes), a
 * mix of unique and repeated emails from the sandbox's dataset, against a sandbox with the
 * API's real rate limit (25 requests per second per endpoint). Requests, wall time,
 * rows per second, and how many requests the sandbox answered 429 (the target is none).
 */
import type { Sandbox } from '../sandbox';
import { runOperation, SANDBOX_KEY, type AppTester } from './bench-app';

export interface ThroughputResult {
  rows: number;
  uniqueEmails: number;
  repeats: number;
  latencyMs: number;
  requests: number;
  minRequests: number;
  wallMs: number;
  rowsPerSecond: number;
  rateLimited: number;
  credits: number;
  statuses: Record<string, number>;
}

/** `rows` rows: every fifth one repeats an earlier email (sometimes in capitals), the rest are unique. */
export function bulkRows(
  sandbox: Sandbox,
  rows: number,
): { rows: Array<{ reference: string; email: string }>; unique: number } {
  const emails = sandbox.data.people.filter((p) => p.emails.length > 0).map((p) => p.emails[0]!.email);
  const list: Array<{ reference: string; email: string }> = [];
  let next = 0;
  for (let i = 0; i < rows; i++) {
    let email: string;
    if (i % 5 === 4) {
      const earlier = list[(i * 7) % i]!.email;
      email = i % 10 === 9 ? earlier.toUpperCase() : earlier;
    } else {
      if (next >= emails.length) throw new Error(`the sandbox has only ${emails.length} people with an email`);
      email = emails[next++]!;
    }
    list.push({ reference: `row-${i + 1}`, email });
  }
  return { rows: list, unique: new Set(list.map((row) => row.email.toLowerCase())).size };
}

export async function measureThroughput(
  appTester: AppTester,
  sandbox: Sandbox,
  rows: number,
  latencyMs: number,
): Promise<ThroughputResult> {
  const input = bulkRows(sandbox, rows);
  const latency = latencyMs > 0 ? sandbox.faults.add({ route: { prefix: '/' }, kind: 'latency', ms: latencyMs }) : null;
  const logFrom = sandbox.log.entries().length;
  const usedBefore = sandbox.credits.usage(SANDBOX_KEY).used;
  try {
    const started = performance.now();
    const output = (await runOperation(appTester, 'creates', 'enrich_people', { rows: input.rows })) as {
      rows?: Array<{ status?: string }>;
    };
    const wallMs = performance.now() - started;
    const entries = sandbox.log.entries().slice(logFrom);
    const statuses: Record<string, number> = {};
    for (const row of output.rows ?? []) statuses[String(row.status)] = (statuses[String(row.status)] ?? 0) + 1;
    return {
      rows,
      uniqueEmails: input.unique,
      repeats: rows - input.unique,
      latencyMs,
      requests: entries.length,
      minRequests: Math.ceil(input.unique / 100),
      wallMs,
      rowsPerSecond: rows / (wallMs / 1000),
      rateLimited: entries.filter((e) => e.status === 429).length,
      credits: sandbox.credits.usage(SANDBOX_KEY).used - usedBefore,
      statuses,
    };
  } finally {
    latency?.remove();
  }
}
