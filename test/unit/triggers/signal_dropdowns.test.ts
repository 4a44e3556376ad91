/**
 * The hidden triggers behind the signal dropdowns: Lusha V3's values (only those the steps
 * accept), one call per connection and list per day.
 */
import nock from 'nock';
import type { Choice } from '../../../src/signals/dropdowns';
import { DAY, HOUR, useClock } from '../../support/clock';
import { useNock } from '../../support/nock';
import { type App, appTester, bundleWith, LUSHA, performOf, TEST_KEY } from '../../support/zapier';

const run = (key: string, clear = false) =>
  appTester(performOf<Choice[]>('triggers', key as keyof typeof App.triggers), bundleWith({}), clear);

useNock();
const clock = useClock('2025-06-20T10:00:00Z');

describe('signal dropdowns', () => {
  it('lists the contact signal types with readable names', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .get('/v3/contacts/signals/types')
      .reply(200, { signalTypes: ['allSignals', 'promotion', 'companyChange'] });
    expect(await run('contact_signal_types', true)).toEqual([
      { id: 'allSignals', name: 'All Contact Signals' },
      { id: 'promotion', name: 'Promotion' },
      { id: 'companyChange', name: 'Company Change (Job Change)' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('lists only the company types the steps deliver, and keeps each list a day', async () => {
    const types = nock(LUSHA)
      .get('/v3/companies/signals/types')
      .once()
      .reply(200, { signalTypes: ['allSignals', 'linkedinActivityIntent', 'surgeInHiring', 'peopleNews'] });
    expect(await run('company_signal_types', true)).toEqual([
      { id: 'allSignals', name: 'All Company Signals' },
      { id: 'surgeInHiring', name: 'Surge in Hiring' },
      { id: 'peopleNews', name: 'News: People' },
    ]);
    clock.advance(23 * HOUR);
    expect(await run('company_signal_types')).toHaveLength(3);
    expect(types.isDone()).toBe(true);

    clock.advance(DAY);
    const again = nock(LUSHA)
      .get('/v3/companies/signals/types')
      .reply(200, { signalTypes: ['allSignals'] });
    expect(await run('company_signal_types')).toEqual([{ id: 'allSignals', name: 'All Company Signals' }]);
    expect(again.isDone()).toBe(true);
  });

  it('reads the news event types and hiring departments from their filter lists', async () => {
    const news = nock(LUSHA)
      .get('/v3/companies/signals/filters/newsEventTypes')
      .reply(200, { values: ['Funding Round', 'IPO', 'Not A Known Event'] });
    const departments = nock(LUSHA)
      .get('/v3/companies/signals/filters/hiringByDepartments')
      .reply(200, { values: ['Sales', 'Engineering & Technical'] });
    expect(await run('company_news_event_types', true)).toEqual([
      { id: 'Funding Round', name: 'Funding Round' },
      { id: 'IPO', name: 'IPO' },
    ]);
    expect(await run('company_hiring_departments')).toEqual([
      { id: 'Sales', name: 'Sales' },
      { id: 'Engineering & Technical', name: 'Engineering & Technical' },
    ]);
    expect(news.isDone() && departments.isDone()).toBe(true);
  });

  it('offers the documented values when Lusha lists none', async () => {
    nock(LUSHA).get('/v3/companies/signals/filters/hiringByDepartments').reply(200, { values: null });
    const departments = await run('company_hiring_departments', true);
    expect(departments).toHaveLength(16);
    expect(departments[0]).toEqual({ id: 'Business Development', name: 'Business Development' });
  });
});
