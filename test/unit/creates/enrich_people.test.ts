/**
 * Bulk Enrich People: the V3 search-and-enrich body (generated client reference ids, Data to
 * Reveal as `reveal`, partial profiles as an option), results matched back by reference, a
 * list mixing matches, misses, duplicates and invalid rows coming back in order, batches of
 * 100, credits as Lusha bills each request, the run-level errors, and the line-item output.
 */
import nock from 'nock';
import { mayaContact as sharedMayaContact, mayaRecord, bulkEnrichKit } from '../../support/enrichment-fixtures';
import { useNock } from '../../support/nock';
import { bulkRow, describeBulkEnrich, expectLineItemFields, numbered } from '../../support/creates-kit';
import { expectZapierError, LUSHA } from '../../support/zapier';

useNock();

const { operation, enrich: enrichPeople, miss, answer, emptyItem } = bulkEnrichKit('enrich_people');

const SEARCH = '/v3/contacts/search-and-enrich';
const BOTH = ['emails', 'phones'];

type Contact = {
  clientReferenceId: string;
  email?: string;
  linkedinUrl?: string;
  id?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  companyDomain?: string;
};

/** Maya as a V3 enriched contact, in two departments. */
const mayaContact = {
  ...sharedMayaContact,
  jobTitle: { ...sharedMayaContact.jobTitle, departments: ['Sales', 'Business Development'] },
};
const maya = (clientReferenceId: string) => ({ clientReferenceId, ...mayaContact });

/** Maya's row: her record, its lists as text. */
const mayaItem = {
  ...mayaRecord,
  emails: 'maya.goldberg@northwind-analytics.com, maya.goldberg@gmail.com',
  phones: '+1 617-555-0142, +1 617-555-0100 (do not call)',
  departments: 'Sales, Business Development',
};

const manyRows = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ email: `p${i}@northwind-analytics.com` }));

describeBulkEnrich<Contact>('enrich_people', 'Bulk Enrich People', {
  found: maya,
  mixed: {
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
    sent: {
      contacts: numbered(
        { email: 'maya.goldberg@northwind-analytics.com' },
        { linkedinUrl: 'https://www.linkedin.com/in/nobody-here' },
        { firstName: 'Sam', lastName: 'Lee', companyName: 'Contoso', companyDomain: 'contoso.com' },
      ),
      reveal: BOTH,
    },
    answered: [miss('3'), maya('1'), miss('2')],
    item: mayaItem,
    invalid: 'Email "not-an-email" is not a valid email address (expected something like name@company.com)',
    more: [
      bulkRow(5, 'crm-1005', 'not_found', emptyItem),
      bulkRow(6, null, 'invalid_input', {
        ...emptyItem,
        reason:
          'Nothing identifies the person: fill in Email, LinkedIn Profile URL or Lusha Person ID, or First Name + Last ' +
          'Name + Company Name (or Company Domain)',
      }),
    ],
    counts: { total: 6, matched: 2, notFound: 2, invalid: 2, creditsCharged: 7 },
    summary: '6 rows: 2 matched, 2 not found, 2 invalid input, 0 errors. 1 request to Lusha, 7 credits charged.',
  },
  batches: {
    rows: Array.from({ length: 250 }, (_, i) => ({ email: `person${i + 1}@northwind-analytics.com` })),
    repeated: 50,
    field: 'email',
    sizes: [100, 100, 50],
    billed: (contacts, { reveal }) => {
      expect(reveal).toEqual(BOTH);
      // Billed 2 credits per person found.
      return contacts.length * 2;
    },
    counts: { total: 300, matched: 300, requests: 3, creditsCharged: 500 },
    rowsAt: { 250: { row: 251, status: 'matched', duplicateOfRow: 1, possiblyCharged: false, creditCharged: true } },
  },
  uncharged: { row: { email: 'maya@northwind-analytics.com' }, creditsCharged: null, id: '4183886134' },
  oneFails: {
    rows: manyRows(150),
    size: 50,
    status: 402,
    message: 'Insufficient credits',
    billed: 300,
    counts: { matched: 100, errors: 50, creditsCharged: 300 },
    lastRow: {
      reason:
        'The Lusha account has no credits left (POST /v3/contacts/search-and-enrich, HTTP 402): Insufficient credits. ' +
        'Add credits to your Lusha account or wait for your plan to renew, then replay the run.',
      email: null,
    },
  },
  refusals: [
    {
      refused: 'no row can be looked up, naming each row',
      input: { rows: [{ email: 'maya@' }, { first_name: 'Maya', last_name: 'Goldberg' }] },
      problems: [
        'Row 1: Email "maya@" is not a valid email address (expected something like name@company.com).',
        'Row 2: To find a person by name, also fill in Company Name (or Company Domain); or fill in Email, LinkedIn ' +
          'Profile URL or Lusha Person ID instead.',
      ],
    },
    {
      refused: 'a malformed option',
      input: { rows: [{ email: 'maya@northwind-analytics.com' }], reveal_data: 'everything' },
      problems: ['Data to Reveal "everything" is not one of: both, emails, phones.'],
    },
    {
      refused: 'a malformed option, listed with the problems of the rows, all at once',
      input: { rows: [{ email: 'maya@northwind-analytics.com' }, { email: 'sam@' }], refresh_job_info: 'maybe' },
      problems: [
        'Refresh Job Info must be yes or no (got "maybe").',
        'Row 2: Email "sam@" is not a valid email address (expected something like name@company.com).',
      ],
    },
    {
      refused: 'more than 1,000 rows',
      input: { rows: manyRows(1001) },
      problems: [
        "The list has 1,001 rows, but one run takes at most 1,000 so that it finishes within Zapier's 30-second limit: " +
          'split the list (for example with Looping by Zapier) and run it in parts.',
      ],
    },
  ],
});

