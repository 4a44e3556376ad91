/**
 * API calls and credits per operation, on a typical input, as counted by the sandbox (its
 * request log and its credit ledger), next to the minimum the API allows for the same job.
 * The operations run one after another on one app tester, so z.cache carries over between
 * runs as it does for one Zapier account (filter lists, signal polls).
 */
import App from '../index';
import type { Sandbox } from '../sandbox';
import { DEMO_TRACKED_DOMAIN } from '../sandbox/v3/websiteVisits';
import { bundleOf, runOperation, SANDBOX_KEY, type AppTester, type Json, type Kind } from './bench-app';

export interface CallsRow {
  operation: string;
  input: string;
  calls: number;
  credits: number;
  minCalls: number;
  minCredits: number;
  /** The minimum, in words. */
  rule: string;
  /** Why calls or credits go beyond the minimum, when they do. */
  beyond: string | null;
  /** Requests per endpoint, for the detail. */
  endpoints: Record<string, number>;
}

interface Context {
  appTester: AppTester;
  sandbox: Sandbox;
  memory: Json;
}

interface Scenario {
  operation: string;
  input: string;
  kind: Kind | 'auth';
  key: string;
  inputData(ctx: Context): Json;
  /** Start this run with an empty z.cache (a new day, or a poll after its interval). */
  clearCache?: boolean;
  minimum(output: unknown, ctx: Context): { calls: number; credits: number; rule: string };
  /** Why the connector may go beyond the minimum here (shown only when it does). */
  why?: string;
  /** A function of the definition to run instead of the operation's perform (a field's dropdown). */
  perform?: () => unknown;
  after?(output: unknown, ctx: Context): void;
}

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const field = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' ? (value as Json)[key] : undefined;
/** What Lusha billed, as the output reports it (its answers' `billing.creditsCharged`): under V3, the minimum for the job. */
const billed = (output: unknown) => Number(field(output, 'creditsCharged') ?? 0);

/** Distinct (entity, signal type) pairs in a list of signal records: what Lusha must charge. */
const signalPairs = (signals: Json[], entity: 'personId' | 'companyId') =>
  new Set(signals.map((s) => `${String(s[entity])}|${String(s.signalType)}`)).size;

const FILTER_LISTS_WHY = 'unbilled filter-list calls that check the chosen values; cached for a day per account';

/** The Departments field's dropdown: a function of the definition (choices.perform), not a trigger. */
const departmentsDropdown = () =>
  (
    App.creates as Record<
      string,
      { operation: { inputFields: Array<{ key: string; choices?: { perform?: unknown } }> } }
    >
  ).prospect_contacts!.operation.inputFields.find((f) => f.key === 'departments')!.choices!.perform;

/** A signal lookup, a trigger's first poll, and a poll within its interval, for contacts or companies. */
function signalScenarios(entity: 'contact' | 'company', watch: Json): Scenario[] {
  const [noun, plural, idsKey, idField] =
    entity === 'contact'
      ? (['person', 'people', 'person_ids', 'personId'] as const)
      : (['company', 'companies', 'company_ids', 'companyId'] as const);
  const rule = `1 call; 1 credit per ${noun} and signal type with results`;
  const trigger = `new_${entity}_signal`;
  return [
    {
      operation: `get_${entity}_signals`,
      input: `${list(watch[idsKey]).length} ${plural}, all types, 60 days`,
      kind: 'creates',
      key: `get_${entity}_signals`,
      inputData: () => watch,
      minimum: (output) => ({ calls: 1, credits: signalPairs(list(field(output, 'signals')), idField), rule }),
    },
    {
      operation: trigger,
      input: 'the same watch list: first poll',
      kind: 'triggers',
      key: trigger,
      clearCache: true,
      inputData: () => ({ ...watch, check_every: 'daily' }),
      minimum: (output) => ({ calls: 1, credits: signalPairs(list(output), idField), rule }),
    },
    {
      operation: trigger,
      input: 'poll again within the daily interval',
      kind: 'triggers',
      key: trigger,
      inputData: () => ({ ...watch, check_every: 'daily' }),
      minimum: () => ({ calls: 0, credits: 0, rule: 'no call until the interval has passed' }),
    },
  ];
}

