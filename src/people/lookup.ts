/**
 * What identifies a person for a Lusha lookup, read from a step's fields or from one line
 * item of a list: Find Person and Bulk Enrich People both read people through this file, so
 * a row of a list is held to exactly the rules of a single lookup.
 *
 * A person can be looked up by email, by LinkedIn profile URL, by Lusha person ID, or by
 * first name + last name + company (name or domain). Every value given must be well formed;
 * what is missing is named in the builder's words. Nothing here knows Zapier or Lusha's
 * wire format.
 */
import {
  type Checked,
  isBlank,
  ProblemList,
  readChoice,
  readDate,
  readDomain,
  readEmail,
  readLinkedinProfileUrl,
  readList,
  readLushaId,
  readText,
} from '../shared/readers';
import { readBoolean } from '../shared/options';
import { CONTACT_SIGNAL_TYPE_KEYS, type ContactSignalType } from '../signals/catalog';

/**
 * The person fields by input key (snake_case, like every input key of the app), with their
 * labels as the builder sees them (messages quote them).
 */
export const PERSON_LABELS = {
  email: 'Email',
  linkedin_url: 'LinkedIn Profile URL',
  first_name: 'First Name',
  last_name: 'Last Name',
  company_name: 'Company Name',
  company_domain: 'Company Domain',
  person_id: 'Lusha Person ID',
} as const;
export type PersonInputKey = keyof typeof PERSON_LABELS;

/** A person's identifiers, normalised (email lower-cased, LinkedIn URL canonical, domain bare). */
export interface PersonLookup {
  email?: string;
  linkedinUrl?: string;
  personId?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  companyDomain?: string;
}

/**
 * Reads a person's identifiers from `input` (the step's fields, or one line item). Returns
 * the lookup, or every problem: each malformed value, and what is missing when no
 * combination can identify a person.
 */
export function readPersonLookup(input: Record<string, unknown>): Checked<PersonLookup> {
  const problems = new ProblemList();
  const lookup: PersonLookup = {
    email: problems.take(readEmail(input.email, PERSON_LABELS.email)),
    linkedinUrl: problems.take(readLinkedinProfileUrl(input.linkedin_url, PERSON_LABELS.linkedin_url)),
    personId: problems.take(readLushaId(input.person_id, PERSON_LABELS.person_id)),
    firstName: problems.take(readText(input.first_name, PERSON_LABELS.first_name)),
    lastName: problems.take(readText(input.last_name, PERSON_LABELS.last_name)),
    companyName: problems.take(readText(input.company_name, PERSON_LABELS.company_name)),
    companyDomain: problems.take(readDomain(input.company_domain, PERSON_LABELS.company_domain)),
  };
  // What the builder filled in counts, even when malformed: its own problem says what is wrong.
  const given = (key: PersonInputKey) => !isBlank(input[key]);
  const hasCompany = given('company_name') || given('company_domain');
  const byName = given('first_name') && given('last_name') && hasCompany;
  if (!given('email') && !given('linkedin_url') && !given('person_id') && !byName) {
    problems.add(missingIdentifierProblem(given('first_name'), given('last_name'), hasCompany));
  }
  return problems.result(withoutEmpty(lookup));
}

function missingIdentifierProblem(hasFirst: boolean, hasLast: boolean, hasCompany: boolean): string {
  const others = `${PERSON_LABELS.email}, ${PERSON_LABELS.linkedin_url} or ${PERSON_LABELS.person_id}`;
  if (!hasFirst && !hasLast && !hasCompany) {
    return (
      `Nothing identifies the person: fill in ${others}, or ${PERSON_LABELS.first_name} + ` +
      `${PERSON_LABELS.last_name} + ${PERSON_LABELS.company_name} (or ${PERSON_LABELS.company_domain})`
    );
  }
  const missing = [
    hasFirst ? null : PERSON_LABELS.first_name,
    hasLast ? null : PERSON_LABELS.last_name,
    hasCompany ? null : `${PERSON_LABELS.company_name} (or ${PERSON_LABELS.company_domain})`,
  ].filter((part): part is string => part !== null);
  return `To find a person by name, also fill in ${missing.join(' and ')}; or fill in ${others} instead`;
}

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The key under which lookups of the same person collapse into one paid lookup: the
 * identifier Lusha matches on first (Lusha ID, then email, then LinkedIn URL, then name +
 * company), normalised. So "maya@x.com" alone and "maya@x.com" with a name are one lookup,
 * and so are Lusha IDs "0042" and "42" (the reader drops leading zeros).
 */
