/**
 * The flat person and company records: the same output whichever documented wire shape
 * Lusha sent, the best-email/best-phone rules, and output fields that label every key.
 */
import type * as Values from '../../../src/shared/values';
import {
  BulkCompanyResponseSchema,
  BulkPersonResponseSchema,
  CompanyResponseSchema,
  PersonResponseSchema,
  ProspectContactEnrichSchema,
} from '../../../src/lusha/schemas';
import { companyOutputFields, companySample, toCompanyRecord } from '../../../src/companies/record';
import { personOutputFields, personSample, toPersonRecord } from '../../../src/people/record';
import type { OutputField } from '../../../src/zapier/fields';

// The spec's GET /v2/person example: emails as address/type, camelCase location, nested company.
const specSingle = PersonResponseSchema.parse({
  contact: {
    error: null,
    isCreditCharged: true,
    data: {
      companyId: 33222678,
      firstName: 'Dustin',
      lastName: 'Moskovitz',
      fullName: 'Dustin Moskovitz',
      emailAddresses: [
        { address: 'dustin.m@gmail.com', type: 'private', emailConfidence: 'A+', updateDate: '2024-01-15' },
        { address: 'dustin@lusha.com', type: 'work', emailConfidence: 'B', updateDate: '2024-01-15' },
        { address: 'd.moskovitz@lusha.com', type: 'work', emailConfidence: 'A', updateDate: '2024-01-10' },
      ],
      phoneNumbers: [
        { number: '+1-555-000-0001', phoneType: 'Direct', doNotCall: false },
        { number: '+1-555-123-4567', phoneType: 'Mobile', doNotCall: true },
        { number: '+1-555-000-0002', phoneType: 'Mobile', doNotCall: false },
      ],
      location: {
        country: 'United States',
        countryIso2: 'US',
        continent: 'North America',
        city: 'Boston',
        state: 'Massachusetts',
        stateCode: 'MA',
        isEuContact: false,
      },
      jobTitle: { seniority: 'Executive', title: 'CEO', departments: ['Executive'] },
      socialLinks: { linkedin: 'https://www.linkedin.com/in/dustin/', xUrl: 'https://twitter.com/dustin' },
      jobStartDate: '2020-01-01',
      personId: 123456,
      company: {
        name: 'Lusha',
        domains: { homepage: 'https://www.lusha.com', email: 'lusha.com' },
        fqdn: 'lusha.com',
        location: { country: 'United States', countryIso2: 'us', city: 'Boston', state: 'Massachusetts' },
        companySize: [201, 500],
        revenueRange: [10000000, 50000000],
        social: { linkedin: 'https://linkedin.com/company/lusha', crunchbase: 'https://crunchbase.com/company/lusha' },
        mainIndustry: 'Technology, Information & Media',
      },
    },
  },
});

// The bulk shape: email/emailType, snake_case location, the company in a separate map.
const bulk = BulkPersonResponseSchema.parse({
  contacts: {
    row1: {
      error: null,
      isCreditCharged: false,
      data: {
        firstName: 'Jane',
        lastName: 'Smith',
        companyId: 1586,
        emailAddresses: [
          { email: 'jane@amazon.com', emailType: 'work', emailConfidence: 'A+', updateDate: '2025-11-17' },
        ],
        phoneNumbers: [],
        personId: '3965070011',
        location: { country: 'Germany', country_iso2: 'de', continent: 'Europe', is_eu_contact: true, city: 'Berlin' },
        jobTitle: { title: 'Solutions Engineer', departments: ['Engineering & Technical'], seniority: 'Non-Manager' },
      },
    },
  },
  companies: {
    '1586': {
      name: 'Amazon',
      domains: { homepage: 'amazon.com', email: 'amazon.com' },
      homepageUrl: 'https://amazon.com',
      fqdn: 'www.amazon.com',
      companySize: [100001, 10000000],
      funding: {
        rounds: [
          { currency: 'USD', roundAmount: 205000000, roundType: 'Private Equity Round', roundDate: 'Nov 10, 2021' },
        ],
        totalRounds: 1,
        totalRoundsAmount: 205000000,
        currency: 'USD',
        isIpo: false,
      },
    },
  },
});

