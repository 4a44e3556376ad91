/**
 * Lusha V3 account usage, Search / Enrich / Search & Enrich (contacts and companies), end to end over HTTP.
 * Every paid answer is checked against the ledger: the credits the key lost equal `billing.creditsCharged`.
 */
import type { Sandbox, SandboxCompany, SandboxPerson } from '../../sandbox';
import { boot, call, companyPreviewOf, DEMO_KEY, expectError, get, post, type CallResult } from './helpers';

const NO_V3 = 'no-v3-access-key';
const NO_SIGNALS = 'no-signals-key-1';
const POOR = 'poor-v3-key-0001';
const FREE = 'free-plan-key-01';
const USAGE = 'usage-limit-key1';

const PATHS = [
  '/v3/contacts/search',
  '/v3/contacts/enrich',
  '/v3/contacts/search-and-enrich',
  '/v3/companies/search',
  '/v3/companies/enrich',
  '/v3/companies/search-and-enrich',
] as const;

let sb: Sandbox;
beforeAll(async () => {
  sb = await boot({
    keys: [
      { key: DEMO_KEY, plan: 'unified', credits: 100_000, signals: true, excludeDnc: true },
      { key: NO_V3, plan: 'unified', credits: 1_000, signals: true, v3Access: false },
      { key: NO_SIGNALS, plan: 'unified', credits: 1_000, signals: false },
      { key: POOR, plan: 'unified', credits: 100, signals: true },
      {
        key: FREE,
        plan: 'unified',
        credits: 40,
        signals: false,
        planCategory: 'free',
        dailyQuota: 100,
        pricing: { revealPhone: { credits: 10, perQuantity: 1 }, api_search: { credits: 1, perQuantity: 1 } },
      },
      { key: USAGE, plan: 'unified', credits: 10, signals: true },
    ],
  });
});
afterAll(() => sb.stop());
beforeEach(() => {
  sb.faults.clear();
  for (const k of [DEMO_KEY, POOR, FREE]) sb.reveals.clear(k);
});

/** Call, and return the answer with the credits the key lost meanwhile. */
async function paid(path: string, body: unknown, key = DEMO_KEY): Promise<CallResult & { spent: number }> {
  const before = sb.credits.usage(key).used;
  const r = await post(sb, path, body, { key });
  return { ...r, spent: sb.credits.usage(key).used - before };
}

/** The answer is 200 and the ledger moved by exactly `billing.creditsCharged`. */
function expectBilled(r: CallResult & { spent: number }, credits: number, results: number): void {
  expect(r.status).toBe(200);
  expect(r.json.billing).toEqual({ creditsCharged: credits, resultsReturned: results });
  expect(r.spent).toBe(credits);
}

const people = (pred: (p: SandboxPerson) => boolean) => sb.data.people.filter(pred);
const withBoth = () => people((p) => p.emails.length > 0 && p.phones.length > 0);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function first<T>(list: readonly T[], what: string): T {
  const x = list[0];
  if (x === undefined) throw new Error(`no ${what} in the dataset`);
  return x;
}

// ---------------------------------------------------------------------------------------------------------

