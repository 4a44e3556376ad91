import nock from 'nock';
import { connectionFingerprint } from '../../src/zapier/connection';
import { USER_AGENT } from '../../src/version';
import { useNock } from '../support/nock';
import { App, appTester, bundleWith, expectZapierError, LUSHA, TEST_KEY } from '../support/zapier';
import { withLusha } from '../../src/zapier/lusha';

useNock();

const usage = { usage: { credits: { used: 150, total: 1000, remaining: 850 } } };

describe('authentication', () => {
  it('tests the key with GET /account/usage, sending the raw key and the User-Agent', async () => {
    const scope = nock(LUSHA, {
      // Core prefixes its own "Zapier" token to the User-Agent; ours must be in it.
      reqheaders: { api_key: TEST_KEY, 'user-agent': (value: string) => value.includes(USER_AGENT) },
      badheaders: ['authorization'],
    })
      .get('/account/usage')
      .reply(200, usage);

    const result = await appTester(App.authentication.test, bundleWith({}), true);

    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ usage: usage.usage, keySuffix: TEST_KEY.slice(-4) });
  });

  it('strips a pasted "Bearer " prefix and whitespace: Lusha wants the raw key', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .get('/account/usage')
      .reply(200, usage);
    await appTester(App.authentication.test, bundleWith({}, { apiKey: `  Bearer ${TEST_KEY} ` }), true);
    expect(scope.isDone()).toBe(true);
  });

  it('turns a rejected key into ExpiredAuthError that says to reconnect, without the key', async () => {
    nock(LUSHA).get('/account/usage').reply(401, { statusCode: 401, message: 'Invalid API key' });
    const error = await expectZapierError(appTester(App.authentication.test, bundleWith({}), true));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/rejected the API key.*Reconnect/);
    expect(error.message).toContain('Invalid API key');
    expect(error.message).not.toContain(TEST_KEY);
  });

  it('reuses a test less than 12 seconds old, so repeated tests stay within 5 per minute', async () => {
    const scope = nock(LUSHA).get('/account/usage').once().reply(200, usage);
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
    nock(LUSHA).get('/account/usage').reply(302, '', { Location: 'https://evil.example.com/steal' });
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
