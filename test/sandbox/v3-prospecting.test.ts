/**
 * V3 prospecting family on the sandbox: POST /v3/{contacts|companies}/prospecting, the filter
 * discovery endpoints, and POST /v3/{contacts|companies}/lookalike.
 */
import type { Sandbox, SandboxCompany, SandboxPerson } from '../../sandbox';
import {
  boot,
  companyPreviewOf,
  DEMO_KEY,
  expectError,
  filterDiscovery,
  get,
  NOW,
  post,
  withSandbox,
  type CallResult,
} from './helpers';

const NO_SIGNALS = 'v3-no-signals-key';
const NO_DNC = 'v3-no-dnc-key-0001';
const NO_LOOKALIKES = 'v3-no-lookalikes';
const BROKE = 'v3-broke-key-0001';
const TIGHT = 'v3-tight-key-0001';
const OTHER = 'v3-other-key-0001';

const CONTACTS = '/v3/contacts/prospecting';
const COMPANIES = '/v3/companies/prospecting';
const CONTACT_LOOKALIKE = '/v3/contacts/lookalike';
const COMPANY_LOOKALIKE = '/v3/companies/lookalike';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sb: Sandbox;
beforeAll(async () => {
  sb = await boot({
    rateLimitPerSecond: 10_000,
    keys: [
      { key: DEMO_KEY, plan: 'unified', credits: 100_000, signals: true, excludeDnc: true },
      { key: NO_SIGNALS, plan: 'unified', credits: 1_000, signals: false, excludeDnc: true },
      { key: NO_DNC, plan: 'unified', credits: 1_000, signals: true },
      { key: NO_LOOKALIKES, plan: 'unified', credits: 1_000, signals: true, lookalikes: false },
      { key: BROKE, plan: 'unified', credits: 0, signals: true, excludeDnc: true },
      { key: TIGHT, plan: 'unified', credits: 1_000, signals: true, excludeDnc: true },
      { key: OTHER, plan: 'unified', credits: 1_000, signals: true, excludeDnc: true },
    ],
  });
});
afterAll(() => sb.stop());

const used = (key = DEMO_KEY) => sb.credits.usage(key).used;

/** A call and the credits it moved on the ledger. */
async function charged(path: string, body: unknown, key = DEMO_KEY): Promise<{ res: CallResult; spent: number }> {
  const before = used(key);
  const res = await post(sb, path, body, { key });
  return { res, spent: used(key) - before };
}

const page = (size = 25, p = 0) => ({ page: p, size });
const person = (id: string): SandboxPerson => {
  const p = sb.data.person(Number(id));
  if (!p) throw new Error(`no person ${id}`);
  return p;
};
const company = (id: string | number): SandboxCompany => {
  const c = sb.data.company(Number(id));
  if (!c) throw new Error(`no company ${id}`);
  return c;
};
const ids = (r: CallResult): string[] => r.json.results.map((x: { id: string }) => x.id);
/** A prospecting page as the filter checks read it: its rows (typed by the caller) and its total. */
interface Page<Row> {
  results: Row[];
  pagination: { total: number };
}
/** The results of a page, which must not be empty (so that checks over them are not vacuous). */
function some<Row>(page: Page<Row>): Row[] {
  expect(page.results.length).toBeGreaterThan(0);
  return page.results;
}

// ====================================================================== contact prospecting