describe('every V3 route of the family', () => {
  test('401 without a key or with an unknown key, before validation', async () => {
    for (const path of PATHS) {
      const r = await post(sb, path, {}, { key: null });
      expectError(r, 401, { message: 'Invalid API key' });
      expect((await post(sb, path, {}, { key: 'nope' })).status).toBe(401);
    }
    expect((await get(sb, '/v3/account/usage', undefined, { key: null })).status).toBe(401);
  });

  test('403 "V3 API access is not enabled" for a key without V3 access; its V2 calls still work', async () => {
    const p = first(withBoth(), 'person');
    for (const path of [...PATHS, '/v3/account/usage']) {
      const r =
        path === '/v3/account/usage' ? await get(sb, path, undefined, { key: NO_V3 }) : await paid(path, {}, NO_V3);
      expectError(r, 403, { message: 'V3 API access is not enabled for your account' });
    }
    expect(sb.credits.usage(NO_V3).used).toBe(0);
    expect((await get(sb, '/v2/person', { personId: String(p.personId) }, { key: NO_V3 })).status).toBe(200);
    expect((await get(sb, '/account/usage', undefined, { key: NO_V3 })).status).toBe(200);
  });

  test('400 for a body that is not a JSON object, with the V3 error body', async () => {
    for (const path of PATHS) {
      const r = await call(sb, 'POST', path, { rawBody: '[1,2]' });
      expectError(r, 400, {
        message: 'Invalid request parameters',
        errors: ['Request body must be a JSON object'],
      });
      const broken = await call(sb, 'POST', path, { rawBody: '{"contacts":' });
      expect(broken.status).toBe(400);
    }
  });

  test('402 up front once the balance is 0, nothing charged', async () => {
    sb.credits.set(POOR, 0);
    try {
      const bodies: Record<(typeof PATHS)[number], unknown> = {
        '/v3/contacts/search': { contacts: [{ id: '1' }] },
        '/v3/contacts/enrich': { ids: ['1'] },
        '/v3/contacts/search-and-enrich': { contacts: [{ id: '1' }] },
        '/v3/companies/search': { companies: [{ id: '1' }] },
        '/v3/companies/enrich': { ids: ['1'] },
        '/v3/companies/search-and-enrich': { companies: [{ id: '1' }] },
      };
      for (const path of PATHS) {
        const r = await paid(path, bodies[path], POOR);
        expectError(r, 402, { message: 'Insufficient credits for this operation' });
        expect(r.spent).toBe(0);
      }
      // Validation comes first: a bad request is 400 even with no credits.
      expect((await paid('/v3/contacts/search', { contacts: [] }, POOR)).status).toBe(400);
    } finally {
      sb.credits.set(POOR, 100);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('GET /v3/account/usage', () => {
  test('credits from the ledger, rate-limit windows, plan and pricing; free', async () => {
    const p = first(withBoth(), 'person');
    await paid('/v3/contacts/enrich', { ids: [String(p.personId)] });
    const before = sb.credits.usage(DEMO_KEY);
    const r = await get(sb, '/v3/account/usage');
    expect(r.status).toBe(200);
    expect(sb.credits.usage(DEMO_KEY)).toEqual(before);
    expect(r.json.credits).toEqual({ total: before.total, used: before.used, remaining: before.remaining });
    for (const w of ['daily', 'hourly', 'minute'] as const) {
      const t = r.json.rateLimits[w];
      expect(Object.keys(t).sort()).toEqual(['limit', 'remaining', 'resetsAt', 'used']);
      expect(t.used).toBeGreaterThanOrEqual(1);
      expect(t.limit - t.used).toBe(t.remaining);
      expect(new Date(t.resetsAt).toISOString()).toBe(t.resetsAt);
      expect(new Date(t.resetsAt).getTime()).toBeGreaterThan(Date.now());
    }
    expect(r.json.rateLimits.daily.limit).toBe(100_000);
    expect(r.headers.get('x-daily-usage')).toBe(String(r.json.rateLimits.daily.used));
    expect(r.json.plan).toEqual({
      category: 'professional',
      renewalType: 'annual',
      startDate: '2025-01-01T00:00:00.000Z',
      endDate: '2026-01-01T00:00:00.000Z',
    });
    expect(r.json.pricing).toMatchObject({
      api_search: { credits: 1, perQuantity: 25 },
      revealEmail: { credits: 1, perQuantity: 1 },
      revealPhone: { credits: 5, perQuantity: 1 },
      reveal_company: { credits: 1, perQuantity: 1 },
    });
  });

  test('a free plan has no end date; per-key pricing overrides are reported and charged', async () => {
    const r = await get(sb, '/v3/account/usage', undefined, { key: FREE });
    expect(r.json.plan).toEqual({
      category: 'free',
      renewalType: 'monthly',
      startDate: '2025-06-01T00:00:00.000Z',
      endDate: null,
    });
    expect(r.json.pricing.revealPhone).toEqual({ credits: 10, perQuantity: 1 });
    expect(r.json.pricing.api_search).toEqual({ credits: 1, perQuantity: 1 });
    expect(r.json.rateLimits.daily.limit).toBe(100);
    const p = first(withBoth(), 'person');
    const s = await paid(
      '/v3/contacts/search',
      { contacts: [{ id: String(p.personId) }, { id: String(p.personId) }] },
      FREE,
    );
    expectBilled(s, 2, 2);
    expect(s.json.results[0].canReveal).toEqual([
      { field: 'emails', credits: 1 },
      { field: 'phones', credits: 10 },
    ]);
    expectBilled(await paid('/v3/contacts/enrich', { ids: [String(p.personId)], reveal: ['phones'] }, FREE), 10, 1);
  });

  test('5 requests per minute per key, apart from the V2 usage endpoint; 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++)
      expect((await get(sb, '/v3/account/usage', undefined, { key: USAGE })).status).toBe(200);
    const limited = await get(sb, '/v3/account/usage', undefined, { key: USAGE });
    expectError(limited, 429, {
      message: 'Too many requests. Please wait before making another request.',
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-limit')).toBe('5');
    expect((await get(sb, '/account/usage', undefined, { key: USAGE })).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('POST /v3/contacts/search', () => {
  test('previews by id, email, LinkedIn URL and name + company, with has / canReveal; NOT_FOUND items', async () => {
    const p = first(
      withBoth().filter((x) => x.linkedinUrl && x.location.state),
      'person',
    );
    const c = sb.data.companyOf(p);
    const email = first(p.emails, 'email').email;
    const r = await paid('/v3/contacts/search', {
      contacts: [
        { clientReferenceId: 'by-id', id: String(p.personId) },
        { clientReferenceId: 'by-email', email: `  ${email.toUpperCase()} ` },
        {
          clientReferenceId: 'by-url',
          linkedinUrl: `${(p.linkedinUrl ?? '').replace('https://www.', 'http://')}/?trk=x`,
        },
        {
          clientReferenceId: 'by-domain',
          firstName: p.firstName.toUpperCase(),
          lastName: p.lastName,
          companyDomain: c.website,
        },
        {
          clientReferenceId: 'by-name',
          firstName: p.firstName,
          lastName: p.lastName,
          companyName: c.name.toLowerCase(),
        },
        { clientReferenceId: 'missing', id: '12345' },
        { clientReferenceId: 'missing-email', email: 'nobody@nowhere.example' },
      ],
    });
    expect(r.json.requestId).toMatch(UUID);
    expect(r.json.results).toHaveLength(7);
    const preview = {
      id: String(p.personId),
      firstName: p.firstName,
      lastName: p.lastName,
      jobTitle: {
        title: p.jobTitle,
        departments: p.departments,
        seniority: p.seniority === 'VP' ? 'Vice President' : p.seniority,
      },
      company: { id: String(c.id), name: c.name, domain: c.fqdn, industry: c.mainIndustry },
      location: { country: p.location.country, state: p.location.state, city: p.location.city },
      socialLinks: { linkedin: p.linkedinUrl },
      has: ['firstName', 'lastName', 'jobTitle', 'location', 'socialLinks', 'emails', 'phones'],
      canReveal: [
        { field: 'emails', credits: 1 },
        { field: 'phones', credits: 5 },
      ],
    };
    for (const [i, ref] of ['by-id', 'by-email', 'by-url', 'by-domain', 'by-name'].entries()) {
      expect(r.json.results[i]).toEqual({ clientReferenceId: ref, ...preview });
    }
    expect(r.json.results[5]).toEqual({
      clientReferenceId: 'missing',
      error: { code: 'NOT_FOUND', message: 'Contact not found' },
    });
    expect(r.json.results[6].error.code).toBe('NOT_FOUND');
    // Previews carry no PII.
    expect(JSON.stringify(r.json)).not.toContain(email);
    expectBilled(r, 1, 5);
  });

  test('api_search is 1 credit per started 25 results; misses are free', async () => {
    const list = withBoth().slice(0, 26);
    const r = await paid('/v3/contacts/search', { contacts: list.map((p) => ({ id: String(p.personId) })) });
    expectBilled(r, 2, 26);
    expect(r.json.results[0]).not.toHaveProperty('clientReferenceId');
    expectBilled(
      await paid('/v3/contacts/search', { contacts: list.slice(0, 25).map((p) => ({ id: String(p.personId) })) }),
      1,
      25,
    );
    expectBilled(await paid('/v3/contacts/search', { contacts: [{ id: '1' }, { email: 'a@b.example' }] }), 0, 0);
  });

  test('partial profiles (no email, no phone) are NOT_FOUND unless options.includePartialProfiles', async () => {
    const p = sb.data.samples.personWithoutContactInfo;
    const off = await paid('/v3/contacts/search', { contacts: [{ clientReferenceId: 'x', id: String(p.personId) }] });
    expectBilled(off, 0, 0);
    expect(off.json.results[0].error).toEqual({ code: 'NOT_FOUND', message: 'Contact not found' });
    const on = await paid('/v3/contacts/search', {
      contacts: [{ clientReferenceId: 'x', id: String(p.personId) }],
      options: { includePartialProfiles: true },
    });
    expectBilled(on, 1, 1);
    expect(on.json.results[0].canReveal).toEqual([]);
    expect(on.json.results[0].has).not.toContain('emails');
    const noPhone = sb.data.samples.personWithoutPhone;
    const r = await paid('/v3/contacts/search', { contacts: [{ id: String(noPhone.personId) }] });
    expect(r.json.results[0].canReveal).toEqual([{ field: 'emails', credits: 1 }]);
  });

  test('signals filter: only contacts with a signal of those types in the window, with signalTypes', async () => {
    const promoted = sb.data.samples.personWithRecentPromotion;
    const quiet = sb.data.samples.personWithoutSignals;
    const old = sb.data.samples.personWithOnlyOldSignals;
    const r = await paid('/v3/contacts/search', {
      contacts: [{ id: String(promoted.personId) }, { id: String(quiet.personId) }, { id: String(old.personId) }],
      signals: { types: ['promotion'] },
      options: { includePartialProfiles: true },
    });
    expectBilled(r, 1, 1);
    expect(r.json.results[0].signalTypes).toEqual(['promotion']);
    expect(r.json.results[1].error).toEqual({
      code: 'NOT_FOUND',
      message: 'No signals of the requested types for this contact',
    });
    expect(r.json.results[2].error.code).toBe('NOT_FOUND');
    const wide = await paid('/v3/contacts/search', {
      contacts: [{ id: String(old.personId) }],
      signals: { types: ['allSignals'], startDate: '2024-06-15', maxResultsPerSignal: 5 },
      options: { includePartialProfiles: true },
    });
    expect(wide.json.results[0].signalTypes.length).toBeGreaterThan(0);
  });

  test('signals on a plan without Signals: 403, nothing charged', async () => {
    const p = first(withBoth(), 'person');
    const r = await paid(
      '/v3/contacts/search',
      { contacts: [{ id: String(p.personId) }], signals: { types: ['promotion'] } },
      NO_SIGNALS,
    );
    expectError(r, 403, { message: 'Signals API not supported on your plan' });
    expect(r.spent).toBe(0);
    expectBilled(await paid('/v3/contacts/search', { contacts: [{ id: String(p.personId) }] }, NO_SIGNALS), 1, 1);
  });

  test('400 names each problem', async () => {
    const r = await paid('/v3/contacts/search', {
      contacts: [
        { clientReferenceId: 7, firstName: 'Ann' },
        { email: 'not-an-email' },
        { id: 1300000001 },
        { linkedinURL: 'https://linkedin.com/in/x' },
        'x',
      ],
      options: { includePartialProfiles: 'yes', extra: true },
      signals: { types: ['nope'], startDate: '2025-13-01', maxResultsPerSignal: 0 },
      tableId: '1',
    });
    expect(r.status).toBe(400);
    expect(r.spent).toBe(0);
    expect(r.json.statusCode).toBe(400);
    expect(r.json.message).toBe('Invalid request parameters');
    expect(r.json.errors).toEqual([
      'property tableId should not exist',
      'contacts[0].clientReferenceId must be a string',
      'contacts[0] must include id, linkedinUrl, email, or firstName and lastName with companyName or companyDomain',
      'contacts[1].email must be an email',
      'contacts[2].id must be a string',
      'contacts[2] must include id, linkedinUrl, email, or firstName and lastName with companyName or companyDomain',
      'property contacts[3].linkedinURL should not exist',
      'contacts[3] must include id, linkedinUrl, email, or firstName and lastName with companyName or companyDomain',
      'contacts[4] must be an object',
      'property options.extra should not exist',
      'options.includePartialProfiles must be a boolean value',
      'each value in signals.types must be one of the following values: allSignals, promotion, companyChange',
      'signals.startDate must be a valid date in YYYY-MM-DD format',
      'signals.maxResultsPerSignal must be an integer between 1 and 100',
    ]);
    const sizes = [
      {},
      { contacts: [] },
      { contacts: Array.from({ length: 101 }, () => ({ id: '1' })) },
      { contacts: { id: '1' } },
      { contacts: [{ id: '1' }], signals: { startDate: '2099-01-01' } },
    ];
    const errors = [];
    for (const b of sizes) {
      const x = await paid('/v3/contacts/search', b);
      expect(x.status).toBe(400);
      errors.push(x.json.errors);
    }
    expect(errors).toEqual([
      ['contacts should not be empty'],
      ['contacts must contain between 1 and 100 items'],
      ['contacts must contain between 1 and 100 items'],
      ['contacts must be an array'],
      ['signals.types should not be empty', 'signals.startDate must not be after the current date (2025-06-15)'],
    ]);
  });

  test('a search the balance cannot pay is refused whole (402)', async () => {
    const list = withBoth().slice(0, 30);
    sb.credits.set(POOR, 1);
    try {
      const r = await paid('/v3/contacts/search', { contacts: list.map((p) => ({ id: String(p.personId) })) }, POOR);
      expect(r.status).toBe(402);
      expect(r.spent).toBe(0);
      expectBilled(
        await paid(
          '/v3/contacts/search',
          { contacts: list.slice(0, 25).map((p) => ({ id: String(p.personId) })) },
          POOR,
        ),
        1,
        25,
      );
    } finally {
      sb.credits.set(POOR, 100);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('POST /v3/contacts/enrich', () => {
  test('reveals emails and phones by id: 1 per contact with emails, 5 per contact with phones', async () => {
    const p = first(
      withBoth().filter((x) => x.previousJob && x.xUrl),
      'person',
    );
    const c = sb.data.companyOf(p);
    const r = await paid('/v3/contacts/enrich', { ids: [String(p.personId), '42'] });
    expectBilled(r, 6, 1);
    expect(r.json.requestId).toMatch(UUID);
    const [hit, miss] = r.json.results;
    expect(miss).toEqual({ id: '42', error: { code: 'NOT_FOUND', message: 'Contact not found' } });
    expect(hit).toEqual({
      id: String(p.personId),
      firstName: p.firstName,
      lastName: p.lastName,
      fullName: p.fullName,
      jobTitle: {
        title: p.jobTitle,
        departments: p.departments,
        seniority: p.seniority === 'VP' ? 'Vice President' : p.seniority,
      },
      location: expect.objectContaining({
        country: p.location.country,
        countryIso2: p.location.countryIso2,
        city: p.location.city,
        continent: p.location.continent,
        coordinates: p.location.coordinates,
        isEuContact: p.location.isEu,
      }),
      tags: [],
      emails: p.emails.map((e) => ({
        email: e.email,
        type: e.emailType,
        confidence: e.emailConfidence,
        updateDate: e.updateDate,
      })),
      phones: p.phones.map((ph) => ({
        number: ph.number,
        type: ph.phoneType === 'phone' ? 'work' : ph.phoneType,
        doNotCall: ph.doNotCall,
        updateDate: ph.updateDate,
      })),
      company: { id: String(c.id), name: c.name, domain: c.fqdn, industry: c.mainIndustry },
      socialLinks: { linkedin: p.linkedinUrl, xUrl: p.xUrl },
      previousEmployment: [
        {
          company: { name: p.previousJob?.companyName, domain: p.previousJob?.domain },
          jobTitle: { title: p.previousJob?.title, departments: p.previousJob?.departments },
        },
      ],
      updateDate: p.updateDate,
    });
    expect(sb.reveals.contact(DEMO_KEY, p.personId)).toEqual(['emails', 'phones']);
  });

  test('re-enriching what the key already revealed is free, and search then shows canReveal 0', async () => {
    const [a, b] = withBoth();
    if (!a || !b) throw new Error('people');
    expectBilled(await paid('/v3/contacts/enrich', { ids: [String(a.personId)], reveal: ['emails'] }), 1, 1);
    const s = await paid('/v3/contacts/search', { contacts: [{ id: String(a.personId) }, { id: String(b.personId) }] });
    expect(s.json.results[0].canReveal).toEqual([
      { field: 'emails', credits: 0 },
      { field: 'phones', credits: 5 },
    ]);
    expect(s.json.results[1].canReveal).toEqual([
      { field: 'emails', credits: 1 },
      { field: 'phones', credits: 5 },
    ]);
    const again = await paid('/v3/contacts/enrich', { ids: [String(a.personId)], reveal: ['emails'] });
    expectBilled(again, 0, 1);
    expect(again.json.results[0]).not.toHaveProperty('phones');
    expect(again.json.results[0].emails.length).toBe(a.emails.length);
    expectBilled(await paid('/v3/contacts/enrich', { ids: [String(a.personId), String(b.personId)] }), 5 + 6, 2);
    expectBilled(await paid('/v3/contacts/enrich', { ids: [String(b.personId), String(a.personId)] }), 0, 2);
    // Per key: another key pays again.
    expectBilled(await paid('/v3/contacts/enrich', { ids: [String(a.personId)], reveal: ['emails'] }, POOR), 1, 1);
  });

  test('a kind the contact lacks comes back empty and free; DNC phones carry doNotCall', async () => {
    const noPhone = sb.data.samples.personWithoutPhone;
    const r = await paid('/v3/contacts/enrich', { ids: [String(noPhone.personId)], reveal: ['phones'] });
    expectBilled(r, 0, 1);
    expect(r.json.results[0].phones).toEqual([]);
    expect(r.json.results[0]).not.toHaveProperty('emails');
    const dnc = sb.data.samples.personWithOnlyDncPhones;
    const d = await paid('/v3/contacts/enrich', {
      ids: [String(dnc.personId)],
      reveal: ['phones'],
      waterfallEnabled: false,
    });
    expectBilled(d, 5, 1);
    expect(d.json.results[0].phones.every((ph: { doNotCall: boolean }) => ph.doNotCall)).toBe(true);
  });

  test('a reveal the balance cannot pay is refused whole: nothing charged, nothing revealed', async () => {
    const list = withBoth().slice(0, 3);
    sb.credits.set(POOR, 17);
    try {
      const r = await paid('/v3/contacts/enrich', { ids: list.map((p) => String(p.personId)) }, POOR);
      expect(r.status).toBe(402);
      expect(r.spent).toBe(0);
      for (const p of list) expect(sb.reveals.contact(POOR, p.personId)).toEqual([]);
      expectBilled(
        await paid('/v3/contacts/enrich', { ids: list.slice(0, 2).map((p) => String(p.personId)) }, POOR),
        12,
        2,
      );
    } finally {
      sb.credits.set(POOR, 100);
    }
  });

  test('tableId names a table that does not exist: 404, nothing charged', async () => {
    const p = first(withBoth(), 'person');
    const r = await paid('/v3/contacts/enrich', { ids: [String(p.personId)], tableId: '482910' });
    expectError(r, 404, { message: 'TABLE_NOT_FOUND: Table not found' });
    expect(r.spent).toBe(0);
  });

  test('400 names each problem', async () => {
    const r = await paid('/v3/contacts/enrich', {
      ids: ['1', 1, '', '1'],
      reveal: ['emails', 'fax'],
      waterfallEnabled: 'no',
      contacts: [],
    });
    expect(r.status).toBe(400);
    expect(r.json.errors).toEqual([
      'property contacts should not exist',
      'ids[1] must be a non-empty string',
      'ids[2] must be a non-empty string',
      'ids[3] must be unique (duplicate "1")',
      'each value in reveal must be one of the following values: emails, phones',
      'waterfallEnabled must be a boolean value',
    ]);
    const more = [
      { ids: [] },
      { ids: ['1'], reveal: [] },
      { ids: ['1'], reveal: ['emails', 'emails'] },
      { ids: Array.from({ length: 101 }, (_, i) => String(i)) },
      { ids: ['1'], tableId: 5 },
    ];
    const errors = [];
    for (const b of more) errors.push((await paid('/v3/contacts/enrich', b)).json.errors);
    expect(errors).toEqual([
      ['ids must contain between 1 and 100 items'],
      ['reveal must be a non-empty array'],
      ["All reveal's elements must be unique"],
      ['ids must contain between 1 and 100 items'],
      ['tableId must be a non-empty string'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('POST /v3/contacts/search-and-enrich', () => {
  test('finds and reveals in one call: api_search per 25 results plus each field revealed', async () => {
    const [a, b] = withBoth();
    if (!a || !b) throw new Error('people');
    const r = await paid('/v3/contacts/search-and-enrich', {
      contacts: [
        { clientReferenceId: 'a', email: first(a.emails, 'email').email },
        { clientReferenceId: 'b', linkedinUrl: b.linkedinUrl ?? undefined, id: String(b.personId) },
        { clientReferenceId: 'gone', id: '7' },
      ],
      reveal: ['emails', 'phones'],
    });
    expectBilled(r, 1 + 6 + 6, 2);
    expect(r.json.results[0]).toMatchObject({ clientReferenceId: 'a', id: String(a.personId), fullName: a.fullName });
    expect(Object.keys(r.json.results[0])[0]).toBe('clientReferenceId');
    expect(r.json.results[0].emails).toHaveLength(a.emails.length);
    expect(r.json.results[1]).toMatchObject({ clientReferenceId: 'b', id: String(b.personId) });
    expect(r.json.results[2]).toEqual({
      clientReferenceId: 'gone',
      error: { code: 'NOT_FOUND', message: 'Contact not found' },
    });
    // Again: the search is paid again, the reveals are not.
    expectBilled(
      await paid('/v3/contacts/search-and-enrich', {
        contacts: [{ id: String(a.personId) }, { id: String(b.personId) }],
      }),
      1,
      2,
    );
  });

  test('the same person twice in one request is revealed (and charged) once', async () => {
    const a = first(withBoth(), 'person');
    const r = await paid('/v3/contacts/search-and-enrich', {
      contacts: [{ id: String(a.personId) }, { email: first(a.emails, 'email').email }],
      reveal: ['phones'],
    });
    expectBilled(r, 1 + 5, 2);
    expect(r.json.results[1].phones).toHaveLength(a.phones.length);
  });

  test('none of the requested kinds: NOT_FOUND, or with includePartialProfiles only the search is paid', async () => {
    const noPhone = sb.data.samples.personWithoutPhone;
    const off = await paid('/v3/contacts/search-and-enrich', {
      contacts: [{ id: String(noPhone.personId) }],
      reveal: ['phones'],
    });
    expectBilled(off, 0, 0);
    expect(off.json.results[0].error.code).toBe('NOT_FOUND');
    const on = await paid('/v3/contacts/search-and-enrich', {
      contacts: [{ id: String(noPhone.personId) }],
      reveal: ['phones'],
      options: { includePartialProfiles: true },
    });
    expectBilled(on, 1, 1);
    expect(on.json.results[0].phones).toEqual([]);
  });

  test('400 names each problem (no signals here: not in the request schema)', async () => {
    const r = await paid('/v3/contacts/search-and-enrich', {
      contacts: [{ companyName: 'x' }],
      reveal: 'emails',
      signals: { types: ['promotion'] },
    });
    expect(r.status).toBe(400);
    expect(r.json.errors).toEqual([
      'property signals should not exist',
      'contacts[0] must include id, linkedinUrl, email, or firstName and lastName with companyName or companyDomain',
      'reveal must be a non-empty array',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------

const PREMIUM = [
  'employeesByDepartment',
  'employeesByLocation',
  'employeesBySeniority',
  'competitors',
  'intent',
  'estimatedAnnualItSpend',
  'monthlyWebsiteTraffic',
];

function companyWith(pred: (c: SandboxCompany) => boolean): SandboxCompany {
  return first(sb.data.companies.filter(pred), 'company');
}

describe('POST /v3/companies/search', () => {
  test('previews by id, domain (URL forms) and name, with has and canReveal; NOT_FOUND items', async () => {
    const c = companyWith((x) => x.intentTopics.length > 0 && x.location.state !== null);
    const r = await paid('/v3/companies/search', {
      companies: [
        { clientReferenceId: 'id', id: String(c.id) },
        { clientReferenceId: 'domain', domain: `HTTPS://www.${c.domain.toUpperCase()}/about` },
        { clientReferenceId: 'name', name: ` ${c.name.toUpperCase()} ` },
        { clientReferenceId: 'none', domain: 'no-such-company.example' },
      ],
      options: { includePartialProfiles: true },
    });
    expectBilled(r, 1, 3);
    const [byId, byDomain, byName, none] = r.json.results;
    expect(byId).toMatchObject({
      ...companyPreviewOf(c),
      clientReferenceId: 'id',
      id: String(c.id),
      location: {
        city: c.location.city,
        state: c.location.state,
        stateCode: c.location.stateCode,
        country: c.location.country,
        countryIso2: c.location.countryIso2,
        continent: c.location.continent,
      },
    });
    expect(byId.has).toEqual(
      expect.arrayContaining(['description', 'sicCodes', 'naicsCodes', 'intent', 'competitors', 'keywords']),
    );
    expect(byId.canReveal).toContainEqual({ field: 'intent', credits: 1 });
    expect(byId.canReveal.map((x: { field: string }) => x.field).every((f: string) => PREMIUM.includes(f))).toBe(true);
    expect({ ...byDomain, clientReferenceId: 'id' }).toEqual(byId);
    expect({ ...byName, clientReferenceId: 'id' }).toEqual(byId);
    expect(none).toEqual({ clientReferenceId: 'none', error: { code: 'NOT_FOUND', message: 'Company not found' } });
  });

  test('signals filter keeps companies with a matching signal in the window', async () => {
    const news = sb.data.samples.companyWithRecentNews;
    const type = first(
      sb.data.companySignals(news.id).filter((s) => s.type.endsWith('News') && s.date >= '2024-12-15'),
      'news',
    ).type;
    const quiet = sb.data.samples.companyWithOnlyOldSignals;
    const r = await paid('/v3/companies/search', {
      companies: [{ id: String(news.id) }, { id: String(quiet.id) }],
      signals: { types: [type, 'linkedinActivityIntent'] },
    });
    expectBilled(r, 1, 1);
    expect(r.json.results[0].signalTypes).toEqual([type]);
    expect(r.json.results[1].error).toEqual({
      code: 'NOT_FOUND',
      message: 'No signals of the requested types for this company',
    });
    const denied = await paid(
      '/v3/companies/search',
      { companies: [{ id: String(news.id) }], signals: { types: ['allSignals'] } },
      NO_SIGNALS,
    );
    expect(denied.status).toBe(403);
    expect(denied.spent).toBe(0);
  });

  test('400 names each problem', async () => {
    const r = await paid('/v3/companies/search', {
      companies: [{ clientReferenceId: 'a' }, { id: 30000954 }, { fqdn: 'x.com' }],
      signals: { types: [] },
      options: 'all',
    });
    expect(r.status).toBe(400);
    expect(r.json.errors).toEqual([
      'companies[0] must include at least one of id, name or domain',
      'companies[1].id must be a string',
      'companies[1] must include at least one of id, name or domain',
      'property companies[2].fqdn should not exist',
      'companies[2] must include at least one of id, name or domain',
      'options must be an object',
      'signals.types should not be empty',
    ]);
  });
});

describe('POST /v3/companies/enrich', () => {
  test('firmographics for reveal_company (1 per company); premium fields only when asked, 1 each', async () => {
    const c = companyWith((x) => x.intentTopics.length > 0 && x.funding !== null && x.companyLocations.length > 1);
    const base = await paid('/v3/companies/enrich', { ids: [String(c.id), '99'] });
    expectBilled(base, 1, 1);
    const [hit, miss] = base.json.results;
    expect(miss).toEqual({ id: '99', error: { code: 'NOT_FOUND', message: 'Company not found' } });
    expect(hit).toMatchObject({
      id: String(c.id),
      name: c.name,
      alternativeName: c.alternativeName,
      domain: c.fqdn,
      alternativeDomains: [c.domain],
      description: c.description,
      yearFounded: c.founded,
      employeeCount: { exact: c.employeesInLinkedin, min: c.size.min, max: c.size.max },
      industry: c.mainIndustry,
      subIndustry: c.subIndustry,
      sicCodes: c.sic.map((s) => ({ code: Number(s.code), description: s.label })),
      naicsCodes: c.naics.map((n) => ({ code: Number(n.code), description: n.label })),
      location: { city: c.location.city, country: c.location.country, zipCode: c.location.postalCode },
      linkedinFollowers: c.linkedinFollowers,
      technologies: c.technologies,
      popularityTier: c.popularityTier,
      logoUrl: c.logoUrl,
      funding: expect.objectContaining({ totalRounds: c.funding?.rounds.length }),
      businessModel: expect.any(Array),
      keywords: expect.any(Array),
    });
    expect(hit.additionalLocations).toHaveLength(c.companyLocations.length - 1);
    expect(['Private Company', 'Public Company']).toContain(hit.companyType);
    for (const f of PREMIUM) expect(hit).not.toHaveProperty(f);

    const rich = await paid('/v3/companies/enrich', { ids: [String(c.id)], reveal: PREMIUM });
    const shown = PREMIUM.filter((f) => f in rich.json.results[0]);
    expect(shown).toEqual(
      expect.arrayContaining(['employeesByDepartment', 'employeesByLocation', 'employeesBySeniority', 'intent']),
    );
    expectBilled(rich, 1 + shown.length, 1);
    const r0 = rich.json.results[0];
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    expect(sum(r0.employeesByDepartment)).toBe(c.employeesInLinkedin);
    expect(sum(r0.employeesBySeniority)).toBe(c.employeesInLinkedin);
    expect(sum(r0.employeesByLocation.filter((l: { state: string | null }) => l.state === null))).toBe(
      c.employeesInLinkedin,
    );
    expect(r0.intent.detectedTopics).toHaveLength(c.intentTopics.length);
    if (r0.competitors) {
      for (const k of r0.competitors) expect(sb.data.company(Number(k.id))?.domain).toBe(k.domain);
    }
    expect(sb.reveals.company(DEMO_KEY, c.id)).toEqual(shown);

    // Again: the company is paid again (reveal_company per result), the premium fields are not; they come back.
    const again = await paid('/v3/companies/enrich', { ids: [String(c.id)], reveal: ['intent'] });
    expectBilled(again, 1, 1);
    expect(PREMIUM.filter((f) => f in again.json.results[0])).toEqual(shown);
    const s = await paid('/v3/companies/search', { companies: [{ id: String(c.id) }] });
    expect(s.json.results[0].canReveal.every((x: { credits: number }) => x.credits === 0)).toBe(true);
  });

  test('a premium field the company has no data for is neither shown nor charged; reveal [] = none', async () => {
    const c = companyWith((x) => x.intentTopics.length === 0);
    const r = await paid('/v3/companies/enrich', { ids: [String(c.id)], reveal: ['intent'] });
    expectBilled(r, 1, 1);
    expect(r.json.results[0]).not.toHaveProperty('intent');
    const s = await paid('/v3/companies/search', { companies: [{ id: String(c.id) }] });
    expect(s.json.results[0].canReveal.map((x: { field: string }) => x.field)).not.toContain('intent');
    expectBilled(await paid('/v3/companies/enrich', { ids: [String(c.id)], reveal: [] }), 1, 1);
  });

  test('refused whole when the balance cannot pay; 400 names each problem', async () => {
    const list = sb.data.companies.slice(0, 3).map((c) => String(c.id));
    sb.credits.set(POOR, 5);
    try {
      const r = await paid('/v3/companies/enrich', { ids: list, reveal: ['employeesByDepartment'] }, POOR);
      expect(r.status).toBe(402);
      expect(r.spent).toBe(0);
      expect(sb.reveals.company(POOR, Number(list[0]))).toEqual([]);
    } finally {
      sb.credits.set(POOR, 100);
    }
    const bad = await paid('/v3/companies/enrich', { ids: ['1', '1'], reveal: ['emails'], tableId: '' });
    expect(bad.json.errors).toEqual([
      'ids[1] must be unique (duplicate "1")',
      'each value in reveal must be one of the following values: ' + PREMIUM.join(', '),
      'tableId must be a non-empty string',
    ]);
    expect((await paid('/v3/companies/enrich', { ids: ['1'], tableId: '583021' })).status).toBe(404);
  });
});

describe('POST /v3/companies/search-and-enrich', () => {
  test('api_search plus reveal_company per result; premium fields already revealed come back free', async () => {
    const c = companyWith((x) => x.intentTopics.length > 0);
    const d = sb.data.companies.find((x) => x.id !== c.id);
    if (!d) throw new Error('companies');
    const r = await paid('/v3/companies/search-and-enrich', {
      companies: [
        { clientReferenceId: 'c', domain: c.domain },
        { clientReferenceId: 'd', name: d.name },
        { clientReferenceId: 'x', id: '3' },
      ],
      options: { includePartialProfiles: true },
    });
    expectBilled(r, 1 + 2, 2);
    expect(r.json.results[0]).toMatchObject({ clientReferenceId: 'c', id: String(c.id), name: c.name });
    expect(r.json.results[0]).not.toHaveProperty('intent');
    expect(r.json.results[2]).toEqual({
      clientReferenceId: 'x',
      error: { code: 'NOT_FOUND', message: 'Company not found' },
    });

    await paid('/v3/companies/enrich', { ids: [String(c.id)], reveal: ['intent'] });
    const later = await paid('/v3/companies/search-and-enrich', { companies: [{ id: String(c.id) }] });
    expectBilled(later, 2, 1);
    expect(later.json.results[0].intent.topicCount).toBe(c.intentTopics.length);
    const bad = await paid('/v3/companies/search-and-enrich', {
      companies: [{ id: String(c.id) }],
      reveal: ['intent'],
    });
    expect(bad.json.errors).toEqual(['property reveal should not exist']);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('deterministic data and paid work that loses its answer', () => {
  test('the same seed and the same calls give the same answers (ids, insights, request ids)', async () => {
    const other = await boot();
    try {
      const c = sb.data.companies[5];
      if (!c) throw new Error('companies');
      const body = { ids: [String(c.id)], reveal: PREMIUM };
      const a = await post(other, '/v3/companies/enrich', body);
      const fresh = await boot();
      try {
        const b = await post(fresh, '/v3/companies/enrich', body);
        expect(b.json).toEqual(a.json);
      } finally {
        await fresh.stop();
      }
      const r = await post(sb, '/v3/companies/enrich', body);
      expect(r.json.results).toEqual(a.json.results);
    } finally {
      await other.stop();
    }
  });

  test('chargeThenDrop on an enrich: charged, answer lost; retrying the same enrich is free', async () => {
    const p = first(withBoth(), 'person');
    sb.faults.add({ route: '/v3/contacts/enrich', kind: 'chargeThenDrop', times: 1 });
    const before = sb.credits.usage(DEMO_KEY).used;
    const init = { method: 'POST', headers: { api_key: DEMO_KEY, 'content-type': 'application/json' } };
    const body = JSON.stringify({ ids: [String(p.personId)] });
    await expect(fetch(`${sb.url}/v3/contacts/enrich`, { ...init, body })).rejects.toThrow();
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(6);
    const entries = sb.log.entries();
    expect(entries[entries.length - 1]).toMatchObject({
      path: '/v3/contacts/enrich',
      status: 0,
      creditsCharged: 6,
      fault: 'chargeThenDrop',
    });
    const retry = await paid('/v3/contacts/enrich', { ids: [String(p.personId)] });
    expectBilled(retry, 0, 1);
    expect(retry.json.results[0].emails).toHaveLength(p.emails.length);
  });

  test('chargeThenStatus on a search-and-enrich: 504 after charging; the retry pays only the search', async () => {
    const p = first(withBoth(), 'person');
    sb.faults.add({ route: { prefix: '/v3/' }, kind: 'chargeThenStatus', times: 1 });
    const first504 = await paid('/v3/contacts/search-and-enrich', { contacts: [{ id: String(p.personId) }] });
    expectError(first504, 504, { message: 'Gateway Timeout' });
    expect(first504.spent).toBe(7);
    expectBilled(await paid('/v3/contacts/search-and-enrich', { contacts: [{ id: String(p.personId) }] }), 1, 1);
  });
});

describe('V3 key-config fields', () => {
  test('v3Access, planCategory and pricing are checked when the sandbox starts', async () => {
    const base = { key: 'k', plan: 'unified' as const, credits: 1, signals: true };
    await expect(boot({ keys: [{ ...base, v3Access: 'yes' as unknown as boolean }] })).rejects.toThrow(/v3Access/);
    await expect(boot({ keys: [{ ...base, planCategory: '' }] })).rejects.toThrow(/planCategory/);
    await expect(boot({ keys: [{ ...base, pricing: { revealFax: { credits: 1, perQuantity: 1 } } }] })).rejects.toThrow(
      /not a V3 action/,
    );
    await expect(
      boot({ keys: [{ ...base, pricing: { revealEmail: { credits: 1, perQuantity: 0 } } }] }),
    ).rejects.toThrow(/perQuantity/);
  });
});
