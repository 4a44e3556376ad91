/**
 * Cold start: how long a fresh Node process takes to load the app as it ships (`require` of
 * dist/bundle/index.js, the one-file build that npm run package zips; it loads zapier-platform-core) against loading zapier-platform-core
 * alone. Each measurement is a new process of the project's Node 22 (node_modules/.bin/node);
 * the kinds take turns so drift falls on all alike. Two figures per process: the `require`
 * time measured inside it, and the whole process's wall time measured from outside (start,
 * load, exit). A process that loads nothing gives Node's own start-up cost, for context.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { interleave, median, ratio, summarize, type Summary } from './bench-stats';

export interface LoadTimes {
  requireMs: Summary;
  wallMs: Summary;
}

export interface ColdStartResult {
  runs: number;
  node: string;
  app: LoadTimes;
  core: LoadTimes;
  /** `node -e ""`: no module loaded. */
  emptyWallMs: Summary;
  ratios: { require: number | null; wall: number | null };
  /**
   * The median over rounds of app / core within the same round: the two processes of a round
   * run back to back, so a machine that slows down for a while slows both (the ratio of two
   * medians of separate samples carries that drift; this one mostly cancels it).
   */
  pairedRatios: { require: number | null; wall: number | null };
  /** What the app adds on top of core, in milliseconds (difference of the medians). */
  addedMs: { require: number; wall: number };
}

/** The script each fresh process runs: time one `require`, print it, exit. */
const probe = (target: string) =>
  `const t = process.hrtime.bigint(); require(${JSON.stringify(target)}); ` +
  'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));';

export async function measureColdStart(root: string, runs: number): Promise<ColdStartResult> {
  const node = path.join(root, 'node_modules', '.bin', 'node');
  // As in production: no test mode for core, nothing from this process's own setup.
  const env = { ...process.env };
  delete env.NODE_ENV;
  delete env.LUSHA_BASE_URL;

  const spawn = (code: string) => {
    const started = performance.now();
    const result = spawnSync(node, ['-e', code], { cwd: root, env, encoding: 'utf8' });
    const wallMs = performance.now() - started;
    if (result.status !== 0)
      throw new Error(`cold start probe failed (exit ${result.status ?? result.signal}): ${result.stderr}`);
    return { wallMs, requireMs: Number(result.stdout) };
  };
  // The app as it ships (npm run package zips this file as dist/index.js).
  const appPath = path.join(root, 'dist', 'bundle', 'index.js');
  const corePath = require.resolve('zapier-platform-core', { paths: [root] });

  const app: { requireMs: number[]; wallMs: number[] } = { requireMs: [], wallMs: [] };
  const core: { requireMs: number[]; wallMs: number[] } = { requireMs: [], wallMs: [] };
  const record = (into: typeof app, target: string) => () => {
    const sample = spawn(probe(target));
    into.requireMs.push(sample.requireMs);
    into.wallMs.push(sample.wallMs);
    return sample.wallMs;
  };
  // One warm-up round (file system cache), then `runs` rounds of app, core, empty.
  const warmup = 1;
  const [, , empty] = await interleave(
    [record(app, appPath), record(core, corePath), () => spawn('').wallMs],
    runs,
    warmup,
  );
  for (const times of [app, core]) {
    times.requireMs.splice(0, warmup);
    times.wallMs.splice(0, warmup);
  }

  return {
    runs,
    node,
    app: { requireMs: summarize(app.requireMs), wallMs: summarize(app.wallMs) },
    core: { requireMs: summarize(core.requireMs), wallMs: summarize(core.wallMs) },
    emptyWallMs: summarize(empty as number[]),
    ratios: {
      require: ratio(median(app.requireMs), median(core.requireMs)),
      wall: ratio(median(app.wallMs), median(core.wallMs)),
    },
    pairedRatios: {
      require: median(app.requireMs.map((a, i) => a / core.requireMs[i]!)),
      wall: median(app.wallMs.map((a, i) => a / core.wallMs[i]!)),
    },
    addedMs: {
      require: median(app.requireMs) - median(core.requireMs),
      wall: median(app.wallMs) - median(core.wallMs),
    },
  };
}
