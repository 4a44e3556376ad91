/**
 * V3 signals family against the sandbox over real HTTP: signals, signal types and filters, signal
 * scores, buying group and website visits.
 */
import type { Sandbox, SandboxCompany, SandboxPerson } from '../../sandbox';
import { COMPANY_SIGNAL_TYPES, DEFAULT_KEY } from '../../sandbox';
import { boot, companyPreviewOf, DEMO_KEY, filterDiscovery, get, NOW, post, type CallResult } from './helpers';

/** The parts of a `linkedinActivityIntent` item (V3 company signals) that the tests read. */
interface LinkedinPost {
  companyId: number;
  activityPublicationDate: string;
  activityUrl: string;
  author: { id: string };
  intentTopics: { topic: string; category: string }[];
}
/** A company's entry in a signals answer asked for `linkedinActivityIntent`. */
interface WithPosts {
  linkedinActivityIntent: LinkedinPost[];
}
/** The parts of a website-visits row that the tests read. */
interface Visit {
  id: string;
  scoreBand: string;
  score: number;
  daysVisited: number;
  visitorCountry?: string;
  totalSessions: number;
  uniqueVisitors: number;
  lastVisit: string;
}

const NO_FEATURES = 'v3-no-features-01';
const FREE_SCORES = 'v3-free-scores-02';
const TWO_SITES = 'v3-two-sites-0003';
const POOR = 'v3-poor-key-00004';

let sb: Sandbox;
beforeAll(async () => {
  sb = await boot({
    rateLimitPerSecond: 10_000,
    keys: [
      DEFAULT_KEY,
      { key: NO_FEATURES, plan: 'unified', credits: 1_000, signals: false, buyingGroup: false },
      { key: FREE_SCORES, plan: 'unified', credits: 0, signals: true, signalScoreCharged: false },
      {
        key: TWO_SITES,
        plan: 'unified',
        credits: 0,
        signals: true,
        trackedDomains: ['sandbox-demo.test', 'Second-Site.test'],
      },
      { key: POOR, plan: 'unified', credits: 1_000, signals: true },
    ],
  });
});
afterAll(() => sb.stop());

const TODAY = NOW.slice(0, 10);
const SIX_MONTHS_AGO = '2024-12-15';
const INVALID = 'Invalid request parameters';

const used = () => sb.credits.usage(DEMO_KEY).used;
/** Runs `f` and checks that the ledger moved by exactly `billing.creditsCharged` of its answer. */
async function charged<T extends CallResult>(f: () => Promise<T>): Promise<T> {
  const before = used();
  const r = await f();
  expect(used() - before).toBe(r.json.billing.creditsCharged);
  return r;
}

function daysAgo(n: number): string {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

function expectBadRequest(r: CallResult, ...errors: string[]): void {
  expect(r.status).toBe(400);
  expect(r.json.statusCode).toBe(400);
  expect(r.json.message).toBe(INVALID);
  for (const e of errors) expect(r.json.errors).toContain(e);
}

// ------------------------------------------------------------------ types and filters

describe('signal types and filters', () => {
  test('contact and company signal types, in the spec order', async () => {
    const c = await get(sb, '/v3/contacts/signals/types');
    expect(c.status).toBe(200);
    expect(c.json).toEqual({ signalTypes: ['allSignals', 'promotion', 'companyChange'] });
    const co = await get(sb, '/v3/companies/signals/types');
    expect(co.json.signalTypes.slice(0, 3)).toEqual(['allSignals', 'linkedinActivityIntent', 'websiteTrafficDecrease']);
    expect([...co.json.signalTypes].sort()).toEqual(
      ['allSignals', 'linkedinActivityIntent', ...COMPANY_SIGNAL_TYPES].sort(),
    );
  });

  test('filter discovery and values; query rules per filter type', async () => {
    const d = await get(sb, '/v3/companies/signals/filters');
    expect(d.json).toEqual(
      filterDiscovery({
        newsEventTypes: false,
        hiringByDepartments: false,
        hiringByLocations: true,
        intentCategories: false,
      }),
    );
    expect((await get(sb, '/v3/companies/signals/filters/newsEventTypes')).json.values).toContain('Funding Round');
    expect((await get(sb, '/v3/companies/signals/filters/newsEventTypes', { query: 'fund' })).json.values).toEqual([
      'Funding Round',
    ]);
    expect((await get(sb, '/v3/companies/signals/filters/hiringByDepartments')).json.values).toContain(
      'Engineering & Technical',
    );
    const loc = await get(sb, '/v3/companies/signals/filters/hiringByLocations', { query: 'califor' });
    expect(loc.json.values).toEqual([{ country: 'United States', state: 'California' }]);
    const country = await get(sb, '/v3/companies/signals/filters/hiringByLocations', { query: 'germany' });
    expect(country.json.values).toContainEqual({ country: 'Germany' });
    expect(country.json.values).toContainEqual({ country: 'Germany', state: 'Bavaria' });
    const intent = await get(sb, '/v3/companies/signals/filters/intentCategories');
    expect(intent.json.values).toEqual(expect.arrayContaining(['Technology', 'Business', 'Finance']));

    expectBadRequest(
      await get(sb, '/v3/companies/signals/filters/hiringByLocations'),
      'query is required for filterType hiringByLocations',
    );
    expectBadRequest(
      await get(sb, '/v3/companies/signals/filters/hiringByLocations', { query: 'c' }),
      'query must be longer than or equal to 2 characters',
    );
    expectBadRequest(
      await get(sb, '/v3/companies/signals/filters/intentCategories', { query: 'tech' }),
      'query is not supported for filterType intentCategories',
    );
    const unknown = await get(sb, '/v3/companies/signals/filters/sizes');
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0]).toMatch(/^filterType must be one of the following values: newsEventTypes/);
  });

  test('free; 401 without a key; 403 without Signals on the plan', async () => {
    const before = used();
    await get(sb, '/v3/companies/signals/types');
    await get(sb, '/v3/companies/signals/filters/intentCategories');
    expect(used()).toBe(before);
    const paths = [
      '/v3/contacts/signals/types',
      '/v3/companies/signals/types',
      '/v3/companies/signals/filters',
      '/v3/companies/signals/filters/newsEventTypes',
    ];
    for (const p of paths) {
      expect((await get(sb, p, undefined, { key: null })).json).toEqual({
        statusCode: 401,
        message: 'Invalid API key',
      });
      const r = await get(sb, p, undefined, { key: NO_FEATURES });
      expect(r.json).toEqual({ statusCode: 403, message: 'Signals API not supported on your plan' });
    }
  });
});

