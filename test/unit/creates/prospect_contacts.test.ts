/**
 * Prospect Contacts on Lusha V3: the body each input produces (field by field, against the
 * V3 spec's V3ContactFilterCriteria / V3CompanyFilterCriteria), paging and "up to N results",
 * reveal only when asked (POST /v3/contacts/enrich by ids), credits as Lusha billed them,
 * and every error path.
 */
import { prospectContactFields } from '../../../src/prospecting/records';
import { useNock } from '../../support/nock';
import { LISTS, SEARCHES, serveLists, serveSearch } from '../../support/lusha-lists';
import {
  createStep,
  expectHalt,
  expectRefusal,
  lusha,
  noCreditsLeft,
  onePage,
  personLine,
  personPreview,
  rejected,
} from '../../support/creates-kit';
import { expectStepError } from '../../support/zapier';

useNock();

const STEP = 'Prospect Contacts';
const run = createStep('prospect_contacts');

/** A search result as V3 sends it (a V3ContactPreview). */
function found(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `${1000 + n}`,
    ...personPreview(n),
    company: { id: '33222678', name: 'Northwind Analytics', domain: 'www.northwind-analytics.com' },
    has: ['firstName', 'lastName', 'jobTitle', 'location', 'emails', 'phones'],
    ...extra,
  };
}

/** A V3 prospecting answer: `credits` is what Lusha billed for it. */
const page = (requestId: string, pageNo: number, total: number, results: unknown[], credits = 1) => ({
  requestId,
  results,
  pagination: { page: pageNo, size: results.length, total },
  billing: { creditsCharged: credits, resultsReturned: results.length },
});

const EMPTY_ITEM = Object.fromEntries(prospectContactFields.map((field) => [field.key, null]));

/** The line item of an unrevealed search result `n`. */
function unrevealed(n: number, requestId: string, extra: Record<string, unknown> = {}) {
  return {
    ...EMPTY_ITEM,
    contactId: `${1000 + n}`,
    id: `${1000 + n}`,
    requestId,
    ...personLine(n),
    companyId: '33222678',
    companyName: 'Northwind Analytics',
    companyDomain: 'northwind-analytics.com',
    companyWebsite: 'https://www.northwind-analytics.com',
    revealed: false,
    previouslyRevealed: false,
    hasEmail: true,
    hasPhone: true,
    ...extra,
  };
}

/** The Credits Note of a search without reveal, billed `credits` for `results` on `pages`. */
const SEARCH_ONLY = (credits: number, results: string, pages = '1 page') =>
  `Search: ${credits} credit${credits === 1 ? '' : 's'} charged for ${results} on ${pages} (Lusha bills prospecting ` +
  'per result returned). Nothing revealed: turn on Reveal Contact Details, or reveal chosen contacts with Enrich ' +
  'Prospected Contacts and their IDs, to get their details (Lusha charges per revealed email or phone number, ' +
  'nothing for data the account revealed before).';

