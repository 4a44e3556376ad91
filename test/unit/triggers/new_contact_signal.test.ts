/**
 * New Contact Signal against a mocked Lusha: the exact calls, the items (ids, order, flat
 * fields), the credit guard between checks, samples, batching, bad input and plan errors.
 */
import nock from 'nock';
import { contactSignalId, type ContactSignalRecord } from '../../../src/signals/records';
import { DAY, HOUR, useClock } from '../../support/clock';
import { useNock } from '../../support/nock';
import { appTester, bundleWith, expectZapierError, LUSHA, ownMessage, performOf, TEST_KEY } from '../../support/zapier';

const perform = performOf<ContactSignalRecord[]>('triggers', 'new_contact_signal');

useNock();
const clock = useClock('2025-06-20T10:00:00Z');

/** A V3 contact signal item: the contact's id, the date, the previous and the new company. */
const move = (id: string, date: string, company: string) => ({
  id,
  signalDate: date,
  previousCompany: 'Oldco',
  newCompany: company,
});

const answer = {
  results: [
    { id: '111', companyChange: [move('111', '2025-06-01', 'Acme')], promotion: [] },
    {
      id: '222',
      promotion: [move('222', '2025-06-10', 'Globex')],
      companyChange: [move('222', '2025-05-02', 'Globex')],
    },
  ],
  startDate: '2025-05-21',
  endDate: '2025-06-20',
  billing: { creditsCharged: 2, resultsReturned: 2 },
};

const input = {
  person_ids: ['111', '222'],
  signal_types: ['promotion', 'companyChange'],
  lookback_days: '30',
  check_every: 'daily',
};

const expectByIds = (body: Record<string, unknown>, reply: unknown = answer) =>
  nock(LUSHA, { reqheaders: { api_key: TEST_KEY, 'content-type': 'application/json' } })
    .post('/v3/contacts/signals', body as nock.RequestBodyMatcher)
    .reply(200, reply as nock.Body);

const byIdsBody = { ids: ['111', '222'], signalTypes: ['promotion', 'companyChange'], startDate: '2025-05-21' };

