/**
 * Bulk Enrich People: the wire body (generated contact ids, names as fullName + companies,
 * options as metadata), a list mixing matches, misses, duplicates and invalid rows coming
 * back in order, batches of 100, the run-level errors, and the line-item output.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { personSample } from '../../../src/people/record';
import { useNock } from '../../support/nock';
import { App, appTester, bundleWith, expectStepError, expectZapierError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const { operation } = App.creates.enrich_people!;
const perform = operation.perform as (
  z: ZObject,
  bundle: Bundle,
) => Promise<Record<string, unknown> & { rows: Array<Record<string, unknown>> }>;
const enrichPeople = (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData));

type Contact = {
  contactId: string;
  email?: string;
  linkedinUrl?: string;
  personId?: string;
  fullName?: string;
  companies?: unknown[];
};

/** A bulk answer: contacts keyed by contactId (email/emailType, snake_case location), companies in their own map. */
const mayaResult = {
  error: null,
  isCreditCharged: true,
  data: {
    personId: 4183886134,
    firstName: 'Maya',
    lastName: 'Goldberg',
    fullName: 'Maya Goldberg',
    companyId: 33222678,
    emailAddresses: [
      {
        email: 'maya.goldberg@northwind-analytics.com',
        emailType: 'work',
        emailConfidence: 'A+',
        updateDate: '2026-09-14',
      },
      { email: 'maya.goldberg@gmail.com', emailType: 'private', emailConfidence: 'A', updateDate: '2026-02-03' },
    ],
    phoneNumbers: [
      { number: '+1 617-555-0142', phoneType: 'mobile', doNotCall: false, updateDate: '2026-09-14' },
      { number: '+1 617-555-0100', phoneType: 'direct', doNotCall: true, updateDate: '2025-11-20' },
    ],
    jobTitle: { title: 'VP of Sales', seniority: 'VP', departments: ['Sales', 'Business Development'] },
    location: {
      country: 'United States',
      country_iso2: 'US',
      continent: 'North America',
      state: 'Massachusetts',
      city: 'Boston',
      is_eu_contact: false,
    },
    socialLinks: { linkedin: 'https://www.linkedin.com/in/maya-goldberg' },
    jobStartDate: '2023-04-01',
  },
};
const northwind = {
  name: 'Northwind Analytics',
  domains: { homepage: 'northwind-analytics.com', email: 'northwind-analytics.com' },
  homepageUrl: 'https://www.northwind-analytics.com',
  fqdn: 'www.northwind-analytics.com',
  companySize: [201, 500],
  revenueRange: [10000000, 50000000],
  mainIndustry: 'Technology, Information & Media',
  subIndustry: 'Software Development',
  location: { city: 'Boston', country: 'United States', countryIso2: 'US' },
  social: { linkedin: 'https://www.linkedin.com/company/northwind-analytics' },
};
const miss = {
  error: { code: 3, name: 'EMPTY_DATA', message: 'Could not find requested data' },
  isCreditCharged: false,
  data: null,
};

const mayaItem = {
  id: '4183886134',
  firstName: 'Maya',
  lastName: 'Goldberg',
  fullName: 'Maya Goldberg',
  email: 'maya.goldberg@northwind-analytics.com',
  emailType: 'work',
  emailConfidence: 'A+',
  emails: 'maya.goldberg@northwind-analytics.com, maya.goldberg@gmail.com',
  phone: '+1 617-555-0142',
  phoneType: 'mobile',
  phoneDoNotCall: false,
  phones: '+1 617-555-0142, +1 617-555-0100 (do not call)',
  jobTitle: 'VP of Sales',
  seniority: 'VP',
  departments: 'Sales, Business Development',
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
};
/** A row without a match: every person field present, all empty. */
const emptyItem = {
  ...Object.fromEntries(Object.keys(personSample).map((key) => [key, null])),
  // Lusha charged nothing for a row without a match.
  creditCharged: false,
};

