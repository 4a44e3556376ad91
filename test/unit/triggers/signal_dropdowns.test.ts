/**
 * The hidden triggers behind the signal dropdowns: Lusha's values (only those the steps
 * accept), one free call per connection and object type per hour.
 */
import nock from 'nock';
import type { Choice } from '../../../src/signals/dropdowns';
import { HOUR, useClock } from '../../support/clock';
import { useNock } from '../../support/nock';
import { type App, appTester, bundleWith, LUSHA, performOf, TEST_KEY } from '../../support/zapier';

const run = (key: string, clear = false) =>
  appTester(performOf<Choice[]>('triggers', key as keyof typeof App.triggers), bundleWith({}), clear);

useNock();
const clock = useClock('2025-06-20T10:00:00Z');

const companyFilters = {
  signals: ['allSignals', 'surgeInHiring', 'peopleNews', 'someFutureSignal'],
  objectType: 'company',
  filterOptions: {
    newsEventTypes: ['Funding Round', 'IPO'],
    hiringByDepartments: ['Sales', 'Engineering & Technical'],
  },
};

describe('signal dropdowns', () => {
  it('lists the contact signal types with readable names', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .get('/api/signals/filters/contact')
      .reply(200, { signals: ['promotion', 'companyChange', 'allSignals'], objectType: 'contact' });
    expect(await run('contact_signal_types', true)).toEqual([
      { id: 'promotion', name: 'Promotion' },
      { id: 'companyChange', name: 'Company Change (Job Change)' },
      { id: 'allSignals', name: 'All Contact Signals' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('feeds the three company dropdowns from one call, asking again after an hour', async () => {
    const scope = nock(LUSHA).get('/api/signals/filters/company').once().reply(200, companyFilters);
    expect(await run('company_signal_types', true)).toEqual([
      { id: 'allSignals', name: 'All Company Signals' },
      { id: 'surgeInHiring', name: 'Surge in Hiring' },
      { id: 'peopleNews', name: 'News: People' },
    ]);
    expect(await run('company_news_event_types')).toEqual([
      { id: 'Funding Round', name: 'Funding Round' },
      { id: 'IPO', name: 'IPO' },
    ]);
    expect(await run('company_hiring_departments')).toEqual([
      { id: 'Sales', name: 'Sales' },
      { id: 'Engineering & Technical', name: 'Engineering & Technical' },
    ]);
    expect(scope.isDone()).toBe(true);

    clock.advance(HOUR);
    const again = nock(LUSHA).get('/api/signals/filters/company').reply(200, companyFilters);
    await run('company_signal_types');
    expect(again.isDone()).toBe(true);
  });

  it('offers the documented values when Lusha lists no sub-filter values', async () => {
    nock(LUSHA)
      .get('/api/signals/filters/company')
      .reply(200, { signals: ['allSignals'], objectType: 'company' });
    const departments = await run('company_hiring_departments', true);
    expect(departments).toHaveLength(16);
    expect(departments[0]).toEqual({ id: 'Business Development', name: 'Business Development' });
  });
});
