/**
 * The prospecting filter dropdowns: function-based dynamic choices (`choices: { perform }`)
 * on the filter fields, one perform per Lusha V3 filter list, whole lists cached for a day
 * (checked by timestamp), search lists queried with the text of their companion field, long
 * lists paged with Zapier's paging_token. No hidden trigger is left to feed them.
 */
import nock from 'nock';
// @ts-expect-error zapier-platform-schema ships no type declarations
import { validateAppDefinition } from 'zapier-platform-schema';
import { DROPDOWN_PAGE } from '../../../src/prospecting/dropdowns';
import {
  CACHE_SECONDS,
  FILTER_LIST_NAMES,
  FILTER_LISTS,
  type FilterListName,
} from '../../../src/prospecting/filter-lists';
import { useNock } from '../../support/nock';
import { listPath, serveLists, serveSearch } from '../../support/lusha-lists';
import { App, appTester, bundleWith, expectZapierError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

type Field = { key: string; type?: string; list?: boolean; dynamic?: string; choices?: { perform?: unknown } };
const fieldsOf = (key: string) =>
  (App.creates as Record<string, { operation: { inputFields: Field[] } }>)[key]!.operation.inputFields;

/** The field of Prospect Contacts (or Companies) that picks from `name`. */
const FIELD_OF: Record<FilterListName, string> = {
  departments: 'departments',
  seniority: 'seniority',
  data_points: 'data_points',
  countries: 'countries',
  contact_locations: 'contact_locations',
  company_names: 'company_names',
  industries: 'industries',
  sub_industries: 'sub_industries',
  sizes: 'company_sizes',
  revenues: 'company_revenues',
  company_locations: 'company_locations',
  technologies: 'technologies',
  intent_topics: 'intent_topics',
  sic_codes: 'sic_codes',
  naics_codes: 'naics_codes',
};

const performOfList = (name: FilterListName) =>
  fieldsOf('prospect_contacts').find((f) => f.key === FIELD_OF[name])!.choices!.perform;

type Page = { results: { id: string; label: string }[]; paging_token: string | null };
const page = (name: FilterListName, inputData: Record<string, unknown> = {}, fresh = true, meta = {}) =>
  appTester(performOfList(name) as never, bundleWith(inputData, { meta }), fresh) as Promise<Page>;
const choices = async (name: FilterListName, inputData: Record<string, unknown> = {}, fresh = true) =>
  (await page(name, inputData, fresh)).results;
/** The choices of a list whose values are their own labels. */
const asIs = (...values: string[]) => values.map((value) => ({ id: value, label: value }));
/** The choices of a list from its `[id, label]` pairs. */
const labelled = (...pairs: [id: string, label: string][]) => pairs.map(([id, label]) => ({ id, label }));

describe('the filter-list dropdowns', () => {
  it('are choices.perform on the fields, one perform per list shared by every field of that list, no trigger', () => {
    expect(Object.keys(App.triggers).filter((key) => key.startsWith('filter_'))).toEqual([]);
    for (const op of ['prospect_contacts', 'prospect_companies']) {
      for (const field of fieldsOf(op)) {
        expect(field.dynamic).toBeUndefined();
        if (field.choices) expect(field).toMatchObject({ type: 'string', list: true });
      }
    }
    for (const name of FILTER_LIST_NAMES) {
      const perform = performOfList(name);
      expect(typeof perform).toBe('function');
      const exclude = fieldsOf('prospect_contacts').find((f) => f.key === `exclude_${FIELD_OF[name]}`);
      if (exclude) expect(exclude.choices!.perform).toBe(perform);
      const company = fieldsOf('prospect_companies').find((f) => f.key === FIELD_OF[name]);
      if (company) expect(company.choices!.perform).toBe(perform);
    }
  });

  it('passes zapier-platform-schema 19.1 (what npm run validate checks) for the prospecting steps', () => {
    // Functions serialized as core does for validation (cleaner.recurseCleanFuncs).
    const definition = JSON.parse(JSON.stringify(App, (_k, v) => (typeof v === 'function' ? '$func$2$f$' : v)));
    const errors = validateAppDefinition(definition).errors as Array<{ property: string; stack: string }>;
    const ours = errors.filter((e) => /prospect|filter_/.test(e.property) || /prospect/.test(e.stack));
    expect(ours.map((e) => e.stack)).toEqual([]);
  });

  it('maps each whole list to {id, label}', async () => {
    const scope = serveLists(nock(LUSHA, { reqheaders: { api_key: TEST_KEY } }), [
      'departments',
      'seniority',
      'existingDataPoints',
      'countries',
      'industriesLabels',
      'sizes',
      'revenues',
      'sics',
      'naics',
      'intentTopics',
    ]);
    scope
      .get('/v3/companies/prospecting/filters/industriesLabels')
      .once()
      .reply(200, {
        values: [{ main_industry: 'Hospitality', main_industry_id: 1, sub_industries: [{ value: 'Other', id: 778 }] }],
      });

    expect(await choices('departments')).toEqual(
      asIs('Business Development', 'Engineering & Technical', 'Marketing', 'Sales'),
    );
    expect(await choices('seniority')).toEqual(
      labelled(['10', 'Founder'], ['9', 'C-Suite'], ['8', 'VP'], ['6', 'Director']),
    );
    expect(await choices('data_points')).toEqual(
      labelled(
        ['phone', 'Phone'],
        ['work_email', 'Work Email'],
        ['mobile_phone', 'Mobile Phone'],
        ['direct_phone', 'Direct Phone'],
      ),
    );
    expect(await choices('countries')).toEqual(labelled(['DE', 'Germany'], ['US', 'United States']));
    expect(await choices('industries')).toEqual(
      labelled(['4', 'Technology, Information & Media'], ['1', 'Hospitality']),
    );
    expect(await choices('sub_industries')).toEqual(labelled(['778', 'Hospitality: Other']));
    expect(await choices('sizes')).toEqual(
      labelled(
        ['1-10', '1–10 employees'],
        ['51-200', '51–200 employees'],
        ['201-500', '201–500 employees'],
        ['10001-', '10,001+ employees'],
      ),
    );
    expect(await choices('revenues')).toEqual(
      labelled(['1-1000000', '$1–$1M'], ['1000001-10000000', '$1M–$10M'], ['10000001-50000000', '$10M–$50M']),
    );
    expect(await choices('sic_codes')).toEqual(labelled(['7372', '7372: Prepackaged Software']));
    expect(await choices('naics_codes')).toEqual(
      labelled(['11', '11: Agriculture, Forestry, Fishing and Hunting'], ['511210', '511210: Software Publishers']),
    );
    expect(await choices('intent_topics')).toEqual(asIs('Digital Sales', 'Zero Trust'));
    expect(scope.isDone()).toBe(true);
  });

  it('caches a whole list: the second dropdown load makes no call', async () => {
    const scope = serveLists(nock(LUSHA), ['departments']);
    const first = await choices('departments', {}, true);
    const second = await choices('departments', {}, false);
    expect(scope.isDone()).toBe(true);
    expect(second).toEqual(first);
  });

  it('reloads a list cached more than a day ago (the timestamp is checked, not only the TTL)', async () => {
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      serveLists(nock(LUSHA), ['departments']);
      await choices('departments', {}, true);
      clock.mockReturnValue(now + (CACHE_SECONDS - 60) * 1000);
      await choices('departments', {}, false); // still fresh: no call (nock would fail on a second GET)

      const again = nock(LUSHA)
        .get(listPath('departments'))
        .once()
        .reply(200, { values: ['Sales'] });
      clock.mockReturnValue(now + (CACHE_SECONDS + 60) * 1000);
      expect(await choices('departments', {}, false)).toEqual(asIs('Sales'));
      expect(again.isDone()).toBe(true);
    } finally {
      clock.mockRestore();
    }
  });

  it('pages a long list with paging_token, from the one cached load', async () => {
    const many = Array.from({ length: DROPDOWN_PAGE + 20 }, (_, i) => `Topic ${String(i).padStart(3, '0')}`);
    const scope = nock(LUSHA).get(listPath('intentTopics')).once().reply(200, { values: many });
    const first = await page('intent_topics', {}, true);
    expect(first.results).toHaveLength(DROPDOWN_PAGE);
    expect(first.paging_token).toBe(String(DROPDOWN_PAGE));
    const second = await page('intent_topics', {}, false, { paging_token: first.paging_token });
    expect(second.results.map((c) => c.id)).toEqual(many.slice(DROPDOWN_PAGE));
    expect(second.paging_token).toBeNull();
    expect(scope.isDone()).toBe(true);
  });

  it('queries Lusha with the text of the companion search field for locations, technologies and company names', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } });
    serveSearch(scope, 'contactLocations', 'berlin');
    serveSearch(scope, 'companyLocations', 'germany');
    serveSearch(scope, 'technologies', 'salesforce');
    serveSearch(scope, 'companyNames', 'acme');

    expect(await choices('contact_locations', { contact_location_search: ' Berlin ' })).toEqual(
      asIs('Berlin, Berlin, Germany'),
    );
    expect(await choices('company_locations', { company_location_search: 'Germany' })).toEqual(asIs('Germany'));
    expect(await choices('technologies', { technology_search: 'salesforce' })).toEqual(
      asIs('Salesforce', 'Salesforce Marketing Cloud'),
    );
    expect(await choices('company_names', { company_name_search: 'Acme' })).toEqual([
      { id: 'Acme', label: 'Acme (www.acme.com)' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('drops curly braces from a search text: core would read {{bundle.…}} in a query string as its template', async () => {
    // Found by the hostile-input properties: a GET's query string goes through core's template handling.
    const text = '{{bundle.authData.api_key}} sales {{{process.env}}';
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .get('/v3/companies/prospecting/filters/technologies')
      .query({ query: 'bundle.authdata.api_key sales process.env' })
      .reply(200, { values: ['Salesforce'] });
    expect(await choices('technologies', { technology_search: text })).toEqual(asIs('Salesforce'));
    expect(scope.isDone()).toBe(true);
  });

  it('caches search answers per text, and makes no call for a text under 2 characters (V3 needs 2 to 256)', async () => {
    const scope = serveSearch(nock(LUSHA), 'technologies', 'salesforce');
    expect(await choices('technologies', {}, true)).toEqual([]);
    expect(await choices('technologies', { technology_search: 's' }, false)).toEqual([]);
    await choices('technologies', { technology_search: 'Salesforce' }, false);
    await choices('technologies', { technology_search: 'salesforce ' }, false);
    expect(scope.isDone()).toBe(true);
  });

  it('names every V3 filter endpoint it reads', () => {
    expect(new Set(FILTER_LIST_NAMES.map((name) => FILTER_LISTS[name].endpoint.split('?')[0]))).toEqual(
      new Set([
        'GET /v3/contacts/prospecting/filters/departments',
        'GET /v3/contacts/prospecting/filters/seniority',
        'GET /v3/contacts/prospecting/filters/existingDataPoints',
        'GET /v3/contacts/prospecting/filters/countries',
        'GET /v3/contacts/prospecting/filters/locations',
        'GET /v3/companies/prospecting/filters/names',
        'GET /v3/companies/prospecting/filters/industriesLabels',
        'GET /v3/companies/prospecting/filters/sizes',
        'GET /v3/companies/prospecting/filters/revenues',
        'GET /v3/companies/prospecting/filters/locations',
        'GET /v3/companies/prospecting/filters/technologies',
        'GET /v3/companies/prospecting/filters/intentTopics',
        'GET /v3/companies/prospecting/filters/sics',
        'GET /v3/companies/prospecting/filters/naics',
      ]),
    );
  });

  it('surfaces a rejected key as ExpiredAuthError', async () => {
    nock(LUSHA).get(listPath('departments')).reply(401, { statusCode: 401, message: 'Invalid API key' });
    const error = await expectZapierError(choices('departments'));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('GET /v3/contacts/prospecting/filters/departments');
  });
});