describe('prospect_contacts: the search body', () => {
  it('sends every filter under the key and in the shape the reference documents, values checked against Lusha lists', async () => {
    const scope = serveLists(lusha(), Object.keys(LISTS) as Array<keyof typeof LISTS>);
    serveSearch(scope, 'contactLocations', 'berlin');
    serveSearch(scope, 'companyNames', 'acme');
    serveSearch(scope, 'companyLocations', 'germany');
    serveSearch(scope, 'technologies', 'salesforce');
    // sub-industries come from the same list as industries, cached under their own key
    scope
      .get('/v3/companies/prospecting/filters/industriesLabels')
      .once()
      .reply(200, {
        values: [
          {
            main_industry: 'Technology, Information & Media',
            main_industry_id: 4,
            sub_industries: [{ value: 'Software Development', id: 101 }],
          },
        ],
      });
    scope
      .post('/v3/contacts/prospecting', {
        pagination: { page: 0, size: 20 },
        filters: {
          contacts: {
            include: {
              jobTitles: ['VP Sales', 'Head of Sales, EMEA'],
              departments: ['Sales'],
              seniorityIds: [8, 6],
              countries: ['DE', 'US'],
              locations: SEARCHES.contactLocations.berlin,
              existingDataPoints: ['work_email', 'mobile_phone'],
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
              locations: SEARCHES.companyLocations.germany,
              technologies: ['Salesforce'],
              intentTopics: ['Digital Sales'],
              sicCodes: ['7372'],
              naicsCodes: ['511210'],
            },
            exclude: { domains: ['competitor.io'] },
          },
        },
      })
      .reply(200, page('req-1', 0, 2, [found(1), found(2, { canReveal: [{ field: 'emails', credits: 0 }] })]));

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
      ...onePage('req-1', 2),
      pagingNote: '2 contacts from page 0 (20 per page) of 2 matching.',
      revealed: false,
      creditsCharged: 1,
      creditsNote: SEARCH_ONLY(1, '2 contacts'),
      contacts: [unrevealed(1, 'req-1'), unrevealed(2, 'req-1', { previouslyRevealed: true })],
    });
  });

  it('sends the page and page size asked for, and says where more results are', async () => {
    const scope = serveLists(lusha(), ['departments'])
      .post('/v3/contacts/prospecting', {
        pagination: { page: 3, size: 10 },
        filters: { contacts: { include: { departments: ['Sales'] } } },
      })
      .reply(200, page('req-3', 3, 95, [found(31)]));
    const output = await run({ departments: 'Sales', page: '3', page_size: 10 });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ page: 3, pageSize: 10, nextPage: null, resultCount: 1 });

    const second = serveLists(lusha(), ['departments'])
      .post('/v3/contacts/prospecting', {
        pagination: { page: 0, size: 10 },
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
      .post('/v3/contacts/prospecting', { pagination: { page: 0, size: 50 }, filters: filterBody })
      .reply(200, page('req-a', 0, 500, results(0, 50)))
      .post('/v3/contacts/prospecting', { pagination: { page: 1, size: 50 }, filters: filterBody })
      .reply(200, page('req-b', 1, 500, results(50, 50)))
      .post('/v3/contacts/prospecting', { pagination: { page: 2, size: 50 }, filters: filterBody })
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
      creditsCharged: 3,
      creditsNote: SEARCH_ONLY(3, '120 contacts', '3 pages'),
    });
  });

  it('stops at the last page: up to 200 of 70 takes 2 requests', async () => {
    const scope = lusha()
      .post('/v3/contacts/prospecting', { pagination: { page: 0, size: 50 }, filters: filterBody })
      .reply(200, page('req-a', 0, 70, results(0, 50)))
      .post('/v3/contacts/prospecting', { pagination: { page: 1, size: 50 }, filters: filterBody })
      .reply(200, page('req-b', 1, 70, results(50, 20)));
    const output = await run({ job_titles: ['CTO'], max_results: '200' });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ resultCount: 70, pagesFetched: 2, nextPage: null });
  });

  it('asks for one page of N when N is 50 or less', async () => {
    const scope = lusha()
      .post('/v3/contacts/prospecting', { pagination: { page: 0, size: 30 }, filters: filterBody })
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
        .post('/v3/contacts/prospecting', { pagination: { page: 0, size: 50 }, filters: filterBody })
        .reply(200, slowPage('req-a', 0))
        .post('/v3/contacts/prospecting', { pagination: { page: 1, size: 50 }, filters: filterBody })
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
  it('reveals the page by its ids only when asked, and reports what Lusha billed for the search and the reveal', async () => {
    const scope = serveLists(lusha(), ['departments'])
      .post('/v3/contacts/prospecting', {
        pagination: { page: 0, size: 20 },
        filters: { contacts: { include: { departments: ['Sales'] } } },
      })
      .reply(200, page('req-1', 0, 3, [found(1), found(2), found(3)]))
      .post('/v3/contacts/enrich', { ids: ['1001', '1002', '1003'] })
      .reply(200, {
        requestId: 'enrich-1',
        results: [
          {
            id: '1001',
            firstName: 'Maya',
            lastName: 'Goldberg',
            fullName: 'Maya Goldberg',
            jobTitle: { title: 'VP of Sales', departments: ['Sales'], seniority: 'Vice President' },
            emails: [
              { email: 'maya@northwind-analytics.com', type: 'work', confidence: 'A+' },
              { email: 'maya@gmail.com', type: 'personal', confidence: 'A' },
            ],
            phones: [{ number: '+1 617-555-0142', type: 'mobile', doNotCall: false }],
            location: { city: 'Boston', country: 'United States', countryIso2: 'US', continent: 'North America' },
            socialLinks: { linkedin: 'https://www.linkedin.com/in/maya-goldberg' },
            company: { id: '33222678', name: 'Northwind Analytics', domain: 'www.northwind-analytics.com' },
          },
          { id: '1002', firstName: 'Person', lastName: '2', emails: [], phones: [] },
          { id: '1003', error: { code: 'NOT_FOUND', message: 'Contact not found' } },
        ],
        billing: { creditsCharged: 6, resultsReturned: 2 },
      });

    const output = await run({ departments: ['Sales'], reveal: 'true' });

    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({
      revealed: true,
      creditsCharged: 7,
      creditsNote:
        'Search: 1 credit charged for 3 contacts on 1 page (Lusha bills prospecting per result returned). Revealed 2 ' +
        'of 3 contacts: 6 credits charged (Lusha charges per revealed email or phone number, nothing for data the ' +
        'account revealed before).',
    });
    const [first, second, third] = output.contacts as Record<string, unknown>[];
    expect(first).toEqual(
      unrevealed(1, 'req-1', {
        id: '1001',
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
        linkedinUrl: 'https://www.linkedin.com/in/maya-goldberg',
        countryCode: 'US',
        continent: 'North America',
        revealed: true,
        creditCharged: true,
      }),
    );
    expect(second).toEqual(unrevealed(2, 'req-1', { revealed: true, creditCharged: true }));
    expect(third).toEqual(
      unrevealed(3, 'req-1', {
        creditCharged: false,
        revealNote: "Lusha revealed nothing for this ID (Contact not found): it may not be one of Lusha's contacts",
      }),
    );
  });

  it('keeps the pages already fetched and revealed (both billed) when a later page cannot be searched', async () => {
    const filterBody = { contacts: { include: { jobTitles: ['CTO'] } } };
    const results = Array.from({ length: 50 }, (_, i) => found(i));
    const ids = results.map((r) => r.id);
    const scope = lusha()
      .post('/v3/contacts/prospecting', { pagination: { page: 0, size: 50 }, filters: filterBody })
      .reply(200, page('req-a', 0, 500, results, 2))
      .post('/v3/contacts/enrich', { ids })
      .reply(200, {
        results: ids.map((id) => ({ id, fullName: id, emails: [{ email: `${id}@acme.com`, type: 'work' }] })),
        billing: { creditsCharged: 50, resultsReturned: 50 },
      })
      .post('/v3/contacts/prospecting', { pagination: { page: 1, size: 50 }, filters: filterBody })
      .reply(429, { statusCode: 429, message: 'Too many requests' }, { 'Retry-After': '30' });

    const output = await run({ job_titles: ['CTO'], max_results: 120, reveal: true });

    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({
      resultCount: 50,
      pagesFetched: 1,
      nextPage: 1,
      stoppedForTime: false,
      creditsCharged: 52,
      pagingNote:
        '50 contacts from page 0 (50 per page) of 500 matching. Stopped at Page 1: Lusha rate limit reached ' +
        '(POST /v3/contacts/prospecting, HTTP 429): Too many requests. Continue from Page 1.',
    });
    expect((output.contacts as Record<string, unknown>[]).every((contact) => contact.revealed === true)).toBe(true);
  });

  it('keeps the billed first page without reveal too when a later page cannot be searched', async () => {
    const filterBody = { contacts: { include: { jobTitles: ['CTO'] } } };
    const scope = lusha()
      .post('/v3/contacts/prospecting', { pagination: { page: 0, size: 50 }, filters: filterBody })
      .reply(
        200,
        page(
          'req-a',
          0,
          500,
          Array.from({ length: 50 }, (_, i) => found(i)),
          2,
        ),
      )
      .post('/v3/contacts/prospecting', { pagination: { page: 1, size: 50 }, filters: filterBody })
      .reply(429, { statusCode: 429, message: 'Too many requests' }, { 'Retry-After': '30' });
    const output = await run({ job_titles: ['CTO'], max_results: 120 });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ resultCount: 50, pagesFetched: 1, nextPage: 1, creditsCharged: 2 });
    expect(output.pagingNote).toMatch(/Stopped at Page 1: Lusha rate limit reached/);
  });

  it('fails with the mapped error when the first page cannot be searched', async () => {
    lusha()
      .post('/v3/contacts/prospecting')
      .reply(429, { statusCode: 429, message: 'Too many requests' }, { 'Retry-After': '30' });
    const error = await expectStepError(run({ job_titles: ['CTO'], max_results: 120 }));
    expect(error).toMatchObject({ name: 'ThrottledError', delay: 30 });
  });

  it('returns the billed search when the reveal fails for lack of credits, each row saying why', async () => {
    const scope = serveLists(lusha(), ['departments'])
      .post('/v3/contacts/prospecting')
      .reply(200, page('req-1', 0, 1, [found(1)]))
      .post('/v3/contacts/enrich')
      .reply(402, { statusCode: 402, message: 'Insufficient credits' });
    const output = await run({ departments: ['Sales'], reveal: true });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ creditsCharged: 1, resultCount: 1 });
    const [row] = output.contacts as Record<string, unknown>[];
    expect(row).toMatchObject({ revealed: false, creditCharged: false });
    expect(row!.revealNote).toMatch(
      /^Not revealed: The Lusha account has no credits left \(POST \/v3\/contacts\/enrich, HTTP 402\)/,
    );
  });

  it('fails with the reason when the reveal fails and Lusha billed nothing for the search', async () => {
    serveLists(lusha(), ['departments'])
      .post('/v3/contacts/prospecting')
      .reply(200, page('req-1', 0, 1, [found(1)], 0))
      .post('/v3/contacts/enrich')
      .reply(402, { statusCode: 402, message: 'Insufficient credits' });
    await expectHalt(run({ departments: ['Sales'], reveal: true }), noCreditsLeft('POST /v3/contacts/enrich'));
  });
});

