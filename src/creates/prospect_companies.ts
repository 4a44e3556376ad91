/**
 * Prospect Companies: search Lusha's companies by filters (free) and, only when asked,
 * reveal their full profiles (paid).
 */
import { defineCreate } from 'zapier-platform-core';
import type { Company } from '../lusha/schemas';
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
import { withLusha } from '../zapier/lusha';

/** What the step returns: the search summary, and one line item per company found. */
type ProspectCompaniesOutput = SearchSummary & { companies: Array<Record<string, LineItemValue>> };

const LABEL = 'Prospect Companies';

const run: ProspectingRun<Company, Company> = {
  step: LABEL,
  what: 'company',
  specs: COMPANY_FILTERS,
  search: async (lusha, pages, filters) => {
    const answer = await lusha.searchProspectCompanies({ pages, filters: { companies: filters.companies ?? {} } });
    return { requestId: answer.requestId, totalResults: answer.totalResults, results: answer.results };
  },
  idOf: (company) => firstText(company.id, company.companyId, company.lushaCompanyId),
  reveal: revealCompanies,
  lineItem: ({ id, requestId, search, reveal, revealNote }) =>
    toProspectCompanyLineItem({ id, requestId, search, reveal, revealNote }),
};

export default defineCreate({
  key: 'prospect_companies',
  noun: 'Company',
  display: {
    label: LABEL,
    description:
      "Finds companies matching your filters in Lusha's database (free), and optionally reveals their full profiles " +
      '(costs credits).',
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
    'POST /prospecting/company/search',
    'POST /prospecting/company/enrich',
    'GET /prospecting/filters/companies/... (free filter lists, cached for a day)',
  ],
  credits:
    'Searching is free. With Reveal Company Details on, Lusha charges one credit per company it returns; ' +
    'creditsCharged and creditsNote say what was spent (0 when not revealed).',
  errors: prospectingErrors('company'),
};
