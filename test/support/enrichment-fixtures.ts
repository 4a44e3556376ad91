/**
 * Lusha's V3 enrichment answers for the people and companies the unit tests look up, and the
 * records the connector makes of them, written once: Maya Goldberg of Northwind Analytics
 * (the person sample) and Northwind Analytics (the company sample). A test that needs another
 * variant spreads one of these and overrides what it is about.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { companySample } from '../../src/companies/record';
import { personSample } from '../../src/people/record';
import { App, appTester, bundleWith } from './zapier';

/** Lusha's answer to one V3 search-and-enrich request: its results (in any order) and, unless null, its bill. */
export const searchAndEnrichAnswer = (requestId: string, results: unknown[], creditsCharged: number | null) => ({
  requestId,
  results,
  ...(creditsCharged === null ? {} : { billing: { creditsCharged, resultsReturned: results.length } }),
});

/** A V3 result for a reference Lusha found nothing for. */
export const notFoundResult = (clientReferenceId: string, kind: 'Contact' | 'Company') => ({
  clientReferenceId,
  error: { code: 'NOT_FOUND', message: `${kind} not found` },
});

/** Find Person or Find Company for its tests: the operation, and a run of its perform with `inputData`. */
export function searchKit(key: 'find_person' | 'find_company') {
  const { operation } = App.searches[key]!;
  const perform = operation.perform as (z: ZObject, bundle: Bundle) => Promise<Array<Record<string, unknown>>>;
  return { operation, find: (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData)) };
}

// ------------------------------------------------------------------------------------ Maya

export const CONTACTS_REQUEST_ID = '211ee5da-3c0d-4621-9fa5-140e393a3ced';

/** Maya as a V3 enriched contact (V3EnrichedContact), without her reference: the person sample's data. */
export const mayaContact = {
  id: '4183886134',
  firstName: 'Maya',
  lastName: 'Goldberg',
  fullName: 'Maya Goldberg',
  jobTitle: { title: 'VP of Sales', departments: ['Sales'], seniority: 'Vice President' },
  location: {
    country: 'United States',
    countryIso2: 'US',
    state: 'Massachusetts',
    city: 'Boston',
    continent: 'North America',
    coordinates: [-71.0598, 42.3584],
    isEuContact: false,
  },
  tags: [],
  emails: [
    { email: 'maya.goldberg@northwind-analytics.com', type: 'work', confidence: 'A+', updateDate: '2026-09-14' },
    { email: 'maya.goldberg@gmail.com', type: 'private', confidence: 'A', updateDate: '2026-02-03' },
  ],
  phones: [
    { number: '+1 617-555-0142', type: 'mobile', doNotCall: false, updateDate: '2026-09-14' },
    { number: '+1 617-555-0100', type: 'direct', doNotCall: true, updateDate: '2025-11-20' },
  ],
  company: {
    id: '33222678',
    name: 'Northwind Analytics',
    domain: 'www.northwind-analytics.com',
    industry: 'Technology, Information & Media',
  },
  socialLinks: { linkedin: 'https://www.linkedin.com/in/maya-goldberg' },
  previousEmployment: [],
  updateDate: '2026-09-14',
};

/** The company fields of a person record that V3 enrichment leaves empty: it names the ID, name, domain and industry only. */
export const companyNotInV3 = {
  companyLinkedinUrl: null,
  companyEmployees: null,
  companyEmployeesMin: null,
  companyEmployeesMax: null,
  companyRevenueMin: null,
  companyRevenueMax: null,
  companySubIndustry: null,
  companyCity: null,
  companyCountry: null,
  companyCountryCode: null,
};

/**
 * Maya's record from `mayaContact`, Lusha having charged for her: the person sample but for what
 * V3 does not return (the job start date) and, of her company, V3 returns the ID, name, domain
 * and industry only.
 */
export const mayaRecord = {
  ...personSample,
  jobStartDate: null,
  ...companyNotInV3,
  creditCharged: true,
};

// ------------------------------------------------------------------------------- Northwind

export const COMPANIES_REQUEST_ID = '21fe0733-65d6-436a-8d0c-2c9ac6f263f8';

/** Northwind Analytics as a V3 enriched company (V3EnrichedCompany), without its reference. */
export const northwindCompany = {
  id: '33222678',
  name: 'Northwind Analytics',
  domain: 'www.northwind-analytics.com',
  alternativeDomains: ['northwind-analytics.com'],
  description: 'Northwind Analytics builds revenue forecasting software for B2B sales teams.',
  companyType: 'Private Company',
  yearFounded: 2014,
  employeeCount: { exact: 312, min: 201, max: 500 },
  industry: 'Technology, Information & Media',
  subIndustry: 'Software Development',
  specialities: ['revenue forecasting', 'sales analytics'],
  sicCodes: [{ code: 7372, description: 'Prepackaged Software' }],
  naicsCodes: [{ code: 511210, description: 'Software Publishers' }],
  emailDomain: 'northwind-analytics.com',
  location: { city: 'Boston', state: 'Massachusetts', country: 'United States', countryIso2: 'US' },
  socialLinks: { linkedin: 'https://www.linkedin.com/company/northwind-analytics' },
  revenueRange: { min: 10000000, max: 50000000 },
  technologies: ['Salesforce', 'HubSpot'],
  funding: {
    rounds: [{ roundType: 'Series B', roundAmount: 42000000, roundDate: 'Mar 18, 2025', currency: 'USD' }],
    totalRounds: 3,
    totalRoundsAmount: 61500000,
    currency: 'USD',
    isIpo: false,
  },
  logoUrl: 'https://logo.lusha.com/northwind-analytics.png',
};

/**
 * Northwind's record from `northwindCompany`, Lusha having charged for it: the company sample
 * (its funding date is Lusha's "Mar 18, 2025" as an ISO date) but for its two technologies and
 * the Crunchbase link V3 does not return.
 */
export const northwindRecord = {
  ...companySample,
  crunchbaseUrl: null,
  technologies: ['Salesforce', 'HubSpot'],
  creditCharged: true,
};

// ------------------------------------------------------------------------------------ Bulk Enrich

type BulkOutput = Record<string, unknown> & { rows: Array<Record<string, unknown>> };

/**
 * A Bulk Enrich step (people or companies) for its tests: the operation, a run of its perform with
 * `inputData`, a miss of its kind, Lusha's answer under its request id, and a row without a match
 * (every field of the record present, all empty).
 */
export function bulkEnrichKit(key: 'enrich_people' | 'enrich_companies') {
  const people = key === 'enrich_people';
  const kind = people ? 'Contact' : 'Company';
  const requestId = people ? CONTACTS_REQUEST_ID : COMPANIES_REQUEST_ID;
  const { operation } = App.creates[key]!;
  const perform = operation.perform as (z: ZObject, bundle: Bundle) => Promise<BulkOutput>;
  return {
    operation,
    enrich: (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData)),
    miss: (clientReferenceId: string) => notFoundResult(clientReferenceId, kind),
    answer: (results: unknown[], creditsCharged: number | null) =>
      searchAndEnrichAnswer(requestId, results, creditsCharged),
    emptyItem: {
      ...Object.fromEntries(Object.keys(people ? personSample : companySample).map((k) => [k, null])),
      // Lusha charged nothing for a row without a match.
      creditCharged: false,
    },
  };
}
