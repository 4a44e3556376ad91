/**
 * Lusha sandbox: a local stand-in for Lusha's V2 REST API, written from the API documentation.
 * Independent of the connector: nothing here imports from src/ or index.ts.
 */
import { Account, DEFAULT_KEY } from './accounts';
import type { CompanySignalType, ContactSignalType } from './catalog';
import { makeState } from './context';
import { toDate, ymd } from './dates';
import type { CompanySignalRecord, ContactSignalRecord, SandboxPerson } from './model';
import { makeSamples } from './samples';
import { SandboxServer } from './server';
import { Store } from './store';
import type { Sandbox, SandboxData, SandboxKeyConfig, SandboxOptions } from './types';
import { V3_PRICING } from './v3/pricing';
import { revealLedger } from './v3/reveals';

import { attachWebhookHub, WEBHOOK_DEFAULTS, WebhookHub } from './v3/webhookHub';
import { WEBHOOKS_BUCKET } from './v3/webhooks';

export * from './types';
export { DEFAULT_KEY } from './accounts';
export { COMPANY_SIGNAL_TYPES, CONTACT_SIGNAL_TYPES, DEPARTMENTS, NEWS_EVENT_TYPES, SENIORITIES } from './catalog';

export const DEFAULT_SEED = 42;

function validateKeys(keys: SandboxKeyConfig[]): void {
  const seen = new Set<string>();
  for (const k of keys) {
    if (typeof k.key !== 'string' || k.key === '') throw new Error('Each key needs a non-empty `key`');
    if (seen.has(k.key)) throw new Error(`Duplicate key ${k.key}`);
    seen.add(k.key);
    if (k.plan !== 'unified' && k.plan !== 'classic')
      throw new Error(`Key ${k.key}: plan must be 'unified' or 'classic'`);
    if (typeof k.credits !== 'number' || !(k.credits >= 0))
      throw new Error(`Key ${k.key}: credits must be a number >= 0`);
    if (typeof k.signals !== 'boolean') throw new Error(`Key ${k.key}: signals must be a boolean`);
    if (k.v3Access !== undefined && typeof k.v3Access !== 'boolean') {
      throw new Error(`Key ${k.key}: v3Access must be a boolean`);
    }
    if (k.planCategory !== undefined && (typeof k.planCategory !== 'string' || k.planCategory === '')) {
      throw new Error(`Key ${k.key}: planCategory must be a non-empty string`);
    }
    for (const [action, e] of Object.entries(k.pricing ?? {})) {
      if (!(action in V3_PRICING)) throw new Error(`Key ${k.key}: pricing.${action} is not a V3 action`);
      const ok = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
      if (!e || !ok(e.credits) || !ok(e.perQuantity) || e.perQuantity < 1) {
        throw new Error(`Key ${k.key}: pricing.${action} needs integer credits >= 0 and perQuantity >= 1`);
      }
    }
    const tracked = k.trackedDomains;
    const domainsOk = Array.isArray(tracked) && tracked.every((d) => typeof d === 'string' && d.trim() !== '');
    if (tracked !== undefined && !domainsOk) {
      throw new Error(`Key ${k.key}: trackedDomains must be an array of non-empty strings`);
    }
    const secret = k.webhookSecret;
    if (secret !== undefined && secret !== null && (typeof secret !== 'string' || secret === '')) {
      throw new Error(`Key ${k.key}: webhookSecret must be a non-empty string or null`);
    }
    if (k.maxSubscriptions !== undefined && !(Number.isInteger(k.maxSubscriptions) && k.maxSubscriptions >= 0)) {
      throw new Error(`Key ${k.key}: maxSubscriptions must be an integer >= 0`);
    }
  }
}