describe('POST /v3/contacts/prospecting', () => {
  const sales = { contacts: { include: { departments: ['Sales'], seniorityIds: [5, 6] } } };

  test('previews per V3ContactPreview with real Lusha ids as strings, pagination, requestId, billing', async () => {
    const { res, spent } = await charged(CONTACTS, { pagination: page(10), filters: sales });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['billing', 'pagination', 'requestId', 'results']);
    expect(res.json.requestId).toMatch(UUID);
    const expected = sb.data.people.filter((p) => p.departments.includes('Sales') && [5, 6].includes(p.seniorityId));
    expect(res.json.pagination).toEqual({ page: 0, size: 10, total: expected.length });
    expect(res.json.results).toHaveLength(10);
    expect(ids(res)).toEqual(expected.slice(0, 10).map((p) => String(p.personId)));
    for (const r of res.json.results) {
      const p = person(r.id);
      const c = sb.data.companyOf(p);
      expect(r.id).toBe(String(p.personId));
      expect(r).toMatchObject({
        firstName: p.firstName,
        lastName: p.lastName,
        jobTitle: { title: p.jobTitle, departments: p.departments, seniority: p.seniority },
        company: { id: String(c.id), name: c.name, domain: c.fqdn },
        location: { country: p.location.country, city: p.location.city },
      });
      expect(r.has).toEqual(expect.arrayContaining(['firstName', 'lastName', 'jobTitle', 'location']));
      expect(r.has.includes('emails')).toBe(p.emails.length > 0);
      expect(r.has.includes('phones')).toBe(p.phones.length > 0);
      for (const item of r.canReveal) expect(['emails', 'phones']).toContain(item.field);
      expect(r.signalTypes).toBeUndefined();
      // previews carry no PII
      for (const e of p.emails) expect(JSON.stringify(r)).not.toContain(e.email);
      for (const ph of p.phones) expect(JSON.stringify(r)).not.toContain(ph.number);
    }
    expect(res.json.billing).toEqual({ creditsCharged: 1, resultsReturned: 10 });
    expect(spent).toBe(1);
    expect(sb.log.entries().at(-1)?.creditsCharged).toBe(1);
  });

  test('api_search: 1 credit per started block of 25 results; an empty page is free', async () => {
    const all = await charged(CONTACTS, { pagination: page(100), filters: { contacts: { include: {} } } });
    expect(all.res.json.results).toHaveLength(100);
    expect(all.res.json.billing).toEqual({ creditsCharged: 4, resultsReturned: 100 });
    expect(all.spent).toBe(4);
    const fifty = await charged(CONTACTS, { pagination: page(51), filters: sales });
    expect(fifty.res.json.billing).toEqual({ creditsCharged: 3, resultsReturned: 51 });
    expect(fifty.spent).toBe(3);
    const none = await charged(CONTACTS, {
      pagination: page(10),
      filters: { contacts: { include: { names: ['Nobody'] } } },
    });
    expect(none.res.json).toMatchObject({ results: [], pagination: { total: 0 }, billing: { creditsCharged: 0 } });
    expect(none.spent).toBe(0);
  });

  test('pages do not overlap; a page past the end is empty', async () => {
    const a = await post(sb, CONTACTS, { pagination: page(10, 0), filters: sales });
    const b = await post(sb, CONTACTS, { pagination: page(10, 1), filters: sales });
    expect(ids(b)).toHaveLength(10);
    for (const id of ids(b)) expect(ids(a)).not.toContain(id);
    const far = await post(sb, CONTACTS, { pagination: page(10, 1000), filters: sales });
    expect(far.json.results).toEqual([]);
    expect(far.json.pagination).toEqual({ page: 1000, size: 10, total: a.json.pagination.total });
  });

  test('contact filters: locations, countries, names, job titles, ids, linkedin, search text, skills', async () => {
    const sample = sb.data.samples.personWithEmailAndPhone;
    const run = async (include: object): Promise<Page<{ id: string }>> =>
      (await post(sb, CONTACTS, { pagination: page(100), filters: { contacts: { include } } })).json;
    const inBerlin = await run({ locations: [{ country: 'Germany', city: 'Berlin' }] });
    expect(inBerlin.results.length).toBeGreaterThan(0);
    for (const r of some(inBerlin)) expect(person(r.id).location.city).toBe('Berlin');
    const byRegion = await run({ locations: [{ region: 'California' }] });
    for (const r of some(byRegion)) expect(person(r.id).location.state).toBe('California');
    const grouping = await run({ locations: [{ countryGrouping: 'APAC' }] });
    for (const r of some(grouping)) expect(person(r.id).location.countryGrouping).toBe('apac');
    const countries = await run({ countries: ['IL', 'ca'] });
    expect(countries.pagination.total).toBe(
      sb.data.people.filter((p) => ['IL', 'CA'].includes(p.location.countryIso2)).length,
    );
    const byId = await run({ ids: [String(sample.personId)] });
    expect(ids({ json: byId } as CallResult)).toEqual([String(sample.personId)]);
    const byName = await run({ names: [sample.fullName] });
    expect(ids({ json: byName } as CallResult)).toContain(String(sample.personId));
    const exact = await run({ jobTitlesExactMatch: [sample.jobTitle.toUpperCase()] });
    for (const r of some(exact)) expect(person(r.id).jobTitle).toBe(sample.jobTitle);
    const contains = await run({ jobTitles: ['director'] });
    for (const r of some(contains)) expect(person(r.id).jobTitle.toLowerCase()).toContain('director');
    const search = await run({ searchText: `${sample.lastName} ${sample.jobTitle.split(' ')[0]}` });
    expect(ids({ json: search } as CallResult)).toContain(String(sample.personId));
    if (sample.linkedinUrl) {
      const li = await run({ linkedinUrls: [`${sample.linkedinUrl.replace('https://www.', 'http://')}/`] });
      expect(ids({ json: li } as CallResult)).toEqual([String(sample.personId)]);
    }
    const email = await run({ emails: [sample.emails[0]?.email.toUpperCase()] });
    expect(ids({ json: email } as CallResult)).toEqual([String(sample.personId)]);
    const skill = sample.skills[0] ?? 'SQL';
    const skills = await run({ skills: [skill] });
    for (const r of some(skills)) expect(person(r.id).skills).toContain(skill);
    // values outside the vocabularies, and data the dataset does not hold, match nothing
    expect((await run({ departments: ['Astrology'] })).pagination.total).toBe(0);
    expect((await run({ certifications: ['PMP'] })).pagination.total).toBe(0);
  });

  test('existingDataPoints: all by default, any with existingDataPointsCondition "or"', async () => {
    const both = await post(sb, CONTACTS, {
      pagination: page(100),
      filters: { contacts: { include: { existingDataPoints: ['work_email', 'mobile_phone'] } } },
    });
    const hasBoth = (p: SandboxPerson) =>
      p.emails.some((e) => e.emailType === 'work') && p.phones.some((ph) => ph.phoneType === 'mobile');
    expect(both.json.pagination.total).toBe(sb.data.people.filter(hasBoth).length);
    const either = await post(sb, CONTACTS, {
      pagination: page(10),
      filters: {
        contacts: {
          include: { existingDataPoints: ['work_email', 'mobile_phone'], existingDataPointsCondition: 'or' },
        },
      },
    });
    expect(either.json.pagination.total).toBeGreaterThan(both.json.pagination.total);
  });

  test('refinement filters need a base filter; score and job change refine it', async () => {
    const alone = await post(sb, CONTACTS, { pagination: page(), filters: { contacts: { include: { score: {} } } } });
    expect(alone.status).toBe(400);
    expect(alone.json.errors).toContain(
      'filters.contacts.include.score is a refinement filter and must be combined with a base filter (e.g. jobTitles)',
    );
    const refined = await post(sb, CONTACTS, {
      pagination: page(100),
      filters: {
        contacts: {
          include: { departments: ['Sales'], score: { minScore: 76 }, jobChangedAfterDate: '2020-01-01' },
        },
      },
    });
    expect(refined.status).toBe(200);
    expect(refined.json.results.length).toBeGreaterThan(0);
    for (const r of refined.json.results) {
      const p = person(r.id);
      expect(p.emails.some((e) => e.emailConfidence === 'A+')).toBe(true);
      expect(p.jobStartDate >= '2020-01-01').toBe(true);
    }
    const edu = await post(sb, CONTACTS, {
      pagination: page(),
      filters: { contacts: { include: { departments: ['Sales'], education: { schools: ['MIT'] } } } },
    });
    expect(edu.json.pagination.total).toBe(0);
  });

  test('company filters on contacts: industries, sizes, business model, company type, funding', async () => {
    const run = async (companies: object): Promise<Page<{ id: string; company: { id: string } }>> =>
      (await post(sb, CONTACTS, { pagination: page(100), filters: { companies } })).json;
    const tech = await run({ include: { mainIndustriesIds: [1], sizes: [{ min: 201, max: 1000 }] } });
    expect(tech.results.length).toBeGreaterThan(0);
    for (const r of some(tech)) {
      const c = company(r.company.id);
      expect(c.mainIndustryId).toBe(1);
      expect(c.size.max >= 201 && c.size.min <= 1000).toBe(true);
    }
    const label = await run({ include: { industriesLabels: ['software development'] } });
    for (const r of some(label)) expect(company(r.company.id).subIndustry).toBe('Software Development');
    const b2c = await run({ include: { businessModel: ['B2C'] }, exclude: { mainIndustriesIds: [5] } });
    for (const r of some(b2c)) expect(company(r.company.id).mainIndustryId).not.toBe(5);
    const pub = await run({ include: { companyType: ['Public Company'] } });
    for (const r of some(pub)) expect(company(r.company.id).companyType).toBe('Public company');
    const ipo = await run({ include: { funding: { isIpo: true } } });
    for (const r of some(ipo)) expect(company(r.company.id).funding?.isIpo).toBe(true);
    const seed = await run({ include: { funding: { rounds: [{ coverage: 'any_round', round: 'series_a' }] } } });
    expect(seed.results.length).toBeGreaterThan(0);
    for (const r of some(seed)) {
      expect(company(r.company.id).funding?.rounds.some((x) => x.roundType === 'Series A')).toBe(true);
    }
    const domain = sb.data.samples.companyWithFunding.domain;
    const notThere = await run({
      include: { mainIndustriesIds: [sb.data.samples.companyWithFunding.mainIndustryId] },
      exclude: { domains: [domain] },
    });
    for (const r of some(notThere)) expect(company(r.company.id).domain).not.toBe(domain);
  });

  test('exclude removes a contact when any one of its filters matches', async () => {
    const res = await post(sb, CONTACTS, {
      pagination: page(100),
      filters: { contacts: { include: { departments: ['Sales'] }, exclude: { seniorityIds: [5], countries: ['US'] } } },
    });
    expect(res.json.results.length).toBeGreaterThan(0);
    for (const r of res.json.results) {
      const p = person(r.id);
      expect(p.seniorityId).not.toBe(5);
      expect(p.location.countryIso2).not.toBe('US');
    }
  });

  test('options: includePartialProfiles:false drops contacts without email and phone; excludeDnc', async () => {
    const bare = sb.data.samples.personWithoutContactInfo;
    const filters = { contacts: { include: { ids: [String(bare.personId)] } } };
    expect(ids(await post(sb, CONTACTS, { pagination: page(), filters }))).toEqual([String(bare.personId)]);
    const partial = await post(sb, CONTACTS, {
      pagination: page(),
      filters,
      options: { includePartialProfiles: false },
    });
    expect(partial.json.results).toEqual([]);
    const dnc = sb.data.samples.personWithOnlyDncPhones;
    const mixed = sb.data.samples.personWithDncPhone;
    const dncFilters = { contacts: { include: { ids: [String(dnc.personId), String(mixed.personId)] } } };
    const kept = await post(sb, CONTACTS, { pagination: page(), filters: dncFilters, options: { excludeDnc: true } });
    expect(ids(kept)).toEqual([String(mixed.personId)]);
    const forbidden = await post(
      sb,
      CONTACTS,
      { pagination: page(), filters, options: { excludeDnc: true } },
      { key: NO_DNC },
    );
    expectError(forbidden, 403, {
      message:
        'Exclude DNC is not supported on your current plan. ' +
        'Please contact support or your account manager for assistance.',
    });
  });

  test('canReveal costs 0 once the key has revealed the contact', async () => {
    const p = sb.data.samples.personWithEmailAndPhone;
    const body = { pagination: page(), filters: { contacts: { include: { ids: [String(p.personId)] } } } };
    const before = await post(sb, CONTACTS, body, { key: OTHER });
    expect(before.json.results[0].canReveal).toEqual([
      { field: 'emails', credits: 1 },
      { field: 'phones', credits: 5 },
    ]);
    expect((await get(sb, '/v2/person', { personId: String(p.personId) }, { key: OTHER })).status).toBe(200);
    const after = await post(sb, CONTACTS, body, { key: OTHER });
    expect(after.json.results[0].canReveal).toEqual([
      { field: 'emails', credits: 0 },
      { field: 'phones', credits: 0 },
    ]);
  });

  test('signals: signalTypes on each result, +1 credit per matched signal type per result', async () => {
    const { res, spent } = await charged(CONTACTS, {
      pagination: page(30),
      filters: { contacts: { include: { signals: { types: ['allSignals'] } } } },
    });
    expect(res.status).toBe(200);
    expect(res.json.results.length).toBeGreaterThan(0);
    let signalCount = 0;
    const start = '2024-12-15';
    for (const r of res.json.results) {
      expect(r.signalTypes.length).toBeGreaterThan(0);
      for (const t of r.signalTypes) {
        expect(['promotion', 'companyChange']).toContain(t);
        expect(sb.data.contactSignals(Number(r.id)).some((s) => s.type === t && s.signalDate >= start)).toBe(true);
      }
      signalCount += r.signalTypes.length;
    }
    const results = res.json.results.length;
    expect(res.json.billing).toEqual({
      creditsCharged: Math.ceil(results / 25) + signalCount,
      resultsReturned: results,
    });
    expect(spent).toBe(res.json.billing.creditsCharged);
    const forbidden = await post(
      sb,
      CONTACTS,
      { pagination: page(), filters: { contacts: { exclude: { signals: { types: ['promotion'] } } } } },
      { key: NO_SIGNALS },
    );
    expectError(forbidden, 403, { message: 'Signals API not supported on your plan' });
  });

  test('400 names every problem: unknown keys, types, enums, bounds, dates, required fields', async () => {
    const res = await post(sb, CONTACTS, {
      pagination: { page: -1, size: 101 },
      extra: true,
      options: { includePartialProfiles: 'yes', other: 1 },
      filters: {
        contacts: {
          include: {
            seniority: [5],
            seniorityIds: ['5'],
            departments: 'Sales',
            searchText: 'x'.repeat(201),
            locations: [{ country: 'Germany', zip: '10115' }],
            signals: { types: ['jobChange'], startDate: '2025-13-01' },
            existingDataPointsCondition: 'xor',
            emails: ['not-an-email'],
          },
        },
        companies: { include: { signals: { types: ['surgeInHiring'] }, businessModel: ['B2X'], sizes: [{ min: -5 }] } },
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.statusCode).toBe(400);
    expect(res.json.message).toBe('Invalid request parameters');
    expect(res.json.errors).toEqual(
      expect.arrayContaining([
        'property extra should not exist',
        'pagination.page must not be less than 0',
        'pagination.size must not be greater than 100',
        'options.includePartialProfiles must be a boolean value',
        'property options.other should not exist',
        'property filters.contacts.include.seniority should not exist',
        'each value in filters.contacts.include.seniorityIds must be an integer number',
        'filters.contacts.include.departments must be an array',
        'filters.contacts.include.searchText must be shorter than or equal to 200 characters',
        'property filters.contacts.include.locations[0].zip should not exist',
        'each value in filters.contacts.include.signals.types must be one of the following values: ' +
          'allSignals, promotion, companyChange',
        'filters.contacts.include.signals.startDate must be a valid ISO 8601 date string (YYYY-MM-DD)',
        'filters.contacts.include.existingDataPointsCondition must be one of the following values: or, and',
        'each value in filters.contacts.include.emails must be an email',
        'property filters.companies.include.signals should not exist',
        'each value in filters.companies.include.businessModel must be one of the following values: B2B, B2C, B2G',
        'filters.companies.include.sizes[0].min must not be less than 0',
      ]),
    );
    expect(res.json.errors).toHaveLength(17);
  });

  test('400: pagination and filters are required, filters need contacts or companies', async () => {
    const missing = await post(sb, CONTACTS, {});
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toEqual(['pagination is required', 'filters is required']);
    const noPage = await post(sb, CONTACTS, { pagination: {}, filters: {} });
    expect(noPage.json.errors).toEqual([
      'pagination.page is required',
      'pagination.size is required',
      'filters must contain at least one of contacts, companies',
    ]);
    const small = await post(sb, CONTACTS, { pagination: { page: 0, size: 9 }, filters: { contacts: {} } });
    expect(small.json.errors).toEqual(['pagination.size must not be less than 10']);
    const future = await post(sb, CONTACTS, {
      pagination: page(),
      filters: { contacts: { include: { signals: { types: ['promotion'], startDate: '2025-07-01' } } } },
    });
    expect(future.json.errors).toEqual([
      'filters.contacts.include.signals.startDate must not be after the current date (2025-06-15)',
    ]);
    const notJson = await post(sb, CONTACTS, [1, 2]);
    expect(notJson.json).toEqual({
      statusCode: 400,
      message: 'Invalid request parameters',
      errors: ['request body must be a JSON object'],
    });
    const condition = await post(sb, CONTACTS, {
      pagination: page(),
      filters: { contacts: { include: { departments: ['Sales'], existingDataPointsCondition: 'or' } } },
    });
    expect(condition.json.errors).toEqual([
      'filters.contacts.include.existingDataPointsCondition requires filters.contacts.include.existingDataPoints',
    ]);
  });

  test('401 without a key, 402 at zero balance and when the page costs more than the balance', async () => {
    const body = { pagination: page(100), filters: sales };
    const anon = await post(sb, CONTACTS, body, { key: null });
    expectError(anon, 401, { message: 'Invalid API key' });
    const broke = await post(sb, CONTACTS, body, { key: BROKE });
    expectError(broke, 402, { message: 'Insufficient credits for this operation' });
    sb.credits.set(TIGHT, 2);
    const { res, spent } = await charged(CONTACTS, body, TIGHT);
    expect(res.status).toBe(402);
    expect(spent).toBe(0);
    const ok = await charged(CONTACTS, { pagination: page(50), filters: sales }, TIGHT);
    expect(ok.res.status).toBe(200);
    expect(ok.spent).toBe(2);
    sb.credits.set(TIGHT, 1_000);
  });
});

// ====================================================================== company prospecting

describe('POST /v3/companies/prospecting', () => {
  test('previews per V3CompanyPreview, ids of real companies, billing equal to the ledger', async () => {
    const { res, spent } = await charged(COMPANIES, {
      pagination: page(25),
      filters: { companies: { include: { mainIndustriesIds: [1] } } },
    });
    expect(res.status).toBe(200);
    expect(res.json.requestId).toMatch(UUID);
    // includePartialProfiles defaults to false: companies without a revenue range are left out
    const expected = sb.data.companies.filter((c) => c.mainIndustryId === 1 && c.revenueRange !== null);
    expect(res.json.pagination).toEqual({ page: 0, size: 25, total: expected.length });
    expect(ids(res)).toEqual(expected.slice(0, 25).map((c) => String(c.id)));
    for (const r of res.json.results) {
      const c = company(r.id);
      expect(r).toMatchObject(companyPreviewOf(c));
      expect(r.has).toEqual(expect.arrayContaining(['description', 'sicCodes', 'naicsCodes']));
      expect(r.canReveal.length).toBeGreaterThan(0);
    }
    expect(res.json.billing).toEqual({ creditsCharged: 1, resultsReturned: 25 });
    expect(spent).toBe(1);
    const partial = await post(sb, COMPANIES, {
      pagination: page(100),
      filters: { companies: { include: { mainIndustriesIds: [1] } } },
      options: { includePartialProfiles: true },
    });
    expect(partial.json.pagination.total).toBe(sb.data.companies.filter((c) => c.mainIndustryId === 1).length);
  });

  test('company filters: technologies with condition, intent, founded year, keywords, locations, names', async () => {
    const run = async (include: object): Promise<Page<{ id: string; location: { country: string } }>> =>
      (await post(sb, COMPANIES, { pagination: page(100), filters: { companies: { include } } })).json;
    const any = await run({ technologies: ['Snowflake', 'Databricks'] });
    const all = await run({ technologies: ['Snowflake', 'Databricks'], technologiesCondition: 'and' });
    expect(all.pagination.total).toBeLessThan(any.pagination.total);
    for (const r of some(all))
      expect(company(r.id).technologies).toEqual(expect.arrayContaining(['Snowflake', 'Databricks']));
    const intent = await run({ intentTopics: ['CRM', 'Generative AI'], intentMinScore: 60 });
    for (const r of some(intent)) {
      const topics = company(r.id).intentTopics;
      expect(topics.some((t) => ['CRM', 'Generative AI'].includes(t.topicName) && t.topicScore >= 60)).toBe(true);
    }
    const founded = await run({ foundedYear: [{ min: 2010, max: 2015 }] });
    for (const r of some(founded)) expect(company(r.id).founded).toBeGreaterThanOrEqual(2010);
    const keywords = await run({ keywords: ['telehealth'] });
    expect(keywords.results.length).toBeGreaterThan(0);
    for (const r of some(keywords)) expect(company(r.id).specialities).toContain('telehealth');
    const uk = await run({ locations: [{ countryIso2: 'GB' }] });
    for (const r of some(uk)) expect(r.location.country).toBe('United Kingdom');
    const c = sb.data.companies.find((x) => x.revenueRange !== null) as SandboxCompany;
    expect(ids({ json: await run({ names: [c.name.toUpperCase()] }) } as CallResult)).toEqual([String(c.id)]);
    expect(ids({ json: await run({ linkedinUrls: [c.linkedinUrl] }) } as CallResult)).toEqual([String(c.id)]);
    expect(
      ids({ json: await run({ headquarterZipcodes: [{ zipcode: c.location.postalCode }] }) } as CallResult),
    ).toContain(String(c.id));
  });

  test('contact filters keep companies with a matching employee; not combinable with technologies', async () => {
    const res = await post(sb, COMPANIES, {
      pagination: page(100),
      filters: {
        companies: { include: { mainIndustriesIds: [1] } },
        contacts: { include: { departments: ['Sales'], seniorityIds: [9, 10] } },
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.results.length).toBeGreaterThan(0);
    for (const r of res.json.results) {
      expect(sb.data.peopleAt(Number(r.id)).some((p) => p.departments.includes('Sales') && p.seniorityId >= 9)).toBe(
        true,
      );
    }
    const mixed = await post(sb, COMPANIES, {
      pagination: page(),
      filters: {
        companies: { include: { technologies: ['React'] }, exclude: { searchText: 'bank' } },
        contacts: { include: { departments: ['Sales'], signals: { types: ['promotion'] } } },
      },
    });
    expect(mixed.status).toBe(400);
    expect(mixed.json.errors).toEqual([
      'property filters.contacts.include.signals should not exist',
      'filters.contacts cannot be combined with filters.companies.include.technologies',
      'filters.contacts cannot be combined with filters.companies.exclude.searchText',
    ]);
  });

  test('filters.companies.include is required', async () => {
    const none = await post(sb, COMPANIES, { pagination: page(), filters: {} });
    expect(none.json.errors).toEqual(['filters.companies is required']);
    const noInclude = await post(sb, COMPANIES, { pagination: page(), filters: { companies: { exclude: {} } } });
    expect(noInclude.json.errors).toEqual(['filters.companies.include is required']);
    const bad = await post(sb, COMPANIES, {
      pagination: page(),
      filters: { companies: { include: { industriesLabels: ['Retail'], funding: {} } }, people: {} },
    });
    expect(bad.json.errors).toEqual([
      'property filters.people should not exist',
      'property filters.companies.include.industriesLabels should not exist',
      'property filters.companies.include.funding should not exist',
    ]);
  });

  test('signals: matched types per company, refinements by department, +1 credit per matched type', async () => {
    const { res, spent } = await charged(COMPANIES, {
      pagination: page(50),
      filters: {
        companies: { include: { signals: { types: ['surgeInHiring', 'riskNews'], startDate: '2025-01-01' } } },
      },
      options: { includePartialProfiles: true },
    });
    expect(res.status).toBe(200);
    let count = 0;
    for (const r of res.json.results) {
      expect(r.signalTypes.length).toBeGreaterThan(0);
      for (const t of r.signalTypes) {
        expect(sb.data.companySignals(Number(r.id)).some((s) => s.type === t && s.date >= '2025-01-01')).toBe(true);
      }
      count += r.signalTypes.length;
    }
    const n = res.json.results.length;
    expect(res.json.billing).toEqual({ creditsCharged: Math.ceil(n / 25) + count, resultsReturned: n });
    expect(spent).toBe(res.json.billing.creditsCharged);

    const dept = await post(sb, COMPANIES, {
      pagination: page(100),
      filters: {
        companies: {
          include: {
            signals: {
              types: ['surgeInHiringByDepartment'],
              startDate: '2024-06-15',
              filterByDepartment: [{ department: 'Engineering & Technical' }],
            },
          },
        },
      },
      options: { includePartialProfiles: true },
    });
    expect(dept.json.results.length).toBeGreaterThan(0);
    for (const r of dept.json.results) {
      const sigs = sb.data.companySignals(Number(r.id)).filter((s) => s.type === 'surgeInHiringByDepartment');
      expect(sigs.some((s) => s.fields.department === 'Engineering & Technical')).toBe(true);
    }
    const bad = await post(sb, COMPANIES, {
      pagination: page(),
      filters: { companies: { include: { signals: { types: ['hiring'], filterByDepartment: [{}] } } } },
    });
    expect(bad.json.errors).toEqual([
      expect.stringMatching(
        /^each value in filters\.companies\.include\.signals\.types must be one of the following values: allSignals, /,
      ),
      'filters.companies.include.signals.filterByDepartment[0].department is required',
    ]);
    const forbidden = await post(
      sb,
      COMPANIES,
      { pagination: page(), filters: { companies: { include: { signals: { types: ['allSignals'] } } } } },
      { key: NO_SIGNALS },
    );
    expect(forbidden.status).toBe(403);
  });

  test('401, 402', async () => {
    const body = { pagination: page(), filters: { companies: { include: {} } } };
    expect((await post(sb, COMPANIES, body, { key: null })).status).toBe(401);
    expect((await post(sb, COMPANIES, body, { key: 'Bearer lusha-sandbox-key' })).status).toBe(401);
    const broke = await post(sb, COMPANIES, body, { key: BROKE });
    expectError(broke, 402, { message: 'Insufficient credits for this operation' });
  });
});

// ====================================================================== filters

describe('GET /v3/{contacts|companies}/prospecting/filters', () => {
  test('discovery lists every filter type and whether it needs a query', async () => {
    const contacts = await get(sb, '/v3/contacts/prospecting/filters');
    expect(contacts.status).toBe(200);
    expect(contacts.json).toEqual(
      filterDiscovery({
        locations: true,
        departments: false,
        seniority: false,
        countries: false,
        existingDataPoints: false,
      }),
    );
    const companies = await get(sb, '/v3/companies/prospecting/filters');
    const types = companies.json.availableFilters as { filterType: string; requiresQuery: boolean }[];
    expect(types.map((t) => t.filterType).sort()).toEqual([
      'industriesLabels',
      'intentTopics',
      'locations',
      'naics',
      'names',
      'revenues',
      'sics',
      'sizes',
      'technologies',
    ]);
    expect(
      types
        .filter((t) => t.requiresQuery)
        .map((t) => t.filterType)
        .sort(),
    ).toEqual(['locations', 'names', 'technologies']);
  });

  test('contact values come from the dataset vocabularies and are free, even at zero balance', async () => {
    const deps = await get(sb, '/v3/contacts/prospecting/filters/departments', undefined, { key: BROKE });
    expect(deps.status).toBe(200);
    for (const p of sb.data.people.slice(0, 100)) for (const d of p.departments) expect(deps.json.values).toContain(d);
    const sen = await get(sb, '/v3/contacts/prospecting/filters/seniority');
    expect(sen.json.values[0]).toEqual({ id: 10, name: 'Founder' });
    const dp = await get(sb, '/v3/contacts/prospecting/filters/existingDataPoints');
    expect(dp.json.values).toEqual(['phone', 'work_email', 'mobile_phone', 'direct_phone']);
    const countries = await get(sb, '/v3/contacts/prospecting/filters/countries');
    expect(countries.json.values).toContainEqual({ name: 'Israel', code: 'IL' });
    expect(sb.credits.usage(BROKE).used).toBe(0);
    expect(sb.log.entries().at(-1)?.creditsCharged).toBe(0);
  });

  test('locations need a 2-256 character query and return V3Location objects a search accepts', async () => {
    const res = await get(sb, '/v3/contacts/prospecting/filters/locations', { query: 'sao paulo' });
    expect(res.json.values).toContainEqual({
      continent: 'South America',
      country: 'Brazil',
      countryIso2: 'BR',
      countryGrouping: 'LATAM',
      state: 'São Paulo',
      city: 'São Paulo',
    });
    const berlin = (await get(sb, '/v3/contacts/prospecting/filters/locations', { query: 'Berlin' })).json.values;
    const city = berlin.find((v: { city?: string }) => v.city === 'Berlin');
    const found = await post(sb, CONTACTS, {
      pagination: page(100),
      filters: { contacts: { include: { locations: [city] } } },
    });
    expect(found.status).toBe(200);
    expect(found.json.pagination.total).toBe(sb.data.people.filter((p) => p.location.city === 'Berlin').length);
    const missing = await get(sb, '/v3/contacts/prospecting/filters/locations');
    expectError(missing, 400, {
      message: 'Invalid request parameters',
      errors: ['query is required for filterType locations'],
    });
    const short = await get(sb, '/v3/companies/prospecting/filters/locations', { query: 'b' });
    expect(short.json.errors).toEqual(['query must be longer than or equal to 2 characters']);
    const long = await get(sb, '/v3/companies/prospecting/filters/technologies', { query: 'x'.repeat(257) });
    expect(long.json.errors).toEqual(['query must be shorter than or equal to 256 characters']);
  });

  test('company values: names with string ids usable in a search, technologies, industries, codes', async () => {
    const c = sb.data.companies.find((x) => x.revenueRange !== null) as SandboxCompany;
    const names = await get(sb, '/v3/companies/prospecting/filters/names', { query: c.name.slice(0, 5) });
    expect(names.json.values).toContainEqual({ id: String(c.id), name: c.name, domain: c.domain, logoUrl: c.logoUrl });
    const found = await post(sb, COMPANIES, {
      pagination: page(),
      filters: { companies: { include: { ids: [String(c.id)] } } },
    });
    expect(ids(found)).toEqual([String(c.id)]);
    const tech = await get(sb, '/v3/companies/prospecting/filters/technologies', { query: 'sales' });
    expect(tech.json.values).toEqual(['Salesforce', 'Salesloft']);
    const ind = (await get(sb, '/v3/companies/prospecting/filters/industriesLabels')).json.values;
    const main = ind.find((i: { main_industry_id: number }) => i.main_industry_id === c.mainIndustryId);
    expect(main.sub_industries).toContainEqual({ value: c.subIndustry, id: c.subIndustryId });
    const sizes = (await get(sb, '/v3/companies/prospecting/filters/sizes')).json.values;
    expect(sizes).toContainEqual({ min: c.size.min, max: c.size.max });
    const sics = (await get(sb, '/v3/companies/prospecting/filters/sics', { query: c.sic[0]?.code ?? '' })).json.values;
    expect(sics).toContainEqual({ code: c.sic[0]?.code, label: c.sic[0]?.label });
    expect((await get(sb, '/v3/companies/prospecting/filters/intentTopics')).json.values).toContain('Zero Trust');
    expect((await get(sb, '/v3/companies/prospecting/filters/revenues')).json.values[0]).toEqual({
      min: expect.any(Number),
      max: expect.any(Number),
    });
  });

  test('unknown filter type is 400 naming the allowed types; 401 without a key', async () => {
    const res = await get(sb, '/v3/contacts/prospecting/filters/jobTitles');
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      'filterType must be one of the following values: ' +
        'locations, departments, seniority, countries, existingDataPoints',
    ]);
    expect((await get(sb, '/v3/companies/prospecting/filters', undefined, { key: null })).status).toBe(401);
    expect((await get(sb, '/v3/companies/prospecting/filters/sizes', undefined, { key: null })).status).toBe(401);
  });
});

// ====================================================================== lookalikes

/** Five people in the same department and industry, identified five different ways. */
function contactSeeds() {
  const pool = sb.data.people.filter(
    (p) => p.departments[0] === 'Engineering & Technical' && p.linkedinUrl && p.emails.length > 0,
  );
  const [a, b, c, d, e] = pool as [SandboxPerson, SandboxPerson, SandboxPerson, SandboxPerson, SandboxPerson];
  const companyE = sb.data.companyOf(e);
  return {
    people: [a, b, c, d, e],
    seeds: {
      linkedinUrls: [a.linkedinUrl as string],
      emails: [b.emails[0]?.email as string],
      ids: [String(c.personId)],
      contactIds: [d.personId],
      contacts: [{ firstName: e.firstName, lastName: e.lastName, companyDomain: companyE.domain }],
    },
  };
}

describe('POST /v3/contacts/lookalike', () => {
  test('5 seeds by every identifier kind; results resemble them; billing per result equals the ledger', async () => {
    const { people, seeds } = contactSeeds();
    const { res, spent } = await charged(CONTACT_LOOKALIKE, { seeds, limit: 10 });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['billing', 'dedupeSessionId', 'meta', 'results']);
    expect(res.json.dedupeSessionId).toMatch(UUID);
    expect(res.json.meta).toEqual({ returned: 10, hasMore: true });
    expect(res.json.billing).toEqual({ creditsCharged: 10, resultsReturned: 10 });
    expect(spent).toBe(10);
    const seedIds = people.map((p) => String(p.personId));
    for (const r of res.json.results) {
      expect(seedIds).not.toContain(r.id);
      const p = person(r.id);
      const c = sb.data.companyOf(p);
      expect(Object.keys(r).sort()).toEqual(
        [
          'company',
          'firstName',
          'id',
          'jobTitle',
          'lastName',
          'location',
          ...(p.linkedinUrl ? ['socialLinks'] : []),
        ].sort(),
      );
      expect(r.company).toEqual({ id: String(c.id), name: c.name, domain: c.fqdn });
      expect(r.jobTitle).toEqual({ title: p.jobTitle, departments: p.departments, seniority: p.seniority });
      const resembles = people.some((s) => {
        const sc = sb.data.companyOf(s);
        return s.departments[0] === p.departments[0] || sc.mainIndustryId === c.mainIndustryId;
      });
      expect(resembles).toBe(true);
      expect(JSON.stringify(r)).not.toMatch(/@/);
    }
  });

  test('dedupeSessionId: later calls never repeat results; exclude applies on every call', async () => {
    const { seeds } = contactSeeds();
    const first = await post(sb, CONTACT_LOOKALIKE, { seeds, limit: 20 });
    const session = first.json.dedupeSessionId;
    const excluded = await post(sb, CONTACT_LOOKALIKE, { seeds, limit: 5 });
    const toExclude = ids(excluded).slice(0, 2);
    const second = await post(sb, CONTACT_LOOKALIKE, {
      seeds,
      limit: 20,
      dedupeSessionId: session,
      exclude: { ids: toExclude },
    });
    expect(second.status).toBe(200);
    expect(second.json.dedupeSessionId).toBe(session);
    for (const id of ids(second)) {
      expect(ids(first)).not.toContain(id);
      expect(toExclude).not.toContain(id);
    }
    // without the session the same seeds give the same first page again
    const fresh = await post(sb, CONTACT_LOOKALIKE, { seeds, limit: 20 });
    expect(ids(fresh)).toEqual(ids(first));
    expect(fresh.json.dedupeSessionId).not.toBe(session);
    // a session runs dry: hasMore false, then empty and free
    let last = second;
    for (let i = 0; i < 30 && last.json.meta.hasMore; i++) {
      last = await post(sb, CONTACT_LOOKALIKE, { seeds, limit: 100, dedupeSessionId: session });
    }
    expect(last.json.meta.hasMore).toBe(false);
    const dry = await charged(CONTACT_LOOKALIKE, { seeds, dedupeSessionId: session });
    expect(dry.res.json).toMatchObject({
      results: [],
      meta: { returned: 0, hasMore: false },
      billing: { creditsCharged: 0 },
    });
    expect(dry.spent).toBe(0);
  });

  test('seed count: 5-100 unique identifiers (400 naming the count); other validation', async () => {
    const { seeds } = contactSeeds();
    const four = await post(sb, CONTACT_LOOKALIKE, {
      seeds: {
        ids: seeds.ids,
        emails: [...seeds.emails, ...seeds.emails],
        contactIds: seeds.contactIds,
        linkedinUrls: seeds.linkedinUrls,
      },
    });
    expect(four.status).toBe(400);
    expect(four.json.errors).toEqual([
      'seeds must contain at least 5 unique identifiers across linkedinUrls, contacts, emails, ids, contactIds (got 4)',
    ]);
    const many = sb.data.people.slice(0, 101).map((p) => String(p.personId));
    const tooMany = await post(sb, CONTACT_LOOKALIKE, { seeds: { ids: many } });
    expect(tooMany.json.errors).toEqual([
      'seeds.ids must contain no more than 100 elements',
      'seeds must contain no more than 100 unique identifiers across ' +
        'linkedinUrls, contacts, emails, ids, contactIds (got 101)',
    ]);
    const bad = await post(sb, CONTACT_LOOKALIKE, {
      seeds: {
        ...seeds,
        names: ['x'],
        contacts: [{ firstName: 'A', lastName: 'B' }, { firstName: 'C' }],
        emails: ['nope'],
      },
      exclude: { domains: ['x.com'] },
      limit: 101,
      dedupeSessionId: 'abc',
      other: 1,
    });
    expect(bad.json.errors).toEqual(
      expect.arrayContaining([
        'property other should not exist',
        'property seeds.names should not exist',
        'seeds.contacts[1].lastName is required',
        'each value in seeds.emails must be an email',
        'property exclude.domains should not exist',
        'limit must not be greater than 100',
        'dedupeSessionId must be a UUID',
        'seeds.contacts[0] must have companyDomain or companyName',
      ]),
    );
    expect((await post(sb, CONTACT_LOOKALIKE, { seeds, limit: 0 })).json.errors).toEqual([
      'limit must not be less than 1',
    ]);
    expect((await post(sb, CONTACT_LOOKALIKE, { limit: 5 })).json.errors).toEqual(['seeds is required']);
    // exclude may be null (ContactIdentifiersBatch is nullable)
    expect((await post(sb, CONTACT_LOOKALIKE, { seeds, limit: 1, exclude: null })).status).toBe(200);
  });

  test("410 DEDUPE_SESSION_INVALID for an unknown session, another key's, or a company session", async () => {
    const { seeds } = contactSeeds();
    const body = {
      code: 'DEDUPE_SESSION_INVALID',
      message:
        'The provided dedupeSessionId is invalid or expired. ' +
        'Generate a new request without dedupeSessionId to start a fresh run.',
    };
    const unknown = await charged(CONTACT_LOOKALIKE, {
      seeds,
      dedupeSessionId: '58adaa77-7a6e-4c9b-8c2d-820a6538e613',
    });
    expect(unknown.res.status).toBe(410);
    expect(unknown.res.json).toEqual(body);
    expect(unknown.spent).toBe(0);
    const mine = await post(sb, CONTACT_LOOKALIKE, { seeds, limit: 1 });
    const theirs = await post(
      sb,
      CONTACT_LOOKALIKE,
      { seeds, limit: 1, dedupeSessionId: mine.json.dedupeSessionId },
      { key: OTHER },
    );
    expect(theirs.status).toBe(410);
    const companySession = await post(sb, COMPANY_LOOKALIKE, { seeds: companySeeds().seeds, limit: 1 });
    const crossed = await post(sb, CONTACT_LOOKALIKE, { seeds, dedupeSessionId: companySession.json.dedupeSessionId });
    expect(crossed.status).toBe(410);
    expect(crossed.json).toEqual(body);
  });

  test('401, 402 (zero balance, or costing more than the balance), 403 without the Lookalikes plan', async () => {
    const { seeds } = contactSeeds();
    expect((await post(sb, CONTACT_LOOKALIKE, { seeds }, { key: null })).status).toBe(401);
    const broke = await post(sb, CONTACT_LOOKALIKE, { seeds }, { key: BROKE });
    expectError(broke, 402, { message: 'Insufficient credits for this operation' });
    sb.credits.set(TIGHT, 3);
    const tight = await charged(CONTACT_LOOKALIKE, { seeds, limit: 5 }, TIGHT);
    expect(tight.res.status).toBe(402);
    expect(tight.spent).toBe(0);
    const fits = await charged(CONTACT_LOOKALIKE, { seeds, limit: 3 }, TIGHT);
    expect(fits.res.json.billing).toEqual({ creditsCharged: 3, resultsReturned: 3 });
    expect(fits.spent).toBe(3);
    sb.credits.set(TIGHT, 1_000);
    const plan = await post(sb, CONTACT_LOOKALIKE, { seeds }, { key: NO_LOOKALIKES });
    expectError(plan, 403, { message: 'Lookalikes API not supported on your plan' });
  });
});

