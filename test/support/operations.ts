/**
 * Every operation of the app that calls Lusha, once each, as the hardening tests run them:
 * a valid input that reaches Lusha (built from the sandbox's dataset), the route it hits
 * (the one a fault is put on), and how to run it through the app tester exactly as Zapier
 * does. The fault matrix, the secret-hygiene tests and the input fuzzing all read this one
 * list, so a new operation that is not added here fails the completeness test of the matrix.
 *
 * Some operations have a second row for a second route they call (a prospecting step that
 * reveals, a signal step that looks up by identifiers): the fault then hits that route.
 */
import type { Sandbox } from '../../sandbox';
import {
  COUNTRIES,
  DEPARTMENTS,
  EXISTING_DATA_POINTS,
  INDUSTRIES,
  INTENT_TOPICS,
  REVENUE_RANGES,
  SENIORITIES,
  SIZE_RANGES,
  TECHNOLOGIES,
} from '../../sandbox/catalog';
import { DEMO_TRACKED_DOMAIN } from '../../sandbox/v3/websiteVisits';
import { FILTER_LIST_NAMES, type FilterListName } from '../../src/prospecting/filter-lists';
import { App, appTester, bundleWith, performOf } from './zapier';

export type { Kind } from './zapier';
import type { Kind } from './zapier';
type Input = Record<string, unknown>;

export interface OperationRow {
  /** Row label: the operation key, plus what the row exercises when an operation has several. */
  name: string;
  kind: Kind;
  /** The operation key (for the auth test: "authentication.test"). */
  key: string;
  /** The route the fault is put on: the request this input makes (last, when it makes several). */
  route: string;
  method: 'GET' | 'POST';
  /** A valid input that reaches `route`; `key` is the API key the run will use (searches bind ids to it). */
  input: (sandbox: Sandbox, key: string) => Input | Promise<Input>;
  /** For the operations that send lists in chunks of 100: how to run and read them with two chunks. */
  bulk?: BulkSpec;
  /** An instant (REST hook) trigger's function this row runs instead of `perform`. */
  hook?: 'performSubscribe';
}

/**
 * A list operation that sends its entries in chunks of 100: an input of 150 entries (two
 * chunks), the predicate that picks the request of the second chunk only, and how the output
 * reports each entry.
 */
export interface BulkSpec {
  input: (sandbox: Sandbox, key: string) => Input | Promise<Input>;
  /** The entries sent, in input order, as the output names them. */
  entries: (input: Input) => string[];
  /** True for the request that carries the second chunk (entries 101 to 150). */
  isSecondChunk: (body: unknown, entries: string[]) => boolean;
  report: (output: Record<string, unknown>) => BulkReport;
  /** The second chunk holds only entries Lusha answers free (so a fault after charging it loses no credits). */
  secondChunkFree?: true;
}

export interface BulkReport {
  /** Every entry the output lists one by one, in output order; null when it lists only the failed ones. */
  lines: string[] | null;
  /** The entries the output reports as failed, in output order, with the reason given. */
  failed: Array<{ entry: string; reason: string }>;
  /** How many entries the output reports as answered by Lusha. */
  answered: number;
}

let invocations = 0;

/** How many operations this test file has run through the app tester (core counts them too). */
export const invocationCount = () => invocations;

/** Runs one row's operation with `inputData` and the API key `apiKey`, with an empty z.cache. */
export function runOperation(
  row: Pick<OperationRow, 'kind' | 'key' | 'hook'>,
  inputData: Input,
  apiKey: string,
): Promise<unknown> {
  invocations += 1;
  const bundle = bundleWith(inputData, { apiKey });
  if (row.hook === 'performSubscribe') {
    const subscribe = (App.triggers[row.key]!.operation as unknown as Record<string, typeof perform>)[row.hook]!;
    return appTester(subscribe, { ...bundle, targetUrl: HOOK_URL } as never, true);
  }
  const perform = performOf(row.kind, row.key);
  return appTester(perform, bundle, true);
}

/** A Zap's hook URL, as Zapier gives it to an instant trigger's subscribe (nothing is delivered to it in these runs). */
export const HOOK_URL = 'https://hooks.zapier.com/hooks/standard/1234567/0123456789abcdef/';

