/** Get Company Signals: the company lookup's calls, line items and credits. */
import nock from 'nock';
import type { SignalLookupOutput } from '../../../src/signals/operations';
import { useClock } from '../../support/clock';
import { useNock } from '../../support/nock';
import { appTester, bundleWith, expectZapierError, LUSHA, ownMessage, performOf } from '../../support/zapier';

const perform = performOf<SignalLookupOutput>('creates', 'get_company_signals');

useNock();
useClock('2025-06-20T10:00:00Z');

describe('get_company_signals', () => {
  it('looks up IDs and domains in one run and returns every signal with the credits charged', async () => {
    const ids = nock(LUSHA)
      .post('/api/signals/companies', {
        companyIds: [3416],
        signals: ['websiteTrafficIncrease', 'itSpendIncrease'],
        startDate: '2025-05-21',
      })
      .reply(200, {
        companies: {
          '3416': {
            companyId: '3416',
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
          },
        },
        startDate: '2025-05-21',
        endDate: '2025-06-20',
        creditCharged: 1,
      });
    const search = nock(LUSHA)
      .post('/api/signals/companies/search', {
        companies: [{ id: '1', domain: 'lusha.com' }],
        signals: ['websiteTrafficIncrease', 'itSpendIncrease'],
        startDate: '2025-05-21',
      })
      .reply(200, {
        companies: {
          '1': {
            companyId: '99',
            companyName: 'Lusha',
            domain: 'lusha.com',
            itSpendIncrease: [
              { signalId: '1503903', signalDate: '2025-06-16', estimatedAnnualItSpend: 5000000, changeRatePercent: 25 },
            ],
          },
        },
        creditCharged: 1,
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
      creditsCharged: 2,
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
    const error = ownMessage(
      await expectZapierError(appTester(perform, bundleWith({ companies, signal_types: ['surgeInHiring'] }), true)),
    );
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        'Get Company Signals cannot run with this input (no credits were spent):\n' +
        '- The watch list has 501 companies; one step can watch at most 500.',
    });
  });
});
