/**
 * New Company Signal against a mocked Lusha: IDs and domain/name rows, the filters, one flat
 * item per signal with Lusha's signalId, the credit guard, and the company-specific checks.
 */
import nock from 'nock';
import { COMPANY_SIGNAL_TYPES } from '../../../src/signals/catalog';
import { type CompanySignalRecord, companySignalSample } from '../../../src/signals/records';
import { HOUR, useClock } from '../../support/clock';
import { useNock } from '../../support/nock';
import { appTester, bundleWith, expectZapierError, LUSHA, ownMessage, performOf, TEST_KEY } from '../../support/zapier';

const perform = performOf<CompanySignalRecord[]>('triggers', 'new_company_signal');

useNock();
const clock = useClock('2025-06-20T10:00:00Z');

const lusha = { companyId: '3416', companyName: 'Lusha', domain: 'lusha.com' };
const byIdsAnswer = {
  results: [
    {
      id: '3416',
      companyName: 'Lusha',
      domain: 'lusha.com',
      surgeInHiringByDepartment: [
        {
          signalId: '1503906',
          ...lusha,
          department: 'Engineering & Technical',
          signalDate: '2025-06-15',
          newJobsPostedLast4Weeks: 15,
          historicalAvg: 5,
          changeRatePercent: 200,
        },
      ],
      headcountIncrease3m: [
        {
          signalId: '1503904',
          ...lusha,
          signalDate: '2025-06-01',
          baselineEmployeesCount: 500,
          newEmployeesCount: 550,
          changeRatePercent: 10,
        },
      ],
      peopleNews: [
        {
          signalId: '1503911',
          ...lusha,
          eventType: 'Executive Hire',
          eventSummary: 'Lusha hired a new CFO.',
          articlePublishedDate: '2025-06-18',
          articleTitle: 'Lusha Appoints CFO',
          articleHighlight: 'The new CFO joins from Acme.',
          eventEffectiveDate: '2025-06-17',
          articleUrl: 'https://example.com/lusha-cfo',
        },
      ],
    },
  ],
  startDate: '2025-05-21',
  endDate: '2025-06-20',
  billing: { creditsCharged: 3, resultsReturned: 1 },
};

const input = {
  company_ids: ['3416'],
  signal_types: ['surgeInHiringByDepartment', 'headcountIncrease3m', 'peopleNews'],
  news_event_types: ['executive hire'],
  hiring_departments: ['Engineering & Technical'],
  check_every: 'daily',
};
const byIdsBody = {
  ids: ['3416'],
  signalTypes: ['surgeInHiringByDepartment', 'headcountIncrease3m', 'peopleNews'],
  startDate: '2025-05-21',
  filters: { include: { newsEventTypes: ['Executive Hire'], hiringByDepartments: ['Engineering & Technical'] } },
};

/** Every field of a company signal empty; each item below fills in its identity and what its signal measures. */
const nulls = Object.fromEntries(Object.keys(companySignalSample).map((key) => [key, null]));
const identity = { companyId: '3416', companyName: 'Lusha', companyDomain: 'lusha.com', watchListEntry: '3416' };

