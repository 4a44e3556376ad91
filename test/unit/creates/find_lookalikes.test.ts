/**
 * Find Lookalike Contacts / Companies: seeds, exclude list, limit (at most 25) and paging by
 * requestId, the credits Lusha states, and every error path.
 */
import nock from 'nock';
import { useNock } from '../../support/nock';
import { App, appTester, bundleWith, expectStepError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const contactsStep = App.creates.find_lookalike_contacts!.operation.perform;
const companiesStep = App.creates.find_lookalike_companies!.operation.perform;
const runContacts = (inputData: Record<string, unknown>) =>
  appTester(contactsStep as never, bundleWith(inputData), true) as Promise<Record<string, unknown>>;
const runCompanies = (inputData: Record<string, unknown>) =>
  appTester(companiesStep as never, bundleWith(inputData), true) as Promise<Record<string, unknown>>;
const lusha = () => nock(LUSHA, { reqheaders: { api_key: TEST_KEY } });

describe('find_lookalike_contacts', () => {
  it('sends the seeds, exclusions and limit, and outputs the recommendations with the credits Lusha states', async () => {
    const scope = lusha()
      .post('/api/recommendations/contacts', {
        contacts: [
          { personId: '4183886134', companyId: '33222678' },
          { personId: '77', companyId: '88' },
        ],
        exclude: ['5', '6'],
        limit: 2,
      })
      .reply(200, {
        contacts: [
          {
            personId: 901,
            companyId: 33222678,
            name: 'Jane Smith',
            jobTitle: 'VP Sales',
            companyName: 'Northwind Analytics',
          },
          { personId: '902', companyId: '12', name: 'Omar Haddad', jobTitle: 'Head of Sales', companyName: 'Globex' },
        ],
        requestId: 'rec-1',
        count: 2,
        creditsCharged: 2,
      });

    const output = await runContacts({
      seeds: [
        { person_id: '4183886134', company_id: 33222678 },
        { person_id: ' 77 ', company_id: '88' },
      ],
      exclude_ids: '5,6,5',
      limit: '2',
    });

    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      requestId: 'rec-1',
      count: 2,
      creditsCharged: 2,
      creditsNote:
        "2 recommended contacts: Lusha charged 2 credits. Map this step's Request ID into another run to get more.",
      contacts: [
        {
          id: '901',
          fullName: 'Jane Smith',
          jobTitle: 'VP Sales',
          companyId: '33222678',
          companyName: 'Northwind Analytics',
        },
        { id: '902', fullName: 'Omar Haddad', jobTitle: 'Head of Sales', companyId: '12', companyName: 'Globex' },
      ],
    });
  });

  it('pages by requestId without seeds, with the default limit', async () => {
    const scope = lusha()
      .post('/api/recommendations/contacts', { limit: 10, requestId: 'rec-1' })
      .reply(200, { contacts: [], requestId: 'rec-1', count: 0, creditsCharged: 0 });
    const output = await runContacts({ request_id: 'rec-1' });
    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      requestId: 'rec-1',
      count: 0,
      creditsCharged: 0,
      creditsNote: 'No contacts to recommend beyond those already returned for this Request ID: 0 credits charged.',
      contacts: [],
    });
  });

  it('refuses bad seed rows, ids and limits, all at once, before any call', async () => {
    const error = await expectStepError(
      runContacts({
        seeds: [
          { person_id: '1', company_id: '' },
          { person_id: 'abc', company_id: '2' },
        ],
        exclude_ids: ['x1'],
        limit: 26,
      }),
    );
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        'Find Lookalike Contacts cannot run with this input (no credits were spent):\n' +
        '- Row 1: a seed needs both its Person ID and its Company ID.\n' +
        '- Row 2: Person ID "abc" is not a Lusha ID (expected digits only, e.g. 4183886134).\n' +
        '- Exclude Person IDs, entry 1: "x1" is not a Lusha ID (expected digits only, e.g. 4183886134).\n' +
        '- Number of Recommendations must be a whole number from 1 to 25 (got "26").',
    });
    const nothing = await expectStepError(runContacts({}));
    expect(nothing.message).toBe(
      'Find Lookalike Contacts cannot run with this input (no credits were spent):\n' +
        '- Add at least one seed (a Person ID with its Company ID), or a Request ID from an earlier run.',
    );
  });

  it('explains a Request ID Lusha does not know', async () => {
    lusha()
      .post('/api/recommendations/contacts')
      .reply(400, {
        statusCode: 400,
        message: ['requestId "stale" does not match an earlier contacts recommendation request made with this API key'],
      });
    const error = await expectStepError(runContacts({ request_id: 'stale' }));
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        'Lusha rejected the request (POST /api/recommendations/contacts, HTTP 400): requestId "stale" does not match an earlier contacts ' +
        'recommendation request made with this API key. Request ID "stale": it must come from an earlier Find Lookalike Contacts step of ' +
        "this Lusha account, and Lusha forgets it after a while: clear Request ID to start again from the seeds. Check the step's fields and try again.",
    });
  });
});

describe('find_lookalike_companies', () => {
  it('sends the seed company ids and outputs the recommendations', async () => {
    const scope = lusha()
      .post('/api/recommendations/companies', {
        companies: [{ companyId: '1586' }, { companyId: '42' }],
        limit: 25,
        requestId: 'rec-c',
      })
      .reply(200, {
        companies: [{ companyId: 7, name: 'Engines', fqdn: 'www.engines.io', description: 'Analytical engines' }],
        requestId: 'rec-c',
        count: 1,
        creditsCharged: 1,
      });
    const output = await runCompanies({ company_ids: ['1586', '42'], limit: 25, request_id: 'rec-c' });
    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      requestId: 'rec-c',
      count: 1,
      creditsCharged: 1,
      creditsNote:
        "1 recommended company: Lusha charged 1 credit. Map this step's Request ID into another run to get more.",
      companies: [{ id: '7', name: 'Engines', domain: 'engines.io', description: 'Analytical engines' }],
    });
  });

  it('refuses ids that are not Lusha ids, and a limit of 0', async () => {
    const error = await expectStepError(runCompanies({ company_ids: ['1586', 'acme.com'], limit: 0 }));
    expect(error.message).toBe(
      'Find Lookalike Companies cannot run with this input (no credits were spent):\n' +
        '- Seed Company IDs, entry 2: "acme.com" is not a Lusha ID (expected digits only, e.g. 4183886134).\n' +
        '- Number of Recommendations must be a whole number from 1 to 25 (got "0").',
    );
  });

  it('halts when the account is out of credits', async () => {
    lusha().post('/api/recommendations/companies').reply(402, { statusCode: 402, message: 'Insufficient credits' });
    const error = await expectStepError(runCompanies({ company_ids: ['1586'] }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(
      /^The Lusha account has no credits left \(POST \/api\/recommendations\/companies, HTTP 402\)/,
    );
  });
});
