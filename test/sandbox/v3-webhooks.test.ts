import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_KEY,
  startSandbox,
  type Sandbox,
  type SandboxKeyConfig,
  type WebhookSubscriptionInfo,
} from '../../sandbox';
import { boot, call, DEMO_KEY, expectError, get, NOW, post } from './helpers';

// ------------------------------------------------------------------ a local receiver

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Answer {
  status: number;
  body?: string;
  delayMs?: number;
}

interface Receiver {
  url: string;
  received: Received[];
  answer: (r: Received, n: number) => Answer;
  close(): Promise<void>;
}

const ACK = (r: Received): Answer => ({
  status: 201,
  body: JSON.stringify({ received: true, timestamp: new Date().toISOString(), webhookId: JSON.parse(r.body).id }),
});

async function receiver(answer: (r: Received, n: number) => Answer = ACK): Promise<Receiver> {
  const rec: Receiver = { url: '', received: [], answer, close: async () => undefined };
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      rec.received.push(r);
      const a = rec.answer(r, rec.received.length);
      const reply = () => {
        if (res.destroyed) return;
        res.writeHead(a.status, { 'content-type': 'application/json' });
        res.end(a.body ?? '{}');
      };
      if (!a.delayMs) return reply();
      const t = setTimeout(() => {
        timers.delete(t);
        reply();
      }, a.delayMs);
      timers.add(t);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  rec.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  rec.close = () =>
    new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t);
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return rec;
}

/** The spec's verification recipe ("Security & Verification"): HMAC of `timestamp + "." + JSON.stringify(payload)`. */
function verify(r: Received, secret: string): boolean {
  const signed = `${String(r.headers['x-lusha-timestamp'])}.${JSON.stringify(JSON.parse(r.body))}`;
  const expected = createHmac('sha256', secret).update(signed).digest('hex');
  return expected === r.headers['x-lusha-signature'];
}

// ------------------------------------------------------------------ the sandbox

const OTHER = 'other-key-0001';
const NO_SECRET = 'nosecret-key-02';
const NO_SIGNALS = 'nosignals-key-03';
const LIMITED = 'limited-key-04';
const POOR = 'poor-key-05';
const OTHER_SECRET = 'whsec_other_account_secret';

const KEYS: SandboxKeyConfig[] = [
  { ...DEFAULT_KEY },
  { key: OTHER, plan: 'unified', credits: 100, signals: true, webhookSecret: OTHER_SECRET },
  { key: NO_SECRET, plan: 'unified', credits: 100, signals: true },
  { key: NO_SIGNALS, plan: 'unified', credits: 100, signals: false, webhookSecret: 'whsec_x' },
  { key: LIMITED, plan: 'unified', credits: 100, signals: true, webhookSecret: 'whsec_y', maxSubscriptions: 2 },
  { key: POOR, plan: 'unified', credits: 100, signals: true, webhookSecret: 'whsec_z' },
];

let sb: Sandbox;
let hook: Receiver;
let personIndex = 0;
/** A person nobody has subscribed to yet in this file. */
const freshPerson = () => sb.data.people[personIndex++]!;
let companyIndex = 0;
const freshCompany = () => sb.data.companies[companyIndex++]!;

beforeAll(async () => {
  sb = await boot({ keys: KEYS, webhooks: { retryDelaysMs: [20, 40, 60], timeoutMs: 400 } });
  hook = await receiver();
});
afterAll(async () => {
  await sb.stop();
  await hook.close();
});
beforeEach(() => {
  hook.answer = ACK;
});

const DEMO_SECRET = DEFAULT_KEY.webhookSecret as string;

/** A subscription as the webhooks API returns it (SUBSCRIPTION_KEYS): the sandbox's view of it, without the key. */
type SubscriptionOut = Omit<WebhookSubscriptionInfo, 'key'>;

/** The parts of an audit-log row (`GET /api/audit-logs`) that the tests read. */
interface LogRow {
  status: string;
  statusCode?: number;
  error?: string;
}

async function subscribe(
  entityType: 'contact' | 'company',
  entityId: number | string,
  signalTypes: string[],
  o: { key?: string; url?: string; name?: string } = {},
) {
  const r = await post(
    sb,
    '/api/subscriptions',
    {
      defaults: { url: o.url ?? hook.url, entityType, signalTypes },
      subscriptions: [{ entityId: String(entityId), name: o.name }],
    },
    { key: o.key },
  );
  expect(r.status).toBe(201);
  expect(r.json.results[0].success).toBe(true);
  return r.json.results[0].subscription as SubscriptionOut;
}

const SUBSCRIPTION_KEYS = [
  'blockReason',
  'blockedAt',
  'createdAt',
  'entityId',
  'entityType',
  'id',
  'isActive',
  'name',
  'signalTypes',
  'updatedAt',
  'url',
].sort();

// ------------------------------------------------------------------ auth and limits

describe('auth', () => {
  test('every webhook endpoint is 401 without a key or with an unknown one', async () => {
    const calls: [string, string, unknown?][] = [
      ['POST', '/api/subscriptions', {}],
      ['GET', '/api/subscriptions'],
      ['GET', '/api/subscriptions/507f1f77bcf86cd799439011'],
      ['PATCH', '/api/subscriptions/507f1f77bcf86cd799439011', {}],
      ['POST', '/api/subscriptions/delete', { ids: ['x'] }],
      ['POST', '/api/subscriptions/507f1f77bcf86cd799439011/test'],
      ['POST', '/api/subscriptions/opt-out', {}],
      ['GET', '/api/audit-logs'],
      ['GET', '/api/audit-logs/stats'],
      ['GET', '/api/account/secret'],
      ['POST', '/api/account/secret/regenerate'],
    ];
    for (const [method, path, body] of calls) {
      for (const key of [null, 'not-a-key']) {
        const r = await call(sb, method, path, { body, key });
        expect([method, path, r.status]).toEqual([method, path, 401]);
        expect(r.json).toEqual({ statusCode: 401, message: 'Invalid API key' });
      }
    }
  });
});