/**
 * Get Contact Signals by email: V3's signals take Lusha ids, so the first run finds the contacts
 * (1 search, billed per block of 25 found) and the next finds their ids kept for the connection.
 */
function signalByEmailScenarios(contacts: Json[]): Scenario[] {
  const inputData = () => ({ contacts, signal_types: ['allSignals'], lookback_days: 60 });
  const signalCredits = (output: unknown) => signalPairs(list(field(output, 'signals')), 'personId');
  return [
    {
      operation: 'get_contact_signals',
      input: `${contacts.length} contacts by email, first run`,
      kind: 'creates',
      key: 'get_contact_signals',
      clearCache: true,
      inputData,
      minimum: (output) => ({
        calls: 2,
        credits: Math.ceil(contacts.length / 25) + signalCredits(output),
        rule: '1 search for the ids (1 credit per 25 found) + 1 signals call; 1 credit per person and type with results',
      }),
    },
    {
      operation: 'get_contact_signals',
      input: 'the same emails again: ids kept for the connection',
      kind: 'creates',
      key: 'get_contact_signals',
      inputData,
      minimum: (output) => ({
        calls: 1,
        credits: signalCredits(output),
        rule: '1 signals call; the ids found are kept 30 days, no search',
      }),
    },
  ];
}

/**
 * What only V3 can do: a buying group of 30 companies (two requests of 25 and 5 companies when
 * their contacts fit a page of 100), signal scores of 150 companies (two requests of 100 and 50),
 * and website visitors (one page of 150 or fewer), each billed what Lusha says it charged.
 */
function issue16Scenarios(sandbox: Sandbox): Scenario[] {
  const companies = sandbox.data.companies.slice(20, 45);
  const domains = companies.map((c) => c.domain);
  const byBilling = (calls: number, rule: string) => (output: unknown) => ({ calls, credits: billed(output), rule });
  return [
    {
      operation: 'find_buying_group',
      input: `${domains.length} companies by domain, 2 contacts each`,
      kind: 'creates',
      key: 'find_buying_group',
      inputData: () => ({ company_list: domains, contacts_per_company: 2 }),
      minimum: byBilling(1, '1 call for up to 25 companies while the contacts fit a page of 100; 1 credit per contact'),
    },
    {
      operation: 'score_companies_by_signals',
      input: '150 companies by Lusha ID',
      kind: 'creates',
      key: 'score_companies_by_signals',
      inputData: () => ({
        rows: sandbox.data.companies
          .slice(0, 150)
          .map((c, i) => ({ reference: `row-${i + 1}`, company_id: String(c.id) })),
      }),
      minimum: byBilling(2, 'ceil(150 / 100) calls; 1 credit per company scored, none for not found or no score'),
    },
    {
      operation: 'score_contacts_by_signals',
      input: '10 contacts by email, 2 repeats',
      kind: 'creates',
      key: 'score_contacts_by_signals',
      inputData: () => {
        const emails = sandbox.data.people
          .filter((p) => p.emails.length > 0)
          .slice(30, 38)
          .map((p) => p.emails[0]!.email);
        return { rows: [...emails, emails[0]!, emails[1]!.toUpperCase()].map((email) => ({ email })) };
      },
      minimum: byBilling(1, '1 call for 8 unique contacts; 1 credit per contact scored'),
    },
    {
      operation: 'find_website_visitors',
      input: 'the demo tracked domain, 30 days, top 50',
      kind: 'creates',
      key: 'find_website_visitors',
      inputData: () => ({ tracked_domains: [DEMO_TRACKED_DOMAIN], max_results: 50 }),
      minimum: byBilling(1, '1 call per page of up to 150 companies; what Lusha bills (its example: 0)'),
    },
    {
      operation: 'new_website_visitor',
      input: 'the demo tracked domain: first poll',
      kind: 'triggers',
      key: 'new_website_visitor',
      clearCache: true,
      inputData: () => ({ tracked_domains: [DEMO_TRACKED_DOMAIN], lookback_days: 7, check_every: 'daily' }),
      minimum: byBilling(1, '1 call per 150 visiting companies in the look-back, most recent first'),
    },
    {
      operation: 'new_website_visitor',
      input: 'poll again within the daily interval',
      kind: 'triggers',
      key: 'new_website_visitor',
      inputData: () => ({ tracked_domains: [DEMO_TRACKED_DOMAIN], lookback_days: 7, check_every: 'daily' }),
      minimum: () => ({ calls: 0, credits: 0, rule: 'no call until the interval has passed' }),
    },
  ];
}

