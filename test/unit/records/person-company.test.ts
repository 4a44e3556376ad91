/**
 * The flat person and company records: the same output whichever documented wire shape
 * Lusha sent (V3 enrichment's, and the V2 spellings the records still read), the
 * best-email/best-phone rules, and output fields that label every key.
 */
import type * as Values from '../../../src/shared/values';
import { z } from 'zod';
import {
  CompanySchema,
  ContactSchema,
  V3CompaniesSearchAndEnrichSchema,
  V3ContactsSearchAndEnrichSchema,
} from '../../../src/lusha/schemas';
import { companyOutputFields, companySample, toCompanyRecord } from '../../../src/companies/record';
import { personOutputFields, personSample, toPersonRecord } from '../../../src/people/record';
import type { OutputField } from '../../../src/zapier/fields';
import { companyNotInV3, mayaContact } from '../../support/enrichment-fixtures';

/** The V2 prospecting reveal answers these records were first written for (their wrappers only). */
const ProspectContactEnrichSchema = z
  .object({ contacts: z.array(z.object({ data: ContactSchema.nullish() }).passthrough()) })
  .passthrough();
const ProspectCompanyEnrichSchema = z.object({ companies: z.array(CompanySchema) }).passthrough();

/** The data of the one contact of a V2 reveal answer, parsed. */
function revealedContact(data: Record<string, unknown>) {
  const answer = ProspectContactEnrichSchema.parse({
    requestId: 'r1',
    contacts: [{ id: 'c1', isSuccess: true, data }],
  });
  return answer.contacts[0]!.data!;
}

/** The one company of a V2 reveal answer, parsed. */
const revealedCompany = (company: Record<string, unknown>) =>
  ProspectCompanyEnrichSchema.parse({ requestId: 'r1', companies: [company] }).companies[0];

// A V3 search-and-enrich answer (V3EnrichedContact): emails as email/type/confidence, camelCase
// location, the company as a reference ({ id, name, domain, industry }).
const v3Contacts = V3ContactsSearchAndEnrichSchema.parse({
  requestId: '211ee5da-3c0d-4621-9fa5-140e393a3ced',
  results: [
    {
      clientReferenceId: 'ref-1',
      id: '123456',
      firstName: 'Dustin',
      lastName: 'Moskovitz',
      fullName: 'Dustin Moskovitz',
      jobTitle: { title: 'CEO', departments: ['Executive'], seniority: 'C-Suite' },
      location: { ...mayaContact.location, countryIso2: 'us' }, // in Boston too; the country code in lower case
      tags: [],
      emails: [
        { email: 'dustin.m@gmail.com', type: 'private', confidence: 'A+', updateDate: '2024-01-15' },
        { email: 'dustin@lusha.com', type: 'work', confidence: 'B', updateDate: '2024-01-15' },
        { email: 'd.moskovitz@lusha.com', type: 'work', confidence: 'A', updateDate: '2024-01-10' },
        { email: 'D.Moskovitz@lusha.com', type: 'work', confidence: 'A', updateDate: '2024-01-10' },
      ],
      phones: [
        { number: '+1-555-000-0001', type: 'direct', doNotCall: false, updateDate: '2024-01-15' },
        { number: '+1-555-123-4567', type: 'mobile', doNotCall: true },
        { number: '+1-555-000-0002', type: 'mobile', doNotCall: false },
        { number: '+1-555-000-0003', type: 'work', doNotCall: false },
      ],
      company: { id: '33222678', name: 'Lusha', domain: 'www.lusha.com', industry: 'Technology, Information & Media' },
      socialLinks: { linkedin: 'https://www.linkedin.com/in/dustin/', xUrl: 'https://twitter.com/dustin' },
      previousEmployment: [{ company: { name: 'Asana', domain: 'asana.com' }, jobTitle: { title: 'Founder' } }],
      updateDate: '2026-04-23',
    },
    { clientReferenceId: 'ref-2', error: { code: 'NOT_FOUND', message: 'Contact not found' } },
  ],
  billing: { creditsCharged: 3, resultsReturned: 1 },
});

