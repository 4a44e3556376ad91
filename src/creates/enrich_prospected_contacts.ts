/**
 * Enrich Prospected Contacts: reveal the emails and phone numbers of contacts that a
 * Prospect Contacts step found, by their Lusha ids (POST /v3/contacts/enrich). Costs credits.
 */
import { defineCreate } from 'zapier-platform-core';
import {
  ENRICH_BY_IDS_SINCE_V3,
  enrichByIdsErrors,
  enrichByIdsFields,
  enrichSummaryFields,
  enrichSummarySample,
  runEnrichByIds,
  type EnrichByIdsRun,
} from '../prospecting/enrich-by-ids';
import { revealContacts } from '../prospecting/reveal';
import { lineItemsField } from '../zapier/line-items';
import {
  prospectContactFields,
  prospectContactSample,
  toProspectContactLineItem,
  type ContactReveal,
} from '../prospecting/records';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

const LABEL = 'Enrich Prospected Contacts';

const run: EnrichByIdsRun<ContactReveal> = {
  step: LABEL,
  what: 'contact',
  idsField: 'contact_ids',
  idsLabel: 'Prospect Contact IDs',
  reveal: revealContacts,
  lineItem: ({ id, requestId, reveal, revealNote, possiblyCharged }) =>
    toProspectContactLineItem({ contactId: id, requestId, reveal, revealNote, possiblyCharged }),
};

export default defineCreate({
  key: 'enrich_prospected_contacts',
  noun: 'Contact',
  display: {
    label: LABEL,
    description:
      'Reveals the emails and phone numbers of contacts found by an earlier Prospect Contacts step (costs credits).',
  },
  operation: {
    inputFields: enrichByIdsFields(run.what, run.idsField, run.idsLabel),
    perform: withLusha((lusha, z, bundle) => runEnrichByIds(run, lusha, z, bundle)),
    sample: { ...enrichSummarySample('contact'), contacts: [prospectContactSample] },
    outputFields: [...enrichSummaryFields('contact'), lineItemsField('contacts', 'Contacts', prospectContactFields)],
  },
});

export const contract: OperationContract = {
  endpoints: ['POST /v3/contacts/enrich'],
  credits:
    'Lusha charges per revealed email or phone number, nothing for data the account revealed before; ' +
    "creditsCharged is Lusha's billing.creditsCharged summed over the calls. IDs are sent 100 per call, each ID once.",
  errors: enrichByIdsErrors('contact'),
  sinceV3: ENRICH_BY_IDS_SINCE_V3,
};