describe('toPersonRecord', () => {
  it('maps the spec single-contact shape, picking the best email and phone', () => {
    const record = toPersonRecord(specSingle.contact.data!, { creditCharged: specSingle.contact.isCreditCharged });
    expect(record).toMatchObject({
      id: '123456',
      fullName: 'Dustin Moskovitz',
      email: 'd.moskovitz@lusha.com', // work before private, then A before B
      emailType: 'work',
      emailConfidence: 'A',
      phone: '+1-555-000-0002', // not do-not-call first, then mobile before direct
      phoneType: 'mobile',
      phoneDoNotCall: false,
      jobTitle: 'CEO',
      seniority: 'Executive',
      departments: ['Executive'],
      linkedinUrl: 'https://www.linkedin.com/in/dustin/',
      twitterUrl: 'https://twitter.com/dustin',
      city: 'Boston',
      countryCode: 'US',
      isEuContact: false,
      companyId: '33222678',
      companyName: 'Lusha',
      companyDomain: 'lusha.com',
      companyWebsite: 'https://www.lusha.com',
      companyEmployees: '201-500',
      companyEmployeesMin: 201,
      companyEmployeesMax: 500,
      companyRevenueMin: 10000000,
      companyLinkedinUrl: 'https://linkedin.com/company/lusha',
      companyCountryCode: 'US',
      creditCharged: true,
    });
    expect(record.emails.map((e) => e.email)).toEqual([
      'dustin.m@gmail.com',
      'dustin@lusha.com',
      'd.moskovitz@lusha.com',
    ]);
    expect(record.phones).toHaveLength(3);
  });

  it('maps the bulk shape, taking the company from the companies map', () => {
    const result = bulk.contacts.row1!;
    const record = toPersonRecord(result.data!, {
      company: bulk.companies?.[result.data!.companyId!],
      creditCharged: result.isCreditCharged,
    });
    expect(record).toMatchObject({
      id: '3965070011',
      fullName: 'Jane Smith',
      email: 'jane@amazon.com',
      phone: null,
      phones: [],
      countryCode: 'DE',
      isEuContact: true,
      companyId: '1586',
      companyName: 'Amazon',
      companyDomain: 'amazon.com',
      companyWebsite: 'https://amazon.com',
      creditCharged: false,
    });
  });

  it('maps a revealed prospect (job title as a string, seniority as a list)', () => {
    const enrich = ProspectContactEnrichSchema.parse({
      requestId: 'r1',
      contacts: [
        {
          id: 'c1',
          isSuccess: true,
          data: {
            firstName: 'Li',
            lastName: 'Wei',
            jobTitle: 'Head of Growth',
            departments: ['Marketing'],
            seniority: [{ id: 6, name: 'Director' }],
            companyName: 'Acme',
            emailAddresses: [{ email: 'li@acme.io', emailType: 'work' }],
          },
        },
      ],
    });
    expect(toPersonRecord(enrich.contacts[0]!.data!)).toMatchObject({
      fullName: 'Li Wei',
      jobTitle: 'Head of Growth',
      seniority: 'Director',
      departments: ['Marketing'],
      companyName: 'Acme',
      email: 'li@acme.io',
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
  it('maps the single-company shape (social links as {url}, size as an object)', () => {
    const single = CompanyResponseSchema.parse({
      data: {
        id: 33222678,
        name: 'Lusha',
        domain: 'lusha.com',
        employees: '201 - 500',
        founded: 2016,
        companySize: { min: 201, max: 500, employeesInLinkedin: 320 },
        revenueRange: [10000000, 50000000],
        social: {
          linkedin: { url: 'https://linkedin.com/company/lusha' },
          crunchbase: { url: 'https://crunchbase.com/lusha' },
        },
        location: { city: 'Boston', country: 'United States', countryIso2: 'US', state: 'Massachusetts' },
        technologies: [{ name: 'salesforce' }, { name: 'hubspot' }],
        specialities: ['sales intelligence'],
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
      },
    });
    expect(toCompanyRecord(single.data)).toMatchObject({
      id: '33222678',
      name: 'Lusha',
      domain: 'lusha.com',
      website: 'https://lusha.com',
      foundedYear: '2016',
      employees: '201-500',
      employeesMin: 201,
      employeesMax: 500,
      revenueMax: 50000000,
      linkedinUrl: 'https://linkedin.com/company/lusha',
      crunchbaseUrl: 'https://crunchbase.com/lusha',
      technologies: ['salesforce', 'hubspot'],
      sicCodes: ['7372'],
      naicsCodes: ['511210'],
      lastFundingType: 'Series A',
      lastFundingAmount: 1000000,
      lastFundingDate: '2020-01-01',
      fundingRounds: 2,
    });
  });

  it('maps the bulk-company shape (flat location and links, lushaCompanyId)', () => {
    const map = BulkCompanyResponseSchema.parse({
      mine: {
        lushaCompanyId: '1586',
        name: 'Amazon',
        fqdn: 'www.amazon.com',
        companySize: [100001, 10000000],
        city: 'Seattle',
        country: 'United States',
        countryIso2: 'US',
        linkedin: 'https://www.linkedin.com/company/amazon',
      },
    });
    expect(toCompanyRecord(map.mine)).toMatchObject({
      id: '1586',
      name: 'Amazon',
      domain: 'amazon.com',
      website: 'https://www.amazon.com',
      city: 'Seattle',
      countryCode: 'US',
      linkedinUrl: 'https://www.linkedin.com/company/amazon',
      employees: '100001-10000000',
    });
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
