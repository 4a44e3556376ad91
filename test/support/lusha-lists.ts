/**
 * Lusha's prospecting filter lists as the reference documents them (bare JSON arrays), for
 * unit tests, and a nock helper that serves them.
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
  existing_data_points: ['phone', 'work_email', 'mobile_phone', 'direct_phone'],
  all_countries: [
    { name: 'Germany', code: 'DE' },
    { name: 'United States', code: 'US' },
  ],
  industries_labels: [
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
  intent_topics: ['Digital Sales', 'Zero Trust'],
};

/** Search-as-you-type answers, by endpoint and text. */
export const SEARCHES = {
  contactLocations: {
    berlin: [{ continent: 'Europe', country: 'Germany', city: 'Berlin', state: 'Berlin', country_grouping: 'emea' }],
    germany: [{ continent: 'Europe', country: 'Germany', country_grouping: 'emea' }],
  },
  companyLocations: {
    germany: [{ country: 'Germany', continent: 'Europe', country_grouping: 'emea' }],
  },
  technologies: {
    salesforce: [{ name: 'Salesforce' }, { name: 'Salesforce Marketing Cloud' }],
  },
  companyNames: {
    acme: [{ companyId: 1586, name: 'Acme', logoUrl: 'https://logo.lusha.com/1586.png', fqdn: 'www.acme.com' }],
  },
};

const LIST_PATHS: Record<keyof typeof LISTS, string> = {
  departments: '/prospecting/filters/contacts/departments',
  seniority: '/prospecting/filters/contacts/seniority',
  existing_data_points: '/prospecting/filters/contacts/existing_data_points',
  all_countries: '/prospecting/filters/contacts/all_countries',
  industries_labels: '/prospecting/filters/companies/industries_labels',
  sizes: '/prospecting/filters/companies/sizes',
  revenues: '/prospecting/filters/companies/revenues',
  sics: '/prospecting/filters/companies/sics',
  naics: '/prospecting/filters/companies/naics',
  intent_topics: '/prospecting/filters/companies/intent_topics',
};

const SEARCH_PATHS: Record<keyof typeof SEARCHES, string> = {
  contactLocations: '/prospecting/filters/contacts/locations',
  companyLocations: '/prospecting/filters/companies/locations',
  technologies: '/prospecting/filters/companies/technologies',
  companyNames: '/prospecting/filters/companies/names',
};

/** Expects exactly one GET of each named list. */
export function serveLists(scope: nock.Scope, names: (keyof typeof LISTS)[]): nock.Scope {
  for (const name of names) scope.get(LIST_PATHS[name]).once().reply(200, LISTS[name]);
  return scope;
}

/** Expects exactly one search of `list` with `text`, answered from SEARCHES (or `answer`). */
export function serveSearch<K extends keyof typeof SEARCHES>(
  scope: nock.Scope,
  list: K,
  text: string,
  answer?: unknown,
): nock.Scope {
  const known = (SEARCHES[list] as Record<string, unknown>)[text];
  scope
    .post(SEARCH_PATHS[list], { text })
    .once()
    .reply(200, (answer ?? known ?? []) as nock.Body);
  return scope;
}
