/**
 * Prospect Contacts: the body each input produces (field by field, against the reference),
 * paging and "up to N results", reveal only when asked, and every error path.
 */
import nock from 'nock';
import { prospectContactFields } from '../../../src/prospecting/records';
import { useNock } from '../../support/nock';
import { serveLists, serveSearch } from '../../support/lusha-lists';
import { App, appTester, bundleWith, expectStepError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const perform = App.creates.prospect_contacts!.operation.perform;
const run = (inputData: Record<string, unknown>) =>
  appTester(perform as never, bundleWith(inputData), true) as Promise<Record<string, unknown>>;

const lusha = () => nock(LUSHA, { reqheaders: { api_key: TEST_KEY } });

/** A search result as Lusha sends it (the real `data` key). */
function found(n: number, extra: Record<string, unknown> = {}) {
  return {
    contactId: `c-${n}`,
    isShown: false,
    name: `Person ${n}`,
    jobTitle: 'VP of Sales',
    companyId: 33222678,
    companyName: 'Northwind Analytics',
    fqdn: 'www.northwind-analytics.com',
    hasEmails: true,
    hasWorkEmail: true,
    hasPrivateEmail: false,
    hasPhones: true,
    hasMobilePhone: true,
    hasDirectPhone: false,
    ...extra,
  };
}

const page = (requestId: string, currentPage: number, totalResults: number, data: unknown[]) => ({
  requestId,
  currentPage,
  pageLength: data.length,
  totalResults,
  data,
});

const EMPTY_ITEM = Object.fromEntries(prospectContactFields.map((field) => [field.key, null]));

/** The line item of an unrevealed search result `n`. */
function unrevealed(n: number, requestId: string, extra: Record<string, unknown> = {}) {
  return {
    ...EMPTY_ITEM,
    contactId: `c-${n}`,
    requestId,
    fullName: `Person ${n}`,
    jobTitle: 'VP of Sales',
    companyId: '33222678',
    companyName: 'Northwind Analytics',
    companyDomain: 'northwind-analytics.com',
    companyWebsite: 'https://www.northwind-analytics.com',
    revealed: false,
    previouslyRevealed: false,
    hasEmail: true,
    hasWorkEmail: true,
    hasPrivateEmail: false,
    hasPhone: true,
    hasMobilePhone: true,
    hasDirectPhone: false,
    ...extra,
  };
}

const NOT_SPENT =
  'No credits spent: searching is free. Turn on Reveal Contact Details, or reveal chosen contacts with Enrich Prospected ' +
  'Contacts and this Search Request ID, to get their details (revealing costs credits).';

describe('prospect_contacts: the search body', () => {
  it('sends every filter under the key and in the shape the reference documents, values checked against Lusha lists', async () => {
    const scope = serveLists(lusha(), [
      'departments',
      'seniority',
      'all_countries',
      'existing_data_points',
      'industries_labels',
      'sizes',
      'revenues',
      'sics',
      'naics',
      'intent_topics',
    ]);
    serveSearch(scope, 'contactLocations', 'berlin');
    serveSearch(scope, 'companyNames', 'acme');
    serveSearch(scope, 'companyLocations', 'germany');
    serveSearch(scope, 'technologies', 'salesforce');
    // sub-industries come from the same list as industries, cached under their own key
    scope
      .get('/prospecting/filters/companies/industries_labels')
      .once()
      .reply(200, [
        {
          main_industry: 'Technology, Information & Media',
          main_industry_id: 4,
          sub_industries: [{ value: 'Software Development', id: 101 }],
        },
      ]);
    scope
      .post('/prospecting/contact/search', {
        pages: { page: 0, size: 20 },
        filters: {
          contacts: {
            include: {
              jobTitles: ['VP Sales', 'Head of Sales, EMEA'],
              departments: ['Sales'],
              seniority: [8, 6],
              countries: ['DE', 'US'],
              locations: [
                { continent: 'Europe', country: 'Germany', state: 'Berlin', city: 'Berlin', country_grouping: 'emea' },
              ],
              existing_data_points: ['work_email', 'mobile_phone'],
            },
            exclude: { jobTitles: ['Intern'], departments: ['Marketing'] },
          },
          companies: {
            include: {
              names: ['Acme'],
              domains: ['acme.com'],
              mainIndustriesIds: [4],
              subIndustriesIds: [101],
              sizes: [
                { min: 51, max: 200 },
                { min: 201, max: 500 },
              ],
              revenues: [{ min: 1000001, max: 10000000 }],
              locations: [{ continent: 'Europe', country: 'Germany', country_grouping: 'emea' }],
              technologies: ['Salesforce'],
              intentTopics: ['Digital Sales'],
              sicCodes: ['7372'],
              naicsCodes: ['511210'],
            },
            exclude: { domains: ['competitor.io'] },
          },
        },
      })
      .reply(200, page('req-1', 0, 2, [found(1), found(2, { isShown: true })]));

    const output = await run({
      job_titles: ['VP Sales', 'Head of Sales, EMEA'],
      departments: ['Sales'],
      seniority: ['8', 'Director'], // an id from the dropdown, a label mapped from an earlier step
      countries: ['DE', 'united states'],
      contact_locations: ['Berlin, Berlin, Germany'],
      data_points: ['work_email', 'Mobile Phone'],
      company_names: ['Acme'],
      company_domains: ['https://www.Acme.com/about'],
      industries: ['4'],
      sub_industries: ['101'],
      company_sizes: ['51-200', '201-500'],
      company_revenues: ['1000001-10000000'],
      company_locations: ['Germany'],
      technologies: ['Salesforce'],
      intent_topics: ['Digital Sales'],
      sic_codes: ['7372'],
      naics_codes: ['511210'],
      exclude_job_titles: ['Intern'],
      exclude_departments: ['Marketing'],
      exclude_company_domains: 'competitor.io',
      contact_location_search: 'ber', // the dropdowns' search text is not a filter
    });

    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      requestId: 'req-1',
      totalResults: 2,
      page: 0,
      pageSize: 20,
      pagesFetched: 1,
      resultCount: 2,
      nextPage: null,
      stoppedForTime: false,
      pagingNote: '2 contacts from page 0 (20 per page) of 2 matching.',
      revealed: false,
      creditsCharged: 0,
      creditsNote: NOT_SPENT,
      contacts: [unrevealed(1, 'req-1'), unrevealed(2, 'req-1', { previouslyRevealed: true })],
    });
  });

  it('sends the page and page size asked for, and says where more results are', async () => {
    const scope = serveLists(lusha(), ['departments'])
      .post('/prospecting/contact/search', {
        pages: { page: 3, size: 10 },
        filters: { contacts: { include: { departments: ['Sales'] } } },
      })
      .reply(200, page('req-3', 3, 95, [found(31)]));
    const output = await run({ departments: 'Sales', page: '3', page_size: 10 });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ page: 3, pageSize: 10, nextPage: null, resultCount: 1 });

    const second = serveLists(lusha(), ['departments'])
      .post('/prospecting/contact/search', {
        pages: { page: 0, size: 10 },
        filters: { contacts: { include: { departments: ['Sales'] } } },
      })
      .reply(
        200,
        page(
          'req-4',
          0,
          95,
          Array.from({ length: 10 }, (_, i) => found(i)),
        ),
      );
    const more = await run({ departments: ['Sales'], page_size: 10 });
    expect(second.isDone()).toBe(true);
    expect(more).toMatchObject({
      nextPage: 1,
      pagingNote: '10 contacts from page 0 (10 per page) of 95 matching. More results from Page 1.',
    });
  });
});

