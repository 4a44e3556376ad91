/**
 * nock for a test file: no real network, every interceptor cleared between tests, and the
 * HTTP interception released after the file (jest runs files one after another in one
 * process, and each file loads its own copy of nock).
 */
import nock from 'nock';

export function useNock(): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
  });
}