describe('new_contact_signal', () => {
  it('checks the watch list once and returns one flat item per signal, newest first', async () => {
    const scope = expectByIds(byIdsBody);
    const items = await appTester(perform, bundleWith(input), true);
    expect(scope.isDone()).toBe(true);
    expect(items).toEqual([
      {
        id: contactSignalId({ personId: '222', type: 'promotion', signalDate: '2025-06-10' }),
        signalType: 'promotion',
        signalName: 'Promotion',
        signalDate: '2025-06-10',
        personId: '222',
        watchListEntry: '222',
        jobTitle: null,
        seniority: null,
        departments: [],
        companyId: null,
        companyName: 'Globex',
        companyDomain: null,
        previousCompanyName: 'Oldco',
        previousCompanyDomain: null,
      },
      expect.objectContaining({
        personId: '111',
        signalType: 'companyChange',
        signalDate: '2025-06-01',
        companyName: 'Acme',
      }),
      expect.objectContaining({
        personId: '222',
        signalType: 'companyChange',
        signalDate: '2025-05-02',
        companyName: 'Globex',
      }),
    ]);
    expect(new Set(items.map((item) => item.id)).size).toBe(3);
  });

  it('makes no call between checks and returns the same items; checks again once the interval has passed', async () => {
    const first = expectByIds(byIdsBody);
    const items = await appTester(perform, bundleWith(input), true);
    expect(first.isDone()).toBe(true);

    // Zapier polls every few minutes: none of these may reach Lusha (nock has no interceptor left).
    const checkedAt = clock.now();
    for (const minutes of [1, 15, 23 * 60 + 59]) {
      clock.advance(checkedAt + minutes * 60 * 1000 - clock.now());
      expect(await appTester(perform, bundleWith(input))).toEqual(items);
    }

    clock.advance(checkedAt + DAY - clock.now());
    const newer = {
      ...answer,
      results: [
        { id: '111', companyChange: [move('111', '2025-06-01', 'Acme'), move('111', '2025-06-20', 'Initech')] },
        answer.results[1],
      ],
    };
    const second = expectByIds({ ...byIdsBody, startDate: '2025-05-22' }, newer);
    const later = await appTester(perform, bundleWith(input));
    expect(second.isDone()).toBe(true);
    expect(later[0]).toMatchObject({ personId: '111', signalDate: '2025-06-20', companyName: 'Initech' });
    // Signals seen before keep their ids, so Zapier fires only for the new one.
    const before = new Set(items.map((item) => item.id));
    expect(later.filter((item) => !before.has(item.id))).toHaveLength(1);
  });

  it('checks again at once when the configuration or the connection changes', async () => {
    expectByIds(byIdsBody);
    await appTester(perform, bundleWith(input), true);
    const changed = expectByIds({ ...byIdsBody, signalTypes: ['promotion'] });
    await appTester(perform, bundleWith({ ...input, signal_types: ['promotion'] }));
    expect(changed.isDone()).toBe(true);
    const otherKey = nock(LUSHA, { reqheaders: { api_key: 'second-connection-key' } })
      .post('/v3/contacts/signals', byIdsBody)
      .reply(200, answer);
    await appTester(perform, bundleWith(input, { apiKey: 'second-connection-key' }));
    expect(otherKey.isDone()).toBe(true);
  });

  it('keeps the last check when only the interval changes, and reads the watch list in any order', async () => {
    expectByIds(byIdsBody);
    await appTester(perform, bundleWith(input), true);
    clock.advance(2 * HOUR);
    // Weekly needs a look-back of at least 8 days; 30 is fine. Same watch list, other order: no call.
    expect(
      await appTester(perform, bundleWith({ ...input, person_ids: ['222', '111'], check_every: 'weekly' })),
    ).toHaveLength(3);
  });

  it('loads samples with one small call and at most 3 items, without caching them', async () => {
    const four = {
      ...answer,
      results: [...answer.results, { id: '333', promotion: [move('333', '2025-06-12', 'Hooli')] }],
    };
    const sample = expectByIds({ ...byIdsBody, maxResultsPerSignal: 3 }, four);
    const items = await appTester(perform, bundleWith(input, { meta: { isLoadingSample: true } }), true);
    expect(sample.isDone()).toBe(true);
    expect(items.map((item) => [item.personId, item.signalDate])).toEqual([
      ['333', '2025-06-12'],
      ['222', '2025-06-10'],
      ['111', '2025-06-01'],
    ]);
    // A sample is not a check: the next poll checks Lusha.
    nock.cleanAll();
    const real = expectByIds(byIdsBody);
    await appTester(perform, bundleWith(input));
    expect(real.isDone()).toBe(true);
  });

  it('samples only the first 5 entries of the watch list', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => String(1000 + i));
    const sample = expectByIds(
      {
        ids: ids.slice(0, 5),
        signalTypes: ['promotion'],
        startDate: '2025-05-21',
        maxResultsPerSignal: 3,
      },
      { results: [] },
    );
    const items = await appTester(
      perform,
      bundleWith({ person_ids: ids, signal_types: ['promotion'] }, { meta: { isLoadingSample: true } }),
      true,
    );
    expect(sample.isDone()).toBe(true);
    expect(items).toEqual([]);
  });

  it('finds contacts by email, LinkedIn or name with company through Search Contacts, then checks their ids, and labels each item with its row', async () => {
    const search = nock(LUSHA)
      .post('/v3/contacts/search', {
        contacts: [
          { clientReferenceId: '1', email: 'ada@acme.com' },
          { clientReferenceId: '2', linkedinUrl: 'https://www.linkedin.com/in/grace-hopper' },
          {
            clientReferenceId: '4',
            firstName: 'Alan',
            lastName: 'Turing',
            companyName: 'Bletchley',
            companyDomain: 'bletchley.org',
          },
        ],
        options: { includePartialProfiles: true },
      })
      .once()
      .reply(200, {
        results: [
          { clientReferenceId: '1', error: { code: 'NOT_FOUND', message: 'Contact not found' } },
          { clientReferenceId: '2', id: '555' },
          { clientReferenceId: '4', id: '777' },
        ],
        billing: { creditsCharged: 1, resultsReturned: 2 },
      });
    const signals = nock(LUSHA)
      .post('/v3/contacts/signals', { ids: ['555', '777'], signalTypes: ['allSignals'], startDate: '2025-06-06' })
      .reply(200, {
        results: [
          { id: '555', promotion: [move('555', '2025-06-15', 'Navy')] },
          { id: '777', companyChange: [move('777', '2025-06-14', 'Manchester')] },
        ],
        billing: { creditsCharged: 2 },
      });
    const watch = {
      contacts: [
        { email: ' Ada@Acme.com ' },
        { linkedin_url: 'linkedin.com/in/Grace-Hopper/' },
        { email: '', linkedin_url: '' },
        { full_name: 'Alan Turing', company_name: 'Bletchley', company_domain: 'https://bletchley.org' },
        { email: 'ada@acme.com' },
      ],
      signal_types: ['promotion', 'allSignals'],
      lookback_days: 14,
    };
    const items = await appTester(perform, bundleWith(watch), true);
    expect(search.isDone() && signals.isDone()).toBe(true);
    expect(items.map((item) => [item.personId, item.watchListEntry])).toEqual([
      ['555', 'https://www.linkedin.com/in/grace-hopper'],
      ['777', 'Alan Turing (Bletchley)'],
    ]);

    // The next check, a day later, finds the two ids in the cache: their search is not paid again. "Not
    // found" is kept a day only (asking again costs no credit, and the contact may be found later).
    clock.advance(DAY);
    const next = nock(LUSHA)
      .post('/v3/contacts/search', {
        contacts: [{ clientReferenceId: '1', email: 'ada@acme.com' }],
        options: { includePartialProfiles: true },
      })
      .reply(200, {
        results: [{ clientReferenceId: '1', error: { code: 'NOT_FOUND' } }],
        billing: { creditsCharged: 0 },
      });
    const recheck = nock(LUSHA)
      .post('/v3/contacts/signals', { ids: ['555', '777'], signalTypes: ['allSignals'], startDate: '2025-06-07' })
      .reply(200, { results: [], billing: { creditsCharged: 0 } });
    await appTester(perform, bundleWith(watch));
    expect(next.isDone() && recheck.isDone()).toBe(true);
  });

  it('sends at most 100 IDs per call and reports a signal found through two entries once', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => String(5000 + i));
    const search = nock(LUSHA)
      .post('/v3/contacts/search', {
        contacts: [{ clientReferenceId: '1', email: 'ceo@acme.com' }],
        options: { includePartialProfiles: true },
      })
      .reply(200, { results: [{ clientReferenceId: '1', id: '5000' }], billing: { creditsCharged: 1 } });
    const batches = [ids.slice(0, 100), ids.slice(100, 200), ids.slice(200)];
    const scopes = batches.map((batch, index) =>
      nock(LUSHA)
        .post('/v3/contacts/signals', { ids: batch, signalTypes: ['promotion'], startDate: '2025-05-21' })
        .reply(200, {
          results: index === 0 ? [{ id: '5000', promotion: [move('5000', '2025-06-01', 'Acme')] }] : [],
          billing: { creditsCharged: index === 0 ? 1 : 0 },
        }),
    );
    const items = await appTester(
      perform,
      bundleWith({ person_ids: ids, contacts: [{ email: 'ceo@acme.com' }], signal_types: ['promotion'] }),
      true,
    );
    // The email names a contact already watched by id: it adds no id to the signals calls.
    expect(scopes.every((scope) => scope.isDone()) && search.isDone()).toBe(true);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ personId: '5000', watchListEntry: '5000' });
  });

  describe('bad input stops before any call, listing every problem', () => {
    const fails = async (inputData: Record<string, unknown>) =>
      ownMessage(await expectZapierError(appTester(perform, bundleWith(inputData), true)));

    it('an empty watch list', async () => {
      const error = await fails({ signal_types: ['promotion'], contacts: [{ email: '' }] });
      expect(error).toEqual({
        name: 'HaltedError',
        message:
          'New Contact Signal cannot run with this input (no credits were spent):\n' +
          '- Add at least one contact to watch: a Lusha ID or a row of identifiers.',
      });
    });

    it('malformed entries, unknown types and a look-back out of range, all at once with positions', async () => {
      const error = await fails({
        person_ids: ['111', 'abc', '99999999999999999'],
        contacts: [
          { email: 'ok@acme.com' },
          { email: 'not-an-email' },
          { full_name: 'Ada', company_name: 'Analytical Engines' },
          { company_name: 'Acme' },
          { full_name: 'Grace Hopper' },
        ],
        signal_types: ['promotion', 'jobChange'],
        lookback_days: '200',
      });
      expect(error.name).toBe('HaltedError');
      expect(error.message.split('\n')).toEqual([
        'New Contact Signal cannot run with this input (no credits were spent):',
        '- Lusha Person IDs, entry 2: "abc" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha outputs it, e.g. v1.AbCdEfGhIjKl).',
        '- Lusha Person IDs, entry 3: "99999999999999999" is too large to be a Lusha ID.',
        '- Row 2: Email "not-an-email" is not a valid email address (expected something like name@company.com).',
        '- Row 3: Full Name "Ada" needs a first and a last name to be found.',
        '- Row 4: add an Email, a LinkedIn Profile URL, or a Full Name with its Company Name or Company Domain.',
        '- Row 5: Full Name "Grace Hopper" needs a Company Name or a Company Domain to be found.',
        '- Signal Types: "jobChange" is not a contact signal type (choose from: allSignals, promotion, companyChange).',
        '- Look Back (Days) must be a whole number from 1 to 180 (got "200").',
      ]);
    });

    it('more than 500 contacts', async () => {
      const error = await fails({
        person_ids: Array.from({ length: 501 }, (_, i) => String(i + 1)),
        signal_types: ['promotion'],
      });
      expect(error.message).toContain('The watch list has 501 contacts; one step can watch at most 500');
    });

    it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])(
      'a check interval named like an object member: %s',
      async (name) => {
        // Found by the hostile-input properties: "toString" found Object's member, and passed.
        const error = await fails({ ...input, check_every: name });
        expect(error.message.split('\n').slice(1)).toEqual([
          `- Check At Most Every: "${name}" is not one of hourly, every_6_hours, every_12_hours, daily, weekly.`,
        ]);
      },
    );

    it('no signal type, or a look-back too short for the interval', async () => {
      const error = await fails({ person_ids: ['1'], lookback_days: 5, check_every: 'weekly' });
      expect(error.message.split('\n').slice(1)).toEqual([
        '- Signal Types: choose at least one contact signal type.',
        '- Look Back (Days) must be at least 8 when checking once a week, so that no signal falls between two checks (got 5).',
      ]);
    });
  });

  it('says in words when the plan has no Signals (403)', async () => {
    nock(LUSHA)
      .post('/v3/contacts/signals')
      .reply(403, { statusCode: 403, message: 'Signals API not supported on your plan' });
    const error = await expectZapierError(appTester(perform, bundleWith(input), true));
    expect(error).toMatchObject({ name: 'Error', status: 403 });
    expect(error.message).toBe(
      'Lusha refused the request (POST /v3/contacts/signals, HTTP 403): Signals API not supported on your plan. ' +
        'Your Lusha plan does not include Signals (or the Lusha account is inactive): ask your Lusha admin to add Signals to the plan, or turn this Zap off.',
    );
  });

  it('delivers what answered batches found when another failed, without paying for them twice', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(8000 + i));
    nock(LUSHA)
      .post('/v3/contacts/signals', { ids: ids.slice(0, 100), signalTypes: ['promotion'], startDate: '2025-05-21' })
      .reply(200, {
        results: [{ id: '8000', promotion: [move('8000', '2025-06-01', 'Acme')] }],
        billing: { creditsCharged: 1 },
      });
    nock(LUSHA)
      .post('/v3/contacts/signals', { ids: ids.slice(100), signalTypes: ['promotion'], startDate: '2025-05-21' })
      .reply(500, { message: 'Internal server error' });
    const data = { person_ids: ids, signal_types: ['promotion'] };
    const error = await expectZapierError(appTester(perform, bundleWith(data), true));
    expect(error).toMatchObject({ name: 'Error', status: 500 });
    expect(await appTester(perform, bundleWith(data))).toEqual([expect.objectContaining({ personId: '8000' })]);
  });
});
