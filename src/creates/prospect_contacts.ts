/**
 * Prospect Contacts: search Lusha's contacts by filters (POST /v3/contacts/prospecting, billed
 * per result) and, only when asked, reveal their emails and phone numbers (POST
 * /v3/contacts/enrich, billed per revealed email or phone).
 */
import { defineCreate } from 'zapier-platform-core';
import { COMPANY_FILTERS, CONTACT_FILTERS, FILTER_GROUPS, filterInputFields } from '../prospecting/filter-fields';
import { revealContacts } from '../prospecting/reveal';
import {
  prospectingErrors,
  resultFields,
  runProspecting,
  searchSummaryFields,
  searchSummarySample,
  type ProspectingRun,
  type SearchSummary,
} from '../prospecting/search';
import { creditsChargedBy } from '../lusha/billing';
import type { V3ProspectContact } from '../lusha/schemas';
import type { ContactReveal } from '../prospecting/records';
import { lineItemsField, type LineItemValue } from '../zapier/line-items';
import { prospectContactFields, prospectContactSample, toProspectContactLineItem } from '../prospecting/records';
import { firstText } from '../shared/values';
import type { OperationContract } from '../zapier/contract';
import { PROSPECT_SINCE_V3 } from '../prospecting/records';
import { withLusha } from '../zapier/lusha';

/** What the step returns: the search summary, and one line item per contact found. */
type ProspectContactsOutput = SearchSummary & { contacts: Array<Record<string, LineItemValue>> };

const LABEL = 'Prospect Contacts';

const run: ProspectingRun<V3ProspectContact, ContactReveal> = {
  step: LABEL,
  what: 'contact',
  specs: [...CONTACT_FILTERS, ...COMPANY_FILTERS],
  search: async (lusha, pagination, filters) => {
    const answer = await lusha.prospectContacts({ pagination, filters });
    return {
      requestId: answer.requestId,
      totalResults: answer.pagination?.total ?? 0,
      results: answer.results,
      creditsCharged: creditsChargedBy(answer),
    };
  },
  idOf: (contact) => firstText(contact.id),
  reveal: revealContacts,
  lineItem: ({ id, requestId, search, reveal, revealNote, possiblyCharged }) =>
    toProspectContactLineItem({ contactId: id, requestId, search, reveal, revealNote, possiblyCharged }),
};

export default defineCreate({
  key: 'prospect_contacts',
  noun: 'Contact',
  display: {
    label: LABEL,
    description:
      "Finds contacts matching your filters in Lusha's database (Lusha bills the search per result), and " +
      'optionally reveals their emails and phone numbers (costs more credits).',
  },
  operation: {
    inputFieldGroups: FILTER_GROUPS,
    inputFields: [...filterInputFields(run.specs), ...resultFields('contact')],
    perform: withLusha(async (lusha, z, bundle): Promise<ProspectContactsOutput> => {
      const { summary, lineItems } = await runProspecting(run, lusha, z, bundle);
      return { ...summary, contacts: lineItems };
    }),
    // A run may make up to 10 searches and 10 reveals: at most 2 runs per second per connection.
    throttle: { window: 1, limit: 2, scope: ['auth'] },
    sample: { ...searchSummarySample('contact'), contacts: [prospectContactSample] },
    outputFields: [...searchSummaryFields('contact'), lineItemsField('contacts', 'Contacts', prospectContactFields)],
  },
});

export const contract: OperationContract = {
  endpoints: [
    'POST /v3/contacts/prospecting',
    'POST /v3/contacts/enrich',
    'GET /v3/contacts/prospecting/filters/{filterType} and GET /v3/companies/prospecting/filters/{filterType} ' +
      '(filter values, no billing note; cached for a day)',
  ],
  credits:
    'The search is billed per result returned (api_search), with or without reveal. With Reveal Contact Details on, ' +
    'Lusha also charges per revealed email or phone number (nothing for data the account revealed before). ' +
    "creditsCharged is the sum of Lusha's billing.creditsCharged over every request; creditsNote splits it.",
  sinceV3: PROSPECT_SINCE_V3.contact,
  errors: [
    ...prospectingErrors('contact'),
    {
      when: "A later page's reveal fails",
      error: 'HaltedError',
      action:
        'Nothing fails: those contacts come back unrevealed with the reason in Reveal Note; reveal them later with ' +
        'Enrich Prospected Contacts.',
    },
  ],
};
