/**
 * The input fields of a person lookup: the fields that identify a person (the same at the
 * top of Find Person and in each line item of Bulk Enrich People), the lookup options, and
 * Find Person's signal options. Their keys and labels are those the readers in
 * ./lookup.ts read and quote.
 */
import { CONTACT_SIGNAL_TYPES } from '../signals/catalog';
import type { PlainInputField } from '../zapier/fields';
import { PERSON_LABELS, PERSON_OPTION_LABELS, type RevealChoice } from './lookup';

/** Choice labels, typed so that every value the readers accept is offered (and nothing else). */
const REVEAL_LABELS: Record<RevealChoice, string> = {
  both: 'Emails and Phones',
  emails: 'Emails Only',
  phones: 'Phones Only',
};

/** The fields that identify a person; Find Person shows them, Bulk Enrich People repeats them per row. */
export const personIdentifierFields = [
  {
    key: 'email',
    label: PERSON_LABELS.email,
    type: 'string',
    helpText:
      "The person's email address, e.g. maya@northwind-analytics.com. Email, LinkedIn Profile URL or " +
      'Lusha Person ID alone is enough; without them, fill in First Name, Last Name and Company Name or Domain.',
  },
  {
    key: 'linkedin_url',
    label: PERSON_LABELS.linkedin_url,
    type: 'string',
    helpText: 'The URL of their LinkedIn profile, e.g. https://www.linkedin.com/in/maya-goldberg.',
  },
  {
    key: 'first_name',
    label: PERSON_LABELS.first_name,
    type: 'string',
    helpText: 'Used with Last Name and a company.',
  },
  { key: 'last_name', label: PERSON_LABELS.last_name, type: 'string', helpText: 'Used with First Name and a company.' },
  {
    key: 'company_name',
    label: PERSON_LABELS.company_name,
    type: 'string',
    helpText:
      'Where the person works now, e.g. Northwind Analytics. Needed with First Name and Last Name, unless Company ' +
      'Domain is given.',
  },
  {
    key: 'company_domain',
    label: PERSON_LABELS.company_domain,
    type: 'string',
    helpText:
      "The website domain of the person's company, e.g. northwind-analytics.com (a URL or an email address works too).",
  },
  {
    key: 'person_id',
    label: PERSON_LABELS.person_id,
    type: 'string',
    helpText:
      "Lusha's ID for the person, as an earlier Lusha step outputs it (digits, or V3's form such as v1.AbCdEfGh...). " +
      'The most precise way to look a person up.',
  },
] satisfies PlainInputField[];

/** The options of a person lookup that apply to one person and to every row of a list. */
export const personOptionFields = [
  {
    key: 'reveal_data',
    label: PERSON_OPTION_LABELS.reveal_data,
    type: 'string',
    choices: REVEAL_LABELS,
    default: 'both',
    helpText:
      'What contact details to reveal. Lusha charges for each email and each phone it reveals that your account ' +
      'has not revealed before (revealing one again is free), and a phone costs more than an email (5 credits ' +
      'against 1 at standard Lusha prices), so **Emails Only** costs the least and **Emails and Phones** the most.',
  },
  {
    key: 'refresh_job_info',
    label: PERSON_OPTION_LABELS.refresh_job_info,
    type: 'boolean',
    default: 'false',
    helpText:
      "Kept for Zaps made with version 1: Lusha's V3 API always answers with the latest job it has, so this no " +
      'longer changes the result or the cost.',
  },
  {
    key: 'partial_profile',
    label: PERSON_OPTION_LABELS.partial_profile,
    type: 'boolean',
    default: 'false',
    helpText:
      'Also return people Lusha knows only in part (for example without an email or phone of the kind asked for). ' +
      'A partial profile is a found person, so Lusha bills its search.',
  },
] satisfies PlainInputField[];

/** Signal options of Find Person: each signal type found costs extra credits. */
export const personSignalFields = [
  {
    key: 'signal_types',
    label: PERSON_OPTION_LABELS.signal_types,
    type: 'string',
    list: true,
    choices: CONTACT_SIGNAL_TYPES,
    helpText:
      'Also get recent job signals for the person (a promotion, a move to another company), in a second call made ' +
      'only when the person is found. Lusha charges per signal it finds. Leave empty for none.',
  },
  {
    key: 'signals_start_date',
    label: PERSON_OPTION_LABELS.signals_start_date,
    type: 'datetime',
    helpText: 'Only signals from this date on (YYYY-MM-DD). Lusha looks back 6 months when empty.',
  },
] satisfies PlainInputField[];
