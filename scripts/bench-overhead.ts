/**
 * Overhead per operation: an operation's wall time through Zapier's app tester against the
 * sandbox, against the same HTTP call(s) sent raw with undici (same method, path and query,
 * body and headers, the response read and parsed as JSON). Three steps in between tell whose
 * cost is whose:
 *
 * - "bare no-op": a perform that does nothing, in an app that has nothing else: core's own
 *   fixed cost per invocation (z, bundle, middleware, output checks), for any app.
 * - "no-op": the same perform registered in this app: core compiles (deep-copies and
 *   freezes) the whole app definition on every invocation, so what this adds to the bare
 *   no-op is the price of the size of our definition.
 * - "z.request only": a perform in this app that sends the very same request(s) with
 *   z.request and parses the JSON: core's HTTP stack (node-fetch, request middleware incl.
 *   the app's own `addLushaAuth`, core's request logging).
 * - the operation itself adds the connector's work: input checks, the Lusha client, schema
 *   parsing, records, caching.
 *
 * The helper performs are registered as hidden creates on a copy of the app, because the app
 * tester looks an unknown function up by walking (and deep-comparing) the whole definition on
 * every call, which Zapier itself never does (it gets the method's path). The requests
 * replayed are those the operation really sent, captured from a run before the measurement
 * (diagnostics_channel for method, path and headers; the sandbox's log for the body). All
 * five take turns, after warm-up.
 */
import { request as undiciRequest } from 'undici';
import {
  createAppTester,
  version as platformVersion,
  type HttpRequestOptions,
  type ZObject,
} from 'zapier-platform-core';
import App from '../index';
import type { Sandbox } from '../sandbox';
import { bundleOf, performOf, type AppTester, type Json, type Kind, type SeenRequest } from './bench-app';
import { interleave, median, ratio, summarize, type Summary } from './bench-stats';

export interface OverheadCase {
  name: string;
  kind: Kind;
  key: string;
  inputData: Json;
  /** What the input is, in a few words. */
  input: string;
}

export interface OverheadRow {
  name: string;
  input: string;
  /** HTTP requests per run of the operation (after warm-up: caches filled). */
  requests: number;
  app: Summary;
  zRequest: Summary;
  raw: Summary;
  noop: Summary;
  bareNoop: Summary;
  /** app / raw, on the medians. */
  ratio: number | null;
  /** app − raw: what Zapier's core and the connector add, in ms (medians). */
  addedMs: number;
  /** bare no-op: core's fixed cost per invocation, for any app. */
  coreFixedMs: number;
  /** no-op − bare no-op: core compiling our (larger) definition on every invocation. */
  definitionMs: number;
  /** z.request only − no-op − raw: core's HTTP stack. */
  coreHttpMs: number;
  /** operation − z.request only: the connector's own work. */
  connectorMs: number;
}

export interface OverheadResult {
  latencyMs: number;
  runs: number;
  warmup: number;
  rows: OverheadRow[];
  /** Answers other than 2xx during the measurement (must be 0 for the figures to mean anything). */
  non2xx: number;
}

interface Replay {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Headers the HTTP client sets per connection or per body; undici sets its own. */
const CONNECTION_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive']);

export interface OverheadContext {
  sandbox: Sandbox;
  requests: { count(): number; take(): SeenRequest[] };
}

type Perform = (z: ZObject) => Promise<object>;

/** A hidden create around a bench perform (never shown, never part of the real app). */
const benchCreate = (key: string, perform: Perform) => ({
  key,
  noun: 'Benchmark',
  display: { label: `Benchmark ${key}`, description: 'Benchmark helper.', hidden: true },
  operation: { perform },
});

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Runs the operation once, capturing the requests it sent, ready to replay. */
async function capture(ctx: OverheadContext, appTester: AppTester, c: OverheadCase): Promise<Replay[]> {
  ctx.requests.take();
  const logFrom = ctx.sandbox.log.entries().length;
  await appTester(performOf(c.kind, c.key), bundleOf(c.inputData));
  const seen = ctx.requests.take();
  const logged = ctx.sandbox.log.entries().slice(logFrom);
  if (logged.length !== seen.length)
    throw new Error(`${c.name}: saw ${seen.length} requests but the sandbox logged ${logged.length}`);
  return seen.map((request, i) => {
    const entry = logged[i]!;
    if (entry.path !== request.path.split('?')[0])
      throw new Error(`${c.name}: request ${i} was ${request.path}, the sandbox logged ${entry.path}`);
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => !CONNECTION_HEADERS.has(name)),
    );
    return {
      method: request.method,
      url: ctx.sandbox.url + request.path,
      headers,
      body: entry.body === null ? undefined : typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body),
    };
  });
}