describe('prospect_contacts: up to N results', () => {
  const filterBody = { contacts: { include: { jobTitles: ['CTO'] } } };
  const results = (from: number, count: number) => Array.from({ length: count }, (_, i) => found(from + i));

  it('pages with the largest page size and stops at N: 120 of 500 takes exactly 3 requests', async () => {
    const scope = lusha()
      .post('/prospecting/contact/search', { pages: { page: 0, size: 50 }, filters: filterBody })
      .reply(200, page('req-a', 0, 500, results(0, 50)))
      .post('/prospecting/contact/search', { pages: { page: 1, size: 50 }, filters: filterBody })
      .reply(200, page('req-b', 1, 500, results(50, 50)))
      .post('/prospecting/contact/search', { pages: { page: 2, size: 50 }, filters: filterBody })
      .reply(200, page('req-c', 2, 500, results(100, 50)));

    const output = await run({ job_titles: 'CTO', max_results: 120 });

    expect(scope.isDone()).toBe(true);
    const contacts = output.contacts as Record<string, unknown>[];
    expect(contacts).toHaveLength(120);
    expect(contacts[0]).toEqual(unrevealed(0, 'req-a'));
    expect(contacts[119]).toEqual(unrevealed(119, 'req-c')); // each row keeps its own page's request id
    expect(output).toMatchObject({
      requestId: 'req-a',
      page: 0,
      pageSize: 50,
      pagesFetched: 3,
      resultCount: 120,
      nextPage: 3,
      stoppedForTime: false,
      pagingNote: '120 contacts from pages 0–2 (50 per page) of 500 matching. More results from Page 3.',
      creditsCharged: 0,
    });
  });

  it('stops at the last page: up to 200 of 70 takes 2 requests', async () => {
    const scope = lusha()
      .post('/prospecting/contact/search', { pages: { page: 0, size: 50 }, filters: filterBody })
      .reply(200, page('req-a', 0, 70, results(0, 50)))
      .post('/prospecting/contact/search', { pages: { page: 1, size: 50 }, filters: filterBody })
      .reply(200, page('req-b', 1, 70, results(50, 20)));
    const output = await run({ job_titles: ['CTO'], max_results: '200' });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ resultCount: 70, pagesFetched: 2, nextPage: null });
  });

  it('asks for one page of N when N is 50 or less', async () => {
    const scope = lusha()
      .post('/prospecting/contact/search', { pages: { page: 0, size: 30 }, filters: filterBody })
      .reply(200, page('req-a', 0, 500, results(0, 30)));
    const output = await run({ job_titles: ['CTO'], max_results: 30 });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ resultCount: 30, pagesFetched: 1, pageSize: 30, nextPage: 1 });
  });

  it('stops before the time budget runs out, and says where to continue', async () => {
    const start = Date.now();
    let offset = 0;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => start + offset);
    try {
      // Each page takes 8 s of the run's 25: after two, a third would not fit.
      const slowPage = (requestId: string, n: number) => () => {
        offset += 8000;
        return page(requestId, n, 500, results(n * 50, 50));
      };
      const scope = lusha()
        .post('/prospecting/contact/search', { pages: { page: 0, size: 50 }, filters: filterBody })
        .reply(200, slowPage('req-a', 0))
        .post('/prospecting/contact/search', { pages: { page: 1, size: 50 }, filters: filterBody })
        .reply(200, slowPage('req-b', 1));
      const output = await run({ job_titles: ['CTO'], max_results: 500 });
      expect(scope.isDone()).toBe(true);
      expect(output).toMatchObject({
        resultCount: 100,
        pagesFetched: 2,
        stoppedForTime: true,
        nextPage: 2,
        pagingNote:
          "100 contacts from pages 0–1 (50 per page) of 500 matching. Stopped before 500 to stay within Zapier's time limit; continue from Page 2.",
      });
    } finally {
      clock.mockRestore();
    }
  });
});