// ------------------------------------------------------------------ inputs from the dataset

const str = (value: number | string) => String(value);
type Row = Record<string, unknown>;

/**
 * Ids a prospecting search would return: V3 prospecting returns Lusha ids (the dataset's, as
 * strings), valid for any key and without the search's request id, so no search (billed under
 * V3) is made to get them. Contacts with an email or phone, so that revealing them costs.
 */
function searchProspects(sb: Sandbox, what: 'contact' | 'company', size = 50) {
  const ids =
    what === 'contact'
      ? sb.data.people
          .filter((p) => p.emails.length + p.phones.length > 0)
          .slice(0, size)
          .map((p) => str(p.personId))
      : sb.data.companies.slice(0, size).map((c) => str(c.id));
  // A 1.x Zap maps a Search Request ID too: V3 does not read it, the step still accepts it.
  return { requestId: 'search-from-1.x', ids };
}

/** Where each prospecting filter list lives: the V3 request its dropdown makes. */
const FILTER_ROUTES: Record<FilterListName, [string, 'GET']> = {
  departments: ['/v3/contacts/prospecting/filters/departments', 'GET'],
  seniority: ['/v3/contacts/prospecting/filters/seniority', 'GET'],
  data_points: ['/v3/contacts/prospecting/filters/existingDataPoints', 'GET'],
  countries: ['/v3/contacts/prospecting/filters/countries', 'GET'],
  contact_locations: ['/v3/contacts/prospecting/filters/locations', 'GET'],
  company_names: ['/v3/companies/prospecting/filters/names', 'GET'],
  industries: ['/v3/companies/prospecting/filters/industriesLabels', 'GET'],
  sub_industries: ['/v3/companies/prospecting/filters/industriesLabels', 'GET'],
  sizes: ['/v3/companies/prospecting/filters/sizes', 'GET'],
  revenues: ['/v3/companies/prospecting/filters/revenues', 'GET'],
  company_locations: ['/v3/companies/prospecting/filters/locations', 'GET'],
  technologies: ['/v3/companies/prospecting/filters/technologies', 'GET'],
  intent_topics: ['/v3/companies/prospecting/filters/intentTopics', 'GET'],
  sic_codes: ['/v3/companies/prospecting/filters/sics', 'GET'],
  naics_codes: ['/v3/companies/prospecting/filters/naics', 'GET'],
};

/**
 * A valid value of each list, from the sandbox's vocabularies, and the field that takes it:
 * the dropdowns are choices.perform on the prospecting fields (no trigger to run), so each
 * list's route is exercised by the step that checks a value against it before its search.
 */
const FILTER_VALUE: Record<FilterListName, (sb: Sandbox) => [field: string, value: string]> = {
  departments: () => ['departments', DEPARTMENTS[0]],
  seniority: () => ['seniority', String(SENIORITIES[0]!.id)],
  data_points: () => ['data_points', EXISTING_DATA_POINTS[0]],
  countries: () => ['countries', COUNTRIES[0]!.code],
  contact_locations: () => ['contact_locations', COUNTRIES[0]!.name],
  company_names: (sb) => ['company_names', sb.data.companies.find((c) => !/[,;]/.test(c.name))!.name],
  industries: () => ['industries', String(INDUSTRIES[0]!.id)],
  sub_industries: () => ['sub_industries', String(INDUSTRIES[0]!.subs[0]!.id)],
  sizes: () => ['company_sizes', `${SIZE_RANGES[1]!.min}-${SIZE_RANGES[1]!.max}`],
  revenues: () => ['company_revenues', `${REVENUE_RANGES[1]!.min}-${REVENUE_RANGES[1]!.max}`],
  company_locations: () => ['company_locations', COUNTRIES[0]!.name],
  technologies: () => ['technologies', TECHNOLOGIES[0]],
  intent_topics: () => ['intent_topics', INTENT_TOPICS[0]],
  sic_codes: () => ['sic_codes', INDUSTRIES[0]!.subs[0]!.sic[0]],
  naics_codes: () => ['naics_codes', INDUSTRIES[0]!.subs[0]!.naics[0]],
};

const CONTACT_LISTS = new Set<FilterListName>([
  'departments',
  'seniority',
  'data_points',
  'countries',
  'contact_locations',
]);

