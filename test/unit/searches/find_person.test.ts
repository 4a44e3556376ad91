/**
 * Find Person: every way to identify a person, the options as Lusha reads them, no match as
 * an empty result, input rejected before any paid call, and Lusha's errors through the one
 * error map.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { useNock } from '../../support/nock';
import { App, appTester, bundleWith, expectStepError, expectZapierError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const { operation } = App.searches.find_person!;
const perform = operation.perform as (z: ZObject, bundle: Bundle) => Promise<Array<Record<string, unknown>>>;
const findPerson = (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData));

/** Lusha's single-contact answer (the spec's shape: emails as address/type, camelCase location, nested company). */
const maya = {
  contact: {
    error: null,
    isCreditCharged: true,
    data: {
      personId: 4183886134,
      firstName: 'Maya',
      lastName: 'Goldberg',
      fullName: 'Maya Goldberg',
      companyId: 33222678,
      emailAddresses: [
        { address: 'maya.goldberg@gmail.com', type: 'private', emailConfidence: 'A+', updateDate: '2026-02-03' },
        {
          address: 'maya.goldberg@northwind-analytics.com',
          type: 'work',
          emailConfidence: 'A',
          updateDate: '2026-09-14',
        },
      ],
      phoneNumbers: [
        { number: '+1 617-555-0100', phoneType: 'Direct', doNotCall: true, updateDate: '2025-11-20' },
        { number: '+1 617-555-0142', phoneType: 'Mobile', doNotCall: false, updateDate: '2026-09-14' },
      ],
      jobTitle: { title: 'VP of Sales', seniority: 'VP', departments: ['Sales'] },
      location: {
        country: 'United States',
        countryIso2: 'US',
        continent: 'North America',
        city: 'Boston',
        state: 'Massachusetts',
        isEuContact: false,
      },
      socialLinks: { linkedin: 'https://www.linkedin.com/in/maya-goldberg' },
      jobStartDate: '2023-04-01',
      company: {
        name: 'Northwind Analytics',
        domains: { homepage: 'https://www.northwind-analytics.com', email: 'northwind-analytics.com' },
        fqdn: 'northwind-analytics.com',
        companySize: [201, 500],
        revenueRange: [10000000, 50000000],
        mainIndustry: 'Technology, Information & Media',
        subIndustry: 'Software Development',
        location: { city: 'Boston', country: 'United States', countryIso2: 'US' },
        social: { linkedin: 'https://www.linkedin.com/company/northwind-analytics' },
      },
    },
  },
};

const mayaRecord = {
  id: '4183886134',
  firstName: 'Maya',
  lastName: 'Goldberg',
  fullName: 'Maya Goldberg',
  email: 'maya.goldberg@northwind-analytics.com',
  emailType: 'work',
  emailConfidence: 'A',
  emails: [
    { email: 'maya.goldberg@gmail.com', type: 'private', confidence: 'A+', updatedOn: '2026-02-03' },
    { email: 'maya.goldberg@northwind-analytics.com', type: 'work', confidence: 'A', updatedOn: '2026-09-14' },
  ],
  phone: '+1 617-555-0142',
  phoneType: 'mobile',
  phoneDoNotCall: false,
  phones: [
    { number: '+1 617-555-0100', type: 'direct', doNotCall: true, updatedOn: '2025-11-20' },
    { number: '+1 617-555-0142', type: 'mobile', doNotCall: false, updatedOn: '2026-09-14' },
  ],
  jobTitle: 'VP of Sales',
  seniority: 'VP',
  departments: ['Sales'],
  jobStartDate: '2023-04-01',
  linkedinUrl: 'https://www.linkedin.com/in/maya-goldberg',
  twitterUrl: null,
  city: 'Boston',
  state: 'Massachusetts',
  country: 'United States',
  countryCode: 'US',
  continent: 'North America',
  isEuContact: false,
  companyId: '33222678',
  companyName: 'Northwind Analytics',
  companyDomain: 'northwind-analytics.com',
  companyWebsite: 'https://www.northwind-analytics.com',
  companyLinkedinUrl: 'https://www.linkedin.com/company/northwind-analytics',
  companyEmployees: '201-500',
  companyEmployeesMin: 201,
  companyEmployeesMax: 500,
  companyRevenueMin: 10000000,
  companyRevenueMax: 50000000,
  companyIndustry: 'Technology, Information & Media',
  companySubIndustry: 'Software Development',
  companyCity: 'Boston',
  companyCountry: 'United States',
  companyCountryCode: 'US',
  creditCharged: true,
  signalTypes: [],
  signalCount: null,
  latestSignalType: null,
  latestSignalDate: null,
};