describe('prospect_contacts: reveal', () => {
  it('reveals the page with its requestId only when asked, and counts the credits', async () => {
    const scope = serveLists(lusha(), ['departments'])
      .post('/prospecting/contact/search', {
        pages: { page: 0, size: 20 },
        filters: { contacts: { include: { departments: ['Sales'] } } },
      })
      .reply(200, page('req-1', 0, 3, [found(1), found(2), found(3)]))
      .post('/prospecting/contact/enrich', { requestId: 'req-1', contactIds: ['c-1', 'c-2', 'c-3'] })
      .reply(200, {
        requestId: 'req-1',
        contacts: [
          {
            id: 'c-1',
            isSuccess: true,
            data: {
              firstName: 'Maya',
              lastName: 'Goldberg',
              fullName: 'Maya Goldberg',
              jobTitle: 'VP of Sales',
              companyId: 33222678,
              companyName: 'Northwind Analytics',
              emailAddresses: [
                { email: 'maya@northwind-analytics.com', emailType: 'work', emailConfidence: 'A+' },
                { email: 'maya@gmail.com', emailType: 'private', emailConfidence: 'A' },
              ],
              phoneNumbers: [{ number: '+1 617-555-0142', phoneType: 'mobile', doNotCall: false }],
              location: { city: 'Boston', country: 'United States', country_iso2: 'US', continent: 'North America' },
              socialLinks: { linkedin: 'https://www.linkedin.com/in/maya-goldberg' },
              departments: ['Sales'],
              seniority: [{ id: 8, value: 'vp' }],
            },
          },
          // Found, but nothing to reveal: no charge.
          { id: 'c-2', isSuccess: true, data: { fullName: 'Person 2', emailAddresses: [], phoneNumbers: [] } },
          { id: 'c-3', isSuccess: false },
        ],
      });

    const output = await run({ departments: ['Sales'], reveal: 'true' });

    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({
      revealed: true,
      creditsCharged: 1,
      creditsNote:
        'Revealed 2 of 3 contacts: 1 credit charged (Lusha charges each contact it returned an email or phone number for).',
    });
    const [first, second, third] = output.contacts as Record<string, unknown>[];
    expect(first).toEqual(
      unrevealed(1, 'req-1', {
        firstName: 'Maya',
        lastName: 'Goldberg',
        fullName: 'Maya Goldberg',
        email: 'maya@northwind-analytics.com',
        emailType: 'work',
        emailConfidence: 'A+',
        emails: 'maya@northwind-analytics.com, maya@gmail.com',
        phone: '+1 617-555-0142',
        phoneType: 'mobile',
        phoneDoNotCall: false,
        phones: '+1 617-555-0142',
        seniority: 'VP',
        departments: 'Sales',
        linkedinUrl: 'https://www.linkedin.com/in/maya-goldberg',
        city: 'Boston',
        country: 'United States',
        countryCode: 'US',
        continent: 'North America',
        revealed: true,
        creditCharged: true,
      }),
    );
    expect(second).toEqual(unrevealed(2, 'req-1', { revealed: true, creditCharged: false }));
    expect(third).toEqual(
      unrevealed(3, 'req-1', {
        creditCharged: false,
        revealNote: 'Lusha revealed nothing for this contact ID with this Search Request ID (no credit charged)',
      }),
    );
  });

  it('keeps the pages already revealed (and paid for) when a later page cannot be searched, and says where to continue', async () => {
    const filterBody = { contacts: { include: { jobTitles: ['CTO'] } } };
    const ids = Array.from({ length: 50 }, (_, i) => `c-${i}`);
    const scope = lusha()
      .post('/prospecting/contact/search', { pages: { page: 0, size: 50 }, filters: filterBody })
      .reply(
        200,
        page(
          'req-a',
          0,
          500,
          ids.map((_, i) => found(i)),
        ),
      )
      .post('/prospecting/contact/enrich', { requestId: 'req-a', contactIds: ids })
      .reply(200, {
        requestId: 'req-a',
        contacts: ids.map((id) => ({
          id,
          isSuccess: true,
          data: { fullName: id, emailAddresses: [{ email: `${id}@acme.com`, emailType: 'work' }] },
        })),
      })
      .post('/prospecting/contact/search', { pages: { page: 1, size: 50 }, filters: filterBody })
      .reply(429, { statusCode: 429, message: 'Too many requests' }, { 'Retry-After': '30' });

    const output = await run({ job_titles: ['CTO'], max_results: 120, reveal: true });

    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({
      resultCount: 50,
      pagesFetched: 1,
      nextPage: 1,
      stoppedForTime: false,
      creditsCharged: 50,
      pagingNote:
        '50 contacts from page 0 (50 per page) of 500 matching. Stopped at Page 1: Lusha rate limit reached ' +
        '(POST /prospecting/contact/search, HTTP 429): Too many requests. Continue from Page 1.',
    });
    expect((output.contacts as Record<string, unknown>[]).every((contact) => contact.revealed === true)).toBe(true);
  });

  it('fails with the mapped error when a later page cannot be searched and nothing was revealed (nothing spent)', async () => {
    const filterBody = { contacts: { include: { jobTitles: ['CTO'] } } };
    lusha()
      .post('/prospecting/contact/search', { pages: { page: 0, size: 50 }, filters: filterBody })
      .reply(
        200,
        page(
          'req-a',
          0,
          500,
          Array.from({ length: 50 }, (_, i) => found(i)),
        ),
      )
      .post('/prospecting/contact/search', { pages: { page: 1, size: 50 }, filters: filterBody })
      .reply(429, { statusCode: 429, message: 'Too many requests' }, { 'Retry-After': '30' });
    const error = await expectStepError(run({ job_titles: ['CTO'], max_results: 120 }));
    expect(error).toMatchObject({ name: 'ThrottledError', delay: 30 });
  });

  it('halts when the reveal fails for lack of credits, after the free search', async () => {
    serveLists(lusha(), ['departments'])
      .post('/prospecting/contact/search')
      .reply(200, page('req-1', 0, 1, [found(1)]))
      .post('/prospecting/contact/enrich')
      .reply(402, { statusCode: 402, message: 'Insufficient credits' });
    const error = await expectStepError(run({ departments: ['Sales'], reveal: true }));
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        'The Lusha account has no credits left (POST /prospecting/contact/enrich, HTTP 402): Insufficient credits. ' +
        'Add credits to your Lusha account or wait for your plan to renew, then replay the run.',
    });
  });
});

