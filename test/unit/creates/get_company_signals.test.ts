/** Get Company Signals: the company lookup's calls (a search for domains, then the signals), line items and credits. */
import nock from 'nock';
import type { SignalLookupOutput } from '../../../src/signals/operations';
import { useClock } from '../../support/clock';
import { useNock } from '../../support/nock';
import { expectRefusal, numbered } from '../../support/creates-kit';
import { appTester, bundleWith, LUSHA, performOf } from '../../support/zapier';

const perform = performOf<SignalLookupOutput>('creates', 'get_company_signals');

useNock();
useClock('2025-06-20T10:00:00Z');

describe('get_company_signals', () => {
  it('looks up IDs and domains in one run and returns every signal with the credits charged', async () => {
    const search = nock(LUSHA)
      .post('/v3/companies/search', { companies: numbered({ domain: 'lusha.com' }) })
      .reply(200, {
        results: [{ clientReferenceId: '1', id: '99', name: 'Lusha', domain: 'lusha.com' }],
        billing: { creditsCharged: 1, resultsReturned: 1 },
      });
    const ids = nock(LUSHA)
      .post('/v3/companies/signals', {
        ids: ['3416', '99'],
        signalTypes: ['websiteTrafficIncrease', 'itSpendIncrease'],
        startDate: '2025-05-21',
      })
      .reply(200, {
        results: [
          {
            id: '3416',
            companyName: 'Test',
            domain: 'test.com',
            websiteTrafficIncrease: [
              {
                companyId: '3416',
                signalId: '1503902',
                signalDate: '2025-06-15',
                historicalAvg: 50000,
                lastMonthVisits: 75000,
                changeRatePercent: 50,
              },
            ],
            itSpendIncrease: [],
          },
          {
            id: '99',
            companyName: 'Lusha',
            domain: 'lusha.com',
            itSpendIncrease: [
              { signalId: '1503903', signalDate: '2025-06-16', estimatedAnnualItSpend: 5000000, changeRatePercent: 25 },
            ],
          },
        ],
        startDate: '2025-05-21',
        endDate: '2025-06-20',
        billing: { creditsCharged: 2, resultsReturned: 2 },
      });
    const output = await appTester(
      perform,
      bundleWith({
        company_ids: ['3416'],
        companies: [{ domain: 'lusha.com' }],
        signal_types: ['websiteTrafficIncrease', 'itSpendIncrease'],
      }),
      true,
    );
    expect(ids.isDone() && search.isDone()).toBe(true);
    expect(output).toMatchObject({
      signalCount: 2,
      creditsCharged: 3,
      checkedCount: 2,
      notCheckedCount: 0,
      startDate: '2025-05-21',
      endDate: '2025-06-20',
    });
    expect(output.signals).toEqual([
      expect.objectContaining({
        id: 'itSpendIncrease:1503903',
        signalName: 'IT Spend Increase',
        companyId: '99',
        watchListEntry: 'lusha.com',
        estimatedAnnualItSpend: 5000000,
        changeRatePercent: 25,
      }),
      expect.objectContaining({
        id: 'websiteTrafficIncrease:1503902',
        signalName: 'Website Traffic Increase',
        companyId: '3416',
        watchListEntry: '3416',
        websiteVisitsLastMonth: 75000,
        historicalAverage: 50000,
      }),
    ]);
  });

  it('refuses more than 500 companies before calling Lusha', async () => {
    const companies = Array.from({ length: 501 }, (_, i) => ({ domain: `company${i}.com` }));
    await expectRefusal(
      appTester(perform, bundleWith({ companies, signal_types: ['surgeInHiring'] }), true),
      'Get Company Signals',
      'The watch list has 501 companies; one step can watch at most 500.',
    );
  });
  it('sends "All Company Signals" as every type it lists, and the news and department filters', async () => {
    const scope = nock(LUSHA)
      .post('/v3/companies/signals', (body: Record<string, unknown>) => {
        const types = body.signalTypes as string[];
        return (
          types.length === 22 &&
          !types.includes('allSignals') &&
          !types.includes('linkedinActivityIntent') &&
          JSON.stringify(body.filters) ===
            JSON.stringify({ include: { newsEventTypes: ['Funding Round'], hiringByDepartments: ['Sales'] } })
        );
      })
      .reply(200, {
        results: [{ id: '3416', companyName: 'Test', domain: 'test.com' }],
        billing: { creditsCharged: 0 },
      });
    const output = await appTester(
      perform,
      bundleWith({
        company_ids: ['3416'],
        signal_types: ['allSignals'],
        news_event_types: ['funding round'],
        hiring_departments: ['Sales'],
      }),
      true,
    );
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ signalCount: 0, creditsCharged: 0, checkedCount: 1 });
  });
});
