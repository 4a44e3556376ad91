/**
 * The steps of `npm start` (scripts/tour.ts), in order. Each runs one operation of the real
 * app through Zapier's app tester and says what it got; later steps take their inputs from
 * earlier ones (the person a reveal found, that person's company...), so the same tour
 * runs against the sandbox and against the real API.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle, createAppTester, ZObject } from 'zapier-platform-core';
import App from '../index';
import type { Sandbox } from '../sandbox';
import { DEMO_TRACKED_DOMAIN } from '../sandbox/v3/websiteVisits';

type AppTester = ReturnType<typeof createAppTester>;
type Perform = (z: ZObject, bundle: Bundle) => unknown;
type Json = Record<string, unknown>;
type Kind = 'triggers' | 'searches' | 'creates';

export interface TourContext {
  appTester: AppTester;
  authData: { api_key: string };
  /** The embedded sandbox, when the tour runs against it. */
  sandbox?: Sandbox;
  /** Whether steps that cost credits may run (always against the sandbox). */
  spendCredits: boolean;
  /** What earlier steps found, for later ones. */
  memory: TourMemory;
}

export interface TourMemory {
  requestId?: string;
  prospectIds?: string[];
  prospectCompanyIds?: string[];
  person?: Json;
  revealedEmails?: string[];
  company?: Json;
  watchedPeople?: string[];
  watchedCompanies?: string[];
  /** Signal ids already delivered, per trigger: Zapier's dedupe, as the tour sees it. */
  seen?: Record<string, Set<string>>;
}

export interface StepOutcome {
  /** The step's key inputs, in one line. */
  inputs: string;
  records: number;
  note?: string;
  /** Credits the operation's own output reports (used when there is no sandbox ledger). */
  creditsReported?: number;
  /** Extra checks on the measured result: a problem in words, or undefined. */
  check?: (result: { apiCalls: number; creditsCharged: number | null }) => string | undefined;
}

export interface TourStep {
  title: string;
  operation: string;
  costsCredits: boolean;
  /** Steps that need control over the API (making a new signal appear). */
  sandboxOnly?: boolean;
  run(ctx: TourContext): Promise<StepOutcome>;
}

const bundle = (ctx: TourContext, inputData: Json, meta: Json = {}) => ({ authData: ctx.authData, inputData, meta });

/** Runs one operation of the app, as Zapier would, and returns its output. */
async function run(ctx: TourContext, kind: Kind, key: string, inputData: Json, clearCache = false): Promise<Json> {
  const operation = (App[kind] as Record<string, { operation: { perform: Perform } } | undefined>)[key];
  if (!operation) throw new Error(`the app has no ${kind} operation "${key}"`);
  return (await ctx.appTester(operation.operation.perform, bundle(ctx, inputData), clearCache)) as Json;
}

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const text = (value: unknown) =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
const expect = (condition: boolean, problem: string) => (condition ? undefined : problem);
const firstProblem = (...problems: (string | undefined)[]) => problems.find((p) => p !== undefined);
/** The output's Credits Charged is what the ledger charged (null: the real API, whose ledger the tour cannot see). */
const reportsWhatWasCharged = (reported: unknown, charged: number | null) =>
  expect(
    charged === null || Number(reported) === charged,
    `output says ${String(reported)} credits, ledger ${charged}`,
  );

function need<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null || value === '') throw new Error(`an earlier step did not provide ${what}`);
  return value;
}

/** Runs a polling trigger like Zapier: returns the items and which of them are new since the last poll. */
async function poll(ctx: TourContext, key: string, inputData: Json, afterInterval: boolean) {
  const items = list(await run(ctx, 'triggers', key, inputData, afterInterval));
  const seen = ((ctx.memory.seen ??= {})[key] ??= new Set<string>());
  const fresh = items.filter((item) => !seen.has(text(item.id)));
  fresh.forEach((item) => seen.add(text(item.id)));
  return { items, fresh };
}

/** Lusha V3 finds lookalikes of at least this many seeds. */
const LOOKALIKE_SEEDS = 5;

