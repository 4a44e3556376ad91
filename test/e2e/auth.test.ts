/** Authentication end to end: the real app against the sandbox over HTTP. */
import { App, appTester, bundleWith, expectZapierError } from '../support/zapier';
import { SANDBOX_KEY, useSandbox } from '../support/sandbox';

const sandbox = useSandbox({
  keys: [
    { key: SANDBOX_KEY, plan: 'unified', credits: 100, signals: true },
    { key: 'second-connection-key', plan: 'classic', credits: 5, signals: false },
  ],
});

describe('authentication against the sandbox', () => {
  it('passes with the demo key, sending the raw key (the sandbox rejects "Bearer")', async () => {
    const result = await appTester(App.authentication.test, bundleWith({}, { apiKey: SANDBOX_KEY }), true);
    expect(result).toMatchObject({
      usage: { credits: { used: 0, total: 100, remaining: 100 } },
      plan: 'professional',
      keySuffix: '-key',
    });
    const [call, ...rest] = sandbox().log.entries();
    expect(rest).toHaveLength(0);
    expect(call).toMatchObject({
      method: 'GET',
      path: '/v3/account/usage',
      status: 200,
      keySuffix: '-key',
      creditsCharged: 0,
    });
  });

  it('fails with ExpiredAuthError for a wrong key, and the message never holds the key', async () => {
    const error = await expectZapierError(
      appTester(App.authentication.test, bundleWith({}, { apiKey: 'not-a-real-key-123' }), true),
    );
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('Invalid API key');
    expect(error.message).not.toContain('not-a-real-key-123');
  });

  it('repeated tests of one connection make one call per 12 s, within Lusha’s 5 per minute', async () => {
    for (let i = 0; i < 6; i += 1) {
      await appTester(App.authentication.test, bundleWith({}, { apiKey: 'second-connection-key' }), i === 0);
    }
    expect(
      sandbox()
        .log.entries()
        .filter((e) => e.path === '/v3/account/usage'),
    ).toHaveLength(1);
  });
});