const filterListRows: OperationRow[] = FILTER_LIST_NAMES.map((name) => {
  const [route, method] = FILTER_ROUTES[name];
  const key = CONTACT_LISTS.has(name) ? 'prospect_contacts' : 'prospect_companies';
  return {
    name: `${key} (filter list ${name})`,
    kind: 'creates',
    key,
    route,
    method,
    input: (sb) => {
      const [field, value] = FILTER_VALUE[name](sb);
      return { [field]: [value], page_size: 10 };
    },
  };
});

// ------------------------------------------------------------------ bulk (chunked) inputs

/** 150 distinct entries of the dataset: two chunks of Lusha's 100. */
const BULK_SIZE = 150;

const peopleWithContactInfo = (sb: Sandbox) =>
  sb.data.people.filter((p) => p.emails.length + p.phones.length > 0).slice(0, BULK_SIZE);

/** Bulk Enrich People / Companies: one row per input row, status "error" when its chunk failed. */
function bulkRows(output: Row): BulkReport {
  const rows = output.rows as Row[];
  return {
    lines: rows.map((r) => String(r.reference)),
    failed: rows
      .filter((r) => r.status === 'error')
      .map((r) => ({ entry: String(r.reference), reason: String(r.reason) })),
    answered: rows.filter((r) => r.status !== 'error').length,
  };
}

/** Enrich Prospected Contacts / Companies: one line per id, "Not revealed: ..." when its chunk failed. */
const revealLines =
  (plural: 'contacts' | 'companies', idKey: 'contactId' | 'id') =>
  (output: Row): BulkReport => {
    const lines = output[plural] as Row[];
    const failed = (r: Row) => String(r.revealNote ?? '').startsWith('Not revealed');
    return {
      lines: lines.map((r) => String(r[idKey])),
      failed: lines.filter(failed).map((r) => ({ entry: String(r[idKey]), reason: String(r.revealNote) })),
      answered: lines.filter((r) => !failed(r)).length,
    };
  };

/** Get Contact / Company Signals: the signals found, and every entry not checked with the reason. */
function signalLookup(output: Row): BulkReport {
  return {
    lines: null,
    failed: (output.notChecked as Row[]).map((n) => ({ entry: String(n.watchListEntry), reason: String(n.reason) })),
    answered: output.checkedCount as number,
  };
}

/** The request's first entry is the 101st entry sent. */
const startsSecondChunk = (list: unknown, entries: string[]) => Array.isArray(list) && String(list[0]) === entries[100];

// ------------------------------------------------------------------ row builders

type Method = OperationRow['method'];

/** A row named by its key, unless `more` names it (an operation's second row says what it exercises). */
const op = (
  kind: Kind,
  key: string,
  route: string,
  method: Method,
  input: OperationRow['input'],
  more: Partial<OperationRow> = {},
): OperationRow => ({ name: key, kind, key, route, method, input, ...more });

/** A signals input: the entries to look up, the signal types, 180 days back, and anything more. */
const signals = (which: Input, types: string[], more: Input = {}): Input => ({
  ...which,
  signal_types: types,
  lookback_days: 180,
  ...more,
});

/** A chunk of ids whose first id is the 101st entry. */
const idsFromSecondChunk = (body: unknown, entries: string[]) =>
  startsSecondChunk((body as { ids?: unknown }).ids, entries);

/** 150 rows, one per record, by the record's id. */
const rowsById = <T>(records: T[], idKey: 'person_id' | 'company_id', id: (r: T) => number | string): Row[] =>
  records.map((r, i) => ({ reference: `row-${i + 1}`, [idKey]: str(id(r)) }));

/** Bulk Enrich / Score People and Companies: a bulk of rows (sent to Lusha under `list`). */
const bulkOfRows = (list: 'contacts' | 'companies', rows: (sb: Sandbox) => Row[]): BulkSpec => ({
  input: (sb) => ({ rows: rows(sb) }),
  entries: (input) => (input.rows as Row[]).map((r) => String(r.reference)),
  // The bulk machine sends each distinct row under a generated id, 1 to 150.
  isSecondChunk: (body) =>
    (body as Record<string, Array<{ clientReferenceId: string }> | undefined>)[list]?.[0]?.clientReferenceId === '101',
  report: bulkRows,
});