function scenarios(sandbox: Sandbox): Scenario[] {
  const people = sandbox.data.people.filter((p) => p.emails.length > 0);
  const withSignals = (since: string) =>
    sandbox.data.people.filter((p) => sandbox.data.contactSignals(p.personId).some((s) => s.signalDate >= since));
  const companiesWithSignals = (since: string) =>
    sandbox.data.companies.filter((c) => sandbox.data.companySignals(c.id).some((s) => s.date >= since));
  const since = new Date(sandbox.clock.now().getTime() - 60 * 86_400_000).toISOString().slice(0, 10);
  const watchedPeople = withSignals(since)
    .slice(0, 3)
    .map((p) => String(p.personId));
  const watchedCompanies = companiesWithSignals(since)
    .slice(0, 3)
    .map((c) => String(c.id));
  const contactWatch = { person_ids: watchedPeople, signal_types: ['allSignals'], lookback_days: 60 };
  const companyWatch = { company_ids: watchedCompanies, signal_types: ['allSignals'], lookback_days: 60 };
  const first = people[0]!;
  const firstCompany = sandbox.data.companyOf(first);
  /** The seeds of the company lookalike scenarios: 5 companies of the first company's industry. */
  const seedCompanies = sandbox.data.companies
    .filter((c) => c.mainIndustryId === firstCompany.mainIndustryId)
    .slice(0, 5);
  const unique8 = people.slice(10, 18);
  const companies4 = sandbox.data.companies.slice(5, 9);
  const one = (credits: number, rule: string) => ({ calls: 1, credits, rule });

  return [
    {
      operation: 'authentication.test',
      input: 'the API key',
      kind: 'auth',
      key: 'test',
      inputData: () => ({}),
      minimum: () => one(0, 'one free usage call'),
    },
    {
      operation: 'find_person',
      input: 'email of a known person',
      kind: 'searches',
      key: 'find_person',
      inputData: () => ({ email: first.emails[0]!.email }),
      minimum: (output) => one(billed(list(output)[0]), '1 call; V3 bills the search and each new email/phone'),
    },
    {
      operation: 'find_person',
      input: 'unknown email',
      kind: 'searches',
      key: 'find_person',
      inputData: () => ({ email: 'nobody@no-such-company.example' }),
      minimum: () => one(0, '1 call; a miss is free'),
    },
    {
      operation: 'find_company',
      input: "that person's company domain",
      kind: 'searches',
      key: 'find_company',
      inputData: () => ({ domain: firstCompany.domain }),
      minimum: (output) => one(billed(list(output)[0]), '1 call; V3 bills the search and the company'),
    },
    {
      operation: 'enrich_people',
      input: '10 rows: 8 unique emails, 2 repeats',
      kind: 'creates',
      key: 'enrich_people',
      inputData: () => ({
        rows: [
          ...unique8.map((p, i) => ({ reference: `lead-${i + 1}`, email: p.emails[0]!.email })),
          { reference: 'lead-9', email: unique8[0]!.emails[0]!.email.toUpperCase() },
          { reference: 'lead-10', email: unique8[1]!.emails[0]!.email },
        ],
      }),
      minimum: (output) => ({
        calls: 1,
        credits: billed(output),
        rule: 'ceil(8 unique / 100) calls; what V3 bills for the unique people found',
      }),
    },
    {
      operation: 'enrich_people',
      input: '10 new people, Maximum Credits 20',
      kind: 'creates',
      key: 'enrich_people',
      inputData: () => ({ rows: people.slice(30, 40).map((p) => ({ email: p.emails[0]!.email })), max_credits: 20 }),
      minimum: (output) => ({
        calls: 2,
        credits: billed(output),
        rule: 'a search, then a reveal of what fits, per 100 rows',
      }),
      why: "one free read of the account's prices, kept an hour per connection",
    },
    {
      operation: 'enrich_companies',
      input: '5 rows: 4 unique domains, 1 repeat',
      kind: 'creates',
      key: 'enrich_companies',
      inputData: () => ({
        rows: [
          ...companies4.map((c, i) => ({ reference: `account-${i + 1}`, domain: c.domain })),
          { reference: 'account-5', domain: companies4[0]!.domain },
        ],
      }),
      minimum: (output) => ({
        calls: 1,
        credits: billed(output),
        rule: 'ceil(4 unique / 100) calls; what V3 bills for the companies found',
      }),
    },
    {
      operation: 'prospect_contacts',
      input: 'search only, Sales VPs/Directors; first run of the day',
      kind: 'creates',
      key: 'prospect_contacts',
      clearCache: true,
      inputData: () => ({ departments: ['Sales'], seniority: ['VP', 'Director'], page_size: 10 }),
      minimum: (output) => one(billed(output), '1 search call; V3 bills the search per result returned'),
      why: FILTER_LISTS_WHY,
    },
    {
      operation: 'prospect_contacts',
      input: 'the same search, a later run',
      kind: 'creates',
      key: 'prospect_contacts',
      inputData: () => ({ departments: ['Sales'], seniority: ['VP', 'Director'], page_size: 10 }),
      minimum: (output) => one(billed(output), '1 search call; V3 bills the search per result returned'),
      why: FILTER_LISTS_WHY,
      after: (output, ctx) => {
        ctx.memory.requestId = field(output, 'requestId');
        ctx.memory.contactIds = list(field(output, 'contacts')).map((c) => c.contactId);
      },
    },
    {
      operation: 'prospect_contacts',
      input: 'the same search + reveal, 10 per page',
      kind: 'creates',
      key: 'prospect_contacts',
      inputData: () => ({ departments: ['Sales'], seniority: ['VP', 'Director'], page_size: 10, reveal: true }),
      minimum: (output) => ({
        calls: 2,
        credits: billed(output),
        rule: 'search + enrich by ids; what V3 bills: the search per result, the reveal per email or phone',
      }),
    },
    {
      operation: 'enrich_prospected_contacts',
      input: '2 contact ids from the search',
      kind: 'creates',
      key: 'enrich_prospected_contacts',
      inputData: (ctx) => ({ contact_ids: list(ctx.memory.contactIds).slice(0, 2) }),
      minimum: (output) => ({
        calls: 1,
        credits: billed(output),
        rule: '1 enrich call (by ids alone); what V3 bills per email or phone revealed',
      }),
    },
    {
      operation: 'prospect_companies',
      input: 'search only, 51–500 employees',
      kind: 'creates',
      key: 'prospect_companies',
      inputData: () => ({ company_sizes: ['51-200', '201-500'], page_size: 10 }),
      minimum: (output) => one(billed(output), '1 search call; V3 bills the search per result returned'),
      why: FILTER_LISTS_WHY,
      after: (output, ctx) => {
        ctx.memory.companyRequestId = field(output, 'requestId');
        ctx.memory.companyIds = list(field(output, 'companies')).map((c) => c.companyId ?? c.id);
      },
    },
    {
      operation: 'enrich_prospected_companies',
      input: '2 company ids from the search',
      kind: 'creates',
      key: 'enrich_prospected_companies',
      inputData: (ctx) => ({ company_ids: list(ctx.memory.companyIds).slice(0, 2) }),
      minimum: (output) => ({
        calls: 1,
        credits: billed(output),
        rule: '1 enrich call (by ids alone); what V3 bills per company returned',
      }),
    },
    {
      operation: 'find_lookalike_contacts',
      input: '5 seed people by email, limit 5',
      kind: 'creates',
      key: 'find_lookalike_contacts',
      inputData: () => ({
        seeds: people
          .filter((p) => p.departments[0] === first.departments[0] && p.emails.length > 0)
          .slice(0, 5)
          .map((p) => ({ email: p.emails[0]!.email })),
        limit: 5,
      }),
      minimum: (output) => ({
        calls: 1,
        credits: list(field(output, 'contacts')).length,
        rule: '1 call; 1 credit per lookalike returned',
      }),
    },
    {
      operation: 'find_lookalike_companies',
      input: '5 seed companies by domain, limit 5',
      kind: 'creates',
      key: 'find_lookalike_companies',
      inputData: () => ({
        seeds: seedCompanies.map((c) => ({ domain: c.domain })),
        limit: 5,
      }),
      minimum: (output) => ({
        calls: 1,
        credits: list(field(output, 'companies')).length,
        rule: '1 call (domains need no look-up); 1 credit per lookalike returned',
      }),
    },
    {
      operation: 'find_lookalike_companies',
      input: '5 seed company ids (1.x), limit 5',
      kind: 'creates',
      key: 'find_lookalike_companies',
      inputData: () => ({
        company_ids: seedCompanies.map((c) => String(c.id)),
        limit: 5,
      }),
      minimum: (output) => ({
        calls: 2,
        credits: list(field(output, 'companies')).length + 1,
        rule: '1 search for the ids (1 credit per 25 found) + 1 lookalike call; 1 credit per lookalike returned',
      }),
    },
    ...signalScenarios('contact', contactWatch),
    ...signalScenarios('company', companyWatch),
    ...signalByEmailScenarios(
      sandbox.data.people
        .filter((p) => watchedPeople.includes(String(p.personId)) && p.emails.length > 0)
        .map((p) => ({ email: p.emails[0]!.email })),
    ),
    ...issue16Scenarios(sandbox),
    {
      operation: 'Departments dropdown (choices.perform)',
      input: 'first load, empty cache',
      kind: 'creates',
      key: 'prospect_contacts',
      perform: departmentsDropdown,
      clearCache: true,
      inputData: () => ({}),
      minimum: () => one(0, '1 list call (no billing note in the V3 spec)'),
    },
    {
      operation: 'Departments dropdown (choices.perform)',
      input: 'opened again',
      kind: 'creates',
      key: 'prospect_contacts',
      perform: departmentsDropdown,
      inputData: () => ({}),
      minimum: () => ({ calls: 0, credits: 0, rule: 'the list is cached for a day' }),
    },
  ];
}

