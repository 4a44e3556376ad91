/**
 * Flat records for prospecting, as Zapier line items.
 *
 * A prospect line item has ONE shape whether or not it was revealed, so a Zap's mappings do
 * not depend on the reveal switch: the person (or company) record's fields, filled from the
 * search result (a V3 preview) where it says anything (name, title, company, location), and
 * from the reveal when there was one; plus the facts of the search itself (its ids, what Lusha
 * has on file, whether it was revealed). Field names are those of the enrichment records
 * wherever the data is the same.
 */
import type { Company, Contact, V3ProspectContact } from '../lusha/schemas';
import { companyOutputFields, companySample, toCompanyRecord, type CompanyRecord } from '../companies/record';
import { lineItemFields, toLineItem, type LineItemValue } from '../zapier/line-items';
import { personOutputFields, personSample, toPersonRecord, type PersonRecord } from '../people/record';
import type { OutputField } from '../zapier/fields';

type LineItem = Record<string, LineItemValue>;

/** `over`'s values where it has one (not null, not an empty list), else `base`'s. */
function merge<T extends object>(base: T, over: T): T {
  const out = { ...base };
  for (const [key, value] of Object.entries(over) as [keyof T, T[keyof T]][]) {
    const empty = value === null || (Array.isArray(value) && value.length === 0);
    if (!empty) out[key] = value;
  }
  return out;
}

// ------------------------------------------------------------------ contacts

/** What the reveal of one contact gave (POST /v3/contacts/enrich), and whether its request was charged. */
export interface ContactReveal {
  data: Contact;
  creditCharged: boolean;
}

export interface ProspectContactInput {
  contactId: string;
  /** The Search Request ID of the search (or the one mapped into Enrich Prospected Contacts), if any. */
  requestId: string | null;
  /** The search result (a V3 preview), when this contact came from a search in this step. */
  search?: V3ProspectContact;
  /** The reveal, when one was asked for and Lusha returned the contact. */
  reveal?: ContactReveal;
  /** Why a requested reveal gave nothing, in words. */
  revealNote?: string | null;
  /** The reveal's answer was lost after it reached Lusha: Lusha may have charged it. */
  possiblyCharged?: boolean;
}

/** What a preview says Lusha holds: `has` lists the data points ("emails", "phones"); null when it sent none. */
const holds = (has: readonly string[] | null | undefined, point: string) => (has ? has.includes(point) : null);

/**
 * Whether the account revealed this contact before: V3's `canReveal` costs 0 credits for what
 * the account has revealed already (null when the preview says nothing to reveal).
 */
function revealedBefore(search: V3ProspectContact | undefined): boolean | null {
  const costs = search?.canReveal ?? [];
  return costs.length > 0 ? costs.every((item) => item.credits === 0) : null;
}

/** One prospected contact as a flat line item. */
export function toProspectContactLineItem(input: ProspectContactInput): LineItem {
  const s = input.search;
  const fromSearch = toPersonRecord((s ?? {}) as Contact);
  const person: PersonRecord = input.reveal
    ? merge(fromSearch, toPersonRecord(input.reveal.data, { creditCharged: input.reveal.creditCharged }))
    : { ...fromSearch, creditCharged: input.possiblyCharged ? null : input.revealNote ? false : null };
  return toLineItem({
    contactId: input.contactId,
    requestId: input.requestId,
    ...person,
    id: person.id ?? input.contactId,
    revealed: Boolean(input.reveal),
    revealNote: input.revealNote ?? null,
    previouslyRevealed: revealedBefore(s),
    hasEmail: holds(s?.has, 'emails'),
    // V3's `has` names emails and phones, not their kinds.
    hasWorkEmail: null,
    hasPrivateEmail: null,
    hasPhone: holds(s?.has, 'phones'),
    hasMobilePhone: null,
    hasDirectPhone: null,
  });
}

const SEARCH_ID_FIELDS: OutputField[] = [{ key: 'requestId', label: 'Search Request ID', type: 'string' }];