/**
 * Five seed contacts as a Zap has them, by email or LinkedIn URL only: the person found, the
 * emails revealed, and (in the sandbox) people of the person's department to make up five.
 */
function lookalikeContactSeeds(ctx: TourContext, person: Json): Json[] {
  const seeds: Json[] = [];
  const add = (seed: Json) => {
    const key = JSON.stringify(seed).toLowerCase();
    if (seeds.length < LOOKALIKE_SEEDS && !seeds.some((s) => JSON.stringify(s).toLowerCase() === key)) seeds.push(seed);
  };
  if (text(person.linkedinUrl)) add({ linkedin_url: text(person.linkedinUrl) });
  if (text(person.email)) add({ email: text(person.email) });
  for (const email of ctx.memory.revealedEmails ?? []) add({ email });
  const department = text(person.departments).split(', ')[0];
  for (const p of ctx.sandbox?.data.people ?? []) {
    if (seeds.length >= LOOKALIKE_SEEDS) break;
    if (p.departments[0] !== department) continue;
    if (p.linkedinUrl && seeds.length % 2 === 0) add({ linkedin_url: p.linkedinUrl });
    else if (p.emails[0]) add({ email: p.emails[0].email });
  }
  return seeds;
}

/** Five seed companies by domain: the company found and (in the sandbox) companies of its industry. */
function lookalikeCompanySeeds(ctx: TourContext, company: Json): Json[] {
  const domains = new Set<string>(text(company.domain) ? [text(company.domain)] : []);
  for (const c of ctx.sandbox?.data.companies ?? []) {
    if (domains.size >= LOOKALIKE_SEEDS) break;
    if (c.mainIndustry === text(company.industry)) domains.add(c.domain);
  }
  return [...domains].map((domain) => ({ domain }));
}

const PROSPECT_FILTERS = { seniority: ['VP', 'Director'], departments: ['Sales'], data_points: ['work_email'] };

const LOOKBACK_DAYS = 60;

