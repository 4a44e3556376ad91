/**
 * The fault matrix (issue 8): every operation that calls Lusha (test/support/operations.ts)
 * × every failure class (test/support/fault-classes.ts), end to end: the real app, over real
 * HTTP, against the sandbox's fault injection. `describeFaultMatrix` builds the tests of one
 * slice of the columns; the test files test/e2e/fault-matrix-*.test.ts together run them all.
 *
 * Each cell asserts the exact Zapier error type (or result), its delay or status, that the
 * message says what happened and what to do, in plain words and without the key, how many
 * requests reached the faulted route (one retry for 502/503/drops, none otherwise), and that
 * the run ended well inside Zapier's 30 seconds. Bulk operations also run with only their
 * second chunk of 100 faulted: every entry comes back exactly once, the failed chunk's
 * entries with a reason, the others with their results.
 *
 * How it stays fast: every operation runs under its own API key and every fault is scoped to
 * that key (`when`), so a whole column (one failure class, every operation) runs at once.
 * Stalls run with the client's real timings (15 s per request, 25 s per run), all in one
 * window together with the longest deadline paths (ten chunks, five signal calls, sequential
 * reveals, paging): about 25 s of wall time for all of them.
 *
 * Every run uses a canary key (sk-LEAKCANARY-...) and core's log stream is collected (see
 * log-collector.ts), so each file ends by proving the key is in no error, stack, output or
 * log line of any of its runs.
 *
 * Why several files: zapier-platform-core imitates a Lambda container and exits the process
 * after 250 invocations once its memory passes 450 MB (src/tools/memory-checker.js, counted
 * per test file). Each file stays under 250 runs, which `describeFaultMatrix` checks.
 */
import type { Sandbox } from '../../sandbox';
import { randomInt } from 'node:crypto';
import type { LogEntry, SandboxKeyConfig } from '../../sandbox';
import type { FaultRule } from '../../sandbox/types';
import { DEMO_TRACKED_DOMAIN } from '../../sandbox/v3/websiteVisits';
import {
  FAULT_CLASSES,
  messageProblems,
  secondsToUtcMidnight,
  STALL,
  type FaultClass,
  type Outcome,
} from './fault-classes';
import { startLogCollector, type LogCollector, type LogLine } from './log-collector';
import { invocationCount, OPERATIONS, runOperation, type OperationRow } from './operations';
import { useSandbox } from './sandbox';
import { ownMessage, zapierError, type ZapierErrorInfo } from './zapier';

/** Core exits the process after this many invocations in one test file when memory is high. */
const CORE_INVOCATION_LIMIT = 250;

const MARKER = 'LEAKCANARY';

export interface Cell {
  output?: unknown;
  error?: ZapierErrorInfo;
  /** What was thrown, as thrown: name, message and stack. */
  thrown?: string;
  ms: number;
  /** What the sandbox saw from this run's key. */
  requests: LogEntry[];
}

interface Keyed {
  row: OperationRow;
  apiKey: string;
}

interface Run {
  apiKey: string;
  rules: FaultRule[];
  run: () => Promise<unknown>;
  /** An instant trigger's subscribe: what it left subscribed is deleted after the run, so the next column can subscribe. */
  subscribes?: boolean;
}

/** The webhook secret of every matrix key: like the API key, it must appear nowhere. */
const WEBHOOK_SECRET = `whsec_${MARKER}_matrix`;

// ------------------------------------------------------------------ where an operation answers differently

/**
 * Cells whose operation legitimately answers otherwise than its fault class's outcome, and
 * why. Every other cell expects the outcome of FAULT_CLASSES.
 */
const PARTIAL_WHEN_ANSWER_LOST: Record<string, Outcome> = {
  '502': { result: 'ok' },
  'dropped connection': { result: 'ok' },
  'dropped once': { result: 'ok' },
  [STALL]: { result: 'ok' },
  'charged, then dropped': { result: 'ok' },
  'charged, then 504': { result: 'ok' },
};

/**
 * A prospecting step's search is billed (V3): when its reveal then fails, for whatever reason
 * but a rejected key, the step returns the billed results, each with its Reveal Note.
 */
const OK_UNLESS_KEY_REJECTED: Record<string, Outcome> = Object.fromEntries(
  FAULT_CLASSES.filter((fault) => fault.fault && fault.name !== '401').map((fault) => [fault.name, { result: 'ok' }]),
);

