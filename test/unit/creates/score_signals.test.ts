/**
 * Score Companies by Signals and Score Contacts by Signals: the exact V3 signal-score bodies
 * (one identifier per item, the most precise a row gives, under generated references), rows
 * that name the same entity sent once, NOT_FOUND / NO_SCORE / scored rows back in input order,
 * batches of 100, Credits Charged as the sum of what each request billed, bad input refused
 * before any call, and a lost answer never re-sent.
 */
import nock from 'nock';
import { useNock } from '../../support/nock';
import {
  batchesTo,
  bulkRow,
  createStep,
  expectErredAndLeftOut,
  expectLineItemFields,
  expectRefusal,
  foundErredAndLeftOut,
  numbered,
  type RowsOutput,
} from '../../support/creates-kit';
import { App, expectStepError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const scoreCompanies = createStep<RowsOutput>('score_companies_by_signals');
const scoreContacts = createStep<RowsOutput>('score_contacts_by_signals');

const COMPANIES = '/v3/companies/signal-score';
const CONTACTS = '/v3/contacts/signal-score';

/** Lusha's answer to one request: its results (in any order) and its bill. */
const answer = (results: unknown[], creditsCharged: number) => ({
  requestId: '5d6f13d2-f6b0-4e55-85d5-04e17f932c1a',
  results,
  billing: { creditsCharged, resultsReturned: results.filter((r) => !(r as { error?: unknown }).error).length },
});
const notFound = (clientReferenceId: string, noun = 'Company') => ({
  clientReferenceId,
  error: { code: 'NOT_FOUND', message: `${noun} not found` },
});

const northwind = {
  id: '33222678',
  name: 'Northwind Analytics',
  domain: 'www.northwind-analytics.com',
  signalScore: 0.42,
  signalTypes: ['surgeInHiring', 'linkedinActivityIntent', 'hiringSignalIncrease'],
  noActiveSignals: false,
};
const northwindItem = {
  signalScore: 0.42,
  noActiveSignals: false,
  // Lusha's keys by name: the catalogue's names, and a type it does not list in words.
  signalTypeNames: 'Surge in Hiring, LinkedIn Activity Intent, Hiring Signal Increase',
  signalTypes: 'surgeInHiring, linkedinActivityIntent, hiringSignalIncrease',
  id: '33222678',
  name: 'Northwind Analytics',
  domain: 'northwind-analytics.com',
};
const emptyCompanyItem = {
  signalScore: null,
  noActiveSignals: null,
  signalTypeNames: null,
  signalTypes: null,
  id: null,
  name: null,
  domain: null,
};
const NO_SCORE_COMPANY =
  'Lusha found this company but has no signal score for it (its scoring engine returned nothing). No credit was ' +
  'charged for this row.';

describe('Score Companies by Signals', () => {
  it('sends one identifier per company, the most precise, each company once, and returns every row in order', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY, 'content-type': 'application/json' } })
      .post(COMPANIES, {
        companies: numbered(
          { id: '33222678' },
          { domain: 'contoso.com' },
          { email: 'ada@fabrikam.io' },
          { name: 'Tailspin Toys' },
          { domain: 'nowhere-xyz.com' },
        ),
      })
      // Results are matched by reference, not by position.
      .reply(
        200,
        answer(
          [
            notFound('5'),
            {
              clientReferenceId: '4',
              id: '41877305',
              name: 'Tailspin Toys',
              domain: 'tailspintoys.com',
              error: { code: 'NO_SCORE', message: 'No signal score available for this company' },
            },
            {
              clientReferenceId: '3',
              id: '30000954',
              name: 'Fabrikam',
              domain: 'www.fabrikam.io',
              signalScore: 0,
              signalTypes: [],
              noActiveSignals: true,
            },
            { clientReferenceId: '2', ...northwind, id: '31000001', name: 'Contoso', domain: 'contoso.com' },
            { clientReferenceId: '1', ...northwind },
          ],
          3,
        ),
      );

    const output = await scoreCompanies({
      rows: [
        // An ID wins over a domain and a name: only the ID is sent.
        { reference: 'acct-1', company_id: '33222678', domain: 'northwind-analytics.com', name: 'Northwind' },
        // A domain wins over an email and a name.
        { reference: 'acct-2', domain: 'https://www.Contoso.com/about', email: 'ada@fabrikam.io', name: 'Contoso' },
        // An email wins over a name.
        { reference: 'acct-3', email: 'Ada@Fabrikam.io', name: 'Fabrikam' },
        { reference: 'acct-4', name: 'Tailspin Toys' },
        { reference: 'acct-5', domain: 'nowhere-xyz.com' },
        // Another email at the same domain is the same company: scored, and charged, once.
        { reference: 'acct-6', email: 'grace@fabrikam.io' },
        // The same domain spelled otherwise, and the same name in other case.
        { reference: 'acct-7', domain: 'CONTOSO.COM' },
        { reference: 'acct-8', name: 'tailspin toys' },
        { reference: 'acct-9', domain: 'northwind' },
        { reference: 'acct-10' },
      ],
    });

    expect(scope.isDone()).toBe(true);
    const contosoItem = { ...northwindItem, id: '31000001', name: 'Contoso', domain: 'contoso.com' };
    const fabrikamItem = {
      signalScore: 0,
      noActiveSignals: true,
      signalTypeNames: null,
      signalTypes: null,
      id: '30000954',
      name: 'Fabrikam',
      domain: 'fabrikam.io',
    };
    const tailspinItem = { ...emptyCompanyItem, id: '41877305', name: 'Tailspin Toys', domain: 'tailspintoys.com' };
    expect(output).toEqual({
      total: 10,
      matched: 5,
      notFound: 1,
      noScore: 2,
      invalid: 2,
      errors: 0,
      requests: 1,
      creditsCharged: 3,
      possiblyChargedRows: 0,
      summary:
        '10 rows: 5 scored, 1 not found, 2 no score, 2 invalid input, 0 errors. 1 request to Lusha, 3 credits charged.',
      rows: [
        bulkRow(1, 'acct-1', 'matched', northwindItem),
        bulkRow(2, 'acct-2', 'matched', contosoItem),
        bulkRow(3, 'acct-3', 'matched', fabrikamItem),
        bulkRow(4, 'acct-4', 'no_score', { ...tailspinItem, reason: NO_SCORE_COMPANY }),
        bulkRow(5, 'acct-5', 'not_found', emptyCompanyItem),
        bulkRow(6, 'acct-6', 'matched', { ...fabrikamItem, duplicateOfRow: 3 }),
        bulkRow(7, 'acct-7', 'matched', { ...contosoItem, duplicateOfRow: 2 }),
        bulkRow(8, 'acct-8', 'no_score', { ...tailspinItem, reason: NO_SCORE_COMPANY, duplicateOfRow: 4 }),
        bulkRow(9, 'acct-9', 'invalid_input', {
          ...emptyCompanyItem,
          reason: 'Company Domain "northwind" is not a domain (expected something like acme.com)',
        }),
        bulkRow(10, 'acct-10', 'invalid_input', {
          ...emptyCompanyItem,
          reason: 'Nothing identifies the company: fill in Lusha Company ID, Company Domain, Email or Company Name',
        }),
      ],
    });
  });

  it('sends 100 distinct companies per request and adds up what each request billed', async () => {
    type Item = { clientReferenceId: string; domain: string };
    const batches = batchesTo<Item>(COMPANIES, 'companies', 2, (companies) => {
      const results = companies.map((c, i) =>
        i % 10 === 0
          ? notFound(c.clientReferenceId)
          : { clientReferenceId: c.clientReferenceId, id: `9${i}`, domain: c.domain, signalScore: 0.5 },
      );
      // Each request's own bill, whatever the rows were: the step reports these, summed.
      return answer(results, companies.length === 100 ? 37 : 12);
    });
    const output = await scoreCompanies({
      rows: [
        ...Array.from({ length: 130 }, (_, i) => ({ domain: `company${i}.com` })),
        // The same 130 companies again: no more requests, no more credits.
        ...Array.from({ length: 130 }, (_, i) => ({ domain: `www.company${i}.com` })),
      ],
    });
    expect(batches.scope.isDone()).toBe(true);
    expect(batches.sizes()).toEqual([100, 30]);
    expect(batches.references('domain')).toEqual(
      Array.from({ length: 130 }, (_, i) => [String(i + 1), `company${i}.com`]),
    );
    expect(output).toMatchObject({ total: 260, matched: 234, notFound: 26, requests: 2, creditsCharged: 37 + 12 });
    expect(output.rows[259]).toMatchObject({ row: 260, status: 'matched', duplicateOfRow: 130, signalScore: 0.5 });
  });

  it('reports 0 credits when Lusha charges nothing (signal scores not yet on the pricebook)', async () => {
    nock(LUSHA)
      .post(COMPANIES, { companies: [{ clientReferenceId: '1', domain: 'northwind-analytics.com' }] })
      .reply(200, answer([{ clientReferenceId: '1', ...northwind }], 0));
    const output = await scoreCompanies({ rows: [{ domain: 'northwind-analytics.com' }] });
    expect(output).toMatchObject({ matched: 1, creditsCharged: 0 });
    expect(output.summary).toBe(
      '1 row: 1 scored, 0 not found, 0 no score, 0 invalid input, 0 errors. 1 request to Lusha, 0 credits charged.',
    );
  });

  it('reports a company Lusha answered with another error, or left out, as an error row', async () => {
    nock(LUSHA)
      .post(COMPANIES)
      .reply(
        200,
        answer(
          [
            { clientReferenceId: '1', ...northwind },
            { clientReferenceId: '2', error: { code: 'COMPLIANCE_RESTRICTED', message: 'Restricted' } },
          ],
          1,
        ),
      );
    const output = await scoreCompanies({ rows: foundErredAndLeftOut });
    expect(output).toMatchObject({ matched: 1, errors: 2, creditsCharged: 1 });
    expectErredAndLeftOut(output, { reason: 'Lusha could not score this company: Restricted.', signalScore: null });
  });

  it('halts before any call, listing every problem, when no row can be scored', async () => {
    const scope = nock(LUSHA).post(COMPANIES).reply(200, answer([], 0));
    await expectRefusal(
      scoreCompanies({
        rows: [
          { reference: 'only a reference' },
          { company_id: 'v1-abc', domain: 'northwind' },
          { email: 'maya@', name: 'x'.repeat(201) },
        ],
      }),
      'Score Companies by Signals',
      'Row 1: Nothing identifies the company: fill in Lusha Company ID, Company Domain, Email or Company Name.',
      'Row 2: Lusha Company ID "v1-abc" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha outputs it, e.g. v1.AbCdEfGhIjKl).',
      'Row 2: Company Domain "northwind" is not a domain (expected something like acme.com).',
      'Row 3: Email "maya@" is not a valid email address (expected something like name@company.com).',
      'Row 3: Company Name is too long (201 characters; at most 200).',
    );
    expect(scope.isDone()).toBe(false);
  });

  it('halts before any call when there are no rows, or more than 1,000', async () => {
    const scope = nock(LUSHA).post(COMPANIES).reply(200, answer([], 0));
    const none = await expectStepError(scoreCompanies({ rows: [] }));
    expect(none.message).toMatch(/^Score Companies by Signals cannot run with this input .*\n- There are no rows/);
    const many = await expectStepError(
      scoreCompanies({ rows: Array.from({ length: 1001 }, (_, i) => ({ domain: `c${i}.com` })) }),
    );
    expect(many.message).toMatch(/The list has 1,001 rows, but one run takes at most 1,000/);
    expect(scope.isDone()).toBe(false);
  });

  it('fails as Error when the plan has no Signals (403 for every request)', async () => {
    nock(LUSHA).post(COMPANIES).reply(403, { statusCode: 403, message: 'Signals API not supported on your plan' });
    const error = await expectStepError(scoreCompanies({ rows: [{ domain: 'northwind-analytics.com' }] }));
    expect(error.name).toBe('Error');
    expect(error.message).toMatch(/POST \/v3\/companies\/signal-score, HTTP 403.*Signals API not supported/);
  });
});