export function personLookupKey(lookup: PersonLookup): string {
  if (lookup.personId) return JSON.stringify(['id', lookup.personId]);
  if (lookup.email) return JSON.stringify(['email', lookup.email]);
  if (lookup.linkedinUrl) return JSON.stringify(['linkedin', lookup.linkedinUrl]);
  return JSON.stringify([
    'name',
    lookup.firstName?.toLowerCase() ?? '',
    lookup.lastName?.toLowerCase() ?? '',
    lookup.companyName?.toLowerCase() ?? '',
    lookup.companyDomain ?? '',
  ]);
}

// ------------------------------------------------------------------ options of a person lookup

/** What to reveal: both kinds (Lusha's default), or one kind only (sent as V3's `reveal`). */
export const REVEAL_CHOICES = ['both', 'emails', 'phones'] as const;
export type RevealChoice = (typeof REVEAL_CHOICES)[number];

/** The option fields: their input keys and labels. */
export const PERSON_OPTION_LABELS = {
  reveal_data: 'Data to Reveal',
  refresh_job_info: 'Refresh Job Info',
  partial_profile: 'Include Partial Profiles',
  signal_types: 'Signal Types',
  signals_start_date: 'Signals Start Date',
} as const;

export interface PersonLookupOptions {
  reveal: RevealChoice;
  refreshJobInfo: boolean;
  partialProfile: boolean;
  /** Empty: no signals requested. */
  signals: ContactSignalType[];
  signalsStartDate?: string;
}

/** The options when none is set: Lusha's defaults. */
export const DEFAULT_PERSON_OPTIONS: PersonLookupOptions = {
  reveal: 'both',
  refreshJobInfo: false,
  partialProfile: false,
  signals: [],
};

/**
 * Reads the options of a person lookup (the same for every row of one run). Fields that
 * are absent take Lusha's defaults: reveal both, no refresh, no partial profiles, no signals.
 */
export function readPersonLookupOptions(input: Record<string, unknown>): Checked<PersonLookupOptions> {
  const problems = new ProblemList();
  const reveal = problems.take(readChoice(input.reveal_data, PERSON_OPTION_LABELS.reveal_data, REVEAL_CHOICES));
  const refreshJobInfo = problems.take(readBoolean(input.refresh_job_info, PERSON_OPTION_LABELS.refresh_job_info));
  const partialProfile = problems.take(readBoolean(input.partial_profile, PERSON_OPTION_LABELS.partial_profile));
  const signals: ContactSignalType[] = [];
  for (const entry of problems.take(readList(input.signal_types, PERSON_OPTION_LABELS.signal_types)) ?? []) {
    const type = problems.take(readChoice(entry, 'Signal Type', CONTACT_SIGNAL_TYPE_KEYS));
    if (type && !signals.includes(type)) signals.push(type);
  }
  const signalsStartDate = problems.take(readDate(input.signals_start_date, PERSON_OPTION_LABELS.signals_start_date));
  if (signalsStartDate !== undefined && signals.length === 0 && isBlank(input.signal_types)) {
    problems.add(
      `${PERSON_OPTION_LABELS.signals_start_date} only applies to signals: choose at least one of ` +
        `${PERSON_OPTION_LABELS.signal_types}, or clear the date`,
    );
  }
  return problems.result({
    reveal: reveal ?? 'both',
    refreshJobInfo: refreshJobInfo ?? false,
    partialProfile: partialProfile ?? false,
    signals,
    ...(signalsStartDate !== undefined ? { signalsStartDate } : {}),
  });
}
