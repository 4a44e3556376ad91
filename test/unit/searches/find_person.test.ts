/**
 * Find Person: every way to identify a person as one item of Lusha's V3 search-and-enrich,
 * Data to Reveal and the other options as V3 reads them, the credits Lusha bills, signals by
 * a second call made only for a found person, no match as an empty result, input rejected
 * before any paid call, and Lusha's errors through the one error map.
 */
import nock from 'nock';
import {
  describeSearchStep,
  mayaContact as sharedMayaContact,
  mayaRecord as sharedMayaRecord,
  searchKit,
} from '../../support/enrichment-fixtures';
import { useNock } from '../../support/nock';
import { expectStepError, expectZapierError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const { find: findPerson, path: SEARCH, answer: lushaAnswer, notFound } = searchKit('find_person');
const SIGNALS = '/v3/contacts/signals';
const BOTH = ['emails', 'phones'];

/** The body Find Person sends for one contact: under reference "1", revealing `reveal`. */
const searchBody = (
  contact: Record<string, unknown>,
  reveal: string[] = BOTH,
  extra: Record<string, unknown> = {},
) => ({
  contacts: [{ clientReferenceId: '1', ...contact }],
  reveal,
  ...extra,
});

/**
 * Maya's two emails and two phones (Lusha's spelling, or the record's) in the opposite order: her
 * private email (rated A+) and direct phone first, the work email rated A.
 */
const reordered = <E, P>({ emails: [work, personal], phones }: { emails: E[]; phones: P[] }) => ({
  emails: [
    { ...personal!, confidence: 'A+' },
    { ...work!, confidence: 'A' },
  ],
  phones: [...phones].reverse(),
});

/** Maya as a V3 enriched contact under reference "1", her lists `reordered`. */
const mayaContact = { clientReferenceId: '1', ...sharedMayaContact, ...reordered(sharedMayaContact) };

/** Lusha's answer to a search for Maya: one result under reference "1", and the bill for the request. */
const answer = (results: unknown[], creditsCharged: number | null = 7) => lushaAnswer(results, creditsCharged);
const maya = answer([mayaContact]);

/** Maya's record: the work email and mobile phone still picked, her lists in Lusha's order, no signals asked for. */
const mayaRecord = {
  ...sharedMayaRecord,
  emailConfidence: 'A',
  ...reordered(sharedMayaRecord),
  signalTypes: [],
  signalCount: null,
  latestSignalType: null,
  latestSignalDate: null,
  signalsNote: null,
  creditsCharged: 7,
};

describeSearchStep({
  key: 'find_person',
  item: 'contact',
  subject: 'person',
  input: { person_id: '4183886134' },
  match: mayaContact,
  record: mayaRecord,
  miss: {
    input: { email: 'nobody@northwind-analytics.com' },
    body: searchBody({ email: 'nobody@northwind-analytics.com' }),
  },
  itemError: {
    code: 'COMPLIANCE_RESTRICTED',
    message: 'This contact cannot be returned for compliance reasons',
    said: /^Lusha could not look up this person: This contact cannot be returned for compliance reasons\./,
  },
  said404: /found nothing \(POST \/v3\/contacts\/search-and-enrich, HTTP 404\).*Check the identifiers/,
});

/** An interceptor that must stay unused: input rejected before the call never reaches Lusha. */
const untouched = () => nock(LUSHA).post(SEARCH).reply(200, maya);

describe('Find Person: identifying the person', () => {
  it('looks up by email with one POST, sending the raw key and a JSON body, and returns one flat record', async () => {
    const scope = nock(LUSHA, {
      reqheaders: { api_key: TEST_KEY, accept: 'application/json', 'content-type': 'application/json' },
    })
      .post(SEARCH, searchBody({ email: 'maya.goldberg@northwind-analytics.com' }))
      .reply(200, maya);

    const result = await findPerson({ email: ' Maya.Goldberg@Northwind-Analytics.com ' });

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual([mayaRecord]);
  });

  it.each([
    [
      'LinkedIn profile URL, normalised',
      { linkedin_url: 'linkedin.com/in/Maya-Goldberg/?trk=public' },
      { linkedinUrl: 'https://www.linkedin.com/in/maya-goldberg' },
    ],
    ['Lusha person ID (sent as `id`)', { person_id: 4183886134 }, { id: '4183886134' }],
    [
      'first name, last name and company name',
      { first_name: 'Maya', last_name: 'Goldberg', company_name: 'Northwind Analytics' },
      { firstName: 'Maya', lastName: 'Goldberg', companyName: 'Northwind Analytics' },
    ],
    [
      'first name, last name and company domain (from a URL)',
      { first_name: 'Maya', last_name: 'Goldberg', company_domain: 'https://www.northwind-analytics.com/' },
      { firstName: 'Maya', lastName: 'Goldberg', companyDomain: 'northwind-analytics.com' },
    ],
  ])('looks up by %s', async (_how, inputData, sent) => {
    const scope = nock(LUSHA).post(SEARCH, searchBody(sent)).reply(200, maya);
    expect(await findPerson(inputData)).toEqual([mayaRecord]);
    expect(scope.isDone()).toBe(true);
  });

  it('sends every identifier given (names only as a pair)', async () => {
    const scope = nock(LUSHA)
      .post(SEARCH, searchBody({ email: 'maya@northwind-analytics.com', id: '4183886134', companyName: 'Northwind' }))
      .reply(200, maya);
    await findPerson({
      email: 'maya@northwind-analytics.com',
      person_id: '4183886134',
      first_name: 'Maya',
      company_name: 'Northwind',
    });
    expect(scope.isDone()).toBe(true);
  });
});

describe('Find Person: options', () => {
  it.each([
    ['emails', ['emails']],
    ['phones', ['phones']],
  ])('reveals only the one kind chosen (%s)', async (reveal, kinds) => {
    const scope = nock(LUSHA)
      .post(SEARCH, searchBody({ email: 'maya@northwind-analytics.com' }, kinds))
      .reply(200, maya);
    await findPerson({ email: 'maya@northwind-analytics.com', reveal_data: reveal });
    expect(scope.isDone()).toBe(true);
  });

  it('returns only what Lusha revealed: emails only leaves the phones empty', async () => {
    const { phones: _phones, ...emailsOnly } = mayaContact;
    nock(LUSHA)
      .post(SEARCH, searchBody({ email: 'maya@northwind-analytics.com' }, ['emails']))
      .reply(200, answer([emailsOnly], 2));
    const [record] = await findPerson({ email: 'maya@northwind-analytics.com', reveal_data: 'emails' });
    expect(record).toMatchObject({
      email: 'maya.goldberg@northwind-analytics.com',
      phone: null,
      phoneType: null,
      phoneDoNotCall: null,
      phones: [],
      creditsCharged: 2,
    });
  });

  it('reveals both kinds, and sends no options, when every option is at its default', async () => {
    const scope = nock(LUSHA)
      .post(SEARCH, searchBody({ email: 'maya@northwind-analytics.com' }))
      .reply(200, maya);
    await findPerson({
      email: 'maya@northwind-analytics.com',
      reveal_data: 'both',
      refresh_job_info: false,
      partial_profile: 'false',
      signal_types: [],
    });
    expect(scope.isDone()).toBe(true);
  });

  it('accepts Refresh Job Info but does not send it: V3 has no such option', async () => {
    const scope = nock(LUSHA)
      .post(SEARCH, searchBody({ email: 'maya@northwind-analytics.com' }))
      .reply(200, maya);
    expect(await findPerson({ email: 'maya@northwind-analytics.com', refresh_job_info: true })).toEqual([mayaRecord]);
    expect(scope.isDone()).toBe(true);
  });

  it('asks for partial profiles, and returns one with what Lusha billed for its search', async () => {
    const scope = nock(LUSHA)
      .post(
        SEARCH,
        searchBody({ linkedinUrl: 'https://www.linkedin.com/in/maya-goldberg' }, BOTH, {
          options: { includePartialProfiles: true },
        }),
      )
      .reply(200, answer([{ clientReferenceId: '1', id: '4183886134', firstName: 'Maya', lastName: 'Goldberg' }], 1));
    const [record] = await findPerson({
      linkedin_url: 'https://www.linkedin.com/in/maya-goldberg',
      partial_profile: true,
    });
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({
      id: '4183886134',
      fullName: 'Maya Goldberg',
      email: null,
      emails: [],
      phones: [],
      creditCharged: true,
      creditsCharged: 1,
    });
  });

  it('finds its result by its reference, whatever else the answer holds', async () => {
    nock(LUSHA)
      .post(SEARCH)
      .reply(
        200,
        answer([{ clientReferenceId: 'someone-else', id: '1', firstName: 'Not', lastName: 'Maya' }, mayaContact]),
      );
    expect(await findPerson({ email: 'maya@northwind-analytics.com' })).toEqual([mayaRecord]);
  });
});

describe('Find Person: signals', () => {
  const promotion = {
    id: '4183886134',
    currentTitle: 'VP of Sales',
    previousTitle: 'Director of Sales',
    signalDate: '2026-08-03',
  };

  it('asks for the found person’s signals in a second call, and adds what it bills', async () => {
    const search = nock(LUSHA)
      .post(
        SEARCH,
        searchBody({ email: 'maya@northwind-analytics.com' }, BOTH, { options: { includePartialProfiles: true } }),
      )
      .reply(200, maya);
    const signals = nock(LUSHA)
      .post(SIGNALS, { ids: ['4183886134'], signalTypes: ['promotion', 'companyChange'], startDate: '2026-03-01' })
      .reply(200, {
        results: [{ id: '4183886134', promotion: [promotion], companyChange: [] }],
        startDate: '2026-03-01',
        endDate: '2026-09-30',
        billing: { creditsCharged: 2, resultsReturned: 1 },
      });
    const [record] = await findPerson({
      email: 'maya@northwind-analytics.com',
      refresh_job_info: true,
      partial_profile: true,
      signal_types: ['promotion', 'companyChange'],
      signals_start_date: '2026-03-01',
    });
    expect(search.isDone()).toBe(true);
    expect(signals.isDone()).toBe(true);
    expect(record).toEqual({
      ...mayaRecord,
      signalTypes: ['promotion'],
      signalCount: 1,
      latestSignalType: 'promotion',
      latestSignalDate: '2026-08-03',
      signalsNote: null,
      creditsCharged: 7 + 2,
    });
  });

  it('sends no start date when none is given, and reports the latest signal of every type found', async () => {
    nock(LUSHA)
      .post(SEARCH, searchBody({ id: '4183886134' }))
      .reply(200, maya);
    const signals = nock(LUSHA)
      .post(SIGNALS, { ids: ['4183886134'], signalTypes: ['promotion', 'companyChange'] })
      .reply(200, {
        results: [
          { id: '999', promotion: [{ signalDate: '2026-09-30' }] },
          {
            id: '4183886134',
            promotion: [promotion, { ...promotion, signalDate: '2025-12-01' }],
            companyChange: [{ id: '4183886134', signalDate: '2026-08-20', previousCompany: 'Contoso' }],
          },
        ],
        billing: { creditsCharged: 3, resultsReturned: 1 },
      });
    const [record] = await findPerson({ person_id: '4183886134', signal_types: 'promotion, companyChange' });
    expect(signals.isDone()).toBe(true);
    expect(record).toMatchObject({
      signalTypes: ['promotion', 'companyChange'],
      signalCount: 3,
      latestSignalType: 'companyChange',
      latestSignalDate: '2026-08-20',
      signalsNote: null,
      creditsCharged: 10,
    });
  });

  it('says none were found when the person has no signals (count 0)', async () => {
    nock(LUSHA).post(SEARCH).reply(200, maya);
    nock(LUSHA)
      .post(SIGNALS, { ids: ['4183886134'], signalTypes: ['promotion'] })
      .reply(200, {
        results: [{ id: '4183886134', promotion: [], companyChange: [] }],
        billing: { creditsCharged: 0 },
      });
    const [record] = await findPerson({ person_id: '4183886134', signal_types: ['promotion'] });
    expect(record).toMatchObject({
      signalTypes: [],
      signalCount: 0,
      latestSignalType: null,
      latestSignalDate: null,
      signalsNote: null,
      creditsCharged: 7,
    });
  });

  it('does not ask for signals when the person is not found', async () => {
    nock(LUSHA).post(SEARCH).reply(200, notFound);
    const signals = nock(LUSHA).post(SIGNALS).reply(200, { results: [] });
    expect(await findPerson({ email: 'nobody@northwind-analytics.com', signal_types: ['promotion'] })).toEqual([]);
    expect(signals.isDone()).toBe(false);
  });

  it('still returns the person, paid for already, when the signals call fails, saying why', async () => {
    nock(LUSHA).post(SEARCH).reply(200, maya);
    nock(LUSHA).post(SIGNALS).reply(403, { statusCode: 403, message: 'Your plan does not include Signals' });
    const [record] = await findPerson({ person_id: '4183886134', signal_types: ['promotion'] });
    expect(record).toEqual({
      ...mayaRecord,
      signalsNote:
        'The signals could not be read: Lusha refused the request (POST /v3/contacts/signals, HTTP 403): Your plan ' +
        'does not include Signals',
      creditsCharged: 7,
    });
  });

  it('keeps the key out of the note when Lusha echoes it back', async () => {
    nock(LUSHA).post(SEARCH).reply(200, maya);
    nock(LUSHA)
      .post(SIGNALS)
      .reply(402, { statusCode: 402, message: `No credits for ${TEST_KEY}` });
    const [record] = await findPerson({ person_id: '4183886134', signal_types: ['promotion'] });
    expect(record!.signalsNote).toMatch(/^The signals could not be read: The Lusha account has no credits left/);
    expect(record!.signalsNote).not.toContain(TEST_KEY);
  });
});

describe('Find Person: input rejected before any call', () => {
  const halted = (...problems: string[]) =>
    `Find Person cannot run with this input (no credits were spent):\n${problems.map((p) => `- ${p}`).join('\n')}`;

  it.each([
    [
      'nothing to identify the person',
      { reveal_data: 'emails' },
      halted(
        'Nothing identifies the person: fill in Email, LinkedIn Profile URL or Lusha Person ID, or First Name + Last Name + ' +
          'Company Name (or Company Domain).',
      ),
    ],
    [
      'a name without a company',
      { first_name: 'Maya', last_name: 'Goldberg' },
      halted(
        'To find a person by name, also fill in Company Name (or Company Domain); or fill in Email, LinkedIn Profile URL or ' +
          'Lusha Person ID instead.',
      ),
    ],
    [
      'a malformed email',
      { email: 'maya.goldberg@northwind' },
      halted(
        'Email "maya.goldberg@northwind" is not a valid email address (expected something like name@company.com).',
      ),
    ],
    [
      'a LinkedIn URL not on linkedin.com',
      { linkedin_url: 'https://linkedin.com.evil.io/in/maya' },
      halted(
        'LinkedIn Profile URL "https://linkedin.com.evil.io/in/maya" is not a LinkedIn URL (expected https://www.linkedin.com/in/...).',
      ),
    ],
    [
      'a malformed ID and a bad option together',
      { person_id: 'maya-1', reveal_data: 'all of it' },
      halted(
        'Lusha Person ID "maya-1" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha outputs it, e.g. v1.AbCdEfGhIjKl).',
        'Data to Reveal "all of it" is not one of: both, emails, phones.',
      ),
    ],
  ])('halts on %s, sending nothing', async (_what, inputData, message) => {
    const scope = untouched();
    const error = await expectStepError(findPerson(inputData));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(message);
    expect(scope.isDone()).toBe(false);
  });
});

describe("Find Person: Lusha's errors", () => {
  it('turns a 403 into an Error that quotes Lusha and says what to do', async () => {
    nock(LUSHA)
      .post(SEARCH, searchBody({ email: 'maya@northwind-analytics.com' }))
      .reply(403, { statusCode: 403, message: 'Your Lusha account is inactive' });
    const error = await expectZapierError(findPerson({ email: 'maya@northwind-analytics.com' }));
    expect(error).toMatchObject({ name: 'Error', status: 403 });
    expect(error.message).toMatch(/refused the request.*Your Lusha account is inactive.*ask your Lusha admin/);
  });

  it("halts on a 400, quoting every one of Lusha's validation errors", async () => {
    nock(LUSHA)
      .post(SEARCH)
      .reply(400, {
        statusCode: 400,
        message: 'Validation failed',
        errors: ['contacts.0.email must be an email'],
      });
    const error = await expectZapierError(findPerson({ email: 'maya@northwind-analytics.com' }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/rejected the request.*Validation failed; contacts\.0\.email must be an email/);
  });

  it('turns a rejected key into ExpiredAuthError, without the key', async () => {
    nock(LUSHA)
      .post(SEARCH)
      .reply(401, { statusCode: 401, message: `Invalid API key ${TEST_KEY}` });
    const error = await expectZapierError(findPerson({ email: 'maya@northwind-analytics.com' }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).not.toContain(TEST_KEY);
  });

  it('turns a rate limit into ThrottledError with the delay Lusha names', async () => {
    nock(LUSHA).post(SEARCH).reply(429, { statusCode: 429, message: 'Too many requests' }, { 'Retry-After': '12' });
    expect(await expectZapierError(findPerson({ email: 'maya@northwind-analytics.com' }))).toMatchObject({
      name: 'ThrottledError',
      delay: 12,
    });
  });

  it('halts when the account is out of credits', async () => {
    nock(LUSHA).post(SEARCH).reply(402, { statusCode: 402, message: 'Insufficient credits' });
    const error = await expectZapierError(findPerson({ email: 'maya@northwind-analytics.com' }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/no credits left.*Add credits/);
  });
});
