/**
 * Bulk Enrich Companies: the wire body under generated ids, Lusha's map keyed by those ids
 * (a miss is left out), a mixed list back in order, batches of 100, run-level errors.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { companySample } from '../../../src/companies/record';
import { useNock } from '../../support/nock';
import { App, appTester, bundleWith, expectStepError, expectZapierError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const { operation } = App.creates.enrich_companies!;
const perform = operation.perform as (
  z: ZObject,
  bundle: Bundle,
) => Promise<Record<string, unknown> & { rows: Array<Record<string, unknown>> }>;
const enrichCompanies = (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData));

/** A value of POST /v2/company's map: flat location and links, `lushaCompanyId`. */
const northwind = {
  id: 33222678,
  lushaCompanyId: '33222678',
  name: 'Northwind Analytics',
  fqdn: 'www.northwind-analytics.com',
  companySize: [201, 500],
  revenueRange: [10000000, 50000000],
  founded: '2014',
  description: 'Northwind Analytics builds revenue forecasting software for B2B sales teams.',
  logoUrl: 'https://logo.lusha.com/northwind-analytics.png',
  mainIndustry: 'Technology, Information & Media',
  subIndustry: 'Software Development',
  city: 'Boston',
  state: 'Massachusetts',
  country: 'United States',
  countryIso2: 'US',
  linkedin: 'https://www.linkedin.com/company/northwind-analytics',
  crunchbase: 'https://www.crunchbase.com/organization/northwind-analytics',
  specialities: ['revenue forecasting', 'sales analytics'],
  technologies: [{ name: 'Salesforce' }, { name: 'HubSpot' }],
  industryPrimaryGroupDetails: { sicCodes: [{ sicCodes: 7372 }], naicsCodes: [{ naicsCodes: 511210 }] },
  funding: {
    rounds: [{ roundType: 'Series B', roundAmount: 42000000, roundDate: 'Mar 18, 2025', currency: 'USD' }],
    totalRounds: 3,
    totalRoundsAmount: 61500000,
    currency: 'USD',
    isIpo: false,
  },
};

const northwindItem = {
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
  technologies: 'Salesforce, HubSpot',
  specialities: 'revenue forecasting, sales analytics',
  sicCodes: '7372',
  naicsCodes: '511210',
  lastFundingType: 'Series B',
  lastFundingAmount: 42000000,
  lastFundingDate: '2025-03-18', // Lusha's "Mar 18, 2025" as an ISO date
  fundingCurrency: 'USD',
  totalFundingAmount: 61500000,
  fundingRounds: 3,
  creditCharged: true,
};
const emptyItem = {
  ...Object.fromEntries(Object.keys(companySample).map((key) => [key, null])),
  // Lusha charged nothing for a row without a match.
  creditCharged: false,
};

describe('Bulk Enrich Companies', () => {
  it('sends each distinct company once under generated ids and returns every row, in order, with its status', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY } })
      .post('/v2/company', {
        companies: [
          { id: '1', domain: 'northwind-analytics.com' },
          { id: '2', name: 'Nowhere Ltd' },
          { id: '3', companyId: '33222678' },
        ],
      })
      // Lusha leaves out what it cannot find.
      .reply(200, { '1': northwind, '3': northwind });

    const output = await enrichCompanies({
      rows: [
        { reference: 'acct-1', domain: 'https://www.northwind-analytics.com/' },
        { reference: 'acct-2', name: 'Nowhere Ltd' },
        { reference: 'acct-3', domain: 'northwind' },
        { reference: 'acct-4', domain: 'NORTHWIND-ANALYTICS.COM' },
        { reference: 'acct-5', company_id: 33222678 },
      ],
    });

    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      total: 5,
      matched: 3,
      notFound: 1,
      invalid: 1,
      errors: 0,
      requests: 1,
      creditsCharged: 2,
      possiblyChargedRows: 0,
      summary: '5 rows: 3 matched, 1 not found, 1 invalid input, 0 errors. 1 request to Lusha, 2 credits charged.',
      rows: [
        {
          row: 1,
          reference: 'acct-1',
          status: 'matched',
          reason: null,
          duplicateOfRow: null,
          possiblyCharged: false,
          ...northwindItem,
        },
        {
          row: 2,
          reference: 'acct-2',
          status: 'not_found',
          reason: null,
          duplicateOfRow: null,
          possiblyCharged: false,
          ...emptyItem,
        },
        {
          row: 3,
          reference: 'acct-3',
          status: 'invalid_input',
          reason: 'Company Domain "northwind" is not a domain (expected something like acme.com)',
          duplicateOfRow: null,
          possiblyCharged: false,
          ...emptyItem,
        },
        {
          row: 4,
          reference: 'acct-4',
          status: 'matched',
          reason: null,
          duplicateOfRow: 1,
          possiblyCharged: false,
          ...northwindItem,
        },
        {
          row: 5,
          reference: 'acct-5',
          status: 'matched',
          reason: null,
          duplicateOfRow: null,
          possiblyCharged: false,
          ...northwindItem,
        },
      ],
    });
  });

  it('sends distinct companies in batches of at most 100', async () => {
    const sizes: number[] = [];
    const scope = nock(LUSHA)
      .post('/v2/company')
      .times(2)
      .reply(200, (_uri, body) => {
        const { companies } = body as { companies: Array<{ id: string }> };
        sizes.push(companies.length);
        return Object.fromEntries(companies.map((c) => [c.id, northwind]));
      });
    const output = await enrichCompanies({
      rows: Array.from({ length: 120 }, (_, i) => ({ domain: `company${i}.com` })),
    });
    expect(scope.isDone()).toBe(true);
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 20]);
    expect(output).toMatchObject({ total: 120, matched: 120, requests: 2, creditsCharged: 120 });
  });

  it('halts before any call when no row can be looked up', async () => {
    const scope = nock(LUSHA).post('/v2/company').reply(200, {});
    const error = await expectStepError(enrichCompanies({ rows: [{ reference: 'only a reference' }] }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(
      'Bulk Enrich Companies cannot run with this input (no credits were spent):\n' +
        '- Row 1: Nothing identifies the company: fill in Company Domain, Company Name or Lusha Company ID.',
    );
    expect(scope.isDone()).toBe(false);
  });

  it('fails as HaltedError when the account is out of credits for every request', async () => {
    nock(LUSHA).post('/v2/company').reply(402, { statusCode: 402, message: 'Insufficient credits' });
    const error = await expectZapierError(enrichCompanies({ rows: [{ domain: 'northwind-analytics.com' }] }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/no credits left.*Add credits/);
  });

  it('has line-item output fields for every key of its sample', () => {
    const fields = operation.outputFields as Array<{ key: string; children?: Array<{ key: string }> }>;
    const sample = operation.sample as Record<string, unknown> & { rows: Array<Record<string, unknown>> };
    expect(fields.map((field) => field.key).sort()).toEqual(Object.keys(sample).sort());
    const rowKeys = fields
      .find((field) => field.key === 'rows')!
      .children!.map((field) => field.key)
      .sort();
    for (const row of sample.rows) expect(Object.keys(row).sort()).toEqual(rowKeys);
  });
});
