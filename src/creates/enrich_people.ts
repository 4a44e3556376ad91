/**
 * Bulk Enrich People: "enrich this list". Up to 1,000 line items per run through
 * Lusha's bulk person lookup (src/people/), by the shared bulk machine (src/zapier/bulk.ts): one line item back per
 * row, in order, with its status and the flat person record.
 */
import { defineCreate } from 'zapier-platform-core';
import { personIdentifierFields, personOptionFields } from '../people/fields';
import { DEFAULT_PERSON_OPTIONS, personLookupKey, readPersonLookup, readPersonLookupOptions } from '../people/lookup';
import { emptyPersonRecord, personOutputFields, personSample } from '../people/record';
import { enrichPeopleBatch } from '../people/wire';
import {
  BULK_THROTTLE,
  bulkContractErrors,
  bulkOutput,
  bulkOutputFields,
  bulkRowsInputFields,
  bulkSample,
  enrichInBulk,
} from '../zapier/bulk';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

const OPERATION = 'Bulk Enrich People';

export const contract: OperationContract = {
  endpoints: ['POST /v2/person'],
  credits:
    'One credit per person Lusha returns (Credit Charged on each row, Credits Charged in total). Rows with the same ' +
    'identifiers are looked up, and charged, once. Nothing for rows without a match or with invalid input.',
  errors: [
    ...bulkContractErrors(),
    {
      when: 'Data to Reveal is set to one kind on a plan without Unified Credits (403)',
      error: 'Error',
      action: 'Set Data to Reveal to Emails and Phones.',
    },
  ],
};

export default defineCreate({
  key: 'enrich_people',
  noun: 'People',
  display: {
    label: OPERATION,
    description:
      'Enriches a list of up to 1,000 people in Lusha (by email, LinkedIn profile URL, Lusha person ID, or name and ' +
      'company) and returns one result per row, in order, with its status.',
  },
  operation: {
    throttle: BULK_THROTTLE,
    inputFields: [
      ...bulkRowsInputFields({
        rowsLabel: 'People',
        identifierFields: personIdentifierFields,
        eachRowNeeds:
          'an Email, a LinkedIn Profile URL, a Lusha Person ID, or First Name + Last Name + Company Name or Domain',
        lineItemNote:
          'In line items, lists are text: All Emails and All Phones hold the addresses and numbers, separated by ' +
          'commas, with "(do not call)" after each number on a do-not-call list; Best Email and Best Phone hold the ' +
          'top one with its type, confidence and Do Not Call flag.',
      }),
      ...personOptionFields,
    ],
    perform: withLusha(async (lusha, z, bundle) => {
      const options = readPersonLookupOptions(bundle.inputData);
      const result = await enrichInBulk(z, bundle, lusha, (bundle.inputData as Record<string, unknown>).rows, {
        noun: 'person',
        plural: 'people',
        operation: OPERATION,
        optionProblems: options.ok ? [] : options.problems,
        read: readPersonLookup,
        keyOf: personLookupKey,
        emptyRecord: emptyPersonRecord,
        send: (client, batch) => enrichPeopleBatch(client, batch, options.ok ? options.value : DEFAULT_PERSON_OPTIONS),
      });
      return bulkOutput(result);
    }),
    outputFields: bulkOutputFields(personOutputFields, 'People'),
    sample: bulkSample(
      personSample,
      emptyPersonRecord,
      'Email "maya@" is not a valid email address (expected something like name@company.com)',
    ),
  },
});
