/**
 * Prospect Companies: search Lusha's companies by filters (POST /v3/companies/prospecting,
 * billed per result) and, only when asked, reveal their full profiles (POST
 * /v3/companies/enrich, billed per company returned).
 */
import { defineCreate } from 'zapier-platform-core';
import { creditsChargedBy } from '../lusha/billing';
import type { V3ProspectCompany } from '../lusha/schemas';
import type { CompanyReveal } from '../prospecting/records';
import { COMPANY_FILTERS, FILTER_GROUPS, filterInputFields } from '../prospecting/filter-fields';
import { revealCompanies } from '../prospecting/reveal';
import {
  prospectingErrors,
  resultFields,
  runProspecting,
  searchSummaryFields,
  searchSummarySample,
  type ProspectingRun,
  type SearchSummary,
} from '../prospecting/search';
import { lineItemsField, type LineItemValue } from '../zapier/line-items';
import { prospectCompanyFields, prospectCompanySample, toProspectCompanyLineItem } from '../prospecting/records';
import { firstText } from '../shared/values';
import type { OperationContract } from '../zapier/contract';
import { PROSPECT_SINCE_V3 } from '../prospecting/records';
import { withLusha } from '../zapier/lusha';

/** What the step returns: the search summary, and one line item per company found. */
type ProspectCompaniesOutput = SearchSummary & { companies: Array<Record<string, LineItemValue>> };

const LABEL = 'Prospect Companies';

const run: ProspectingRun<V3ProspectCompany, CompanyReveal> = {
  step: LABEL,
  what: 'company',
  specs: COMPANY_FILTERS,
  search: async (lusha, pagination, filters) => {
    // V3 requires companies.include; the step always has an include filter (readFilterInputs checks it).
    const { include = {}, exclude } = filters.companies ?? {};
    const answer = await lusha.prospectCompanies({
      pagination,
      filters: { companies: { include, ...(exclude ? { exclude } : {}) } },
    });
    return {
      requestId: answer.requestId,
      totalResults: answer.pagination?.total ?? 0,
      results: answer.results,
      creditsCharged: creditsChargedBy(answer),
    };
  },
  idOf: (company) => firstText(company.id, company.companyId, company.lushaCompanyId),
  reveal: revealCompanies,
  lineItem: ({ id, requestId, search, reveal, revealNote, possiblyCharged }) =>
    toProspectCompanyLineItem({ id, requestId, search, reveal, revealNote, possiblyCharged }),
};

export default defineCreate({
  key: 'prospect_companies',
  noun: 'Company',
  display: {
    label: LABEL,
    description:
      "Finds companies matching your filters in Lusha's database (Lusha bills the search per result), and " +
      'optionally reveals their full profiles (costs more credits).',
  },
  operation: {
    inputFieldGroups: FILTER_GROUPS.filter((g) => g.key !== 'contact_filters'),
    inputFields: [...filterInputFields(run.specs), ...resultFields('company')],
    perform: withLusha(async (lusha, z, bundle): Promise<ProspectCompaniesOutput> => {
      const { summary, lineItems } = await runProspecting(run, lusha, z, bundle);
      return { ...summary, companies: lineItems };
    }),
    // A run may make up to 10 searches and 10 reveals: at most 2 runs per second per connection.
    throttle: { window: 1, limit: 2, scope: ['auth'] },
    sample: { ...searchSummarySample('company'), companies: [prospectCompanySample] },
    outputFields: [...searchSummaryFields('company'), lineItemsField('companies', 'Companies', prospectCompanyFields)],
  },
});

export const contract: OperationContract = {
  endpoints: [
    'POST /v3/companies/prospecting',
    'POST /v3/companies/enrich',
    'GET /v3/companies/prospecting/filters/{filterType} (filter values, no billing note; cached for a day)',
  ],
  credits:
    'The search is billed per result returned (api_search), with or without reveal. With Reveal Company Details on, ' +
    'Lusha also charges each company it returns (reveal_company). ' +
    "creditsCharged is the sum of Lusha's billing.creditsCharged over every request; creditsNote splits it.",
  sinceV3: PROSPECT_SINCE_V3.company,
  errors: prospectingErrors('company'),
};
