/**
 * A person lookup on the wire: the identifiers and options as Lusha's person endpoints read
 * them (`GET /v2/person` for one, `POST /v2/person` for a batch), and Lusha's answer for
 * each lookup as an outcome: matched (with the person record), not found, or an error.
 * "Not found" is decided here only.
 */
import type { BulkPersonBody, BulkPersonContact, LushaClient, PersonQuery } from '../lusha/client';
import { LushaNotFoundError } from '../lusha/errors';
import type { Company, ContactResult } from '../lusha/schemas';
import type { LookupOutcome } from '../shared/outcome';
import { firstText } from '../shared/values';
import type { PersonLookup, PersonLookupOptions } from './lookup';
import { toPersonRecord, type PersonRecord } from './record';
import { toContactSignalSummary, type ContactSignalSummary } from './signal-summary';

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
function bulkPersonContact(contactId: string, lookup: PersonLookup): BulkPersonContact {
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
function bulkPersonMetadata(options: PersonLookupOptions): Pick<BulkPersonBody, 'metadata'> {
  const metadata = personOptionParams(options);
  return Object.keys(metadata).length > 0 ? { metadata } : {};
}

// ------------------------------------------------------------------ from Lusha's answer

/**
 * One contact result (single or bulk): data → matched; no data with EMPTY_DATA (or no
 * error at all) → not found; no data with another error → an error naming Lusha's words.
 */
function contactOutcome(
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

// ------------------------------------------------------------------ the calls

/** What Find Person returns for a match: the person and a summary of the signals asked for. */
export type FoundPerson = PersonRecord & ContactSignalSummary;

/** One person, by GET /v2/person: matched, not found (a miss costs nothing) or an error. */
export async function findPerson(
  lusha: LushaClient,
  lookup: PersonLookup,
  options: PersonLookupOptions,
): Promise<LookupOutcome<FoundPerson>> {
  let contact: ContactResult;
  try {
    ({ contact } = await lusha.enrichPerson(personQuery(lookup, options)));
  } catch (error) {
    if (error instanceof LushaNotFoundError) return { status: 'not_found', creditsCharged: 0 };
    throw error;
  }
  const outcome = contactOutcome(contact);
  if (outcome.status !== 'matched') return outcome;
  return { ...outcome, record: { ...outcome.record, ...toContactSignalSummary(contact.data) } };
}

/** One batch of at most 100 people, by POST /v2/person: the outcome of each lookup, by the id it was sent under. */
export async function enrichPeopleBatch(
  lusha: LushaClient,
  batch: ReadonlyArray<{ id: string; lookup: PersonLookup }>,
  options: PersonLookupOptions,
): Promise<Map<string, LookupOutcome<PersonRecord>>> {
  const answer = await lusha.enrichPeople({
    contacts: batch.map(({ id, lookup }) => bulkPersonContact(id, lookup)),
    ...bulkPersonMetadata(options),
  });
  const outcomes = new Map<string, LookupOutcome<PersonRecord>>();
  for (const { id } of batch) {
    const contact = answer.contacts[id];
    if (!contact) continue; // reported by the bulk machine as an error row
    const companyId = contact.data?.companyId;
    outcomes.set(id, contactOutcome(contact, companyId ? answer.companies?.[companyId] : null));
  }
  return outcomes;
}
