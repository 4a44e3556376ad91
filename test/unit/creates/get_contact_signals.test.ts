/**
 * Get Contact Signals: one lookup, signals as line items with the credits Lusha charged;
 * a partial failure lists the entries not checked; no cache of signals between runs, but the ids
 * found for identifiers are kept (a search is paid once).
 */
import nock from 'nock';
import type { SignalLookupOutput } from '../../../src/signals/operations';
import { useClock } from '../../support/clock';
import { useNock } from '../../support/nock';
import { expectHalt, noCreditsLeft, numbered } from '../../support/creates-kit';
import { appTester, bundleWith, LUSHA, performOf, TEST_KEY } from '../../support/zapier';

const perform = performOf<SignalLookupOutput>('creates', 'get_contact_signals');

useNock();
useClock('2025-06-20T10:00:00Z');

const promotion = { id: '111', signalDate: '2025-06-01', previousCompany: 'Vendavo', newCompany: 'Callaway Golf' };

describe('get_contact_signals', () => {
  it('returns the signals as line items with creditsCharged, and calls again on every run', async () => {
    const answer = {
      results: [{ id: '111', promotion: [promotion] }],
      startDate: '2025-03-22',
      endDate: '2025-06-20',
      billing: { creditsCharged: 1, resultsReturned: 1 },
    };
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .post('/v3/contacts/signals', { ids: ['111'], signalTypes: ['promotion'], startDate: '2025-03-22' })
      .twice()
      .reply(200, answer);
    const data = { person_ids: '111', signal_types: 'promotion', lookback_days: 90 };
    const output = await appTester(perform, bundleWith(data), true);
    expect(output).toEqual({
      signalCount: 1,
      creditsCharged: 1,
      startDate: '2025-03-22',
      endDate: '2025-06-20',
      checkedCount: 1,
      notCheckedCount: 0,
      signals: [
        {
          id: expect.stringMatching(/^[0-9a-f]{32}$/),
          signalType: 'promotion',
          signalName: 'Promotion',
          signalDate: '2025-06-01',
          personId: '111',
          watchListEntry: '111',
          jobTitle: null,
          seniority: null,
          departments: null,
          companyId: null,
          companyName: 'Callaway Golf',
          companyDomain: null,
          previousCompanyName: 'Vendavo',
          previousCompanyDomain: null,
        },
      ],
      notChecked: [],
    });
    await appTester(perform, bundleWith(data));
    expect(scope.isDone()).toBe(true);
  });

  it('adds up the credits of every call, and lists each entry of a failed call with the reason', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => 7000 + i);
    nock(LUSHA)
      .post('/v3/contacts/search', {
        contacts: numbered({ email: 'ada@acme.com' }),
        options: { includePartialProfiles: true },
      })
      .reply(200, {
        results: [{ clientReferenceId: '1', error: { code: 'NOT_FOUND', message: 'Contact not found' } }],
        billing: { creditsCharged: 0, resultsReturned: 0 },
      });
    nock(LUSHA)
      .post('/v3/contacts/signals', {
        ids: ids.slice(0, 100).map(String),
        signalTypes: ['allSignals'],
        startDate: '2025-05-21',
      })
      .reply(200, {
        results: [{ id: '7000', promotion: [{ ...promotion, id: '7000' }] }],
        billing: { creditsCharged: 3 },
      });
    nock(LUSHA)
      .post('/v3/contacts/signals', {
        ids: ids.slice(100).map(String),
        signalTypes: ['allSignals'],
        startDate: '2025-05-21',
      })
      .reply(500, { message: 'Internal server error' });
    const output = await appTester(
      perform,
      bundleWith({ person_ids: ids.map(String), contacts: [{ email: 'ada@acme.com' }], signal_types: ['allSignals'] }),
      true,
    );
    expect(output).toMatchObject({
      signalCount: 1,
      creditsCharged: 3,
      checkedCount: 101,
      notCheckedCount: 1,
      notChecked: [
        {
          watchListEntry: '7100',
          reason:
            'Lusha failed to process the request (POST /v3/contacts/signals, HTTP 500): Internal server error. If this keeps happening, contact Lusha support.',
        },
      ],
    });
  });

  it('fails with the error when every call failed', async () => {
    nock(LUSHA).post('/v3/contacts/signals').reply(402, { statusCode: 402, message: 'Insufficient credits' });
    await expectHalt(
      appTester(perform, bundleWith({ person_ids: ['1'], signal_types: ['promotion'] }), true),
      noCreditsLeft('POST /v3/contacts/signals'),
    );
  });

  it('takes a one-day look-back: a one-off lookup has no interval to cover', async () => {
    const scope = nock(LUSHA)
      .post('/v3/contacts/signals', { ids: ['1'], signalTypes: ['promotion'], startDate: '2025-06-19' })
      .reply(200, { results: [{ id: '1', promotion: [] }], billing: { creditsCharged: 0 } });
    const output = await appTester(
      perform,
      bundleWith({ person_ids: ['1'], signal_types: ['promotion'], lookback_days: 1 }),
      true,
    );
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ signalCount: 0, creditsCharged: 0, signals: [], checkedCount: 1 });
  });
  it('finds contacts by email, LinkedIn URL or name with Search Contacts, pays once, and keeps the ids for later runs', async () => {
    const search = nock(LUSHA)
      .post('/v3/contacts/search', {
        contacts: numbered(
          { email: 'ada@acme.com' },
          { linkedinUrl: 'https://www.linkedin.com/in/grace-hopper' },
          { firstName: 'Alan', lastName: 'Mathison Turing', companyDomain: 'bletchley.org' },
          { email: 'nobody@acme.com' },
        ),
        options: { includePartialProfiles: true },
      })
      .once()
      .reply(200, {
        results: [
          { clientReferenceId: '1', id: '111', firstName: 'Ada' },
          { clientReferenceId: '2', id: '222', firstName: 'Grace' },
          { clientReferenceId: '3', id: '333', firstName: 'Alan' },
          { clientReferenceId: '4', error: { code: 'NOT_FOUND', message: 'Contact not found' } },
        ],
        billing: { creditsCharged: 1, resultsReturned: 3 },
      });
    const signals = nock(LUSHA)
      .post('/v3/contacts/signals', { ids: ['111', '222', '333'], signalTypes: ['promotion'], startDate: '2025-05-21' })
      .twice()
      .reply(200, {
        results: [
          { id: '222', promotion: [{ ...promotion, id: '222' }] },
          { id: '111', promotion: [] },
        ],
        billing: { creditsCharged: 1, resultsReturned: 2 },
      });
    const data = {
      contacts: [
        { email: 'ada@acme.com' },
        { linkedin_url: 'linkedin.com/in/grace-hopper' },
        { full_name: 'Alan Mathison Turing', company_domain: 'bletchley.org' },
        { email: 'nobody@acme.com' },
      ],
      signal_types: ['promotion'],
    };
    const first = await appTester(perform, bundleWith(data), true);
    expect(first).toMatchObject({
      signalCount: 1,
      creditsCharged: 2,
      checkedCount: 4,
      notCheckedCount: 0,
      signals: [{ personId: '222', watchListEntry: 'https://www.linkedin.com/in/grace-hopper' }],
    });
    // The next run finds the ids in the cache: only the signals call, and only its credits.
    const again = await appTester(perform, bundleWith(data));
    expect(again).toMatchObject({ signalCount: 1, creditsCharged: 1 });
    expect(search.isDone() && signals.isDone()).toBe(true);
  });

  it('returns what a paid search found when the signals call failed, and does not search again', async () => {
    nock(LUSHA)
      .post('/v3/contacts/search')
      .once()
      .reply(200, {
        results: [{ clientReferenceId: '1', id: '111' }],
        billing: { creditsCharged: 1, resultsReturned: 1 },
      });
    nock(LUSHA).post('/v3/contacts/signals').reply(500, { message: 'Internal server error' });
    const data = { contacts: [{ email: 'ada@acme.com' }], signal_types: ['promotion'] };
    const output = await appTester(perform, bundleWith(data), true);
    expect(output).toMatchObject({
      signalCount: 0,
      creditsCharged: 1,
      checkedCount: 0,
      notChecked: [{ watchListEntry: 'ada@acme.com', reason: expect.stringContaining('HTTP 500') }],
    });
    const retry = nock(LUSHA)
      .post('/v3/contacts/signals', { ids: ['111'], signalTypes: ['promotion'], startDate: '2025-05-21' })
      .reply(200, { results: [{ id: '111', promotion: [promotion] }], billing: { creditsCharged: 1 } });
    expect(await appTester(perform, bundleWith(data))).toMatchObject({ signalCount: 1, creditsCharged: 1 });
    expect(retry.isDone()).toBe(true);
  });
});
