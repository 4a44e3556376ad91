/**
 * Find Website Visitors against a mocked Lusha: the exact V3 body (POST
 * /v3/companies/website-visits) with its defaults and every filter, one flat line item per
 * company, paging within the step (partial paid pages kept, each stop said), credits as Lusha
 * billed them, the input refused before any call, and the untracked domain's message.
 */
import type { LushaClient } from '../../../src/lusha/client';
import { LushaOutcomeUnknownError, LushaRateLimitError } from '../../../src/lusha/errors';
import { earliestStart } from '../../../src/visits/fields';
import { visitorOutputFields } from '../../../src/visits/records';
import { fetchVisitPages, pageSizeFor } from '../../../src/visits/wire';
import { useClock } from '../../support/clock';
import { useNock } from '../../support/nock';
import { createStep, expectRefusal, lusha } from '../../support/creates-kit';
import { expectStepError } from '../../support/zapier';

useNock();
useClock('2025-06-15T12:00:00Z');

const run = createStep('find_website_visitors');
const STEP = 'Find Website Visitors';
const PATH = '/v3/companies/website-visits';

/** The visit figures of the spec's example result, which the line item keeps as they are. */
const visits = {
  uniqueVisitors: 5,
  avgSessionMinutes: 4.2,
  daysVisited: 8,
  highIntentPageviews: 10,
  daysSinceLastVisit: 6,
  lastVisit: '2025-06-09',
  visitorCountry: 'US',
};
/** The spec's example result (WebsiteVisitsCompanyResult). */
const lushaResult = {
  id: 'v1.AbCdEfGhIjKlMnOpQrStUvWxYz012345',
  name: 'Lusha',
  domain: 'www.lusha.com',
  industry: 'Software Development',
  employeeCount: { min: 201, max: 500 },
  location: { city: 'Tel Aviv', country: 'Israel', countryIso2: 'IL' },
  socialLinks: { linkedin: 'https://www.linkedin.com/company/lusha' },
  has: ['competitors', 'socialLinks'],
  canReveal: [{ field: 'competitors', credits: 1 }],
  score: 87,
  scoreBand: 'hot',
  totalSessions: 12,
  ...visits,
};
const lushaItem = {
  companyId: 'v1.AbCdEfGhIjKlMnOpQrStUvWxYz012345',
  companyName: 'Lusha',
  companyDomain: 'lusha.com',
  companyIndustry: 'Software Development',
  companyEmployees: '201-500',
  companyEmployeesMin: 201,
  companyEmployeesMax: 500,
  companyCity: 'Tel Aviv',
  companyState: null,
  companyCountry: 'Israel',
  companyCountryCode: 'IL',
  companyLinkedinUrl: 'https://www.linkedin.com/company/lusha',
  score: 87,
  scoreBand: 'hot',
  sessions: 12,
  ...visits,
};

const visitor = (n: number) => ({ id: `c-${n}`, name: `Company ${n}`, score: 90 - (n % 50), lastVisit: '2025-06-10' });
const answer = (results: unknown[], total: number, page = 0, size = 50, credits = 0) => ({
  requestId: `req-${page}`,
  results,
  pagination: { page, size, total },
  billing: { creditsCharged: credits, resultsReturned: results.length },
});
/** Lusha's 400 for a request it finds invalid, with its reasons. */
const invalidRequest = (...errors: string[]) => ({ statusCode: 400, message: 'Invalid request parameters', errors });
const body = (extra: Record<string, unknown> = {}) => ({
  domains: ['acme.com'],
  startDate: '2025-05-16',
  endDate: '2025-06-15',
  pagination: { page: 0, size: 50 },
  sort: { by: 'score', order: 'desc' },
  ...extra,
});

/**
 * `count` visitors, and Lusha answering page 0 with the first `size` of them, billed `credits`; `nextPage` is the
 * request for page 1, for the test to answer.
 */
function firstPageOf(count: number, size: number, credits?: number) {
  const all = Array.from({ length: count }, (_, i) => visitor(i));
  const nextPage = lusha()
    .post(PATH, body({ pagination: { page: 0, size } }))
    .reply(200, answer(all.slice(0, size), count, 0, size, credits))
    .post(PATH, body({ pagination: { page: 1, size } }));
  return { all, nextPage };
}