describe('Bulk Enrich People: a mixed list', () => {
  it('sends each distinct person once under generated ids and returns every row, in order, with its status', async () => {
    let sent: unknown;
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY, 'content-type': 'application/json' } })
      .post('/v2/person', (body) => {
        sent = body;
        return true;
      })
      .reply(200, { contacts: { '1': mayaResult, '2': miss, '3': miss }, companies: { '33222678': northwind } });

    const output = await enrichPeople({
      rows: [
        { reference: 'crm/1001?x=1', email: 'Maya.Goldberg@Northwind-Analytics.com' },
        { reference: 'crm-1002', linkedin_url: 'linkedin.com/in/nobody-here' },
        { reference: 'crm-1003', email: 'not-an-email' },
        { reference: 'crm/1001?x=1', email: 'maya.goldberg@northwind-analytics.com ' },
        {
          reference: 'crm-1005',
          first_name: 'Sam',
          last_name: 'Lee',
          company_name: 'Contoso',
          company_domain: 'contoso.com',
        },
        {},
      ],
    });

    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual({
      contacts: [
        { contactId: '1', email: 'maya.goldberg@northwind-analytics.com' },
        { contactId: '2', linkedinUrl: 'https://www.linkedin.com/in/nobody-here' },
        {
          contactId: '3',
          fullName: 'Sam Lee',
          companies: [{ name: 'Contoso', domain: 'contoso.com', isCurrent: true }],
        },
      ],
    });
    expect(output).toEqual({
      total: 6,
      matched: 2,
      notFound: 2,
      invalid: 2,
      errors: 0,
      requests: 1,
      creditsCharged: 1,
      possiblyChargedRows: 0,
      summary: '6 rows: 2 matched, 2 not found, 2 invalid input, 0 errors. 1 request to Lusha, 1 credit charged.',
      rows: [
        {
          row: 1,
          reference: 'crm/1001?x=1',
          status: 'matched',
          reason: null,
          duplicateOfRow: null,
          possiblyCharged: false,
          ...mayaItem,
        },
        {
          row: 2,
          reference: 'crm-1002',
          status: 'not_found',
          reason: null,
          duplicateOfRow: null,
          possiblyCharged: false,
          ...emptyItem,
        },
        {
          row: 3,
          reference: 'crm-1003',
          status: 'invalid_input',
          reason: 'Email "not-an-email" is not a valid email address (expected something like name@company.com)',
          duplicateOfRow: null,
          possiblyCharged: false,
          ...emptyItem,
        },
        {
          row: 4,
          reference: 'crm/1001?x=1',
          status: 'matched',
          reason: null,
          duplicateOfRow: 1,
          possiblyCharged: false,
          ...mayaItem,
        },
        {
          row: 5,
          reference: 'crm-1005',
          status: 'not_found',
          reason: null,
          duplicateOfRow: null,
          possiblyCharged: false,
          ...emptyItem,
        },
        {
          row: 6,
          reference: null,
          status: 'invalid_input',
          reason:
            'Nothing identifies the person: fill in Email, LinkedIn Profile URL or Lusha Person ID, or First Name + Last ' +
            'Name + Company Name (or Company Domain)',
          duplicateOfRow: null,
          possiblyCharged: false,
          ...emptyItem,
        },
      ],
    });
  });

  it('sends the options once per run as metadata; reveal flags only for one kind', async () => {
    let sent: { metadata?: unknown } | undefined;
    nock(LUSHA)
      .post('/v2/person', (body) => {
        sent = body;
        return true;
      })
      .reply(200, { contacts: { '1': mayaResult }, companies: {} });
    await enrichPeople({
      rows: [{ person_id: '4183886134' }],
      reveal_data: 'phones',
      refresh_job_info: 'true',
      partial_profile: true,
    });
    expect(sent).toEqual({
      contacts: [{ contactId: '1', personId: '4183886134' }],
      metadata: { refreshJobInfo: true, revealPhones: true, partialProfile: true },
    });
  });

  it('sends no metadata when every option is at its default', async () => {
    const scope = nock(LUSHA)
      .post('/v2/person', { contacts: [{ contactId: '1', personId: '4183886134' }] })
      .reply(200, { contacts: { '1': mayaResult }, companies: {} });
    await enrichPeople({ rows: [{ person_id: '4183886134' }], reveal_data: 'both', refresh_job_info: false });
    expect(scope.isDone()).toBe(true);
  });

  it('sends distinct people in batches of at most 100 and charges duplicates once', async () => {
    const sizes: number[] = [];
    const scope = nock(LUSHA)
      .post('/v2/person')
      .times(3)
      .reply(200, (_uri, body) => {
        const { contacts } = body as { contacts: Contact[] };
        sizes.push(contacts.length);
        return {
          contacts: Object.fromEntries(contacts.map((c) => [c.contactId, mayaResult])),
          companies: { '33222678': northwind },
        };
      });
    const rows = Array.from({ length: 250 }, (_, i) => ({ email: `person${i + 1}@northwind-analytics.com` }));
    const output = await enrichPeople({ rows: [...rows, ...rows.slice(0, 50)] });
    expect(scope.isDone()).toBe(true);
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(output).toMatchObject({ total: 300, matched: 300, requests: 3, creditsCharged: 250 });
    expect(output.rows[250]).toMatchObject({ row: 251, status: 'matched', duplicateOfRow: 1, possiblyCharged: false });
  });
});

