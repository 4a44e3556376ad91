/**
 * Enrich Prospected Companies: reveal the full profiles of companies that a Prospect
 * Companies step found, by their Lusha ids (POST /v3/companies/enrich). Costs credits.
 */
import { defineCreate } from 'zapier-platform-core';
import {
  ENRICH_BY_IDS_SINCE_V3,
  enrichByIdsErrors,
  enrichByIdsFields,
  enrichSummaryFields,
  enrichSummarySample,
  runEnrichByIds,
  type EnrichByIdsRun,
} from '../prospecting/enrich-by-ids';
import { revealCompanies } from '../prospecting/reveal';
import { lineItemsField } from '../zapier/line-items';
import {
  prospectCompanyFields,
  prospectCompanySample,
  toProspectCompanyLineItem,
  type CompanyReveal,
} from '../prospecting/records';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

const LABEL = 'Enrich Prospected Companies';

const run: EnrichByIdsRun<CompanyReveal> = {
  step: LABEL,
  what: 'company',
  idsField: 'company_ids',
  idsLabel: 'Lusha Company IDs',
  reveal: revealCompanies,
  lineItem: ({ id, requestId, reveal, revealNote, possiblyCharged }) =>
    toProspectCompanyLineItem({ id, requestId, reveal, revealNote, possiblyCharged }),
};

export default defineCreate({
  key: 'enrich_prospected_companies',
  noun: 'Company',
  display: {
    label: LABEL,
    description: 'Reveals the full profiles of companies found by an earlier Prospect Companies step (costs credits).',
  },
  operation: {
    inputFields: enrichByIdsFields(run.what, run.idsField, run.idsLabel),
    perform: withLusha((lusha, z, bundle) => runEnrichByIds(run, lusha, z, bundle)),
    sample: { ...enrichSummarySample('company'), companies: [prospectCompanySample] },
    outputFields: [...enrichSummaryFields('company'), lineItemsField('companies', 'Companies', prospectCompanyFields)],
  },
});

export const contract: OperationContract = {
  endpoints: ['POST /v3/companies/enrich'],
  credits:
    "Lusha charges each company it returns (reveal_company); creditsCharged is Lusha's billing.creditsCharged " +
    'summed over the calls. IDs are sent 100 per call, each ID once.',
  errors: enrichByIdsErrors('company'),
  sinceV3: ENRICH_BY_IDS_SINCE_V3,
};
