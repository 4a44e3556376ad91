/**
 * The flat person record every operation outputs for a contact (Find Person, Bulk Enrich
 * People, revealed prospects), whatever wire shape Lusha sent: V3's `emails`/`phones` or V2's
 * `emailAddresses`/`phoneNumbers` (emails as `email/type` or `address/type`), location in
 * snake_case or camelCase, the job title as an object or a string, the company nested or
 * given apart.
 */
import type { Contact } from '../lusha/schemas';
import {
  companySample,
  prefixCompany,
  prefixedCompanyField,
  toCompanyRecord,
  type PrefixedCompany,
} from '../companies/record';
import { firstText, seniorityLabel, toIsoDate, uniqueTexts } from '../shared/values';
import type { OutputField } from '../zapier/fields';

export interface EmailEntry {
  email: string;
  /** "work" or "private" */
  type: string | null;
  /** Lusha's grade: A+, A, B... */
  confidence: string | null;
  updatedOn: string | null;
}

export interface PhoneEntry {
  number: string;
  /** "mobile", "direct", "phone"... */
  type: string | null;
  doNotCall: boolean | null;
  updatedOn: string | null;
}

/** The company fields a person record carries (prefixed "company"). */
const PERSON_COMPANY_KEYS = [
  'companyId',
  'companyName',
  'companyDomain',
  'companyWebsite',
  'companyLinkedinUrl',
  'companyEmployees',
  'companyEmployeesMin',
  'companyEmployeesMax',
  'companyRevenueMin',
  'companyRevenueMax',
  'companyIndustry',
  'companySubIndustry',
  'companyCity',
  'companyCountry',
  'companyCountryCode',
] as const satisfies readonly (keyof PrefixedCompany)[];

type PersonCompanyFields = Pick<PrefixedCompany, (typeof PERSON_COMPANY_KEYS)[number]>;

export interface PersonRecord extends PersonCompanyFields {
  id: string | null;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  /** The best email: work before private, then by confidence. */
  email: string | null;
  emailType: string | null;
  emailConfidence: string | null;
  emails: EmailEntry[];
  /** The best phone: not on a do-not-call list first, then mobile, direct, other. */
  phone: string | null;
  phoneType: string | null;
  phoneDoNotCall: boolean | null;
  phones: PhoneEntry[];
  jobTitle: string | null;
  seniority: string | null;
  departments: string[];
  jobStartDate: string | null;
  linkedinUrl: string | null;
  twitterUrl: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  countryCode: string | null;
  continent: string | null;
  isEuContact: boolean | null;
  /** Whether Lusha charged a credit for this record (null when Lusha did not say). */
  creditCharged: boolean | null;
}

/** "A+" → 0.5 better than "A"; unknown grades rank last. */
function confidenceRank(grade: string | null): number {
  const match = grade ? /^([A-F])([+-]?)$/i.exec(grade.trim()) : null;
  if (!match) return 100;
  const base = ((match[1] as string).toUpperCase().charCodeAt(0) - 65) * 3;
  return base + (match[2] === '+' ? 0 : match[2] === '-' ? 2 : 1);
}

const emailTypeRank = (type: string | null) =>
  type?.toLowerCase() === 'work' ? 0 : type?.toLowerCase() === 'private' ? 1 : 2;
const phoneTypeRank = (type: string | null) => {
  const t = type?.toLowerCase() ?? '';
  return t.includes('mobile') ? 0 : t.includes('direct') ? 1 : 2;
};

/** The first entry after a stable sort by `rank` (the original order breaks ties). */
function best<T>(entries: readonly T[], rank: (entry: T) => number[]): T | undefined {
  return entries
    .map((entry, index) => ({ entry, key: [...rank(entry), index] }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i += 1) {
        const diff = (a.key[i] as number) - (b.key[i] as number);
        if (diff !== 0) return diff;
      }
      return 0;
    })[0]?.entry;
}