describe('prospect_contacts: bad input is refused before any call', () => {
  // Only the free value lists are served: a search would fail the test with a different error.
  it('refuses an empty filter set (exclusions alone do not count)', async () => {
    const scope = serveLists(lusha(), ['departments']);
    const error = await expectStepError(run({ exclude_departments: ['Sales'], contact_location_search: 'berlin' }));
    expect(scope.isDone()).toBe(true);
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        'Prospect Contacts cannot run with this input (no credits were spent):\n' +
        '- Set at least one filter (for example Job Titles, Departments, Industries or Company Locations): a search without filters would list all of Lusha.',
    });
  });

  it('reports every paging problem at once', async () => {
    const error = await expectStepError(run({ job_titles: ['CTO'], page_size: 5, page: 1001, reveal: 'maybe' }));
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        'Prospect Contacts cannot run with this input (no credits were spent):\n' +
        '- Page Size must be a whole number from 10 to 50 (got "5").\n' +
        '- Page must be a whole number from 0 to 1000 (got "1001").\n' +
        '- Reveal Contact Details must be yes or no (got "maybe").',
    });
  });

  it('refuses Up to N Results above 500, or with a page size', async () => {
    const tooMany = await expectStepError(run({ job_titles: ['CTO'], max_results: 501 }));
    expect(tooMany.message).toBe(
      'Prospect Contacts cannot run with this input (no credits were spent):\n' +
        '- Up to N Results must be a whole number from 1 to 500 (got "501").',
    );
    const both = await expectStepError(run({ job_titles: ['CTO'], max_results: 100, page_size: 50 }));
    expect(both).toEqual({
      name: 'HaltedError',
      message:
        'Prospect Contacts cannot run with this input (no credits were spent):\n' +
        '- Use either Up to N Results or Page Size, not both: Up to N Results chooses the page size itself.',
    });
  });

  it('refuses a domain that is not one', async () => {
    const error = await expectStepError(run({ company_domains: ['acme.com', 'not a domain'] }));
    expect(error.message).toBe(
      'Prospect Contacts cannot run with this input (no credits were spent):\n' +
        '- Company Domains "not a domain" is not a domain (expected something like acme.com).',
    );
  });
});