const emptyData = {
  contact: {
    error: { code: 3, name: 'EMPTY_DATA', message: 'Could not find requested data' },
    isCreditCharged: false,
    data: null,
  },
};

/** An interceptor that must stay unused: input rejected before the call never reaches Lusha. */
const untouched = () => nock(LUSHA).get('/v2/person').query(true).reply(200, maya);

describe('Find Person: identifying the person', () => {
  it('looks up by email with one GET, sending the raw key, and returns one flat record', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY, accept: 'application/json' } })
      .get('/v2/person')
      .query({ email: 'maya.goldberg@northwind-analytics.com' })
      .reply(200, maya);

    const result = await findPerson({ email: ' Maya.Goldberg@Northwind-Analytics.com ' });

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual([mayaRecord]);
  });

  it('looks up by LinkedIn profile URL, normalised', async () => {
    const scope = nock(LUSHA)
      .get('/v2/person')
      .query({ linkedinUrl: 'https://www.linkedin.com/in/maya-goldberg' })
      .reply(200, maya);
    expect(await findPerson({ linkedin_url: 'linkedin.com/in/Maya-Goldberg/?trk=public' })).toEqual([mayaRecord]);
    expect(scope.isDone()).toBe(true);
  });

  it('looks up by Lusha person ID', async () => {
    const scope = nock(LUSHA).get('/v2/person').query({ personId: '4183886134' }).reply(200, maya);
    expect(await findPerson({ person_id: 4183886134 })).toEqual([mayaRecord]);
    expect(scope.isDone()).toBe(true);
  });

  it('looks up by first name, last name and company name', async () => {
    const scope = nock(LUSHA)
      .get('/v2/person')
      .query({ firstName: 'Maya', lastName: 'Goldberg', companyName: 'Northwind Analytics' })
      .reply(200, maya);
    expect(
      await findPerson({ first_name: 'Maya', last_name: 'Goldberg', company_name: 'Northwind Analytics' }),
    ).toEqual([mayaRecord]);
    expect(scope.isDone()).toBe(true);
  });

  it('looks up by first name, last name and company domain (from a URL)', async () => {
    const scope = nock(LUSHA)
      .get('/v2/person')
      .query({ firstName: 'Maya', lastName: 'Goldberg', companyDomain: 'northwind-analytics.com' })
      .reply(200, maya);
    expect(
      await findPerson({
        first_name: 'Maya',
        last_name: 'Goldberg',
        company_domain: 'https://www.northwind-analytics.com/',
      }),
    ).toEqual([mayaRecord]);
    expect(scope.isDone()).toBe(true);
  });

  it('sends every identifier given (names only as a pair)', async () => {
    const scope = nock(LUSHA)
      .get('/v2/person')
      .query({ email: 'maya@northwind-analytics.com', personId: '4183886134', companyName: 'Northwind' })
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
    ['emails', { revealEmails: 'true' }],
    ['phones', { revealPhones: 'true' }],
  ])('sends only the reveal flag of the one kind chosen (%s)', async (reveal, flags) => {
    const scope = nock(LUSHA)
      .get('/v2/person')
      .query({ email: 'maya@northwind-analytics.com', ...flags })
      .reply(200, maya);
    await findPerson({ email: 'maya@northwind-analytics.com', reveal_data: reveal });
    expect(scope.isDone()).toBe(true);
  });

  it('sends no reveal flag for both kinds (every plan), nor options left at their defaults', async () => {
    const scope = nock(LUSHA).get('/v2/person').query({ email: 'maya@northwind-analytics.com' }).reply(200, maya);
    await findPerson({
      email: 'maya@northwind-analytics.com',
      reveal_data: 'both',
      refresh_job_info: false,
      partial_profile: 'false',
      signal_types: [],
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends refresh job info, partial profiles and signals with their start date', async () => {
    const scope = nock(LUSHA)
      .get('/v2/person')
      .query({
        email: 'maya@northwind-analytics.com',
        refreshJobInfo: 'true',
        partialProfile: 'true',
        signals: ['promotion', 'companyChange'],
        signalsStartDate: '2026-03-01',
      })
      .reply(200, {
        contact: {
          ...maya.contact,
          data: {
            ...maya.contact.data,
            signals: {
              promotion: [{ personId: '4183886134', currentTitle: 'VP of Sales', signalDate: '2026-08-03' }],
              companyChange: [],
            },
          },
        },
      });
    const [record] = await findPerson({
      email: 'maya@northwind-analytics.com',
      refresh_job_info: true,
      partial_profile: true,
      signal_types: ['promotion', 'companyChange'],
      signals_start_date: '2026-03-01',
    });
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({
      ...mayaRecord,
      signalTypes: ['promotion'],
      signalCount: 1,
      latestSignalType: 'promotion',
      latestSignalDate: '2026-08-03',
    });
  });

  it('returns a partial profile Lusha did not charge for, saying so', async () => {
    nock(LUSHA)
      .get('/v2/person')
      .query({ linkedinUrl: 'https://www.linkedin.com/in/maya-goldberg', partialProfile: 'true' })
      .reply(200, {
        contact: {
          error: null,
          isCreditCharged: false,
          data: { personId: 4183886134, firstName: 'Maya', lastName: 'Goldberg' },
        },
      });
    const [record] = await findPerson({
      linkedin_url: 'https://www.linkedin.com/in/maya-goldberg',
      partial_profile: true,
    });
    expect(record).toMatchObject({
      id: '4183886134',
      fullName: 'Maya Goldberg',
      email: null,
      emails: [],
      phones: [],
      creditCharged: false,
    });
  });
});

