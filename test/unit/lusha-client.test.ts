/**
 * The Lusha client outside Zapier: the undici transport, V3 request bodies and answers, query
 * strings, the rate limiter, and the helpers that read Lusha's headers.
 */
import { MockAgent } from 'undici';
import { LushaClient, toQueryString } from '../../src/lusha/client';
import { quotaExhaustion, retryAfterSeconds } from '../../src/lusha/errors';
import { isLushaUrl, lushaBaseUrl, normalizeApiKey } from '../../src/lusha/config';
import {
  LushaAuthError,
  LushaNotFoundError,
  LushaResponseError,
  LushaTimeoutError,
  LushaValidationError,
} from '../../src/lusha/errors';
import { RateLimiter } from '../../src/lusha/rate-limiter';
import { UndiciTransport } from '../../src/lusha/undici-transport';
import { CONNECTOR_VERSION, USER_AGENT } from '../../src/version';
import packageJson from '../../package.json';

const KEY = 'undici-key-0c7e1d2b';

function mockedClient(options: { requestTimeoutMs?: number } = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get('https://api.lusha.com');
  const client = new LushaClient({
    transport: new UndiciTransport({
      baseUrl: 'https://api.lusha.com',
      apiKey: KEY,
      userAgent: USER_AGENT,
      dispatcher: agent,
    }),
    secrets: [KEY],
    retryDelayMs: 5,
    ...options,
  });
  return { agent, pool, client };
}

