/**
 * Find Lookalike Contacts: contacts like 5 to 100 seed contacts given by email, LinkedIn URL,
 * name with company, or Lusha Person ID, from Lusha V3's lookalikes. Costs credits.
 */
import { defineCreate } from 'zapier-platform-core';
import {
  contactIdentifierChildren,
  lookalikeContactLineFields,
  lookalikeContactLineSample,
  lookalikeCredits,
  lookalikeErrors,
  lookalikeOptionFields,
  lookalikeStepOutput,
  lookalikeSummaryFields,
  lookalikeSummarySample,
  MAX_SEEDS,
  MIN_SEEDS,
  runContactLookalikes,
} from '../prospecting/lookalikes';
import { lineItemsField } from '../zapier/line-items';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

const LABEL = 'Find Lookalike Contacts';

export default defineCreate({
  key: 'find_lookalike_contacts',
  noun: 'Contact',
  display: {
    label: LABEL,
    description:
      `Finds contacts similar to ${MIN_SEEDS} to ${MAX_SEEDS} seed contacts you give (by email, LinkedIn URL, name ` +
      'or Lusha ID), from Lusha V3 lookalikes (costs credits).',
  },
  operation: {
    inputFields: [
      {
        key: 'seeds',
        label: 'Seed Contacts',
        required: false,
        children: [
          ...contactIdentifierChildren('seed'),
          {
            key: 'person_id',
            label: 'Person ID',
            type: 'string',
            required: false,
            helpText:
              'A contact to find lookalikes of, by Lusha Person ID (e.g. 4183886134, as output by Find Person or ' +
              'Enrich People).',
          },
          {
            key: 'company_id',
            label: 'Company ID',
            type: 'string',
            required: false,
            helpText:
              "The Lusha Company ID of the person's company. No longer needed: Lusha V3 finds the person by " +
              'Person ID alone (still accepted, and checked).',
          },
        ],
      },
      ...lookalikeOptionFields('contact'),
    ],
    perform: withLusha(async (lusha, z, bundle) =>
      lookalikeStepOutput('contact', await runContactLookalikes(LABEL, lusha, z, bundle)),
    ),
    sample: {
      ...lookalikeSummarySample('contact', '58adaa77-7a6e-4c9b-8c2d-820a6538e613'),
      contacts: [lookalikeContactLineSample],
    },
    outputFields: [
      ...lookalikeSummaryFields('contact'),
      lineItemsField('contacts', 'Contacts', lookalikeContactLineFields),
    ],
  },
});

export const contract: OperationContract = {
  endpoints: ['POST /v3/contacts/lookalike'],
  credits: lookalikeCredits('contact'),
  errors: lookalikeErrors('contact'),
  sinceV3: [
    `At least ${MIN_SEEDS} different seed contacts (at most ${MAX_SEEDS}); a step with fewer is refused before any ` +
      'call. Seeds may now be given by Email, LinkedIn URL or name with company as well as by Person ID.',
    "A seed's Company ID is no longer read (V3 finds the person by Person ID alone); a row with only a Company ID " +
      'is refused.',
    'Request ID is now the V3 session id (dedupeSessionId, kept 30 days); Request ID (for More) takes it and needs ' +
      'the seeds again (V3 requires them on every call).',
    'Number of Recommendations goes up to 100 (was 25); the default stays 10.',
    'New keys: Exclude Contacts (by email, LinkedIn URL, name or ID), More Available, Seeds Note (always empty ' +
      'here), and per contact First Name, Last Name, Seniority, Departments, LinkedIn URL, Company Domain, City, ' +
      'State and Country.',
  ],
};