describe('toPersonRecord', () => {
  it('maps a V3 enriched contact, picking the best email and phone', () => {
    const record = toPersonRecord(v3Contacts.results[0]!, { creditCharged: true });
    expect(record).toEqual({
      id: '123456',
      firstName: 'Dustin',
      lastName: 'Moskovitz',
      fullName: 'Dustin Moskovitz',
      email: 'd.moskovitz@lusha.com', // work before private, then A before B
      emailType: 'work',
      emailConfidence: 'A',
      // The same address in another case is listed once.
      emails: [
        { email: 'dustin.m@gmail.com', type: 'private', confidence: 'A+', updatedOn: '2024-01-15' },
        { email: 'dustin@lusha.com', type: 'work', confidence: 'B', updatedOn: '2024-01-15' },
        { email: 'd.moskovitz@lusha.com', type: 'work', confidence: 'A', updatedOn: '2024-01-10' },
      ],
      phone: '+1-555-000-0002', // not do-not-call first, then mobile before direct
      phoneType: 'mobile',
      phoneDoNotCall: false,
      phones: [
        { number: '+1-555-000-0001', type: 'direct', doNotCall: false, updatedOn: '2024-01-15' },
        { number: '+1-555-123-4567', type: 'mobile', doNotCall: true, updatedOn: null },
        { number: '+1-555-000-0002', type: 'mobile', doNotCall: false, updatedOn: null },
        { number: '+1-555-000-0003', type: 'work', doNotCall: false, updatedOn: null },
      ],
      jobTitle: 'CEO',
      seniority: 'C-Suite',
      departments: ['Executive'],
      jobStartDate: null,
      linkedinUrl: 'https://www.linkedin.com/in/dustin/',
      twitterUrl: 'https://twitter.com/dustin',
      city: 'Boston',
      state: 'Massachusetts',
      country: 'United States',
      countryCode: 'US',
      continent: 'North America',
      isEuContact: false,
      companyId: '33222678',
      companyName: 'Lusha',
      companyDomain: 'lusha.com',
      companyWebsite: 'https://www.lusha.com',
      companyIndustry: 'Technology, Information & Media',
      ...companyNotInV3,
      creditCharged: true,
    });
  });

  it("reads V3's seniority spelling as the outputs' label", () => {
    const [result] = V3ContactsSearchAndEnrichSchema.parse({
      results: [{ clientReferenceId: '1', id: '1', jobTitle: { title: 'VP Sales', seniority: 'Vice President' } }],
    }).results;
    expect(toPersonRecord(result!)).toMatchObject({ jobTitle: 'VP Sales', seniority: 'VP', creditCharged: null });
  });

  it('keeps the per-result error and the bill of a V3 answer apart from the records', () => {
    expect(v3Contacts.results[1]).toMatchObject({
      clientReferenceId: 'ref-2',
      error: { code: 'NOT_FOUND', message: 'Contact not found' },
    });
    expect(v3Contacts.billing).toEqual({ creditsCharged: 3, resultsReturned: 1 });
  });

  it('maps a revealed prospect (V2: email/emailType, snake_case location, a nested company)', () => {
    const data = revealedContact({
      firstName: 'Jane',
      lastName: 'Smith',
      fullName: 'Jane Smith',
      jobTitle: 'Solutions Engineer',
      departments: ['Engineering & Technical'],
      seniority: [{ id: 4, value: 'senior' }],
      companyId: 1586,
      companyName: 'Amazon',
      emailAddresses: [
        { email: 'jane@amazon.com', emailType: 'work', emailConfidence: 'A+', updateDate: '2025-11-17' },
      ],
      phoneNumbers: [],
      location: {
        country: 'Germany',
        country_iso2: 'de',
        continent: 'Europe',
        is_eu_contact: true,
        city: 'Berlin',
      },
      socialLinks: { linkedin: 'https://www.linkedin.com/in/jane-smith/' },
      company: {
        revenueRange: [10000000, 50000000],
        mainIndustry: 'Retail',
        subIndustry: 'E-commerce',
        technologies: [{ name: 'AWS' }],
      },
    });
    expect(toPersonRecord(data, { creditCharged: false })).toMatchObject({
      fullName: 'Jane Smith',
      jobTitle: 'Solutions Engineer',
      seniority: 'Senior',
      departments: ['Engineering & Technical'],
      email: 'jane@amazon.com',
      emailType: 'work',
      emailConfidence: 'A+',
      phone: null,
      phones: [],
      countryCode: 'DE',
      isEuContact: true,
      linkedinUrl: 'https://www.linkedin.com/in/jane-smith/',
      companyId: '1586',
      companyName: 'Amazon',
      companyIndustry: 'Retail',
      companySubIndustry: 'E-commerce',
      companyRevenueMin: 10000000,
      companyRevenueMax: 50000000,
      creditCharged: false,
    });
  });

  it('maps a revealed prospect (V2: emails as address/type, job title as a string, seniority as {name})', () => {
    const data = revealedContact({
      firstName: 'Li',
      lastName: 'Wei',
      jobTitle: 'Head of Growth',
      departments: ['Marketing'],
      seniority: [{ id: 6, name: 'Director' }],
      companyName: 'Acme',
      emailAddresses: [
        { address: 'li.wei@gmail.com', type: 'private' },
        { address: 'li@acme.io', type: 'work' },
      ],
    });
    expect(toPersonRecord(data)).toMatchObject({
      fullName: 'Li Wei',
      jobTitle: 'Head of Growth',
      seniority: 'Director',
      departments: ['Marketing'],
      companyName: 'Acme',
      email: 'li@acme.io',
      emailType: 'work',
    });
  });

  it('keeps every key even when Lusha sent almost nothing', () => {
    const record = toPersonRecord({} as never);
    expect(Object.keys(record).sort()).toEqual(Object.keys(personSample).sort());
    expect(record.email).toBeNull();
    expect(record.emails).toEqual([]);
  });
});

