/**
 * Lusha's V3 prospecting filter values (`GET /v3/{contacts|companies}/prospecting/filters/
 * {filterType}`, answered as `{"values": [...]}`), for unit tests, and nock helpers that serve
 * them. The shapes are the sandbox's (sandbox/v3/prospectingFilters.ts): strings, `{id, name}`
 * for seniority, `{name, code}` for countries, `V3Location` objects for locations.
 */
import type nock from 'nock';

export const LISTS = {
  departments: ['Business Development', 'Engineering & Technical', 'Marketing', 'Sales'],
  seniority: [
    { id: 10, name: 'founder' },
    { id: 9, name: 'c-suite' },
    { id: 8, name: 'vice president' },
    { id: 6, name: 'director' },
  ],
  existingDataPoints: ['phone', 'work_email', 'mobile_phone', 'direct_phone'],
  countries: [
    { name: 'Germany', code: 'DE' },
    { name: 'United States', code: 'US' },
  ],
  industriesLabels: [
    {
      main_industry: 'Technology, Information & Media',
      main_industry_id: 4,
      sub_industries: [
        { value: 'Software Development', id: 101 },
        { value: 'IT Services', id: 102 },
      ],
    },
    { main_industry: 'Hospitality', main_industry_id: 1, sub_industries: [{ value: 'Other', id: 778 }] },
  ],
  sizes: [{ min: 1, max: 10 }, { min: 51, max: 200 }, { min: 201, max: 500 }, { min: 10001 }],
  revenues: [
    { min: 1, max: 1000000 },
    { min: 1000001, max: 10000000 },
    { min: 10000001, max: 50000000 },
  ],
  sics: [{ code: '7372', label: 'Prepackaged Software' }],
  naics: [
    { code: '11', label: 'Agriculture, Forestry, Fishing and Hunting' },
    { code: '511210', label: 'Software Publishers' },
  ],
  intentTopics: ['Digital Sales', 'Zero Trust'],
};

/** Answers of the lists V3 serves only for a query, by list and query. */
export const SEARCHES = {
  contactLocations: {
    berlin: [
      {
        continent: 'Europe',
        country: 'Germany',
        countryIso2: 'DE',
        countryGrouping: 'EMEA',
        state: 'Berlin',
        city: 'Berlin',
      },
    ],
    germany: [{ continent: 'Europe', country: 'Germany', countryIso2: 'DE', countryGrouping: 'EMEA' }],
  },
  companyLocations: {
    germany: [{ continent: 'Europe', country: 'Germany', countryIso2: 'DE', countryGrouping: 'EMEA' }],
  },
  technologies: {
    salesforce: ['Salesforce', 'Salesforce Marketing Cloud'],
  },
  companyNames: {
    acme: [{ id: '1586', name: 'Acme', domain: 'www.acme.com', logoUrl: 'https://logo.lusha.com/1586.png' }],
  },
};

const CONTACT_TYPES = new Set(['departments', 'seniority', 'existingDataPoints', 'countries']);

/** The path of a whole list's values. */
export const listPath = (name: keyof typeof LISTS) =>
  `/v3/${CONTACT_TYPES.has(name) ? 'contacts' : 'companies'}/prospecting/filters/${name}`;

const SEARCH_PATHS: Record<keyof typeof SEARCHES, string> = {
  contactLocations: '/v3/contacts/prospecting/filters/locations',
  companyLocations: '/v3/companies/prospecting/filters/locations',
  technologies: '/v3/companies/prospecting/filters/technologies',
  companyNames: '/v3/companies/prospecting/filters/names',
};

/** Expects exactly one GET of each named list. */
export function serveLists(scope: nock.Scope, names: (keyof typeof LISTS)[]): nock.Scope {
  for (const name of names) scope.get(listPath(name)).once().reply(200, { values: LISTS[name] });
  return scope;
}

/** Expects exactly one query of `list` with `text`, answered from SEARCHES (or `answer`). */
export function serveSearch<K extends keyof typeof SEARCHES>(
  scope: nock.Scope,
  list: K,
  text: string,
  answer?: unknown[],
): nock.Scope {
  const known = (SEARCHES[list] as Record<string, unknown[]>)[text];
  scope
    .get(SEARCH_PATHS[list])
    .query({ query: text })
    .once()
    .reply(200, { values: answer ?? known ?? [] });
  return scope;
}
