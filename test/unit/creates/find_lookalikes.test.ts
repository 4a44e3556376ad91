/**
 * Find Lookalike Contacts / Companies on Lusha V3: seeds and exclusions by what a Zap has
 * (and by the 1.x keys), the V3 bodies sent, at least 5 seeds checked before any call with
 * every other problem, the session id for more, a session Lusha no longer knows, credits as
 * Lusha billed them, and companies given by Lusha ID or name looked up first.
 */
import { useNock } from '../../support/nock';
import { createStep, expectRefusal, lusha, numbered } from '../../support/creates-kit';
import { expectStepError } from '../../support/zapier';

useNock();

const runContacts = createStep('find_lookalike_contacts');
const runCompanies = createStep('find_lookalike_companies');

const CONTACTS = 'Find Lookalike Contacts';
const COMPANIES = 'Find Lookalike Companies';
const SESSION = '58adaa77-7a6e-4c9b-8c2d-820a6538e613';
const emails = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `seed${i + 1}@acme.com` }));
const domains = (n: number) => Array.from({ length: n }, (_, i) => ({ domain: `seed${i + 1}.com` }));
/** A V3 lookalike answer in session SESSION: its results, whether Lusha has more, and (unless null) its bill. */
const lookalikes = (results: unknown[], hasMore: boolean, creditsCharged: number | null) => ({
  dedupeSessionId: SESSION,
  results,
  meta: { returned: results.length, hasMore },
  ...(creditsCharged === null ? {} : { billing: { creditsCharged, resultsReturned: results.length } }),
});

const v3Contact = {
  id: '4389064624',
  firstName: 'Yehuda',
  lastName: 'Rapp',
  socialLinks: { linkedin: 'https://www.linkedin.com/in/yehuda-rapp-53909b99' },
  company: { id: '16303253', name: 'Lusha', domain: 'www.lusha.com' },
  jobTitle: { title: 'Senior Solutions Engineer', departments: ['Engineering & Technical'], seniority: 'Senior' },
  location: { country: 'Israel', state: 'Tel Aviv District', city: 'Tel Aviv' },
};

