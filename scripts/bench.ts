/**
 * `npm run bench`: what the connector costs, measured side by side with what it is built on,
 * in one run on one machine, as ratios:
 *
 * 1. cold start: loading the built app vs loading zapier-platform-core alone (fresh processes);
 * 2. package size: this app's build.zip vs a bare core-only app's, and what the difference is;
 * 3. overhead per operation: an operation through Zapier's app tester vs the same HTTP call
 *    sent raw, with core's fixed cost measured apart, without and with network latency;
 * 4. API calls and credits per operation vs the minimum the API allows for the same job;
 * 5. bulk throughput: 1,000 rows through Bulk Enrich People under the API's rate limit.
 *
 * Everything runs against the embedded Lusha sandbox (sandbox/). Method and figures are
 * explained in docs/performance.md. `--json` prints the results as JSON; `--quick` runs every
 * section with small counts (a smoke run: the figures are not meaningful).
 * Timings are reported, never asserted: a slow machine fails nothing.
 */
import './tour-env';
import os from 'node:os';
import path from 'node:path';
import { createAppTester } from 'zapier-platform-core';
import App from '../index';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { SANDBOX_KEY, watchRequests } from './bench-app';
import { measureApiCalls, type CallsRow } from './bench-api-calls';
import { measureColdStart, type ColdStartResult } from './bench-cold-start';
import { measureOverhead, type OverheadCase, type OverheadResult } from './bench-overhead';
import { differenceGroups, measurePackage, type PackageResult } from './bench-package';
import { bytes, ms, table, times, verdict } from './bench-stats';
import { measureThroughput, type ThroughputResult } from './bench-throughput';
import { readFlags } from './cli-flags';

const ROOT = path.resolve(__dirname, '..', '..');
const LATENCY_MS = 40;

const TARGETS = { coldStart: 1.15, packageSize: 1.5, overhead: 1.25, rateLimited: 0 } as const;

interface Options {
  json: boolean;
  quick: boolean;
}

interface Settings {
  coldRuns: number;
  overheadRuns: number;
  overheadWarmup: number;
  bulkRows: number;
}

function parseArgs(argv: string[]): Options {
  const flags = readFlags(argv, ['--json', '--quick'], 'npm run bench');
  return { json: flags['--json'], quick: flags['--quick'] };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

const progress = (text: string) => process.stderr.write(`… ${text}\n`);

/** A sandbox for the overhead runs: same API, but limits that hundreds of back-to-back runs do not hit. */
const UNLIMITED: SandboxOptions = {
  rateLimitPerSecond: 1_000_000,
  keys: [
    {
      key: SANDBOX_KEY,
      plan: 'unified',
      credits: 100_000_000,
      signals: true,
      excludeDnc: true,
      dailyQuota: 100_000_000,
      hourlyQuota: 100_000_000,
      minuteQuota: 100_000_000,
    },
  ],
};

function overheadCases(sandbox: Sandbox): OverheadCase[] {
  const people = sandbox.data.people.filter((p) => p.emails.length > 0);
  const person = people[0]!;
  return [
    {
      name: 'find_person',
      kind: 'searches',
      key: 'find_person',
      inputData: { email: person.emails[0]!.email },
      input: 'email, a match',
    },
    {
      name: 'find_company',
      kind: 'searches',
      key: 'find_company',
      inputData: { domain: sandbox.data.companyOf(person).domain },
      input: 'domain, a match',
    },
    {
      name: 'prospect_contacts',
      kind: 'creates',
      key: 'prospect_contacts',
      inputData: { departments: ['Sales'], seniority: ['VP', 'Director'], page_size: 10 },
      input: 'search only, 10 per page',
    },
    {
      name: 'enrich_people',
      kind: 'creates',
      key: 'enrich_people',
      inputData: {
        rows: people.slice(1, 4).map((p, i) => ({ reference: `lead-${i + 1}`, email: p.emails[0]!.email })),
      },
      input: '3 rows',
    },
  ];
}

async function withSandbox<T>(options: SandboxOptions, fn: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ port: 0, ...options });
  const previous = process.env.LUSHA_BASE_URL;
  process.env.LUSHA_BASE_URL = sandbox.url;
  try {
    return await fn(sandbox);
  } finally {
    if (previous === undefined) delete process.env.LUSHA_BASE_URL;
    else process.env.LUSHA_BASE_URL = previous;
    await sandbox.stop();
  }
}

interface BenchResult {
  quick: boolean;
  machine: ReturnType<typeof machine>;
  targets: typeof TARGETS;
  coldStart: ColdStartResult;
  packageSize: PackageResult;
  overhead: OverheadResult[];
  apiCalls: CallsRow[];
  throughput: ThroughputResult[];
  seconds: number;
}