/** Turning an instant trigger on when Lusha's answer to creating its subscriptions is lost: cleaned up, and said. */
const SUBSCRIBE_ANSWER_LOST: Outcome = {
  error: 'HaltedError',
  says: /^The Zap could not subscribe to Lusha's webhooks, so it was not turned on:\n- Lusha's answer was lost: .*\nNothing was left subscribed\.$/s,
};
const SUBSCRIBE_WHEN_ANSWER_LOST: Record<string, Outcome> = {
  '502': SUBSCRIBE_ANSWER_LOST,
  'dropped connection': SUBSCRIBE_ANSWER_LOST,
  'dropped once': SUBSCRIBE_ANSWER_LOST,
  [STALL]: SUBSCRIBE_ANSWER_LOST,
  'charged, then dropped': SUBSCRIBE_ANSWER_LOST,
  'charged, then 504': SUBSCRIBE_ANSWER_LOST,
};

const EXCEPTIONS: Record<string, Record<string, Outcome>> = {
  new_contact_signal_instant: SUBSCRIBE_WHEN_ANSWER_LOST,
  new_company_signal_instant: SUBSCRIBE_WHEN_ANSWER_LOST,
  // V3 answers a lookup without a match with a 200 and a NOT_FOUND item (the searches return
  // nothing); a 404 for the whole request means the endpoint is gone, and the step says so.
  // A list step whose paid answer was lost returns what it has: each affected row says it may
  // have been charged, and nothing is retried or re-paid by a Zapier retry.
  enrich_people: PARTIAL_WHEN_ANSWER_LOST,
  'enrich_people (max credits)': PARTIAL_WHEN_ANSWER_LOST,
  enrich_companies: PARTIAL_WHEN_ANSWER_LOST,
  score_companies_by_signals: PARTIAL_WHEN_ANSWER_LOST,
  score_contacts_by_signals: PARTIAL_WHEN_ANSWER_LOST,
  'prospect_contacts (reveal)': OK_UNLESS_KEY_REJECTED,
  'prospect_companies (reveal)': OK_UNLESS_KEY_REJECTED,
};

/**
 * The routes whose requests Lusha charges for (the client sends them as 'paid'): a fault that
 * may come after Lusha processed one is never retried (src/lusha/client.ts).
 */
const PAID_ROUTE =
  /^\/(api\/subscriptions|v3\/(contacts|companies)\/search-and-enrich|v3\/contacts\/(search|enrich|signals)|v3\/(contacts|companies)\/prospecting|v3\/companies\/enrich|v3\/companies\/(search|signals)|v3\/(contacts|companies)\/lookalike|v3\/contacts\/buying-group|v3\/(contacts|companies)\/signal-score|v3\/companies\/website-visits)$/;

export const isPaidRoute = (route: string): boolean => PAID_ROUTE.test(route);

/** How a fault class behaves on this row's route: paid routes are sent once when the answer is lost. */
const behaviourOn = (row: OperationRow, fault: FaultClass) =>
  (isPaidRoute(row.route) && fault.whenPaid) || { attempts: fault.attempts, outcome: fault.outcome };

export const expectedOutcome = (row: OperationRow, fault: FaultClass): Outcome =>
  EXCEPTIONS[row.name]?.[fault.name] ?? behaviourOn(row, fault).outcome;

/**
 * Bulk cells (second chunk faulted) that answer otherwise than "the second chunk's entries
 * come back failed, with a reason; the first chunk's with their results":
 * - a blip that the one retry absorbs (503 or a drop, once) loses nothing: every entry answered;
 *   so does a slow answer that still fits in the step's time;
 * - every list step fails the whole run when Lusha rejects the key, as a single lookup does
 *   (the key is the connection's, not an entry's: the user must reconnect).
 */
function bulkExpectation(row: OperationRow, fault: FaultClass): 'all answered' | 'second chunk failed' | Outcome {
  if (!fault.fault || (!fault.times && 'result' in fault.outcome)) return 'all answered';
  if (fault.times) return isPaidRoute(row.route) && fault.whenPaid ? 'second chunk failed' : 'all answered';
  if (fault.name === '401') return fault.outcome;
  return 'second chunk failed';
}