describe('Find Person: no match', () => {
  it('returns nothing when Lusha answers EMPTY_DATA, so "find or create" can create', async () => {
    const scope = nock(LUSHA)
      .get('/v2/person')
      .query({ email: 'nobody@northwind-analytics.com' })
      .reply(200, emptyData);
    expect(await findPerson({ email: 'nobody@northwind-analytics.com' })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('returns nothing on a 404', async () => {
    nock(LUSHA).get('/v2/person').query(true).reply(404, { statusCode: 404, message: 'Resource not found' });
    expect(await findPerson({ person_id: '1' })).toEqual([]);
  });

  it("halts with Lusha's words when it answers with another per-contact error", async () => {
    nock(LUSHA)
      .get('/v2/person')
      .query(true)
      .reply(200, {
        contact: {
          error: { code: 7, name: 'INVALID_NAME', message: 'The full name is not valid' },
          isCreditCharged: false,
          data: null,
        },
      });
    const error = await expectZapierError(findPerson({ first_name: 'M', last_name: 'G', company_name: 'Northwind' }));
    expect(error).toMatchObject({ name: 'HaltedError' });
    expect(error.message).toMatch(/^Lusha could not look up this person: The full name is not valid\./);
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
        'Lusha Person ID "maya-1" is not a Lusha ID (expected digits only, e.g. 4183886134).',
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
  it('turns a 403 on the reveal flags into an Error that says to change the option', async () => {
    nock(LUSHA).get('/v2/person').query({ email: 'maya@northwind-analytics.com', revealPhones: 'true' }).reply(403, {
      statusCode: 403,
      message: 'Your pricing version does not support requesting individual datapoints [revealEmails, revealPhones]',
    });
    const error = await expectZapierError(findPerson({ email: 'maya@northwind-analytics.com', reveal_data: 'phones' }));
    expect(error).toMatchObject({ name: 'Error', status: 403 });
    expect(error.message).toMatch(/does not support requesting individual datapoints.*turn off the reveal options/);
  });

  it('turns a rejected key into ExpiredAuthError, without the key', async () => {
    nock(LUSHA)
      .get('/v2/person')
      .query(true)
      .reply(401, { statusCode: 401, message: `Invalid API key ${TEST_KEY}` });
    const error = await expectZapierError(findPerson({ email: 'maya@northwind-analytics.com' }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).not.toContain(TEST_KEY);
  });

  it('turns a rate limit into ThrottledError with the delay Lusha names', async () => {
    nock(LUSHA).get('/v2/person').query(true).reply(429, { message: 'Too many requests' }, { 'Retry-After': '12' });
    expect(await expectZapierError(findPerson({ email: 'maya@northwind-analytics.com' }))).toMatchObject({
      name: 'ThrottledError',
      delay: 12,
    });
  });

  it('halts when the account is out of credits', async () => {
    nock(LUSHA).get('/v2/person').query(true).reply(402, { statusCode: 402, message: 'Insufficient credits' });
    const error = await expectZapierError(findPerson({ email: 'maya@northwind-analytics.com' }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/no credits left.*Add credits/);
  });
});

describe('Find Person: definition', () => {
  it('has a sample with every output field, and labels every field', () => {
    const outputFields = operation.outputFields as Array<{ key: string; label: string }>;
    expect(outputFields.map((field) => field.key).sort()).toEqual(Object.keys(operation.sample ?? {}).sort());
    for (const field of outputFields) expect(field.label).toMatch(/^[A-Z]/);
  });
});
