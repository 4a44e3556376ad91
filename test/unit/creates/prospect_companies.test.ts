/**
 * Prospect Companies on Lusha V3: the company filters' body (POST /v3/companies/prospecting),
 * the same paging and reveal as contacts (POST /v3/companies/enrich by ids), credits as Lusha
 * billed them, and its error paths.
 */
import { prospectCompanyFields } from '../../../src/prospecting/records';
import { useNock } from '../../support/nock';
import { SEARCHES, serveLists, serveSearch } from '../../support/lusha-lists';
import { createStep, expectRefusal, lusha, onePage } from '../../support/creates-kit';
import { expectStepError } from '../../support/zapier';

useNock();

const STEP = 'Prospect Companies';
const run = createStep('prospect_companies');

/** A V3CompanyPreview. */
const company = (n: number) => ({
  id: String(1000 + n),
  name: `Company ${n}`,
  domain: `www.company${n}.com`,
  description: `Company ${n} makes things.`,
  logoUrl: `https://logo.lusha.com/${1000 + n}.png`,
  has: ['description', 'logoUrl'],
});
const page = (requestId: string, total: number, results: unknown[], credits = 1) => ({
  requestId,
  results,
  pagination: { page: 0, size: 20, total },
  billing: { creditsCharged: credits, resultsReturned: results.length },
});
const EMPTY_ITEM = Object.fromEntries(prospectCompanyFields.map((field) => [field.key, null]));
const unrevealed = (n: number, requestId: string, extra: Record<string, unknown> = {}) => ({
  ...EMPTY_ITEM,
  requestId,
  id: String(1000 + n),
  name: `Company ${n}`,
  domain: `company${n}.com`,
  website: `https://www.company${n}.com`,
  description: `Company ${n} makes things.`,
  logoUrl: `https://logo.lusha.com/${1000 + n}.png`,
  revealed: false,
  ...extra,
});

describe('prospect_companies', () => {
  it('sends only company filters, and reports what Lusha billed for the search without reveal', async () => {
    const scope = serveLists(lusha(), ['industriesLabels', 'sizes']);
    serveSearch(scope, 'companyLocations', 'germany');
    serveSearch(scope, 'technologies', 'salesforce');
    scope
      .post('/v3/companies/prospecting', {
        pagination: { page: 0, size: 20 },
        filters: {
          companies: {
            include: {
              mainIndustriesIds: [4],
              sizes: [
                { min: 51, max: 200 },
                { min: 201, max: 500 },
              ],
              locations: SEARCHES.companyLocations.germany,
            },
            exclude: { technologies: ['Salesforce'] },
          },
        },
      })
      .reply(200, page('req-c', 2, [company(1), company(2)]));

    const output = await run({
      industries: 'Technology, Information & Media', // a mapped label is found by name
      company_sizes: ['51-200', '201–500 employees'],
      company_locations: ['Germany'],
      exclude_technologies: ['salesforce'],
      // a contact filter is not a field of this step: ignored
      departments: ['Sales'],
    });

    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      ...onePage('req-c', 2),
      pagingNote: '2 companies from page 0 (20 per page) of 2 matching.',
      revealed: false,
      creditsCharged: 1,
      creditsNote:
        'Search: 1 credit charged for 2 companies on 1 page (Lusha bills prospecting per result returned). Nothing ' +
        'revealed: turn on Reveal Company Details, or reveal chosen companies with Enrich Prospected Companies and ' +
        'their IDs, to get their details (Lusha charges each company it returns).',
      companies: [unrevealed(1, 'req-c'), unrevealed(2, 'req-c')],
    });
  });

  it('reveals by ids and reports what Lusha billed for the search and the reveal', async () => {
    const scope = serveLists(lusha(), ['intentTopics'])
      .post('/v3/companies/prospecting', {
        pagination: { page: 0, size: 20 },
        filters: { companies: { include: { intentTopics: ['Zero Trust'] } } },
      })
      .reply(200, page('req-c', 2, [company(1), company(2)]))
      .post('/v3/companies/enrich', { ids: ['1001', '1002'] })
      .reply(200, {
        requestId: 'enrich-c',
        billing: { creditsCharged: 1, resultsReturned: 1 },
        results: [
          {
            id: 1001,
            name: 'Company 1',
            companySize: { min: 51, max: 200, employees_in_linkedin: 140 },
            employees: '51 - 200',
            revenueRange: [10000000, 50000000],
            fqdn: 'www.company1.com',
            domains: { email: 'company1.com', homepage: 'company1.com' },
            mainIndustry: 'Technology, Information & Media',
            city: 'Berlin',
            country: 'Germany',
            countryIso2: 'DE',
            technologies: [{ name: 'Salesforce' }],
            specialities: ['widgets'],
          },
          { id: '1002', error: { code: 'NOT_FOUND', message: 'Company not found' } },
        ],
      });

    const output = await run({ intent_topics: ['Zero Trust'], reveal: true });

    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({
      revealed: true,
      creditsCharged: 2,
      creditsNote:
        'Search: 1 credit charged for 2 companies on 1 page (Lusha bills prospecting per result returned). Revealed 1 ' +
        'of 2 companies: 1 credit charged (Lusha charges each company it returns).',
    });
    const [first, second] = output.companies as Record<string, unknown>[];
    expect(first).toEqual(
      unrevealed(1, 'req-c', {
        domain: 'company1.com',
        website: 'https://company1.com', // the revealed homepage wins over the search's fqdn
        employees: '51-200',
        employeesMin: 51,
        employeesMax: 200,
        revenueMin: 10000000,
        revenueMax: 50000000,
        industry: 'Technology, Information & Media',
        city: 'Berlin',
        country: 'Germany',
        countryCode: 'DE',
        technologies: 'Salesforce',
        specialities: 'widgets',
        revealed: true,
        creditCharged: true,
      }),
    );
    expect(second).toEqual(
      unrevealed(2, 'req-c', {
        creditCharged: false,
        revealNote: "Lusha revealed nothing for this ID (Company not found): it may not be one of Lusha's companies",
      }),
    );
  });

  it('refuses an empty filter set and bad values before any call', async () => {
    const empty = await expectStepError(run({ page_size: 20 }));
    expect(empty.name).toBe('HaltedError');
    expect(empty.message).toMatch(
      /^Prospect Companies cannot run with this input \(no credits were spent\):\n- Set at least one filter/,
    );

    const scope = serveLists(lusha(), ['naics']);
    await expectRefusal(
      run({ naics_codes: ['511210', '999999'] }),
      STEP,
      `NAICS Codes: "999999" is not in Lusha's list of naics code values (Lusha's list: 11: Agriculture, Forestry, Fishing and Hunting, 511210: Software Publishers).`,
    );
    expect(scope.isDone()).toBe(true);
  });

  it('refuses more values than it can look up in Lusha in one step, before any call', async () => {
    // Found by the hostile-input properties: 3,000 mapped company names were each looked up
    // (one call per value) until the run's deadline, then failed as "unavailable", on every retry.
    const names = Array.from({ length: 20 }, (_, i) => `Company ${i}`);
    const technologies = Array.from({ length: 6 }, (_, i) => `Tech ${i}`);
    await expectRefusal(
      run({ company_names: names, exclude_technologies: technologies }),
      STEP,
      'Company Names, Exclude Technologies hold 26 values together; at most 25 per step, since Lusha checks each one ' +
        'before the search: keep the ones you need, or split the search.',
    );
  });
});