describe('UndiciTransport', () => {
  it('sends the raw key, the User-Agent and a JSON body, and parses the typed result', async () => {
    const { pool, client } = mockedClient();
    let seen: { headers: Record<string, string>; body: unknown } | undefined;
    pool.intercept({ path: '/v3/contacts/search-and-enrich', method: 'POST' }).reply(200, (options) => {
      seen = { headers: options.headers as Record<string, string>, body: JSON.parse(String(options.body)) };
      return {
        requestId: '211ee5da-3c0d-4621-9fa5-140e393a3ced',
        results: [
          { clientReferenceId: 'row1', id: 42, firstName: 'Ada', emails: [{ email: 'ada@example.com', type: 'work' }] },
        ],
        billing: { creditsCharged: 2, resultsReturned: 1 },
      };
    });

    const body = { contacts: [{ clientReferenceId: 'row1', email: 'ada@example.com' }], reveal: ['emails' as const] };
    const result = await client.searchAndEnrichContacts(body);

    expect(seen?.headers).toMatchObject({ api_key: KEY, 'user-agent': USER_AGENT, 'content-type': 'application/json' });
    expect(seen?.body).toEqual(body);
    expect(result.results[0]).toMatchObject({ clientReferenceId: 'row1', id: '42', firstName: 'Ada' });
    expect(result.results[0]?.emails?.[0]).toMatchObject({ email: 'ada@example.com', type: 'work' });
    expect(result.billing).toEqual({ creditsCharged: 2, resultsReturned: 1 });
    expect(client.requestCount).toBe(1);
  });

  it('reads a company search-and-enrich, a miss as a result with its error', async () => {
    const { pool, client } = mockedClient();
    pool.intercept({ path: '/v3/companies/search-and-enrich', method: 'POST' }).reply(200, {
      requestId: '21fe0733-65d6-436a-8d0c-2c9ac6f263f8',
      results: [
        { clientReferenceId: '1', id: '16303253', name: 'Lusha', yearFounded: 2016, sicCodes: [{ code: 7371 }] },
        { clientReferenceId: '2', error: { code: 'NOT_FOUND', message: 'Company not found' } },
      ],
      billing: { creditsCharged: 2, resultsReturned: 1 },
    });
    const result = await client.searchAndEnrichCompanies({
      companies: [
        { clientReferenceId: '1', name: 'Lusha' },
        { clientReferenceId: '2', domain: 'nowhere.example' },
      ],
    });
    expect(result.results[0]).toMatchObject({ id: '16303253', yearFounded: '2016', sicCodes: [{ code: '7371' }] });
    expect(result.results[1]?.error).toEqual({ code: 'NOT_FOUND', message: 'Company not found' });
    expect(result.billing?.creditsCharged).toBe(2);
  });

  it("posts a contact signals request and keeps each contact's signals under their type", async () => {
    const { pool, client } = mockedClient();
    let sent: unknown;
    pool.intercept({ path: '/v3/contacts/signals', method: 'POST' }).reply(200, (options) => {
      sent = JSON.parse(String(options.body));
      return {
        results: [{ id: '115889', companyChange: [{ id: '115889', signalDate: '2025-02-01' }], promotion: [] }],
        startDate: '2025-01-01',
        endDate: '2025-03-01',
        billing: { creditsCharged: 1, resultsReturned: 1 },
      };
    });
    const result = await client.getContactSignalsById({
      ids: ['115889'],
      signalTypes: ['companyChange'],
      startDate: '2025-01-01',
    });
    expect(sent).toEqual({ ids: ['115889'], signalTypes: ['companyChange'], startDate: '2025-01-01' });
    expect(result.results[0]).toEqual({
      id: '115889',
      companyChange: [{ id: '115889', signalDate: '2025-02-01' }],
      promotion: [],
    });
    expect(result.billing?.creditsCharged).toBe(1);
  });

  it('reads the account usage: credits, and the plan when Lusha names it', async () => {
    const { pool, client } = mockedClient();
    pool.intercept({ path: '/v3/account/usage', method: 'GET' }).reply(200, {
      credits: { total: 10000, used: 1500, remaining: 8500 },
      plan: { category: 'professional', renewalType: 'annual' },
      pricing: { revealEmail: { credits: 1, perQuantity: 1 } },
    });
    const usage = await client.getAccountUsage();
    expect(usage.credits).toEqual({ total: 10000, used: 1500, remaining: 8500 });
    expect(usage.plan?.category).toBe('professional');
  });

  it('reports an answer without its promised container as unreadable, naming the endpoint', async () => {
    const { pool, client } = mockedClient();
    pool
      .intercept({ path: '/v3/contacts/search-and-enrich', method: 'POST' })
      .reply(200, { requestId: 'r1', billing: { creditsCharged: 0 } });
    const error = await client
      .searchAndEnrichContacts({ contacts: [{ clientReferenceId: '1', email: 'ada@example.com' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LushaResponseError);
    expect((error as Error).message).toMatch(
      /^Lusha answered POST \/v3\/contacts\/search-and-enrich in an unexpected shape at "results"/,
    );
  });

  it('reports statuses as typed errors with the key redacted', async () => {
    const { pool, client } = mockedClient();
    pool.intercept({ path: '/v3/account/usage', method: 'GET' }).reply(401, { statusCode: 401, message: `bad ${KEY}` });
    const error = await client.getAccountUsage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LushaAuthError);
    expect((error as Error).message).toBe(
      'Lusha rejected the API key (GET /v3/account/usage, HTTP 401): bad [redacted]',
    );
  });

  it("reads V3's error body, with its list of errors", async () => {
    const { pool, client } = mockedClient();
    pool.intercept({ path: '/v3/contacts/search-and-enrich', method: 'POST' }).reply(400, {
      statusCode: 400,
      message: 'Validation failed',
      errors: ['contacts must contain at least 1 elements'],
    });
    const error = await client.searchAndEnrichContacts({ contacts: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LushaValidationError);
    expect((error as Error).message).toBe(
      'Lusha rejected the request (POST /v3/contacts/search-and-enrich, HTTP 400): Validation failed; contacts ' +
        'must contain at least 1 elements',
    );
  });

  it('keeps 404 distinguishable (V3 answers a miss inside the results, so a 404 is its own error)', async () => {
    const { pool, client } = mockedClient();
    pool
      .intercept({ path: '/v3/companies/search-and-enrich', method: 'POST' })
      .reply(404, { statusCode: 404, message: 'Resource not found' });
    await expect(
      client.searchAndEnrichCompanies({ companies: [{ clientReferenceId: '1', domain: 'nowhere.example' }] }),
    ).rejects.toBeInstanceOf(LushaNotFoundError);
  });

  it('times out a stalled response', async () => {
    const { pool, client } = mockedClient({ requestTimeoutMs: 700 });
    pool.intercept({ path: '/v3/account/usage', method: 'GET' }).reply(200, { credits: {} }).delay(3_000);
    await expect(client.getAccountUsage()).rejects.toBeInstanceOf(LushaTimeoutError);
  });
});

describe('query strings', () => {
  it('repeats array keys, drops empty values and encodes the rest', () => {
    expect(
      toQueryString({
        email: 'a+b@x.com',
        signals: ['promotion', 'companyChange'],
        revealEmails: true,
        personId: undefined,
        firstName: '',
      }),
    ).toBe('?email=a%2Bb%40x.com&signals=promotion&signals=companyChange&revealEmails=true');
    expect(toQueryString({})).toBe('');
  });
});

describe('rate-limit headers', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('reads Retry-After seconds, Retry-After dates and RateLimit-Reset', () => {
    expect(retryAfterSeconds({ 'retry-after': '12' }, now)).toBe(12);
    expect(retryAfterSeconds({ 'retry-after': new Date(now + 45_000).toUTCString() }, now)).toBe(45);
    expect(retryAfterSeconds({ 'ratelimit-reset': '4' }, now)).toBe(4);
    expect(retryAfterSeconds({}, now)).toBeUndefined();
    expect(retryAfterSeconds({ 'retry-after': 'soon' }, now)).toBeUndefined();
  });

  it('recognises an exhausted daily or hourly quota and when it resets', () => {
    expect(quotaExhaustion({ 'x-daily-requests-left': '5' }, now)).toBeUndefined();
    expect(quotaExhaustion({ 'x-daily-requests-left': '0', 'x-ratelimit-reset-daily': '600' }, now)).toEqual({
      period: 'daily',
      resetSeconds: 600,
    });
    expect(
      quotaExhaustion({ 'x-ratelimit-remaining-daily': '0', 'x-ratelimit-reset-daily': String(now / 1000 + 90) }, now),
    ).toEqual({ period: 'daily', resetSeconds: 90 });
    expect(quotaExhaustion({ 'x-daily-requests-left': '0' }, now)).toEqual({
      period: 'daily',
      resetSeconds: 12 * 3600,
    });
    expect(quotaExhaustion({ 'x-hourly-requests-left': '0' }, now)).toEqual({ period: 'hourly', resetSeconds: 3600 });
  });
});

describe('RateLimiter', () => {
  it('lets at most `limit` requests start in any window', async () => {
    let clock = 0;
    const sleeps: number[] = [];
    const limiter = new RateLimiter(
      3,
      1000,
      () => clock,
      async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    );
    const starts: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      await limiter.take();
      starts.push(clock);
    }
    expect(starts).toEqual([0, 0, 0, 1001, 1001, 1001, 2002]);
    for (let i = 3; i < starts.length; i += 1)
      expect((starts[i] as number) - (starts[i - 3] as number)).toBeGreaterThan(1000);
  });
});

describe('configuration', () => {
  it('targets the real API unless LUSHA_BASE_URL says otherwise', () => {
    expect(lushaBaseUrl({})).toBe('https://api.lusha.com');
    expect(lushaBaseUrl({ LUSHA_BASE_URL: 'http://127.0.0.1:4010/' })).toBe('http://127.0.0.1:4010');
    expect(() => lushaBaseUrl({ LUSHA_BASE_URL: 'ftp://x' })).toThrow(/http\(s\)/);
    expect(isLushaUrl('https://api.lusha.com/v3/contacts/search-and-enrich?x=1', {})).toBe(true);
    expect(isLushaUrl('https://api.lusha.com.evil.example/v3/account/usage', {})).toBe(false);
    expect(isLushaUrl('http://api.lusha.com/v3/account/usage', {})).toBe(false);
  });

  it('normalises pasted keys', () => {
    expect(normalizeApiKey('  Bearer abc123 ')).toBe('abc123');
    expect(normalizeApiKey(undefined)).toBe('');
  });

  it('sends the version package.json declares', () => {
    expect(CONNECTOR_VERSION).toBe(packageJson.version);
    expect(USER_AGENT).toContain(`lusha-zapier/${packageJson.version}`);
  });
});
