/**
 * The Lusha client outside Zapier: the undici transport, query strings, the rate limiter,
 * and the helpers that read Lusha's headers.
 */
import { MockAgent } from 'undici';
import { LushaClient, toQueryString } from '../../src/lusha/client';
import { quotaExhaustion, retryAfterSeconds } from '../../src/lusha/errors';
import { isLushaUrl, lushaBaseUrl, normalizeApiKey } from '../../src/lusha/config';
import { LushaAuthError, LushaNotFoundError, LushaTimeoutError } from '../../src/lusha/errors';
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
    pool.intercept({ path: '/v2/person', method: 'POST' }).reply(200, (options) => {
      seen = { headers: options.headers as Record<string, string>, body: JSON.parse(String(options.body)) };
      return { contacts: { row1: { error: null, isCreditCharged: true, data: { personId: 42, firstName: 'Ada' } } } };
    });

    const result = await client.enrichPeople({ contacts: [{ contactId: 'row1', email: 'ada@example.com' }] });

    expect(seen?.headers).toMatchObject({ api_key: KEY, 'user-agent': USER_AGENT, 'content-type': 'application/json' });
    expect(seen?.body).toEqual({ contacts: [{ contactId: 'row1', email: 'ada@example.com' }] });
    expect(result.contacts.row1?.data?.personId).toBe('42');
    expect(client.requestCount).toBe(1);
  });

  it('reports statuses as typed errors with the key redacted', async () => {
    const { pool, client } = mockedClient();
    pool.intercept({ path: '/account/usage', method: 'GET' }).reply(401, { statusCode: 401, message: `bad ${KEY}` });
    const error = await client.getAccountUsage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LushaAuthError);
    expect((error as Error).message).toBe('Lusha rejected the API key (GET /account/usage, HTTP 401): bad [redacted]');
  });

  it('keeps 404 distinguishable (a company lookup without a match)', async () => {
    const { pool, client } = mockedClient();
    pool
      .intercept({ path: '/v2/company?domain=nowhere.example', method: 'GET' })
      .reply(404, { statusCode: 404, message: 'Resource not found' });
    await expect(client.enrichCompany({ domain: 'nowhere.example' })).rejects.toBeInstanceOf(LushaNotFoundError);
  });

  it('times out a stalled response', async () => {
    const { pool, client } = mockedClient({ requestTimeoutMs: 700 });
    pool.intercept({ path: '/account/usage', method: 'GET' }).reply(200, { usage: {} }).delay(3_000);
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
    expect(isLushaUrl('https://api.lusha.com/v2/person?x=1', {})).toBe(true);
    expect(isLushaUrl('https://api.lusha.com.evil.example/v2/person', {})).toBe(false);
    expect(isLushaUrl('http://api.lusha.com/v2/person', {})).toBe(false);
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