describe('Score Contacts by Signals', () => {
  const maya = {
    id: '4183886134',
    fullName: 'Maya Goldberg',
    company: { id: '33222678', name: 'Northwind Analytics', domain: 'www.northwind-analytics.com' },
    signalScore: 0.3,
    signalTypes: ['promotion'],
    noActiveSignals: false,
  };
  const mayaItem = {
    signalScore: 0.3,
    noActiveSignals: false,
    signalTypeNames: 'Promotion',
    signalTypes: 'promotion',
    id: '4183886134',
    fullName: 'Maya Goldberg',
    companyId: '33222678',
    companyName: 'Northwind Analytics',
    companyDomain: 'northwind-analytics.com',
  };
  const emptyContactItem = Object.fromEntries(Object.keys(mayaItem).map((key) => [key, null]));

  it('sends the most precise identifier of each contact (ID, LinkedIn URL, email, then name and company)', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .post(CONTACTS, {
        contacts: numbered(
          { id: '4183886134' },
          { linkedinUrl: 'https://www.linkedin.com/in/daniel-okafor' },
          { email: 'jane.doe@contoso.com' },
          { firstName: 'Ada', lastName: 'Lovelace', companyName: 'Fabrikam', companyDomain: 'fabrikam.io' },
          { firstName: 'Grace', lastName: 'Hopper', companyName: 'Contoso' },
        ),
      })
      .reply(
        200,
        answer(
          [
            { clientReferenceId: '1', ...maya },
            {
              clientReferenceId: '2',
              id: '4190021377',
              fullName: 'Daniel Okafor',
              company: { id: '33222678', name: 'Northwind Analytics', domain: 'northwind-analytics.com' },
              error: { code: 'NO_SCORE', message: 'No signal score available for this contact' },
            },
            notFound('3', 'Contact'),
            { clientReferenceId: '4', ...maya, id: '4100000004', fullName: 'Ada Lovelace', signalScore: 0.75 },
            notFound('5', 'Contact'),
          ],
          2,
        ),
      );

    const output = await scoreContacts({
      rows: [
        { reference: 'p1', person_id: '4183886134', email: 'maya@northwind-analytics.com', first_name: 'Maya' },
        {
          reference: 'p2',
          linkedin_url: 'linkedin.com/in/Daniel-Okafor/',
          email: 'daniel@northwind-analytics.com',
        },
        { reference: 'p3', email: 'Jane.Doe@Contoso.com', first_name: 'Jane', last_name: 'Doe', company_name: 'C' },
        {
          reference: 'p4',
          first_name: 'Ada',
          last_name: 'Lovelace',
          company_name: 'Fabrikam',
          company_domain: 'https://fabrikam.io',
        },
        { reference: 'p5', first_name: 'Grace', last_name: 'Hopper', company_name: 'Contoso' },
        // The same contacts again: sent, and charged, once.
        { reference: 'p6', email: 'jane.doe@contoso.com' },
        {
          reference: 'p7',
          first_name: 'ada',
          last_name: 'LOVELACE',
          company_name: 'fabrikam',
          company_domain: 'fabrikam.io',
        },
        { reference: 'p8', first_name: 'Grace' },
      ],
    });

    expect(scope.isDone()).toBe(true);
    const adaItem = { ...mayaItem, signalScore: 0.75, id: '4100000004', fullName: 'Ada Lovelace' };
    expect(output).toEqual({
      total: 8,
      matched: 3,
      notFound: 3,
      noScore: 1,
      invalid: 1,
      errors: 0,
      requests: 1,
      creditsCharged: 2,
      possiblyChargedRows: 0,
      summary:
        '8 rows: 3 scored, 3 not found, 1 no score, 1 invalid input, 0 errors. 1 request to Lusha, 2 credits charged.',
      rows: [
        bulkRow(1, 'p1', 'matched', mayaItem),
        bulkRow(2, 'p2', 'no_score', {
          ...emptyContactItem,
          id: '4190021377',
          fullName: 'Daniel Okafor',
          companyId: '33222678',
          companyName: 'Northwind Analytics',
          companyDomain: 'northwind-analytics.com',
          reason:
            'Lusha found this contact but has no signal score for it (its scoring engine returned nothing). No ' +
            'credit was charged for this row.',
        }),
        bulkRow(3, 'p3', 'not_found', emptyContactItem),
        bulkRow(4, 'p4', 'matched', adaItem),
        bulkRow(5, 'p5', 'not_found', emptyContactItem),
        bulkRow(6, 'p6', 'not_found', { ...emptyContactItem, duplicateOfRow: 3 }),
        bulkRow(7, 'p7', 'matched', { ...adaItem, duplicateOfRow: 4 }),
        bulkRow(8, 'p8', 'invalid_input', {
          ...emptyContactItem,
          reason:
            'To find a person by name, also fill in Last Name and Company Name (or Company Domain); or fill in ' +
            'Email, LinkedIn Profile URL or Lusha Person ID instead',
        }),
      ],
    });
  });

  it('never re-sends a request whose answer was lost (502): its rows say they may have been charged', async () => {
    const scope = nock(LUSHA)
      .post(CONTACTS)
      .reply(502, { statusCode: 502, message: 'Identity resolution unavailable' });
    const output = await scoreContacts({ rows: [{ person_id: '4183886134' }, { email: 'jane.doe@contoso.com' }] });
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
    expect(output).toMatchObject({ errors: 2, requests: 1, creditsCharged: 0, possiblyChargedRows: 2 });
    expect(output.rows[0]).toMatchObject({
      status: 'error',
      possiblyCharged: true,
      reason: expect.stringMatching(
        /^Lusha is temporarily unavailable \(POST \/v3\/contacts\/signal-score, HTTP 502\): Identity resolution unavailable\. Lusha may have processed this request and charged for it/,
      ),
    });
  });

  it('halts before any call when no row can be scored', async () => {
    const scope = nock(LUSHA).post(CONTACTS).reply(200, answer([], 0));
    await expectRefusal(
      scoreContacts({ rows: [{ linkedin_url: 'https://example.com/in/maya' }, { company_name: 'Northwind' }] }),
      'Score Contacts by Signals',
      'Row 1: LinkedIn Profile URL "https://example.com/in/maya" is not a LinkedIn URL (expected ' +
        'https://www.linkedin.com/in/...).',
      'Row 2: To find a person by name, also fill in First Name and Last Name; or fill in Email, LinkedIn ' +
        'Profile URL or Lusha Person ID instead.',
    );
    expect(scope.isDone()).toBe(false);
  });
});

