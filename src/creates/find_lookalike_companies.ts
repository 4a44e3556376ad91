/**
 * Find Lookalike Companies: companies like the seed companies given (Lusha company IDs),
 * from Lusha's recommendations. Costs credits.
 */
import { defineCreate } from 'zapier-platform-core';
import { readLushaIdList } from '../shared/readers';
import {
  LOOKALIKE_CREDITS,
  lookalikeOptionFields,
  lookalikeSummaryFields,
  lookalikeSummarySample,
  MAX_LIMIT,
  runLookalikes,
  type LookalikeRun,
  UNKNOWN_REQUEST_ID_ERROR,
} from '../prospecting/lookalikes';
import { lineItemsField } from '../zapier/line-items';
import {
  lookalikeCompanyFields,
  lookalikeCompanySample,
  toLookalikeCompanyRecord,
  type LookalikeCompanyRecord,
} from '../prospecting/records';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

type Seed = { companyId: string };

function readSeeds(inputData: Record<string, unknown>): { seeds: Seed[]; problems: string[] } {
  const ids = readLushaIdList(inputData.company_ids, 'Seed Company IDs');
  return ids.ok
    ? { seeds: ids.value.map((companyId) => ({ companyId })), problems: [] }
    : { seeds: [], problems: ids.problems };
}

const LABEL = 'Find Lookalike Companies';

const run: LookalikeRun<Seed, LookalikeCompanyRecord> = {
  step: LABEL,
  what: 'company',
  readSeeds,
  ask: async (lusha, { seeds, ...options }) => {
    const answer = await lusha.recommendCompanies({ ...(seeds.length > 0 ? { companies: seeds } : {}), ...options });
    return {
      results: answer.companies.map(toLookalikeCompanyRecord),
      requestId: answer.requestId,
      creditsCharged: answer.creditsCharged,
    };
  },
};

export default defineCreate({
  key: 'find_lookalike_companies',
  noun: 'Company',
  display: {
    label: LABEL,
    description: 'Finds companies similar to the seed companies you give, from Lusha recommendations (costs credits).',
  },
  operation: {
    inputFields: [
      {
        key: 'company_ids',
        label: 'Seed Company IDs',
        type: 'string',
        list: true,
        required: false,
        helpText:
          'Lusha Company IDs of companies to find lookalikes of (as output by Find Company or Prospect Companies).',
      },
      ...lookalikeOptionFields('company'),
    ],
    perform: withLusha((lusha, z, bundle) => runLookalikes(run, lusha, z, bundle)),
    sample: {
      ...lookalikeSummarySample('company', '2b7e4c1d-8f3a-4a6b-9d0e-1c5f7a3b9e24'),
      companies: [lookalikeCompanySample],
    },
    outputFields: [
      ...lookalikeSummaryFields('company'),
      lineItemsField('companies', 'Companies', lookalikeCompanyFields),
    ],
  },
});

export const contract: OperationContract = {
  endpoints: ['POST /api/recommendations/companies'],
  credits: LOOKALIKE_CREDITS,
  errors: [
    {
      when: `An id that is not digits, no seeds and no Request ID, or a limit outside 1–${MAX_LIMIT}`,
      error: 'HaltedError',
      action: 'Fix the fields named in the message; nothing was called.',
    },
    UNKNOWN_REQUEST_ID_ERROR,
  ],
};