describe("prospect_contacts: values outside Lusha's lists", () => {
  it('checks every value against the lists (free) and reports all bad ones before searching', async () => {
    const scope = serveLists(lusha(), ['departments', 'seniority', 'sizes']);
    serveSearch(scope, 'contactLocations', 'atlantis', []);
    serveSearch(scope, 'contactLocations', 'springfield', [
      {
        continent: 'North America',
        country: 'United States',
        state: 'Illinois',
        city: 'Springfield',
        country_grouping: 'na',
      },
      {
        continent: 'North America',
        country: 'United States',
        state: 'Massachusetts',
        city: 'Springfield',
        country_grouping: 'na',
      },
    ]);
    const error = await expectStepError(
      run({
        departments: ['Sales', 'Astrology'],
        seniority: ['12'],
        company_sizes: ['50-100'],
        contact_locations: ['Atlantis', 'Springfield'],
      }),
    );
    expect(scope.isDone()).toBe(true);
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        'Prospect Contacts cannot run with this input (no credits were spent):\n' +
        `- Departments: "Astrology" is not in Lusha's list of department values (Lusha's list: Business Development, Engineering & Technical, Marketing, Sales).\n` +
        `- Seniority: "12" is not in Lusha's list of seniority values (Lusha's list: Founder, C-Suite, VP, Director).\n` +
        `- Contact Locations: "Atlantis" is not in Lusha's list of contact location values; choose one from the dropdown.\n` +
        '- Contact Locations: "Springfield" matches several contact location entries in Lusha ("Springfield, Illinois, United States", ' +
        '"Springfield, Massachusetts, United States"); choose one from the dropdown.\n' +
        `- Company Sizes: "50-100" is not in Lusha's list of company size values (Lusha's list: 1–10 employees, 51–200 employees, 201–500 employees, 10,001+ employees).`,
    });
  });
});

describe('prospect_contacts: Lusha errors', () => {
  it("quotes Lusha's validation message", async () => {
    serveLists(lusha(), ['departments'])
      .post('/prospecting/contact/search')
      .reply(400, { statusCode: 400, message: ['pages.size must not be greater than 50'] });
    const error = await expectStepError(run({ departments: ['Sales'] }));
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        "Lusha rejected the request (POST /prospecting/contact/search, HTTP 400): pages.size must not be greater than 50. Check the step's fields and try again.",
    });
  });
});