// ------------------------------------------------------------------ contact signals

describe('contact signals', () => {
  test('shape: one result per id, every requested type, item id = contact id; billing = ledger', async () => {
    const p = sb.data.samples.personWithRecentCompanyChange;
    const r = await charged(() =>
      post(sb, '/v3/contacts/signals', {
        ids: [String(p.personId), '999', String(p.personId)],
        signalTypes: ['allSignals'],
      }),
    );
    expect(r.status).toBe(200);
    expect(r.json.startDate).toBe(SIX_MONTHS_AGO);
    expect(r.json.endDate).toBe(TODAY);
    expect(r.json.results).toHaveLength(2);
    const [found, missing] = r.json.results;
    expect(missing).toEqual({ id: '999', error: { code: 'NOT_FOUND', message: 'Contact not found' } });
    expect(Object.keys(found).sort()).toEqual(['companyChange', 'id', 'promotion']);
    expect(found.id).toBe(String(p.personId));
    const item = found.companyChange[0];
    expect(Object.keys(item).sort()).toEqual(['id', 'newCompany', 'newTitle', 'previousCompany', 'signalDate']);
    // The item's id is the contact's id: it does not tell two events apart.
    expect(item.id).toBe(String(p.personId));
    expect(item.newCompany).toBe(sb.data.companyOf(p).name);
    expect(item.newTitle).toBe(p.jobTitle);
    const hits = ['promotion', 'companyChange'].filter((t) => found[t].length > 0).length;
    expect(r.json.billing).toEqual({ creditsCharged: hits, resultsReturned: 1 });
  });

  test('the same events as V2, with the same dates; signalTypes narrow; maxResultsPerSignal caps', async () => {
    const p = sb.data.samples.personWithOnlyOldSignals;
    const body = { signalTypes: ['allSignals'], startDate: '2024-06-01' };
    const v3 = await post(sb, '/v3/contacts/signals', { ids: [String(p.personId)], ...body });
    const v2 = await post(sb, '/api/signals/contacts', {
      contactIds: [p.personId],
      signals: ['allSignals'],
      startDate: '2024-06-01',
    });
    const v2Entry = v2.json.contacts[String(p.personId)];
    for (const t of ['promotion', 'companyChange']) {
      expect(v3.json.results[0][t].map((s: { signalDate: string }) => s.signalDate)).toEqual(
        v2Entry[t].map((s: { signalDate: string }) => s.signalDate),
      );
    }
    expect(v3.json.billing.creditsCharged).toBe(v2.json.creditCharged);
    const one = await post(sb, '/v3/contacts/signals', {
      ids: [String(p.personId)],
      signalTypes: ['promotion'],
      ...{ startDate: body.startDate },
    });
    expect(Object.keys(one.json.results[0]).sort()).toEqual(['id', 'promotion']);

    const many = sb.data.samples.personWithRecentPromotion;
    sb.signals.addContactSignal(many.personId, 'promotion', { signalDate: daysAgo(3) });
    sb.signals.addContactSignal(many.personId, 'promotion', { signalDate: daysAgo(2) });
    const type = 'promotion';
    const capped = await post(sb, '/v3/contacts/signals', {
      ids: [String(many.personId)],
      signalTypes: [type],
      maxResultsPerSignal: 1,
    });
    expect(capped.json.results[0][type]).toEqual([expect.objectContaining({ signalDate: daysAgo(2) })]);
    expect(capped.json.results[0][type]).toHaveLength(1);
  });

  test('signals added at run time appear in V3, dated today', async () => {
    const p = sb.data.samples.personWithoutSignals;
    sb.signals.addContactSignal(p.personId, 'promotion', { currentTitle: 'Head of Everything' });
    const r = await post(sb, '/v3/contacts/signals', { ids: [String(p.personId)], signalTypes: ['promotion'] });
    expect(r.json.results[0].promotion).toEqual([
      expect.objectContaining({ id: String(p.personId), signalDate: TODAY, newTitle: 'Head of Everything' }),
    ]);
    expect(r.json.billing).toEqual({ creditsCharged: 1, resultsReturned: 1 });
  });

  test('validation names each problem', async () => {
    const r = await post(sb, '/v3/contacts/signals', {
      ids: [1],
      signalTypes: ['surgeInHiring'],
      startDate: '2030-01-01',
      maxResultsPerSignal: 101,
      contactIds: [1],
    });
    expectBadRequest(
      r,
      'property contactIds should not exist',
      'each value in ids must be a string',
      'each value in signalTypes must be one of the following values: allSignals, promotion, companyChange',
      'maxResultsPerSignal must not be greater than 100',
      `startDate must not be after the current date (${TODAY})`,
    );
    expectBadRequest(
      await post(sb, '/v3/contacts/signals', {}),
      'ids should not be empty',
      'signalTypes should not be empty',
    );
    expectBadRequest(
      await post(sb, '/v3/contacts/signals', {
        ids: Array.from({ length: 101 }, (_, i) => String(i)),
        signalTypes: ['promotion'],
      }),
      'ids must contain no more than 100 elements',
    );
    expectBadRequest(
      await post(sb, '/v3/contacts/signals', { ids: [], signalTypes: ['promotion'], startDate: '2025-02-30' }),
      'ids must contain at least 1 elements',
      'startDate must be a valid date in YYYY-MM-DD format',
    );
    expectBadRequest(
      await post(sb, '/v3/contacts/signals', { ids: ['1'], signalTypes: ['promotion'], maxResultsPerSignal: 0 }),
      'maxResultsPerSignal must not be less than 1',
    );
    const table = await post(sb, '/v3/contacts/signals', { ids: ['1'], signalTypes: ['promotion'], tableId: '482910' });
    expect(table.json).toEqual({ statusCode: 404, message: 'TABLE_NOT_FOUND: Table not found' });
  });

  test('401 without a key, 403 without Signals, 402 at zero balance or over the balance', async () => {
    const body = { ids: [String(sb.data.samples.personWithRecentPromotion.personId)], signalTypes: ['allSignals'] };
    expect((await post(sb, '/v3/contacts/signals', body, { key: null })).status).toBe(401);
    expect((await post(sb, '/v3/contacts/signals', body, { key: NO_FEATURES })).json).toEqual({
      statusCode: 403,
      message: 'Signals API not supported on your plan',
    });
    // Plan before validation, as on V2's Signals endpoints.
    expect((await post(sb, '/v3/contacts/signals', {}, { key: NO_FEATURES })).status).toBe(403);
    sb.credits.set(POOR, 0);
    const none = await post(sb, '/v3/contacts/signals', { ids: ['999'], signalTypes: ['promotion'] }, { key: POOR });
    expect(none.json).toEqual({ statusCode: 402, message: 'Insufficient credits for this operation' });
    const two = sb.data.people
      .filter(
        (x) =>
          new Set(
            sb.data
              .contactSignals(x.personId)
              .filter((s) => s.signalDate >= SIX_MONTHS_AGO)
              .map((s) => s.type),
          ).size > 0,
      )
      .slice(0, 2);
    sb.credits.set(POOR, 1);
    const over = await post(
      sb,
      '/v3/contacts/signals',
      { ids: two.map((x) => String(x.personId)), signalTypes: ['allSignals'] },
      { key: POOR },
    );
    expect(over.status).toBe(402);
    expect(sb.credits.usage(POOR).remaining).toBe(1);
    sb.credits.set(POOR, 1_000);
  });
});