export async function measureApiCalls(appTester: AppTester, sandbox: Sandbox): Promise<CallsRow[]> {
  const ctx: Context = { appTester, sandbox, memory: {} };
  const rows: CallsRow[] = [];
  for (const scenario of scenarios(sandbox)) {
    const logFrom = sandbox.log.entries().length;
    const usedBefore = sandbox.credits.usage(SANDBOX_KEY).used;
    const inputData = scenario.inputData(ctx);
    const output =
      scenario.kind === 'auth'
        ? await appTester(App.authentication.test as never, bundleOf(inputData), true)
        : scenario.perform
          ? await appTester(scenario.perform() as never, bundleOf(inputData), scenario.clearCache ?? false)
          : await runOperation(appTester, scenario.kind, scenario.key, inputData, scenario.clearCache ?? false);
    const entries = sandbox.log.entries().slice(logFrom);
    const credits = sandbox.credits.usage(SANDBOX_KEY).used - usedBefore;
    const minimum = scenario.minimum(output, ctx);
    const endpoints: Record<string, number> = {};
    for (const entry of entries)
      endpoints[`${entry.method} ${entry.path}`] = (endpoints[`${entry.method} ${entry.path}`] ?? 0) + 1;
    const over = entries.length > minimum.calls || credits > minimum.credits;
    rows.push({
      operation: scenario.operation,
      input: scenario.input,
      calls: entries.length,
      credits,
      minCalls: minimum.calls,
      minCredits: minimum.credits,
      rule: minimum.rule,
      beyond: over ? (scenario.why ?? 'not explained: look at the endpoints') : null,
      endpoints,
    });
    scenario.after?.(output, ctx);
  }
  return rows;
}