/** In the sandbox, a few more entities with signals inside the look-back, so the polls have something to show. */
function activeInSandbox(ctx: TourContext, kind: 'people' | 'companies'): string[] {
  const sandbox = ctx.sandbox;
  if (!sandbox) return [];
  const since = new Date(sandbox.clock.now().getTime() - LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const ids =
    kind === 'people'
      ? sandbox.data.people
          .filter((p) => sandbox.data.contactSignals(p.personId).some((s) => s.signalDate >= since))
          .map((p) => p.personId)
      : sandbox.data.companies
          .filter((c) => sandbox.data.companySignals(c.id).some((s) => s.date >= since))
          .map((c) => c.id);
  return ids.slice(0, 2).map(String);
}

/** The watch lists, chosen once: the trigger's configuration must not change between polls. */
function signalWatch(ctx: TourContext, kind: 'people' | 'companies'): Json {
  const people = kind === 'people';
  const found = need(people ? ctx.memory.person : ctx.memory.company, people ? 'a person' : 'a company');
  const watch = () => [...new Set([text(found.id), ...activeInSandbox(ctx, kind)])];
  const ids = people ? (ctx.memory.watchedPeople ??= watch()) : (ctx.memory.watchedCompanies ??= watch());
  return {
    [people ? 'person_ids' : 'company_ids']: ids,
    signal_types: ['allSignals'],
    lookback_days: LOOKBACK_DAYS,
    check_every: 'daily',
  };
}

const contactSignalWatch = (ctx: TourContext) => signalWatch(ctx, 'people');
const companySignalWatch = (ctx: TourContext) => signalWatch(ctx, 'companies');

/**
 * A search step (Find Person / Find Company): one call with `inputData`, whose match is kept
 * in memory as `remember`; it must find one and report what the account was charged.
 */
function searchStep(
  title: string,
  key: 'find_person' | 'find_company',
  remember: 'person' | 'company',
  query: (ctx: TourContext) => [field: string, value: string],
  describe: (found: Json) => string,
): TourStep {
  return {
    title,
    operation: key,
    costsCredits: true,
    async run(ctx) {
      const [field, value] = query(ctx);
      const [found] = list(await run(ctx, 'searches', key, { [field]: value }));
      ctx.memory[remember] = found;
      return {
        inputs: `${field} ${value}`,
        records: found ? 1 : 0,
        creditsReported: Number(found?.creditsCharged ?? 0),
        note: found ? describe(found) : '',
        check: ({ apiCalls, creditsCharged }) =>
          firstProblem(
            expect(Boolean(found), 'no match'),
            expect(apiCalls === 1, `expected 1 call, made ${apiCalls}`),
            reportsWhatWasCharged(found?.creditsCharged, creditsCharged),
          ),
      };
    },
  };
}

/**
 * A paid create step: `prepare` picks the input (and what the outcome needs), the step runs `key`
 * with it, and `outcome` says what it got: the output's records under `listKey`.
 */
function createStep<T extends { inputData: Json }>(
  title: string,
  key: string,
  listKey: string,
  prepare: (ctx: TourContext) => T,
  outcome: (records: Json[], output: Json, prepared: T) => Omit<StepOutcome, 'records' | 'creditsReported'>,
): TourStep {
  return {
    title,
    operation: key,
    costsCredits: true,
    async run(ctx) {
      const prepared = prepare(ctx);
      const output = await run(ctx, 'creates', key, prepared.inputData);
      const records = list(output[listKey]);
      return {
        records: records.length,
        creditsReported: Number(output.creditsCharged ?? 0),
        ...outcome(records, output, prepared),
      };
    },
  };
}

/** A score step's rows: each reference with its signal score, or its status when not matched. */
const scoreNote = (scored: Json[]) =>
  scored.map((r) => `${text(r.reference)}=${r.status === 'matched' ? text(r.signalScore) : text(r.status)}`).join(', ');

/** A prospecting search's output must say what the account was charged (V3 bills per result returned). */
const searchCharged = (output: Json, creditsCharged: number | null) =>
  expect(
    creditsCharged === null || creditsCharged === Number(output.creditsCharged ?? 0),
    `the output says ${text(output.creditsCharged)} credits, the account says ${creditsCharged}`,
  );

export const tourSteps: TourStep[] = [
  {
    title: 'Test the connection',
    operation: 'authentication.test',
    costsCredits: false,
    async run(ctx) {
      const result = (await ctx.appTester(App.authentication.test as Perform, bundle(ctx, {}), true)) as Json;
      const usage = (result.usage ?? {}) as Record<string, { remaining?: number }>;
      const pools = Object.entries(usage).map(([pool, figures]) => `${pool}: ${figures.remaining ?? '?'} left`);
      return {
        inputs: `key …${ctx.authData.api_key.slice(-4)}`,
        records: 1,
        note: `Connection "${App.authentication.connectionLabel({} as ZObject, bundle(ctx, {}) as unknown as Bundle)}"; ${pools.join(', ')}`,
        check: ({ apiCalls, creditsCharged }) =>
          firstProblem(expect(apiCalls === 1, 'expected 1 call'), expect(!creditsCharged, 'the test must be free')),
      };
    },
  },
  {
    title: 'Prospect contacts (search only)',
    operation: 'prospect_contacts',
    costsCredits: true,
    async run(ctx) {
      const output = await run(ctx, 'creates', 'prospect_contacts', { ...PROSPECT_FILTERS, page_size: 10 });
      const contacts = list(output.contacts);
      ctx.memory.requestId = text(output.requestId);
      ctx.memory.prospectIds = contacts.map((c) => text(c.contactId));
      return {
        inputs: 'VPs and Directors in Sales with a work email, 10 per page',
        records: contacts.length,
        creditsReported: Number(output.creditsCharged ?? 0),
        note: `${text(output.totalResults)} matches in Lusha; ${text(output.creditsNote)}`,
        // V3 bills the search per result returned: the output must say what the account was charged.
        check: ({ creditsCharged }) =>
          firstProblem(expect(contacts.length > 0, 'no contacts found'), searchCharged(output, creditsCharged)),
      };
    },
  },
  {
    title: 'Prospect contacts + reveal',
    operation: 'prospect_contacts',
    costsCredits: true,
    async run(ctx) {
      const output = await run(ctx, 'creates', 'prospect_contacts', {
        ...PROSPECT_FILTERS,
        page_size: 10,
        reveal: true,
      });
      const contacts = list(output.contacts);
      ctx.memory.revealedEmails = contacts.map((c) => text(c.email)).filter(Boolean);
      const reported = Number(output.creditsCharged ?? 0);
      return {
        inputs: 'the same filters, Reveal Contact Details on',
        records: contacts.length,
        creditsReported: reported,
        note: text(output.creditsNote),
        check: ({ creditsCharged }) =>
          firstProblem(
            expect((ctx.memory.revealedEmails?.length ?? 0) >= 2, 'expected at least 2 revealed emails'),
            expect(
              creditsCharged === null || creditsCharged === reported,
              `the output says ${reported} credits, the account says ${creditsCharged}`,
            ),
          ),
      };
    },
  },
  createStep(
    'Reveal 2 prospects by id',
    'enrich_prospected_contacts',
    'contacts',
    (ctx) => {
      const ids = need(ctx.memory.prospectIds, 'prospect ids').slice(0, 2);
      // V3 reveals by id alone: no Search Request ID is mapped.
      return { inputData: { contact_ids: ids }, ids };
    },
    (contacts, output, { ids }) => ({
      inputs: `${ids.length} contact ids from the search`,
      note: text(output.creditsNote),
      check: () => expect(contacts.length === ids.length, `expected ${ids.length} line items`),
    }),
  ),
  searchStep(
    'Find person by email',
    'find_person',
    'person',
    (ctx) => ['email', need(ctx.memory.revealedEmails?.[0], 'a revealed email')],
    (person) =>
      `${text(person.fullName)}, ${text(person.jobTitle)} at ${text(person.companyName)}; ` +
      `best phone ${text(person.phone) || 'none'}`,
  ),
  searchStep(
    'Find company by domain',
    'find_company',
    'company',
    (ctx) => ['domain', text(need(ctx.memory.person, 'a person').companyDomain)],
    (company) => `${text(company.name)}: ${text(company.employees)} employees, ${text(company.industry)}`,
  ),
  {
    title: 'Bulk enrich people',
    operation: 'enrich_people',
    costsCredits: true,
    async run(ctx) {
      const [first, second] = need(ctx.memory.revealedEmails, 'revealed emails');
      const rows = [
        { reference: 'lead-1', email: need(first, 'a first email') },
        { reference: 'lead-2', email: need(second, 'a second email') },
        { reference: 'lead-3', email: text(first).toUpperCase() },
        { reference: 'lead-4', email: 'not-an-email' },
        { reference: 'lead-5', email: 'nobody@no-such-company.example' },
      ];
      const output = await run(ctx, 'creates', 'enrich_people', { rows });
      const statuses = list(output.rows).map((row) => `${text(row.reference)}=${text(row.status)}`);
      const expected = [
        'lead-1=matched',
        'lead-2=matched',
        'lead-3=matched',
        'lead-4=invalid_input',
        'lead-5=not_found',
      ];
      return {
        inputs: `${rows.length} rows: lead-3 repeats lead-1, lead-4 is not an email, lead-5 is unknown`,
        records: statuses.length,
        creditsReported: Number(output.creditsCharged ?? 0),
        note: `${statuses.join(', ')}; ${text(output.summary)}`,
        check: ({ apiCalls, creditsCharged }) =>
          firstProblem(
            expect(statuses.join() === expected.join(), `statuses ${statuses.join(', ')}`),
            expect(apiCalls === 1, `expected 1 request for 3 unique valid rows, made ${apiCalls}`),
            reportsWhatWasCharged(output.creditsCharged, creditsCharged),
          ),
      };
    },
  },
  createStep(
    'Bulk enrich companies',
    'enrich_companies',
    'rows',
    (ctx) => {
      const company = need(ctx.memory.company, 'a company');
      const rows = [
        { reference: 'account-1', domain: text(company.domain) },
        { reference: 'account-2', name: text(company.name) },
        { reference: 'account-3', domain: 'no-such-company.example' },
      ];
      return { inputData: { rows }, rows };
    },
    (enriched, _output, { rows }) => ({
      inputs: `${rows.length} rows: by domain, by name, unknown domain`,
      note: enriched.map((row) => `${text(row.reference)}=${text(row.status)}`).join(', '),
      check: ({ apiCalls }) => expect(apiCalls === 1, `expected 1 request, made ${apiCalls}`),
    }),
  ),
  {
    title: 'Prospect companies (search only)',
    operation: 'prospect_companies',
    costsCredits: true,
    async run(ctx) {
      const output = await run(ctx, 'creates', 'prospect_companies', {
        company_sizes: ['51-200', '201-500'],
        page_size: 10,
      });
      const companies = list(output.companies);
      ctx.memory.prospectCompanyIds = companies.map((c) => text(c.id));
      return {
        inputs: 'companies of 51–500 employees, 10 per page',
        records: companies.length,
        creditsReported: Number(output.creditsCharged ?? 0),
        note: `${text(output.totalResults)} matches; ${text(output.creditsNote)}`,
        check: ({ creditsCharged }) => searchCharged(output, creditsCharged),
      };
    },
  },
  createStep(
    'Reveal 2 prospected companies by id',
    'enrich_prospected_companies',
    'companies',
    (ctx) => {
      const ids = need(ctx.memory.prospectCompanyIds, 'prospected company ids').slice(0, 2);
      return { inputData: { company_ids: ids }, ids };
    },
    (companies, output, { ids }) => ({
      inputs: `${ids.length} company ids from the search`,
      note: companies.map((c) => `${text(c.name)} (${text(c.employees)} employees)`).join(', '),
      check: ({ apiCalls, creditsCharged }) =>
        firstProblem(
          expect(companies.length === ids.length, `expected ${ids.length} line items`),
          expect(apiCalls === 1, `expected 1 request, made ${apiCalls}`),
          reportsWhatWasCharged(output.creditsCharged, creditsCharged),
        ),
    }),
  ),
  createStep(
    'Lookalike contacts',
    'find_lookalike_contacts',
    'contacts',
    (ctx) => {
      const person = need(ctx.memory.person, 'a person');
      const seeds = lookalikeContactSeeds(ctx, person);
      return { inputData: { seeds, limit: 5 }, person, seeds };
    },
    (contacts, _output, { person, seeds }) => ({
      inputs: `${seeds.length} seeds like ${text(person.fullName)} (emails and LinkedIn URLs only), limit 5`,
      note: contacts
        .slice(0, 3)
        .map((c) => `${text(c.fullName)} (${text(c.jobTitle)})`)
        .join(', '),
    }),
  ),
  createStep(
    'Lookalike companies',
    'find_lookalike_companies',
    'companies',
    (ctx) => {
      const company = need(ctx.memory.company, 'a company');
      const seeds = lookalikeCompanySeeds(ctx, company);
      return { inputData: { seeds, limit: 5 }, company, seeds };
    },
    (companies, _output, { company, seeds }) => ({
      inputs: `${seeds.length} seed domains like ${text(company.name)}, limit 5`,
      note: companies
        .slice(0, 3)
        .map((c) => text(c.name))
        .join(', '),
    }),
  ),
  ...signalSteps('contact'),
  {
    title: 'New contact signal (instant): subscribe, a new signal, unsubscribe',
    operation: 'new_contact_signal_instant',
    costsCredits: true,
    sandboxOnly: true,
    async run(ctx) {
      const sandbox = need(ctx.sandbox, 'the embedded sandbox');
      const watched = list(contactSignalWatch(ctx).person_ids).map(text).slice(0, 2);
      const hook = App.triggers.new_contact_signal_instant!.operation as unknown as Record<string, Perform>;
      // Zapier's hook URL, played by a local server that keeps what Lusha delivers.
      const caught: Array<{ headers: Record<string, string>; body: string }> = [];
      const receiver = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [`Http-${k}`, String(v)]));
          caught.push({ headers, body: Buffer.concat(chunks).toString('utf8') });
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success"}');
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      try {
        const targetUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/catch/1/tour/`;
        const inputData = { person_ids: watched, signal_types: ['promotion', 'companyChange'] };
        const subscribeData = await ctx.appTester(hook.performSubscribe!, { ...bundle(ctx, inputData), targetUrl });
        sandbox.signals.addContactSignal(Number(watched[0]), 'promotion');
        await sandbox.webhooks.idle();
        const fired = (
          await Promise.all(
            caught.map((delivery) =>
              ctx.appTester(hook.perform!, {
                ...bundle(ctx, inputData),
                subscribeData,
                rawRequest: { method: 'POST', querystring: '', headers: delivery.headers, content: delivery.body },
              } as never),
            ),
          )
        ).flatMap((records) => list(records));
        await ctx.appTester(hook.performUnsubscribe!, { ...bundle(ctx, inputData), subscribeData, targetUrl } as never);
        const left = sandbox.webhooks.subscriptions(ctx.authData.api_key).filter((s) => s.url === targetUrl).length;
        return {
          inputs: `${watched.length} contacts, promotion or job change; Lusha delivers to a local hook URL`,
          records: fired.length,
          note:
            `${fired.map((r) => `${text(r.signalName)} (${text(r.signalDate)})`).join(', ')}; delivered once, ` +
            `signature verified; ${left} subscriptions left after turning the Zap off`,
          check: () =>
            firstProblem(
              expect(caught.length === 1, `expected 1 delivery, got ${caught.length}`),
              expect(fired.length === 1, `expected 1 signal to fire, got ${fired.length}`),
              expect(left === 0, `${left} subscriptions left behind`),
            ),
        };
      } finally {
        await new Promise<void>((resolve) => receiver.close(() => resolve()));
      }
    },
  },
  ...signalSteps('company'),
  createStep(
    'Score companies by signals',
    'score_companies_by_signals',
    'rows',
    (ctx) => {
      const company = need(ctx.memory.company, 'a company');
      const rows = [
        { reference: 'account-1', domain: text(company.domain) },
        ...(ctx.memory.watchedCompanies ?? [])
          .slice(1)
          .map((id, i) => ({ reference: `account-${i + 2}`, company_id: id })),
        { reference: 'account-x', domain: 'no-such-company.example' },
      ];
      return { inputData: { rows }, rows };
    },
    (scored, output, { rows }) => ({
      inputs: `${rows.length} companies: by domain and by Lusha ID, one unknown`,
      note: scoreNote(scored),
      check: ({ apiCalls, creditsCharged }) =>
        firstProblem(
          expect(apiCalls === 1, `expected 1 request for ${rows.length} companies, made ${apiCalls}`),
          expect(scored.at(-1)?.status === 'not_found', 'the unknown domain must come back not_found'),
          reportsWhatWasCharged(output.creditsCharged, creditsCharged),
        ),
    }),
  ),
  createStep(
    'Score contacts by signals',
    'score_contacts_by_signals',
    'rows',
    (ctx) => {
      const emails = need(ctx.memory.revealedEmails, 'revealed emails');
      const rows = [
        ...emails.slice(0, 3).map((email, i) => ({ reference: `lead-${i + 1}`, email })),
        { reference: 'lead-x', email: 'nobody@no-such-company.example' },
      ];
      return { inputData: { rows }, rows };
    },
    (scored, output, { rows }) => ({
      inputs: `${rows.length} contacts by email, one unknown`,
      note: scoreNote(scored),
      check: ({ apiCalls, creditsCharged }) =>
        firstProblem(
          expect(apiCalls === 1, `expected 1 request, made ${apiCalls}`),
          reportsWhatWasCharged(output.creditsCharged, creditsCharged),
        ),
    }),
  ),
  createStep(
    'Find buying group',
    'find_buying_group',
    'contacts',
    (ctx) => {
      const company = need(ctx.memory.company, 'a company');
      return { inputData: { company_list: [text(company.domain)], contacts_per_company: 5 }, company };
    },
    (contacts, output, { company }) => ({
      inputs: `${text(company.name)}, all personas, 5 contacts per company`,
      note: contacts
        .slice(0, 3)
        .map((c) => `${text(c.fullName)} (${text(c.primaryPersona)}, ${text(c.score)})`)
        .join(', '),
      check: ({ apiCalls, creditsCharged }) =>
        firstProblem(
          expect(apiCalls === 1, `expected 1 request, made ${apiCalls}`),
          expect(contacts.length > 0, 'no contacts'),
          reportsWhatWasCharged(output.creditsCharged, creditsCharged),
        ),
    }),
  ),
  ...visitorSteps(),
];

/**
 * The website-visitor part of the tour: the ranked list on demand, then two polls of the
 * trigger (the second, within its interval, makes no call). The domains are the sandbox demo
 * key's tracked one, or LUSHA_TRACKED_DOMAINS against the real API (no domain: steps skipped).
 */
function visitorSteps(): TourStep[] {
  const domainsOf = (ctx: TourContext): string[] =>
    ctx.sandbox
      ? [DEMO_TRACKED_DOMAIN]
      : (process.env.LUSHA_TRACKED_DOMAINS ?? '')
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean);
  const skipped = { inputs: 'no tracked domain (set LUSHA_TRACKED_DOMAINS)', records: 0, note: 'skipped' };
  const watch = (ctx: TourContext) => ({
    tracked_domains: domainsOf(ctx),
    score_bands: ['hot', 'warm'],
    lookback_days: 30,
    check_every: 'daily',
  });
  return [
    {
      title: 'Find website visitors',
      operation: 'find_website_visitors',
      costsCredits: true,
      async run(ctx) {
        const domains = domainsOf(ctx);
        if (domains.length === 0) return skipped;
        const output = await run(ctx, 'creates', 'find_website_visitors', {
          tracked_domains: domains,
          max_results: 10,
        });
        const companies = list(output.companies);
        return {
          inputs: `${domains.join(', ')}, the last 30 days, top 10 by visit score`,
          records: companies.length,
          creditsReported: Number(output.creditsCharged ?? 0),
          note: companies
            .slice(0, 3)
            .map(
              (c) => `${text(c.companyName)} (${text(c.scoreBand)} ${text(c.score)}, last visit ${text(c.lastVisit)})`,
            )
            .join(', '),
          check: ({ apiCalls }) => expect(apiCalls === 1, `expected 1 request, made ${apiCalls}`),
        };
      },
    },
    {
      title: 'New website visitor company: poll 1',
      operation: 'new_website_visitor',
      costsCredits: true,
      async run(ctx) {
        if (domainsOf(ctx).length === 0) return skipped;
        const { items, fresh } = await poll(ctx, 'new_website_visitor', watch(ctx), true);
        return {
          inputs: `${domainsOf(ctx).join(', ')}, hot or warm, Check At Most Every: daily`,
          records: items.length,
          note: `${fresh.length} company visit(s) Zapier sees for the first time`,
          check: ({ apiCalls }) => expect(apiCalls >= 1, 'the first poll must check Lusha'),
        };
      },
    },
    {
      title: 'New website visitor company: poll 2, same interval',
      operation: 'new_website_visitor',
      // Free after poll 1; without it (a read-only tour of the real API) it would be a paid check.
      costsCredits: true,
      async run(ctx) {
        if (domainsOf(ctx).length === 0) return skipped;
        const { items, fresh } = await poll(ctx, 'new_website_visitor', watch(ctx), false);
        return {
          inputs: 'Zapier polls again minutes later',
          records: items.length,
          note: `${fresh.length} new; no call to Lusha until the interval has passed`,
          check: ({ apiCalls }) =>
            firstProblem(
              expect(apiCalls === 0, `expected no call within the interval, made ${apiCalls}`),
              expect(fresh.length === 0, 'nothing may fire twice'),
            ),
        };
      },
    },
  ];
}

/**
 * The signal part of the tour, for contacts or companies: a one-off lookup, then three polls
 * of the trigger — the first checks Lusha; the second, minutes later and after a new signal
 * appears in the sandbox, makes no call (within the interval); the third, once the check has
 * expired, delivers exactly that one new signal.
 */
function signalSteps(kind: 'contact' | 'company'): TourStep[] {
  const contact = kind === 'contact';
  const trigger = contact ? 'new_contact_signal' : 'new_company_signal';
  const create = contact ? 'get_contact_signals' : 'get_company_signals';
  const watch = contact ? contactSignalWatch : companySignalWatch;
  const entities = contact ? 'people' : 'companies';
  const describe = (s: Json) => (contact ? `${text(s.signalName)} (${text(s.companyName)})` : text(s.signalName));
  return [
    {
      title: `Get ${kind} signals`,
      operation: create,
      costsCredits: true,
      async run(ctx) {
        const inputData = watch(ctx);
        const output = await run(ctx, 'creates', create, { ...inputData, check_every: undefined });
        const signals = list(output.signals);
        return {
          inputs: `${list(inputData[contact ? 'person_ids' : 'company_ids']).length} ${entities}, all signal types, last ${LOOKBACK_DAYS} days`,
          records: signals.length,
          creditsReported: Number(output.creditsCharged ?? 0),
          note: signals
            .slice(0, 2)
            .map((s) => `${text(s.signalName)} on ${text(s.signalDate)}`)
            .join('; '),
        };
      },
    },
    {
      title: `New ${kind} signal: poll 1`,
      operation: trigger,
      costsCredits: true,
      async run(ctx) {
        const { items, fresh } = await poll(ctx, trigger, watch(ctx), true);
        return {
          inputs: `the same ${entities}, Check At Most Every: daily`,
          records: items.length,
          note: `${fresh.length} signal(s) Zapier sees for the first time`,
          check: ({ apiCalls }) => expect(apiCalls >= 1, 'the first poll must check Lusha'),
        };
      },
    },
    {
      title: `New ${kind} signal: poll 2, same interval`,
      operation: trigger,
      costsCredits: false,
      sandboxOnly: true,
      async run(ctx) {
        const sandbox = need(ctx.sandbox, 'the sandbox');
        if (contact) {
          sandbox.signals.addContactSignal(Number(need(ctx.memory.person, 'a person').id), 'promotion', {
            currentTitle: 'Chief Revenue Officer',
          });
        } else {
          sandbox.signals.addCompanySignal(Number(need(ctx.memory.company, 'a company').id), 'surgeInHiring');
        }
        const { items, fresh } = await poll(ctx, trigger, watch(ctx), false);
        return {
          inputs: `a new ${contact ? 'promotion' : 'hiring surge'} just happened in Lusha; Zapier polls again minutes later`,
          records: items.length,
          note: `${fresh.length} new; no call to Lusha until the interval has passed`,
          check: ({ apiCalls, creditsCharged }) =>
            firstProblem(
              expect(apiCalls === 0, `expected no call within the interval, made ${apiCalls}`),
              expect(!creditsCharged, 'a poll within the interval must cost nothing'),
              expect(fresh.length === 0, 'nothing may fire twice'),
            ),
        };
      },
    },
    {
      title: `New ${kind} signal: poll 3, next interval`,
      operation: trigger,
      costsCredits: true,
      sandboxOnly: true,
      async run(ctx) {
        const { items, fresh } = await poll(ctx, trigger, watch(ctx), true);
        return {
          inputs: 'a day later: the last check has expired',
          records: items.length,
          note: `${fresh.length} new: ${fresh.map(describe).join(', ')}`,
          check: () => expect(fresh.length === 1, `exactly the 1 new signal must fire, got ${fresh.length}`),
        };
      },
    },
  ];
}