// ------------------------------------------------------------------ company signals

describe('company signals', () => {
  test('the same events as V2: same signalId, same date, same fields', async () => {
    const c = sb.data.samples.companyWithRecentNews;
    const v2 = await post(sb, '/api/signals/companies', { companyIds: [c.id], signals: ['allSignals'] });
    const v3 = await charged(() =>
      post(sb, '/v3/companies/signals', { ids: [String(c.id)], signalTypes: ['allSignals'] }),
    );
    expect(v3.status).toBe(200);
    const entry = v3.json.results[0];
    expect(entry).toMatchObject({ id: String(c.id), companyName: c.name, domain: c.domain });
    for (const t of COMPANY_SIGNAL_TYPES) expect(entry[t]).toEqual(v2.json.companies[String(c.id)][t]);
    expect(Array.isArray(entry.linkedinActivityIntent)).toBe(true);
    const hits = [...COMPANY_SIGNAL_TYPES, 'linkedinActivityIntent'].filter((t) => entry[t].length > 0).length;
    expect(v3.json.billing).toEqual({ creditsCharged: hits, resultsReturned: 1 });
    expect(v3.json.startDate).toBe(SIX_MONTHS_AGO);
  });

  test('unknown ids are NOT_FOUND rows, free; only the requested types; V2 sub-filters apply', async () => {
    const c = sb.data.samples.companyWithRecentNews;
    const news = sb.data
      .companySignals(c.id)
      .find((s) => 'articlePublishedDate' in s.fields && s.date >= SIX_MONTHS_AGO);
    if (!news) throw new Error('sample has no recent news');
    const r = await charged(() =>
      post(sb, '/v3/companies/signals', {
        ids: ['nope', String(c.id)],
        signalTypes: [news.type, 'surgeInHiring'],
        filters: { include: { newsEventTypes: [String(news.fields.eventType).toUpperCase()] } },
      }),
    );
    expect(r.json.results[0]).toEqual({ id: 'nope', error: { code: 'NOT_FOUND', message: 'Company not found' } });
    const entry = r.json.results[1];
    expect(Object.keys(entry).sort()).toEqual(['companyName', 'domain', 'id', news.type, 'surgeInHiring'].sort());
    expect(entry[news.type].map((s: { signalId: string }) => s.signalId)).toContain(news.signalId);
    expect(entry[news.type].every((s: { eventType: string }) => s.eventType === news.fields.eventType)).toBe(true);
    expect(r.json.billing.resultsReturned).toBe(1);
  });

  test('signals added at run time appear with their V2 signalId', async () => {
    const c = sb.data.samples.companyWithOnlyOldSignals;
    const added = sb.signals.addCompanySignal(c.id, 'itSpendIncrease');
    const v3 = await post(sb, '/v3/companies/signals', { ids: [String(c.id)], signalTypes: ['itSpendIncrease'] });
    const v2 = await post(sb, '/api/signals/companies', { companyIds: [c.id], signals: ['itSpendIncrease'] });
    expect(v3.json.results[0].itSpendIncrease).toEqual([
      expect.objectContaining({ signalId: added.signalId, signalDate: TODAY }),
    ]);
    expect(v3.json.results[0].itSpendIncrease).toEqual(v2.json.companies[String(c.id)].itSpendIncrease);
  });

  test('linkedinActivityIntent: trailing 90 days whatever startDate says, shape, intentCategories', async () => {
    const withIntent = sb.data.companies.filter((c) => c.intentTopics.length > 0).slice(0, 60);
    const r = await charged(() =>
      post(sb, '/v3/companies/signals', {
        ids: withIntent.map((c) => String(c.id)),
        signalTypes: ['linkedinActivityIntent'],
        startDate: '2024-07-01',
      }),
    );
    const posts = r.json.results.flatMap((e: WithPosts) => e.linkedinActivityIntent);
    expect(posts.length).toBeGreaterThan(20);
    for (const p of posts) {
      expect(p.activityPublicationDate >= daysAgo(90) && p.activityPublicationDate <= TODAY).toBe(true);
      expect(p).toMatchObject({
        companyId: expect.any(Number),
        signalCategory: expect.any(String),
        author: { id: expect.stringMatching(/^\d+$/), fullName: expect.any(String), linkedinUrl: expect.any(String) },
        activityUrl: expect.stringMatching(/^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:activity:\d{19}$/),
        activityType: expect.any(String),
      });
      expect(p.intentTopics.length).toBeGreaterThan(0);
      expect(sb.data.person(Number(p.author.id))?.companyId).toBe(p.companyId);
    }
    expect(new Set(posts.map((p: LinkedinPost) => p.activityUrl)).size).toBe(posts.length);
    const hits = r.json.results.filter((e: WithPosts) => e.linkedinActivityIntent.length > 0).length;
    expect(r.json.billing).toEqual({ creditsCharged: hits, resultsReturned: withIntent.length });

    const tech = await post(sb, '/v3/companies/signals', {
      ids: withIntent.map((c) => String(c.id)),
      signalTypes: ['linkedinActivityIntent'],
      filters: { include: { intentCategories: ['finance'] } },
    });
    const filtered = tech.json.results.flatMap((e: WithPosts) => e.linkedinActivityIntent);
    expect(filtered.length).toBeLessThan(posts.length);
    for (const p of filtered)
      expect(p.intentTopics.some((t: { category: string }) => t.category === 'Finance')).toBe(true);
  });

  test('validation, tableId, 401, 403, 402', async () => {
    expectBadRequest(
      await post(sb, '/v3/companies/signals', {
        ids: ['1'],
        signalTypes: ['promotion'],
        filters: { include: { intentCategories: 'Technology' } },
      }),
      'filters.include.intentCategories must be an array of strings',
    );
    const bad = await post(sb, '/v3/companies/signals', { ids: ['1'], signalTypes: ['promotion'] });
    expect(bad.json.errors[0]).toMatch(
      /^each value in signalTypes must be one of the following values: allSignals, linkedin/,
    );
    expectBadRequest(
      await post(sb, '/v3/companies/signals', {
        ids: ['1'],
        signalTypes: ['surgeInHiringByLocation'],
        filters: { include: { hiringByLocations: [{ state: 'Texas' }] } },
      }),
      'filters.include.hiringByLocations[0].country is required',
    );
    expect(
      (await post(sb, '/v3/companies/signals', { ids: ['1'], signalTypes: ['allSignals'], tableId: 'x' })).status,
    ).toBe(404);
    const body = { ids: [String(sb.data.companies[0]?.id)], signalTypes: ['allSignals'] };
    expect((await post(sb, '/v3/companies/signals', body, { key: null })).status).toBe(401);
    expect((await post(sb, '/v3/companies/signals', body, { key: NO_FEATURES })).status).toBe(403);
    sb.credits.set(POOR, 0);
    expect((await post(sb, '/v3/companies/signals', body, { key: POOR })).status).toBe(402);
    sb.credits.set(POOR, 1_000);
  });
});

