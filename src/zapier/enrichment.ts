/**
 * What the enrichment operations share: the input fields that identify a person or a
 * company (the same fields at the top of Find Person and in each line item of Bulk Enrich
 * People), the person lookup options, how a lookup becomes Lusha's wire format, and how
 * Lusha's answer for one lookup becomes an outcome (matched, not found, error).
 */
import type { BulkCompanyBody, BulkPersonBody, BulkPersonContact, CompanyQuery, PersonQuery } from '../lusha/client';
import type { Company, ContactResult } from '../lusha/schemas';
import { COMPANY_LABELS, type CompanyLookup } from '../input/company-lookup';
import {
  type ContactSignalType,
  PERSON_LABELS,
  PERSON_OPTION_LABELS,
  type PersonLookup,
  type PersonLookupOptions,
  type RevealChoice,
} from '../input/person-lookup';
import { toCompanyRecord, type CompanyRecord } from '../records/company';
import { toPersonRecord, type PersonRecord } from '../records/person';
import { firstText } from '../records/shared';
import type { LookupOutcome } from './bulk';
import type { PlainInputField } from './fields';

// ------------------------------------------------------------------ input fields

/** Choice labels, typed so that every value the readers accept is offered (and nothing else). */
const REVEAL_LABELS: Record<RevealChoice, string> = { both: 'Emails and Phones', emails: 'Emails Only', phones: 'Phones Only' };
const SIGNAL_TYPE_LABELS: Record<ContactSignalType, string> = {
  allSignals: 'All Signals',
  promotion: 'Promotion',
  companyChange: 'Company Change',
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
  { key: 'first_name', label: PERSON_LABELS.first_name, type: 'string', helpText: 'Used with Last Name and a company.' },
  { key: 'last_name', label: PERSON_LABELS.last_name, type: 'string', helpText: 'Used with First Name and a company.' },
  {
    key: 'company_name',
    label: PERSON_LABELS.company_name,
    type: 'string',
    helpText: 'Where the person works now, e.g. Northwind Analytics. Needed with First Name and Last Name, unless Company Domain is given.',
  },
  {
    key: 'company_domain',
    label: PERSON_LABELS.company_domain,
    type: 'string',
    helpText: "The website domain of the person's company, e.g. northwind-analytics.com (a URL or an email address works too).",
  },
  {
    key: 'person_id',
    label: PERSON_LABELS.person_id,
    type: 'string',
    helpText: "Lusha's ID for the person (digits only), from an earlier Lusha step. The most precise way to look a person up.",
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
      'What contact details to get. **Emails and Phones** is what every Lusha plan returns. Choosing only one kind ' +
      "needs Lusha's Unified Credits plan; on other plans Lusha refuses the request.",
  },
  {
    key: 'refresh_job_info',
    label: PERSON_OPTION_LABELS.refresh_job_info,
    type: 'boolean',
    default: 'false',
    helpText: "Ask Lusha to refresh the person's current job (title and company) before answering.",
  },
  {
    key: 'partial_profile',
    label: PERSON_OPTION_LABELS.partial_profile,
    type: 'boolean',
    default: 'false',
    helpText:
      'Also return people Lusha knows only in part (for example without an email or phone). Check **Credit Charged** ' +
      'in the output to see whether a credit was spent.',
  },
] satisfies PlainInputField[];

/** Signal options of Find Person: each signal type found costs extra credits. */
export const personSignalFields = [
  {
    key: 'signal_types',
    label: PERSON_OPTION_LABELS.signal_types,
    type: 'string',
    list: true,
    choices: SIGNAL_TYPE_LABELS,
    helpText:
      'Also get recent job signals for the person (a promotion, a move to another company). Each signal type that ' +
      'Lusha finds costs extra credits. Leave empty for none.',
  },
  {
    key: 'signals_start_date',
    label: PERSON_OPTION_LABELS.signals_start_date,
    type: 'datetime',
    helpText: 'Only signals from this date on (YYYY-MM-DD). Lusha looks back 6 months when empty.',
  },
] satisfies PlainInputField[];

/** The fields that identify a company; Find Company shows them, Bulk Enrich Companies repeats them per row. */
export const companyIdentifierFields = [
  {
    key: 'domain',
    label: COMPANY_LABELS.domain,
    type: 'string',
    helpText:
      "The company's website domain, e.g. northwind-analytics.com (a URL or an email address works too). " +
      'The most reliable way to find a company.',
  },
  {
    key: 'name',
    label: COMPANY_LABELS.name,
    type: 'string',
    helpText: 'The company name, e.g. Northwind Analytics. Names can be ambiguous: add the domain when you have it.',
  },
  {
    key: 'company_id',
    label: COMPANY_LABELS.company_id,
    type: 'string',
    helpText: "Lusha's ID for the company (digits only), e.g. from an earlier Lusha step.",
  },
] satisfies PlainInputField[];

// ------------------------------------------------------------------ to Lusha's wire format

const hasFullName = (lookup: PersonLookup): lookup is PersonLookup & { firstName: string; lastName: string } =>
  lookup.firstName !== undefined && lookup.lastName !== undefined;

