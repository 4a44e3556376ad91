/**
 * Get Contact Signals: one lookup, signals as line items with the credits Lusha charged;
 * a partial failure lists the entries not checked; no cache between runs.
 */
import nock from 'nock';
import type { SignalLookupOutput } from '../../../src/signals/operations';
import { useClock } from '../../support/clock';
import { useNock } from '../../support/nock';
import { appTester, bundleWith, expectZapierError, LUSHA, ownMessage, performOf, TEST_KEY } from '../../support/zapier';

const perform = performOf<SignalLookupOutput>('creates', 'get_contact_signals');

useNock();
useClock('2025-06-20T10:00:00Z');

const promotion = {
  personId: '111',
  currentCompanyId: 8217,
  currentCompanyName: 'Callaway Golf',
  currentDomain: 'callawaygolf.com',
  currentTitle: 'VP IT',
  currentDepartments: 'Information Technology',
  currentSeniorityLabel: 'vp',
  signalDate: '2025-06-01',
};

describe('get_contact_signals', () => {
  it('returns the signals as line items with creditsCharged, and calls again on every run', async () => {
    const answer = {
      contacts: { '111': { personId: '111', promotion: [promotion] } },
      startDate: '2025-03-22',
      endDate: '2025-06-20',
      creditCharged: 1,
    };
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .post('/api/signals/contacts', { contactIds: [111], signals: ['promotion'], startDate: '2025-03-22' })
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
          jobTitle: 'VP IT',
          seniority: 'VP',
          departments: 'Information Technology',
          companyId: '8217',
          companyName: 'Callaway Golf',
          companyDomain: 'callawaygolf.com',
          previousCompanyName: null,
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
      .post('/api/signals/contacts', {
        contactIds: ids.slice(0, 100),
        signals: ['allSignals'],
        startDate: '2025-05-21',
      })
      .reply(200, {
        contacts: { '7000': { personId: '7000', promotion: [{ ...promotion, personId: '7000' }] } },
        creditCharged: 2,
      });
    nock(LUSHA)
      .post('/api/signals/contacts', { contactIds: ids.slice(100), signals: ['allSignals'], startDate: '2025-05-21' })
      .reply(500, { message: 'Internal server error' });
    nock(LUSHA)
      .post('/api/signals/contacts/search', {
        contacts: [{ id: '1', email: 'ada@acme.com' }],
        signals: ['allSignals'],
        startDate: '2025-05-21',
      })
      .reply(200, { contacts: {}, creditCharged: 1 });
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
            'Lusha failed to process the request (POST /api/signals/contacts, HTTP 500): Internal server error. If this keeps happening, contact Lusha support.',
        },
      ],
    });
  });

  it('fails with the error when every call failed', async () => {
    nock(LUSHA).post('/api/signals/contacts').reply(402, { statusCode: 402, message: 'Insufficient credits' });
    const error = ownMessage(
      await expectZapierError(appTester(perform, bundleWith({ person_ids: ['1'], signal_types: ['promotion'] }), true)),
    );
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        'The Lusha account has no credits left (POST /api/signals/contacts, HTTP 402): Insufficient credits. ' +
        'Add credits to your Lusha account or wait for your plan to renew, then replay the run.',
    });
  });

  it('takes a one-day look-back: a one-off lookup has no interval to cover', async () => {
    const scope = nock(LUSHA)
      .post('/api/signals/contacts', { contactIds: [1], signals: ['promotion'], startDate: '2025-06-19' })
      .reply(200, { contacts: {}, creditCharged: 0 });
    const output = await appTester(
      perform,
      bundleWith({ person_ids: ['1'], signal_types: ['promotion'], lookback_days: 1 }),
      true,
    );
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ signalCount: 0, creditsCharged: 0, signals: [], checkedCount: 1 });
  });
});
