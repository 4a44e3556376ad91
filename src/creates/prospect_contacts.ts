/**
 * Prospect Contacts: search Lusha's contacts by filters (free) and, only when asked, reveal
 * their emails and phone numbers (paid).
 */
import { defineCreate } from 'zapier-platform-core';
import {
  COMPANY_FILTERS,
  CONTACT_FILTERS,
  FILTER_GROUPS,
  filterInputFields,
  MAX_LOOKED_UP_VALUES,
} from '../prospecting/filter-fields';
import { revealContacts } from '../prospecting/reveal';
import {
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
    {
      when:
        `No filter is set, more than ${MAX_LOOKED_UP_VALUES} location, technology and company name values ` +
        `together, a Page Size outside 10–50, a Page past 1,000, Up to N Results outside 1–500, ` +
        `or Up to N Results with a Page Size`,
      error: 'HaltedError',
      action: 'Fix the fields named in the message; nothing was called.',
    },
    {
      when:
        "A filter value is not in Lusha's list " +
        '(a mapped value, or a location/technology/company Lusha does not know)',
      error: 'HaltedError',
      action: 'Pick values from the dropdowns; the message lists every bad value. No search was made.',
    },
    {
      when: 'Reveal is on and the first reveal fails (e.g. out of credits, 402)',
      error: 'HaltedError',
      action: 'Add credits, or turn Reveal Contact Details off: the search itself is free.',
    },
    {
      when: "A later page's search fails (rate limit, timeout, Lusha unavailable...) with Up to N Results",
      error: 'ThrottledError',
      action:
        'With Reveal on, nothing fails: the pages already revealed (and paid for) are returned, and Paging Note and ' +
        'Next Page say where to continue. Without Reveal nothing was spent: the step fails with the mapped error, ' +
        'and Zapier retries it.',
    },
    {
      when: "A later page's reveal fails",
      error: 'HaltedError',
      action:
        'Nothing fails: those contacts come back unrevealed with the reason in Reveal Note; reveal them later with ' +
        'Enrich Prospected Contacts.',
    },
  ],
};
