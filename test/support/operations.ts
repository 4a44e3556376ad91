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
import { FILTER_LIST_NAMES, FILTER_LISTS, type FilterListName } from '../../src/prospecting/filter-lists';
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
  row: Pick<OperationRow, 'kind' | 'key'>,
  inputData: Input,
  apiKey: string,
): Promise<unknown> {
  invocations += 1;
  return appTester(performOf(row.kind, row.key), bundleWith(inputData, { apiKey }), true);
}

// ------------------------------------------------------------------ inputs from the dataset

const str = (value: number | string) => String(value);
type Row = Record<string, unknown>;

/** A prospecting search made with `apiKey` (ids are bound to the key): its request id and ids. */
async function searchProspects(what: 'contact' | 'company', apiKey: string, size = 50) {
  const key = what === 'contact' ? 'prospect_contacts' : 'prospect_companies';
  const input =
    what === 'contact'
      ? { job_titles: ['Manager'], page_size: size }
      : { industries: ['Technology, Information & Media'], page_size: size };
  const output = (await runOperation({ kind: 'creates', key }, input, apiKey)) as Row;
  const rows = (output[what === 'contact' ? 'contacts' : 'companies'] as Row[]).map((r) =>
    str((what === 'contact' ? r.contactId : r.id) as string),
  );
  return { requestId: output.requestId as string, ids: rows };
}

/** Where each prospecting filter list lives: the request its dropdown trigger makes. */
const FILTER_ROUTES: Record<FilterListName, [string, 'GET' | 'POST']> = {
  departments: ['/prospecting/filters/contacts/departments', 'GET'],
  seniority: ['/prospecting/filters/contacts/seniority', 'GET'],
  data_points: ['/prospecting/filters/contacts/existing_data_points', 'GET'],
  countries: ['/prospecting/filters/contacts/all_countries', 'GET'],
  contact_locations: ['/prospecting/filters/contacts/locations', 'POST'],
  company_names: ['/prospecting/filters/companies/names', 'POST'],
  industries: ['/prospecting/filters/companies/industries_labels', 'GET'],
  sub_industries: ['/prospecting/filters/companies/industries_labels', 'GET'],
  sizes: ['/prospecting/filters/companies/sizes', 'GET'],
  revenues: ['/prospecting/filters/companies/revenues', 'GET'],
  company_locations: ['/prospecting/filters/companies/locations', 'POST'],
  technologies: ['/prospecting/filters/companies/technologies', 'POST'],
  intent_topics: ['/prospecting/filters/companies/intent_topics', 'GET'],
  sic_codes: ['/prospecting/filters/companies/sics', 'GET'],
  naics_codes: ['/prospecting/filters/companies/naics', 'GET'],
};

/** The text a search-as-you-type list is queried with (a list that is not searched needs none). */
const SEARCH_TEXT: Partial<Record<FilterListName, string>> = {
  contact_locations: 'berl',
  company_names: 'a',
  company_locations: 'germ',
  technologies: 'sales',
};