describe('find_website_visitors', () => {
  it('asks for the last 30 days by score by default, and returns each company as a flat line item', async () => {
    const scope = lusha()
      .post(PATH, body())
      .reply(200, answer([lushaResult], 1));
    const output = await run({ tracked_domains: ['https://www.Acme.com/pricing'] });
    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      trackedDomains: 'acme.com',
      visitsFrom: '2025-05-16',
      visitsTo: '2025-06-15',
      requestId: 'req-0',
      resultCount: 1,
      totalResults: 1,
      requestsMade: 1,
      stoppedEarly: false,
      pagingNote: 'All 1 company matching returned (1 request).',
      creditsCharged: 0,
      creditsNote: expect.stringMatching(
        /^Lusha billed 0 credits for 1 request \(the sum of its billing\.creditsCharged\)\. .*no price .*example answer charges 0 credits\.$/,
      ),
      companies: [lushaItem],
    });
    // Every declared output key is in the line item, and nothing else.
    expect(Object.keys((output.companies as Array<Record<string, unknown>>)[0]!).sort()).toEqual(
      visitorOutputFields.map((field) => field.key).sort(),
    );
  });

  it('sends every filter in V3 spelling: bands, minimum score, countries, sort and dates, domains once each', async () => {
    const scope = lusha()
      .post(PATH, {
        domains: ['acme.com', 'shop.acme.io'],
        startDate: '2025-04-01',
        endDate: '2025-06-30',
        pagination: { page: 0, size: 10 },
        sort: { by: 'lastVisit', order: 'desc' },
        filters: {
          scoreBands: ['hot', 'warm'],
          score: { min: 40 },
          visitorCountries: { include: ['US', 'GB'], exclude: ['CN'] },
        },
      })
      .reply(200, answer([], 0, 0, 10));
    const output = await run({
      tracked_domains: 'acme.com, shop.acme.io\nACME.com',
      start_date: '2025-04-01',
      end_date: '2025-06-30T23:30:00-05:00',
      score_bands: ['Hot', 'warm', 'hot'],
      min_score: '40',
      visitor_countries: ['us', 'GB'],
      exclude_visitor_countries: 'cn',
      sort_by: 'lastVisit',
      max_results: 10,
    });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({
      trackedDomains: 'acme.com, shop.acme.io',
      resultCount: 0,
      totalResults: 0,
      stoppedEarly: false,
      pagingNote: 'No company visited the Tracked Domains in these dates with these filters (1 request).',
      companies: [],
    });
  });

  it('pages through up to Maximum Results in equal pages, and sums what Lusha billed for each', async () => {
    const { all, nextPage } = firstPageOf(260, 100, 2);
    const scope = nextPage.reply(200, answer(all.slice(100, 200), 260, 1, 100, 3));
    const output = await run({ tracked_domains: ['acme.com'], max_results: 200 });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({
      requestId: 'req-0',
      resultCount: 200,
      totalResults: 260,
      requestsMade: 2,
      stoppedEarly: false,
      creditsCharged: 5,
      pagingNote:
        '200 of 260 companies matching returned (2 requests). Raise Maximum Results (up to 500) or narrow the ' +
        'filters for more.',
    });
    expect((output.companies as Array<{ companyId: string }>).map((c) => c.companyId)).toEqual(
      all.slice(0, 200).map((c) => c.id),
    );
    expect(output.creditsNote).toMatch(/^Lusha billed 5 credits for 2 requests/);
  });

  it('stops at the last page, taking no more than asked', async () => {
    const { all, nextPage } = firstPageOf(170, 150);
    const scope = nextPage.reply(200, answer(all.slice(150), 170, 1, 150));
    const output = await run({ tracked_domains: ['acme.com'], max_results: 300 });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ resultCount: 170, totalResults: 170, requestsMade: 2, stoppedEarly: false });
    expect(output.pagingNote).toBe('All 170 companies matching returned (2 requests).');
  });

  it('keeps the pages Lusha answered when a later one fails, and says why it stopped', async () => {
    const scope = firstPageOf(300, 150, 1).nextPage.reply(402, {
      statusCode: 402,
      message: 'Insufficient credits for this operation',
    });
    const output = await run({ tracked_domains: ['acme.com'], max_results: 300 });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ resultCount: 150, totalResults: 300, requestsMade: 1, stoppedEarly: true });
    expect(output.creditsCharged).toBe(1);
    expect(output.pagingNote).toMatch(
      /^150 of 300 companies matching returned \(1 request\)\. Stopped early: The Lusha account has no credits left .*HTTP 402.*Add credits/,
    );
  });

  it('says a later answer lost after reaching Lusha may have been charged, and never sends it again', async () => {
    const scope = firstPageOf(300, 150).nextPage.once().reply(504, { statusCode: 504, message: 'Gateway Timeout' });
    const output = await run({ tracked_domains: ['acme.com'], max_results: 300 });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ resultCount: 150, requestsMade: 1, stoppedEarly: true, creditsCharged: 0 });
    expect(output.pagingNote).toMatch(/Stopped early: .*HTTP 504.*may have processed this request and charged for it/);
    expect(output.creditsNote).toMatch(
      /The answer to request 2 was lost after it reached Lusha: Lusha may have charged for it, and it is not counted here\.$/,
    );
  });

  it('refuses a range over 3 months, reversed dates and bad dates before any call, all at once', async () => {
    const scope = lusha().post(PATH).reply(200, answer([], 0));
    await expectRefusal(
      run({
        tracked_domains: ['acme.com', 'not a domain'],
        start_date: '2025-02-27',
        end_date: '2025-05-31',
        score_bands: ['boiling'],
        min_score: 0,
        visitor_countries: ['USA'],
        sort_by: 'visits',
        max_results: 501,
      }),
      STEP,
      'Tracked Domains, entry 2: "not a domain" is not a domain (expected something like acme.com).',
      "The dates span more than 3 months (2025-02-27 to 2025-05-31), Lusha's limit: for that End Date, the " +
        'earliest Start Date is 2025-02-28.',
      'Score Bands: "boiling" is not one of: hot, warm, cold.',
      'Minimum Score must be a whole number from 1 to 100 (got "0").',
      'Visitor Countries: "USA" is not a two-letter country code (ISO 3166-1, e.g. US, GB, DE).',
      'Sort By "visits" is not one of: score, lastVisit, totalSessions, uniqueVisitors, daysVisited, ' +
        'highIntentPageviews, avgSessionMinutes.',
      'Maximum Results must be a whole number from 1 to 500 (got "501").',
    );
    await expectRefusal(
      run({ tracked_domains: ['acme.com'], start_date: '2025-06-20', end_date: '2025-02-30' }),
      STEP,
      'End Date "2025-02-30" is not a date (expected YYYY-MM-DD).',
    );
    const reversed = await expectStepError(
      run({ tracked_domains: ['acme.com'], start_date: '2025-06-01', end_date: '2025-05-01' }),
    );
    expect(reversed.message).toMatch(/- Start Date 2025-06-01 is after End Date 2025-05-01: swap them\.$/);
    const future = await expectStepError(run({ tracked_domains: ['acme.com'], start_date: '2025-06-20' }));
    expect(future.message).toMatch(
      /- Start Date 2025-06-20 is after today \(2025-06-15 UTC, the End Date when none is given\)\.$/,
    );
    await expectRefusal(
      run({ tracked_domains: [' '], visitor_countries: 'US', exclude_visitor_countries: 'us' }),
      STEP,
      'Tracked Domains is empty: add your website domain as set up for tracking in Lusha (e.g. acme.com).',
      'US is in both Visitor Countries and Exclude Visitor Countries: keep it in one.',
    );
    expect(scope.isDone()).toBe(false);
  });

  it('accepts exactly 3 months, and counts them as Lusha does at the end of a month', async () => {
    expect(earliestStart('2025-05-31')).toBe('2025-02-28');
    expect(earliestStart('2024-05-31')).toBe('2024-02-29');
    expect(earliestStart('2025-06-15')).toBe('2025-03-15');
    expect(earliestStart('2025-01-10')).toBe('2024-10-10');
    const scope = lusha()
      .post(PATH, body({ startDate: '2025-02-28', endDate: '2025-05-31' }))
      .reply(200, answer([], 0));
    await run({ tracked_domains: ['acme.com'], start_date: '2025-02-28', end_date: '2025-05-31' });
    expect(scope.isDone()).toBe(true);
  });

  it('says where in Lusha to set up tracking when a domain is not tracked (the whole request fails)', async () => {
    lusha()
      .post(PATH, body({ domains: ['acme.com', 'other.com'] }))
      .reply(400, invalidRequest('domain other.com is not configured for tracking'));
    const error = await expectStepError(run({ tracked_domains: ['acme.com', 'other.com'] }));
    expect(error).toMatchObject({ name: 'Error', code: 'untracked_domain', status: 400 });
    expect(error.message).toBe(
      'A domain asked for is not set up for website visitor tracking in Lusha (POST /v3/companies/website-visits, ' +
        'HTTP 400): Invalid request parameters; domain other.com is not configured for tracking. Set up website ' +
        'visitor tracking for each of the Tracked Domains in your Lusha dashboard (or ask your Lusha admin to), or ' +
        'remove the domains Lusha does not track; write each one as it is set up there (e.g. acme.com).',
    );
  });

  it("keeps Lusha's other 400s as a rejected request", async () => {
    lusha().post(PATH, body()).reply(400, invalidRequest('sort.by must be valid'));
    const error = await expectStepError(run({ tracked_domains: ['acme.com'] }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/^Lusha rejected the request .*sort\.by must be valid\. Check the step's fields/);
  });
});

