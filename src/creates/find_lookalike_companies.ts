/**
 * Find Lookalike Companies: companies like 5 to 100 seed companies given by domain, LinkedIn
 * URL, Lusha Company ID or name, from Lusha V3's lookalikes. Costs credits.
 */
import { defineCreate } from 'zapier-platform-core';
import {
  companyIdentifierChildren,
  lookalikeCompanyLineFields,
  lookalikeCompanyLineSample,
  lookalikeCredits,
  lookalikeErrors,
  lookalikeOptionFields,
  lookalikeStepOutput,
  lookalikeSummaryFields,
  lookalikeSummarySample,
  MAX_SEEDS,
  MIN_SEEDS,
  runCompanyLookalikes,
} from '../prospecting/lookalikes';
import { lineItemsField } from '../zapier/line-items';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

const LABEL = 'Find Lookalike Companies';

export default defineCreate({
  key: 'find_lookalike_companies',
  noun: 'Company',
  display: {
    label: LABEL,
    description:
      `Finds companies similar to ${MIN_SEEDS} to ${MAX_SEEDS} seed companies you give (by domain, LinkedIn URL, ` +
      'name or Lusha ID), from Lusha V3 lookalikes (costs credits).',
  },
  operation: {
    inputFields: [
      {
        key: 'seeds',
        label: 'Seed Companies',
        required: false,
        children: companyIdentifierChildren('seed'),
      },
      {
        key: 'company_ids',
        label: 'Seed Company IDs',
        type: 'string',
        list: true,
        required: false,
        helpText:
          'Lusha Company IDs of companies to find lookalikes of (as output by Find Company or Prospect Companies), ' +
          `counted with Seed Companies (at least ${MIN_SEEDS} in all). **Costs credits:** V3 finds lookalikes only ` +
          "from domains and LinkedIn URLs, so these are first looked up with Lusha's Search Companies, charged per " +
          "company found (Lusha's `api_search` price).",
      },
      ...lookalikeOptionFields('company'),
    ],
    perform: withLusha(async (lusha, z, bundle) =>
      lookalikeStepOutput('company', await runCompanyLookalikes(LABEL, lusha, z, bundle)),
    ),
    sample: {
      ...lookalikeSummarySample('company', '58adaa77-7a6e-4c9b-8c2d-820a6538e613'),
      companies: [lookalikeCompanyLineSample],
    },
    outputFields: [
      ...lookalikeSummaryFields('company'),
      lineItemsField('companies', 'Companies', lookalikeCompanyLineFields),
    ],
  },
});

export const contract: OperationContract = {
  endpoints: ['POST /v3/companies/search', 'POST /v3/companies/lookalike'],
  credits: lookalikeCredits('company'),
  errors: lookalikeErrors('company'),
  sinceV3: [
    `At least ${MIN_SEEDS} different seed companies (at most ${MAX_SEEDS}); a step with fewer is refused before ` +
      'any call. Seeds may now be given by Domain, LinkedIn URL or Company Name as well as by Company ID.',
    'V3 takes companies only by domain or LinkedIn URL: seeds and exclusions given by Company ID (Seed Company IDs, ' +
      'Exclude Company IDs) or name are first looked up with POST /v3/companies/search, which Lusha charges per ' +
      'company found; a company it cannot find is left out and named in Seeds Note.',
    'Description is null: V3 lookalikes do not return it.',
    'Request ID is now the V3 session id (dedupeSessionId, kept 30 days); Request ID (for More) takes it and needs ' +
      'the seeds again (V3 requires them on every call).',
    'Number of Recommendations goes up to 100 (was 25); the default stays 10.',
    'New keys: Seed Companies, Exclude Companies, More Available, Seeds Note, and per company Industry, LinkedIn ' +
      'URL, City, State, Country and Employees (Exact).',
  ],
};