// ------------------------------------------------------------------ signal scores

describe('company signal scores', () => {
  test('by id, domain, name, email; NOT_FOUND and NO_SCORE rows are free; billing = scored rows = ledger', async () => {
    const [a, b, c2] = sb.data.companies.filter((c) => c.employeesInLinkedin >= 5);
    const tiny = sb.data.companies.find((c) => c.employeesInLinkedin < 5);
    if (!a || !b || !c2 || !tiny) throw new Error('dataset lacks the companies this test needs');
    const r = await charged(() =>
      post(sb, '/v3/companies/signal-score', {
        companies: [
          { clientReferenceId: 'by-id', id: String(a.id) },
          { clientReferenceId: 'by-domain', domain: `https://www.${b.domain}/` },
          { clientReferenceId: 'by-name', name: c2.name.toUpperCase() },
          { clientReferenceId: 'by-email', email: `jane@${a.domain}` },
          { clientReferenceId: 'missing', domain: 'nope-xyz.example' },
          { clientReferenceId: 'missing-email', email: 'joe@nope-xyz.example' },
          { clientReferenceId: 'tiny', id: String(tiny.id) },
        ],
      }),
    );
    expect(r.status).toBe(200);
    expect(r.json.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const rows = r.json.results;
    expect(rows.map((x: { clientReferenceId: string }) => x.clientReferenceId)).toEqual([
      'by-id',
      'by-domain',
      'by-name',
      'by-email',
      'missing',
      'missing-email',
      'tiny',
    ]);
    for (const [row, co] of [
      [rows[0], a],
      [rows[1], b],
      [rows[2], c2],
      [rows[3], a],
    ] as const) {
      expect(row).toMatchObject({ id: String(co.id), name: co.name, domain: co.fqdn });
      expect(row.signalScore).toBeGreaterThanOrEqual(0);
      expect(row.signalScore).toBeLessThanOrEqual(1);
      expect(row.noActiveSignals).toBe(row.signalScore === 0);
      expect(Array.isArray(row.signalTypes)).toBe(true);
      expect(row.signalTypes.length === 0).toBe(row.noActiveSignals);
    }
    expect(rows[4]).toEqual({
      clientReferenceId: 'missing',
      domain: 'nope-xyz.example',
      error: { code: 'NOT_FOUND', message: 'Company not found' },
    });
    expect(rows[5]).toEqual({
      clientReferenceId: 'missing-email',
      domain: 'nope-xyz.example',
      error: { code: 'NOT_FOUND', message: 'Company not found' },
    });
    expect(rows[6]).toEqual({
      clientReferenceId: 'tiny',
      id: String(tiny.id),
      name: tiny.name,
      domain: tiny.fqdn,
      error: { code: 'NO_SCORE', message: 'No signal score available for this company' },
    });
    expect(r.json.billing).toEqual({ creditsCharged: 4, resultsReturned: 4 });
  });

  test('active signals are the last 90 days; more and more recent signals score higher', async () => {
    const c = sb.data.companies.find(
      (x) =>
        x.employeesInLinkedin >= 5 &&
        x.intentTopics.length === 0 &&
        sb.data.companySignals(x.id).every((s) => s.date < daysAgo(90)),
    );
    if (!c) throw new Error('no company without active signals');
    const score = async () =>
      (await post(sb, '/v3/companies/signal-score', { companies: [{ id: String(c.id) }] })).json.results[0];
    expect(await score()).toMatchObject({ signalScore: 0, signalTypes: [], noActiveSignals: true });
    sb.signals.addCompanySignal(c.id, 'surgeInHiring', { signalDate: daysAgo(80) });
    const old = (await score()).signalScore;
    expect(old).toBeGreaterThan(0);
    sb.signals.addCompanySignal(c.id, 'riskNews', { articlePublishedDate: TODAY });
    const two = await score();
    expect(two.signalScore).toBeGreaterThan(old);
    expect(two.signalTypes).toEqual(['surgeInHiring', 'riskNews']);
    expect(two.noActiveSignals).toBe(false);
  });

  test('validation: exactly one identifier, valid email, 1-100 items', async () => {
    expectBadRequest(
      await post(sb, '/v3/companies/signal-score', {
        companies: [{ id: '1', domain: 'a.example' }, {}, { email: 'not-an-email' }, { name: 'x', extra: 1 }, 'str'],
      }),
      'companies[0] must contain exactly one of id, domain, name, email',
      'companies[1] must contain exactly one of id, domain, name, email',
      'companies[2].email must be an email',
      'property companies[3].extra should not exist',
      'companies[4] must be an object',
    );
    expectBadRequest(
      await post(sb, '/v3/companies/signal-score', { companies: [] }),
      'companies must contain at least 1 elements',
    );
    expectBadRequest(
      await post(sb, '/v3/companies/signal-score', {
        companies: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })),
      }),
      'companies must contain no more than 100 elements',
    );
    expectBadRequest(
      await post(sb, '/v3/companies/signal-score', { ids: ['1'] }),
      'property ids should not exist',
      'companies should not be empty',
    );
    expectBadRequest(
      await post(sb, '/v3/companies/signal-score', { companies: [{ clientReferenceId: 'x'.repeat(257), id: '1' }] }),
      'companies[0].clientReferenceId must be shorter than or equal to 256 characters',
    );
  });

  test('401, 403, 402; a key whose pricebook lacks the action scores for free even at zero balance', async () => {
    const body = { companies: [{ id: String(sb.data.companies[0]?.id) }] };
    expect((await post(sb, '/v3/companies/signal-score', body, { key: null })).status).toBe(401);
    expect((await post(sb, '/v3/companies/signal-score', body, { key: NO_FEATURES })).status).toBe(403);
    sb.credits.set(POOR, 0);
    expect((await post(sb, '/v3/companies/signal-score', body, { key: POOR })).json).toEqual({
      statusCode: 402,
      message: 'Insufficient credits for this operation',
    });
    sb.credits.set(POOR, 1_000);
    const free = await post(sb, '/v3/companies/signal-score', body, { key: FREE_SCORES });
    expect(free.status).toBe(200);
    expect(free.json.billing).toEqual({ creditsCharged: 0, resultsReturned: 1 });
    expect(sb.credits.usage(FREE_SCORES).used).toBe(0);
  });
});

