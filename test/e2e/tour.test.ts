/**
 * The tour (`npm start`) is the end-to-end smoke test of the whole product: it runs the
 * built app through Zapier's app tester, operation by operation, against the sandbox.
 * Here it runs as a user runs it, in its own process, and every step's result is checked.
 */
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox';
import { App } from '../support/zapier';

const root = path.join(__dirname, '..', '..');
const tour = path.join(root, 'dist', 'scripts', 'tour.js');

interface TourStepResult {
  step: string;
  operation: string;
  ok: boolean;
  records: number;
  apiCalls: number;
  creditsCharged: number | null;
  error?: string;
}

/** Runs the tour in its own process (asynchronously: a sandbox in this process must keep serving). */
function runTour(args: string[], env: Record<string, string | undefined> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [tour, ...args],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, LUSHA_API_KEY: undefined, LUSHA_BASE_URL: undefined, ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  // The tour runs the built app: build it as `npm start` does.
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    { cwd: root },
  );
}, 120_000);

describe('npm start against the embedded sandbox', () => {
  let steps: TourStepResult[];
  let paths: string[];

  beforeAll(async () => {
    const { status, stdout, stderr } = await runTour(['--json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { target: string; steps: TourStepResult[]; failed: number; paths: string[] };
    expect(report).toMatchObject({ target: 'sandbox', failed: 0 });
    steps = report.steps;
    paths = report.paths;
  }, 60_000);

  const step = (title: string) => {
    const found = steps.find((s) => s.step === title);
    if (!found) throw new Error(`the tour has no step "${title}"`);
    return found;
  };

  it('runs every operation of the app, and every step passes its own checks', () => {
    expect(steps.filter((s) => !s.ok)).toEqual([]);
    // Every visible operation of the app, except the company instant trigger: the contact one
    // shows the same subscribe / deliver / verify / unsubscribe machinery (src/webhooks/).
    const visible = (['triggers', 'searches', 'creates'] as const).flatMap((kind) =>
      Object.values(App[kind] as Record<string, { key: string; display: { hidden?: boolean } }>)
        .filter((operation) => !operation.display.hidden)
        .map((operation) => operation.key),
    );
    expect(new Set(steps.map((s) => s.operation))).toEqual(
      new Set(['authentication.test', ...visible.filter((key) => key !== 'new_company_signal_instant')]),
    );
  });

  it('shows the credit model as V3 bills it: searches per result, reveals per field, what the ledger charged', () => {
    // V3 bills a prospecting search per block of results, less than revealing them.
    for (const title of ['Prospect contacts (search only)', 'Prospect companies (search only)']) {
      expect(step(title).creditsCharged).toBeGreaterThan(0);
    }
    expect(step('Prospect contacts (search only)').creditsCharged).toBeLessThan(
      step('Prospect contacts + reveal').creditsCharged!,
    );
    // V3 bills the search and each newly revealed email or phone: the step reports what the ledger charged.
    for (const title of ['Find person by email', 'Find company by domain', 'Bulk enrich people']) {
      expect(step(title)).toMatchObject({ ok: true, apiCalls: 1, creditsCharged: expect.any(Number) });
      expect(step(title).creditsCharged).toBeGreaterThan(0);
    }
    expect(step('Find person by email').records).toBe(1);
    expect(step('Bulk enrich people').records).toBe(5);
  });

  it('calls only V3 paths and the Webhooks API: no V2 path over the whole tour', () => {
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !/^(GET|POST) \/(v3\/|api\/(subscriptions|account\/secret))/.test(p))).toEqual([]);
  });

  it('shows the signal triggers firing each signal once, and polls within the interval costing nothing', () => {
    for (const kind of ['contact', 'company']) {
      expect(step(`New ${kind} signal: poll 2, same interval`)).toMatchObject({
        ok: true,
        apiCalls: 0,
        creditsCharged: 0,
      });
      expect(step(`New ${kind} signal: poll 3, next interval`)).toMatchObject({ ok: true, apiCalls: 1 });
    }
  });

  it('prints a readable summary per step and a totals table', async () => {
    const { status, stdout } = await runTour([]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Lusha connector tour against the embedded sandbox at http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(
      /✓ Find person by email\n {4}find_person {2}email \S+@\S+\n {4}1 record\(s\), 1 API call\(s\), \d+ credit\(s\), \d+ ms/,
    );
    expect(stdout).toMatch(/Totals \(the embedded sandbox at .*\)\n.*Step.*Records.*API calls.*Credits.*ms/);
    expect(stdout).toMatch(new RegExp(`All ${steps.length} steps passed\\.\\n$`));
  });
});

describe('npm start with LUSHA_API_KEY (read-only unless --spend-credits)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      keys: [{ key: 'customer-key-1234', plan: 'unified', credits: 500, signals: true }],
    });
  });
  afterAll(() => sandbox.stop());

  it('runs only the credit-free steps and spends nothing', async () => {
    const { status, stdout } = await runTour(['--json'], {
      LUSHA_API_KEY: 'customer-key-1234',
      LUSHA_BASE_URL: sandbox.url,
    });
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { target: string; steps: TourStepResult[] };
    expect(report.target).toBe('lusha');
    // Under V3 every step but the connection test is billed: the read-only tour runs only that one.
    expect(report.steps.map((s) => s.step)).toEqual(['Test the connection']);
    expect(report.steps.every((s) => s.ok)).toBe(true);
    expect(sandbox.credits.usage('customer-key-1234').used).toBe(0);
    expect(new Set(sandbox.log.entries().map((e) => e.keySuffix))).toEqual(new Set(['1234']));
  });

  it('exits non-zero when a step fails (a rejected key)', async () => {
    const { status, stdout } = await runTour([], { LUSHA_API_KEY: 'wrong-key', LUSHA_BASE_URL: sandbox.url });
    expect(status).toBe(1);
    expect(stdout).toMatch(/✗ Test the connection[\s\S]*FAILED: .*Invalid API key/);
    expect(stdout).not.toContain('wrong-key');
    expect(stdout).toMatch(/FAILED\.\n$/);
  });
});
