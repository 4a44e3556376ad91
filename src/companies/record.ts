/**
 * The flat company record every operation outputs for a company, whatever wire shape
 * Lusha sent (single lookup `data`, bulk value, prospecting result, a contact's nested
 * company; V3's `employeeCount`, `industry`, `yearFounded`, `socialLinks`, top-level SIC and
 * NAICS codes, or V2's spellings), so a Zap's field mappings survive API changes (V2 → V3).
 */
import type { Company } from '../lusha/schemas';
import { domainOf, firstText, rangeOf, socialUrl, toIsoDate, uniqueTexts, websiteOf } from '../shared/values';
import type { OutputField } from '../zapier/fields';

export interface CompanyRecord {
  id: string | null;
  name: string | null;
  domain: string | null;
  website: string | null;
  description: string | null;
  foundedYear: string | null;
  logoUrl: string | null;
  /** "201-500" */
  employees: string | null;
  employeesMin: number | null;
  employeesMax: number | null;
  revenueMin: number | null;
  revenueMax: number | null;
  industry: string | null;
  subIndustry: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  countryCode: string | null;
  linkedinUrl: string | null;
  crunchbaseUrl: string | null;
  technologies: string[];
  specialities: string[];
  sicCodes: string[];
  naicsCodes: string[];
  lastFundingType: string | null;
  lastFundingAmount: number | null;
  lastFundingDate: string | null;
  fundingCurrency: string | null;
  totalFundingAmount: number | null;
  fundingRounds: number | null;
  /** Whether Lusha charged a credit for this record (null when the operation cannot tell). */
  creditCharged: boolean | null;
}

function codesOf(list: unknown[] | null | undefined, keys: string[]): string[] {
  return uniqueTexts(
    (list ?? []).map((entry) =>
      entry !== null && typeof entry === 'object'
        ? firstText(...keys.map((key) => (entry as Record<string, unknown>)[key]))
        : firstText(entry),
    ),
  );
}

export interface CompanyRecordOptions {
  creditCharged?: boolean | null;
}

export function toCompanyRecord(
  company: Company | null | undefined,
  fallbackId?: string | null,
  options: CompanyRecordOptions = {},
): CompanyRecord {
  const c: Partial<Company> = company ?? {};
  const employees = c.employeeCount ? rangeOf(c.employeeCount) : rangeOf(c.companySize);
  const revenue = rangeOf(c.revenueRange);
  const funding = c.funding ?? undefined;
  const lastRound = funding?.rounds?.[0];
  const employeesText =
    firstText(c.employees)?.replace(/\s*-\s*/, '-') ??
    (employees.min !== null || employees.max !== null ? `${employees.min ?? ''}-${employees.max ?? ''}` : null);
  return {
    id: firstText(c.id, c.companyId, c.lushaCompanyId, fallbackId),
    name: firstText(c.name),
    domain: domainOf(c.domain, c.domains?.email, c.fqdn, c.emailDomain, c.domains?.homepage, c.website, c.homepageUrl),
    website: websiteOf(c.website, c.homepageUrl, c.domains?.homepage, c.fqdn, c.domain),
    description: firstText(c.description),
    foundedYear: firstText(c.yearFounded, c.founded),
    logoUrl: firstText(c.logoUrl),
    employees: employeesText,
    employeesMin: employees.min,
    employeesMax: employees.max,
    revenueMin: revenue.min,
    revenueMax: revenue.max,
    industry: firstText(c.industry, c.mainIndustry),
    subIndustry: firstText(c.subIndustry),
    city: firstText(c.location?.city, c.city),
    state: firstText(c.location?.state, c.state),
    country: firstText(c.location?.country, c.country),
    countryCode: firstText(c.location?.countryIso2, c.countryIso2)?.toUpperCase() ?? null,
    linkedinUrl: socialUrl(c.socialLinks?.linkedin) ?? socialUrl(c.social?.linkedin) ?? firstText(c.linkedin),
    crunchbaseUrl: socialUrl(c.socialLinks?.crunchbase) ?? socialUrl(c.social?.crunchbase) ?? firstText(c.crunchbase),
    technologies: uniqueTexts((c.technologies ?? []).map((t) => (typeof t === 'string' ? t : t.name))),
    specialities: uniqueTexts(c.specialities ?? []),
    sicCodes: codesOf(c.sicCodes ?? c.industryPrimaryGroupDetails?.sicCodes, ['sic', 'sicCodes', 'code']),
    naicsCodes: codesOf(c.naicsCodes ?? c.industryPrimaryGroupDetails?.naicsCodes, ['naics', 'naicsCodes', 'code']),
    lastFundingType: firstText(
      funding?.lastRoundType,
      funding?.lastFundingEventName,
      lastRound?.roundType,
      lastRound?.title,
    ),
    lastFundingAmount:
      funding?.lastRoundAmount ??
      funding?.lastFundingEventAmount ??
      lastRound?.roundAmount ??
      lastRound?.moneyRaised ??
      null,
    lastFundingDate: toIsoDate(
      firstText(funding?.lastRoundDate, funding?.lastFundingEventDate, lastRound?.roundDate, lastRound?.announcedOn),
    ),
    fundingCurrency: firstText(funding?.currency, lastRound?.currency),
    totalFundingAmount: funding?.totalRoundsAmount ?? null,
    fundingRounds: funding?.totalRounds ?? (funding?.rounds ? funding.rounds.length : null),
    creditCharged: options.creditCharged ?? null,
  };
}

