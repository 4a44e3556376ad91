/**
 * The instant signal triggers end to end: the real app subscribes the sandbox's webhooks to a
 * local HTTP receiver standing in for Zapier's hook URL; each delivery the receiver catches is
 * handed to the trigger's `perform` through the app tester as Zapier passes it (the raw body,
 * and the headers with an `Http-` prefix and Zapier's casing).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { webhookSignature } from '../../src/lusha/webhook-signature';
import { SANDBOX_KEY, useSandbox } from '../support/sandbox';
import { App, appTester, bundleWith, expectZapierError } from '../support/zapier';

const NO_SECRET_KEY = 'no-webhook-secret-key';
const sandbox = useSandbox({
  keys: [
    { key: SANDBOX_KEY, plan: 'unified', credits: 10_000, signals: true, webhookSecret: 'whsec_e2e_0123456789abcdef' },
    { key: NO_SECRET_KEY, plan: 'unified', credits: 100, signals: true, webhookSecret: null },
  ],
  webhooks: { retryDelaysMs: [20, 40, 60], timeoutMs: 2_000 },
});

interface Caught {
  headers: Record<string, string>;
  body: string;
}

/** Zapier's hook URL, played by a local server: answers 200 and keeps what it caught. */
let receiver: http.Server;
let hookUrl = '';
const caught: Caught[] = [];
beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      // Zapier's form: "Http-" and each word capitalised.
      for (const [name, value] of Object.entries(req.headers)) {
        const zapierName = `Http-${name.replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase())}`;
        headers[zapierName] = String(value);
      }
      caught.push({ headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/catch/123/abc/`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
beforeEach(() => {
  caught.length = 0;
});

type Hook = 'new_contact_signal_instant' | 'new_company_signal_instant';
type Fn = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const op = (key: Hook) => App.triggers[key]!.operation as unknown as Record<string, Fn>;

const subscribe = (key: Hook, inputData: Record<string, unknown>, apiKey = SANDBOX_KEY) =>
  appTester(op(key).performSubscribe!, {
    ...bundleWith(inputData, { apiKey }),
    targetUrl: hookUrl,
  } as never) as Promise<Record<string, unknown> & { subscriptionIds: string[] }>;
const unsubscribe = (key: Hook, subscribeData: unknown) =>
  appTester(op(key).performUnsubscribe!, {
    ...bundleWith({}),
    authData: { api_key: SANDBOX_KEY },
    subscribeData,
    targetUrl: hookUrl,
  } as never);
const deliver = (key: Hook, subscribeData: unknown, delivery: Caught, inputData: Record<string, unknown> = {}) =>
  appTester(op(key).perform!, {
    ...bundleWith(inputData, { apiKey: SANDBOX_KEY }),
    subscribeData,
    rawRequest: { method: 'POST', querystring: '', headers: delivery.headers, content: delivery.body },
    cleanedRequest: JSON.parse(delivery.body) as unknown,
  } as never) as Promise<Array<Record<string, unknown>>>;

const ourSubscriptions = () =>
  sandbox()
    .webhooks.subscriptions(SANDBOX_KEY)
    .filter((s) => s.url === hookUrl);

describe('New Contact Signal (Instant)', () => {
  it('subscribes each watched contact, fires a new signal once with the polling trigger’s id, and unsubscribes all', async () => {
    const [p, q] = sandbox().data.people.slice(20, 22);
    const input = { person_ids: [String(p!.personId), String(q!.personId)], signal_types: ['promotion'] };
    const data = await subscribe('new_contact_signal_instant', input);
    expect(data).toMatchObject({ entityType: 'contact', entityIds: [String(p!.personId), String(q!.personId)] });
    expect(ourSubscriptions()).toHaveLength(2);
    expect(JSON.stringify(data)).not.toContain(sandbox().webhooks.secret(SANDBOX_KEY)!);

    sandbox().signals.addContactSignal(p!.personId, 'promotion');
    await sandbox().webhooks.idle();
    expect(caught).toHaveLength(1);
    const records = await deliver('new_contact_signal_instant', data, caught[0]!, input);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ signalType: 'promotion', personId: String(p!.personId) });

    // The polling lookup sees the same signal under the same id: switching triggers never fires it twice.
    const lookup = (await appTester(
      App.creates.get_contact_signals!.operation.perform as Fn,
      bundleWith(
        { person_ids: [String(p!.personId)], signal_types: ['promotion'], lookback_days: 30 },
        { apiKey: SANDBOX_KEY },
      ),
    )) as { signals: Array<{ id: string }> };
    expect(lookup.signals.map((s) => s.id)).toContain(records[0]!.id);

    await unsubscribe('new_contact_signal_instant', data);
    expect(ourSubscriptions()).toHaveLength(0);
  });

  it('refuses a tampered body, a wrong signature, a stale timestamp and a missing header', async () => {
    const p = sandbox().data.people[23]!;
    const data = await subscribe('new_contact_signal_instant', {
      person_ids: [String(p.personId)],
      signal_types: ['allSignals'],
    });
    sandbox().signals.addContactSignal(p.personId, 'companyChange');
    await sandbox().webhooks.idle();
    const real = caught[0]!;
    const secret = sandbox().webhooks.secret(SANDBOX_KEY)!;
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    const forged: Array<[string, Caught]> = [
      ['tampered body', { ...real, body: real.body.replace('companyChange', 'promotion') }],
      ['wrong signature', { ...real, headers: { ...real.headers, 'Http-X-Lusha-Signature': 'ab'.repeat(32) } }],
      [
        'stale timestamp, correctly signed',
        {
          body: real.body,
          headers: {
            ...real.headers,
            'Http-X-Lusha-Timestamp': stale,
            'Http-X-Lusha-Signature': webhookSignature(secret, stale, real.body),
          },
        },
      ],
      [
        'missing signature header',
        { ...real, headers: Object.fromEntries(Object.entries(real.headers).filter(([k]) => !/signature/i.test(k))) },
      ],
    ];
    for (const [, delivery] of forged) expect(await deliver('new_contact_signal_instant', data, delivery)).toEqual([]);
    expect(await deliver('new_contact_signal_instant', data, real)).toHaveLength(1);
    await unsubscribe('new_contact_signal_instant', data);
  });

  it('leaves nothing subscribed when one contact is refused half-way, and says what to do', async () => {
    const people = sandbox()
      .data.people.slice(40, 70)
      .map((p) => String(p.personId));
    // Another Zap already holds contact 28's subscription (one per contact per account).
    const other = await subscribe('new_contact_signal_instant', {
      person_ids: [people[27]!],
      signal_types: ['promotion'],
    });
    const error = await expectZapierError(
      appTester(op('new_contact_signal_instant').performSubscribe!, {
        ...bundleWith({ person_ids: people, signal_types: ['promotion'] }, { apiKey: SANDBOX_KEY }),
        targetUrl: `${hookUrl}second/`,
      } as never),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(new RegExp(`already has a subscription for contact ${people[27]}`));
    expect(error.message).toMatch(/New Contact Signal trigger/);
    expect(error.message).toMatch(/Nothing was left subscribed\.$/);
    expect(
      sandbox()
        .webhooks.subscriptions(SANDBOX_KEY)
        .filter((s) => s.url === `${hookUrl}second/`),
    ).toHaveLength(0);
    await unsubscribe('new_contact_signal_instant', other);
  });

  it('finds contacts given by email before subscribing, and refuses one Lusha cannot find, subscribing nothing', async () => {
    const p = sandbox().data.people.filter((x) => x.emails.length > 0)[30]!;
    const data = await subscribe('new_contact_signal_instant', {
      contacts: [{ email: p.emails[0]!.email }],
      signal_types: ['promotion'],
    });
    expect(data.entityIds).toEqual([String(p.personId)]);
    expect(
      sandbox()
        .log.entries()
        .map((e) => e.path),
    ).toContain('/v3/contacts/search');
    await unsubscribe('new_contact_signal_instant', data);

    const error = await expectZapierError(
      subscribe('new_contact_signal_instant', {
        contacts: [{ email: 'nobody.at.all@example.org' }],
        signal_types: ['promotion'],
      }),
    );
    expect(error.message).toMatch(/Lusha found no contact for .*nobody\.at\.all@example\.org.*nothing was subscribed/);
    expect(ourSubscriptions()).toHaveLength(0);
  });

  it('refuses to subscribe when the account has no webhook secret, and says how to create one', async () => {
    const error = await expectZapierError(
      subscribe(
        'new_contact_signal_instant',
        { person_ids: ['1300000001'], signal_types: ['promotion'] },
        NO_SECRET_KEY,
      ),
    );
    expect(error).toMatchObject({ name: 'HaltedError' });
    expect(error.message).toMatch(/no webhook secret .* Regenerate Account Secret/);
    expect(sandbox().webhooks.subscriptions(NO_SECRET_KEY)).toHaveLength(0);
  });

  it('drops Lusha’s test deliveries', async () => {
    const p = sandbox().data.people[24]!;
    const data = await subscribe('new_contact_signal_instant', {
      person_ids: [String(p.personId)],
      signal_types: ['promotion'],
    });
    const res = await fetch(`${sandbox().url}/api/subscriptions/${data.subscriptionIds[0]}/test`, {
      method: 'POST',
      headers: { api_key: SANDBOX_KEY },
    });
    expect(res.status).toBe(200);
    expect(caught).toHaveLength(1);
    expect(await deliver('new_contact_signal_instant', data, caught[0]!)).toEqual([]);
    await unsubscribe('new_contact_signal_instant', data);
  });
});

describe('New Company Signal (Instant)', () => {
  it('fires a company news signal once, under the polling trigger’s id', async () => {
    const c = sandbox().data.companies[30]!;
    const input = { company_ids: [String(c.id)], signal_types: ['commercialActivityNews'] };
    const data = await subscribe('new_company_signal_instant', input);
    const news = sandbox().signals.addCompanySignal(c.id, 'commercialActivityNews');
    await sandbox().webhooks.idle();
    expect(caught).toHaveLength(1);
    const records = await deliver('new_company_signal_instant', data, caught[0]!, input);
    expect(records).toEqual([
      expect.objectContaining({ id: `commercialActivityNews:${String(news.signalId)}`, companyId: String(c.id) }),
    ]);
    // A contact trigger ignores a company delivery.
    expect(await deliver('new_contact_signal_instant', data, caught[0]!)).toEqual([]);
    await unsubscribe('new_company_signal_instant', data);
    expect(ourSubscriptions()).toHaveLength(0);
  });
});
