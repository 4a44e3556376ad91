/**
 * Every row of the one error map (src/zapier/errors.ts), driven through the real app
 * machinery: z.request → ZapierTransport → LushaClient → toZapierError.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import { LushaClient } from '../../src/lusha/client';
import { toZapierError } from '../../src/zapier/errors';
import { withLusha } from '../../src/zapier/lusha';
import { ZapierTransport } from '../../src/zapier/transport';
import { useNock } from '../support/nock';
import { appTester, bundleWith, expectZapierError, LUSHA, TEST_KEY } from '../support/zapier';

useNock();

const SEARCH = '/v3/contacts/search-and-enrich';
const USAGE = '/v3/account/usage';

/** A sample paid call: one contact by email (POST /v3/contacts/search-and-enrich). */
const sampleBody = { contacts: [{ clientReferenceId: '1', email: 'a@b.com' }], reveal: ['emails' as const] };
const lookup = (lusha: LushaClient) => lusha.searchAndEnrichContacts(sampleBody);

/** Runs one POST /v3/contacts/search-and-enrich through the app and returns the Zapier error it ends in. */
const lookupFails = () => expectZapierError(appTester(withLusha(lookup), bundleWith({})));

const replyOnce = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  nock(LUSHA)
    .post(SEARCH, sampleBody)
    .reply(status, body as nock.Body, headers);

