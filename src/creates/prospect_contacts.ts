/**
 * Prospect Contacts: search Lusha's contacts by filters (free) and, only when asked, reveal
 * their emails and phone numbers (paid).
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
import type { ProspectContact } from '../lusha/schemas';
import type { ContactReveal } from '../prospecting/records';
import { lineItemsField, type LineItemValue } from '../zapier/line-items';
import { prospectContactFields, prospectContactSample, toProspectContactLineItem } from '../prospecting/records';
import { firstText } from '../shared/values';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

/** What the step returns: the search summary, and one line item per contact found. */
type ProspectContactsOutput = SearchSummary & { contacts: Array<Record<string, LineItemValue>> };

const LABEL = 'Prospect Contacts';

const run: ProspectingRun<ProspectContact, ContactReveal> = {
  step: LABEL,
  what: 'contact',
  specs: [...CONTACT_FILTERS, ...COMPANY_FILTERS],
  search: async (lusha, pages, filters) => {
    const answer = await lusha.searchProspectContacts({ pages, filters });
    return { requestId: answer.requestId, totalResults: answer.totalResults, results: answer.results };
  },
  idOf: (contact) => firstText(contact.contactId),
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
      "Finds contacts matching your filters in Lusha's database (free), and optionally reveals their emails and " +
      'phone numbers (costs credits).',
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
    'POST /prospecting/contact/search',
    'POST /prospecting/contact/enrich',
    'GET /prospecting/filters/... (free filter lists, cached for a day)',
  ],
  credits:
    'Searching is free. With Reveal Contact Details on, Lusha charges one credit per contact it returns an email or ' +
    'phone number for; creditsCharged and creditsNote say what was spent (0 when not revealed).',
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
