/**
 * Find Company: by domain, name or Lusha company ID; a 404 is "no match"; input rejected
 * before any paid call; Lusha's errors through the one error map.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { useNock } from '../../support/nock';
import { App, appTester, bundleWith, expectStepError, expectZapierError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const { operation } = App.searches.find_company!;
const perform = operation.perform as (z: ZObject, bundle: Bundle) => Promise<Array<Record<string, unknown>>>;
const findCompany = (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData));

/** GET /v2/company's answer: social links as {url}, size as an object, "201 - 500" employees. */
const northwind = {
  data: {
    id: 33222678,
    name: 'Northwind Analytics',
    description: 'Northwind Analytics builds revenue forecasting software for B2B sales teams.',
    domain: 'northwind-analytics.com',
    fqdn: 'www.northwind-analytics.com',
    employees: '201 - 500',
    founded: '2014',
    logoUrl: 'https://logo.lusha.com/northwind-analytics.png',
    companySize: { min: 201, max: 500, employeesInLinkedin: 312 },
    revenueRange: [10000000, 50000000],
    mainIndustry: 'Technology, Information & Media',
    subIndustry: 'Software Development',
    social: {
      linkedin: { url: 'https://www.linkedin.com/company/northwind-analytics' },
      crunchbase: { url: 'https://www.crunchbase.com/organization/northwind-analytics' },
    },
    location: {
      city: 'Boston',
      state: 'Massachusetts',
      country: 'United States',
      countryIso2: 'US',
      fullLocation: 'Boston, Massachusetts, United States',
    },
    website: 'https://www.northwind-analytics.com',
    specialities: ['revenue forecasting', 'sales analytics'],
    technologies: [{ name: 'Salesforce' }, { name: 'HubSpot' }],
    funding: {
      lastRoundType: 'Series B',
      lastRoundAmount: 42000000,
      lastRoundDate: '2025-03-18',
      totalRoundsAmount: 61500000,
      totalRounds: 3,
      currency: 'USD',
      isIpo: false,
    },
    industryPrimaryGroupDetails: {
      sicCodes: [{ sicCodes: 7372, description: 'Prepackaged Software' }],
      naicsCodes: [{ naicsCodes: 511210, description: 'Software Publishers' }],
    },
  },
  errors: {},
  meta: {},
};

const northwindRecord = {
  id: '33222678',
  name: 'Northwind Analytics',
  domain: 'northwind-analytics.com',
  website: 'https://www.northwind-analytics.com',
  description: 'Northwind Analytics builds revenue forecasting software for B2B sales teams.',
  foundedYear: '2014',
  logoUrl: 'https://logo.lusha.com/northwind-analytics.png',
  employees: '201-500',
  employeesMin: 201,
  employeesMax: 500,
  revenueMin: 10000000,
  revenueMax: 50000000,
  industry: 'Technology, Information & Media',
  subIndustry: 'Software Development',
  city: 'Boston',
  state: 'Massachusetts',
  country: 'United States',
  countryCode: 'US',
  linkedinUrl: 'https://www.linkedin.com/company/northwind-analytics',
  crunchbaseUrl: 'https://www.crunchbase.com/organization/northwind-analytics',
  technologies: ['Salesforce', 'HubSpot'],
  specialities: ['revenue forecasting', 'sales analytics'],
  sicCodes: ['7372'],
  naicsCodes: ['511210'],
  lastFundingType: 'Series B',
  lastFundingAmount: 42000000,
  lastFundingDate: '2025-03-18',
  fundingCurrency: 'USD',
  totalFundingAmount: 61500000,
  fundingRounds: 3,
  creditCharged: true,
};

describe('Find Company', () => {
  it('looks up by domain with one GET, sending the raw key, and returns one flat record', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .get('/v2/company')
      .query({ domain: 'northwind-analytics.com' })
      .reply(200, northwind);
    expect(await findCompany({ domain: 'https://www.Northwind-Analytics.com/pricing' })).toEqual([northwindRecord]);
    expect(scope.isDone()).toBe(true);
  });

  it('looks up by name (sent as `company`)', async () => {
    const scope = nock(LUSHA).get('/v2/company').query({ company: 'Northwind Analytics' }).reply(200, northwind);
    expect(await findCompany({ name: ' Northwind Analytics ' })).toEqual([northwindRecord]);
    expect(scope.isDone()).toBe(true);
  });

  it('looks up by Lusha company ID, with every identifier given', async () => {
    const scope = nock(LUSHA)
      .get('/v2/company')
      .query({ companyId: '33222678', domain: 'northwind-analytics.com', company: 'Northwind' })
      .reply(200, northwind);
    expect(await findCompany({ company_id: 33222678, domain: 'northwind-analytics.com', name: 'Northwind' })).toEqual([
      northwindRecord,
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('returns nothing when Lusha answers 404, so "find or create" can create', async () => {
    const scope = nock(LUSHA)
      .get('/v2/company')
      .query({ domain: 'nowhere.example' })
      .reply(404, { statusCode: 404, message: 'Resource not found' });
    expect(await findCompany({ domain: 'nowhere.example' })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('returns nothing when Lusha answers without data', async () => {
    nock(LUSHA).get('/v2/company').query(true).reply(200, { data: null, errors: {}, meta: {} });
    expect(await findCompany({ name: 'Nowhere' })).toEqual([]);
  });

  it.each([
    [
      'nothing to identify the company',
      { domain: '', name: '  ' },
      'Find Company cannot run with this input (no credits were spent):\n' +
        '- Nothing identifies the company: fill in Company Domain, Company Name or Lusha Company ID.',
    ],
    [
      'a malformed domain and ID',
      { domain: 'northwind', company_id: 'NW-1' },
      'Find Company cannot run with this input (no credits were spent):\n' +
        '- Company Domain "northwind" is not a domain (expected something like acme.com).\n' +
        '- Lusha Company ID "NW-1" is not a Lusha ID (expected digits only, e.g. 4183886134).',
    ],
  ])('halts on %s, sending nothing', async (_what, inputData, message) => {
    const scope = nock(LUSHA).get('/v2/company').query(true).reply(200, northwind);
    const error = await expectStepError(findCompany(inputData));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(message);
    expect(scope.isDone()).toBe(false);
  });

  it("maps Lusha's errors: 401 to ExpiredAuthError, 503 (after one retry) to ThrottledError", async () => {
    nock(LUSHA).get('/v2/company').query(true).reply(401, { statusCode: 401, message: 'Invalid API key' });
    expect((await expectZapierError(findCompany({ domain: 'northwind-analytics.com' }))).name).toBe('ExpiredAuthError');

    const scope = nock(LUSHA).get('/v2/company').query(true).times(2).reply(503, { message: 'Service unavailable' });
    expect(await expectZapierError(findCompany({ domain: 'northwind-analytics.com' }))).toMatchObject({
      name: 'ThrottledError',
      delay: 60,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('has a sample with every output field', () => {
    const outputFields = operation.outputFields as Array<{ key: string }>;
    expect(outputFields.map((field) => field.key).sort()).toEqual(Object.keys(operation.sample ?? {}).sort());
  });
});
