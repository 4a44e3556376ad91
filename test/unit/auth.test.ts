import nock from 'nock';
import { connectionFingerprint } from '../../src/zapier/connection';
import { USER_AGENT } from '../../src/version';
import { useNock } from '../support/nock';
import { App, appTester, bundleWith, expectZapierError, LUSHA, TEST_KEY } from '../support/zapier';
import { withLusha } from '../../src/zapier/lusha';

useNock();

const USAGE = '/v3/account/usage';

/** GET /v3/account/usage (the spec's AccountUsageResponse): credits, rate limits, plan and prices. */
const usage = {
  credits: { total: 1000, used: 150, remaining: 850 },
  rateLimits: { daily: { limit: 5000, used: 120, remaining: 4880, resetsAt: '2026-03-31T00:00:00.000Z' } },
  plan: {
    category: 'professional',
    renewalType: 'annual',
    startDate: '2026-01-01T00:00:00.000Z',
    endDate: '2027-01-01T00:00:00.000Z',
  },
  pricing: { revealEmail: { credits: 1, perQuantity: 1 }, revealPhone: { credits: 5, perQuantity: 1 } },
};

describe('authentication', () => {
  it('tests the key with GET /v3/account/usage, sending the raw key and the User-Agent', async () => {
    const scope = nock(LUSHA, {
      // Core prefixes its own "Zapier" token to the User-Agent; ours must be in it.
      reqheaders: { api_key: TEST_KEY, 'user-agent': (value: string) => value.includes(USER_AGENT) },
      badheaders: ['authorization'],
    })
      .get(USAGE)
      .reply(200, usage);

    const result = await appTester(App.authentication.test, bundleWith({}), true);

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      usage: { credits: { total: 1000, used: 150, remaining: 850 } },
      plan: 'professional',
      keySuffix: TEST_KEY.slice(-4),
      testedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('says no plan when Lusha names none', async () => {
    nock(LUSHA)
      .get(USAGE)
      .reply(200, { credits: { total: 50, used: 50, remaining: 0 } });
    const result = await appTester(App.authentication.test, bundleWith({}), true);
    expect(result).toMatchObject({ usage: { credits: { total: 50, used: 50, remaining: 0 } }, plan: null });
  });

  it('reports an answer without credits as one it cannot read', async () => {
    nock(LUSHA)
      .get(USAGE)
      .reply(200, { plan: { category: 'professional' } });
    const error = await expectZapierError(appTester(App.authentication.test, bundleWith({}), true));
    expect(error).toMatchObject({ name: 'Error', code: 'bad_response' });
    expect(error.message).toMatch(/GET \/v3\/account\/usage in an unexpected shape at "credits"/);
  });

  it('strips a pasted "Bearer " prefix and whitespace: Lusha wants the raw key', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .get(USAGE)
      .reply(200, usage);
    await appTester(App.authentication.test, bundleWith({}, { apiKey: `  Bearer ${TEST_KEY} ` }), true);
    expect(scope.isDone()).toBe(true);
  });

  it('turns a rejected key into ExpiredAuthError that says to reconnect, without the key', async () => {
    nock(LUSHA).get(USAGE).reply(401, { statusCode: 401, message: 'Invalid API key' });
    const error = await expectZapierError(appTester(App.authentication.test, bundleWith({}), true));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/rejected the API key.*Reconnect/);
    expect(error.message).toContain('Invalid API key');
    expect(error.message).not.toContain(TEST_KEY);
  });

  it('reuses a test less than 12 seconds old, so repeated tests stay within 5 per minute', async () => {
    const scope = nock(LUSHA).get(USAGE).once().reply(200, usage);
    const first = await appTester(App.authentication.test, bundleWith({}), true);
    const second = await appTester(App.authentication.test, bundleWith({}));
    expect(scope.isDone()).toBe(true);
    expect(second).toEqual(first);
  });

  it('labels the connection with the last 4 characters of the key only', () => {
    const label = App.authentication.connectionLabel({} as never, bundleWith({}) as never);
    expect(label).toBe(`Lusha key …${TEST_KEY.slice(-4)}`);
    expect(label).not.toContain(TEST_KEY.slice(0, -4));
  });

  it('fingerprints connections one-way (a cache key, never the key)', () => {
    const fingerprint = connectionFingerprint({ authData: { api_key: TEST_KEY } });
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(TEST_KEY).not.toContain(fingerprint);
    expect(connectionFingerprint({ authData: { api_key: 'another-key' } })).not.toBe(fingerprint);
  });
});

describe('the key travels only to the Lusha host', () => {
  it('never sends the key to another host', async () => {
    const other = nock('https://example.org', { badheaders: ['api_key'] })
      .get('/hook')
      .reply(200, {});
    await appTester(async (z) => (await z.request({ url: 'https://example.org/hook' })).status, bundleWith({}));
    expect(other.isDone()).toBe(true);
  });

  it('does not follow a redirect away from Lusha, so the key cannot travel with it', async () => {
    nock(LUSHA).get(USAGE).reply(302, '', { Location: 'https://evil.example.com/steal' });
    const evil = nock('https://evil.example.com').get('/steal').reply(200, usage);
    const error = await expectZapierError(
      appTester(
        withLusha((lusha) => lusha.getAccountUsage()),
        bundleWith({}),
      ),
    );
    expect(evil.isDone()).toBe(false);
    expect(error.name).toBe('Error');
    expect(error.message).toMatch(/unexpected redirect/);
  });
});
