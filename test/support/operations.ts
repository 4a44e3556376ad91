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
    route: '/v3/contacts/signals',
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
    route: '/v3/companies/signals',
    method: 'POST',
    input: (sb) => ({
      company_ids: [str(sb.data.samples.companyWithRecentNews.id)],
      signal_types: ['allSignals'],
      lookback_days: 180,
      check_every: 'daily',
    }),
  },
  {
    // The demo key's tracked site: every hardening key tracks it too.
    name: 'new_website_visitor',
    kind: 'triggers',
    key: 'new_website_visitor',
    route: '/v3/companies/website-visits',
    method: 'POST',
    input: () => ({ tracked_domains: [DEMO_TRACKED_DOMAIN], lookback_days: 30, check_every: 'daily' }),
  },
  {
    name: 'contact_signal_types',
    kind: 'triggers',
    key: 'contact_signal_types',
    route: '/v3/contacts/signals/types',
    method: 'GET',
    input: () => ({}),
  },
  {
    name: 'company_signal_types',
    kind: 'triggers',
    key: 'company_signal_types',
    route: '/v3/companies/signals/types',
    method: 'GET',
    input: () => ({}),
  },
  {
    name: 'company_news_event_types',
    kind: 'triggers',
    key: 'company_news_event_types',
    route: '/v3/companies/signals/filters/newsEventTypes',
    method: 'GET',
    input: () => ({}),
  },
  {
    name: 'company_hiring_departments',
    kind: 'triggers',
    key: 'company_hiring_departments',
    route: '/v3/companies/signals/filters/hiringByDepartments',
    method: 'GET',
    input: () => ({}),
  },
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
    route: '/v3/contacts/prospecting',
    method: 'POST',
    input: () => ({ job_titles: ['Manager'], page_size: 10 }),
  },
  {
    name: 'prospect_contacts (reveal)',
    kind: 'creates',
    key: 'prospect_contacts',
    route: '/v3/contacts/enrich',
    method: 'POST',
    input: () => ({ job_titles: ['Manager'], page_size: 10, reveal: true }),
  },
  {
    name: 'prospect_companies',
    kind: 'creates',
    key: 'prospect_companies',
    route: '/v3/companies/prospecting',
    method: 'POST',
    input: (sb) => ({ company_domains: sb.data.companies.slice(0, 12).map((c) => c.domain) }),
  },
  {
    name: 'prospect_companies (reveal)',
    kind: 'creates',
    key: 'prospect_companies',
    route: '/v3/companies/enrich',
    method: 'POST',
    input: (sb) => ({ company_domains: sb.data.companies.slice(0, 12).map((c) => c.domain), reveal: true }),
  },
  {
    name: 'enrich_prospected_contacts',
    kind: 'creates',
    key: 'enrich_prospected_contacts',
    route: '/v3/contacts/enrich',
    method: 'POST',
    input: (sb) => {
      const { requestId, ids } = searchProspects(sb, 'contact', 10);
      return { request_id: requestId, contact_ids: ids.slice(0, 3) };
    },
    bulk: {
      // One search's ids are at most a page (50): the rest are ids Lusha does not know, which it
      // answers as not found, free. 150 ids are two chunks of 100.
      input: (sb) => {
        const { requestId, ids } = searchProspects(sb, 'contact');
        const made = Array.from({ length: BULK_SIZE - ids.length }, (_, i) => `c-unknown-${i + 1}`);
        return { request_id: requestId, contact_ids: [...ids, ...made] };
      },
      entries: (input) => input.contact_ids as string[],
      isSecondChunk: (body, entries) => startsSecondChunk((body as { ids?: unknown }).ids, entries),
      secondChunkFree: true,
      report: revealLines('contacts', 'contactId'),
    },
  },
  {
    name: 'enrich_prospected_companies',
    kind: 'creates',
    key: 'enrich_prospected_companies',
    route: '/v3/companies/enrich',
    method: 'POST',
    input: (sb) => {
      const { requestId, ids } = searchProspects(sb, 'company', 10);
      return { request_id: requestId, company_ids: ids.slice(0, 3) };
    },
    bulk: {
      input: (sb) => {
        const { requestId, ids } = searchProspects(sb, 'company');
        const made = Array.from({ length: BULK_SIZE - ids.length }, (_, i) => String(39_000_000 + i + 1));
        return { request_id: requestId, company_ids: [...ids, ...made] };
      },
      entries: (input) => input.company_ids as string[],
      isSecondChunk: (body, entries) => startsSecondChunk((body as { ids?: unknown }).ids, entries),
      secondChunkFree: true,
      report: revealLines('companies', 'id'),
    },
  },
  {
    // V3 needs 5 seeds: five people of the sample's department, by email alone.
    name: 'find_lookalike_contacts',
    kind: 'creates',
    key: 'find_lookalike_contacts',
    route: '/v3/contacts/lookalike',
    method: 'POST',
    input: (sb) => {
      const seed = sb.data.samples.personWithEmailAndPhone;
      const alike = sb.data.people.filter((p) => p.departments[0] === seed.departments[0] && p.emails.length > 0);
      return { seeds: alike.slice(0, 5).map((p) => ({ email: p.emails[0]!.email })), limit: 3 };
    },
  },
  {
    // Five companies of the sample's main industry, by domain (one call: no look-up).
    name: 'find_lookalike_companies',
    kind: 'creates',
    key: 'find_lookalike_companies',
    route: '/v3/companies/lookalike',
    method: 'POST',
    input: (sb) => {
      const seed = sb.data.samples.companyWithFunding;
      const alike = sb.data.companies.filter((c) => c.mainIndustryId === seed.mainIndustryId);
      return { seeds: alike.slice(0, 5).map((c) => ({ domain: c.domain })), limit: 3 };
    },
  },
  {
    // Two companies (one by domain, one by ID) and one that Lusha does not know: one request, one page.
    name: 'find_buying_group',
    kind: 'creates',
    key: 'find_buying_group',
    route: '/v3/contacts/buying-group',
    method: 'POST',
    input: (sb) => ({
      companies: [
        { reference: 'crm-1', domain: sb.data.samples.companyWithFunding.domain },
        { reference: 'crm-2', company_id: str(sb.data.samples.companyWithoutFunding.id) },
      ],
      company_list: ['nobody-at-all.example'],
      personas: ['decision_maker', 'potential_champion', 'end_user'],
      contacts_per_company: 5,
    }),
  },
  {
    name: 'get_contact_signals',
    kind: 'creates',
    key: 'get_contact_signals',
    route: '/v3/contacts/signals',
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
      isSecondChunk: (body, entries) => startsSecondChunk((body as { ids?: unknown }).ids, entries),
      secondChunkFree: true,
      report: signalLookup,
    },
  },
  {
    name: 'get_contact_signals (by email)',
    kind: 'creates',
    key: 'get_contact_signals',
    route: '/v3/contacts/search',
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
    route: '/v3/companies/signals',
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
      isSecondChunk: (body, entries) => startsSecondChunk((body as { ids?: unknown }).ids, entries),
      report: signalLookup,
    },
  },
  {
    name: 'get_company_signals (by domain)',
    kind: 'creates',
    key: 'get_company_signals',
    route: '/v3/companies/search',
    method: 'POST',
    input: (sb) => ({
      companies: [{ domain: sb.data.samples.companyWithRecentNews.domain }],
      signal_types: ['surgeInHiring'],
      lookback_days: 180,
    }),
  },
  {
    // A company by ID, one by domain, one by an email at it, and a domain Lusha does not know: one request.
    name: 'score_companies_by_signals',
    kind: 'creates',
    key: 'score_companies_by_signals',
    route: '/v3/companies/signal-score',
    method: 'POST',
    input: (sb) => ({
      rows: [
        { reference: 'a', company_id: str(sb.data.samples.companyWithRecentNews.id) },
        { reference: 'b', domain: sb.data.samples.companyWithFunding.domain },
        { reference: 'c', email: `maya@${sb.data.samples.companyWithoutFunding.domain}` },
        { reference: 'd', domain: 'nobody-at-all.example' },
      ],
    }),
    bulk: {
      input: (sb) => ({
        rows: sb.data.companies
          .slice(0, BULK_SIZE)
          .map((c, i) => ({ reference: `row-${i + 1}`, company_id: str(c.id) })),
      }),
      entries: (input) => (input.rows as Row[]).map((r) => String(r.reference)),
      // The bulk machine sends each distinct row under a generated id, 1 to 150.
      isSecondChunk: (body) =>
        (body as { companies?: Array<{ clientReferenceId: string }> }).companies?.[0]?.clientReferenceId === '101',
      report: bulkRows,
    },
  },
  {
    // A contact by ID, one by email, and an email Lusha does not know: one request.
    name: 'score_contacts_by_signals',
    kind: 'creates',
    key: 'score_contacts_by_signals',
    route: '/v3/contacts/signal-score',
    method: 'POST',
    input: (sb) => ({
      rows: [
        { reference: 'a', person_id: str(sb.data.samples.personWithRecentPromotion.personId) },
        { reference: 'b', email: sb.data.samples.personWithEmailAndPhone.emails[0]!.email },
        { reference: 'c', email: 'nobody.at.all@example.org' },
      ],
    }),
    bulk: {
      input: (sb) => ({
        rows: sb.data.people
          .slice(0, BULK_SIZE)
          .map((p, i) => ({ reference: `row-${i + 1}`, person_id: str(p.personId) })),
      }),
      entries: (input) => (input.rows as Row[]).map((r) => String(r.reference)),
      isSecondChunk: (body) =>
        (body as { contacts?: Array<{ clientReferenceId: string }> }).contacts?.[0]?.clientReferenceId === '101',
      report: bulkRows,
    },
  },
  {
    // One page (Maximum Results within Lusha's 150 per request) of the tracked site's visitors.
    name: 'find_website_visitors',
    kind: 'creates',
    key: 'find_website_visitors',
    route: '/v3/companies/website-visits',
    method: 'POST',
    input: () => ({ tracked_domains: [DEMO_TRACKED_DOMAIN], max_results: 10 }),
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