/** What a failed entry's reason says, by failure class: what happened, then what to do. */
const REASON_SAYS: Record<string, RegExp> = {
  '400': /HTTP 400/,
  '401': /HTTP 401/,
  '402': /HTTP 402/,
  '403': /HTTP 403/,
  '404': /HTTP 404/,
  '429 with Retry-After': /HTTP 429/,
  '429 without Retry-After': /HTTP 429/,
  'daily quota exhausted': /quota/,
  '451': /GDPR/,
  '500': /HTTP 500/,
  '502': /HTTP 502/,
  '503': /HTTP 503/,
  'malformed JSON': /not JSON/,
  'dropped connection': /Could not reach Lusha/,
  'dropped once': /Could not reach Lusha.*may have processed this request and charged for it/,
  [STALL]: /did not answer .* in time/,
  'charged, then dropped': /Could not reach Lusha.*may have processed this request and charged for it/,
  'charged, then 504': /HTTP 504.*may have processed this request and charged for it/,
};

// ------------------------------------------------------------------ the longest deadline paths

/**
 * The code paths where a stalled Lusha meets the run's deadline after more than one request,
 * with the real timings: every request of the run stalls (or only the one `when` picks).
 */
interface DeadlinePath {
  name: string;
  row: string;
  input: (sandbox: Sandbox) => Record<string, unknown>;
  when?: (body: unknown) => boolean;
  /** Requests the run sends to the stalled route before its deadline stops it. */
  requests: number;
  outcome: Outcome;
  /** More to check of a run that returns a result: its output, and what the sandbox saw. */
  check?: (output: Record<string, unknown>, requests: LogEntry[]) => void;
}

/** A stall on a paid route: the step stops and says Lusha may have charged (never retried). */
const stallOutcome = () => FAULT_CLASSES.find((f) => f.name === STALL)!.whenPaid!.outcome;
/** A list step that paid for some of its rows returns them, each unfinished row with its reason. */
const PARTIAL_RESULT: Outcome = { result: 'ok' };

export const DEADLINE_PATHS: DeadlinePath[] = [
  {
    // 4 chunks stall until the run's deadline; the measured latency says no other chunk can finish, so none is started.
    name: 'Bulk Enrich People, 1,000 rows: ten chunks, four at a time',
    row: 'enrich_people',
    input: (sb) => ({ rows: sb.data.people.slice(0, 1000).map((p) => ({ person_id: String(p.personId) })) }),
    requests: 4,
    outcome: PARTIAL_RESULT,
  },
  {
    name: 'Get Contact Signals, 500 contacts: five calls, three at a time',
    row: 'get_contact_signals',
    input: (sb) => ({
      person_ids: sb.data.people.slice(0, 500).map((p) => String(p.personId)),
      signal_types: ['allSignals'],
    }),
    requests: 3,
    outcome: stallOutcome(),
  },
  {
    name: 'New Company Signal, 500 companies: five calls, three at a time',
    row: 'new_company_signal',
    // The sandbox has 220 companies; a stalled call never reaches its lookup, so any ids do.
    input: () => ({
      company_ids: Array.from({ length: 500 }, (_, i) => String(30_000_000 + i)),
      signal_types: ['allSignals'],
      lookback_days: 30,
    }),
    requests: 3,
    outcome: stallOutcome(),
  },
  {
    // 2 reveals stall until the deadline; the measured latency says no other reveal can finish, so none is sent.
    name: 'Enrich Prospected Contacts, 500 ids: five reveals, two at a time',
    row: 'enrich_prospected_contacts',
    input: () => ({ request_id: 'any-search', contact_ids: Array.from({ length: 500 }, (_, i) => `c-${i + 1}`) }),
    requests: 2,
    outcome: PARTIAL_RESULT,
  },
  {
    // V3 reveals by id alone: three Search Request IDs make one reveal, not three; its answer is lost.
    name: 'Enrich Prospected Companies, three Search Request IDs: one reveal (V3 reveals by ID alone)',
    row: 'enrich_prospected_companies',
    input: () => ({ request_id: ['search-1', 'search-2', 'search-3'], company_ids: ['1', '2', '3'] }),
    requests: 1,
    outcome: stallOutcome(),
  },
  {
    // The first page was searched and revealed, both billed: the step returns it, and says where to continue.
    name: 'Prospect Contacts, up to 150 results with reveal: the second page stalls',
    row: 'prospect_contacts',
    input: () => ({ job_titles: ['Manager'], max_results: 150, reveal: true }),
    when: (body) => (body as { pagination?: { page?: number } }).pagination?.page === 1,
    requests: 2,
    outcome: { result: 'ok' },
    check: (output, requests) => {
      expect(output).toMatchObject({ resultCount: 50, pagesFetched: 1, nextPage: 1, revealed: true });
      expect(output.pagingNote).toMatch(
        /Stopped at Page 1: Lusha did not answer POST \/v3\/contacts\/prospecting in time .*\. Continue from Page 1\.$/,
      );
      expect(output.creditsCharged).toBe(requests.reduce((sum, entry) => sum + entry.creditsCharged, 0));
      expect(output.creditsCharged).toBeGreaterThan(0);
    },
  },
];