const filterListRows: OperationRow[] = FILTER_LIST_NAMES.map((name) => {
  const source = FILTER_LISTS[name];
  const [route, method] = FILTER_ROUTES[name];
  return {
    name: `filter_${name}`,
    kind: 'triggers',
    key: `filter_${name}`,
    route,
    method,
    input: () => (source.kind === 'search' ? { [source.searchField]: SEARCH_TEXT[name] } : {}),
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

// ------------------------------------------------------------------ the rows

export const OPERATIONS: OperationRow[] = [
  {
    name: 'authentication.test',
    kind: 'auth',
    key: 'authentication.test',
    route: '/v3/account/usage',
    method: 'GET',
    input: () => ({}),
  },

  // Polling triggers and the hidden dropdown triggers.
  {
    name: 'new_contact_signal',
    kind: 'triggers',
    key: 'new_contact_signal',
    route: '/api/signals/contacts',
    method: 'POST',
    input: (sb) => ({
      person_ids: [str(sb.data.samples.personWithRecentPromotion.personId)],
      signal_types: ['promotion', 'companyChange'],
      lookback_days: 180,
      check_every: 'daily',
    }),
  },
  {
    name: 'new_company_signal',
    kind: 'triggers',
    key: 'new_company_signal',
    route: '/api/signals/companies',
    method: 'POST',
    input: (sb) => ({
      company_ids: [str(sb.data.samples.companyWithRecentNews.id)],
      signal_types: ['allSignals'],
      lookback_days: 180,
      check_every: 'daily',
    }),
  },
  {
    name: 'contact_signal_types',
    kind: 'triggers',
    key: 'contact_signal_types',
    route: '/api/signals/filters/contact',
    method: 'GET',
    input: () => ({}),
  },
  {
    name: 'company_signal_types',
    kind: 'triggers',
    key: 'company_signal_types',
    route: '/api/signals/filters/company',
    method: 'GET',
    input: () => ({}),
  },
  {
    name: 'company_news_event_types',
    kind: 'triggers',
    key: 'company_news_event_types',
    route: '/api/signals/filters/company',
    method: 'GET',
    input: () => ({}),
  },
  {
    name: 'company_hiring_departments',
    kind: 'triggers',
    key: 'company_hiring_departments',
    route: '/api/signals/filters/company',
    method: 'GET',
    input: () => ({}),
  },
  ...filterListRows,

  // Searches.
  {
    name: 'find_person',
    kind: 'searches',
    key: 'find_person',
    route: '/v3/contacts/search-and-enrich',
    method: 'POST',
    input: (sb) => ({ person_id: str(sb.data.samples.personWithEmailAndPhone.personId) }),
  },
  {
    name: 'find_company',
    kind: 'searches',
    key: 'find_company',
    route: '/v3/companies/search-and-enrich',
    method: 'POST',
    input: (sb) => ({ domain: sb.data.samples.companyWithFunding.domain }),
  },

  // Creates.
  {
    name: 'enrich_people',
    kind: 'creates',
    key: 'enrich_people',
    route: '/v3/contacts/search-and-enrich',
    method: 'POST',
    input: (sb) => ({
      rows: [
        { reference: 'a', person_id: str(sb.data.samples.personWithEmailAndPhone.personId) },
        { reference: 'b', email: 'nobody.at.all@example.org' },
      ],
    }),
    bulk: {
      input: (sb) => ({
        rows: peopleWithContactInfo(sb).map((p, i) => ({ reference: `row-${i + 1}`, person_id: str(p.personId) })),
      }),
      entries: (input) => (input.rows as Row[]).map((r) => String(r.reference)),
      // The bulk machine sends each distinct row under a generated id, 1 to 150.
      isSecondChunk: (body) =>
        (body as { contacts?: Array<{ clientReferenceId: string }> }).contacts?.[0]?.clientReferenceId === '101',
      report: bulkRows,
    },
  },
  {
    // With Maximum Credits, a search first (then a reveal of what fits): the fault hits the search.
    name: 'enrich_people (max credits)',
    kind: 'creates',
    key: 'enrich_people',
    route: '/v3/contacts/search',
    method: 'POST',
    input: (sb) => ({
      rows: [
        { reference: 'a', person_id: str(sb.data.samples.personWithEmailAndPhone.personId) },
        { reference: 'b', email: 'nobody.at.all@example.org' },
      ],
      max_credits: 1000,
    }),
  },
  {
    name: 'enrich_companies',
    kind: 'creates',
    key: 'enrich_companies',
    route: '/v3/companies/search-and-enrich',
    method: 'POST',
    input: (sb) => ({
      rows: [
        { reference: 'a', domain: sb.data.samples.companyWithFunding.domain },
        { reference: 'b', name: sb.data.samples.companyWithoutFunding.name },
      ],
    }),
    bulk: {
      input: (sb) => ({
        rows: sb.data.companies
          .slice(0, BULK_SIZE)
          .map((c, i) => ({ reference: `row-${i + 1}`, company_id: str(c.id) })),
      }),
      entries: (input) => (input.rows as Row[]).map((r) => String(r.reference)),
      isSecondChunk: (body) =>
        (body as { companies?: Array<{ clientReferenceId: string }> }).companies?.[0]?.clientReferenceId === '101',
      report: bulkRows,
    },
  },
  {
    name: 'prospect_contacts',
    kind: 'creates',
    key: 'prospect_contacts',
    route: '/prospecting/contact/search',
    method: 'POST',
    input: () => ({ job_titles: ['Manager'], page_size: 10 }),
  },
  {
    name: 'prospect_contacts (reveal)',
    kind: 'creates',
    key: 'prospect_contacts',
    route: '/prospecting/contact/enrich',
    method: 'POST',
    input: () => ({ job_titles: ['Manager'], page_size: 10, reveal: true }),
  },
  {
    name: 'prospect_companies',
    kind: 'creates',
    key: 'prospect_companies',
    route: '/prospecting/company/search',
    method: 'POST',
    input: (sb) => ({ company_domains: sb.data.companies.slice(0, 12).map((c) => c.domain) }),
  },
  {
    name: 'prospect_companies (reveal)',
    kind: 'creates',
    key: 'prospect_companies',
    route: '/prospecting/company/enrich',
    method: 'POST',
    input: (sb) => ({ company_domains: sb.data.companies.slice(0, 12).map((c) => c.domain), reveal: true }),
  },
  {
    name: 'enrich_prospected_contacts',
    kind: 'creates',
    key: 'enrich_prospected_contacts',
    route: '/prospecting/contact/enrich',
    method: 'POST',
    input: async (_sb, key) => {
      const { requestId, ids } = await searchProspects('contact', key, 10);
      return { request_id: requestId, contact_ids: ids.slice(0, 3) };
    },
    bulk: {
      // One search's ids are at most a page (50): the rest are ids Lusha does not know for that
      // search, which it answers as not revealed, free. 150 ids are two chunks of 100.
      input: async (_sb, key) => {
        const { requestId, ids } = await searchProspects('contact', key);
        const made = Array.from({ length: BULK_SIZE - ids.length }, (_, i) => `c-unknown-${i + 1}`);
        return { request_id: requestId, contact_ids: [...ids, ...made] };
      },
      entries: (input) => input.contact_ids as string[],
      isSecondChunk: (body, entries) => startsSecondChunk((body as { contactIds?: unknown }).contactIds, entries),
      secondChunkFree: true,
      report: revealLines('contacts', 'contactId'),
    },
  },
  {
    name: 'enrich_prospected_companies',
    kind: 'creates',
    key: 'enrich_prospected_companies',
    route: '/prospecting/company/enrich',
    method: 'POST',
    input: async (_sb, key) => {
      const { requestId, ids } = await searchProspects('company', key, 10);
      return { request_id: requestId, company_ids: ids.slice(0, 3) };
    },
    bulk: {
      input: async (_sb, key) => {
        const { requestId, ids } = await searchProspects('company', key);
        const made = Array.from({ length: BULK_SIZE - ids.length }, (_, i) => String(39_000_000 + i + 1));
        return { request_id: requestId, company_ids: [...ids, ...made] };
      },
      entries: (input) => input.company_ids as string[],
      isSecondChunk: (body, entries) => startsSecondChunk((body as { companiesIds?: unknown }).companiesIds, entries),
      secondChunkFree: true,
      report: revealLines('companies', 'id'),
    },
  },
  {
    name: 'find_lookalike_contacts',
    kind: 'creates',
    key: 'find_lookalike_contacts',
    route: '/api/recommendations/contacts',
    method: 'POST',
    input: (sb) => {
      const seed = sb.data.samples.personWithEmailAndPhone;
      return { seeds: [{ person_id: str(seed.personId), company_id: str(seed.companyId) }], limit: 3 };
    },
  },
  {
    name: 'find_lookalike_companies',
    kind: 'creates',
    key: 'find_lookalike_companies',
    route: '/api/recommendations/companies',
    method: 'POST',
    input: (sb) => ({ company_ids: [str(sb.data.samples.companyWithFunding.id)], limit: 3 }),
  },
  {
    name: 'get_contact_signals',
    kind: 'creates',
    key: 'get_contact_signals',
    route: '/api/signals/contacts',
    method: 'POST',
    input: (sb) => ({
      person_ids: [str(sb.data.samples.personWithRecentPromotion.personId)],
      signal_types: ['allSignals'],
      lookback_days: 180,
    }),
    bulk: {
      input: (sb) => ({
        person_ids: sb.data.people.slice(0, BULK_SIZE).map((p) => str(p.personId)),
        signal_types: ['allSignals'],
        lookback_days: 180,
      }),
      entries: (input) => input.person_ids as string[],
      isSecondChunk: (body, entries) => startsSecondChunk((body as { contactIds?: unknown }).contactIds, entries),
      secondChunkFree: true,
      report: signalLookup,
    },
  },
  {
    name: 'get_contact_signals (by email)',
    kind: 'creates',
    key: 'get_contact_signals',
    route: '/api/signals/contacts/search',
    method: 'POST',
    input: (sb) => ({
      contacts: [{ email: sb.data.samples.personWithRecentPromotion.emails[0]!.email }],
      signal_types: ['promotion'],
      lookback_days: 180,
    }),
  },
  {
    name: 'get_company_signals',
    kind: 'creates',
    key: 'get_company_signals',
    route: '/api/signals/companies',
    method: 'POST',
    input: (sb) => ({
      company_ids: [str(sb.data.samples.companyWithRecentNews.id)],
      signal_types: ['allSignals'],
      lookback_days: 180,
    }),
    bulk: {
      input: (sb) => ({
        company_ids: sb.data.companies.slice(0, BULK_SIZE).map((c) => str(c.id)),
        signal_types: ['allSignals'],
        lookback_days: 180,
      }),
      entries: (input) => input.company_ids as string[],
      isSecondChunk: (body, entries) => startsSecondChunk((body as { companyIds?: unknown }).companyIds, entries),
      report: signalLookup,
    },
  },
  {
    name: 'get_company_signals (by domain)',
    kind: 'creates',
    key: 'get_company_signals',
    route: '/api/signals/companies/search',
    method: 'POST',
    input: (sb) => ({
      companies: [{ domain: sb.data.samples.companyWithRecentNews.domain }],
      signal_types: ['surgeInHiring'],
      lookback_days: 180,
    }),
  },
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