/** A record with the company's fields prefixed, for embedding in a person record: name → companyName. */
export type PrefixedCompany = { [K in keyof CompanyRecord as `company${Capitalize<K & string>}`]: CompanyRecord[K] };

/** A company record's key as a person or visitor record holds it: name → companyName. */
const prefixedKey = (key: string): string => `company${key[0]?.toUpperCase()}${key.slice(1)}`;

export function prefixCompany(record: CompanyRecord): PrefixedCompany {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [prefixedKey(key), value])) as PrefixedCompany;
}

/** The record of a row without a match: every key present, all empty. */
export const emptyCompanyRecord: CompanyRecord = toCompanyRecord(null);

export const companyOutputFields: OutputField[] = [
  { key: 'id', label: 'Lusha Company ID', type: 'string' },
  { key: 'name', label: 'Company Name', type: 'string' },
  { key: 'domain', label: 'Domain', type: 'string' },
  { key: 'website', label: 'Website', type: 'string' },
  { key: 'description', label: 'Description', type: 'string' },
  { key: 'foundedYear', label: 'Founded', type: 'string' },
  { key: 'logoUrl', label: 'Logo URL', type: 'string' },
  { key: 'employees', label: 'Employees (Range)', type: 'string' },
  { key: 'employeesMin', label: 'Employees Min', type: 'integer' },
  { key: 'employeesMax', label: 'Employees Max', type: 'integer' },
  { key: 'revenueMin', label: 'Revenue Min (USD)', type: 'number' },
  { key: 'revenueMax', label: 'Revenue Max (USD)', type: 'number' },
  { key: 'industry', label: 'Industry', type: 'string' },
  { key: 'subIndustry', label: 'Sub-Industry', type: 'string' },
  { key: 'city', label: 'City', type: 'string' },
  { key: 'state', label: 'State', type: 'string' },
  { key: 'country', label: 'Country', type: 'string' },
  { key: 'countryCode', label: 'Country Code', type: 'string' },
  { key: 'linkedinUrl', label: 'LinkedIn URL', type: 'string' },
  { key: 'crunchbaseUrl', label: 'Crunchbase URL', type: 'string' },
  { key: 'technologies', label: 'Technologies', type: 'string', list: true },
  { key: 'specialities', label: 'Specialities', type: 'string', list: true },
  { key: 'sicCodes', label: 'SIC Codes', type: 'string', list: true },
  { key: 'naicsCodes', label: 'NAICS Codes', type: 'string', list: true },
  { key: 'lastFundingType', label: 'Last Funding Round', type: 'string' },
  { key: 'lastFundingAmount', label: 'Last Funding Amount', type: 'number' },
  { key: 'lastFundingDate', label: 'Last Funding Date', type: 'string' },
  { key: 'fundingCurrency', label: 'Funding Currency', type: 'string' },
  { key: 'totalFundingAmount', label: 'Total Funding Amount', type: 'number' },
  { key: 'fundingRounds', label: 'Funding Rounds', type: 'integer' },
  { key: 'creditCharged', label: 'Credit Charged', type: 'boolean' },
];

/**
 * A company output field under its key in a person or visitor record (domain → companyDomain),
 * labelled as the company's: "Domain" → "Company Domain"; "Company Name" and "Lusha Company ID" stay.
 */
export function prefixedCompanyField(key: keyof CompanyRecord): OutputField {
  const field = companyOutputFields.find((f) => f.key === key) as OutputField;
  const label = field.label.includes('Company') ? field.label : `Company ${field.label}`;
  return { ...field, key: prefixedKey(key), label };
}

export const companySample: CompanyRecord = {
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
  revenueMin: 10_000_000,
  revenueMax: 50_000_000,
  industry: 'Technology, Information & Media',
  subIndustry: 'Software Development',
  city: 'Boston',
  state: 'Massachusetts',
  country: 'United States',
  countryCode: 'US',
  linkedinUrl: 'https://www.linkedin.com/company/northwind-analytics',
  crunchbaseUrl: 'https://www.crunchbase.com/organization/northwind-analytics',
  technologies: ['Salesforce', 'HubSpot', 'Snowflake'],
  specialities: ['revenue forecasting', 'sales analytics'],
  sicCodes: ['7372'],
  naicsCodes: ['511210'],
  lastFundingType: 'Series B',
  lastFundingAmount: 42_000_000,
  lastFundingDate: '2025-03-18',
  fundingCurrency: 'USD',
  totalFundingAmount: 61_500_000,
  fundingRounds: 3,
  creditCharged: true,
};