describe('find_lookalike_contacts', () => {
  it('sends seeds by email, LinkedIn URL, name and id, with exclusions, in V3 form, and outputs what Lusha billed', async () => {
    const scope = lusha()
      .post('/v3/contacts/lookalike', {
        seeds: {
          emails: ['ada@acme.com', 'bo@globex.com'],
          linkedinUrls: ['https://www.linkedin.com/in/orit-shilvock-6243bb5'],
          contacts: [{ firstName: 'Miri', lastName: 'Tamir', companyDomain: 'lusha.com' }],
          ids: ['4183886134'],
        },
        exclude: { emails: ['existing@customer.com'], ids: ['5', '6'] },
        limit: 2,
      })
      .reply(200, lookalikes([v3Contact], true, 3));

    const output = await runContacts({
      seeds: [
        { email: 'Ada@Acme.com' },
        { email: 'bo@globex.com' },
        { linkedin_url: 'linkedin.com/in/orit-shilvock-6243bb5/' },
        { first_name: 'Miri', last_name: 'Tamir', company_domain: 'https://www.lusha.com' },
        { person_id: '4183886134', company_id: '33222678' },
        { email: 'ada@acme.com' },
        {},
      ],
      exclusions: [{ exclude_email: 'existing@customer.com' }],
      exclude_ids: '5,6,5',
      limit: '2',
    });

    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      requestId: SESSION,
      count: 1,
      creditsCharged: 3,
      creditsNote:
        "1 recommended contact: Lusha charged 3 credits. Map this step's Request ID (with the same seeds) into " +
        'another run to get more.',
      hasMore: true,
      seedsNote: null,
      contacts: [
        {
          id: '4389064624',
          fullName: 'Yehuda Rapp',
          jobTitle: 'Senior Solutions Engineer',
          companyId: '16303253',
          companyName: 'Lusha',
          firstName: 'Yehuda',
          lastName: 'Rapp',
          seniority: 'Senior',
          departments: 'Engineering & Technical',
          linkedinUrl: 'https://www.linkedin.com/in/yehuda-rapp-53909b99',
          companyDomain: 'lusha.com',
          city: 'Tel Aviv',
          state: 'Tel Aviv District',
          country: 'Israel',
        },
      ],
    });
  });

  it('keeps the 1.x seed rows (Person ID with Company ID) working, sending the Person IDs', async () => {
    const seeds = ['11', '22', '33', '44', '55'].map((id) => ({ person_id: id, company_id: '9' }));
    const scope = lusha()
      .post('/v3/contacts/lookalike', { seeds: { ids: ['11', '22', '33', '44', '55'] }, limit: 10 })
      .reply(200, lookalikes([], false, null));
    const output = await runContacts({ seeds });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ count: 0, creditsCharged: 0, hasMore: false, contacts: [] });
  });

  it('gets more with the session id in Request ID (for More), with the seeds again', async () => {
    const scope = lusha()
      .post('/v3/contacts/lookalike', {
        seeds: { emails: emails(5).map((e) => e.email) },
        limit: 10,
        dedupeSessionId: SESSION,
      })
      .reply(200, lookalikes([], false, 0));
    const output = await runContacts({ seeds: emails(5), request_id: SESSION.toUpperCase() });
    expect(scope.isDone()).toBe(true);
    expect(output.requestId).toBe(SESSION);
    expect(output.creditsNote).toBe(
      'No contacts to recommend beyond those already returned for this Request ID: 0 credits charged.',
    );
  });

  it('refuses fewer than 5 seeds with the counts, together with every other problem, before any call', async () => {
    await expectRefusal(
      runContacts({
        seeds: [{ email: 'a@acme.com' }, { email: 'a@acme.com' }, { linkedin_url: 'https://www.linkedin.com/in/b' }],
        exclude_ids: ['x1'],
        limit: 101,
        request_id: 'rec-1',
      }),
      CONTACTS,
      'Exclude Person IDs, entry 1: "x1" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha outputs it, e.g. v1.AbCdEfGhIjKl).',
      'Lusha V3 needs at least 5 different seed contacts to find lookalikes (got 2, 3 given): add 3 more.',
      'Number of Recommendations must be a whole number from 1 to 100 (got "101").',
      'Request ID (for More) "rec-1" is not a Lusha V3 session id (expected one like ' +
        '58adaa77-7a6e-4c9b-8c2d-820a6538e613, as output by an earlier run): map it from an earlier run, or clear it.',
    );
    await expectRefusal(
      runContacts({ seeds: emails(3), limit: 50 }),
      CONTACTS,
      'Lusha V3 needs at least 5 different seed contacts to find lookalikes (got 3): add 2 more.',
    );
    const none = await expectStepError(runContacts({ limit: 50 }));
    expect(none.message).toContain(
      'Lusha V3 needs at least 5 different seed contacts to find lookalikes (got 0): add 5 more.',
    );
  });

  it('names each bad row: a malformed value, a name without its company, a Company ID alone', async () => {
    await expectRefusal(
      runContacts({
        seeds: [
          ...emails(4),
          { email: 'not-an-email' },
          { first_name: 'Miri', last_name: 'Tamir' },
          { company_id: '33222678' },
          { linkedin_url: 'https://example.com/in/x' },
        ],
      }),
      CONTACTS,
      'Seed Contacts, row 5: Email "not-an-email" is not a valid email address (expected something like ' +
        'name@company.com).',
      'Seed Contacts, row 6: a contact by name needs Company Domain or Company Name too.',
      "Seed Contacts, row 7: give the contact's Person ID, Email, LinkedIn URL, or First and Last Name with its " +
        'Company Domain or Name (a Company ID alone is not a contact).',
      'Seed Contacts, row 8: LinkedIn URL "https://example.com/in/x" is not a LinkedIn URL (expected ' +
        'https://www.linkedin.com/in/...).',
      'Lusha V3 needs at least 5 different seed contacts to find lookalikes (got 4, not counting the seeds with ' +
        'problems above): add 1 more.',
    );
  });

  it('refuses more than 100 seeds and more than 100 exclusions of one kind', async () => {
    await expectRefusal(
      runContacts({ seeds: emails(101), exclude_ids: Array.from({ length: 101 }, (_, i) => String(i + 1)) }),
      CONTACTS,
      'At most 100 seed contacts per step (got 101): Lusha V3 takes no more.',
      'At most 100 excluded contacts by Lusha ID per step (got 101).',
    );
  });

  it('says to run without the Request ID when Lusha no longer knows the session (410)', async () => {
    lusha()
      .post('/v3/contacts/lookalike')
      .reply(410, {
        code: 'DEDUPE_SESSION_INVALID',
        message:
          'The provided dedupeSessionId is invalid or expired. Generate a new request without dedupeSessionId to ' +
          'start a fresh run.',
      });
    const error = await expectStepError(runContacts({ seeds: emails(5), request_id: SESSION }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toContain('The provided dedupeSessionId is invalid or expired');
    expect(error.message).toContain(
      `Request ID (for More) "${SESSION}" is not a session Lusha knows any more: sessions end 30 days after their ` +
        'last use',
    );
    expect(error.message).toContain('Clear Request ID (for More) to start a fresh run from the seeds');
  });
});

