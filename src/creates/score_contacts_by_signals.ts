/**
 * Score Contacts by Signals: up to 1,000 line items per run through Lusha's V3 contact signal
 * score (src/signals/scores.ts), by the shared bulk machine (src/zapier/bulk.ts): one line item
 * back per row, in order, with its status, its 0–1 Signal Score and its active signal types.
 */
import { defineCreate } from 'zapier-platform-core';
import {
  contactScoreKey,
  contactScoreOutputFields,
  emptyContactScoreRecord,
  readContactToScore,
  SCORE_REPORTING,
  scoreContactsBatch,
  scoreContract,
  scoreInputFields,
  scoreSample,
} from '../signals/scores';
import { BULK_THROTTLE, bulkOutput, bulkOutputFields, enrichInBulk } from '../zapier/bulk';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

const OPERATION = 'Score Contacts by Signals';

export const contract: OperationContract = scoreContract('contact');

export default defineCreate({
  key: 'score_contacts_by_signals',
  noun: 'Contact Scores',
  display: {
    label: OPERATION,
    description:
      'Scores a list of up to 1,000 contacts by their active buying signals in Lusha (by Lusha person ID, ' +
      'LinkedIn profile URL, email, or name and company): a Signal Score from 0 to 1 and the active signal types, ' +
      'one result per row, in order.',
  },
  operation: {
    throttle: BULK_THROTTLE,
    inputFields: scoreInputFields('contact'),
    perform: withLusha(async (lusha, z, bundle) => {
      const result = await enrichInBulk(z, bundle, lusha, (bundle.inputData as Record<string, unknown>).rows, {
        noun: 'contact',
        plural: 'contacts',
        operation: OPERATION,
        pastTense: 'scored',
        read: readContactToScore,
        keyOf: contactScoreKey,
        emptyRecord: emptyContactScoreRecord,
        send: scoreContactsBatch,
      });
      return bulkOutput(result, SCORE_REPORTING);
    }),
    outputFields: bulkOutputFields(contactScoreOutputFields, 'Contacts', SCORE_REPORTING),
    sample: scoreSample('contact'),
  },
});