// ------------------------------------------------------------------ assertions

function expectMessageIsClean(message: string, context: string, secrets: readonly string[]) {
  expect({ context, problems: messageProblems(message, secrets) }).toEqual({ context, problems: [] });
}

function expectOutcome(cell: Cell, outcome: Outcome, route: string, secrets: readonly string[]) {
  expect(cell.ms).toBeLessThan(30_000);
  if ('result' in outcome) {
    expect(cell.error).toBeUndefined();
    if (outcome.result === 'empty') expect(cell.output).toEqual([]);
    else expect(cell.output).toEqual(expect.anything());
    return;
  }
  expect(cell.error).toBeDefined();
  const error = cell.error!;
  expect({ type: error.name, message: error.message }).toEqual({
    type: outcome.error,
    message: expect.stringMatching(outcome.says),
  });
  expect(error.message).toContain(route);
  expectMessageIsClean(error.message, 'the error message', secrets);
  if (outcome.status !== undefined) expect(error.status).toBe(outcome.status);
  if (outcome.delay === 'quota') {
    // Until the next UTC midnight, when the daily quota resets (as Lusha's headers say).
    expect(Math.abs((error.delay ?? 0) - secondsToUtcMidnight(Date.now()))).toBeLessThanOrEqual(60);
  } else if (outcome.delay !== undefined) {
    expect(error.delay).toBe(outcome.delay);
  }
}

async function timed(run: () => Promise<unknown>): Promise<Omit<Cell, 'requests'>> {
  const started = Date.now();
  try {
    const output = await run();
    return { output, ms: Date.now() - started };
  } catch (error) {
    const info = zapierError(error);
    const e = error as Error;
    return {
      error: ownMessage(info),
      thrown: `${e.name}: ${e.message}\n${e.stack ?? ''}`,
      ms: Date.now() - started,
    };
  }
}

// ------------------------------------------------------------------ one slice of the matrix

export interface MatrixSlice {
  /** Fault classes (names) whose column of the operation table this file runs. */
  columns: string[];
  /** Fault classes whose bulk column (second chunk faulted) this file runs. */
  bulkColumns?: string[];
  /** Whether this file runs the deadline paths (with the real timings). */
  deadlinePaths?: boolean;
}

const classNamed = (name: string) => {
  const fault = FAULT_CLASSES.find((f) => f.name === name);
  if (!fault) throw new Error(`no fault class "${name}"`);
  return fault;
};
const rowNamed = (name: string) => OPERATIONS.find((row) => row.name === name)!;

