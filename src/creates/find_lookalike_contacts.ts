/**
 * Find Lookalike Contacts: contacts like the seed contacts given (each a Lusha person ID
 * with its company ID), from Lusha's recommendations. Costs credits.
 */
import { defineCreate } from 'zapier-platform-core';
import { readLushaId } from '../shared/readers';
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
  lookalikeContactFields,
  lookalikeContactSample,
  toLookalikeContactRecord,
  type LookalikeContactRecord,
} from '../prospecting/records';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

type Seed = { personId: string; companyId: string };

/** Seed rows: each needs both ids; every bad row is reported with its number. */
function readSeeds(inputData: Record<string, unknown>): { seeds: Seed[]; problems: string[] } {
  const raw = inputData.seeds;
  const rows = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw];
  const seeds: Seed[] = [];
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const at = `Row ${index + 1}`;
    const values = row !== null && typeof row === 'object' ? (row as Record<string, unknown>) : {};
    const personId = readLushaId(values.person_id, `${at}: Person ID`);
    const companyId = readLushaId(values.company_id, `${at}: Company ID`);
    if (!personId.ok) problems.push(personId.problem);
    if (!companyId.ok) problems.push(companyId.problem);
    if (personId.ok && companyId.ok) {
      if (personId.value && companyId.value) seeds.push({ personId: personId.value, companyId: companyId.value });
      else problems.push(`${at}: a seed needs both its Person ID and its Company ID`);
    }
  });
  return { seeds, problems };
}

const LABEL = 'Find Lookalike Contacts';

const run: LookalikeRun<Seed, LookalikeContactRecord> = {
  step: LABEL,
  what: 'contact',
  readSeeds,
  ask: async (lusha, { seeds, ...options }) => {
    const answer = await lusha.recommendContacts({ ...(seeds.length > 0 ? { contacts: seeds } : {}), ...options });
    return {
      results: answer.contacts.map(toLookalikeContactRecord),
      requestId: answer.requestId,
      creditsCharged: answer.creditsCharged,
    };
  },
};

export default defineCreate({
  key: 'find_lookalike_contacts',
  noun: 'Contact',
  display: {
    label: LABEL,
    description: 'Finds contacts similar to the seed contacts you give, from Lusha recommendations (costs credits).',
  },
  operation: {
    inputFields: [
      {
        key: 'seeds',
        label: 'Seed Contacts',
        required: false,
        children: [
          {
            key: 'person_id',
            label: 'Person ID',
            type: 'string',
            required: false,
            helpText:
              'A contact to find lookalikes of: the Lusha Person ID (e.g. 4183886134, as output by Find Person or ' +
              'Enrich People), with its Company ID.',
          },
          {
            key: 'company_id',
            label: 'Company ID',
            type: 'string',
            required: false,
            helpText: "The Lusha Company ID of the person's company.",
          },
        ],
      },
      ...lookalikeOptionFields('contact'),
    ],
    perform: withLusha((lusha, z, bundle) => runLookalikes(run, lusha, z, bundle)),
    sample: {
      ...lookalikeSummarySample('contact', '9c1f7a52-3e0b-4d8e-a1c4-5b2f6e7d8a90'),
      contacts: [lookalikeContactSample],
    },
    outputFields: [
      ...lookalikeSummaryFields('contact'),
      lineItemsField('contacts', 'Contacts', lookalikeContactFields),
    ],
  },
});

export const contract: OperationContract = {
  endpoints: ['POST /api/recommendations/contacts'],
  credits: LOOKALIKE_CREDITS,
  errors: [
    {
      when:
        `A seed row without both ids, an id that is not digits, no seeds and no Request ID, ` +
        `or a limit outside 1–${MAX_LIMIT}`,
      error: 'HaltedError',
      action: 'Fix the rows named in the message; nothing was called.',
    },
    UNKNOWN_REQUEST_ID_ERROR,
  ],
};
