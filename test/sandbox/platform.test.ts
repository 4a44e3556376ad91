import { startSandbox, type Sandbox } from '../../sandbox';
import { boot, call, DEMO_KEY, expectError, get, NOW, post, withSandbox } from './helpers';

describe('auth and routing', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await boot();
  });
  afterAll(() => sb.stop());

  test('raw api_key header only: missing, unknown and Bearer keys are 401', async () => {
    const expected = { statusCode: 401, message: 'Invalid API key' };
    for (const key of [null, 'wrong-key', `Bearer ${DEMO_KEY}`]) {
      const r = await get(sb, '/account/usage', undefined, { key });
      expect(r.status).toBe(401);
      expect(r.json).toEqual(expected);
    }
    const auth = await call(sb, 'GET', '/account/usage', {
      key: null,
      headers: { authorization: `Bearer ${DEMO_KEY}` },
    });
    expect(auth.status).toBe(401);
    expect((await get(sb, '/account/usage')).status).toBe(200);
  });

  test('unknown routes and wrong methods are 404', async () => {
    expect((await get(sb, '/v2/people')).status).toBe(404);
    expect((await post(sb, '/account/usage', {})).status).toBe(404);
    expect((await get(sb, '/signals/contacts')).status).toBe(404);
  });

  test('invalid JSON bodies are 400', async () => {
    const r = await call(sb, 'POST', '/v2/person', { rawBody: '{"contacts": [' });
    expect(r.status).toBe(400);
  });

  test('the log records method, path, query, body, key suffix, status and credits', async () => {
    sb.log.reset();
    const p = sb.data.samples.personWithEmailAndPhone;
    await get(sb, '/v2/person', { personId: String(p.personId) });
    await post(
      sb,
      '/v2/person',
      { contacts: [{ contactId: 'a', email: 'ghost@nowhere.example' }] },
      { key: 'unknown-abcd' },
    );
    const [e1, e2] = sb.log.entries();
    expect(e1).toMatchObject({
      method: 'GET',
      path: '/v2/person',
      query: { personId: String(p.personId) },
      body: null,
      keySuffix: '-key',
      status: 200,
      creditsCharged: 1,
      fault: null,
    });
    expect(e1?.durationMs).toEqual(expect.any(Number));
    expect(Number.isNaN(Date.parse(e1?.at ?? ''))).toBe(false);
    expect(e2).toMatchObject({
      method: 'POST',
      keySuffix: 'abcd',
      status: 401,
      creditsCharged: 0,
      body: { contacts: [{ contactId: 'a', email: 'ghost@nowhere.example' }] },
    });
    sb.log.reset();
    expect(sb.log.entries()).toEqual([]);
  });
});

describe('credits and /account/usage', () => {
  test('usage reports the ledger; 402 when credits run out; a bulk call beyond the balance is refused whole', async () => {
    const key = 'small-budget-01';
    await withSandbox({ keys: [{ key, plan: 'unified', credits: 3, signals: true }] }, async (sb) => {
      const a = sb.data.samples.personWithEmailAndPhone;
      const b = sb.data.samples.personWithoutPhone;
      const usage0 = await get(sb, '/account/usage', undefined, { key });
      expect(usage0.json).toEqual({ usage: { credits: { used: 0, total: 3, remaining: 3 } } });
      await get(sb, '/v2/person', { personId: String(a.personId) }, { key });
      const usage1 = await get(sb, '/account/usage', undefined, { key });
      expect(usage1.json.usage.credits).toEqual({ used: 1, total: 3, remaining: 2 });
      // 3 matches cost 3 > 2 remaining: refused whole, nothing charged
      const bulk = await post(
        sb,
        '/v2/person',
        {
          contacts: [a, b, sb.data.samples.euPerson].map((p, i) => ({
            contactId: String(i),
            personId: String(p.personId),
          })),
        },
        { key },
      );
      expectError(bulk, 402, { message: 'Your account requires payment' });
      expect(sb.credits.usage(key)).toEqual({ used: 1, total: 3, remaining: 2 });
      sb.credits.set(key, 0);
      expect(sb.credits.usage(key)).toEqual({ used: 3, total: 3, remaining: 0 });
      expect((await get(sb, '/v2/person', { personId: String(a.personId) }, { key })).status).toBe(402);
      expect((await get(sb, '/v2/company', { domain: 'no-such-company.example' }, { key })).status).toBe(402);
      // free endpoints keep working
      expect((await post(sb, '/prospecting/contact/search', { filters: {} }, { key })).status).toBe(200);
      expect((await get(sb, '/prospecting/filters/contacts/departments', undefined, { key })).status).toBe(200);
      sb.credits.set(key, 50);
      expect(sb.credits.usage(key)).toEqual({ used: 3, total: 53, remaining: 50 });
      expect((await get(sb, '/v2/person', { personId: String(a.personId) }, { key })).status).toBe(200);
    });
  });
});