describe('contact signal scores', () => {
  test('by id, linkedinUrl, email, name + company; NOT_FOUND echoes an id; NO_SCORE without LinkedIn', async () => {
    const p = sb.data.people.find((x) => x.linkedinUrl && x.emails.length > 0) as SandboxPerson;
    const c = sb.data.companyOf(p);
    const noLinkedin = sb.data.people.find((x) => !x.linkedinUrl) as SandboxPerson;
    const r = await charged(() =>
      post(sb, '/v3/contacts/signal-score', {
        contacts: [
          { clientReferenceId: 'id', id: String(p.personId) },
          { clientReferenceId: 'li', linkedinUrl: p.linkedinUrl },
          { clientReferenceId: 'email', email: p.emails[0]?.email },
          { clientReferenceId: 'name', firstName: p.firstName, lastName: p.lastName, companyDomain: c.domain },
          { clientReferenceId: 'gone', id: '42' },
          { clientReferenceId: 'gone-li', linkedinUrl: 'https://linkedin.com/in/nobody-here' },
          { clientReferenceId: 'no-li', id: String(noLinkedin.personId) },
        ],
      }),
    );
    const rows = r.json.results;
    for (const row of rows.slice(0, 4)) {
      expect(row).toMatchObject({
        id: String(p.personId),
        fullName: p.fullName,
        company: { id: String(c.id), name: c.name, domain: c.domain },
        signalScore: expect.any(Number),
        signalTypes: expect.any(Array),
        noActiveSignals: expect.any(Boolean),
      });
    }
    expect(rows[4]).toEqual({
      clientReferenceId: 'gone',
      id: '42',
      error: { code: 'NOT_FOUND', message: 'Contact not found' },
    });
    expect(rows[5]).toEqual({
      clientReferenceId: 'gone-li',
      error: { code: 'NOT_FOUND', message: 'Contact not found' },
    });
    expect(rows[6]).toMatchObject({ id: String(noLinkedin.personId), error: { code: 'NO_SCORE' } });
    expect(rows[6]).not.toHaveProperty('signalScore');
    expect(r.json.billing).toEqual({ creditsCharged: 4, resultsReturned: 4 });
  });

  test('no active signal is 0; a fresh signal scores more than an 80-day-old one; two more than one', async () => {
    const [p, q] = sb.data.people.filter((x) => x.linkedinUrl && sb.data.contactSignals(x.personId).length === 0);
    if (!p || !q) throw new Error('need two people without signals');
    const score = async (x: SandboxPerson) =>
      (await post(sb, '/v3/contacts/signal-score', { contacts: [{ id: String(x.personId) }] })).json.results[0];
    expect(await score(p)).toMatchObject({ signalScore: 0, signalTypes: [], noActiveSignals: true });
    sb.signals.addContactSignal(p.personId, 'promotion');
    sb.signals.addContactSignal(q.personId, 'promotion', { signalDate: daysAgo(80) });
    const fresh = await score(p);
    const old = await score(q);
    expect(fresh).toMatchObject({ signalTypes: ['promotion'], noActiveSignals: false });
    expect(fresh.signalScore).toBeGreaterThan(old.signalScore);
    sb.signals.addContactSignal(p.personId, 'companyChange');
    const two = await score(p);
    expect(two.signalScore).toBeGreaterThan(fresh.signalScore);
    expect(two.signalTypes).toEqual(['promotion', 'companyChange']);
    expect(two.signalScore).toBeLessThanOrEqual(1);
  });

  test('validation: an identifier is required, emails must be emails', async () => {
    expectBadRequest(
      await post(sb, '/v3/contacts/signal-score', {
        contacts: [{ firstName: 'Jane', lastName: 'Doe' }, { email: 'nope' }, { id: 5 }, { clientReferenceId: 'only' }],
      }),
      'contacts[0] must include id, linkedinUrl, email, or firstName + lastName + (companyName or companyDomain)',
      'contacts[1].email must be an email',
      'contacts[2].id must be a string',
      'contacts[3] must include id, linkedinUrl, email, or firstName + lastName + (companyName or companyDomain)',
    );
    expect(
      (await post(sb, '/v3/contacts/signal-score', { contacts: [{ id: '1' }] }, { key: NO_FEATURES })).status,
    ).toBe(403);
    expect((await post(sb, '/v3/contacts/signal-score', { contacts: [{ id: '1' }] }, { key: null })).status).toBe(401);
    sb.credits.set(POOR, 0);
    expect((await post(sb, '/v3/contacts/signal-score', { contacts: [{ id: '1' }] }, { key: POOR })).status).toBe(402);
    sb.credits.set(POOR, 1_000);
  });
});

