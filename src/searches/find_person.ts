/**
 * Find Person: "a lead arrived — fill in the blanks". One lookup by email, LinkedIn profile,
 * Lusha person ID, or name + company (src/people/); no match returns nothing, so "find or
 * create" flows can go on to create.
 */
import { defineSearch } from 'zapier-platform-core';
import { personIdentifierFields, personOptionFields, personSignalFields } from '../people/fields';
import { readPersonLookup, readPersonLookupOptions } from '../people/lookup';
import { PERSON_SINCE_V3, personOutputFields, personSample } from '../people/record';
import { contactSignalSummaryOutputFields, contactSignalSummarySample } from '../people/signal-summary';
import { findPerson } from '../people/wire';
import type { OperationContract } from '../zapier/contract';
import { CREDITS_CHARGED_FIELD } from '../zapier/fields';
import { inputProblemsError } from '../zapier/input-problems';
import { withLusha } from '../zapier/lusha';

const LABEL = 'Find Person';

export const contract: OperationContract = {
  endpoints: ['POST /v3/contacts/search-and-enrich', 'POST /v3/contacts/signals (only with Signal Types)'],
  credits:
    'What Lusha bills, reported in Credits Charged: the search of a person it finds, plus each email and phone it ' +
    'reveals that your account has not revealed before (Data to Reveal decides which: Emails Only costs the least). ' +
    'No match costs nothing, and neither does input rejected before the call. Signal Types add a second call, ' +
    'billed per signal found.',
  sinceV3: [...PERSON_SINCE_V3, 'New output keys: Credits Charged (what Lusha billed for the step) and Signals Note.'],
  errors: [
    {
      when: 'Nothing identifies the person, or a value is malformed (email, LinkedIn URL not on linkedin.com, ID)',
      error: 'HaltedError',
      action: 'Fill in or fix the fields the message names; nothing was sent to Lusha.',
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
      return [{ ...outcome.record, creditsCharged: outcome.creditsCharged }];
    }),
    outputFields: [...personOutputFields, ...contactSignalSummaryOutputFields, CREDITS_CHARGED_FIELD],
    sample: { ...personSample, ...contactSignalSummarySample, creditsCharged: 2 },
  },
});
