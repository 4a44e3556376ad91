/**
 * nock for a test file: no real network, every interceptor cleared between tests, and the
 * HTTP interception released after the file (jest runs files one after another in one
 * process, and each file loads its own copy of nock).
 *
 * End-to-end files that talk to a local server (the sandbox) use it too, with that host
 * allowed: zapier-platform-core patches Node's `https.request` once per process, the first
 * time an app runs, and a file that runs the app while nock is off leaves a patch behind
 * that every later nock file in the same worker goes around (its requests reach the real
 * network). Keeping nock on in every file that runs the app avoids that.
 */
import nock from 'nock';

export function useNock(options: { allowHosts?: Array<string | RegExp> } = {}): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    for (const host of options.allowHosts ?? []) nock.enableNetConnect(host);
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
  });
}
