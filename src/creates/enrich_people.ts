/**
 * Bulk Enrich People: "enrich this list". Up to 1,000 line items per run through
 * Lusha's V3 contact search-and-enrich (src/people/), by the shared bulk machine
 * (src/zapier/bulk.ts): one line item back per
 * row, in order, with its status and the flat person record.
 */
import { defineCreate } from 'zapier-platform-core';
import { personIdentifierFields, personOptionFields } from '../people/fields';
import {
  DEFAULT_PERSON_OPTIONS,
  type PersonLookup,
  personLookupKey,
  readPersonLookup,
  readPersonLookupOptions,
} from '../people/lookup';
import { emptyPersonRecord, PERSON_SINCE_V3, personOutputFields, personSample } from '../people/record';
import { enrichPeopleBatch, enrichPeopleWithinBudget } from '../people/wire';
import {
  BULK_THROTTLE,
  bulkContractErrors,
  bulkOutput,
  bulkOutputFields,
  bulkRowsInputFields,
  bulkSample,
  creditCeiling,
  enrichInBulk,
  maxCreditsField,
  readMaxCredits,
} from '../zapier/bulk';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

const OPERATION = 'Bulk Enrich People';
type Batch = ReadonlyArray<{ id: string; lookup: PersonLookup }>;

export const contract: OperationContract = {
  endpoints: ['POST /v3/contacts/search-and-enrich'],
  credits:
    'What Lusha bills, reported in Credits Charged: the search of each person it finds (billed per request of up ' +
    'to 100 rows), plus each email and phone it reveals that your account has not revealed before (Data to Reveal ' +
    'decides which: Emails Only costs the least). Rows with the same identifiers are looked up, and charged, once; ' +
    'rows without a match or with invalid input cost nothing. Credit Charged on a row says whether it came back in ' +
    'a request Lusha charged for.',
  sinceV3: PERSON_SINCE_V3,
  errors: [...bulkContractErrors()],
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
      maxCreditsField(
        'With a limit, each 100 rows are first searched (billed for the search only), which tells what revealing ' +
          'each person found would cost; then the cheapest are revealed while the limit allows: one more request ' +
          "per 100 rows, and one free read of the account's prices.",
      ),
    ],
    perform: withLusha(async (lusha, z, bundle) => {
      const read = readPersonLookupOptions(bundle.inputData);
      const options = read.ok ? read.value : DEFAULT_PERSON_OPTIONS;
      const maxCredits = readMaxCredits(bundle.inputData);
      const ceiling = creditCeiling(z, bundle, maxCredits.ok ? maxCredits.value : undefined);
      const result = await enrichInBulk(z, bundle, lusha, (bundle.inputData as Record<string, unknown>).rows, {
        noun: 'person',
        plural: 'people',
        operation: OPERATION,
        optionProblems: [...(read.ok ? [] : read.problems), ...(maxCredits.ok ? [] : [maxCredits.problem])],
        optionsKey: JSON.stringify([options.reveal, options.partialProfile, ceiling?.budget.max ?? null]),
        read: readPersonLookup,
        keyOf: personLookupKey,
        emptyRecord: emptyPersonRecord,
        // With a ceiling, one batch after another: each knows what the ones before spent.
        concurrency: ceiling ? 1 : undefined,
        send: ceiling
          ? async (client, batch: Batch) =>
              enrichPeopleWithinBudget(client, batch, options, ceiling.budget, await ceiling.pricing(client))
          : (client, batch: Batch) => enrichPeopleBatch(client, batch, options),
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