describe('rate limit', () => {
  test('one per-minute budget (100 by default) shared by every webhook endpoint; others keep their own', async () => {
    const s = await startSandbox({ now: NOW, webhooks: { rateLimitPerMinute: 3 } });
    try {
      expect((await get(s, '/api/subscriptions')).status).toBe(200);
      expect((await get(s, '/api/audit-logs')).status).toBe(200);
      expect((await get(s, '/api/account/secret')).status).toBe(200);
      const limited = await get(s, '/api/audit-logs/stats');
      expectError(limited, 429, {
        message: 'Too many requests. Please wait before making another request.',
      });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('ratelimit-limit')).toBe('3');
      expect((await get(s, '/prospecting/filters/contacts/departments')).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
});

// ------------------------------------------------------------------ create

describe('POST /api/subscriptions', () => {
  test('creates subscriptions (201), free, with the documented shape', async () => {
    const [a, b] = [freshPerson(), freshPerson()];
    const before = sb.credits.usage(DEMO_KEY);
    const r = await post(sb, '/api/subscriptions', {
      defaults: {
        entityType: 'contact',
        signalTypes: ['promotion', 'companyChange'],
        url: 'https://example.com/webhooks/lusha',
      },
      name: 'Contact Webhook',
      subscriptions: [{ entityId: String(a.personId), name: 'Contact A' }, { entityId: String(b.personId) }],
    });
    expect(r.status).toBe(201);
    expect(sb.credits.usage(DEMO_KEY)).toEqual(before);
    expect(r.json).toMatchObject({ total: 2, successful: 2, failed: 0 });
    const [first, second] = r.json.results;
    expect(first).toMatchObject({ index: 0, success: true });
    expect(Object.keys(first.subscription).sort()).toEqual(SUBSCRIPTION_KEYS);
    expect(first.subscription).toMatchObject({
      entityType: 'contact',
      entityId: String(a.personId),
      signalTypes: ['promotion', 'companyChange'],
      url: 'https://example.com/webhooks/lusha',
      name: 'Contact A',
      isActive: true,
      blockReason: null,
      blockedAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(first.subscription.id).toMatch(/^[0-9a-f]{24}$/);
    expect(second.subscription.name).toBe('Contact Webhook');
    expect(second.subscription.id).not.toBe(first.subscription.id);
    expect(first.subscription).not.toHaveProperty('secret');
  });

  test('validation: 400 "Validation failed" naming each problem', async () => {
    const empty = await post(sb, '/api/subscriptions', {});
    expectError(empty, 400, {
      message: 'Validation failed',
      errors: ['defaults should not be empty', 'subscriptions should not be empty'],
    });
    const bad = await post(sb, '/api/subscriptions', {
      defaults: {
        url: 'https://example.com/h',
        entityType: 'person',
        signalTypes: ['promotion', 'jobChange'],
        secret: 'x',
      },
      subscriptions: [{ entityId: '' }, 'x', { entityId: '1', name: 'n'.repeat(101), entityType: 'people' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe('Validation failed');
    expect(bad.json.errors).toEqual(
      expect.arrayContaining([
        'property defaults.secret should not exist',
        'defaults.entityType must be one of: contact, company',
        expect.stringMatching(/^each value in defaults\.signalTypes must be one of the following values: /),
        'subscriptions[0].entityId should not be empty',
        'subscriptions[1] must be an object',
        'subscriptions[2].entityType must be one of: contact, company',
        'subscriptions[2].name must be shorter than or equal to 100 characters',
      ]),
    );
    expect(bad.json.errors).toHaveLength(7);
    const many = await post(sb, '/api/subscriptions', {
      defaults: { url: 'https://example.com/h', entityType: 'contact', signalTypes: ['promotion'] },
      subscriptions: Array.from({ length: 26 }, (_, i) => ({ entityId: String(i + 1) })),
    });
    expect(many.json.errors).toEqual(['subscriptions must contain no more than 25 elements']);
    const none = await post(sb, '/api/subscriptions', {
      defaults: { url: 'https://example.com/h', entityType: 'contact', signalTypes: [] },
      subscriptions: [],
    });
    expect(none.json.errors).toEqual([
      'defaults.signalTypes should not be empty',
      'subscriptions must contain at least 1 elements',
    ]);
    const noUrl = await post(sb, '/api/subscriptions', {
      defaults: { entityType: 'contact' },
      subscriptions: [{ entityId: '1' }],
    });
    expect(noUrl.json.errors).toEqual(['defaults.url should not be empty']);
  });

  test('HTTPS is required; plain HTTP only for loopback hosts', async () => {
    const attempt = (url: string) =>
      post(sb, '/api/subscriptions', {
        defaults: { url, entityType: 'contact', signalTypes: ['promotion'] },
        subscriptions: [{ entityId: String(freshPerson().personId) }],
      });
    for (const url of ['http://example.com/hook', 'http://10.0.0.5:8080/hook', 'ftp://example.com/x']) {
      const r = await attempt(url);
      expect(r.status).toBe(400);
      expect(r.json.errors).toEqual(['defaults.url must use HTTPS (HTTP URLs are not accepted)']);
    }
    expect((await attempt('not a url')).json.errors).toEqual(['defaults.url must be a URL address']);
    expect((await attempt(`https://example.com/${'a'.repeat(2050)}`)).json.errors).toEqual([
      'defaults.url must be shorter than or equal to 2048 characters',
    ]);
    for (const url of [
      'http://127.0.0.1:9/h',
      'http://localhost:9/h',
      'http://[::1]:9/h',
      'https://hooks.example.com/x',
    ]) {
      expect((await attempt(url)).status).toBe(201);
    }
  });

  test('partial success: per-index errors, one subscription per entity per account', async () => {
    const [p, q] = [freshPerson(), freshPerson()];
    await subscribe('contact', p.personId, ['promotion']);
    const r = await post(sb, '/api/subscriptions', {
      defaults: { url: hook.url, signalTypes: ['promotion'] },
      subscriptions: [
        { entityId: String(q.personId), entityType: 'contact' },
        { entityId: String(p.personId), entityType: 'contact' },
        { entityId: String(q.personId), entityType: 'contact' },
        { entityId: '123' },
        { entityId: String(freshCompany().id), entityType: 'company' },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ total: 5, successful: 1, failed: 4 });
    expect(
      r.json.results.map((x: { success: true } | { success: false; error: { code: string } }) =>
        x.success ? 'ok' : x.error.code,
      ),
    ).toEqual(['ok', 'DUPLICATE_SUBSCRIPTION', 'DUPLICATE_SUBSCRIPTION', 'VALIDATION_ERROR', 'VALIDATION_ERROR']);
    expect(r.json.results[1]).toEqual({
      index: 1,
      success: false,
      error: {
        code: 'DUPLICATE_SUBSCRIPTION',
        message: `Subscription already exists for entity type 'contact' with entity ID '${p.personId}'`,
      },
    });
    expect(r.json.results[3].error.message).toBe('entityType must be given in the item or in defaults');
    expect(r.json.results[4].error.message).toBe("signalTypes has no signal type of entity type 'company'");
    // Another account may subscribe to the same entity.
    await subscribe('contact', p.personId, ['promotion'], { key: OTHER });
  });

  test('mixed entity types share defaults.signalTypes; each keeps the types of its kind', async () => {
    const [p, c] = [freshPerson(), freshCompany()];
    const r = await post(sb, '/api/subscriptions', {
      defaults: { signalTypes: ['promotion', 'itSpendIncrease'], url: hook.url },
      subscriptions: [
        { entityType: 'contact', entityId: String(p.personId) },
        { entityType: 'company', entityId: String(c.id) },
        { entityType: 'company', entityId: String(freshCompany().id), signalTypes: ['allSignals'] },
      ],
    });
    expect(r.json.successful).toBe(3);
    expect(r.json.results.map((x: { subscription: { signalTypes: string[] } }) => x.subscription.signalTypes)).toEqual([
      ['promotion'],
      ['itSpendIncrease'],
      ['allSignals'],
    ]);
  });

  test('403 without Signals on the plan; 403 / FORBIDDEN at the subscription limit', async () => {
    const body = (ids: string[]) => ({
      defaults: { url: hook.url, entityType: 'contact', signalTypes: ['promotion'] },
      subscriptions: ids.map((entityId) => ({ entityId })),
    });
    const denied = await post(sb, '/api/subscriptions', body(['1']), { key: NO_SIGNALS });
    expectError(denied, 403, { message: 'Signals API not supported on your plan' });
    const first = await post(sb, '/api/subscriptions', body(['1', '2', '3']), { key: LIMITED });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ successful: 2, failed: 1 });
    expect(first.json.results[2].error).toEqual({
      code: 'FORBIDDEN',
      message: 'Maximum subscriptions limit reached for your account',
    });
    const full = await post(sb, '/api/subscriptions', body(['4']), { key: LIMITED });
    expectError(full, 403, { message: 'Maximum subscriptions limit reached for your account' });
  });
});

// ------------------------------------------------------------------ list, get, patch, delete

describe('GET /api/subscriptions and /api/subscriptions/{id}', () => {
  test('newest first, limit/offset paging, only the caller’s subscriptions', async () => {
    const s = await startSandbox({ now: NOW });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        s.clock.set(new Date(Date.parse(NOW) + i * 1000));
        const r = await post(s, '/api/subscriptions', {
          defaults: { url: 'https://example.com/h', entityType: 'company', signalTypes: ['surgeInHiring'] },
          subscriptions: [{ entityId: String(s.data.companies[i]!.id) }],
        });
        ids.push(r.json.results[0].subscription.id);
      }
      const page1 = await get(s, '/api/subscriptions');
      expect(page1.status).toBe(200);
      expect(page1.json.pagination).toEqual({ total: 12, limit: 10, offset: 0, hasMore: true });
      expect(page1.json.data.map((x: { id: string }) => x.id)).toEqual(ids.slice().reverse().slice(0, 10));
      expect(Object.keys(page1.json.data[0]).sort()).toEqual(SUBSCRIPTION_KEYS.filter((k) => k !== 'name'));
      const page2 = await get(s, '/api/subscriptions', { limit: '5', offset: '10' });
      expect(page2.json.pagination).toEqual({ total: 12, limit: 5, offset: 10, hasMore: false });
      expect(page2.json.data.map((x: { id: string }) => x.id)).toEqual([ids[1], ids[0]]);
      const bad = await get(s, '/api/subscriptions', { limit: '0', offset: '-1' });
      expectError(bad, 400, {
        message: 'Validation failed',
        errors: ['limit must not be less than 1', 'offset must not be less than 0'],
      });
      expect((await get(s, '/api/subscriptions', { limit: '101' })).json.errors).toEqual([
        'limit must not be greater than 100',
      ]);
      expect((await get(s, '/api/subscriptions', { limit: 'ten' })).json.errors).toEqual([
        'limit must be an integer number',
      ]);
    } finally {
      await s.stop();
    }
  });

  test('GET by id: own subscription; 404 for an unknown id or another account’s', async () => {
    const mine = await subscribe('contact', freshPerson().personId, ['companyChange'], { name: 'Mine' });
    const r = await get(sb, `/api/subscriptions/${mine.id}`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual(mine);
    for (const [id, key] of [
      ['507f1f77bcf86cd799439011', DEMO_KEY],
      ['not-an-id', DEMO_KEY],
      [mine.id, OTHER],
    ]) {
      const miss = await get(sb, `/api/subscriptions/${id}`, undefined, { key });
      expectError(miss, 404, { message: 'Resource not found' });
    }
    const others = await get(sb, '/api/subscriptions', { limit: '100' }, { key: OTHER });
    expect(others.json.data.map((x: { id: string }) => x.id)).not.toContain(mine.id);
  });
});

describe('PATCH /api/subscriptions/{id}', () => {
  test('updates signal types, URL and name; validates; 404 for unknown ids', async () => {
    const sub = await subscribe('company', freshCompany().id, ['surgeInHiring']);
    sb.clock.set('2025-06-16T08:00:00.000Z');
    try {
      const r = await call(sb, 'PATCH', `/api/subscriptions/${sub.id}`, {
        body: {
          signalTypes: ['riskNews', 'peopleNews'],
          url: 'https://new-domain.com/webhooks/lusha',
          name: 'Renamed',
        },
      });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({
        id: sub.id,
        signalTypes: ['riskNews', 'peopleNews'],
        url: 'https://new-domain.com/webhooks/lusha',
        name: 'Renamed',
        createdAt: NOW,
        updatedAt: '2025-06-16T08:00:00.000Z',
      });
      expect(r.json).not.toHaveProperty('secret');
    } finally {
      sb.clock.set(NOW);
    }
    const wrongKind = await call(sb, 'PATCH', `/api/subscriptions/${sub.id}`, { body: { signalTypes: ['promotion'] } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.json.errors[0]).toMatch(
      /^each value in signalTypes must be one of the following values: .*riskNews/,
    );
    const bad = await call(sb, 'PATCH', `/api/subscriptions/${sub.id}`, {
      body: { url: 'http://example.com/x', isActive: 'yes', colour: 'red' },
    });
    expect(bad.json).toEqual({
      statusCode: 400,
      message: 'Validation failed',
      errors: [
        'property colour should not exist',
        'url must use HTTPS (HTTP URLs are not accepted)',
        'isActive must be a boolean value',
      ],
    });
    const missing = await call(sb, 'PATCH', '/api/subscriptions/507f1f77bcf86cd799439011', { body: { name: 'x' } });
    expectError(missing, 404, { message: 'Resource not found' });
    const foreign = await call(sb, 'PATCH', `/api/subscriptions/${sub.id}`, { body: { name: 'x' }, key: OTHER });
    expect(foreign.status).toBe(404);
  });
});

describe('POST /api/subscriptions/delete', () => {
  test('bulk, per item: unknown ids NOT_FOUND, other accounts FORBIDDEN, duplicates once', async () => {
    const a = await subscribe('contact', freshPerson().personId, ['promotion'], { name: 'A' });
    const b = await subscribe('contact', freshPerson().personId, ['promotion']);
    const foreign = await subscribe('contact', freshPerson().personId, ['promotion'], { key: OTHER });
    const r = await post(sb, '/api/subscriptions/delete', { ids: [a.id, 'sub-456', a.id, foreign.id, b.id] });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      total: 4,
      successful: 2,
      failed: 2,
      results: [
        { index: 0, success: true, subscription: { id: a.id, entityType: 'contact', entityId: a.entityId, name: 'A' } },
        { index: 1, success: false, error: { code: 'NOT_FOUND', message: "Subscription with id 'sub-456' not found" } },
        {
          index: 3,
          success: false,
          error: { code: 'FORBIDDEN', message: 'Subscription does not belong to your account' },
        },
        { index: 4, success: true, subscription: { id: b.id, entityType: 'contact', entityId: b.entityId } },
      ],
    });
    expect((await get(sb, `/api/subscriptions/${a.id}`)).status).toBe(404);
    expect((await get(sb, `/api/subscriptions/${foreign.id}`, undefined, { key: OTHER })).status).toBe(200);
    // The entity is free again.
    await subscribe('contact', a.entityId, ['promotion']);
  });

  test('validation: 1–25 string ids', async () => {
    expect((await post(sb, '/api/subscriptions/delete', {})).json).toEqual({
      statusCode: 400,
      message: 'Validation failed',
      errors: ['ids should not be empty'],
    });
    expect((await post(sb, '/api/subscriptions/delete', { ids: [] })).json.errors).toEqual([
      'ids must contain at least 1 elements',
    ]);
    const many = await post(sb, '/api/subscriptions/delete', { ids: Array.from({ length: 26 }, (_, i) => `id${i}`) });
    expect(many.json.errors).toEqual(['ids must contain no more than 25 elements']);
    expect((await post(sb, '/api/subscriptions/delete', { ids: [1] })).json.errors).toEqual([
      'each value in ids must be a string',
    ]);
  });
});

// ------------------------------------------------------------------ deliveries

describe('deliveries', () => {
  test('a contact signal reaches every matching active subscription, signed, charged once per delivery', async () => {
    const p = freshPerson();
    const mine = await subscribe('contact', p.personId, ['promotion']);
    const theirs = await subscribe('contact', p.personId, ['allSignals'], { key: OTHER });
    const before = { demo: sb.credits.usage(DEMO_KEY).used, other: sb.credits.usage(OTHER).used };
    const start = hook.received.length;
    const attemptsBefore = sb.webhooks.deliveries().length;

    sb.signals.addContactSignal(p.personId, 'companyChange'); // only OTHER subscribed to it
    sb.signals.addContactSignal(p.personId, 'promotion');
    await sb.webhooks.idle();

    const got = hook.received.slice(start);
    expect(got).toHaveLength(3);
    const payloads = got.map((r) => JSON.parse(r.body));
    const mineGot = got.filter((_, i) => payloads[i].subscriptionId === mine.id);
    const theirsGot = got.filter((_, i) => payloads[i].subscriptionId === theirs.id);
    expect(mineGot).toHaveLength(1);
    expect(theirsGot).toHaveLength(2);
    for (const r of mineGot) expect(verify(r, DEMO_SECRET)).toBe(true);
    for (const r of theirsGot) {
      expect(verify(r, OTHER_SECRET)).toBe(true);
      expect(verify(r, DEMO_SECRET)).toBe(false);
    }
    const r = mineGot[0]!;
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['user-agent']).toBe('Lusha-Webhooks/1.0');
    expect(r.headers['x-lusha-timestamp']).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(r.headers['x-lusha-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(r.headers['x-lusha-signature']).toMatch(/^[0-9a-f]{64}$/);
    const payload = JSON.parse(r.body);
    expect(Object.keys(payload)).toEqual([
      'id',
      'type',
      'entityType',
      'entityId',
      'subscriptionId',
      'data',
      'timestamp',
      'billing',
    ]);
    expect(payload).toMatchObject({
      type: 'promotion',
      entityType: 'contact',
      entityId: String(p.personId),
      subscriptionId: mine.id,
      timestamp: NOW,
      billing: { creditsCharged: 1 },
    });
    expect(payload.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const company = sb.data.companyOf(p);
    expect(payload.data).toEqual({
      personId: p.personId,
      currentCompanyId: company.id,
      currentCompanyName: company.name,
      currentDomain: company.domain,
      currentTitle: p.jobTitle,
      currentDepartments: p.departments.map((value) => ({ id: expect.any(Number), value })),
      previousCompanyName: expect.any(String),
      previousDomain: expect.any(String),
      signalDate: NOW.slice(0, 10),
    });

    // The ledger moves by what the payloads say they cost.
    const billed = (subId: string) =>
      payloads.filter((x) => x.subscriptionId === subId).reduce((n, x) => n + x.billing.creditsCharged, 0);
    expect(sb.credits.usage(DEMO_KEY).used - before.demo).toBe(billed(mine.id));
    expect(sb.credits.usage(OTHER).used - before.other).toBe(billed(theirs.id));
    expect([billed(mine.id), billed(theirs.id)]).toEqual([1, 2]);
    const attempts = sb.webhooks.deliveries().slice(attemptsBefore);
    expect(attempts).toHaveLength(3);
    const a = attempts.find((d) => d.subscriptionId === mine.id)!;
    expect(a).toMatchObject({
      key: DEMO_KEY,
      kind: 'signal',
      attempt: 1,
      url: hook.url,
      status: 201,
      ok: true,
      error: null,
    });
    expect(a.creditsCharged).toBe(1);
    expect(a.body).toBe(r.body);
    expect(a.headers['x-lusha-signature']).toBe(r.headers['x-lusha-signature']);
    expect(JSON.parse(a.responseBody)).toMatchObject({ received: true, webhookId: payload.id });

    const logs = await get(sb, '/api/audit-logs', { subscriptionId: mine.id });
    expect(logs.json.data).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        subscriptionId: mine.id,
        payloadId: payload.id,
        status: 'success',
        statusCode: 201,
        url: hook.url,
        deliveredAt: NOW,
        durationMs: expect.any(Number),
        error: null,
      },
    ]);
    expect(logs.json.pagination).toEqual({ total: 1, limit: 50, offset: 0, hasMore: false });
  });

  test('company signals: news data as documented; other types carry signalDate and their fields', async () => {
    const c = freshCompany();
    const sub = await subscribe('company', c.id, ['commercialActivityNews', 'surgeInHiring']);
    const start = hook.received.length;
    const news = sb.signals.addCompanySignal(c.id, 'commercialActivityNews');
    sb.signals.addCompanySignal(c.id, 'surgeInHiring');
    sb.signals.addCompanySignal(c.id, 'riskNews'); // not subscribed
    await sb.webhooks.idle();
    const payloads = hook.received.slice(start).map((r) => JSON.parse(r.body));
    expect(payloads.map((x) => x.type).sort()).toEqual(['commercialActivityNews', 'surgeInHiring']);
    const n = payloads.find((x) => x.type === 'commercialActivityNews');
    expect(n).toMatchObject({ entityType: 'company', entityId: String(c.id), subscriptionId: sub.id });
    expect(Object.keys(n.data)).toEqual([
      'companyId',
      'companyName',
      'domain',
      'signalId',
      'eventType',
      'eventSummary',
      'articlePublishedDate',
      'articleTitle',
      'articleHighlight',
      'eventEffectiveDate',
      'articleUrl',
    ]);
    expect(n.data).toMatchObject({
      companyId: String(c.id),
      companyName: c.name,
      domain: c.domain,
      signalId: news.signalId,
    });
    const h = payloads.find((x) => x.type === 'surgeInHiring');
    expect(h.data).toMatchObject({ companyId: String(c.id), signalDate: NOW.slice(0, 10), changeRatePercent: 150 });
  });

  test('failures are retried 3 times with backoff, then the subscription is disabled; nothing is charged', async () => {
    const p = freshPerson();
    const sub = await subscribe('contact', p.personId, ['promotion']);
    hook.answer = () => ({ status: 500, body: '{"error":"down"}' });
    const before = sb.credits.usage(DEMO_KEY).used;
    const start = hook.received.length;
    const t0 = Date.now();
    sb.signals.addContactSignal(p.personId, 'promotion');
    await sb.webhooks.idle();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(20 + 40 + 60 - 5);
    const got = hook.received.slice(start);
    expect(got).toHaveLength(4);
    expect(new Set(got.map((r) => r.body)).size).toBe(1); // the same payload every time
    for (const r of got) expect(verify(r, DEMO_SECRET)).toBe(true);
    expect(sb.credits.usage(DEMO_KEY).used).toBe(before);
    const attempts = sb.webhooks.deliveries().filter((d) => d.subscriptionId === sub.id);
    expect(attempts.map((d) => [d.attempt, d.status, d.ok, d.error, d.creditsCharged])).toEqual([
      [1, 500, false, 'HTTP 500', 0],
      [2, 500, false, 'HTTP 500', 0],
      [3, 500, false, 'HTTP 500', 0],
      [4, 500, false, 'HTTP 500', 0],
    ]);
    const after = await get(sb, `/api/subscriptions/${sub.id}`);
    expect(after.json).toMatchObject({ isActive: false, blockReason: 'Max retries exceeded', blockedAt: NOW });
    const logs = await get(sb, '/api/audit-logs', { subscriptionId: sub.id });
    expect(logs.json.data.map((e: LogRow) => [e.status, e.statusCode, e.error])).toEqual([
      ['permanent_failure', 500, 'HTTP 500'],
      ['failed', 500, 'HTTP 500'],
      ['failed', 500, 'HTTP 500'],
      ['failed', 500, 'HTTP 500'],
    ]);
    const failedOnly = await get(sb, '/api/audit-logs', { subscriptionId: sub.id, status: 'failed', limit: '2' });
    expect(failedOnly.json.pagination).toEqual({ total: 3, limit: 2, offset: 0, hasMore: true });
    const stats = await get(sb, '/api/audit-logs/stats', { subscriptionId: sub.id });
    expect(stats.json).toEqual({ total: 4, success: 0, failed: 4, successRate: '0.00%' });

    // Disabled: a new signal is not delivered.
    hook.answer = ACK;
    sb.signals.addContactSignal(p.personId, 'promotion');
    await sb.webhooks.idle();
    expect(hook.received.length - start).toBe(4);

    // PATCH isActive: true reactivates it and clears the block.
    const re = await call(sb, 'PATCH', `/api/subscriptions/${sub.id}`, { body: { isActive: true } });
    expect(re.json).toMatchObject({ isActive: true, blockReason: null, blockedAt: null });
    sb.signals.addContactSignal(p.personId, 'promotion');
    await sb.webhooks.idle();
    expect(hook.received.length - start).toBe(5);
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(1);
    const stats2 = await get(sb, '/api/audit-logs/stats', { subscriptionId: sub.id });
    expect(stats2.json).toEqual({ total: 5, success: 1, failed: 4, successRate: '20.00%' });
  });

  test('a retry that succeeds is charged once; a slow answer (over the timeout) counts as a failure', async () => {
    const p = freshPerson();
    const sub = await subscribe('contact', p.personId, ['companyChange']);
    hook.answer = (r) => {
      const mineSoFar = hook.received.filter((x) => JSON.parse(x.body).subscriptionId === sub.id).length;
      if (mineSoFar === 1) return { status: 503 };
      if (mineSoFar === 2) return { ...ACK(r), delayMs: 800 }; // answers after the 400 ms timeout
      return ACK(r);
    };
    const before = sb.credits.usage(DEMO_KEY).used;
    sb.signals.addContactSignal(p.personId, 'companyChange');
    await sb.webhooks.idle();
    const attempts = sb.webhooks.deliveries().filter((d) => d.subscriptionId === sub.id);
    expect(attempts.map((d) => [d.attempt, d.ok])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(attempts[1]!.error).toMatch(/^Timeout/);
    expect(new Set(attempts.map((d) => d.payloadId)).size).toBe(1);
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(1);
    expect(attempts.map((d) => d.creditsCharged)).toEqual([0, 0, 1]);
    expect((await get(sb, `/api/subscriptions/${sub.id}`)).json.isActive).toBe(true);
    const logs = await get(sb, '/api/audit-logs', { subscriptionId: sub.id });
    expect(logs.json.data.map((e: LogRow) => e.status)).toEqual(['success', 'failed', 'failed']);
    expect(logs.json.data[1]).not.toHaveProperty('statusCode'); // no answer in time
  });

  test('a receiver’s own 2xx body is accepted (the acknowledgement body is not checked)', async () => {
    const p = freshPerson();
    const sub = await subscribe('contact', p.personId, ['promotion']);
    hook.answer = () => ({ status: 200, body: '{"status":"success","attempt":"abc"}' });
    sb.signals.addContactSignal(p.personId, 'promotion');
    await sb.webhooks.idle();
    expect(
      sb.webhooks
        .deliveries()
        .filter((d) => d.subscriptionId === sub.id)
        .map((d) => d.ok),
    ).toEqual([true]);
  });

  test('deactivated and deleted subscriptions get nothing; unreachable URLs fail like any other error', async () => {
    const [p, q] = [freshPerson(), freshPerson()];
    const off = await subscribe('contact', p.personId, ['promotion']);
    const gone = await subscribe('contact', q.personId, ['promotion']);
    await call(sb, 'PATCH', `/api/subscriptions/${off.id}`, { body: { isActive: false } });
    expect((await get(sb, `/api/subscriptions/${off.id}`)).json).toMatchObject({ isActive: false, blockReason: null });
    await post(sb, '/api/subscriptions/delete', { ids: [gone.id] });
    const start = sb.webhooks.deliveries().length;
    sb.signals.addContactSignal(p.personId, 'promotion');
    sb.signals.addContactSignal(q.personId, 'promotion');
    await sb.webhooks.idle();
    expect(sb.webhooks.deliveries().length).toBe(start);

    const closed = await receiver();
    await closed.close();
    const r = freshPerson();
    const dead = await subscribe('contact', r.personId, ['promotion'], { url: closed.url });
    sb.signals.addContactSignal(r.personId, 'promotion');
    await sb.webhooks.idle();
    const attempts = sb.webhooks.deliveries().filter((d) => d.subscriptionId === dead.id);
    expect(attempts).toHaveLength(4);
    expect(attempts.every((d) => d.status === 0 && !d.ok && d.error !== null)).toBe(true);
    expect((await get(sb, `/api/subscriptions/${dead.id}`)).json.isActive).toBe(false);
  });

  test('out of credits: the signal is not delivered, nothing is charged, the subscription stays active', async () => {
    const p = freshPerson();
    const sub = await subscribe('contact', p.personId, ['promotion'], { key: POOR });
    sb.credits.set(POOR, 0);
    const start = hook.received.length;
    sb.signals.addContactSignal(p.personId, 'promotion');
    await sb.webhooks.idle();
    expect(hook.received.length).toBe(start);
    expect(sb.credits.usage(POOR)).toMatchObject({ remaining: 0, used: 100 });
    const logs = await get(sb, '/api/audit-logs', undefined, { key: POOR });
    expect(logs.json.data[0]).toMatchObject({
      subscriptionId: sub.id,
      status: 'permanent_failure',
      error: 'Insufficient credits for this operation',
    });
    expect((await get(sb, `/api/subscriptions/${sub.id}`, undefined, { key: POOR })).json.isActive).toBe(true);
    sb.credits.set(POOR, 5);
    sb.signals.addContactSignal(p.personId, 'promotion');
    await sb.webhooks.idle();
    expect(hook.received.length).toBe(start + 1);
    expect(sb.credits.usage(POOR).remaining).toBe(4);
  });

  test('sb.webhooks.subscriptions(key) lists what the API would, with the owning key', async () => {
    const sub = await subscribe('company', freshCompany().id, ['allSignals'], { key: OTHER });
    const info = sb.webhooks.subscriptions(OTHER).find((s) => s.id === sub.id);
    expect(info).toEqual({ key: OTHER, ...sub });
    expect(sb.webhooks.subscriptions().length).toBeGreaterThan(sb.webhooks.subscriptions(OTHER).length);
  });
});

// ------------------------------------------------------------------ test deliveries

describe('POST /api/subscriptions/{id}/test', () => {
  test('full (default) and direct: one signed test delivery, free, with empty data and creditsCharged 0', async () => {
    const sub = await subscribe('contact', freshPerson().personId, ['allSignals'], { name: 'My Test Webhook' });
    const before = sb.credits.usage(DEMO_KEY).used;
    for (const mode of [undefined, 'direct']) {
      const start = hook.received.length;
      const r = await call(sb, 'POST', `/api/subscriptions/${sub.id}/test`, { query: mode ? { mode } : {} });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        subscriptionId: sub.id,
        subscriptionName: 'My Test Webhook',
        url: hook.url,
        mode: mode ?? 'full',
        flowCheck: { success: true, statusCode: 201, durationMs: expect.any(Number) },
        testPayload: { entityType: 'contact', signalType: 'promotion', data: {} },
        isSuccess: true,
        timestamp: NOW,
      });
      expect(hook.received.length).toBe(start + 1);
      const got = hook.received[start]!;
      expect(verify(got, DEMO_SECRET)).toBe(true);
      expect(JSON.parse(got.body)).toMatchObject({
        type: 'promotion',
        entityType: 'contact',
        entityId: sub.entityId,
        subscriptionId: sub.id,
        data: {},
        billing: { creditsCharged: 0 },
      });
    }
    expect(sb.credits.usage(DEMO_KEY).used).toBe(before);
    const kinds = sb.webhooks
      .deliveries()
      .filter((d) => d.subscriptionId === sub.id)
      .map((d) => d.kind);
    expect(kinds).toEqual(['test', 'test']);
    const logs = await get(sb, '/api/audit-logs', { subscriptionId: sub.id });
    expect(logs.json.data.map((e: LogRow) => e.status)).toEqual(['success', 'success']);
  });

  test('kafka mode sends nothing; a failing receiver is reported, not retried, and does not disable', async () => {
    const sub = await subscribe('company', freshCompany().id, ['itSpendIncrease']);
    const start = hook.received.length;
    const k = await call(sb, 'POST', `/api/subscriptions/${sub.id}/test`, { query: { mode: 'kafka' } });
    expect(k.json).toMatchObject({ mode: 'kafka', isSuccess: true, testPayload: { signalType: 'itSpendIncrease' } });
    expect(hook.received.length).toBe(start);
    hook.answer = () => ({ status: 410 });
    const f = await call(sb, 'POST', `/api/subscriptions/${sub.id}/test`);
    expect(f.json).toMatchObject({ isSuccess: false, flowCheck: { success: false, statusCode: 410 } });
    await sb.webhooks.idle();
    expect(hook.received.length).toBe(start + 1);
    expect((await get(sb, `/api/subscriptions/${sub.id}`)).json.isActive).toBe(true);
  });

  test('400 for a bad mode, 404 for an unknown id, 403 for another account’s subscription', async () => {
    const sub = await subscribe('contact', freshPerson().personId, ['promotion']);
    const bad = await call(sb, 'POST', `/api/subscriptions/${sub.id}/test`, { query: { mode: 'fast' } });
    expect(bad.json).toEqual({
      statusCode: 400,
      message: 'Validation failed',
      errors: ['mode must be one of the following values: direct, kafka, full'],
    });
    const missing = await call(sb, 'POST', '/api/subscriptions/507f1f77bcf86cd799439011/test');
    expect(missing.json).toEqual({ statusCode: 404, message: 'Resource not found' });
    const foreign = await call(sb, 'POST', `/api/subscriptions/${sub.id}/test`, { key: OTHER });
    expectError(foreign, 403, { message: 'Subscription does not belong to your account' });
  });
});

// ------------------------------------------------------------------ secrets

describe('account secret', () => {
  test('the demo key has its documented secret', async () => {
    const s = await startSandbox({ now: NOW });
    try {
      const r = await get(s, '/api/account/secret');
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ secret: DEFAULT_KEY.webhookSecret });
      expect(s.webhooks.secret(DEMO_KEY)).toBe(DEFAULT_KEY.webhookSecret);
    } finally {
      await s.stop();
    }
  });

  test('no secret: 404, no deliveries, no test until one is generated; then signed with the new one', async () => {
    const missing = await get(sb, '/api/account/secret', undefined, { key: NO_SECRET });
    expectError(missing, 404, { message: 'Account secret not found. Please generate one first.' });
    const p = freshPerson();
    const sub = await subscribe('contact', p.personId, ['promotion'], { key: NO_SECRET });
    const start = hook.received.length;
    sb.signals.addContactSignal(p.personId, 'promotion');
    await sb.webhooks.idle();
    expect(hook.received.length).toBe(start);
    const logs = await get(sb, '/api/audit-logs', undefined, { key: NO_SECRET });
    expect(logs.json.data[0]).toMatchObject({
      status: 'permanent_failure',
      error: 'Account secret not found. Please generate one first.',
    });
    const test = await call(sb, 'POST', `/api/subscriptions/${sub.id}/test`, { key: NO_SECRET });
    expect(test.json).toEqual({ statusCode: 400, message: 'Account secret not found. Please generate one first.' });
    expect(sb.credits.usage(NO_SECRET).used).toBe(0);

    const gen = await post(sb, '/api/account/secret/regenerate', undefined, { key: NO_SECRET });
    expect(gen.status).toBe(200);
    expect(gen.json.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    expect((await get(sb, '/api/account/secret', undefined, { key: NO_SECRET })).json).toEqual({
      secret: gen.json.secret,
    });
    sb.signals.addContactSignal(p.personId, 'promotion');
    await sb.webhooks.idle();
    expect(hook.received.length).toBe(start + 1);
    expect(verify(hook.received[start]!, gen.json.secret)).toBe(true);
  });

  test('regenerating replaces the secret for every subscription of the account, retries included', async () => {
    const s = await boot({ webhooks: { retryDelaysMs: [500, 10, 10] } });
    const local = await receiver((r, n) => (n === 1 ? { status: 500 } : ACK(r)));
    try {
      const p = s.data.people[0]!;
      const q = s.data.people[1]!;
      await post(s, '/api/subscriptions', {
        defaults: { url: local.url, entityType: 'contact', signalTypes: ['promotion'] },
        subscriptions: [{ entityId: String(p.personId) }, { entityId: String(q.personId) }],
      });
      s.signals.addContactSignal(p.personId, 'promotion'); // first attempt fails, the retry waits 500 ms
      while (local.received.length < 1) await new Promise((r) => setTimeout(r, 5));
      const old = DEFAULT_KEY.webhookSecret as string;
      expect(verify(local.received[0]!, old)).toBe(true);
      const fresh = (await post(s, '/api/account/secret/regenerate', undefined)).json.secret as string;
      expect(fresh).not.toBe(old);
      s.signals.addContactSignal(q.personId, 'promotion');
      await s.webhooks.idle();
      expect(local.received).toHaveLength(3);
      for (const r of local.received.slice(1)) {
        expect(verify(r, fresh)).toBe(true);
        expect(verify(r, old)).toBe(false);
      }
    } finally {
      await s.stop();
      await local.close();
    }
  });

  test('PATCH regenerateSecret: true regenerates the account secret and returns it once', async () => {
    const s = await boot();
    try {
      const created = await post(s, '/api/subscriptions', {
        defaults: { url: 'https://example.com/h', entityType: 'contact', signalTypes: ['promotion'] },
        subscriptions: [{ entityId: '1' }],
      });
      const id = created.json.results[0].subscription.id;
      const r = await call(s, 'PATCH', `/api/subscriptions/${id}`, { body: { regenerateSecret: true } });
      expect(r.status).toBe(200);
      expect(r.json.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
      expect((await get(s, '/api/account/secret')).json.secret).toBe(r.json.secret);
      expect((await get(s, `/api/subscriptions/${id}`)).json).not.toHaveProperty('secret');
    } finally {
      await s.stop();
    }
  });
});

// ------------------------------------------------------------------ audit log validation

describe('GET /api/audit-logs', () => {
  test('validation of status, limit and offset; stats of an account without deliveries', async () => {
    const bad = await get(sb, '/api/audit-logs', { status: 'ok', limit: '500', offset: 'x' });
    expectError(bad, 400, {
      message: 'Validation failed',
      errors: [
        'status must be one of the following values: success, failed, permanent_failure',
        'limit must not be greater than 100',
        'offset must be an integer number',
      ],
    });
    const stats = await get(sb, '/api/audit-logs/stats', undefined, { key: NO_SIGNALS });
    expect(stats.json).toEqual({ total: 0, success: 0, failed: 0, successRate: '0.00%' });
    const none = await get(sb, '/api/audit-logs', undefined, { key: NO_SIGNALS });
    expect(none.json).toEqual({ data: [], pagination: { total: 0, limit: 50, offset: 0, hasMore: false } });
  });
});

// ------------------------------------------------------------------ opt-out

describe('POST /api/subscriptions/opt-out', () => {
  test('one per account; an opt-out is delivered signed, free, with the documented payload', async () => {
    const s = await boot({ webhooks: { retryDelaysMs: [10, 10, 10] } });
    const local = await receiver();
    try {
      const bad = await post(s, '/api/subscriptions/opt-out', { entityType: 'company', url: 'http://example.com/x' });
      expect(bad.json).toEqual({
        statusCode: 400,
        message: 'Validation failed',
        errors: [
          'entityType must be one of the following values: contact',
          'url must use HTTPS (HTTP URLs are not accepted)',
        ],
      });
      const r = await post(s, '/api/subscriptions/opt-out', {
        entityType: 'contact',
        url: local.url,
        name: 'Account opt-out webhook',
      });
      expect(r.status).toBe(201);
      expect(r.json).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        entityType: 'contact',
        entityId: expect.stringMatching(/^\d{6}$/),
        signalTypes: ['optOut'],
        url: local.url,
        name: 'Account opt-out webhook',
        isActive: true,
        createdAt: NOW,
        updatedAt: NOW,
      });
      const again = await post(s, '/api/subscriptions/opt-out', { entityType: 'contact', url: local.url });
      expect(again.json).toEqual({
        statusCode: 403,
        message: 'An opt-out subscription already exists for this account',
      });
      expect((await get(s, '/api/subscriptions')).json.data.map((x: { id: string }) => x.id)).toEqual([r.json.id]);

      const p = s.data.samples.personWithEmailAndPhone;
      const before = s.credits.usage(DEMO_KEY).used;
      expect(s.webhooks.optOut(p.personId)).toBe(1);
      await s.webhooks.idle();
      expect(local.received).toHaveLength(1);
      expect(verify(local.received[0]!, DEFAULT_KEY.webhookSecret as string)).toBe(true);
      const payload = JSON.parse(local.received[0]!.body);
      expect(payload).toEqual({
        contactId: String(p.personId),
        fullName: p.fullName,
        companyName: s.data.companyOf(p).name,
        jobTitle: p.jobTitle,
        ...(p.linkedinUrl ? { linkedinUrl: p.linkedinUrl } : {}),
        contactOptOutDate: '2025-06-15 12:00:00.000',
        contactExposureDate: '2025-06-15 12:00:00.000',
        datapoints: [
          ...p.emails.map((e) => ({ datapointId: e.email, datapointType: 'email' })),
          ...p.phones.map((ph) => ({ datapointId: ph.number, datapointType: 'phone' })),
        ],
        partnerClientId: null,
      });
      expect(s.credits.usage(DEMO_KEY).used).toBe(before);
      // A contact signal never goes to the opt-out subscription.
      s.signals.addContactSignal(p.personId, 'promotion');
      await s.webhooks.idle();
      expect(local.received).toHaveLength(1);
    } finally {
      await s.stop();
      await local.close();
    }
  });
});

// ------------------------------------------------------------------ stop

describe('stop()', () => {
  test('cancels waiting retries and attempts in flight; idle() resolves', async () => {
    const s = await boot({ webhooks: { retryDelaysMs: [60_000, 60_000, 60_000], timeoutMs: 60_000 } });
    const failing = await receiver(() => ({ status: 500 }));
    const stalling = await receiver(() => ({ status: 200, delayMs: 60_000 }));
    try {
      const [p, q] = [s.data.people[0]!, s.data.people[1]!];
      await post(s, '/api/subscriptions', {
        defaults: { url: failing.url, entityType: 'contact', signalTypes: ['promotion'] },
        subscriptions: [{ entityId: String(p.personId) }],
      });
      await post(s, '/api/subscriptions', {
        defaults: { url: stalling.url, entityType: 'contact', signalTypes: ['promotion'] },
        subscriptions: [{ entityId: String(q.personId) }],
      });
      s.signals.addContactSignal(p.personId, 'promotion');
      s.signals.addContactSignal(q.personId, 'promotion');
      while (failing.received.length < 1 || stalling.received.length < 1) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 20));
      const idle = s.webhooks.idle();
      const t0 = Date.now();
      await s.stop();
      await idle;
      expect(Date.now() - t0).toBeLessThan(2_000);
      expect(failing.received).toHaveLength(1);
      expect(s.credits.usage(DEMO_KEY).used).toBe(0);
    } finally {
      await failing.close();
      await stalling.close();
    }
  });
});