describe('find_lookalike_companies', () => {
  it('sends seeds by domain and LinkedIn URL in one call, and outputs the V3 companies', async () => {
    const scope = lusha()
      .post('/v3/companies/lookalike', {
        seeds: {
          domains: ['sap.com', 'oracle.com', 'ibm.com', 'intel.com'],
          linkedinUrls: ['https://www.linkedin.com/company/google'],
        },
        exclude: { domains: ['existingcustomer.com'] },
        limit: 25,
        dedupeSessionId: SESSION,
      })
      .reply(
        200,
        lookalikes(
          [
            {
              id: '16303253',
              name: 'Marriott International',
              domain: 'marriott.com',
              employeeCount: { exact: 255334 },
              industry: 'Hospitality',
              location: { country: 'United States', state: 'Maryland', city: 'Bethesda' },
              socialLinks: { linkedin: 'https://www.linkedin.com/company/marriott-international' },
            },
          ],
          false,
          1,
        ),
      );
    const output = await runCompanies({
      seeds: [
        { domain: 'https://www.sap.com/about' },
        { domain: 'oracle.com' },
        { domain: 'ibm.com' },
        { domain: 'intel.com' },
        { linkedin_url: 'linkedin.com/company/google' },
      ],
      exclusions: [{ exclude_domain: 'existingcustomer.com' }],
      limit: 25,
      request_id: SESSION,
    });
    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      requestId: SESSION,
      count: 1,
      creditsCharged: 1,
      creditsNote:
        "1 recommended company: Lusha charged 1 credit. Map this step's Request ID (with the same seeds) into " +
        'another run to get more.',
      hasMore: false,
      seedsNote: null,
      companies: [
        {
          id: '16303253',
          name: 'Marriott International',
          domain: 'marriott.com',
          description: null,
          industry: 'Hospitality',
          linkedinUrl: 'https://www.linkedin.com/company/marriott-international',
          city: 'Bethesda',
          state: 'Maryland',
          country: 'United States',
          employeeCount: 255334,
        },
      ],
    });
  });

  it('looks up seeds and exclusions given by Lusha ID or name in one search, and bills both calls', async () => {
    const search = lusha()
      .post('/v3/companies/search', {
        companies: numbered({ id: '1586' }, { id: '42' }, { id: '77' }, { name: 'Globex' }, { id: '9' }),
      })
      .reply(200, {
        requestId: 'search-1',
        results: [
          { clientReferenceId: '1', id: '1586', domain: 'www.engines.io' },
          { clientReferenceId: '2', id: '42', socialLinks: { linkedin: 'https://www.linkedin.com/company/acme' } },
          { clientReferenceId: '3', error: { code: 'NOT_FOUND', message: 'Company not found' } },
          { clientReferenceId: '4', id: '3', domain: 'globex.com' },
          { clientReferenceId: '5', id: '9', domain: 'rival.com' },
        ],
        billing: { creditsCharged: 1, resultsReturned: 4 },
      });
    const lookalike = lusha()
      .post('/v3/companies/lookalike', {
        seeds: {
          domains: ['engines.io', 'initech.com', 'hooli.com', 'globex.com'],
          linkedinUrls: ['https://www.linkedin.com/company/acme'],
        },
        exclude: { domains: ['rival.com'] },
        limit: 10,
      })
      .reply(200, lookalikes([{ id: '7', name: 'Umbrella', domain: 'umbrella.com' }], true, 1));
    const output = await runCompanies({
      company_ids: ['1586', '42', '77'],
      seeds: [{ domain: 'initech.com' }, { domain: 'hooli.com' }, { name: 'Globex' }],
      exclude_ids: ['9'],
    });
    expect(search.isDone() && lookalike.isDone()).toBe(true);
    expect(output).toMatchObject({
      requestId: SESSION,
      count: 1,
      creditsCharged: 2,
      creditsNote:
        "1 recommended company: Lusha charged 1 credit. Map this step's Request ID (with the same seeds) into " +
        'another run to get more. Looking up the companies given by Lusha ID or name cost 1 credit more (2 credits ' +
        'in all).',
      hasMore: true,
      seedsNote:
        'Left out, not found as a domain or LinkedIn page: Seed Company IDs, entry 3 (Company ID 77): Lusha found no ' +
        'such company.',
    });
  });

  it('returns the paid look-up when too few seeds remain, without a lookalike call', async () => {
    lusha()
      .post('/v3/companies/search')
      .reply(200, {
        results: [
          { clientReferenceId: '1', error: { code: 'NOT_FOUND', message: 'Company not found' } },
          { clientReferenceId: '2', id: '2', domain: 'two.com' },
        ],
        billing: { creditsCharged: 1, resultsReturned: 1 },
      });
    const output = await runCompanies({ company_ids: ['1', '2'], seeds: domains(3) });
    expect(output).toEqual({
      requestId: null,
      count: 0,
      creditsCharged: 1,
      creditsNote:
        'No lookalikes asked for: only 4 of the seed companies could be given to Lusha V3 as a domain or LinkedIn ' +
        'page, and it needs at least 5. Add seeds (by domain or LinkedIn URL needs no look-up). Lusha charged 1 ' +
        'credit for looking up the companies given by Lusha ID or name; no lookalikes were charged.',
      hasMore: false,
      seedsNote:
        'Left out, not found as a domain or LinkedIn page: Seed Company IDs, entry 1 (Company ID 1): Lusha found no ' +
        'such company.',
      companies: [],
    });
  });

  it('returns the paid look-up with the reason when the lookalike call then fails', async () => {
    lusha()
      .post('/v3/companies/search')
      .reply(200, {
        results: [{ clientReferenceId: '1', id: '1', domain: 'one.com' }],
        billing: { creditsCharged: 1, resultsReturned: 1 },
      });
    lusha()
      .post('/v3/companies/lookalike')
      .reply(410, { statusCode: 410, message: 'The provided dedupeSessionId is invalid or expired.' });
    const output = await runCompanies({ company_ids: ['1'], seeds: domains(4), request_id: SESSION });
    expect(output).toMatchObject({ count: 0, creditsCharged: 1, companies: [] });
    expect(output.creditsNote).toMatch(/^The lookalike call failed: Lusha failed to process the request/);
    expect(output.creditsNote).toContain('Clear Request ID (for More) to start a fresh run from the seeds');
  });

  it('refuses fewer than 5 seeds, bad ids and a limit of 0 at once, before any call', async () => {
    await expectRefusal(
      runCompanies({ company_ids: ['1586', 'acme.com'], limit: 0 }),
      COMPANIES,
      'Seed Company IDs, entry 2: "acme.com" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha outputs it, e.g. v1.AbCdEfGhIjKl).',
      'Lusha V3 needs at least 5 different seed companies to find lookalikes (got 0, not counting the seeds ' +
        'with problems above): add 5 more.',
      'Number of Recommendations must be a whole number from 1 to 100 (got "0").',
    );
    await expectRefusal(
      runCompanies({ company_ids: ['1586'], seeds: domains(2), limit: 50 }),
      COMPANIES,
      'Lusha V3 needs at least 5 different seed companies to find lookalikes (got 3): add 2 more.',
    );
  });

  it('halts when the account is out of credits', async () => {
    lusha().post('/v3/companies/lookalike').reply(402, { statusCode: 402, message: 'Insufficient credits' });
    const error = await expectStepError(runCompanies({ seeds: domains(5) }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(
      /^The Lusha account has no credits left \(POST \/v3\/companies\/lookalike, HTTP 402\)/,
    );
  });
});
