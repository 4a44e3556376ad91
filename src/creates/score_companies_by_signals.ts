/**
 * Score Companies by Signals: up to 1,000 line items per run through Lusha's V3 company signal
 * score (src/signals/scores.ts), by the shared bulk machine (src/zapier/bulk.ts): one line item
 * back per row, in order, with its status, its 0–1 Signal Score and its active signal types.
 */
import { defineCreate } from 'zapier-platform-core';
import {
  companyScoreKey,
  companyScoreOutputFields,
  emptyCompanyScoreRecord,
  readCompanyToScore,
  SCORE_REPORTING,
  scoreCompaniesBatch,
  scoreContract,
  scoreInputFields,
  scoreSample,
} from '../signals/scores';
import { BULK_THROTTLE, bulkOutput, bulkOutputFields, enrichInBulk } from '../zapier/bulk';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

const OPERATION = 'Score Companies by Signals';

export const contract: OperationContract = scoreContract('company');

export default defineCreate({
  key: 'score_companies_by_signals',
  noun: 'Company Scores',
  display: {
    label: OPERATION,
    description:
      'Scores a list of up to 1,000 companies by their active buying signals in Lusha (by Lusha company ID, ' +
      'domain, email or name): a Signal Score from 0 to 1 and the active signal types, one result per row, in order.',
  },
  operation: {
    throttle: BULK_THROTTLE,
    inputFields: scoreInputFields('company'),
    perform: withLusha(async (lusha, z, bundle) => {
      const result = await enrichInBulk(z, bundle, lusha, (bundle.inputData as Record<string, unknown>).rows, {
        noun: 'company',
        plural: 'companies',
        operation: OPERATION,
        pastTense: 'scored',
        read: readCompanyToScore,
        keyOf: companyScoreKey,
        emptyRecord: emptyCompanyScoreRecord,
        send: scoreCompaniesBatch,
      });
      return bulkOutput(result, SCORE_REPORTING);
    }),
    outputFields: bulkOutputFields(companyScoreOutputFields, 'Companies', SCORE_REPORTING),
    sample: scoreSample('company'),
  },
});
