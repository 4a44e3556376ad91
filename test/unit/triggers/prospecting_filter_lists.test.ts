/**
 * The hidden dropdown triggers: each Lusha filter list as {id, label} choices, whole lists
 * cached for a day (checked by timestamp), search-as-you-type lists queried with the text of
 * their companion field.
 */
import nock from 'nock';
import { CACHE_SECONDS, FILTER_LIST_NAMES } from '../../../src/prospecting/filter-lists';
import { useNock } from '../../support/nock';
import { serveLists, serveSearch } from '../../support/lusha-lists';
import { App, appTester, bundleWith, expectZapierError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const triggers = App.triggers as Record<
  string,
  { key: string; display: { hidden?: boolean }; operation: { perform: unknown } }
>;
const choices = (key: string, inputData: Record<string, unknown> = {}, fresh = true) =>
  appTester(triggers[key]!.operation.perform as never, bundleWith(inputData), fresh) as Promise<
    { id: string; label: string }[]
  >;

describe('the filter-list dropdowns', () => {
  it('are one hidden trigger per list, all from the one table', () => {
    const keys = Object.keys(triggers).filter((key) => key.startsWith('filter_'));
    expect(keys.sort()).toEqual(FILTER_LIST_NAMES.map((name) => `filter_${name}`).sort());
    for (const key of keys) expect(triggers[key]!.display.hidden).toBe(true);
  });

  it('maps each whole list to {id, label}', async () => {
    const scope = serveLists(nock(LUSHA, { reqheaders: { api_key: TEST_KEY } }), [
      'departments',
      'seniority',
      'existing_data_points',
      'all_countries',
      'industries_labels',
      'sizes',
      'revenues',
      'sics',
      'naics',
      'intent_topics',
    ]);
    scope
      .get('/prospecting/filters/companies/industries_labels')
      .once()
      .reply(200, [
        { main_industry: 'Hospitality', main_industry_id: 1, sub_industries: [{ value: 'Other', id: 778 }] },
      ]);

    expect(await choices('filter_departments')).toEqual([
      { id: 'Business Development', label: 'Business Development' },
      { id: 'Engineering & Technical', label: 'Engineering & Technical' },
      { id: 'Marketing', label: 'Marketing' },
      { id: 'Sales', label: 'Sales' },
    ]);
    expect(await choices('filter_seniority')).toEqual([
      { id: '10', label: 'Founder' },
      { id: '9', label: 'C-Suite' },
      { id: '8', label: 'VP' },
      { id: '6', label: 'Director' },
    ]);
    expect(await choices('filter_data_points')).toEqual([
      { id: 'phone', label: 'Phone' },
      { id: 'work_email', label: 'Work Email' },
      { id: 'mobile_phone', label: 'Mobile Phone' },
      { id: 'direct_phone', label: 'Direct Phone' },
    ]);
    expect(await choices('filter_countries')).toEqual([
      { id: 'DE', label: 'Germany' },
      { id: 'US', label: 'United States' },
    ]);
    expect(await choices('filter_industries')).toEqual([
      { id: '4', label: 'Technology, Information & Media' },
      { id: '1', label: 'Hospitality' },
    ]);
    expect(await choices('filter_sub_industries')).toEqual([{ id: '778', label: 'Hospitality: Other' }]);
    expect(await choices('filter_sizes')).toEqual([
      { id: '1-10', label: '1–10 employees' },
      { id: '51-200', label: '51–200 employees' },
      { id: '201-500', label: '201–500 employees' },
      { id: '10001-', label: '10,001+ employees' },
    ]);
    expect(await choices('filter_revenues')).toEqual([
      { id: '1-1000000', label: '$1–$1M' },
      { id: '1000001-10000000', label: '$1M–$10M' },
      { id: '10000001-50000000', label: '$10M–$50M' },
    ]);
    expect(await choices('filter_sic_codes')).toEqual([{ id: '7372', label: '7372: Prepackaged Software' }]);
    expect(await choices('filter_naics_codes')).toEqual([
      { id: '11', label: '11: Agriculture, Forestry, Fishing and Hunting' },
      { id: '511210', label: '511210: Software Publishers' },
    ]);
    expect(await choices('filter_intent_topics')).toEqual([
      { id: 'Digital Sales', label: 'Digital Sales' },
      { id: 'Zero Trust', label: 'Zero Trust' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('caches a whole list: the second dropdown load makes no call', async () => {
    const scope = serveLists(nock(LUSHA), ['departments']);
    const first = await choices('filter_departments', {}, true);
    const second = await choices('filter_departments', {}, false);
    expect(scope.isDone()).toBe(true);
    expect(second).toEqual(first);
  });

  it('reloads a list cached more than a day ago (the timestamp is checked, not only the TTL)', async () => {
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      serveLists(nock(LUSHA), ['departments']);
      await choices('filter_departments', {}, true);
      clock.mockReturnValue(now + (CACHE_SECONDS - 60) * 1000);
      await choices('filter_departments', {}, false); // still fresh: no call (nock would fail on a second GET)

      const again = nock(LUSHA).get('/prospecting/filters/contacts/departments').once().reply(200, ['Sales']);
      clock.mockReturnValue(now + (CACHE_SECONDS + 60) * 1000);
      expect(await choices('filter_departments', {}, false)).toEqual([{ id: 'Sales', label: 'Sales' }]);
      expect(again.isDone()).toBe(true);
    } finally {
      clock.mockRestore();
    }
  });

  it('queries Lusha with the text of the companion search field for locations, technologies and company names', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY, 'content-type': 'application/json' } });
    serveSearch(scope, 'contactLocations', 'berlin');
    serveSearch(scope, 'companyLocations', 'germany');
    serveSearch(scope, 'technologies', 'salesforce');
    serveSearch(scope, 'companyNames', 'acme');

    expect(await choices('filter_contact_locations', { contact_location_search: ' Berlin ' })).toEqual([
      { id: 'Berlin, Berlin, Germany', label: 'Berlin, Berlin, Germany' },
    ]);
    expect(await choices('filter_company_locations', { company_location_search: 'Germany' })).toEqual([
      { id: 'Germany', label: 'Germany' },
    ]);
    expect(await choices('filter_technologies', { technology_search: 'salesforce' })).toEqual([
      { id: 'Salesforce', label: 'Salesforce' },
      { id: 'Salesforce Marketing Cloud', label: 'Salesforce Marketing Cloud' },
    ]);
    expect(await choices('filter_company_names', { company_name_search: 'Acme' })).toEqual([
      { id: 'Acme', label: 'Acme (www.acme.com)' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('sends text holding {{bundle.…}} exactly as typed (core refuses that template syntax in a request body)', async () => {
    // Found by the hostile-input properties: core threw before sending, which read as "Lusha unavailable".
    const text = '{{bundle.inputdata.email}} {{{process.env}}'; // search texts are sent in lower case
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .post('/prospecting/filters/companies/technologies', (body) => JSON.stringify(body) === JSON.stringify({ text }))
      .reply(200, []);
    expect(await choices('filter_technologies', { technology_search: text })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('caches search answers per text, and makes no call without text', async () => {
    const scope = serveSearch(nock(LUSHA), 'technologies', 'salesforce');
    expect(await choices('filter_technologies', {}, true)).toEqual([]);
    await choices('filter_technologies', { technology_search: 'Salesforce' }, false);
    await choices('filter_technologies', { technology_search: 'salesforce ' }, false);
    expect(scope.isDone()).toBe(true);
  });

  it('surfaces a rejected key as ExpiredAuthError', async () => {
    nock(LUSHA)
      .get('/prospecting/filters/contacts/departments')
      .reply(401, { statusCode: 401, message: 'Invalid API key' });
    const error = await expectZapierError(choices('filter_departments'));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('GET /prospecting/filters/contacts/departments');
  });
});
