/**
 * Lusha's V3 enrichment answers for the people and companies the unit tests look up, and the
 * records the connector makes of them, written once: Maya Goldberg of Northwind Analytics
 * (the person sample) and Northwind Analytics (the company sample). A test that needs another
 * variant spreads one of these and overrides what it is about.
 */
import nock, { type RequestBodyMatcher } from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { companySample } from '../../src/companies/record';
import { personSample } from '../../src/people/record';
import { App, appTester, bundleWith, expectZapierError, LUSHA } from './zapier';

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

/**
 * Find Person or Find Company for its tests: the operation, a run of its perform with `inputData`, the
 * search-and-enrich path it posts to, and Lusha's answer there (NOT_FOUND for reference "1" as `notFound`).
 */
export function searchKit(key: 'find_person' | 'find_company') {
  const people = key === 'find_person';
  const { operation } = App.searches[key]!;
  const perform = operation.perform as (z: ZObject, bundle: Bundle) => Promise<Array<Record<string, unknown>>>;
  const answer = (results: unknown[], creditsCharged: number | null) =>
    searchAndEnrichAnswer(people ? CONTACTS_REQUEST_ID : COMPANIES_REQUEST_ID, results, creditsCharged);
  return {
    operation,
    find: (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData)),
    path: people ? '/v3/contacts/search-and-enrich' : '/v3/companies/search-and-enrich',
    answer,
    notFound: answer([notFoundResult('1', people ? 'Contact' : 'Company')], 0),
  };
}

/** One search step for `describeSearchStep`: its match, its miss, another error, and what it should say. */
export interface SearchStepCase {
  key: 'find_person' | 'find_company';
  /** What the step calls one item of its request ("contact") and what it looks up ("person"). */
  item: string;
  subject: string;
  /** An input that identifies the match, Lusha's result for it under reference "1", and its record (bill aside). */
  input: Record<string, unknown>;
  match: Record<string, unknown>;
  record: Record<string, unknown>;
  /** An input Lusha has no match for, and the body the step sends for it. */
  miss: { input: Record<string, unknown>; body: RequestBodyMatcher };
  /** Another per-item error with its message, and the message the step halts with. */
  itemError: { code: string; message: string; said: RegExp };
  /** The message the step halts with on a 404. */
  said404: RegExp;
}

/**
 * The behaviours Find Person and Find Company share, as tests of `step`: NOT_FOUND is no result, the
 * bill Lusha gives (none, or 0, is "not charged"), another per-item error halts with Lusha's words (or its
 * code), a 404 is not "no match", and the sample has every output field, each labelled.
 */
export function describeSearchStep(step: SearchStepCase) {
  const { operation, find, path, answer, notFound } = searchKit(step.key);
  const notCharged = { creditCharged: false, creditsCharged: 0 };

  describe('what Find Person and Find Company both do', () => {
    it('returns nothing when Lusha answers NOT_FOUND, so "find or create" can create', async () => {
      const scope = nock(LUSHA).post(path, step.miss.body).reply(200, notFound);
      expect(await find(step.miss.input)).toEqual([]);
      expect(scope.isDone()).toBe(true);
    });

    it.each([
      ['what Lusha billed', 3, { creditsCharged: 3 }],
      ['a match it charged nothing for (a bill of 0) as not charged', 0, notCharged],
      ['a match it charged nothing for (no bill at all) as not charged', null, notCharged],
    ])('reports %s', async (_what, creditsCharged, charged) => {
      nock(LUSHA)
        .post(path)
        .reply(200, answer([step.match], creditsCharged));
      expect(await find(step.input)).toEqual([{ ...step.record, ...charged }]);
    });

    it(`halts with Lusha's words when it answers with another per-${step.item} error`, async () => {
      const { code, message, said } = step.itemError;
      nock(LUSHA)
        .post(path)
        .reply(200, answer([{ clientReferenceId: '1', error: { code, message } }], 0));
      const error = await expectZapierError(find(step.input));
      expect(error.name).toBe('HaltedError');
      expect(error.message).toMatch(said);
    });

    it('quotes the error code when Lusha gives no message', async () => {
      nock(LUSHA)
        .post(path)
        .reply(200, answer([{ clientReferenceId: '1', error: { code: 'ENRICH_FAILED' } }], 0));
      const error = await expectZapierError(find(step.input));
      expect(error.name).toBe('HaltedError');
      expect(error.message).toMatch(new RegExp(`^Lusha could not look up this ${step.subject}: ENRICH_FAILED\\.`));
    });

    it('halts on a 404: V3 answers a miss with NOT_FOUND, so a 404 is not "no match"', async () => {
      nock(LUSHA).post(path).reply(404, { statusCode: 404, message: 'Resource not found' });
      const error = await expectZapierError(find(step.input));
      expect(error.name).toBe('HaltedError');
      expect(error.message).toMatch(step.said404);
    });

    it('has a sample with every output field, and labels every field', () => {
      const outputFields = operation.outputFields as Array<{ key: string; label: string }>;
      expect(outputFields.map((field) => field.key).sort()).toEqual(Object.keys(operation.sample ?? {}).sort());
      for (const field of outputFields) expect(field.label).toMatch(/^[A-Z]/);
    });
  });
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