/** Declares the tests of one slice of the matrix, in the calling test file. */
export function describeFaultMatrix(slice: MatrixSlice): void {
  jest.setTimeout(60_000);
  const columns = slice.columns.map(classNamed);
  const bulkColumns = (slice.bulkColumns ?? []).map(classNamed);
  const deadlinePaths = slice.deadlinePaths ? DEADLINE_PATHS : [];

  // Keys: one per run group; the last 4 characters (the sandbox's keySuffix) name the group.
  // The nonce uses letters that are not hex digits, so it never shows up inside a hash by chance.
  const nonce = Array.from({ length: 8 }, () => 'ghjkmnpqrstvwxyz'[randomInt(16)]).join('');
  const canaryKey = (group: string, index: number) => `sk-${MARKER}-${nonce}-${group}${String(index).padStart(2, '0')}`;
  const suffixOf = (key: string) => key.slice(-4);
  const matrix: Keyed[] = OPERATIONS.map((row, i) => ({ row, apiKey: canaryKey('op', i) }));
  const bulk: Keyed[] =
    bulkColumns.length > 0
      ? OPERATIONS.filter((row) => row.bulk).map((row, i) => ({ row, apiKey: canaryKey('bk', i) }))
      : [];
  const deadline: Keyed[] = deadlinePaths.map((path, i) => ({ row: rowNamed(path.row), apiKey: canaryKey('dl', i) }));
  const secrets = [MARKER, nonce, WEBHOOK_SECRET, ...[...matrix, ...bulk, ...deadline].map((k) => k.apiKey)];

  const sandbox = useSandbox({
    // Real time, like the connector: signal windows end today on both clocks.
    keys: [...matrix, ...bulk, ...deadline].map(({ apiKey }): SandboxKeyConfig => ({
      key: apiKey,
      plan: 'unified',
      credits: 1_000_000,
      signals: true,
      excludeDnc: true,
      trackedDomains: [DEMO_TRACKED_DOMAIN],
      webhookSecret: WEBHOOK_SECRET,
    })),
  });

  // -------------------------------------------------------------- hygiene, recorded as runs end
  const hygiene = {
    runs: 0,
    leakingRuns: [] as string[],
    logLines: 0,
    leakingLogLines: [] as string[],
    loggedLushaRequests: 0,
    unscrubbedHeaders: [] as string[],
  };
  const recordRun = (label: string, cell: Cell) => {
    hygiene.runs += 1;
    const text = `${cell.thrown ?? ''}\n${JSON.stringify(cell.output ?? null)}`;
    if (messageProblems(text, secrets).some((problem) => problem.startsWith('holds the secret')))
      hygiene.leakingRuns.push(label);
  };
  const inspectLogLine = (line: LogLine, raw: string) => {
    hygiene.logLines += 1;
    if (secrets.some((secret) => raw.toLowerCase().includes(secret.toLowerCase())))
      hygiene.leakingLogLines.push(raw.slice(0, 300));
    if (line.data.log_type === 'http' && String(line.data.request_url).startsWith(process.env.LUSHA_BASE_URL ?? '-')) {
      hygiene.loggedLushaRequests += 1;
      const headers = String(line.data.request_headers);
      if (!/^api_key: :censored:\d+:[0-9a-f]+:$/m.test(headers)) hygiene.unscrubbedHeaders.push(headers);
    }
  };

  // -------------------------------------------------------------- running
  const rule = (keyed: Keyed, fault: FaultClass, when?: (body: unknown) => boolean): FaultRule => ({
    route: keyed.row.route,
    method: keyed.row.method,
    when: (req) => req.headers.api_key === keyed.apiKey && (!when || when(req.body)),
    ...(fault.times ? { times: fault.times } : {}),
    ...(fault.fault as NonNullable<FaultClass['fault']>),
  });

  /** Runs `runs` at once, each under its own key with its own faults; returns each run's cell. */
  const runAll = async (runs: Run[]): Promise<Cell[]> => {
    const handles = runs.flatMap((r) => r.rules.map((faultRule) => sandbox().faults.add(faultRule)));
    try {
      const cells = await Promise.all(runs.map((r) => timed(r.run)));
      const log = sandbox().log.entries();
      return cells.map((cell, i) => ({
        ...cell,
        requests: log.filter((entry) => entry.keySuffix === suffixOf(runs[i]!.apiKey)),
      }));
    } finally {
      handles.forEach((h) => h.remove());
      await Promise.all(runs.filter((r) => r.subscribes).map((r) => deleteSubscriptionsOf(r.apiKey)));
    }
  };

  /** Deletes every webhook subscription of `apiKey` in the sandbox (what a successful subscribe made). */
  const deleteSubscriptionsOf = async (apiKey: string) => {
    const headers = { api_key: apiKey, 'content-type': 'application/json' };
    const list = (await (await fetch(`${sandbox().url}/api/subscriptions?limit=100`, { headers })).json()) as {
      data?: Array<{ id: string }>;
    };
    const ids = (list.data ?? []).map((subscription) => subscription.id);
    if (ids.length > 0) {
      await fetch(`${sandbox().url}/api/subscriptions/delete`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ids }),
      });
    }
  };

  const inputs = new Map<string, Record<string, unknown>>();
  const bulkInputs = new Map<string, Record<string, unknown>>();
  let logs: LogCollector | undefined;
  beforeAll(async () => {
    logs = await startLogCollector(inspectLogLine);
    for (const { row, apiKey } of matrix) inputs.set(row.name, await row.input(sandbox(), apiKey));
    for (const { row, apiKey } of bulk) bulkInputs.set(row.name, await row.bulk!.input(sandbox(), apiKey));
  });
  afterAll(() => logs?.stop());

  const matrixRuns = (fault: FaultClass): Run[] =>
    matrix.map((keyed) => ({
      apiKey: keyed.apiKey,
      rules: fault.fault ? [rule(keyed, fault)] : [],
      run: () => runOperation(keyed.row, inputs.get(keyed.row.name)!, keyed.apiKey),
      subscribes: keyed.row.hook === 'performSubscribe',
    }));

  const bulkRuns = (fault: FaultClass): Run[] =>
    bulk.map((keyed) => {
      const spec = keyed.row.bulk!;
      const input = bulkInputs.get(keyed.row.name)!;
      const entries = spec.entries(input);
      return {
        apiKey: keyed.apiKey,
        rules: fault.fault ? [rule(keyed, fault, (body) => spec.isSecondChunk(body, entries))] : [],
        run: () => runOperation(keyed.row, input, keyed.apiKey),
      };
    });

  const deadlineRuns = (): Run[] =>
    deadlinePaths.map((path, i) => {
      const keyed = deadline[i]!;
      const input = path.input(sandbox());
      return {
        apiKey: keyed.apiKey,
        rules: [rule(keyed, classNamed(STALL), path.when)],
        run: () => runOperation(keyed.row, input, keyed.apiKey),
      };
    });

  /** Every stall of the file at once, with the real timings: matrix column, bulk column, deadline paths. */
  let stallWindow: Promise<{ matrix: Cell[]; bulk: Cell[]; deadline: Cell[] }> | undefined;
  const stalls = () => {
    stallWindow ??= (async () => {
      const stall = classNamed(STALL);
      const groups = [
        columns.includes(stall) ? matrixRuns(stall) : [],
        bulkColumns.includes(stall) ? bulkRuns(stall) : [],
        deadlineRuns(),
      ];
      const cells = await runAll(groups.flat());
      const [a, b] = [groups[0]!.length, groups[1]!.length];
      return { matrix: cells.slice(0, a), bulk: cells.slice(a, a + b), deadline: cells.slice(a + b) };
    })();
    return stallWindow;
  };

  // -------------------------------------------------------------- the columns
  const eachColumn = (list: FaultClass[]) => describe.each(list.map((fault) => [fault.name, fault] as const));
  if (columns.length > 0)
    eachColumn(columns)('fault: %s', (_name, fault) => {
      let cells: Cell[] = [];
      beforeAll(async () => {
        cells = fault.name === STALL ? (await stalls()).matrix : await runAll(matrixRuns(fault));
        cells.forEach((cell, i) => recordRun(`${matrix[i]!.row.name} × ${fault.name}`, cell));
      });
      afterAll(() => {
        cells = [];
      });

      it.each(matrix.map(({ row }, i) => [row.name, i] as const))('%s', (_row, i) => {
        const { row } = matrix[i]!;
        const cell = cells[i]!;
        expectOutcome(cell, expectedOutcome(row, fault), row.route, secrets);
        const onRoute = cell.requests.filter((entry) => entry.path === row.route && entry.method === row.method);
        if (fault.fault) {
          const { attempts } = behaviourOn(row, fault);
          const retried = attempts === 1 ? [] : fault.times ? [null] : Array(attempts - 1).fill(fault.fault.kind);
          expect(onRoute.map((entry) => entry.fault)).toEqual([fault.fault.kind, ...retried]);
        } else {
          expect(onRoute.length).toBeGreaterThan(0);
        }
      });
    });

  if (bulk.length > 0)
    eachColumn(bulkColumns)('bulk, 150 entries, second chunk only: %s', (_name, fault) => {
      let cells: Cell[] = [];
      beforeAll(async () => {
        cells = fault.name === STALL ? (await stalls()).bulk : await runAll(bulkRuns(fault));
        cells.forEach((cell, i) => recordRun(`${bulk[i]!.row.name} (150 entries) × ${fault.name}`, cell));
      });
      afterAll(() => {
        cells = [];
      });

      it.each(bulk.map(({ row }, i) => [row.name, i] as const))('%s', (_row, i) => {
        const { row } = bulk[i]!;
        const spec = row.bulk!;
        const cell = cells[i]!;
        const expectation = bulkExpectation(row, fault);
        if (typeof expectation === 'object') {
          expectOutcome(cell, expectation, row.route, secrets);
          return;
        }
        expect(cell.error).toBeUndefined();
        expect(cell.ms).toBeLessThan(30_000);
        const entries = spec.entries(bulkInputs.get(row.name)!);
        const report = spec.report(cell.output as Record<string, unknown>);
        // Nothing lost, nothing doubled: one line per entry, in order (where the output lists them all).
        if (report.lines) expect(report.lines).toEqual(entries);
        expect(report.failed.map((f) => f.entry)).toEqual(
          expectation === 'second chunk failed' ? entries.slice(100) : [],
        );
        expect(report.answered + report.failed.length).toBe(entries.length);
        for (const { reason } of report.failed) {
          expectMessageIsClean(reason, 'a failed entry’s reason', secrets);
          expect(reason).toMatch(REASON_SAYS[fault.name]!);
        }
        const faulted = cell.requests.filter((entry) => entry.path === row.route && entry.fault !== null);
        expect(faulted).toHaveLength(fault.fault ? (fault.times ? 1 : behaviourOn(row, fault).attempts) : 0);
        // The totals are what Lusha charged for the answers the step received, as its ledger says;
        // a chunk Lusha charged for but whose answer was lost is in the entries' reasons, not in the totals.
        const received = cell.requests.filter((entry) => entry.status === 200);
        expect((cell.output as Record<string, unknown>).creditsCharged).toBe(
          received.reduce((sum, entry) => sum + entry.creditsCharged, 0),
        );
        if (fault.fault?.kind.startsWith('chargeThen') && !spec.secondChunkFree) {
          expect(faulted.map((entry) => entry.creditsCharged > 0)).toEqual([true]);
        }
      });
    });

  if (deadlinePaths.length > 0) {
    describe('a stalled Lusha meets the run deadline (real timings: 15 s per request, 25 s per run)', () => {
      let cells: Cell[] = [];
      beforeAll(async () => {
        cells = (await stalls()).deadline;
        cells.forEach((cell, i) => recordRun(deadlinePaths[i]!.name, cell));
      });
      afterAll(() => {
        cells = [];
      });

      it.each(deadlinePaths.map((path, i) => [path.name, i] as const))('%s', (_name, i) => {
        const path = deadlinePaths[i]!;
        const { route } = rowNamed(path.row);
        expectOutcome(cells[i]!, path.outcome, route, secrets);
        expect(cells[i]!.requests.filter((entry) => entry.path === route && entry.fault === 'stall')).toHaveLength(
          path.when ? 1 : path.requests,
        );
        expect(cells[i]!.requests.filter((entry) => entry.path === route)).toHaveLength(path.requests);
        path.check?.(cells[i]!.output as Record<string, unknown>, cells[i]!.requests);
      });
    });
  }

  // -------------------------------------------------------------- secret hygiene over every run above
  describe('secret hygiene over every run of this file', () => {
    it(`ran fewer than core's ${CORE_INVOCATION_LIMIT} invocations in this file`, () => {
      expect(invocationCount()).toBeLessThan(CORE_INVOCATION_LIMIT);
    });

    it('the key is in no thrown error (message and stack) and no output', () => {
      expect(hygiene.runs).toBe(columns.length * matrix.length + bulkColumns.length * bulk.length + deadline.length);
      expect(hygiene.leakingRuns).toEqual([]);
    });

    it('the key is in no line of the log Zapier records, and every logged request shows the api_key header scrubbed', () => {
      expect(hygiene.logLines).toBeGreaterThan(hygiene.runs);
      expect(hygiene.leakingLogLines).toEqual([]);
      expect(hygiene.loggedLushaRequests).toBeGreaterThanOrEqual(matrix.length);
      expect(hygiene.unscrubbedHeaders).toEqual([]);
    });
  });
}