async function runAll(settings: Settings, quick: boolean): Promise<BenchResult> {
  const started = performance.now();
  progress(`cold start: ${settings.coldRuns} fresh processes each for the app, core alone, and an empty node`);
  const coldStart = await measureColdStart(ROOT, settings.coldRuns);

  progress('package size: npm run package, and a bare core-only app built the same way in a temp dir');
  const packageSize = measurePackage(ROOT);

  const overhead: OverheadResult[] = [];
  await withSandbox(UNLIMITED, async (sandbox) => {
    const requests = watchRequests(sandbox.url);
    for (const latencyMs of [0, LATENCY_MS]) {
      progress(`overhead per operation, ${latencyMs} ms latency: ${settings.overheadRuns} runs of each, interleaved`);
      overhead.push(
        await measureOverhead({ sandbox, requests }, overheadCases(sandbox), {
          runs: settings.overheadRuns,
          warmup: settings.overheadWarmup,
          latencyMs,
        }),
      );
    }
  });

  progress('API calls and credits per operation');
  const apiCalls = await withSandbox({}, (sandbox) => measureApiCalls(createAppTester(App), sandbox));

  const throughput: ThroughputResult[] = [];
  for (const latencyMs of [0, LATENCY_MS]) {
    progress(`bulk throughput: ${settings.bulkRows} rows through enrich_people, ${latencyMs} ms latency`);
    throughput.push(
      await withSandbox({}, (sandbox) =>
        measureThroughput(createAppTester(App), sandbox, settings.bulkRows, latencyMs),
      ),
    );
  }

  return {
    quick,
    machine: machine(),
    targets: TARGETS,
    coldStart,
    packageSize,
    overhead,
    apiCalls,
    throughput,
    seconds: Math.round((performance.now() - started) / 1000),
  };
}