export async function measureOverhead(
  ctx: OverheadContext,
  cases: OverheadCase[],
  options: { runs: number; warmup: number; latencyMs: number },
): Promise<OverheadResult> {
  const latency =
    options.latencyMs > 0
      ? ctx.sandbox.faults.add({ route: { prefix: '/' }, kind: 'latency', ms: options.latencyMs })
      : null;
  const logFrom = ctx.sandbox.log.entries().length;

  let replay: Replay[] = [];
  let bad = 0;
  const noop: Perform = async () => ({});
  const zRequestOnly: Perform = async (z) => {
    for (const r of replay) {
      const response = await z.request({
        url: r.url,
        method: r.method as 'GET',
        headers: {
          accept: 'application/json',
          ...(r.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: r.body,
        skipThrowForStatus: true,
        redirect: 'manual',
        throwForThrottlingEarly: false,
      } as HttpRequestOptions & { url: string });
      JSON.parse(response.content);
      if (response.status >= 300) bad += 1;
    }
    return {};
  };
  const raw = async () => {
    for (const r of replay) {
      const response = await undiciRequest(r.url, { method: r.method as 'GET', headers: r.headers, body: r.body });
      JSON.parse(await response.body.text());
      if (response.statusCode >= 300) bad += 1;
    }
  };
  const benchApp = {
    ...App,
    creates: {
      ...App.creates,
      bench_noop: benchCreate('bench_noop', noop),
      bench_request: benchCreate('bench_request', zRequestOnly),
    },
  };
  const bareApp = { version: '1.0.0', platformVersion, creates: { bench_noop: benchCreate('bench_noop', noop) } };
  const appTester = createAppTester(benchApp);
  const bareTester = createAppTester(bareApp);
  const noBundle = bundleOf({});

  try {
    const rows: OverheadRow[] = [];
    for (const c of cases) {
      const perform = performOf(c.kind, c.key);
      // A first run fills the app's caches (filter lists), as a Zap's earlier runs would;
      // the second shows the requests of every run after it.
      await appTester(perform, bundleOf(c.inputData));
      replay = await capture(ctx, appTester, c);
      bad = 0;

      const callsBefore = ctx.requests.count();
      let rounds = 0;
      const [app, zRequest, direct, nothing, bare] = await interleave(
        [
          () => {
            rounds += 1;
            return timed(() => appTester(perform, bundleOf(c.inputData)));
          },
          () => timed(() => appTester(zRequestOnly, noBundle)),
          () => timed(raw),
          () => timed(() => appTester(noop, noBundle)),
          () => timed(() => bareTester(noop, noBundle)),
        ],
        options.runs,
        options.warmup,
      );
      ctx.requests.take();
      // The app's requests per run: every round ran the operation once and z.request-only once.
      const appRequests = (ctx.requests.count() - callsBefore - rounds * replay.length) / rounds;
      if (bad > 0) throw new Error(`${c.name}: ${bad} replayed request(s) answered with an error status`);

      const m = (values: number[] | undefined) => median(values ?? []);
      rows.push({
        name: c.name,
        input: c.input,
        requests: appRequests,
        app: summarize(app!),
        zRequest: summarize(zRequest!),
        raw: summarize(direct!),
        noop: summarize(nothing!),
        bareNoop: summarize(bare!),
        ratio: ratio(m(app), m(direct)),
        addedMs: m(app) - m(direct),
        coreFixedMs: m(bare),
        definitionMs: m(nothing) - m(bare),
        coreHttpMs: m(zRequest) - m(nothing) - m(direct),
        connectorMs: m(app) - m(zRequest),
      });
    }
    const non2xx = ctx.sandbox.log
      .entries()
      .slice(logFrom)
      .filter((e) => e.status < 200 || e.status >= 300).length;
    return { latencyMs: options.latencyMs, runs: options.runs, warmup: options.warmup, rows, non2xx };
  } finally {
    latency?.remove();
  }
}