function webhookSettings(options: SandboxOptions) {
  const w = options.webhooks ?? {};
  const delays = w.retryDelaysMs ?? WEBHOOK_DEFAULTS.retryDelaysMs;
  if (delays.length !== 3 || !delays.every((d) => Number.isFinite(d) && d >= 0)) {
    throw new Error('webhooks.retryDelaysMs must hold 3 delays (ms, >= 0): before retry 1, 2 and 3');
  }
  const timeoutMs = w.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs;
  if (!(timeoutMs > 0)) throw new Error('webhooks.timeoutMs must be > 0');
  const perMinute = w.rateLimitPerMinute ?? WEBHOOK_DEFAULTS.rateLimitPerMinute;
  if (!(Number.isInteger(perMinute) && perMinute > 0)) {
    throw new Error('webhooks.rateLimitPerMinute must be an integer > 0');
  }
  return { retryDelaysMs: [...delays], timeoutMs, perMinute };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? DEFAULT_SEED;
  const host = options.host ?? '127.0.0.1';
  let frozen: Date | null = options.now === undefined ? null : toDate(options.now);
  const clockNow = () => (frozen ? new Date(frozen.getTime()) : new Date());
  const start = clockNow();

  const keys = options.keys ?? [DEFAULT_KEY];
  validateKeys(keys);
  const webhookOptions = webhookSettings(options);
  const accounts = new Map(keys.map((k) => [k.key, new Account({ ...k })]));
  const store = new Store(seed, start);
  const state = makeState(store, clockNow, seed);
  const webhooks = new WebhookHub({
    seed,
    now: clockNow,
    retryDelaysMs: webhookOptions.retryDelaysMs,
    timeoutMs: webhookOptions.timeoutMs,
  });
  attachWebhookHub(state, webhooks);
  const server = new SandboxServer({
    accounts,
    state,
    rateLimitPerSecond: options.rateLimitPerSecond ?? 25,
    usageRateLimitPerMinute: options.usageRateLimitPerMinute ?? 5,
    buckets: { [WEBHOOKS_BUCKET]: { limit: webhookOptions.perMinute, windowMs: 60_000 } },
  });
  const port = await server.listen(options.port ?? 0, host);
  const urlHost = host.includes(':') ? `[${host}]` : host;

  const accountOf = (key: string) => {
    const a = accounts.get(key);
    if (!a) throw new Error(`Unknown sandbox key: ${key}`);
    return a;
  };
  const byDate = <T>(list: readonly T[], date: (x: T) => string) =>
    list.slice().sort((a, b) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0));

  const data: SandboxData = {
    people: store.people,
    companies: store.companies,
    person: (id) => store.person(id),
    company: (id) => store.company(id),
    personByEmail: (email) => store.personByEmailAddress(email),
    personByLinkedinUrl: (url) => store.personByLinkedinUrl(url),
    companyByDomain: (domain) => store.companyByDomainName(domain),
    companyByName: (name) => store.companyByCompanyName(name),
    peopleAt: (companyId) => store.peopleAt(companyId),
    companyOf: (p: SandboxPerson) => {
      const c = store.company(p.companyId);
      if (!c) throw new Error(`No company ${p.companyId}`);
      return c;
    },
    contactSignals: (personId) => byDate(store.allContactSignals(personId), (s: ContactSignalRecord) => s.signalDate),
    companySignals: (companyId) => byDate(store.allCompanySignals(companyId), (s: CompanySignalRecord) => s.date),
    samples: makeSamples(store, start),
  };

  return {
    url: `http://${urlHost}:${port}`,
    port,
    stop: async () => {
      webhooks.stop();
      await server.stop();
    },
    log: { entries: () => server.logEntries(), reset: () => server.resetLog() },
    faults: { add: (rule) => server.addFault(rule), clear: () => server.clearFaults() },
    credits: {
      usage: (key) => {
        const a = accountOf(key);
        return { used: a.used, total: a.total, remaining: a.remaining };
      },
      set: (key, remaining) => accountOf(key).setRemaining(remaining),
    },
    data,
    signals: {
      addContactSignal: (personId: number, type: ContactSignalType, fields = {}) => {
        const rec = store.addContactSignal(personId, type, fields.signalDate ?? ymd(clockNow()), fields);
        webhooks.contactSignal(rec);
        return rec;
      },
      addCompanySignal: (companyId: number, type: CompanySignalType, fields = {}) => {
        const rec = store.addCompanySignal(companyId, type, ymd(clockNow()), fields);
        const company = store.company(rec.companyId);
        if (company) webhooks.companySignal(rec, company);
        return rec;
      },
    },
    webhooks: {
      deliveries: () => webhooks.deliveries(),
      idle: () => webhooks.idle(),
      subscriptions: (key?: string) => webhooks.info(key),
      secret: (key: string) => webhooks.secretOf(accountOf(key)),
      optOut: (personId: number, opts = {}) => {
        const person = store.person(personId);
        if (!person) throw new Error(`Unknown personId ${personId}`);
        return webhooks.optOut(person, store.company(person.companyId)?.name ?? '', opts);
      },
    },
    reveals: {
      contact: (key, personId) => revealLedger(accountOf(key)).contacts.list(personId),
      company: (key, companyId) => revealLedger(accountOf(key)).companies.list(companyId),
      clear: (key) => revealLedger(accountOf(key)).clear(),
    },
    clock: {
      now: clockNow,
      set: (date) => {
        frozen = toDate(date);
      },
    },
  };
}