describe.each(['score_companies_by_signals', 'score_contacts_by_signals'])('%s', (key) => {
  const { operation } = App.creates[key]!;

  it('has line-item output fields for every key of its sample, and a sample row of every status but error', () => {
    const { sample } = expectLineItemFields(operation);
    expect(new Set(sample.rows.map((row) => row.status))).toEqual(
      new Set(['matched', 'not_found', 'no_score', 'invalid_input']),
    );
    expect(sample).toMatchObject({ total: 5, matched: 2, notFound: 1, noScore: 1, invalid: 1 });
  });

  it('says in its help what it costs, how many rows go per request, and that the same rows are sent once', () => {
    const fields = operation.inputFields as Array<{ key: string; helpText?: string }>;
    const note = (key: string) => fields.find((f) => f.key === key)!.helpText;
    const [about, credits] = [note('about'), note('credits_and_routing')];
    expect(credits).toMatch(/1 credit per (company|contact) it scores/);
    expect(credits).toMatch(/nothing for one it cannot find \(not_found\) or has no score for \(no_score\)/);
    expect(credits).toMatch(/not yet on your account's pricebook .*charges nothing/);
    expect(about).toMatch(/100 per request/);
    expect(about).toMatch(/Identical rows are looked up, and charged, once/);
    expect(about).toMatch(/only the most precise is sent/);
    expect(credits).toMatch(/Filter on Signal Score/);
  });
});