/** Five companies of one main industry, by domain and by LinkedIn URL. */
function companySeeds() {
  const pool = sb.data.companies.filter((c) => c.mainIndustryId === 2);
  const [a, b, c, d, e] = pool as [SandboxCompany, SandboxCompany, SandboxCompany, SandboxCompany, SandboxCompany];
  return {
    companies: [a, b, c, d, e],
    seeds: {
      domains: [a.domain, `https://www.${b.domain}/about`, c.domain],
      linkedinUrls: [d.linkedinUrl, `${e.linkedinUrl}/`],
    },
  };
}

describe('POST /v3/companies/lookalike', () => {
  test('seeds by domain and LinkedIn URL; same main industry; shape; billing equals the ledger', async () => {
    const { companies, seeds } = companySeeds();
    const { res, spent } = await charged(COMPANY_LOOKALIKE, { seeds, limit: 8 });
    expect(res.status).toBe(200);
    expect(res.json.meta).toEqual({ returned: 8, hasMore: true });
    expect(res.json.billing).toEqual({ creditsCharged: 8, resultsReturned: 8 });
    expect(spent).toBe(8);
    for (const r of res.json.results) {
      const c = company(r.id);
      expect(companies.map((s) => String(s.id))).not.toContain(r.id);
      expect(c.mainIndustryId).toBe(2);
      expect(r).toEqual({
        id: String(c.id),
        name: c.name,
        domain: c.domain,
        employeeCount: { exact: c.employeesInLinkedin },
        industry: c.mainIndustry,
        location: {
          country: c.location.country,
          ...(c.location.state ? { state: c.location.state } : {}),
          city: c.location.city,
        },
        socialLinks: { linkedin: c.linkedinUrl },
      });
    }
  });

  test('sessions and exclude; 410 body is the ErrorResponse shape', async () => {
    const { seeds } = companySeeds();
    const first = await post(sb, COMPANY_LOOKALIKE, { seeds, limit: 5 });
    const skip = company(ids(first)[0] as string).domain;
    const again = await post(sb, COMPANY_LOOKALIKE, { seeds, limit: 5, exclude: { domains: [skip] } });
    expect(ids(again)).not.toContain(ids(first)[0]);
    const next = await post(sb, COMPANY_LOOKALIKE, { seeds, limit: 5, dedupeSessionId: first.json.dedupeSessionId });
    for (const id of ids(next)) expect(ids(first)).not.toContain(id);
    const unknown = await post(sb, COMPANY_LOOKALIKE, {
      seeds,
      dedupeSessionId: '58adaa77-7a6e-4c9b-8c2d-820a6538e613',
    });
    expectError(unknown, 410, {
      message:
        'The provided dedupeSessionId is invalid or expired. ' +
        'Generate a new request without dedupeSessionId to start a fresh run.',
    });
  });

  test('validation: 5-100 unique identifiers, only domains and linkedinUrls, exclude not empty', async () => {
    const { seeds } = companySeeds();
    const dup = await post(sb, COMPANY_LOOKALIKE, {
      seeds: { domains: [seeds.domains[0], `WWW.${seeds.domains[0]}`] },
    });
    expect(dup.json.errors).toEqual([
      'seeds must contain at least 5 unique identifiers across domains, linkedinUrls (got 1)',
    ]);
    const empty = await post(sb, COMPANY_LOOKALIKE, { seeds: {}, exclude: {} });
    expect(empty.json.errors).toEqual([
      'seeds must contain at least one of domains, linkedinUrls',
      'seeds must contain at least 5 unique identifiers across domains, linkedinUrls (got 0)',
      'exclude must contain at least one of domains, linkedinUrls',
    ]);
    const ids5 = await post(sb, COMPANY_LOOKALIKE, { seeds: { ...seeds, ids: ['1'], names: ['x'] } });
    expect(ids5.json.errors).toEqual(['property seeds.ids should not exist', 'property seeds.names should not exist']);
    expect((await post(sb, COMPANY_LOOKALIKE, { seeds }, { key: null })).status).toBe(401);
    expect((await post(sb, COMPANY_LOOKALIKE, { seeds }, { key: BROKE })).status).toBe(402);
    expect((await post(sb, COMPANY_LOOKALIKE, { seeds }, { key: NO_LOOKALIKES })).status).toBe(403);
  });
});

describe('lookalike sessions on the sandbox clock', () => {
  test('kept 30 days after their last use, then 410', async () => {
    await withSandbox({}, async (sb2) => {
      const seeds = { ids: sb2.data.people.slice(0, 5).map((p) => String(p.personId)) };
      const first = await post(sb2, CONTACT_LOOKALIKE, { seeds, limit: 2 });
      const session = first.json.dedupeSessionId;
      const at = (days: number) => new Date(new Date(NOW).getTime() + days * 86_400_000);
      sb2.clock.set(at(29));
      expect((await post(sb2, CONTACT_LOOKALIKE, { seeds, limit: 2, dedupeSessionId: session })).status).toBe(200);
      sb2.clock.set(at(58)); // 29 days after the last use: still there
      expect((await post(sb2, CONTACT_LOOKALIKE, { seeds, limit: 2, dedupeSessionId: session })).status).toBe(200);
      sb2.clock.set(at(89)); // 31 days after the last use
      const gone = await post(sb2, CONTACT_LOOKALIKE, { seeds, limit: 2, dedupeSessionId: session });
      expect(gone.status).toBe(410);
      expect(gone.json.code).toBe('DEDUPE_SESSION_INVALID');
    });
  });
});