describe('prospect_contacts: bad input is refused before any call', () => {
  // Only the free value lists are served: a search would fail the test with a different error.
  it('refuses an empty filter set (exclusions alone do not count)', async () => {
    const scope = serveLists(lusha(), ['departments']);
    await expectRefusal(
      run({ exclude_departments: ['Sales'], contact_location_search: 'berlin' }),
      STEP,
      'Set at least one filter (for example Job Titles, Departments, Industries or Company Locations): a search without filters would list all of Lusha.',
    );
    expect(scope.isDone()).toBe(true);
  });

  it('reports every paging problem at once', async () => {
    await expectRefusal(
      run({ job_titles: ['CTO'], page_size: 5, page: 1001, reveal: 'maybe' }),
      STEP,
      'Page Size must be a whole number from 10 to 50 (got "5").',
      'Page must be a whole number from 0 to 1000 (got "1001").',
      'Reveal Contact Details must be yes or no (got "maybe").',
    );
  });

  it('refuses Up to N Results above 500, or with a page size', async () => {
    await expectRefusal(
      run({ job_titles: ['CTO'], max_results: 501 }),
      STEP,
      'Up to N Results must be a whole number from 1 to 500 (got "501").',
    );
    await expectRefusal(
      run({ job_titles: ['CTO'], max_results: 100, page_size: 50 }),
      STEP,
      'Use either Up to N Results or Page Size, not both: Up to N Results chooses the page size itself.',
    );
  });

  it('refuses a domain that is not one', async () => {
    await expectRefusal(
      run({ company_domains: ['acme.com', 'not a domain'] }),
      STEP,
      'Company Domains "not a domain" is not a domain (expected something like acme.com).',
    );
  });
});

