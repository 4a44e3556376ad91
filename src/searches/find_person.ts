/**
 * Find Person: "a lead arrived — fill in the blanks". One lookup by email, LinkedIn profile,
 * Lusha person ID, or name + company (src/people/); no match returns nothing, so "find or
 * create" flows can go on to create.
 */
import { defineSearch } from 'zapier-platform-core';
import { personIdentifierFields, personOptionFields, personSignalFields } from '../people/fields';
import { readPersonLookup, readPersonLookupOptions } from '../people/lookup';
import { personOutputFields, personSample } from '../people/record';
import { contactSignalSummaryOutputFields, contactSignalSummarySample } from '../people/signal-summary';
import { findPerson } from '../people/wire';
import type { OperationContract } from '../zapier/contract';
import { inputProblemsError } from '../zapier/input-problems';
import { withLusha } from '../zapier/lusha';

const LABEL = 'Find Person';

export const contract: OperationContract = {
  endpoints: ['GET /v2/person'],
  credits:
    'One credit when Lusha returns the person (Credit Charged in the output says whether it did); none when there ' +
    'is no match or the input is rejected before the call. Each signal type Lusha finds costs extra credits.',
  errors: [
    {
      when: 'Nothing identifies the person, or a value is malformed (email, LinkedIn URL not on linkedin.com, ID)',
      error: 'HaltedError',
      action: 'Fill in or fix the fields the message names; nothing was sent to Lusha.',
    },
    {
      when: 'Data to Reveal is set to one kind on a plan without Unified Credits, or signals on a plan without them (403)',
      error: 'Error',
      action: 'Set Data to Reveal to Emails and Phones, or clear Signal Types.',
    },
    {
      when: 'Lusha answers the lookup with an error other than "no data"',
      error: 'HaltedError',
      action: "Check the step's fields; the message quotes Lusha.",
    },
  ],
};

export default defineSearch({
  key: 'find_person',
  noun: 'Person',
  display: {
    label: LABEL,
    description:
      'Finds a person in Lusha by email, LinkedIn profile URL, Lusha person ID, or name and company, and returns ' +
      'their contact details, job and company.',
  },
  operation: {
    inputFields: [...personIdentifierFields, ...personOptionFields, ...personSignalFields],
    perform: withLusha(async (lusha, z, bundle) => {
      const lookup = readPersonLookup(bundle.inputData);
      const options = readPersonLookupOptions(bundle.inputData);
      const problems = [...(lookup.ok ? [] : lookup.problems), ...(options.ok ? [] : options.problems)];
      if (!lookup.ok || !options.ok) throw inputProblemsError(z, LABEL, problems);

      const outcome = await findPerson(lusha, lookup.value, options.value);
      if (outcome.status === 'not_found') return [];
      if (outcome.status === 'error') throw new z.errors.HaltedError(outcome.reason);
      return [outcome.record];
    }),
    outputFields: [...personOutputFields, ...contactSignalSummaryOutputFields],
    sample: { ...personSample, ...contactSignalSummarySample },
  },
});