describe('Bulk Enrich People: options', () => {
  it('sends the options once per request: the one kind to reveal, and partial profiles; Refresh Job Info is not sent', async () => {
    const scope = nock(LUSHA)
      .post(SEARCH, {
        contacts: [{ clientReferenceId: '1', id: '4183886134' }],
        reveal: ['phones'],
        options: { includePartialProfiles: true },
      })
      .reply(200, answer([maya('1')], 5));
    const output = await enrichPeople({
      rows: [{ person_id: '4183886134' }],
      reveal_data: 'phones',
      refresh_job_info: 'true',
      partial_profile: true,
    });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ matched: 1, creditsCharged: 5 });
  });

  it.each([
    ['emails', ['emails']],
    ['both', BOTH],
  ])('reveals what Data to Reveal says (%s), and sends no options left at their defaults', async (reveal, kinds) => {
    const scope = nock(LUSHA)
      .post(SEARCH, { contacts: [{ clientReferenceId: '1', id: '4183886134' }], reveal: kinds })
      .reply(200, answer([maya('1')], 1));
    await enrichPeople({
      rows: [{ person_id: '4183886134' }],
      reveal_data: reveal,
      refresh_job_info: false,
      partial_profile: false,
    });
    expect(scope.isDone()).toBe(true);
  });
});

describe('Bulk Enrich People: the run as a whole', () => {
  it('fails as ThrottledError when every request is rate-limited (nothing charged)', async () => {
    nock(LUSHA)
      .post(SEARCH)
      .times(2)
      .reply(429, { statusCode: 429, message: 'Too many requests' }, { 'Retry-After': '20' });
    expect(await expectZapierError(enrichPeople({ rows: manyRows(150) }))).toMatchObject({
      name: 'ThrottledError',
      delay: 20,
    });
  });

  it('fails as the plan error when every request is refused (403)', async () => {
    nock(LUSHA).post(SEARCH).reply(403, { statusCode: 403, message: 'Your Lusha account is inactive' });
    const error = await expectZapierError(
      enrichPeople({ rows: [{ email: 'maya@northwind-analytics.com' }], reveal_data: 'emails' }),
    );
    expect(error).toMatchObject({ name: 'Error', status: 403 });
    expect(error.message).toMatch(/refused the request.*Your Lusha account is inactive.*ask your Lusha admin/);
  });

  it('fails as ExpiredAuthError when Lusha rejects the key', async () => {
    nock(LUSHA).post(SEARCH).reply(401, { statusCode: 401, message: 'Invalid API key' });
    expect((await expectZapierError(enrichPeople({ rows: [{ email: 'maya@northwind-analytics.com' }] }))).name).toBe(
      'ExpiredAuthError',
    );
  });

  it('reports a contact Lusha answered with another error as an error row', async () => {
    nock(LUSHA)
      .post(SEARCH)
      .reply(
        200,
        answer(
          [
            maya('1'),
            {
              clientReferenceId: '2',
              error: {
                code: 'COMPLIANCE_RESTRICTED',
                message: 'This contact cannot be returned for compliance reasons',
              },
            },
          ],
          4,
        ),
      );
    const output = await enrichPeople({
      rows: [{ email: 'maya@northwind-analytics.com' }, { first_name: 'X', last_name: 'Y', company_name: 'Z' }],
    });
    expect(output).toMatchObject({ matched: 1, errors: 1, creditsCharged: 4 });
    expect(output.rows[1]).toMatchObject({
      status: 'error',
      reason: 'Lusha could not look up this person: This contact cannot be returned for compliance reasons.',
      id: null,
      creditCharged: false,
    });
  });

  it('reports a person Lusha left out of its answer as an error row, keeping what the request billed', async () => {
    nock(LUSHA)
      .post(SEARCH)
      .reply(200, answer([maya('1')], 3));
    const output = await enrichPeople({
      rows: [{ email: 'maya@northwind-analytics.com' }, { email: 'sam@northwind-analytics.com' }],
    });
    expect(output).toMatchObject({ matched: 1, errors: 1, creditsCharged: 3 });
    expect(output.rows[1]).toMatchObject({
      status: 'error',
      reason: "Lusha's answer did not include this person: run it again.",
      creditCharged: false,
    });
  });
});

describe('Bulk Enrich People: definition', () => {
  it('declares every output key, with the row fields as line items, and its sample matches', () => {
    const { rowFields, sample } = expectLineItemFields(operation);
    // Inside line items every field is flat: no lists, no nested children.
    expect(rowFields.every((field) => !field.children && !field.list)).toBe(true);
    expect(sample.rows[0]).toMatchObject({
      status: 'matched',
      emails: 'maya.goldberg@northwind-analytics.com, maya.goldberg@gmail.com',
    });
  });
});