describe("prospect_contacts: values outside Lusha's lists", () => {
  it('checks every value against the lists (unbilled) and reports all bad ones before searching', async () => {
    const scope = serveLists(lusha(), ['departments', 'seniority', 'sizes']);
    serveSearch(scope, 'contactLocations', 'atlantis', []);
    serveSearch(scope, 'contactLocations', 'springfield', [
      {
        continent: 'North America',
        country: 'United States',
        state: 'Illinois',
        city: 'Springfield',
        countryGrouping: 'NA',
      },
      {
        continent: 'North America',
        country: 'United States',
        state: 'Massachusetts',
        city: 'Springfield',
        countryGrouping: 'NA',
      },
    ]);
    await expectRefusal(
      run({
        departments: ['Sales', 'Astrology'],
        seniority: ['12'],
        company_sizes: ['50-100'],
        contact_locations: ['Atlantis', 'Springfield'],
      }),
      STEP,
      `Departments: "Astrology" is not in Lusha's list of department values (Lusha's list: Business Development, Engineering & Technical, Marketing, Sales).`,
      `Seniority: "12" is not in Lusha's list of seniority values (Lusha's list: Founder, C-Suite, VP, Director).`,
      `Contact Locations: "Atlantis" is not in Lusha's list of contact location values; choose one from the dropdown.`,
      'Contact Locations: "Springfield" matches several contact location entries in Lusha ("Springfield, Illinois, United States", ' +
        '"Springfield, Massachusetts, United States"); choose one from the dropdown.',
      `Company Sizes: "50-100" is not in Lusha's list of company size values (Lusha's list: 1–10 employees, 51–200 employees, 201–500 employees, 10,001+ employees).`,
    );
    expect(scope.isDone()).toBe(true);
  });
});

describe('prospect_contacts: Lusha errors', () => {
  it("quotes Lusha's validation message", async () => {
    serveLists(lusha(), ['departments'])
      .post('/v3/contacts/prospecting')
      .reply(400, { statusCode: 400, message: ['pagination.size must not be greater than 100'] });
    await expectHalt(
      run({ departments: ['Sales'] }),
      rejected('POST /v3/contacts/prospecting', 'pagination.size must not be greater than 100'),
    );
  });
});