export const prospectContactFields: OutputField[] = [
  { key: 'contactId', label: 'Prospect Contact ID', type: 'string' },
  ...SEARCH_ID_FIELDS,
  ...lineItemFields(personOutputFields),
  { key: 'revealed', label: 'Revealed', type: 'boolean' },
  { key: 'revealNote', label: 'Reveal Note', type: 'string' },
  { key: 'previouslyRevealed', label: 'Previously Revealed by Your Team', type: 'boolean' },
  { key: 'hasEmail', label: 'Lusha Has Email', type: 'boolean' },
  { key: 'hasWorkEmail', label: 'Lusha Has Work Email', type: 'boolean' },
  { key: 'hasPrivateEmail', label: 'Lusha Has Private Email', type: 'boolean' },
  { key: 'hasPhone', label: 'Lusha Has Phone', type: 'boolean' },
  { key: 'hasMobilePhone', label: 'Lusha Has Mobile Phone', type: 'boolean' },
  { key: 'hasDirectPhone', label: 'Lusha Has Direct Phone', type: 'boolean' },
];

/** The Search Request ID of every prospecting sample (the search, its line items, their reveal). */
export const SAMPLE_REQUEST_ID = '5ad275c8-7dd4-462a-bd45-6bc1970da64e';

export const prospectContactSample: LineItem = toLineItem({
  contactId: '37b4c536-eaec-11ef-ad4b-a75f8e9e1484',
  requestId: SAMPLE_REQUEST_ID,
  ...personSample,
  id: null,
  revealed: true,
  revealNote: null,
  previouslyRevealed: false,
  hasEmail: true,
  hasWorkEmail: true,
  hasPrivateEmail: true,
  hasPhone: true,
  hasMobilePhone: true,
  hasDirectPhone: true,
});

// ------------------------------------------------------------------ companies

/** What the reveal of one company gave (POST /v3/companies/enrich), and whether its request was charged. */
export interface CompanyReveal {
  data: Company;
  creditCharged: boolean;
}

export interface ProspectCompanyInput {
  id: string;
  requestId: string | null;
  search?: Company;
  /** The reveal, when one was asked for and Lusha returned the company. */
  reveal?: CompanyReveal;
  revealNote?: string | null;
  /** The reveal's answer was lost after it reached Lusha: Lusha may have charged it. */
  possiblyCharged?: boolean;
}

/** One prospected company as a flat line item. */
export function toProspectCompanyLineItem(input: ProspectCompanyInput): LineItem {
  const fromSearch = toCompanyRecord(input.search, input.id);
  const company: CompanyRecord = input.reveal
    ? merge(fromSearch, toCompanyRecord(input.reveal.data, input.id, { creditCharged: input.reveal.creditCharged }))
    : { ...fromSearch, creditCharged: input.possiblyCharged ? null : input.revealNote ? false : null };
  return toLineItem({
    requestId: input.requestId,
    ...company,
    revealed: Boolean(input.reveal),
    revealNote: input.revealNote ?? null,
  });
}

export const prospectCompanyFields: OutputField[] = [
  ...SEARCH_ID_FIELDS,
  ...lineItemFields(companyOutputFields),
  { key: 'revealed', label: 'Revealed', type: 'boolean' },
  { key: 'revealNote', label: 'Reveal Note', type: 'string' },
];

export const prospectCompanySample: LineItem = toLineItem({
  requestId: SAMPLE_REQUEST_ID,
  ...companySample,
  revealed: true,
  revealNote: null,
});

/** What a Zap built on 1.x (Lusha V2) sees differently in the prospecting line items since V3. */
export const PROSPECT_SINCE_V3 = {
  contact: [
    'Prospect Contact ID is now the Lusha contact ID (V3 prospecting returns Lusha IDs); it is also in ID.',
    "Lusha Has Work Email, Lusha Has Private Email, Lusha Has Mobile Phone and Lusha Has Direct Phone are null: V3's " +
      'previews say only whether Lusha has emails and phones (Lusha Has Email, Lusha Has Phone).',
    "Previously Revealed by Your Team comes from V3's canReveal (true when revealing would cost nothing).",
    'Search Request ID is informative only: V3 reveals by ID alone.',
  ],
  company: ['Search Request ID is informative only: V3 reveals by ID alone.'],
};
