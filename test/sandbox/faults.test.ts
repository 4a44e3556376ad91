import type { Sandbox } from '../../sandbox';
import { boot, DEMO_KEY, expectError, get, post } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await boot();
});
afterAll(() => sb.stop());
beforeEach(() => {
  sb.faults.clear();
  sb.log.reset();
});

const lastEntry = () => {
  const all = sb.log.entries();
  return all[all.length - 1];
};

describe('fault injection', () => {
  test('latency delays the response, then serves normally', async () => {
    sb.faults.add({ route: '/account/usage', kind: 'latency', ms: 150, times: 1 });
    const t0 = performance.now();
    const r = await get(sb, '/account/usage');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(r.status).toBe(200);
    expect(r.json.usage.credits).toBeDefined();
    expect(lastEntry()).toMatchObject({ status: 200, fault: 'latency' });
  });

  test('status faults: Lusha-shaped body by default, custom headers, times auto-removes, method filter', async () => {
    sb.faults.add({
      route: '/v2/company',
      method: 'GET',
      kind: 'status',
      status: 503,
      headers: { 'Retry-After': '2' },
      times: 2,
    });
    const p = sb.data.samples.companyWithFunding;
    const before = sb.credits.usage(DEMO_KEY).used;
    const r1 = await get(sb, '/v2/company', { domain: p.domain });
    expectError(r1, 503, { message: 'Service Unavailable' });
    expect(r1.headers.get('retry-after')).toBe('2');
    expect((await post(sb, '/v2/company', { companies: [{ id: '1', domain: p.domain }] })).status).toBe(200);
    expect((await get(sb, '/v2/company', { domain: p.domain })).status).toBe(503);
    expect((await get(sb, '/v2/company', { domain: p.domain })).status).toBe(200);
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(2);
    sb.faults.add({ route: { prefix: '/prospecting/' }, kind: 'status', status: 500 });
    const r500 = await get(sb, '/prospecting/filters/contacts/departments');
    expect(r500.json).toEqual({ statusCode: 500, message: 'Internal server error. Please try again later.' });
    expect(lastEntry()).toMatchObject({ status: 500, fault: 'status', creditsCharged: 0 });
  });

  test('when() picks records: 451 GDPR for one contact only; handle.remove()', async () => {
    const eu = sb.data.samples.euPerson;
    const other = sb.data.samples.nonEuPerson;
    const h = sb.faults.add({
      route: /^\/v2\/person$/,
      kind: 'gdpr',
      when: (req) => req.query.personId === String(eu.personId),
    });
    const blocked = await get(sb, '/v2/person', { personId: String(eu.personId) });
    expectError(blocked, 451, {
      message: 'We are unable to process this contact request due to our GDPR regulations',
    });
    expect((await get(sb, '/v2/person', { personId: String(other.personId) })).status).toBe(200);
    h.remove();
    expect((await get(sb, '/v2/person', { personId: String(eu.personId) })).status).toBe(200);
  });

  test('rateLimit with and without Retry-After; quota (daily) exhaustion', async () => {
    sb.faults.add({ route: '/account/usage', kind: 'rateLimit', retryAfter: 7, times: 1 });
    const a = await get(sb, '/account/usage');
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('7');
    sb.faults.add({ route: '/account/usage', kind: 'rateLimit', retryAfter: null, times: 1 });
    const b = await get(sb, '/account/usage');
    expect(b.status).toBe(429);
    expect(b.headers.get('retry-after')).toBeNull();
    sb.faults.add({ route: '/account/usage', kind: 'quota', times: 1 });
    const q = await get(sb, '/account/usage');
    expect(q.status).toBe(429);
    expect(q.json.message).toMatch(/^Daily API quota limit exceeded\. Limit \d+ calls per day$/);
    expect(q.headers.get('x-daily-requests-left')).toBe('0');
    expect(Number(q.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sb.log.entries().map((e) => e.fault)).toEqual(['rateLimit', 'rateLimit', 'quota']);
  });

  test('malformed JSON with status 200', async () => {
    sb.faults.add({ route: '/v2/person', kind: 'malformed', times: 1 });
    const r = await get(sb, '/v2/person', { email: 'x@y.example' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(() => JSON.parse(r.text)).toThrow();
    expect(lastEntry()).toMatchObject({ status: 200, fault: 'malformed' });
  });

  test('drop closes the socket without a response', async () => {
    sb.faults.add({ route: '/v2/person', kind: 'drop', times: 1 });
    await expect(fetch(`${sb.url}/v2/person?email=x@y.example`, { headers: { api_key: DEMO_KEY } })).rejects.toThrow();
    expect(lastEntry()).toMatchObject({ status: 0, fault: 'drop' });
    expect((await get(sb, '/v2/person', { email: 'x@y.example' })).status).toBe(200);
  });

  test('stall sends headers and part of the body, then hangs until the client gives up', async () => {
    sb.faults.add({ route: '/v2/person', kind: 'stall', times: 1 });
    const ctrl = new AbortController();
    const res = await fetch(`${sb.url}/v2/person?email=x@y.example`, {
      headers: { api_key: DEMO_KEY },
      signal: ctrl.signal,
    });
    expect(res.status).toBe(200);
    const timer = setTimeout(() => ctrl.abort(), 200);
    await expect(res.text()).rejects.toThrow();
    clearTimeout(timer);
    expect(lastEntry()).toMatchObject({ status: 200, fault: 'stall' });
  });

  test('a stalled request does not keep stop() from finishing', async () => {
    const own = await boot();
    own.faults.add({ route: { prefix: '/' }, kind: 'stall', partialBody: '{"contact":' });
    const res = await fetch(`${own.url}/v2/person?email=x@y.example`, { headers: { api_key: DEMO_KEY } });
    const body = res.text();
    await own.stop();
    await expect(body).rejects.toThrow();
  });

  test('stop() also ends requests waiting on a latency fault', async () => {
    const own = await boot();
    own.faults.add({ route: '/account/usage', kind: 'latency', ms: 60_000 });
    const pending = fetch(`${own.url}/account/usage`, { headers: { api_key: DEMO_KEY } });
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await own.stop();
    expect(performance.now() - t0).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });
});

describe('faults that charge first (chargeThenDrop, chargeThenStatus)', () => {
  test('chargeThenDrop runs the handler and charges, then closes the socket without an answer', async () => {
    const p = sb.data.samples.personWithEmailAndPhone;
    sb.faults.add({ route: '/v2/person', kind: 'chargeThenDrop', times: 1 });
    const before = sb.credits.usage(DEMO_KEY).used;
    const url = `${sb.url}/v2/person?personId=${p.personId}`;
    await expect(fetch(url, { headers: { api_key: DEMO_KEY } })).rejects.toThrow();
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(1);
    expect(lastEntry()).toMatchObject({ status: 0, creditsCharged: 1, fault: 'chargeThenDrop' });
    // The rule is spent: the next call is answered (and charged) normally.
    const again = await get(sb, '/v2/person', { personId: String(p.personId) });
    expect(again.status).toBe(200);
    expect(again.json.contact.isCreditCharged).toBe(true);
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(2);
  });

  test('chargeThenStatus answers 504 by default after charging; status and body can be set', async () => {
    const c = sb.data.samples.companyWithFunding;
    sb.faults.add({ route: '/v2/company', kind: 'chargeThenStatus', times: 1 });
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await get(sb, '/v2/company', { domain: c.domain });
    expectError(r, 504, { message: 'Gateway Timeout' });
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(1);
    expect(lastEntry()).toMatchObject({ status: 504, creditsCharged: 1, fault: 'chargeThenStatus' });

    sb.faults.add({
      route: '/v2/company',
      kind: 'chargeThenStatus',
      status: 502,
      body: { message: 'upstream' },
      times: 1,
    });
    const r2 = await post(sb, '/v2/company', {
      companies: [
        { id: 'a', domain: c.domain },
        { id: 'b', domain: 'nope.example' },
      ],
    });
    expect(r2.status).toBe(502);
    expect(r2.json).toEqual({ message: 'upstream' });
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(2);
    expect(lastEntry()).toMatchObject({ status: 502, creditsCharged: 1, fault: 'chargeThenStatus' });
  });

  test('a request that fails on its own is still refused (nothing charged), and counts toward the rate limit', async () => {
    sb.faults.add({ route: '/v2/person', kind: 'chargeThenStatus', times: 1 });
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await get(sb, '/v2/person', {}, { key: 'unknown-key' });
    expect(r.status).toBe(504);
    expect(lastEntry()).toMatchObject({ status: 504, creditsCharged: 0, fault: 'chargeThenStatus' });
    expect(sb.credits.usage(DEMO_KEY).used).toBe(before);

    const own = await boot({ usageRateLimitPerMinute: 1 });
    own.faults.add({ route: '/account/usage', kind: 'chargeThenDrop', times: 1 });
    await expect(fetch(`${own.url}/account/usage`, { headers: { api_key: DEMO_KEY } })).rejects.toThrow();
    expect((await get(own, '/account/usage')).status).toBe(429);
    await own.stop();
  });
});