describe('new_company_signal', () => {
  it('sends the filters in the spelling Lusha lists, and returns one flat item per signal, newest first, with Lusha ids', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .post('/v3/companies/signals', byIdsBody)
      .reply(200, byIdsAnswer);
    const items = await appTester(perform, bundleWith(input), true);
    expect(scope.isDone()).toBe(true);
    expect(items).toEqual([
      {
        ...nulls,
        ...identity,
        id: 'peopleNews:1503911',
        signalType: 'peopleNews',
        signalName: 'News: People',
        signalDate: '2025-06-18',
        newsEventType: 'Executive Hire',
        newsTitle: 'Lusha Appoints CFO',
        newsSummary: 'Lusha hired a new CFO.',
        newsHighlight: 'The new CFO joins from Acme.',
        newsUrl: 'https://example.com/lusha-cfo',
        newsPublishedDate: '2025-06-18',
        newsEffectiveDate: '2025-06-17',
      },
      {
        ...nulls,
        ...identity,
        id: 'surgeInHiringByDepartment:1503906',
        signalType: 'surgeInHiringByDepartment',
        signalName: 'Surge in Hiring by Department',
        signalDate: '2025-06-15',
        hiringDepartment: 'Engineering & Technical',
        newJobsLast4Weeks: 15,
        historicalAverage: 5,
        changeRatePercent: 200,
      },
      {
        ...nulls,
        ...identity,
        id: 'headcountIncrease3m:1503904',
        signalType: 'headcountIncrease3m',
        signalName: 'Headcount Increase (3 Months)',
        signalDate: '2025-06-01',
        baselineEmployeeCount: 500,
        newEmployeeCount: 550,
        changeRatePercent: 10,
      },
    ]);
  });

  it('makes no call between checks', async () => {
    nock(LUSHA).post('/v3/companies/signals', byIdsBody).once().reply(200, byIdsAnswer);
    const items = await appTester(perform, bundleWith(input), true);
    clock.advance(23 * HOUR);
    expect(await appTester(perform, bundleWith(input))).toEqual(items);
  });

  it('finds companies by domain or name through Search Companies, labelling each item with its row', async () => {
    const search = nock(LUSHA)
      .post('/v3/companies/search', {
        companies: [
          { clientReferenceId: '1', domain: 'lusha.com' },
          { clientReferenceId: '2', name: 'Globex' },
        ],
      })
      .reply(200, {
        results: [
          { clientReferenceId: '1', error: { code: 'NOT_FOUND', message: 'Company not found' } },
          { clientReferenceId: '2', id: '77', name: 'Globex', domain: 'globex.com' },
        ],
        billing: { creditsCharged: 1, resultsReturned: 1 },
      });
    const scope = nock(LUSHA)
      .post('/v3/companies/signals', { ids: ['77'], signalTypes: ['surgeInHiring'], startDate: '2025-05-21' })
      .reply(200, {
        results: [
          {
            id: '77',
            companyName: 'Globex',
            domain: 'globex.com',
            surgeInHiring: [
              {
                signalId: '900',
                signalDate: '2025-06-02',
                newJobsPostedLastWeek: 25,
                historicalAvg: 10,
                changeRatePercent: 150,
              },
            ],
          },
        ],
        billing: { creditsCharged: 1 },
      });
    const items = await appTester(
      perform,
      bundleWith({
        companies: [{ domain: 'https://www.Lusha.com/about' }, { name: 'Globex' }, { domain: 'lusha.com' }],
        signal_types: ['surgeInHiring'],
      }),
      true,
    );
    expect(search.isDone() && scope.isDone()).toBe(true);
    expect(items).toEqual([
      expect.objectContaining({
        id: 'surgeInHiring:900',
        companyId: '77',
        companyName: 'Globex',
        companyDomain: 'globex.com',
        watchListEntry: 'Globex',
        newJobsLastWeek: 25,
      }),
    ]);
  });

  it('rejects filters Lusha does not know or that cannot apply, and rows without a domain or name', async () => {
    const error = ownMessage(
      await expectZapierError(
        appTester(
          perform,
          bundleWith({
            companies: [
              { domain: 'not a domain' },
              { name: '', domain: '' },
              { name: 'Acme', domain: 'acme.com' },
              { name: ['a', 'b'] },
            ],
            signal_types: ['surgeInHiring', 'fundingNews'],
            news_event_types: ['Funding Round', 'Alien Landing'],
            hiring_departments: ['Sales'],
            lookback_days: 0,
          }),
          true,
        ),
      ),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message.split('\n').slice(1)).toEqual([
      '- Row 1: Domain "not a domain" is not a domain (expected something like acme.com).',
      '- Row 4: Company Name must be a single value, not a list or object (got "["a","b"]").',
      expect.stringMatching(
        /^- Signal Types: "fundingNews" is not a company signal type \(choose from: allSignals, headcountIncrease1m, .*productActivityNews\)\.$/,
      ),
      '- News Event Types: "Alien Landing" is not a news event type Lusha knows (pick one from the list).',
      '- News Event Types only narrow news signals: add a News signal type, or clear this filter.',
      '- Hiring Departments only narrow "Surge in Hiring by Department" signals: add that type, or clear this filter.',
      '- Look Back (Days) must be a whole number from 1 to 180 (got "0").',
    ]);
  });

  it('takes every filter with "All Company Signals", sent as every type the step lists', async () => {
    const scope = nock(LUSHA)
      .post('/v3/companies/signals', {
        ids: ['1'],
        signalTypes: Object.keys(COMPANY_SIGNAL_TYPES).filter((type) => type !== 'allSignals'),
        startDate: '2025-05-21',
        filters: { include: { newsEventTypes: ['M&A'] } },
      })
      .reply(200, { results: [{ id: '1', error: { code: 'NOT_FOUND', message: 'Company not found' } }] });
    expect(
      await appTester(
        perform,
        bundleWith({ company_ids: '1', signal_types: ['allSignals', 'riskNews'], news_event_types: 'm&a' }),
        true,
      ),
    ).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});