// ------------------------------------------------------------------ buying group

describe('buying group', () => {
  const bigCompany = (): SandboxCompany =>
    sb.data.companies.reduce((best, c) =>
      sb.data.peopleAt(c.id).length > sb.data.peopleAt(best.id).length ? c : best,
    );

  test('grouped by company, persona by seniority, best score first; billing per contact = ledger', async () => {
    const c = bigCompany();
    const r = await charged(() =>
      post(sb, '/v3/contacts/buying-group', {
        companies: [
          { clientReferenceId: 'ref-1', domain: c.domain },
          { clientReferenceId: 'ref-2', id: '777' },
        ],
      }),
    );
    expect(r.status).toBe(200);
    expect(r.json.requestId).toEqual(expect.any(String));
    const [group, missing] = r.json.results;
    expect(missing).toEqual({ clientReferenceId: 'ref-2', error: { code: 'NOT_FOUND', message: 'Company not found' } });
    expect(group.clientReferenceId).toBe('ref-1');
    expect(group.companyId).toBe(String(c.id));
    expect(group.contacts).toHaveLength(sb.data.peopleAt(c.id).length);
    const personas: Record<string, string> = {
      Founder: 'decision_maker',
      'C-Suite': 'decision_maker',
      VP: 'decision_maker',
      Partner: 'decision_maker',
      Director: 'potential_champion',
      Manager: 'potential_champion',
      Senior: 'end_user',
      Entry: 'end_user',
      Intern: 'end_user',
      Other: 'end_user',
    };
    let last = 1;
    for (const x of group.contacts) {
      const p = sb.data.person(Number(x.id)) as SandboxPerson;
      expect(x).toMatchObject({
        firstName: p.firstName,
        lastName: p.lastName,
        jobTitle: { title: p.jobTitle, departments: p.departments },
        company: { id: String(c.id), name: c.name, domain: c.fqdn },
        location: { country: p.location.country, city: p.location.city },
        roles: [personas[p.seniority]],
      });
      expect(x).not.toHaveProperty('emails');
      expect(x.score).toBeGreaterThan(0);
      expect(x.score).toBeLessThanOrEqual(last);
      last = x.score;
      expect(x.has).toEqual(expect.arrayContaining(['firstName', 'lastName', 'jobTitle', 'company', 'location']));
      expect(x.has.includes('emails')).toBe(p.emails.length > 0);
      expect(x.canReveal.some((f: { field: string }) => f.field === 'phones')).toBe(p.phones.length > 0);
    }
    const n = group.contacts.length;
    expect(r.json.pagination).toEqual({ page: 0, size: 100, total: n });
    expect(r.json.billing).toEqual({ creditsCharged: n, resultsReturned: n });
  });

  test('personas filter, contactsLimit per company, paging across companies, duplicates once', async () => {
    const companies = sb.data.companies.slice(0, 20);
    const r = await post(sb, '/v3/contacts/buying-group', {
      companies: [...companies.map((c) => ({ id: String(c.id) })), { domain: companies[0]?.domain }],
      personas: ['decision_maker'],
      contactsLimit: 2,
    });
    expect(r.json.results).toHaveLength(20);
    for (const g of r.json.results) {
      expect(g.contacts.length).toBeLessThanOrEqual(2);
      for (const x of g.contacts) expect(x.roles).toEqual(['decision_maker']);
    }
    const total = r.json.pagination.total;
    const pages = [];
    for (let page = 0; page * 10 < total; page++) {
      const p = await charged(() =>
        post(sb, '/v3/contacts/buying-group', {
          companies: companies.map((c) => ({ id: String(c.id) })),
          personas: ['decision_maker'],
          contactsLimit: 2,
          pagination: { page, size: 10 },
        }),
      );
      expect(p.json.results).toHaveLength(20);
      pages.push(
        ...p.json.results.flatMap((g: { contacts: { id: string }[] }) => g.contacts.map((x: { id: string }) => x.id)),
      );
      expect(p.json.billing.creditsCharged).toBe(Math.min(10, total - page * 10));
    }
    expect(pages).toEqual(
      r.json.results.flatMap((g: { contacts: { id: string }[] }) => g.contacts.map((x: { id: string }) => x.id)),
    );
  });

  test('validation names each problem', async () => {
    expectBadRequest(
      await post(sb, '/v3/contacts/buying-group', {
        companies: [{ domain: 'a.example', id: '1' }, {}, { id: 3 }],
        personas: ['buyer'],
        contactsLimit: 0,
        pagination: { page: -1, size: 5 },
      }),
      'companies[0] must contain exactly one of domain, id',
      'companies[1] must contain exactly one of domain, id',
      'companies[2].id must be a string',
      'each value in personas must be one of the following values: decision_maker, potential_champion, end_user',
      'contactsLimit must not be less than 1',
      'pagination.page must not be less than 0',
      'pagination.size must not be less than 10',
    );
    expectBadRequest(
      await post(sb, '/v3/contacts/buying-group', {
        companies: Array.from({ length: 26 }, (_, i) => ({ id: String(i) })),
      }),
      'companies must contain no more than 25 elements',
    );
    expectBadRequest(
      await post(sb, '/v3/contacts/buying-group', { personas: [] }),
      'companies should not be empty',
      'personas should not be empty',
    );
  });

  test('401, 403 when the plan lacks Buying Group, 402', async () => {
    const body = { companies: [{ id: String(sb.data.companies[0]?.id) }] };
    expect((await post(sb, '/v3/contacts/buying-group', body, { key: null })).status).toBe(401);
    expect((await post(sb, '/v3/contacts/buying-group', body, { key: NO_FEATURES })).json).toEqual({
      statusCode: 403,
      message: 'Buying Group API not supported on your plan',
    });
    sb.credits.set(POOR, 0);
    expect((await post(sb, '/v3/contacts/buying-group', body, { key: POOR })).status).toBe(402);
    sb.credits.set(POOR, 1);
    expect((await post(sb, '/v3/contacts/buying-group', body, { key: POOR })).status).toBe(402);
    expect(sb.credits.usage(POOR).remaining).toBe(1);
    sb.credits.set(POOR, 1_000);
  });
});