describe('toCompanyRecord', () => {
  it('maps a V3 enriched company (employeeCount, yearFounded, industry, socialLinks, top-level codes)', () => {
    const answer = V3CompaniesSearchAndEnrichSchema.parse({
      requestId: '21fe0733-65d6-436a-8d0c-2c9ac6f263f8',
      results: [
        {
          clientReferenceId: 'comp-ref-1',
          id: '16303253',
          name: 'Lusha',
          alternativeName: 'lusha',
          domain: 'www.lusha.com',
          alternativeDomains: ['lusha.com'],
          description: 'Lusha is the leader in Sales Streaming.',
          companyType: 'Private Company',
          yearFounded: 2016,
          employeeCount: { exact: 364, min: 201, max: 500 },
          industry: 'Technology, Information & Media',
          subIndustry: 'Software Development',
          specialities: ['data enrichment', 'sales intelligence'],
          industryTags: ['saas', 'b2b'],
          sicCodes: [{ code: 7371, description: 'Custom computer programming services' }],
          naicsCodes: [{ code: 541511, description: 'Custom Computer Programming Services' }],
          emailDomain: 'lusha.com',
          location: {
            city: 'Boston',
            state: 'Massachusetts',
            stateCode: 'MA',
            country: 'United States',
            countryIso2: 'us',
            continent: 'North America',
            zipCode: '02199',
          },
          socialLinks: { linkedin: 'https://www.linkedin.com/company/lushadata', x: 'https://x.com/lusha' },
          linkedinFollowers: 64339,
          revenueRange: { min: 10000000, max: 50000000 },
          technologies: ['react', 'node.js', 'aws'],
          funding: {
            rounds: [{ roundType: 'Series B', roundAmount: 205000000, roundDate: 'Nov 10, 2021', currency: 'USD' }],
            totalRounds: 2,
            totalRoundsAmount: 245000000,
            currency: 'USD',
            isIpo: false,
          },
          logoUrl: 'https://logo.lusha.co/logo.jpg',
        },
        { clientReferenceId: 'comp-ref-2', error: { code: 'NOT_FOUND', message: 'Company not found' } },
      ],
      billing: { creditsCharged: 2, resultsReturned: 1 },
    });
    expect(toCompanyRecord(answer.results[0], null, { creditCharged: true })).toEqual({
      id: '16303253',
      name: 'Lusha',
      domain: 'lusha.com',
      website: 'https://www.lusha.com',
      description: 'Lusha is the leader in Sales Streaming.',
      foundedYear: '2016',
      logoUrl: 'https://logo.lusha.co/logo.jpg',
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
      linkedinUrl: 'https://www.linkedin.com/company/lushadata',
      crunchbaseUrl: null,
      technologies: ['react', 'node.js', 'aws'],
      specialities: ['data enrichment', 'sales intelligence'],
      sicCodes: ['7371'],
      naicsCodes: ['541511'],
      lastFundingType: 'Series B',
      lastFundingAmount: 205000000,
      lastFundingDate: '2021-11-10',
      fundingCurrency: 'USD',
      totalFundingAmount: 245000000,
      fundingRounds: 2,
      creditCharged: true,
    });
    expect(answer.results[1]?.error).toEqual({ code: 'NOT_FOUND', message: 'Company not found' });
  });

  it('maps a revealed prospect company (V2: flat location, size as an object, "x - y" employees)', () => {
    const company = revealedCompany({
      id: 1586,
      name: 'Amazon',
      companySize: { min: 100001, max: 10000000, employees_in_linkedin: 750000 },
      employees: '100001 - 10000000',
      revenueRange: [100000000, null],
      fqdn: 'www.amazon.com',
      domains: { homepage: 'amazon.com', email: 'amazon.com' },
      social: {
        linkedin: 'https://www.linkedin.com/company/amazon',
        crunchbase: 'https://www.crunchbase.com/organization/amazon',
      },
      city: 'Seattle',
      state: 'Washington',
      country: 'United States',
      countryIso2: 'US',
      mainIndustry: 'Retail',
      subIndustry: 'E-commerce',
      technologies: [{ name: 'AWS' }, { name: 'AWS' }],
      funding: {
        rounds: [
          { currency: 'USD', roundAmount: 205000000, roundType: 'Private Equity Round', roundDate: 'Nov 10, 2021' },
        ],
        totalRounds: 1,
        totalRoundsAmount: 205000000,
        currency: 'USD',
        isIpo: false,
      },
    });
    expect(toCompanyRecord(company)).toMatchObject({
      id: '1586',
      name: 'Amazon',
      domain: 'amazon.com',
      website: 'https://amazon.com',
      employees: '100001-10000000',
      employeesMin: 100001,
      employeesMax: 10000000,
      revenueMin: 100000000,
      revenueMax: null,
      city: 'Seattle',
      state: 'Washington',
      countryCode: 'US',
      linkedinUrl: 'https://www.linkedin.com/company/amazon',
      crunchbaseUrl: 'https://www.crunchbase.com/organization/amazon',
      industry: 'Retail',
      technologies: ['AWS'],
      lastFundingType: 'Private Equity Round',
      lastFundingDate: '2021-11-10',
      fundingRounds: 1,
      creditCharged: null,
    });
  });

  it('reads the older V2 spellings the company schema still accepts (links as {url}, lastFundingEvent*, grouped codes)', () => {
    const company = revealedCompany({
      id: 33222678,
      name: 'Lusha',
      domain: 'lusha.com',
      founded: 2016,
      social: {
        linkedin: { url: 'https://linkedin.com/company/lusha' },
        crunchbase: { url: 'https://crunchbase.com/lusha' },
      },
      location: { city: 'Boston', country: 'United States', countryIso2: 'US', state: 'Massachusetts' },
      industryPrimaryGroupDetails: {
        sicCodes: [{ sicCodes: 7372, description: 'Software' }],
        naicsCodes: [{ naics: 511210, description: 'Software Publishers' }],
      },
      funding: {
        lastFundingEventName: 'Series A',
        lastFundingEventAmount: 1000000,
        lastFundingEventDate: '2020-01-01',
        currency: 'USD',
        totalRounds: 2,
        isIpo: false,
      },
    });
    expect(toCompanyRecord(company)).toMatchObject({
      id: '33222678',
      domain: 'lusha.com',
      website: 'https://lusha.com',
      foundedYear: '2016',
      city: 'Boston',
      linkedinUrl: 'https://linkedin.com/company/lusha',
      crunchbaseUrl: 'https://crunchbase.com/lusha',
      sicCodes: ['7372'],
      naicsCodes: ['511210'],
      lastFundingType: 'Series A',
      lastFundingAmount: 1000000,
      lastFundingDate: '2020-01-01',
      fundingRounds: 2,
    });
  });

  it('keeps every key even when Lusha sent nothing, and uses the ID the lookup gave', () => {
    const record = toCompanyRecord(null, '42');
    expect(Object.keys(record).sort()).toEqual(Object.keys(companySample).sort());
    expect(record).toMatchObject({ id: '42', name: null, technologies: [], creditCharged: null });
  });
});

describe('output fields and samples', () => {
  const keysOf = (fields: OutputField[]) => fields.map((field) => field.key).sort();

  it.each([
    ['person', personOutputFields, personSample],
    ['company', companyOutputFields, companySample],
  ] as const)(
    'every %s record key has exactly one labelled output field, and the sample has every key',
    (_name, fields, sample) => {
      expect(keysOf(fields)).toEqual(Object.keys(sample).sort());
      for (const field of fields) expect(field.label).toMatch(/^[A-Z(]/);
    },
  );
});

describe('formatCount', () => {
  it('groups thousands without loading locale data', () => {
    const { formatCount } = jest.requireActual<typeof Values>('../../../src/shared/values');
    expect([0, 7, 999, 1000, 12345, 1000000, -4500, 1234.5].map(formatCount)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '12,345',
      '1,000,000',
      '-4,500',
      '1,234.5',
    ]);
  });
});