describe('the page size and the time budget', () => {
  it('asks for the fewest equal pages that hold Maximum Results', () => {
    expect([1, 50, 150, 151, 200, 300, 450, 500].map(pageSizeFor)).toEqual([1, 50, 150, 76, 100, 150, 150, 125]);
  });

  it('starts no page the time left cannot fit, and keeps the pages before', async () => {
    let left = 20_000;
    const sent: number[] = [];
    const client = {
      timeLeft: () => left,
      getWebsiteVisits: async (request: { pagination: { page: number } }) => {
        sent.push(request.pagination.page);
        left -= 9_000; // each page takes 9 s of the run's time
        return answer([visitor(request.pagination.page)], 10, request.pagination.page, 1);
      },
    } as unknown as LushaClient;
    const request = { domains: ['acme.com'], startDate: '2025-06-01', endDate: '2025-06-15', sortBy: 'score' as const };
    const { pages, stop } = await fetchVisitPages(client, { ...request, filters: {} }, { want: 10, size: 1 });
    expect(sent).toEqual([0, 1]);
    expect(pages).toHaveLength(2);
    expect(stop).toEqual({ reason: 'time' });
  });

  it('fails with the first page, and keeps the answered pages when a later one fails', async () => {
    const failing = (failAt: number) =>
      ({
        timeLeft: () => 20_000,
        getWebsiteVisits: async (request: { pagination: { page: number } }) => {
          if (request.pagination.page === failAt)
            throw new LushaRateLimitError('slow down', 'POST x', 429, undefined, 1);
          return answer([visitor(1)], 5, request.pagination.page, 1);
        },
      }) as unknown as LushaClient;
    const request = { domains: ['a.com'], startDate: '2025-06-01', endDate: '2025-06-15', sortBy: 'score' as const };
    await expect(fetchVisitPages(failing(0), { ...request, filters: {} }, { want: 5, size: 1 })).rejects.toThrow(
      'slow down',
    );
    const later = await fetchVisitPages(failing(2), { ...request, filters: {} }, { want: 5, size: 1 });
    expect(later.pages).toHaveLength(2);
    expect(later.stop).toMatchObject({ reason: 'failed', error: expect.any(LushaRateLimitError) });
    expect(later.stop).not.toMatchObject({ error: expect.any(LushaOutcomeUnknownError) });
  });
});
