/**
 * The website-visit operations end to end: the real app against the sandbox over HTTP. The
 * sandbox's request log and credit ledger show the calls made and what they cost; its visits
 * are a pure function of the domain, the company and the day, so moving its clock a day makes
 * the day's new visits, and only those, new events of the trigger. A domain the key does not
 * track fails the whole request, and the step says where to set tracking up.
 */
import { DEMO_TRACKED_DOMAIN } from '../../sandbox/v3/websiteVisits';
import type { VisitorItem } from '../../src/visits/records';
import type { FindVisitorsOutput } from '../../src/visits/wire';
import { DAY, HOUR, useClock } from '../support/clock';
import { SANDBOX_KEY, useSandbox } from '../support/sandbox';
import { appTester, bundleWith, expectStepError, performOf } from '../support/zapier';

const T0 = '2025-06-15T12:00:00Z';
const SECOND_SITE = 'second-site.test';
const sandbox = useSandbox({
  now: T0,
  keys: [
    {
      key: SANDBOX_KEY,
      plan: 'unified',
      credits: 10_000,
      signals: true,
      trackedDomains: [DEMO_TRACKED_DOMAIN, SECOND_SITE],
    },
  ],
});
const clock = useClock(T0);

const findVisitors = performOf<FindVisitorsOutput>('creates', 'find_website_visitors');
const newVisitor = performOf<VisitorItem[]>('triggers', 'new_website_visitor');
const asSandbox = (inputData: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
  bundleWith(inputData, { apiKey: SANDBOX_KEY, meta });

const PATH = '/v3/companies/website-visits';
const visitCalls = () =>
  sandbox()
    .log.entries()
    .filter((entry) => entry.path === PATH);
const creditsUsed = () => sandbox().credits.usage(SANDBOX_KEY).used;

/** Both clocks, the connector's and the sandbox's, move together. */
function advance(ms: number) {
  clock.advance(ms);
  sandbox().clock.set(new Date(clock.now()));
}

/** The sandbox's own answer to `body`, asked directly (it is logged like any request). */
async function rawAnswer(body: unknown): Promise<{ results: Array<Record<string, unknown>>; pagination: unknown }> {
  const response = await fetch(`${sandbox().url}${PATH}`, {
    method: 'POST',
    headers: { api_key: SANDBOX_KEY, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { results: Array<Record<string, unknown>>; pagination: unknown };
}

/** Zapier's dedupe: the items of a poll it has not seen before. */
function dedupe<T extends { id: string }>(seen: Set<string>, items: T[]): T[] {
  const fresh = items.filter((item) => !seen.has(item.id));
  fresh.forEach((item) => seen.add(item.id));
  return fresh;
}

beforeEach(() => sandbox().clock.set(T0));

describe('Find Website Visitors against the sandbox', () => {
  it('makes one call for the last 30 days, returns what Lusha answered, and reports what the ledger charged', async () => {
    const before = creditsUsed();
    const output = await appTester(findVisitors, asSandbox({ tracked_domains: [DEMO_TRACKED_DOMAIN] }), true);
    const [call, ...others] = visitCalls();
    expect(others).toHaveLength(0);
    const body = {
      domains: [DEMO_TRACKED_DOMAIN],
      startDate: '2025-05-16',
      endDate: '2025-06-15',
      pagination: { page: 0, size: 50 },
      sort: { by: 'score', order: 'desc' },
    };
    expect(call).toMatchObject({ method: 'POST', status: 200, body });
    expect(output.creditsCharged).toBe(call!.creditsCharged);
    expect(creditsUsed() - before).toBe(output.creditsCharged);
    expect(output.totalResults).toBeGreaterThan(0);
    expect(output.resultCount).toBe(Math.min(50, output.totalResults));

    // The line items are the sandbox's answer, company by company, in its order (highest score first).
    const raw = await rawAnswer(body);
    expect(output.companies.map((c) => [c.companyId, c.score, c.sessions, c.lastVisit, c.visitorCountry])).toEqual(
      raw.results.map((r) => [r.id, r.score, r.totalSessions, r.lastVisit, r.visitorCountry ?? null]),
    );
    const scores = output.companies.map((c) => c.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('sends the filters, and every company returned meets them', async () => {
    const output = await appTester(
      findVisitors,
      asSandbox({
        tracked_domains: [`https://www.${DEMO_TRACKED_DOMAIN}/pricing`, SECOND_SITE],
        start_date: '2025-04-01',
        end_date: '2025-06-15',
        score_bands: ['hot', 'warm'],
        min_score: 30,
        sort_by: 'lastVisit',
        max_results: 500,
      }),
      true,
    );
    expect(visitCalls()).toHaveLength(1);
    expect(visitCalls()[0]!.body).toEqual({
      domains: [DEMO_TRACKED_DOMAIN, SECOND_SITE],
      startDate: '2025-04-01',
      endDate: '2025-06-15',
      pagination: { page: 0, size: 125 },
      sort: { by: 'lastVisit', order: 'desc' },
      filters: { scoreBands: ['hot', 'warm'], score: { min: 30 } },
    });
    expect(output.resultCount).toBe(output.totalResults);
    expect(output.resultCount).toBeGreaterThan(0);
    expect(output.pagingNote).toBe(`All ${output.resultCount} companies matching returned (1 request).`);
    for (const company of output.companies) {
      expect(['hot', 'warm']).toContain(company.scoreBand);
      expect(company.score as number).toBeGreaterThanOrEqual(30);
    }
    const visits = output.companies.map((c) => c.lastVisit as string);
    expect(visits).toEqual([...visits].sort().reverse());
  });

  it('refuses a range over 3 months without calling the sandbox', async () => {
    const error = await expectStepError(
      appTester(
        findVisitors,
        asSandbox({ tracked_domains: [DEMO_TRACKED_DOMAIN], start_date: '2025-03-14', end_date: '2025-06-15' }),
        true,
      ),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/span more than 3 months .*the earliest Start Date is 2025-03-15\.$/);
    expect(sandbox().log.entries()).toHaveLength(0);
  });

  it('says where to set tracking up when a domain is not tracked, and charges nothing', async () => {
    const before = creditsUsed();
    const error = await expectStepError(
      appTester(findVisitors, asSandbox({ tracked_domains: [DEMO_TRACKED_DOMAIN, 'not-tracked.test'] }), true),
    );
    expect(error).toMatchObject({ name: 'Error', code: 'untracked_domain', status: 400 });
    expect(error.message).toMatch(
      /^A domain asked for is not set up for website visitor tracking in Lusha \(POST \/v3\/companies\/website-visits, HTTP 400\): .*not-tracked\.test is not configured for tracking\. Set up website visitor tracking for each of the Tracked Domains in your Lusha dashboard/,
    );
    expect(visitCalls().map((call) => call.status)).toEqual([400]);
    expect(creditsUsed()).toBe(before);
  });
});

describe('New Website Visitor Company against the sandbox', () => {
  const input = { tracked_domains: [DEMO_TRACKED_DOMAIN], lookback_days: 30, check_every: 'daily' };

  it('checks once per interval, and fires again only for the companies that visited on the new day', async () => {
    const seen = new Set<string>();
    const before = creditsUsed();
    const first = await appTester(newVisitor, asSandbox(input), true);
    expect(visitCalls()).toHaveLength(1);
    expect(visitCalls()[0]!.body).toEqual({
      domains: [DEMO_TRACKED_DOMAIN],
      startDate: '2025-05-16',
      endDate: '2025-06-15',
      pagination: { page: 0, size: 150 },
      sort: { by: 'lastVisit', order: 'desc' },
    });
    expect(first.length).toBeGreaterThan(0);
    dedupe(seen, first); // the Zap is turned on
    const visits = first.map((item) => item.lastVisit as string);
    expect(visits).toEqual([...visits].sort().reverse());

    // Polls within the interval: no call, nothing new.
    advance(6 * HOUR);
    expect(dedupe(seen, await appTester(newVisitor, asSandbox(input)))).toEqual([]);
    expect(visitCalls()).toHaveLength(1);

    // A day later: one more call; the companies with a visit on the new day are new events, no other.
    advance(DAY - 6 * HOUR);
    const second = await appTester(newVisitor, asSandbox(input));
    expect(visitCalls()).toHaveLength(2);
    const fresh = dedupe(seen, second);
    const byCompany = new Map(first.map((item) => [item.companyId, item]));
    const visitedAgain = second.filter((item) => byCompany.get(item.companyId)?.lastVisit !== item.lastVisit);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.map((item) => item.id).sort()).toEqual(visitedAgain.map((item) => item.id).sort());
    expect(fresh.every((item) => item.lastVisit === '2025-06-16')).toBe(true);
    for (const item of second.filter((i) => byCompany.get(i.companyId)?.lastVisit === i.lastVisit)) {
      expect(item.id).toBe(byCompany.get(item.companyId)!.id);
    }

    // Zapier polls again before the next check: still nothing new, and no call.
    advance(HOUR);
    expect(dedupe(seen, await appTester(newVisitor, asSandbox(input)))).toEqual([]);
    expect(visitCalls()).toHaveLength(2);
    const charged = visitCalls().reduce((sum, call) => sum + call.creditsCharged, 0);
    expect(creditsUsed() - before).toBe(charged);
  });

  it('loads samples with one small call', async () => {
    const samples = await appTester(newVisitor, asSandbox(input, { isLoadingSample: true }), true);
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.length).toBeLessThanOrEqual(3);
    expect(visitCalls().map((call) => (call.body as { pagination: unknown }).pagination)).toEqual([
      { page: 0, size: 3 },
    ]);
  });

  it('says where to set tracking up when a domain is not tracked', async () => {
    const error = await expectStepError(
      appTester(newVisitor, asSandbox({ ...input, tracked_domains: ['elsewhere.test'] }), true),
    );
    expect(error).toMatchObject({ name: 'Error', code: 'untracked_domain' });
    expect(error.message).toMatch(/elsewhere\.test is not configured for tracking\. Set up website visitor tracking/);
  });
});