const bulkPeopleRows = (sb: Sandbox) => rowsById(peopleWithContactInfo(sb), 'person_id', (p) => p.personId);
const bulkCompanyRows = (sb: Sandbox) => rowsById(sb.data.companies.slice(0, BULK_SIZE), 'company_id', (c) => c.id);

/** Get Contact / Company Signals: 150 ids under `field`. */
const bulkOfSignals = (field: string, ids: (sb: Sandbox) => string[], more: Partial<BulkSpec> = {}): BulkSpec => ({
  input: (sb) => signals({ [field]: ids(sb) }, ['allSignals']),
  entries: (input) => input[field] as string[],
  isSecondChunk: idsFromSecondChunk,
  ...more,
  report: signalLookup,
});

const PROSPECTED = {
  contact: { field: 'contact_ids', report: revealLines('contacts', 'contactId') },
  company: { field: 'company_ids', report: revealLines('companies', 'id') },
} as const;

/** Enrich Prospected Contacts / Companies: three ids of one search. */
const prospected =
  (what: 'contact' | 'company') =>
  (sb: Sandbox): Input => {
    const { requestId, ids } = searchProspects(sb, what, 10);
    return { request_id: requestId, [PROSPECTED[what].field]: ids.slice(0, 3) };
  };

/**
 * One search's ids are at most a page (50): the rest are ids Lusha does not know (`made`), which
 * it answers as not found, free. 150 ids are two chunks of 100.
 */
const bulkOfProspected = (what: 'contact' | 'company', made: (n: number) => string): BulkSpec => {
  const { field, report } = PROSPECTED[what];
  return {
    input: (sb) => {
      const { requestId, ids } = searchProspects(sb, what);
      const unknown = Array.from({ length: BULK_SIZE - ids.length }, (_, i) => made(i + 1));
      return { request_id: requestId, [field]: [...ids, ...unknown] };
    },
    entries: (input) => input[field] as string[],
    isSecondChunk: idsFromSecondChunk,
    secondChunkFree: true,
    report,
  };
};

const personId = (sb: Sandbox, sample: 'personWithRecentPromotion' | 'personWithEmailAndPhone') =>
  str(sb.data.samples[sample].personId);

/** Enrich People's two rows: a person by ID and an email Lusha does not know. */
const enrichPeopleRows = (sb: Sandbox): Row[] => [
  { reference: 'a', person_id: personId(sb, 'personWithEmailAndPhone') },
  { reference: 'b', email: 'nobody.at.all@example.org' },
];

/** Prospect Companies: twelve companies of the dataset, by domain. */
const prospectDomains = (sb: Sandbox) => sb.data.companies.slice(0, 12).map((c) => c.domain);

// ------------------------------------------------------------------ the rows