function emailsOf(contact: Partial<Contact>): EmailEntry[] {
  const seen = new Set<string>();
  const entries: EmailEntry[] = [];
  for (const raw of contact.emails ?? contact.emailAddresses ?? []) {
    const email = firstText(raw.email, raw.address);
    if (!email || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    entries.push({
      email,
      type: firstText(raw.emailType, raw.type)?.toLowerCase() ?? null,
      confidence: firstText(raw.confidence, raw.emailConfidence),
      updatedOn: toIsoDate(raw.updateDate),
    });
  }
  return entries;
}

function phonesOf(contact: Partial<Contact>): PhoneEntry[] {
  const seen = new Set<string>();
  const entries: PhoneEntry[] = [];
  for (const raw of contact.phones ?? contact.phoneNumbers ?? []) {
    const number = firstText(raw.number);
    if (!number || seen.has(number)) continue;
    seen.add(number);
    entries.push({
      number,
      type: firstText(raw.phoneType, raw.type)?.toLowerCase() ?? null,
      doNotCall: typeof raw.doNotCall === 'boolean' ? raw.doNotCall : null,
      updatedOn: toIsoDate(raw.updateDate),
    });
  }
  return entries;
}

/**
 * Seniority as a label, from `jobTitle.seniority`, a string, `{name}`, `{value}` (a revealed
 * prospect: `[{id, value}]`) or a list of those.
 */
function seniorityOf(contact: Partial<Contact>): string | null {
  const fromTitle = typeof contact.jobTitle === 'object' && contact.jobTitle ? contact.jobTitle.seniority : null;
  const raw = contact.seniority;
  const label = (value: unknown): string | null =>
    value && typeof value === 'object'
      ? firstText((value as { name?: unknown }).name, (value as { value?: unknown }).value)
      : firstText(value);
  return seniorityLabel(firstText(fromTitle) ?? (Array.isArray(raw) ? label(raw[0]) : label(raw)));
}

export interface PersonRecordOptions {
  creditCharged?: boolean | null;
}

export function toPersonRecord(contact: Contact, options: PersonRecordOptions = {}): PersonRecord {
  const c: Partial<Contact> = contact;
  const emails = emailsOf(c);
  const phones = phonesOf(c);
  const bestEmail = best(emails, (e) => [emailTypeRank(e.type), confidenceRank(e.confidence)]);
  const bestPhone = best(phones, (p) => [p.doNotCall ? 1 : 0, phoneTypeRank(p.type)]);
  const title = typeof c.jobTitle === 'string' ? { title: c.jobTitle } : (c.jobTitle ?? {});
  const location = c.location ?? {};
  const company = prefixCompany(toCompanyRecord(c.company, firstText(c.companyId)));
  const companyFields = Object.fromEntries(
    PERSON_COMPANY_KEYS.map((key) => [key, company[key]]),
  ) as PersonCompanyFields;
  if (!companyFields.companyName) companyFields.companyName = firstText(c.companyName);
  const firstName = firstText(c.firstName);
  const lastName = firstText(c.lastName);
  return {
    id: firstText(c.personId, c.id),
    firstName,
    lastName,
    fullName: firstText(c.fullName, [firstName, lastName].filter(Boolean).join(' ')),
    email: bestEmail?.email ?? null,
    emailType: bestEmail?.type ?? null,
    emailConfidence: bestEmail?.confidence ?? null,
    emails,
    phone: bestPhone?.number ?? null,
    phoneType: bestPhone?.type ?? null,
    phoneDoNotCall: bestPhone?.doNotCall ?? null,
    phones,
    jobTitle: firstText(title.title),
    seniority: seniorityOf(c),
    departments: uniqueTexts([...('departments' in title ? (title.departments ?? []) : []), ...(c.departments ?? [])]),
    jobStartDate: toIsoDate(c.jobStartDate),
    linkedinUrl: firstText(c.socialLinks?.linkedin),
    twitterUrl: firstText(c.socialLinks?.xUrl),
    city: firstText(location.city),
    state: firstText(location.state),
    country: firstText(location.country),
    countryCode: firstText(location.country_iso2, location.countryIso2)?.toUpperCase() ?? null,
    continent: firstText(location.continent),
    isEuContact:
      typeof location.is_eu_contact === 'boolean'
        ? location.is_eu_contact
        : typeof location.isEuContact === 'boolean'
          ? location.isEuContact
          : null,
    ...companyFields,
    creditCharged: options.creditCharged ?? null,
  };
}

/**
 * What a Zap built on 1.x (Lusha V2) sees differently in a person record since V3, and in the
 * person options: Find Person and Bulk Enrich People say it in their migration notes.
 */
export const PERSON_SINCE_V3: string[] = [
  'Job Start Date is null: V3 does not return it.',
  "Of the person's company, V3 returns the ID, name, domain and industry only (Company Website comes from the " +
    'domain): Company LinkedIn URL, Employees (and Min/Max), Revenue Min/Max, Sub-Industry, City, Country and ' +
    'Country Code are null (Find Company or Bulk Enrich Companies fills them).',
  'Refresh Job Info is accepted and ignored: V3 always answers with the latest job it has.',
  'Data to Reveal set to one kind works on every plan (V2 needed Unified Credits).',
];

/** The record of a row without a match: every key present, all empty. */
export const emptyPersonRecord: PersonRecord = toPersonRecord({} as Contact);

export const personOutputFields: OutputField[] = [
  { key: 'id', label: 'Lusha Person ID', type: 'string' },
  { key: 'firstName', label: 'First Name', type: 'string' },
  { key: 'lastName', label: 'Last Name', type: 'string' },
  { key: 'fullName', label: 'Full Name', type: 'string' },
  { key: 'email', label: 'Best Email', type: 'string' },
  { key: 'emailType', label: 'Best Email Type', type: 'string' },
  { key: 'emailConfidence', label: 'Best Email Confidence', type: 'string' },
  {
    key: 'emails',
    label: 'All Emails',
    children: [
      { key: 'email', label: 'Email', type: 'string' },
      { key: 'type', label: 'Email Type', type: 'string' },
      { key: 'confidence', label: 'Email Confidence', type: 'string' },
      { key: 'updatedOn', label: 'Email Updated On', type: 'string' },
    ],
  },
  { key: 'phone', label: 'Best Phone', type: 'string' },
  { key: 'phoneType', label: 'Best Phone Type', type: 'string' },
  { key: 'phoneDoNotCall', label: 'Best Phone Is Do Not Call', type: 'boolean' },
  {
    key: 'phones',
    label: 'All Phones',
    children: [
      { key: 'number', label: 'Phone Number', type: 'string' },
      { key: 'type', label: 'Phone Type', type: 'string' },
      { key: 'doNotCall', label: 'Do Not Call', type: 'boolean' },
      { key: 'updatedOn', label: 'Phone Updated On', type: 'string' },
    ],
  },
  { key: 'jobTitle', label: 'Job Title', type: 'string' },
  { key: 'seniority', label: 'Seniority', type: 'string' },
  { key: 'departments', label: 'Departments', type: 'string', list: true },
  { key: 'jobStartDate', label: 'Job Start Date', type: 'string' },
  { key: 'linkedinUrl', label: 'LinkedIn URL', type: 'string' },
  { key: 'twitterUrl', label: 'X (Twitter) URL', type: 'string' },
  { key: 'city', label: 'City', type: 'string' },
  { key: 'state', label: 'State', type: 'string' },
  { key: 'country', label: 'Country', type: 'string' },
  { key: 'countryCode', label: 'Country Code', type: 'string' },
  { key: 'continent', label: 'Continent', type: 'string' },
  { key: 'isEuContact', label: 'Is EU Contact', type: 'boolean' },
  ...(
    [
      'id',
      'name',
      'domain',
      'website',
      'linkedinUrl',
      'employees',
      'employeesMin',
      'employeesMax',
      'revenueMin',
      'revenueMax',
      'industry',
      'subIndustry',
      'city',
      'country',
      'countryCode',
    ] as const
  ).map(prefixedCompanyField),
  { key: 'creditCharged', label: 'Credit Charged', type: 'boolean' },
];

const sampleCompany = prefixCompany(companySample);

export const personSample: PersonRecord = {
  id: '4183886134',
  firstName: 'Maya',
  lastName: 'Goldberg',
  fullName: 'Maya Goldberg',
  email: 'maya.goldberg@northwind-analytics.com',
  emailType: 'work',
  emailConfidence: 'A+',
  emails: [
    { email: 'maya.goldberg@northwind-analytics.com', type: 'work', confidence: 'A+', updatedOn: '2026-09-14' },
    { email: 'maya.goldberg@gmail.com', type: 'private', confidence: 'A', updatedOn: '2026-02-03' },
  ],
  phone: '+1 617-555-0142',
  phoneType: 'mobile',
  phoneDoNotCall: false,
  phones: [
    { number: '+1 617-555-0142', type: 'mobile', doNotCall: false, updatedOn: '2026-09-14' },
    { number: '+1 617-555-0100', type: 'direct', doNotCall: true, updatedOn: '2025-11-20' },
  ],
  jobTitle: 'VP of Sales',
  seniority: 'VP',
  departments: ['Sales'],
  jobStartDate: '2023-04-01',
  linkedinUrl: 'https://www.linkedin.com/in/maya-goldberg',
  twitterUrl: null,
  city: 'Boston',
  state: 'Massachusetts',
  country: 'United States',
  countryCode: 'US',
  continent: 'North America',
  isEuContact: false,
  ...(Object.fromEntries(PERSON_COMPANY_KEYS.map((key) => [key, sampleCompany[key]])) as PersonCompanyFields),
  creditCharged: true,
};
