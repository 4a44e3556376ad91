/**
 * Enrich Prospected Companies: reveal the full profiles of companies that a Prospect
 * Companies step found (by their ids and the search's request id). Costs credits.
 */
import { defineCreate } from 'zapier-platform-core';
import type { Company } from '../lusha/schemas';
import {
  enrichByIdsErrors,
  enrichByIdsFields,
  enrichSummaryFields,
  enrichSummarySample,
  runEnrichByIds,
  type EnrichByIdsRun,
} from '../prospecting/enrich-by-ids';
import { revealCompanies } from '../prospecting/reveal';
import { lineItemsField } from '../zapier/line-items';
import { prospectCompanyFields, prospectCompanySample, toProspectCompanyLineItem } from '../prospecting/records';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

const LABEL = 'Enrich Prospected Companies';

const run: EnrichByIdsRun<Company> = {
  step: LABEL,
  what: 'company',
  idsField: 'company_ids',
  idsLabel: 'Lusha Company IDs',
  reveal: revealCompanies,
  lineItem: ({ id, requestId, reveal, revealNote }) => toProspectCompanyLineItem({ id, requestId, reveal, revealNote }),
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
  endpoints: ['POST /prospecting/company/enrich (body key "companiesIds")'],
  credits:
    'One credit per company Lusha returns (creditsCharged); ids are sent 100 per call, ' +
    'each (request id, id) pair once.',
  errors: enrichByIdsErrors('company'),
};