export const OPERATIONS: OperationRow[] = [
  op('auth', 'authentication.test', '/v3/account/usage', 'GET', () => ({})),

  // Polling triggers and the hidden dropdown triggers.
  op('triggers', 'new_contact_signal', '/v3/contacts/signals', 'POST', (sb) =>
    signals({ person_ids: [personId(sb, 'personWithRecentPromotion')] }, ['promotion', 'companyChange'], {
      check_every: 'daily',
    }),
  ),
  op('triggers', 'new_company_signal', '/v3/companies/signals', 'POST', (sb) =>
    signals({ company_ids: [str(sb.data.samples.companyWithRecentNews.id)] }, ['allSignals'], {
      check_every: 'daily',
    }),
  ),
  // The demo key's tracked site: every hardening key tracks it too.
  op('triggers', 'new_website_visitor', '/v3/companies/website-visits', 'POST', () => ({
    tracked_domains: [DEMO_TRACKED_DOMAIN],
    lookback_days: 30,
    check_every: 'daily',
  })),
  op('triggers', 'contact_signal_types', '/v3/contacts/signals/types', 'GET', () => ({})),
  op('triggers', 'company_signal_types', '/v3/companies/signals/types', 'GET', () => ({})),
  op('triggers', 'company_news_event_types', '/v3/companies/signals/filters/newsEventTypes', 'GET', () => ({})),
  op('triggers', 'company_hiring_departments', '/v3/companies/signals/filters/hiringByDepartments', 'GET', () => ({})),
  ...filterListRows,

  // Instant triggers: turning the Zap on (subscribing) is what calls Lusha.
  ...(['contact', 'company'] as const).map((kind): OperationRow => ({
    name: `new_${kind}_signal_instant`,
    kind: 'triggers',
    key: `new_${kind}_signal_instant`,
    hook: 'performSubscribe',
    route: '/api/subscriptions',
    method: 'POST',
    input: (sb) =>
      kind === 'contact'
        ? { person_ids: sb.data.people.slice(0, 3).map((p) => str(p.personId)), signal_types: ['promotion'] }
        : { company_ids: sb.data.companies.slice(0, 3).map((c) => str(c.id)), signal_types: ['allSignals'] },
  })),

  // Searches.
  op('searches', 'find_person', '/v3/contacts/search-and-enrich', 'POST', (sb) => ({
    person_id: personId(sb, 'personWithEmailAndPhone'),
  })),
  op('searches', 'find_company', '/v3/companies/search-and-enrich', 'POST', (sb) => ({
    domain: sb.data.samples.companyWithFunding.domain,
  })),

  // Creates.
  op('creates', 'enrich_people', '/v3/contacts/search-and-enrich', 'POST', (sb) => ({ rows: enrichPeopleRows(sb) }), {
    bulk: bulkOfRows('contacts', bulkPeopleRows),
  }),
  // With Maximum Credits, a search first (then a reveal of what fits): the fault hits the search.
  op(
    'creates',
    'enrich_people',
    '/v3/contacts/search',
    'POST',
    (sb) => ({ rows: enrichPeopleRows(sb), max_credits: 1000 }),
    {
      name: 'enrich_people (max credits)',
    },
  ),
  op(
    'creates',
    'enrich_companies',
    '/v3/companies/search-and-enrich',
    'POST',
    (sb) => ({
      rows: [
        { reference: 'a', domain: sb.data.samples.companyWithFunding.domain },
        { reference: 'b', name: sb.data.samples.companyWithoutFunding.name },
      ],
    }),
    { bulk: bulkOfRows('companies', bulkCompanyRows) },
  ),
  op('creates', 'prospect_contacts', '/v3/contacts/prospecting', 'POST', () => ({
    job_titles: ['Manager'],
    page_size: 10,
  })),
  op(
    'creates',
    'prospect_contacts',
    '/v3/contacts/enrich',
    'POST',
    () => ({ job_titles: ['Manager'], page_size: 10, reveal: true }),
    { name: 'prospect_contacts (reveal)' },
  ),
  op('creates', 'prospect_companies', '/v3/companies/prospecting', 'POST', (sb) => ({
    company_domains: prospectDomains(sb),
  })),
  op(
    'creates',
    'prospect_companies',
    '/v3/companies/enrich',
    'POST',
    (sb) => ({ company_domains: prospectDomains(sb), reveal: true }),
    { name: 'prospect_companies (reveal)' },
  ),
  op('creates', 'enrich_prospected_contacts', '/v3/contacts/enrich', 'POST', prospected('contact'), {
    bulk: bulkOfProspected('contact', (n) => `c-unknown-${n}`),
  }),
  op('creates', 'enrich_prospected_companies', '/v3/companies/enrich', 'POST', prospected('company'), {
    bulk: bulkOfProspected('company', (n) => String(39_000_000 + n)),
  }),
  // V3 needs 5 seeds: five people of the sample's department, by email alone.
  op('creates', 'find_lookalike_contacts', '/v3/contacts/lookalike', 'POST', (sb) => {
    const seed = sb.data.samples.personWithEmailAndPhone;
    const alike = sb.data.people.filter((p) => p.departments[0] === seed.departments[0] && p.emails.length > 0);
    return { seeds: alike.slice(0, 5).map((p) => ({ email: p.emails[0]!.email })), limit: 3 };
  }),
  // Five companies of the sample's main industry, by domain (one call: no look-up).
  op('creates', 'find_lookalike_companies', '/v3/companies/lookalike', 'POST', (sb) => {
    const seed = sb.data.samples.companyWithFunding;
    const alike = sb.data.companies.filter((c) => c.mainIndustryId === seed.mainIndustryId);
    return { seeds: alike.slice(0, 5).map((c) => ({ domain: c.domain })), limit: 3 };
  }),
  // Two companies (one by domain, one by ID) and one that Lusha does not know: one request, one page.
  op('creates', 'find_buying_group', '/v3/contacts/buying-group', 'POST', (sb) => ({
    companies: [
      { reference: 'crm-1', domain: sb.data.samples.companyWithFunding.domain },
      { reference: 'crm-2', company_id: str(sb.data.samples.companyWithoutFunding.id) },
    ],
    company_list: ['nobody-at-all.example'],
    personas: ['decision_maker', 'potential_champion', 'end_user'],
    contacts_per_company: 5,
  })),
  op(
    'creates',
    'get_contact_signals',
    '/v3/contacts/signals',
    'POST',
    (sb) => signals({ person_ids: [personId(sb, 'personWithRecentPromotion')] }, ['allSignals']),
    {
      bulk: bulkOfSignals('person_ids', (sb) => sb.data.people.slice(0, BULK_SIZE).map((p) => str(p.personId)), {
        secondChunkFree: true,
      }),
    },
  ),
  op(
    'creates',
    'get_contact_signals',
    '/v3/contacts/search',
    'POST',
    (sb) =>
      signals({ contacts: [{ email: sb.data.samples.personWithRecentPromotion.emails[0]!.email }] }, ['promotion']),
    { name: 'get_contact_signals (by email)' },
  ),
  op(
    'creates',
    'get_company_signals',
    '/v3/companies/signals',
    'POST',
    (sb) => signals({ company_ids: [str(sb.data.samples.companyWithRecentNews.id)] }, ['allSignals']),
    { bulk: bulkOfSignals('company_ids', (sb) => sb.data.companies.slice(0, BULK_SIZE).map((c) => str(c.id))) },
  ),
  op(
    'creates',
    'get_company_signals',
    '/v3/companies/search',
    'POST',
    (sb) => signals({ companies: [{ domain: sb.data.samples.companyWithRecentNews.domain }] }, ['surgeInHiring']),
    { name: 'get_company_signals (by domain)' },
  ),
  // A company by ID, one by domain, one by an email at it, and a domain Lusha does not know: one request.
  op(
    'creates',
    'score_companies_by_signals',
    '/v3/companies/signal-score',
    'POST',
    (sb) => ({
      rows: [
        { reference: 'a', company_id: str(sb.data.samples.companyWithRecentNews.id) },
        { reference: 'b', domain: sb.data.samples.companyWithFunding.domain },
        { reference: 'c', email: `maya@${sb.data.samples.companyWithoutFunding.domain}` },
        { reference: 'd', domain: 'nobody-at-all.example' },
      ],
    }),
    { bulk: bulkOfRows('companies', bulkCompanyRows) },
  ),
  // A contact by ID, one by email, and an email Lusha does not know: one request.
  op(
    'creates',
    'score_contacts_by_signals',
    '/v3/contacts/signal-score',
    'POST',
    (sb) => ({
      rows: [
        { reference: 'a', person_id: personId(sb, 'personWithRecentPromotion') },
        { reference: 'b', email: sb.data.samples.personWithEmailAndPhone.emails[0]!.email },
        { reference: 'c', email: 'nobody.at.all@example.org' },
      ],
    }),
    {
      bulk: bulkOfRows('contacts', (sb) =>
        rowsById(sb.data.people.slice(0, BULK_SIZE), 'person_id', (p) => p.personId),
      ),
    },
  ),
  // One page (Maximum Results within Lusha's 150 per request) of the tracked site's visitors.
  op('creates', 'find_website_visitors', '/v3/companies/website-visits', 'POST', () => ({
    tracked_domains: [DEMO_TRACKED_DOMAIN],
    max_results: 10,
  })),
];

/** The keys of every operation of the app (each one calls Lusha, so each needs a row). */
export function appOperationKeys(): string[] {
  return [
    'authentication.test',
    ...Object.keys(App.triggers),
    ...Object.keys(App.searches),
    ...Object.keys(App.creates),
  ];
}