/** The reveal flags: none for both kinds (every plan), one flag for one kind (Unified Credits plans only). */
function revealFlags(options: PersonLookupOptions): { revealEmails?: true; revealPhones?: true } {
  if (options.reveal === 'emails') return { revealEmails: true };
  if (options.reveal === 'phones') return { revealPhones: true };
  return {};
}

/** The options as Lusha reads them; an option left at its default is not sent. */
function personOptionParams(options: PersonLookupOptions) {
  return {
    ...(options.refreshJobInfo ? { refreshJobInfo: true } : {}),
    ...revealFlags(options),
    ...(options.partialProfile ? { partialProfile: true } : {}),
    ...(options.signals.length > 0 ? { signals: options.signals } : {}),
    ...(options.signals.length > 0 && options.signalsStartDate ? { signalsStartDate: options.signalsStartDate } : {}),
  };
}

/** GET /v2/person query. Names are sent only as a pair. */
export function personQuery(lookup: PersonLookup, options: PersonLookupOptions): PersonQuery {
  return {
    ...(lookup.personId ? { personId: lookup.personId } : {}),
    ...(lookup.email ? { email: lookup.email } : {}),
    ...(lookup.linkedinUrl ? { linkedinUrl: lookup.linkedinUrl } : {}),
    ...(hasFullName(lookup) ? { firstName: lookup.firstName, lastName: lookup.lastName } : {}),
    ...(lookup.companyName ? { companyName: lookup.companyName } : {}),
    ...(lookup.companyDomain ? { companyDomain: lookup.companyDomain } : {}),
    ...personOptionParams(options),
  };
}

/** One contact of a POST /v2/person body, under the connector's own `contactId`. */
export function bulkPersonContact(contactId: string, lookup: PersonLookup): BulkPersonContact {
  const company = {
    ...(lookup.companyName ? { name: lookup.companyName } : {}),
    ...(lookup.companyDomain ? { domain: lookup.companyDomain } : {}),
  };
  return {
    contactId,
    ...(lookup.personId ? { personId: lookup.personId } : {}),
    ...(lookup.email ? { email: lookup.email } : {}),
    ...(lookup.linkedinUrl ? { linkedinUrl: lookup.linkedinUrl } : {}),
    ...(hasFullName(lookup) ? { fullName: `${lookup.firstName} ${lookup.lastName}` } : {}),
    ...(Object.keys(company).length > 0 ? { companies: [{ ...company, isCurrent: true }] } : {}),
  };
}

/** The `metadata` of a POST /v2/person body; left out when every option is at its default. */
export function bulkPersonMetadata(options: PersonLookupOptions): Pick<BulkPersonBody, 'metadata'> {
  const metadata = personOptionParams(options);
  return Object.keys(metadata).length > 0 ? { metadata } : {};
}

/** GET /v2/company query. */
export function companyQuery(lookup: CompanyLookup): CompanyQuery {
  return {
    ...(lookup.companyId ? { companyId: lookup.companyId } : {}),
    ...(lookup.domain ? { domain: lookup.domain } : {}),
    ...(lookup.name ? { company: lookup.name } : {}),
  };
}

/** One company of a POST /v2/company body, under the connector's own `id`. */
export function bulkCompanyItem(id: string, lookup: CompanyLookup): BulkCompanyBody['companies'][number] {
  return {
    id,
    ...(lookup.companyId ? { companyId: lookup.companyId } : {}),
    ...(lookup.domain ? { domain: lookup.domain } : {}),
    ...(lookup.name ? { name: lookup.name } : {}),
  };
}

// ------------------------------------------------------------------ from Lusha's answer

/**
 * One contact result (single or bulk): data → matched; no data with EMPTY_DATA (or no
 * error at all) → not found; no data with another error → an error naming Lusha's words.
 */
export function contactOutcome(
  result: ContactResult | null | undefined,
  company?: Company | null,
): LookupOutcome<PersonRecord> {
  const creditsCharged = result?.isCreditCharged ? 1 : 0;
  if (result?.data) {
    return {
      status: 'matched',
      record: toPersonRecord(result.data, { company, creditCharged: result.isCreditCharged ?? null }),
      creditsCharged,
    };
  }
  const error = result?.error;
  if (!error || error.name === 'EMPTY_DATA' || error.code === '3') return { status: 'not_found', creditsCharged };
  const said = firstText(error.message, error.name, error.code) ?? 'no details';
  return { status: 'error', reason: `Lusha could not look up this person: ${said}.`, creditsCharged };
}

/**
 * One company of a bulk answer (or the single lookup's `data`): a company with an identity
 * → matched; absent, empty or an error value → not found. Lusha charges one credit per
 * company it returns. `lushaCompanyId` is the ID the lookup gave, used when the answer has none.
 */
export function companyOutcome(company: Company | null | undefined, lushaCompanyId?: string): LookupOutcome<CompanyRecord> {
  const record = toCompanyRecord(company, lushaCompanyId, { creditCharged: true });
  const identified = company && firstText(company.id, company.companyId, company.lushaCompanyId, company.name, company.domain, company.fqdn);
  if (!identified) return { status: 'not_found', creditsCharged: 0 };
  return { status: 'matched', record, creditsCharged: 1 };
}