function report(r: BenchResult): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`Lusha connector benchmark${r.quick ? ' (QUICK smoke run: counts too small for real figures)' : ''}`);
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${m.os}; load average ${m.loadAverage.join(' ')}`,
  );
  out.push('');

  const c = r.coldStart;
  out.push(`1. Cold start: median of ${c.runs} fresh processes each, interleaved (target ≤ ${r.targets.coldStart}×)`);
  out.push(
    table([
      ['', 'require (median)', 'p90', 'process wall (median)', 'p90'],
      [
        'zapier-platform-core alone',
        ms(c.core.requireMs.median),
        ms(c.core.requireMs.p90),
        ms(c.core.wallMs.median),
        ms(c.core.wallMs.p90),
      ],
      [
        'the app as shipped (one file)',
        ms(c.app.requireMs.median),
        ms(c.app.requireMs.p90),
        ms(c.app.wallMs.median),
        ms(c.app.wallMs.p90),
      ],
      ['app adds', ms(c.addedMs.require), '', ms(c.addedMs.wall), ''],
      ['ratio of the medians', times(c.ratios.require), '', times(c.ratios.wall), ''],
      ['ratio paired by round (median)', times(c.pairedRatios.require), '', times(c.pairedRatios.wall), ''],
      ['node loading nothing', '', '', ms(c.emptyWallMs.median), ms(c.emptyWallMs.p90)],
    ]),
  );
  out.push(
    `   paired by round: require ${verdict(c.pairedRatios.require, r.targets.coldStart)}; ` +
      `process wall ${verdict(c.pairedRatios.wall, r.targets.coldStart)}`,
  );
  out.push('');

  const p = r.packageSize;
  const groups = differenceGroups(p.parts);
  out.push(
    `2. Package size: build.zip of zapier-platform build --skip-dep-install --skip-validation (target ≤ ${r.targets.packageSize}×)`,
  );
  out.push(
    table([
      ['', 'zip', 'files', 'unzipped'],
      [
        `bare app (zapier-platform-core ${p.coreVersion} only)`,
        bytes(p.bare.bytes),
        String(p.bare.files),
        bytes(p.bare.uncompressed),
      ],
      ['this app (npm run package)', bytes(p.ours.bytes), String(p.ours.files), bytes(p.ours.uncompressed)],
      ['ratio', times(p.ratio), '', ''],
    ]),
  );
  out.push(
    `   ${verdict(p.ratio, r.targets.packageSize)}; the difference, ${bytes(p.ours.bytes - p.bare.bytes)} in the zip:`,
  );
  const detail: string[][] = [['part', 'this app', 'bare app', 'difference']];
  const partRow = (label: string, ours: number, bare: number) => [label, bytes(ours), bytes(bare), bytes(ours - bare)];
  for (const part of groups.own.parts) detail.push(partRow(`our file: ${part.part}`, part.ours, part.bare));
  for (const part of groups.extraDependencies.parts)
    detail.push(partRow(`extra dependency: ${part.part}`, part.ours, part.bare));
  if (groups.manifestsOnly.parts.length > 0) {
    const ours = groups.manifestsOnly.parts.reduce((n, x) => n + x.ours, 0);
    const all = groups.manifestsOnly.parts.map((x) => x.part);
    const names = all.length > 5 ? `${all.slice(0, 5).join(', ')} and ${all.length - 5} more` : all.join(', ');
    detail.push(partRow(`package.json only (never loaded): ${names}`, ours, 0));
  }
  const shared = groups.shared.parts.filter((x) => x.ours !== x.bare);
  if (shared.length > 0) {
    detail.push(
      partRow(
        `core's dependencies, installed differently: ${shared.map((x) => x.part).join(', ')}`,
        shared.reduce((n, x) => n + x.ours, 0),
        shared.reduce((n, x) => n + x.bare, 0),
      ),
    );
  }
  out.push(table(detail).replace(/^/gm, '   '));
  out.push(
    p.shouldNotShip.length === 0
      ? '   Nothing that should not ship (tests, sandbox, scripts, source maps, docs, TypeScript sources).'
      : `   SHOULD NOT SHIP (${p.shouldNotShip.length}): ${p.shouldNotShip.slice(0, 10).join(', ')}${p.shouldNotShip.length > 10 ? ', …' : ''}`,
  );
  out.push('');

  out.push(
    `3. Overhead per operation: medians of ${r.overhead[0]?.runs ?? 0} runs each, interleaved, after warm-up (target ≤ ${r.targets.overhead}×)`,
  );
  for (const o of r.overhead) {
    out.push(`   Sandbox latency ${o.latencyMs} ms per request; non-2xx answers during the runs: ${o.non2xx}`);
    const rows: string[][] = [
      [
        'operation',
        'input',
        'calls',
        'raw undici',
        'p90',
        'operation',
        'p90',
        'ratio',
        'added',
        'core fixed',
        'definition',
        'core HTTP',
        'connector',
      ],
    ];
    for (const row of o.rows) {
      rows.push([
        row.name,
        row.input,
        String(row.requests),
        ms(row.raw.median),
        ms(row.raw.p90),
        ms(row.app.median),
        ms(row.app.p90),
        times(row.ratio),
        ms(row.addedMs),
        ms(row.coreFixedMs),
        ms(row.definitionMs),
        ms(row.coreHttpMs),
        ms(row.connectorMs),
      ]);
    }
    out.push(table(rows).replace(/^/gm, '   '));
    out.push(
      '   added = operation − raw = core fixed (bare no-op) + definition (no-op in this app − bare no-op)' +
        ' + core HTTP (z.request only − no-op − raw) + connector (operation − z.request only); all medians.',
    );
    out.push(`   ${o.rows.map((row) => `${row.name} ${verdict(row.ratio, r.targets.overhead)}`).join('; ')}`);
  }
  out.push('');

  out.push('4. API calls and credits per operation (sandbox request log and ledger) vs the minimum the API allows');
  out.push(
    table([
      ['operation', 'input', 'calls', 'min', 'credits', 'min', 'minimum for the job', 'beyond the minimum'],
      ...r.apiCalls.map((row) => [
        row.operation,
        row.input,
        String(row.calls),
        String(row.minCalls),
        String(row.credits),
        String(row.minCredits),
        row.rule,
        row.beyond
          ? `${row.calls - row.minCalls} call(s), ${row.credits - row.minCredits} credit(s): ${row.beyond}`
          : '',
      ]),
    ]).replace(/^/gm, '   '),
  );
  out.push('');

  out.push(
    `5. Bulk throughput: enrich_people, API rate limit 25 requests/s per endpoint (target: ${r.targets.rateLimited} answers 429)`,
  );
  out.push(
    table([
      ['rows', 'unique', 'repeats', 'latency', 'requests', 'min', 'wall', 'rows/s', '429s', 'credits', 'row statuses'],
      ...r.throughput.map((t) => [
        String(t.rows),
        String(t.uniqueEmails),
        String(t.repeats),
        ms(t.latencyMs),
        String(t.requests),
        String(t.minRequests),
        ms(t.wallMs),
        `${Math.round(t.rowsPerSecond)}/s`,
        String(t.rateLimited),
        String(t.credits),
        Object.entries(t.statuses)
          .map(([status, n]) => `${status} ${n}`)
          .join(', '),
      ]),
    ]).replace(/^/gm, '   '),
  );
  out.push('');
  out.push(`Finished in ${r.seconds} s.`);
  return `${out.join('\n')}\n`;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const settings: Settings = options.quick
    ? { coldRuns: 3, overheadRuns: 20, overheadWarmup: 3, bulkRows: 200 }
    : { coldRuns: 25, overheadRuns: 200, overheadWarmup: 30, bulkRows: 1000 };
  const result = await runAll(settings, options.quick);
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : report(result));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