// ------------------------------------------------------------------ website visits

describe('website visits', () => {
  const window3m = { startDate: '2025-03-15', endDate: TODAY };
  const visits = (body: Record<string, unknown>, key?: string) =>
    post(
      sb,
      '/v3/companies/website-visits',
      { domains: ['sandbox-demo.test'], ...window3m, pagination: { page: 0, size: 150 }, ...body },
      key ? { key } : {},
    );

  test('the demo domain has visitors: company preview + metrics, best score first, free', async () => {
    const r = await charged(() => visits({}));
    expect(r.status).toBe(200);
    expect(r.json.requestId).toEqual(expect.any(String));
    const rows = r.json.results;
    expect(rows.length).toBeGreaterThan(20);
    expect(r.json.pagination).toEqual({ size: 150, page: 0, total: rows.length });
    expect(r.json.billing).toEqual({ creditsCharged: 0, resultsReturned: rows.length });
    let last = 101;
    for (const x of rows) {
      const c = sb.data.company(Number(x.id)) as SandboxCompany;
      expect(x).toMatchObject({
        ...companyPreviewOf(c),
        has: expect.any(Array),
        canReveal: expect.any(Array),
      });
      expect(x.score).toBeLessThanOrEqual(last);
      last = x.score;
      expect(x.score >= 1 && x.score <= 100).toBe(true);
      expect(x.scoreBand).toBe(x.score >= 70 ? 'hot' : x.score >= 40 ? 'warm' : 'cold');
      expect(x.totalSessions).toBeGreaterThanOrEqual(x.daysVisited);
      expect(x.uniqueVisitors).toBeGreaterThanOrEqual(1);
      expect(x.lastVisit >= window3m.startDate && x.lastVisit <= TODAY).toBe(true);
      expect(x.daysSinceLastVisit).toBe(Math.round((Date.parse(TODAY) - Date.parse(x.lastVisit)) / 86_400_000));
      expect(x.visitorCountry).toMatch(/^[A-Z]{2}$/);
      expect(typeof x.avgSessionMinutes).toBe('number');
      expect(typeof x.highIntentPageviews).toBe('number');
    }
    expect(new Set(rows.map((x: { scoreBand: string }) => x.scoreBand))).toEqual(new Set(['hot', 'warm', 'cold']));
  });

  test('paging, sort, filters', async () => {
    const all = (await visits({})).json.results;
    const page1 = await visits({ pagination: { page: 1, size: 10 } });
    expect(page1.json.results.map((x: { id: string }) => x.id)).toEqual(
      all.slice(10, 20).map((x: { id: string }) => x.id),
    );
    expect(page1.json.pagination).toEqual({ size: 10, page: 1, total: all.length });
    const asc = (await visits({ sort: { by: 'totalSessions', order: 'asc' } })).json.results;
    for (let i = 1; i < asc.length; i++) expect(asc[i].totalSessions).toBeGreaterThanOrEqual(asc[i - 1].totalSessions);
    const hot = (await visits({ filters: { scoreBands: ['hot'], daysVisited: { min: 5 } } })).json.results;
    expect(hot.length).toBe(all.filter((x: Visit) => x.scoreBand === 'hot' && x.daysVisited >= 5).length);
    const country = all[0].visitorCountry;
    const inc = (
      await visits({ filters: { visitorCountries: { include: [country.toLowerCase()] }, score: { min: 50 } } })
    ).json.results;
    expect(inc.length).toBe(all.filter((x: Visit) => x.visitorCountry === country && x.score >= 50).length);
    const exc = (await visits({ filters: { visitorCountries: { exclude: [country] } } })).json.results;
    expect(exc.every((x: Visit) => x.visitorCountry !== country)).toBe(true);
    expect(exc.length).toBeLessThan(all.length);
  });

  test('deterministic, and a past day keeps its visits when the clock moves', async () => {
    const body = { startDate: '2025-04-01', endDate: '2025-05-31' };
    const a = (await visits(body)).json.results;
    expect((await visits(body)).json.results).toEqual(a);
    sb.clock.set('2025-07-20T12:00:00Z');
    try {
      const b = (await visits(body)).json.results;
      // Same visits (the ranking may change: recency counts in the score).
      const key = (rows: Visit[]) => rows.map((x) => [x.id, x.totalSessions, x.uniqueVisitors, x.lastVisit]).sort();
      expect(key(b)).toEqual(key(a));
      const first = b.find((x: { id: string }) => x.id === a[0].id);
      expect(first.daysSinceLastVisit).toBe(a[0].daysSinceLastVisit + 35);
    } finally {
      sb.clock.set(NOW);
    }
  });

  test('a domain not tracked by the key fails the whole request; several tracked domains aggregate', async () => {
    const r = await visits({ domains: ['sandbox-demo.test', 'google.com'] });
    expectBadRequest(r, 'domain google.com is not configured for tracking');
    const other = await visits({ domains: ['second-site.test'] });
    expectBadRequest(other, 'domain second-site.test is not configured for tracking');
    expectBadRequest(await visits({}, NO_FEATURES), 'domain sandbox-demo.test is not configured for tracking');
    const one = (await visits({}, TWO_SITES)).json;
    const both = await visits({ domains: ['https://www.sandbox-demo.test/', 'second-site.test'] }, TWO_SITES);
    expect(both.status).toBe(200);
    expect(both.json.pagination.total).toBeGreaterThan(one.pagination.total);
    const first = one.results[0];
    const merged = both.json.results.find((x: { id: string }) => x.id === first.id);
    if (merged) expect(merged.totalSessions).toBeGreaterThanOrEqual(first.totalSessions);
    expect(sb.credits.usage(TWO_SITES).remaining).toBe(0);
  });

  test('validation: dates, range at most 3 months, pagination required, 1-150', async () => {
    expectBadRequest(
      await post(sb, '/v3/companies/website-visits', { domains: [] }),
      'domains must contain at least 1 elements',
      'startDate should not be empty',
      'endDate should not be empty',
      'pagination should not be empty',
    );
    expectBadRequest(await visits({ startDate: '2025-03-14' }), 'date range must not exceed 3 months');
    expect((await visits({ startDate: '2025-03-15' })).status).toBe(200);
    expectBadRequest(
      await visits({ startDate: '2025-06-16', endDate: '2025-06-01' }),
      'startDate must not be after endDate',
    );
    expectBadRequest(
      await visits({ pagination: { page: 0, size: 151 } }),
      'pagination.size must not be greater than 150',
    );
    expectBadRequest(await visits({ pagination: { size: 10 } }), 'pagination.page should not be empty');
    expectBadRequest(
      await visits({
        sort: { by: 'name', order: 'up' },
        filters: { scoreBands: ['boiling'], score: { min: 80, max: 20 } },
      }),
      'sort.order must be one of the following values: asc, desc',
      'each value in filters.scoreBands must be one of the following values: cold, warm, hot',
      'filters.score.min must not exceed filters.score.max',
    );
    expect((await visits({ sort: { by: 'name' } })).json.errors[0]).toMatch(
      /^sort\.by must be one of the following values: score/,
    );
    expect((await post(sb, '/v3/companies/website-visits', {}, { key: null })).status).toBe(401);
  });
});