describe('Bulk Enrich People: the run as a whole', () => {
  it('halts before any call when no row can be looked up, naming each row', async () => {
    const scope = nock(LUSHA).post('/v2/person').reply(200, { contacts: {} });
    const error = await expectStepError(
      enrichPeople({ rows: [{ email: 'maya@' }, { first_name: 'Maya', last_name: 'Goldberg' }] }),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(
      'Bulk Enrich People cannot run with this input (no credits were spent):\n' +
        '- Row 1: Email "maya@" is not a valid email address (expected something like name@company.com).\n' +
        '- Row 2: To find a person by name, also fill in Company Name (or Company Domain); or fill in Email, LinkedIn ' +
        'Profile URL or Lusha Person ID instead.',
    );
    expect(scope.isDone()).toBe(false);
  });

  it('halts before any call on a malformed option', async () => {
    const scope = nock(LUSHA).post('/v2/person').reply(200, { contacts: {} });
    const error = await expectStepError(
      enrichPeople({ rows: [{ email: 'maya@northwind-analytics.com' }], reveal_data: 'everything' }),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(
      'Bulk Enrich People cannot run with this input (no credits were spent):\n' +
        '- Data to Reveal "everything" is not one of: both, emails, phones.',
    );
    expect(scope.isDone()).toBe(false);
  });

  it('lists a malformed option with the problems of the rows, all at once', async () => {
    const scope = nock(LUSHA).post('/v2/person').reply(200, { contacts: {} });
    const error = await expectStepError(
      enrichPeople({ rows: [{ email: 'maya@northwind-analytics.com' }, { email: 'sam@' }], refresh_job_info: 'maybe' }),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(
      'Bulk Enrich People cannot run with this input (no credits were spent):\n' +
        '- Refresh Job Info must be yes or no (got "maybe").\n' +
        '- Row 2: Email "sam@" is not a valid email address (expected something like name@company.com).',
    );
    expect(scope.isDone()).toBe(false);
  });

  it('refuses more than 1,000 rows before any call', async () => {
    const scope = nock(LUSHA).post('/v2/person').reply(200, { contacts: {} });
    const rows = Array.from({ length: 1001 }, (_, i) => ({ email: `p${i}@northwind-analytics.com` }));
    const error = await expectStepError(enrichPeople({ rows }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(
      'Bulk Enrich People cannot run with this input (no credits were spent):\n' +
        "- The list has 1,001 rows, but one run takes at most 1,000 so that it finishes within Zapier's 30-second limit: " +
        'split the list (for example with Looping by Zapier) and run it in parts.',
    );
    expect(scope.isDone()).toBe(false);
  });

  it('fails as ThrottledError when every request is rate-limited (nothing charged)', async () => {
    nock(LUSHA).post('/v2/person').times(2).reply(429, { message: 'Too many requests' }, { 'Retry-After': '20' });
    const rows = Array.from({ length: 150 }, (_, i) => ({ email: `p${i}@northwind-analytics.com` }));
    expect(await expectZapierError(enrichPeople({ rows }))).toMatchObject({ name: 'ThrottledError', delay: 20 });
  });

  it('fails as the plan error when every request is refused for the reveal flags', async () => {
    nock(LUSHA).post('/v2/person').reply(403, {
      statusCode: 403,
      message: 'Your pricing version does not support requesting individual datapoints [revealEmails, revealPhones]',
    });
    const error = await expectZapierError(
      enrichPeople({ rows: [{ email: 'maya@northwind-analytics.com' }], reveal_data: 'emails' }),
    );
    expect(error).toMatchObject({ name: 'Error', status: 403 });
    expect(error.message).toMatch(/turn off the reveal options/);
  });

  it('fails as ExpiredAuthError when Lusha rejects the key', async () => {
    nock(LUSHA).post('/v2/person').reply(401, { statusCode: 401, message: 'Invalid API key' });
    expect((await expectZapierError(enrichPeople({ rows: [{ email: 'maya@northwind-analytics.com' }] }))).name).toBe(
      'ExpiredAuthError',
    );
  });

  it('keeps what was enriched when one request of several fails: those rows say why', async () => {
    let call = 0;
    nock(LUSHA)
      .post('/v2/person')
      .times(2)
      .reply((_uri, body) => {
        call += 1;
        const { contacts } = body as { contacts: Contact[] };
        if (contacts.length === 50) return [402, { statusCode: 402, message: 'Insufficient credits' }];
        return [200, { contacts: Object.fromEntries(contacts.map((c) => [c.contactId, mayaResult])), companies: {} }];
      });
    const rows = Array.from({ length: 150 }, (_, i) => ({ email: `p${i}@northwind-analytics.com` }));
    const output = await enrichPeople({ rows });
    expect(call).toBe(2);
    expect(output).toMatchObject({ matched: 100, errors: 50, creditsCharged: 100 });
    expect(output.rows[149]).toMatchObject({
      status: 'error',
      reason:
        'The Lusha account has no credits left (POST /v2/person, HTTP 402): Insufficient credits. Add credits to your ' +
        'Lusha account or wait for your plan to renew, then replay the run.',
      email: null,
    });
  });

  it('reports a contact Lusha answered with another error as an error row', async () => {
    nock(LUSHA)
      .post('/v2/person')
      .reply(200, {
        contacts: {
          '1': {
            error: { code: 7, name: 'INVALID_NAME', message: 'The full name is not valid' },
            isCreditCharged: false,
            data: null,
          },
        },
        companies: {},
      });
    const output = await enrichPeople({ rows: [{ first_name: 'X', last_name: 'Y', company_name: 'Z' }] });
    expect(output.rows[0]).toMatchObject({
      status: 'error',
      reason: 'Lusha could not look up this person: The full name is not valid.',
    });
  });
});

describe('Bulk Enrich People: definition', () => {
  it('declares every output key, with the row fields as line items, and its sample matches', () => {
    const fields = operation.outputFields as Array<{
      key: string;
      children?: Array<{ key: string; type?: string; list?: boolean; children?: unknown }>;
    }>;
    const sample = operation.sample as Record<string, unknown> & { rows: Array<Record<string, unknown>> };
    expect(fields.map((field) => field.key).sort()).toEqual(Object.keys(sample).sort());
    const rowFields = fields.find((field) => field.key === 'rows')!.children!;
    for (const row of sample.rows) expect(Object.keys(row).sort()).toEqual(rowFields.map((field) => field.key).sort());
    // Inside line items every field is flat: no lists, no nested children.
    expect(rowFields.every((field) => !field.children && !field.list)).toBe(true);
    expect(sample.rows[0]).toMatchObject({
      status: 'matched',
      emails: 'maya.goldberg@northwind-analytics.com, maya.goldberg@gmail.com',
    });
  });
});
