/**
 * `npm start`: a tour of the whole connector. It starts the embedded Lusha sandbox on a
 * free port and runs the real, built app through Zapier's own machinery
 * (`createAppTester`) for each operation in turn, printing what each step did: records,
 * API calls, credits, time. `--json` prints machine-readable results instead.
 *
 * With LUSHA_API_KEY set it runs against the real Lusha API instead (or the host
 * LUSHA_BASE_URL names): read-only, credit-free steps only, unless `--spend-credits` is given.
 *
 * Exits non-zero if any step fails. Stops the sandbox on exit, also on Ctrl-C.
 */
import './tour-env';
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { createAppTester } from 'zapier-platform-core';
import App from '../index';
import { startSandbox, type Sandbox } from '../sandbox';
import { LUSHA_API_URL } from '../src/lusha/config';
import { tourSteps, type TourContext } from './tour-steps';
import { readFlags } from './cli-flags';

const SANDBOX_KEY = 'lusha-sandbox-key';

export interface StepResult {
  step: string;
  operation: string;
  inputs: string;
  ok: boolean;
  records: number;
  apiCalls: number;
  creditsCharged: number | null;
  ms: number;
  note: string;
  error?: string;
}

interface Options {
  json: boolean;
  spendCredits: boolean;
}

function parseArgs(argv: string[]): Options {
  const flags = readFlags(argv, ['--json', '--spend-credits'], 'npm start');
  return { json: flags['--json'], spendCredits: flags['--spend-credits'] };
}

/** Counts every HTTP request this process sends to the Lusha host (sandbox or real). */
function countRequestsTo(baseUrl: string): () => number {
  const target = new URL(baseUrl);
  let count = 0;
  diagnostics.subscribe('http.client.request.start', (message) => {
    const host = String((message as { request: ClientRequest }).request.getHeader('host') ?? '');
    if (host === target.host || host === target.hostname) count += 1;
  });
  return () => count;
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const padStart = (text: string, width: number) =>
  text.length >= width ? text : ' '.repeat(width - text.length) + text;

function printStep(result: StepResult): void {
  const mark = result.ok ? '✓' : '✗';
  const credits = result.creditsCharged === null ? '?' : String(result.creditsCharged);
  process.stdout.write(
    `${mark} ${result.step}\n` +
      `    ${result.operation}  ${result.inputs}\n` +
      `    ${result.records} record(s), ${result.apiCalls} API call(s), ${credits} credit(s), ${result.ms} ms` +
      (result.note ? `\n    ${result.note}` : '') +
      (result.error ? `\n    FAILED: ${result.error}` : '') +
      '\n\n',
  );
}

function printTotals(results: StepResult[], target: string): void {
  const rows = results.map((r) => [
    r.ok ? '✓' : '✗',
    r.step,
    String(r.records),
    String(r.apiCalls),
    r.creditsCharged === null ? '?' : String(r.creditsCharged),
    String(r.ms),
  ]);
  const total = [
    '',
    'Total',
    String(results.reduce((n, r) => n + r.records, 0)),
    String(results.reduce((n, r) => n + r.apiCalls, 0)),
    String(results.reduce((n, r) => n + (r.creditsCharged ?? 0), 0)),
    String(results.reduce((n, r) => n + r.ms, 0)),
  ];
  const header = ['', 'Step', 'Records', 'API calls', 'Credits', 'ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...[...rows, total].map((row) => (row[i] as string).length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i >= 2 ? padStart(cell, widths[i] as number) : pad(cell, widths[i] as number))).join('  ');
  process.stdout.write(`Totals (${target})\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  process.stdout.write(`${line(total)}\n`);
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const realKey = process.env.LUSHA_API_KEY?.trim();
  let sandbox: Sandbox | undefined;

  const stop = async () => {
    const running = sandbox;
    sandbox = undefined;
    await running?.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    let apiKey: string;
    if (realKey) {
      // The real API (or whatever LUSHA_BASE_URL names, as everywhere else in the connector).
      apiKey = realKey;
    } else {
      sandbox = await startSandbox({ port: 0 });
      process.env.LUSHA_BASE_URL = sandbox.url;
      apiKey = SANDBOX_KEY;
    }
    const baseUrl = process.env.LUSHA_BASE_URL ?? LUSHA_API_URL;
    const target = sandbox
      ? `the embedded sandbox at ${sandbox.url}`
      : baseUrl === LUSHA_API_URL
        ? 'the real Lusha API'
        : `the Lusha API at ${baseUrl}`;
    const requests = countRequestsTo(baseUrl);
    const appTester = createAppTester(App);
    const context: TourContext = {
      appTester,
      authData: { api_key: apiKey },
      sandbox,
      spendCredits: options.spendCredits || Boolean(sandbox),
      memory: {},
    };

    if (!options.json) {
      process.stdout.write(`Lusha connector tour against ${target}\n`);
      if (!sandbox && !options.spendCredits) {
        process.stdout.write(
          'Real API, read-only: steps that cost credits are skipped (pass --spend-credits to run them).\n',
        );
      }
      process.stdout.write('\n');
    }

    const results: StepResult[] = [];
    for (const step of tourSteps) {
      if ((step.costsCredits && !context.spendCredits) || (step.sandboxOnly && !sandbox)) continue;
      const callsBefore = requests();
      const creditsBefore = sandbox?.credits.usage(SANDBOX_KEY).used;
      const started = Date.now();
      let result: StepResult;
      try {
        const outcome = await step.run(context);
        result = {
          step: step.title,
          operation: step.operation,
          inputs: outcome.inputs,
          ok: true,
          records: outcome.records,
          apiCalls: requests() - callsBefore,
          creditsCharged:
            creditsBefore === undefined
              ? (outcome.creditsReported ?? null)
              : sandbox!.credits.usage(SANDBOX_KEY).used - creditsBefore,
          ms: Date.now() - started,
          note: outcome.note ?? '',
        };
        const problem = outcome.check?.({ apiCalls: result.apiCalls, creditsCharged: result.creditsCharged });
        if (problem) result = { ...result, ok: false, error: problem };
      } catch (error) {
        result = {
          step: step.title,
          operation: step.operation,
          inputs: '',
          ok: false,
          records: 0,
          apiCalls: requests() - callsBefore,
          creditsCharged: null,
          ms: Date.now() - started,
          note: '',
          error: error instanceof Error ? error.message.split('\n')[0] : String(error),
        };
      }
      results.push(result);
      if (!options.json) printStep(result);
    }

    const failed = results.filter((r) => !r.ok).length;
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify(
          {
            target: sandbox ? 'sandbox' : 'lusha',
            steps: results,
            failed,
            // Every Lusha path the tour called, as the sandbox logged them (the real API keeps its own log).
            paths: sandbox ? [...new Set(sandbox.log.entries().map((e) => `${e.method} ${e.path}`))].sort() : null,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      printTotals(results, target);
      process.stdout.write(
        failed === 0 ? `\nAll ${results.length} steps passed.\n` : `\n${failed} of ${results.length} steps FAILED.\n`,
      );
    }
    return failed === 0 ? 0 : 1;
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Tour failed to run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
