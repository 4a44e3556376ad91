/**
 * The API key travels to the configured Lusha host only (issue 8, secret hygiene). A second
 * local server plays a foreign host and records every request it gets:
 * - every operation, answered by the sandbox with a redirect to the foreign host, must not
 *   follow it (the key would go along in the api_key header);
 * - a request the app makes to any other host (same machine, other port) gets no key from
 *   the app's auth middleware.
 * The fault-matrix files prove the key is in no error, output or log line of any run.
 */
import http from 'node:http';
import type { SandboxKeyConfig } from '../../sandbox';
import { DEMO_TRACKED_DOMAIN } from '../../sandbox/v3/websiteVisits';
import { messageProblems } from '../support/fault-classes';
import { OPERATIONS, runOperation } from '../support/operations';
import { useSandbox } from '../support/sandbox';
import { appTester, bundleWith, zapierError } from '../support/zapier';

const keyOf = (i: number) => `sk-LEAKCANARY-hygiene-${String(i).padStart(3, '0')}`;
const ROWS = OPERATIONS.map((row, i) => ({ row, apiKey: keyOf(i) }));
const REDIRECTS = [301, 302, 303, 307, 308];

/** Rows whose faulted request (a reveal) follows a search Lusha already billed: they return what was paid for. */
const SEARCH_PAID_BEFORE = new Set(['prospect_contacts (reveal)', 'prospect_companies (reveal)']);

const sandbox = useSandbox({
  keys: [...ROWS.map((r) => r.apiKey), keyOf(900)].map((key): SandboxKeyConfig => ({
    key,
    plan: 'unified',
    credits: 100_000,
    signals: true,
    trackedDomains: [DEMO_TRACKED_DOMAIN],
    webhookSecret: 'whsec_LEAKCANARY_hygiene',
  })),
});

/** The foreign host: records the method, URL and headers of every request it gets. */
const foreign = { url: '', seen: [] as Array<{ method: string; url: string; headers: http.IncomingHttpHeaders }> };
let server: http.Server;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    foreign.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"usage":{"credits":{"used":0,"total":1,"remaining":1}},"data":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  foreign.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  foreign.seen.length = 0;
});

const inputs = new Map<string, Record<string, unknown>>();
beforeAll(async () => {
  for (const { row, apiKey } of ROWS) inputs.set(row.name, await row.input(sandbox(), apiKey));
});

describe('a redirect from the Lusha host to another host is never followed', () => {
  it.each(REDIRECTS.map((status) => [status]))('HTTP %s, every operation at once', async (status) => {
    const handles = ROWS.map(({ row, apiKey }) =>
      sandbox().faults.add({
        route: row.route,
        method: row.method,
        when: (req) => req.headers.api_key === apiKey,
        kind: 'status',
        status,
        body: { message: 'Moved' },
        headers: { Location: `${foreign.url}/steal${row.route}` },
      }),
    );
    try {
      const outcomes = await Promise.all(
        ROWS.map(({ row, apiKey }) =>
          runOperation(row, inputs.get(row.name)!, apiKey).then(
            (output) => ({ output, error: undefined }),
            (error: unknown) => ({ output: undefined, error: zapierError(error) }),
          ),
        ),
      );
      expect(foreign.seen).toEqual([]);
      const redirected = (row: (typeof ROWS)[number]['row']) =>
        `Lusha answered with an unexpected redirect, which was not followed (${row.method} ${row.route}, HTTP ${status})`;
      for (const [i, outcome] of outcomes.entries()) {
        const { row, apiKey } = ROWS[i]!;
        if (SEARCH_PAID_BEFORE.has(row.name)) {
          // The search was billed before the reveal met the redirect: its rows come back, each saying why.
          expect(outcome.error).toBeUndefined();
          expect(JSON.stringify(outcome.output)).toContain(redirected(row));
          expect(messageProblems(JSON.stringify(outcome.output), [apiKey, 'LEAKCANARY'])).toEqual([]);
          continue;
        }
        const error = outcome.error!;
        expect({ row: row.name, name: error?.name, status: error?.status }).toEqual({
          row: row.name,
          name: 'Error',
          status,
        });
        expect(error.message).toContain(redirected(row));
        expect(messageProblems(error.message, [apiKey, 'LEAKCANARY'])).toEqual([]);
      }
      // The key did go where it belongs: every request the sandbox saw carried the run's own key.
      const seen = sandbox().log.entries();
      expect(seen.length).toBeGreaterThanOrEqual(ROWS.length);
      expect(seen.every((entry) => ROWS.some((r) => r.apiKey.endsWith(entry.keySuffix ?? '-')))).toBe(true);
    } finally {
      handles.forEach((handle) => handle.remove());
    }
  });
});

describe("the app's auth middleware adds the key for the Lusha host only", () => {
  const apiKey = keyOf(900);

  it('sends api_key to the sandbox (the configured host)', async () => {
    await appTester(
      async (z) => z.request({ url: `${sandbox().url}/account/usage`, skipThrowForStatus: true }),
      bundleWith({}, { apiKey }),
    );
    expect(
      sandbox()
        .log.entries()
        .map((entry) => entry.keySuffix),
    ).toEqual([apiKey.slice(-4)]);
  });

  it.each([
    ['another port on the same machine', () => `${foreign.url}/account/usage`],
    [
      'a URL that names the Lusha host as user info',
      () => `http://${new URL(sandbox().url).host}@${new URL(foreign.url).host}/account/usage`,
    ],
    [
      'the Lusha host in the query string',
      () => `${foreign.url}/account/usage?next=${encodeURIComponent(sandbox().url)}`,
    ],
  ])('sends no key to %s', async (_what, url) => {
    await appTester(async (z) => z.request({ url: url(), skipThrowForStatus: true }), bundleWith({}, { apiKey }));
    expect(foreign.seen).toHaveLength(1);
    expect(foreign.seen[0]!.headers.api_key).toBeUndefined();
    expect(JSON.stringify(foreign.seen[0])).not.toContain('LEAKCANARY');
  });
});
