/**
 * New Website Visitor Company against a mocked Lusha: the exact V3 body of a check (the
 * look-back, newest visit first, the filters), one item per company visit with an id from the
 * company and its last visit day only, the credit guard (no call between checks, a back-off
 * after a lost answer), paging only while a page can hold a new visit, and the input checks.
 */
import nock from 'nock';
import { MAX_POLL_ITEMS } from '../../../src/signals/polling';
import { visitEventId, visitorItemOutputFields, type VisitorItem } from '../../../src/visits/records';
import { HOUR, useClock } from '../../support/clock';
import { useNock } from '../../support/nock';
import { appTester, bundleWith, expectStepError, LUSHA, performOf, TEST_KEY } from '../../support/zapier';

const perform = performOf<VisitorItem[]>('triggers', 'new_website_visitor');

useNock();
const clock = useClock('2025-06-15T10:00:00Z');

const PATH = '/v3/companies/website-visits';
const lusha = () => nock(LUSHA, { reqheaders: { api_key: TEST_KEY } });

const visit = (id: string, lastVisit: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Company ${id}`,
  domain: `${id}.example.com`,
  score: 55,
  scoreBand: 'warm',
  totalSessions: 3,
  uniqueVisitors: 2,
  avgSessionMinutes: 2.5,
  daysVisited: 2,
  highIntentPageviews: 1,
  daysSinceLastVisit: 1,
  lastVisit,
  visitorCountry: 'US',
  ...extra,
});
const answer = (results: unknown[], total = results.length, page = 0, size = 150) => ({
  requestId: `req-${page}`,
  results,
  pagination: { page, size, total },
  billing: { creditsCharged: 0, resultsReturned: results.length },
});
const checkBody = (extra: Record<string, unknown> = {}) => ({
  domains: ['acme.com'],
  startDate: '2025-05-16',
  endDate: '2025-06-15',
  pagination: { page: 0, size: 150 },
  sort: { by: 'lastVisit', order: 'desc' },
  ...extra,
});
const input = { tracked_domains: ['acme.com'], check_every: 'daily' };

/** Zapier's dedupe: the items of a poll it has not seen before. */
function dedupe<T extends { id: string }>(seen: Set<string>, items: T[]): T[] {
  const fresh = items.filter((item) => !seen.has(item.id));
  fresh.forEach((item) => seen.add(item.id));
  return fresh;
}

describe('new_website_visitor', () => {
  it('checks the look-back newest visit first, with the filters, and returns one item per company, newest first', async () => {
    const scope = lusha()
      .post(
        PATH,
        checkBody({
          startDate: '2025-06-08',
          filters: { scoreBands: ['hot'], score: { min: 60 }, visitorCountries: { exclude: ['CN'] } },
        }),
      )
      .reply(200, answer([visit('b', '2025-06-14'), visit('a', '2025-06-14'), visit('c', '2025-06-10')]));
    const items = await appTester(
      perform,
      bundleWith({ ...input, score_bands: 'hot', min_score: 60, exclude_visitor_countries: ['CN'], lookback_days: 7 }),
      true,
    );
    expect(scope.isDone()).toBe(true);
    expect(items.map((item) => [item.companyId, item.lastVisit])).toEqual([
      // Within a day the order is by id, the same in every poll.
      ...[
        ['a', '2025-06-14'],
        ['b', '2025-06-14'],
      ].sort((x, y) => (visitEventId(x[0]!, x[1]!) < visitEventId(y[0]!, y[1]!) ? -1 : 1)),
      ['c', '2025-06-10'],
    ]);
    expect(items[2]).toEqual({
      id: visitEventId('c', '2025-06-10'),
      companyId: 'c',
      companyName: 'Company c',
      companyDomain: 'c.example.com',
      companyIndustry: null,
      companyEmployees: null,
      companyEmployeesMin: null,
      companyEmployeesMax: null,
      companyCity: null,
      companyState: null,
      companyCountry: null,
      companyCountryCode: null,
      companyLinkedinUrl: null,
      score: 55,
      scoreBand: 'warm',
      sessions: 3,
      uniqueVisitors: 2,
      avgSessionMinutes: 2.5,
      daysVisited: 2,
      highIntentPageviews: 1,
      daysSinceLastVisit: 1,
      lastVisit: '2025-06-10',
      visitorCountry: 'US',
      visitsFrom: '2025-06-08',
      visitsTo: '2025-06-15',
    });
    expect(Object.keys(items[2]!).sort()).toEqual(visitorItemOutputFields.map((field) => field.key).sort());
    expect(visitEventId('c', '2025-06-10')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('makes no call between checks, and fires again only for a company that visited on a later day', async () => {
    const seen = new Set<string>();
    lusha()
      .post(PATH, checkBody())
      .reply(200, answer([visit('b', '2025-06-15'), visit('a', '2025-06-14')]));
    const first = await appTester(perform, bundleWith(input), true);
    expect(dedupe(seen, first)).toHaveLength(2);

    // Inside the interval: the same items, and no call at all (nock has nothing left to answer).
    clock.advance(23 * HOUR);
    expect(await appTester(perform, bundleWith(input))).toEqual(first);

    // The next check: "a" is recomputed and renamed but has no new visit; "b" visited again the next day
    // (a signal moved by a day keeps its id; a visit on a new day is a new event).
    clock.advance(2 * HOUR);
    const scope = lusha()
      .post(PATH, checkBody({ startDate: '2025-05-17', endDate: '2025-06-16' }))
      .reply(
        200,
        answer([
          visit('b', '2025-06-16', { score: 80, scoreBand: 'hot', totalSessions: 9 }),
          visit('a', '2025-06-14', { name: 'Company A, Inc.', score: 40, daysSinceLastVisit: 2 }),
        ]),
      );
    const second = await appTester(perform, bundleWith(input));
    expect(scope.isDone()).toBe(true);
    const fresh = dedupe(seen, second);
    expect(fresh).toEqual([expect.objectContaining({ companyId: 'b', lastVisit: '2025-06-16', score: 80 })]);
    expect(second.find((item) => item.companyId === 'a')!.id).toBe(first.find((item) => item.companyId === 'a')!.id);
  });

  it('reads a second page only while the first can hold a visit since the previous check', async () => {
    const recent = Array.from({ length: 150 }, (_, i) => visit(`r${i}`, '2025-06-13'));
    const older = Array.from({ length: 150 }, (_, i) => visit(`o${i}`, i < 100 ? '2025-06-12' : '2025-06-11'));
    const scope = lusha()
      .post(PATH, checkBody())
      .reply(200, answer(recent, 900))
      .post(PATH, checkBody({ pagination: { page: 1, size: 150 } }))
      .reply(200, answer(older, 900, 1));
    // Daily checks: a visit since the previous check is dated 2025-06-12 or later (1 day + 2 days of margin);
    // the first page holds only such visits, the second reaches back past them: no third page.
    const items = await appTester(perform, bundleWith(input), true);
    expect(scope.isDone()).toBe(true);
    // The guard returns the newest 250 of a first check (MAX_POLL_ITEMS); it remembers all 300 as seen.
    expect(items).toHaveLength(MAX_POLL_ITEMS);
    expect(items.every((item) => item.lastVisit! >= '2025-06-12')).toBe(true);
  });

  it('asks for 3 companies while the editor loads samples, and keeps nothing for the Zap', async () => {
    lusha()
      .post(PATH, checkBody({ pagination: { page: 0, size: 3 } }))
      .reply(200, answer([visit('a', '2025-06-14')], 40, 0, 3));
    const samples = await appTester(perform, bundleWith(input, { meta: { isLoadingSample: true } }), true);
    expect(samples.map((item) => item.companyId)).toEqual(['a']);
    const scope = lusha()
      .post(PATH, checkBody())
      .reply(200, answer([visit('z', '2025-06-15')]));
    const items = await appTester(perform, bundleWith(input));
    expect(scope.isDone()).toBe(true);
    expect(items.map((item) => item.companyId)).toEqual(['z']);
  });

  it('keeps a 90-day look-back within the 3 months Lusha allows', async () => {
    clock.advance(Date.parse('2025-05-01T10:00:00Z') - Date.parse('2025-06-15T10:00:00Z'));
    const scope = lusha()
      .post(PATH, checkBody({ startDate: '2025-02-01', endDate: '2025-05-01' }))
      .reply(200, answer([]));
    expect(await appTester(perform, bundleWith({ ...input, lookback_days: 90 }), true)).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('after an answer lost at Lusha, waits before checking again instead of paying on every poll', async () => {
    lusha().post(PATH, checkBody()).once().reply(504, { statusCode: 504, message: 'Gateway Timeout' });
    const error = await expectStepError(appTester(perform, bundleWith(input), true));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/HTTP 504.*may have processed this request and charged for it.*not retried/);
    clock.advance(10 * 60 * 1000);
    expect(await appTester(perform, bundleWith(input))).toEqual([]);
    clock.advance(10 * 60 * 1000);
    const scope = lusha()
      .post(PATH, checkBody())
      .reply(200, answer([visit('a', '2025-06-15')]));
    expect((await appTester(perform, bundleWith(input))).map((item) => item.companyId)).toEqual(['a']);
    expect(scope.isDone()).toBe(true);
  });

  it('says where to set up tracking when Lusha does not track a domain', async () => {
    lusha()
      .post(PATH, checkBody({ domains: ['acme.com', 'blog.acme.com'] }))
      .reply(400, {
        statusCode: 400,
        message: 'Invalid request parameters',
        errors: ['domain blog.acme.com is not configured for tracking'],
      });
    const error = await expectStepError(
      appTester(perform, bundleWith({ ...input, tracked_domains: 'acme.com\nblog.acme.com' }), true),
    );
    expect(error).toMatchObject({ name: 'Error', code: 'untracked_domain' });
    expect(error.message).toMatch(
      /^A domain asked for is not set up for website visitor tracking in Lusha .*blog\.acme\.com is not configured for tracking\. Set up website visitor tracking for each of the Tracked Domains in your Lusha dashboard/,
    );
  });

  it('refuses a look-back shorter than the interval needs, or past 90 days, before any call', async () => {
    const scope = lusha().post(PATH).reply(200, answer([]));
    const weekly = await expectStepError(
      appTester(perform, bundleWith({ ...input, check_every: 'weekly', lookback_days: 7 }), true),
    );
    expect(weekly.message).toBe(
      'New Website Visitor Company cannot run with this input (no credits were spent):\n' +
        '- Look Back (Days) must be at least 8 when checking once a week, so that no visit falls between two checks ' +
        '(got 7).',
    );
    const long = await expectStepError(
      appTester(perform, bundleWith({ tracked_domains: [], lookback_days: 91, check_every: 'often' }), true),
    );
    expect(long.message).toBe(
      'New Website Visitor Company cannot run with this input (no credits were spent):\n' +
        '- Tracked Domains is empty: add your website domain as set up for tracking in Lusha (e.g. acme.com).\n' +
        '- Look Back (Days) must be a whole number from 1 to 90 (got "91").\n' +
        '- Check At Most Every: "often" is not one of hourly, every_6_hours, every_12_hours, daily, weekly.',
    );
    expect(scope.isDone()).toBe(false);
  });

  it('ids name the company and the day of its last visit, nothing else', () => {
    expect(visitEventId('v1.AbC', '2025-06-14')).toBe(visitEventId('v1.AbC', '2025-06-14'));
    expect(visitEventId('v1.AbC', '2025-06-14')).not.toBe(visitEventId('v1.abc', '2025-06-14'));
    expect(visitEventId('v1.AbC', '2025-06-14')).not.toBe(visitEventId('v1.AbC', '2025-06-15'));
    expect(visitEventId('12', '2025-06-14')).not.toBe(visitEventId('1', '22025-06-14'));
  });
});