describe('rate limits and quotas', () => {
  test('25 requests/second per endpoint per key; the 26th is 429 with Retry-After; other endpoints unaffected', async () => {
    await withSandbox({}, async (sb) => {
      const path = '/prospecting/filters/contacts/departments';
      const rs = await Promise.all(Array.from({ length: 26 }, () => get(sb, path)));
      const limited = rs.filter((r) => r.status === 429);
      expect(rs.filter((r) => r.status === 200)).toHaveLength(25);
      expect(limited).toHaveLength(1);
      const r429 = limited[0];
      expect(r429?.json).toEqual({
        statusCode: 429,
        message: 'Too many requests. Please wait before making another request.',
      });
      expect(Number(r429?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(r429?.headers.get('ratelimit-limit')).toBe('25');
      expect(r429?.headers.get('ratelimit-remaining')).toBe('0');
      expect(r429?.headers.get('ratelimit-reset')).toEqual(expect.stringMatching(/^\d+$/));
      expect((await get(sb, '/prospecting/filters/contacts/seniority')).status).toBe(200);
      expect((await get(sb, path, undefined, { key: null })).status).toBe(401);
    });
  });

  test('the window slides: requests pass again after a second', async () => {
    await withSandbox({ rateLimitPerSecond: 3 }, async (sb) => {
      const path = '/prospecting/filters/companies/sizes';
      const burst = await Promise.all(Array.from({ length: 4 }, () => get(sb, path)));
      expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 429]);
      await new Promise((r) => setTimeout(r, 1050));
      expect((await get(sb, path)).status).toBe(200);
    });
  });

  test('GET /account/usage: 5 per minute', async () => {
    await withSandbox({}, async (sb) => {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 6; i++) {
        last = await get(sb, '/account/usage');
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const retry = Number(last?.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(1);
      expect(retry).toBeLessThanOrEqual(60);
      expect(last?.headers.get('ratelimit-limit')).toBe('5');
    });
  });

  test('quota headers on every response; a daily quota answers 429 until the daily reset', async () => {
    const key = 'quota-key-0009';
    await withSandbox({ keys: [{ key, plan: 'unified', credits: 100, signals: true, dailyQuota: 3 }] }, async (sb) => {
      const path = '/prospecting/filters/contacts/seniority';
      const r1 = await get(sb, path, undefined, { key });
      expect(r1.headers.get('x-rate-limit-daily')).toBe('3');
      expect(r1.headers.get('x-daily-usage')).toBe('1');
      expect(r1.headers.get('x-daily-requests-left')).toBe('2');
      for (const h of [
        'x-rate-limit-hourly',
        'x-hourly-requests-left',
        'x-hourly-usage',
        'x-rate-limit-minute',
        'x-minute-requests-left',
        'x-minute-usage',
      ]) {
        expect(r1.headers.get(h)).toEqual(expect.stringMatching(/^\d+$/));
      }
      await get(sb, path, undefined, { key });
      const r3 = await get(sb, '/v2/company', { domain: 'no-such-company.example' }, { key });
      expect(r3.status).toBe(404);
      expect(r3.headers.get('x-daily-requests-left')).toBe('0');
      const r4 = await get(sb, path, undefined, { key });
      expectError(r4, 429, { message: 'Daily API quota limit exceeded. Limit 3 calls per day' });
      const msToMidnight = 86_400_000 - (Date.now() % 86_400_000);
      expect(Math.abs(Number(r4.headers.get('retry-after')) - msToMidnight / 1000)).toBeLessThan(5);
      expect(r4.headers.get('x-ratelimit-remaining-daily')).toBe('0');
      expect(Number(r4.headers.get('x-ratelimit-reset-daily'))).toBeGreaterThan(Date.now() / 1000);
    });
  });
});

describe('determinism and startup', () => {
  test('same seed and now give identical data; another seed gives different data', async () => {
    const a = await boot({ seed: 7 });
    const b = await boot({ seed: 7 });
    const c = await boot({ seed: 8 });
    try {
      expect(b.data.people).toEqual(a.data.people);
      expect(b.data.companies).toEqual(a.data.companies);
      expect(c.data.people).not.toEqual(a.data.people);
      const body = { pages: { page: 0, size: 10 }, filters: { contacts: { include: { departments: ['Sales'] } } } };
      const ra = await post(a, '/prospecting/contact/search', body);
      const rb = await post(b, '/prospecting/contact/search', body);
      expect(rb.json).toEqual(ra.json);
      const cid = a.data.companies[5]?.id ?? 0;
      const sa = await post(a, '/api/signals/companies', {
        companyIds: [cid],
        signals: ['allSignals'],
        startDate: '2024-06-01',
      });
      const sbb = await post(b, '/api/signals/companies', {
        companyIds: [cid],
        signals: ['allSignals'],
        startDate: '2024-06-01',
      });
      expect(sbb.json).toEqual(sa.json);
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop()]);
    }
  });

  test('dataset size and variety', async () => {
    await withSandbox({}, async (sb) => {
      const { people, companies } = sb.data;
      expect(people.length).toBeGreaterThanOrEqual(1000);
      expect(companies.length).toBeGreaterThanOrEqual(200);
      expect(new Set(people.map((p) => p.personId)).size).toBe(people.length);
      expect(people.every((p) => Number.isInteger(p.personId) && Number.isInteger(p.companyId))).toBe(true);
      expect(people.some((p) => p.location.isEu)).toBe(true);
      expect(people.some((p) => p.emails.length === 0)).toBe(true);
      expect(people.some((p) => p.phones.length === 0)).toBe(true);
      expect(new Set(people.flatMap((p) => p.emails.map((e) => e.emailConfidence))).size).toBeGreaterThan(2);
      expect(new Set(people.flatMap((p) => p.phones.map((ph) => ph.phoneType)))).toEqual(
        new Set(['mobile', 'direct', 'phone']),
      );
      expect(companies.some((c) => c.funding !== null)).toBe(true);
      expect(new Set(companies.map((c) => c.mainIndustry)).size).toBeGreaterThan(8);
    });
  });

  test('starts well within a generous bound and stop() closes everything', async () => {
    const t0 = performance.now();
    const sb = await startSandbox({ now: NOW });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`);
    await sb.stop();
    await expect(fetch(`${sb.url}/account/usage`)).rejects.toThrow();
  });
});