describe('the error map', () => {
  it.each([
    [
      400,
      'HaltedError',
      { statusCode: 400, message: 'email must be an email', errors: ['email must be an email'] },
      /rejected the request.*email must be an email.*Check the step's fields/,
    ],
    [412, 'HaltedError', { message: 'Invalid full name' }, /Invalid full name/],
    [
      401,
      'ExpiredAuthError',
      { statusCode: 401, message: 'Invalid API key' },
      /rejected the API key.*Invalid API key.*Reconnect/,
    ],
    [
      402,
      'HaltedError',
      { statusCode: 402, message: 'Insufficient credits' },
      /no credits left.*Insufficient credits.*Add credits/,
    ],
    [
      403,
      'Error',
      { statusCode: 403, message: 'Your Lusha account is inactive' },
      /refused.*Your Lusha account is inactive.*ask your Lusha admin/,
    ],
    [404, 'HaltedError', { statusCode: 404, message: 'Resource not found' }, /found nothing.*Check the identifiers/],
    [
      451,
      'HaltedError',
      { statusCode: 451, message: 'We are unable to process this contact request due to our GDPR regulations' },
      /GDPR.*Skip this record/,
    ],
    [
      500,
      'Error',
      { statusCode: 500, message: 'Internal server error. Please try again later.' },
      /failed to process.*HTTP 500.*contact Lusha support/,
    ],
  ])('HTTP %s becomes %s', async (status, name, body, message) => {
    replyOnce(status, body);
    const error = await lookupFails();
    expect(error.name).toBe(name);
    expect(error.message).toMatch(message);
    if (name === 'Error') expect(error.status).toBe(status);
  });

  it.each([
    ['Internal server error. Please try again later.', 'later. If this keeps happening'],
    ['Too busy!', 'busy! If this keeps happening'],
    ['No stop at the end', 'end. If this keeps happening'],
  ])("puts one full stop between Lusha's words and the advice: %j", async (lushaMessage, joined) => {
    replyOnce(500, { statusCode: 500, message: lushaMessage });
    const { message } = await lookupFails();
    expect(message).toContain(joined);
    expect(message).not.toMatch(/[.!]\./);
  });

  it.each([
    [{ message: ['first problem', 'second problem'] }, 'first problem; second problem'],
    [{ error: { code: 400, message: 'nested message' } }, 'nested message'],
    [
      { statusCode: 400, message: 'Validation failed', errors: ['limit must be <= 25'] },
      'Validation failed; limit must be <= 25',
    ],
    ['plain text body', 'plain text body'],
  ])('reads every documented error body shape: %j', async (body, expected) => {
    replyOnce(400, body);
    expect((await lookupFails()).message).toContain(`: ${expected}`);
  });

  describe('429', () => {
    it('uses Retry-After seconds as the ThrottledError delay', async () => {
      replyOnce(429, { message: 'Too many requests' }, { 'Retry-After': '7' });
      expect(await lookupFails()).toMatchObject({ name: 'ThrottledError', delay: 7 });
    });

    it('reads Retry-After given as an HTTP date', async () => {
      replyOnce(429, {}, { 'Retry-After': new Date(Date.now() + 30_000).toUTCString() });
      const error = await lookupFails();
      expect(error.name).toBe('ThrottledError');
      expect(error.delay).toBeGreaterThanOrEqual(28);
      expect(error.delay).toBeLessThanOrEqual(31);
    });

    it('falls back to RateLimit-Reset', async () => {
      replyOnce(429, {}, { 'RateLimit-Reset': '3' });
      expect(await lookupFails()).toMatchObject({ name: 'ThrottledError', delay: 3 });
    });

    it('uses a default delay when the headers name none, and caps absurd ones', async () => {
      replyOnce(429, {});
      expect(await lookupFails()).toMatchObject({ name: 'ThrottledError', delay: 10 });
      replyOnce(429, {}, { 'Retry-After': '99999' });
      expect(await lookupFails()).toMatchObject({ name: 'ThrottledError', delay: 300 });
    });

    it('waits for the reset when the daily quota is used up', async () => {
      replyOnce(
        429,
        { message: 'Daily quota exceeded' },
        { 'x-daily-requests-left': '0', 'X-RateLimit-Reset-Daily': '5400' },
      );
      const error = await lookupFails();
      expect(error).toMatchObject({ name: 'ThrottledError', delay: 5400 });
      expect(error.message).toMatch(/daily request quota is used up.*after the quota resets/);
    });

    it('computes the wait until the next UTC midnight when the quota headers give no reset', async () => {
      replyOnce(429, {}, { 'x-daily-requests-left': '0' });
      const error = await lookupFails();
      const now = new Date();
      const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
      expect(error.name).toBe('ThrottledError');
      expect(Math.abs((error.delay as number) - (midnight - now.getTime()) / 1000)).toBeLessThan(5);
    });

    it('treats a trial limit as a halt, not a retry', async () => {
      replyOnce(429, { message: 'Trial limit reached' });
      expect(await lookupFails()).toMatchObject({ name: 'HaltedError' });
    });
  });

  describe('transient failures', () => {
    const usageFails = () =>
      expectZapierError(
        appTester(
          withLusha((lusha) => lusha.getAccountUsage()),
          bundleWith({}),
        ),
      );

    it.each([502, 503, 504])('retries a free request once after a %s, then throttles', async (status) => {
      const scope = nock(LUSHA).get(USAGE).times(2).reply(status, { statusCode: status, message: 'Bad gateway' });
      const error = await usageFails();
      expect(scope.isDone()).toBe(true);
      expect(error).toMatchObject({ name: 'ThrottledError', delay: 60 });
      expect(error.message).toMatch(/temporarily unavailable/);
    });

    it('retries a paid request once after a 503 (Lusha did not serve it), then throttles', async () => {
      const scope = nock(LUSHA).post(SEARCH).times(2).reply(503, { statusCode: 503, message: 'Service Unavailable' });
      const error = await lookupFails();
      expect(scope.isDone()).toBe(true);
      expect(error).toMatchObject({ name: 'ThrottledError', delay: 60 });
    });

    it.each([502, 504])(
      'never retries a paid request after a %s: Lusha may have charged it, so the step halts and says so',
      async (status) => {
        const scope = nock(LUSHA).post(SEARCH).once().reply(status, { statusCode: status, message: 'Gateway' });
        const second = nock(LUSHA).post(SEARCH).reply(200, { results: [] });
        const error = await lookupFails();
        expect(scope.isDone()).toBe(true);
        expect(second.isDone()).toBe(false);
        nock.cleanAll();
        expect(error.name).toBe('HaltedError');
        expect(error.message).toMatch(
          new RegExp(`HTTP ${status}.*Lusha may have processed this request and charged for it\\. It was not retried`),
        );
      },
    );

    it('succeeds when the one retry succeeds', async () => {
      nock(LUSHA).post(SEARCH, sampleBody).reply(503, {});
      nock(LUSHA)
        .post(SEARCH, sampleBody)
        .reply(200, { results: [{ clientReferenceId: '1', id: 1 }], billing: { creditsCharged: 1 } });
      const result = (await appTester(withLusha(lookup), bundleWith({}))) as Awaited<ReturnType<typeof lookup>>;
      expect(result.results[0]?.id).toBe('1');
      expect(result.billing?.creditsCharged).toBe(1);
    });

    it('does not retry a 500', async () => {
      const scope = nock(LUSHA).post(SEARCH).once().reply(500, {});
      expect(await lookupFails()).toMatchObject({ name: 'Error', status: 500 });
      expect(scope.isDone()).toBe(true);
    });

    /** A real local server that drops every connection (nock cannot drop a node-fetch connection). */
    async function droppingServer(run: (base: string) => Promise<unknown>): Promise<number> {
      let connections = 0;
      const server = http.createServer((request) => {
        connections += 1;
        request.socket.destroy();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      nock.enableNetConnect('127.0.0.1');
      try {
        await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      } finally {
        nock.disableNetConnect();
        await new Promise((resolve) => server.close(resolve));
      }
      return connections;
    }

    const throughClient = (base: string, call: (client: LushaClient) => Promise<unknown>) =>
      expectZapierError(
        appTester(async (z: ZObject) => {
          const client = new LushaClient({ transport: new ZapierTransport(z, base), retryDelayMs: 10 });
          return call(client).catch((e) => {
            throw toZapierError(z, e);
          });
        }, bundleWith({})),
      );

    it('retries a free request once after a dropped connection, then throttles', async () => {
      let error: Awaited<ReturnType<typeof expectZapierError>> | undefined;
      const connections = await droppingServer(async (base) => {
        error = await throughClient(base, (client) => client.getAccountUsage());
      });
      expect(connections).toBe(2);
      expect(error?.name).toBe('ThrottledError');
      expect(error?.message).toMatch(/Could not reach Lusha for GET \/v3\/account\/usage: connection failed/);
    });

    it('never re-sends a paid request whose connection dropped after it was sent', async () => {
      let error: Awaited<ReturnType<typeof expectZapierError>> | undefined;
      const connections = await droppingServer(async (base) => {
        error = await throughClient(base, lookup);
      });
      expect(connections).toBe(1);
      expect(error?.name).toBe('HaltedError');
      expect(error?.message).toMatch(
        /Could not reach Lusha for POST \/v3\/contacts\/search-and-enrich: .*may have processed this request/,
      );
    });

    it('retries a paid request once when the connection was refused (it never reached Lusha)', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      nock.enableNetConnect('127.0.0.1');
      const sent: number[] = [];
      try {
        const error = await expectZapierError(
          appTester(async (z: ZObject) => {
            const transport = new ZapierTransport(z, `http://127.0.0.1:${port}`);
            const counting = { send: (r: Parameters<typeof transport.send>[0]) => (sent.push(1), transport.send(r)) };
            const client = new LushaClient({ transport: counting, retryDelayMs: 10 });
            return lookup(client).catch((e: unknown) => {
              throw toZapierError(z, e);
            });
          }, bundleWith({})),
        );
        expect(sent).toHaveLength(2);
        expect(error.name).toBe('ThrottledError');
        expect(error.message).toMatch(/ECONNREFUSED/);
      } finally {
        nock.disableNetConnect();
      }
    });
  });

  describe('responses that cannot be read', () => {
    it('names the endpoint when a 200 body is not JSON', async () => {
      replyOnce(200, '{"results": [');
      const error = await lookupFails();
      expect(error).toMatchObject({ name: 'Error', code: 'bad_response' });
      expect(error.message).toMatch(/POST \/v3\/contacts\/search-and-enrich.*not JSON/);
    });

    it('names the endpoint and the path when a body fails schema parsing', async () => {
      replyOnce(200, { results: [{ clientReferenceId: '1', emails: 'not-a-list' }] });
      const error = await lookupFails();
      expect(error).toMatchObject({ name: 'Error', code: 'bad_response' });
      expect(error.message).toMatch(
        /POST \/v3\/contacts\/search-and-enrich in an unexpected shape at "results.0.emails"/,
      );
    });

    it('names the container when the answer has no results', async () => {
      replyOnce(200, { requestId: 'r1', billing: { creditsCharged: 0 } });
      const error = await lookupFails();
      expect(error).toMatchObject({ name: 'Error', code: 'bad_response' });
      expect(error.message).toMatch(/POST \/v3\/contacts\/search-and-enrich in an unexpected shape at "results"/);
    });
  });

  describe('timeouts', () => {
    /** A client with a short per-request timeout, wired exactly as operations wire theirs. */
    const withShortTimeout = (z: ZObject) =>
      new LushaClient({ transport: new ZapierTransport(z, LUSHA), requestTimeoutMs: 600, retryDelayMs: 10 });

    it.each([
      ['a response that does not start', (usage: nock.Interceptor) => usage.delay(2_000)],
      ['a body that stalls', (usage: nock.Interceptor) => usage.delayBody(2_000)],
    ])('gives up on %s in time', async (_, slow) => {
      slow(nock(LUSHA).get(USAGE)).reply(200, { credits: {} });
      const error = await expectZapierError(
        appTester(
          async (z: ZObject) =>
            withShortTimeout(z)
              .getAccountUsage()
              .catch((e) => {
                throw toZapierError(z, e);
              }),
          bundleWith({}),
        ),
      );
      expect(error.name).toBe('ThrottledError');
      expect(error.message).toMatch(/did not answer GET \/v3\/account\/usage in time/);
    });

    it('refuses to start a request the deadline leaves no time for', async () => {
      const scope = nock(LUSHA).get(USAGE).reply(200, { credits: {} });
      const error = await expectZapierError(
        appTester(async (z: ZObject) => {
          const client = new LushaClient({ transport: new ZapierTransport(z, LUSHA), deadline: Date.now() + 300 });
          return client.getAccountUsage().catch((e) => {
            throw toZapierError(z, e);
          });
        }, bundleWith({})),
      );
      expect(scope.isDone()).toBe(false);
      expect(error.message).toMatch(/Not enough time left/);
    });
  });

  it('never puts the key in a message, even when Lusha echoes it back', async () => {
    const statuses = [400, 401, 402, 403, 404, 429, 451, 500, 502];
    for (const status of statuses) {
      nock(LUSHA)
        .post(SEARCH)
        .times(2)
        .reply(status, { statusCode: status, message: `bad key ${TEST_KEY}` });
      const error = await lookupFails();
      expect(error.message).not.toContain(TEST_KEY);
      expect(error.message).toContain('[redacted]');
      nock.cleanAll();
    }
  });
});
