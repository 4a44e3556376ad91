/**
 * Result shapes of the V3 prospecting and lookalike endpoints: `V3ContactPreview` and
 * `V3CompanyPreview` (operations `prospectingContacts`, `prospectingCompanies`),
 * `V3LookAlikeContactResult` and `V3LookAlikeCompanyResult` (`getContactLookalikes`,
 * `getCompanyLookalikes`). Ids are the dataset's Lusha ids as strings, so that
 * `/v3/contacts/enrich` and `/v3/companies/enrich` can reveal them. Previews never carry
 * emails or phone numbers. Also the few attributes V3 filters need that the dataset does not
 * store, derived deterministically from it (business model, contact score).
 */
import type { Account } from '../accounts';
import type { SandboxCompany, SandboxLocation, SandboxPerson } from '../model';
import { companyLocation } from '../shapes';

type Json = Record<string, unknown>;

/** Credits to reveal, per Lusha's pricing (`revealEmail` 1, `revealPhone` 5; spec `getAccountUsage` example). */
export const REVEAL_EMAIL_CREDITS = 1;
export const REVEAL_PHONE_CREDITS = 5;
/** Premium company fields a preview lists in `canReveal` (spec `searchCompanies` example), 1 credit each. */
export const PREVIEW_PREMIUM_FIELDS: readonly string[] = [
  'employeesByDepartment',
  'employeesByLocation',
  'employeesBySeniority',
  'competitors',
];

function compact(o: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

function personPlace(l: SandboxLocation): Json {
  return compact({ country: l.country, state: l.state, city: l.city });
}

/** Phones a contact preview counts: all of them, or the callable ones when `excludeDnc` asked so. */
export function previewPhones(p: SandboxPerson, hideDnc: boolean) {
  return hideDnc ? p.phones.filter((ph) => !ph.doNotCall) : p.phones;
}

/** `V3ContactPreview` without `clientReferenceId` (prospecting has none). */
export function contactPreview(
  account: Account,
  p: SandboxPerson,
  c: SandboxCompany,
  hideDnc: boolean,
  signalTypes?: string[],
): Json {
  const phones = previewPhones(p, hideDnc);
  const has = ['firstName', 'lastName', 'jobTitle', 'location'];
  if (p.linkedinUrl) has.push('socialLinks');
  if (p.emails.length > 0) has.push('emails');
  if (phones.length > 0) has.push('phones');
  // "0 when already revealed for this account": the key's ledger of revealed contacts.
  const revealed = account.revealed.has(p.personId);
  const canReveal: Json[] = [];
  if (p.emails.length > 0) canReveal.push({ field: 'emails', credits: revealed ? 0 : REVEAL_EMAIL_CREDITS });
  if (phones.length > 0) canReveal.push({ field: 'phones', credits: revealed ? 0 : REVEAL_PHONE_CREDITS });
  return {
    id: String(p.personId),
    firstName: p.firstName,
    lastName: p.lastName,
    jobTitle: { title: p.jobTitle, departments: [...p.departments], seniority: p.seniority },
    company: { id: String(c.id), name: c.name, domain: c.fqdn, industry: c.mainIndustry },
    location: personPlace(p.location),
    ...(p.linkedinUrl ? { socialLinks: { linkedin: p.linkedinUrl } } : {}),
    has,
    canReveal,
    ...(signalTypes ? { signalTypes } : {}),
  };
}

/** Whether a company profile is partial: the dataset's only gap is a missing revenue range. */
export function isPartialCompany(c: SandboxCompany): boolean {
  return c.revenueRange === null;
}

/** `V3CompanyPreview` without `clientReferenceId`. */
export function companyPreview(c: SandboxCompany, employees: number, signalTypes?: string[]): Json {
  const has = previewHas(c);
  const premium = employees > 0 ? PREVIEW_PREMIUM_FIELDS : ['competitors'];
  has.push(...premium, 'businessModel', 'keywords', 'socialLinks');
  return {
    ...companyHead(c),
    has,
    canReveal: premium.map((field) => ({ field, credits: 1 })),
    ...(signalTypes ? { signalTypes } : {}),
  };
}

/**
 * The start of a company preview's `has`, up to `logoUrl`. Search Companies lists the industry codes
 * of every company; with `everyCode` false only the kinds of code the company has are listed.
 */
export function previewHas(c: SandboxCompany, everyCode = true): string[] {
  const has = ['alternativeName', 'description', 'companyType', 'yearFounded', 'subIndustry'];
  if (c.specialities.length > 0) has.push('specialities');
  if (everyCode || c.sic.length > 0) has.push('sicCodes');
  if (everyCode || c.naics.length > 0) has.push('naicsCodes');
  if (c.companyLocations.length > 1) has.push('additionalLocations');
  has.push('linkedinFollowers');
  if (c.funding) has.push('funding');
  if (c.revenueRange) has.push('revenueRange');
  if (c.intentTopics.length > 0) has.push('intent');
  has.push('popularityTier', 'logoUrl');
  return has;
}

export function employeeCount(c: SandboxCompany): Json {
  return { exact: c.employeesInLinkedin, min: c.size.min, max: c.size.max };
}

/** The fields every V3 company preview opens with, `id` to `socialLinks`. */
export function companyHead(c: SandboxCompany): Json {
  return {
    id: String(c.id),
    name: c.name,
    domain: c.fqdn,
    employeeCount: employeeCount(c),
    industry: c.mainIndustry,
    location: companyLocation(c),
    socialLinks: { linkedin: c.linkedinUrl },
  };
}

/** `V3LookAlikeContactResult`. */
export function lookalikeContact(p: SandboxPerson, c: SandboxCompany): Json {
  return {
    id: String(p.personId),
    firstName: p.firstName,
    lastName: p.lastName,
    ...(p.linkedinUrl ? { socialLinks: { linkedin: p.linkedinUrl } } : {}),
    company: { id: String(c.id), name: c.name, domain: c.fqdn },
    jobTitle: { title: p.jobTitle, departments: [...p.departments], seniority: p.seniority },
    location: personPlace(p.location),
  };
}

/** `V3LookAlikeCompanyResult` (its example gives the bare domain, `marriott.com`). */
export function lookalikeCompany(c: SandboxCompany): Json {
  return {
    id: String(c.id),
    name: c.name,
    domain: c.domain,
    employeeCount: { exact: c.employeesInLinkedin },
    industry: c.mainIndustry,
    location: personPlace(c.location),
    socialLinks: { linkedin: c.linkedinUrl },
  };
}

// ------------------------------------------------------------------ derived attributes

/** Business models by main industry id, with sub-industries that add one (filter `businessModel`). */
const MODELS_BY_INDUSTRY: Record<number, readonly string[]> = {
  1: ['B2B'],
  2: ['B2B'],
  3: ['B2C'],
  4: ['B2B'],
  5: ['B2C'],
  6: ['B2B'],
  7: ['B2C'],
  8: ['B2B'],
  9: ['B2C'],
  10: ['B2B', 'B2G'],
  11: ['B2C', 'B2G'],
  12: ['B2C'],
  13: ['B2C'],
};
const EXTRA_MODEL_BY_SUB: Record<number, string> = {
  104: 'B2C',
  105: 'B2C',
  106: 'B2C',
  201: 'B2C',
  202: 'B2C',
  303: 'B2B',
  304: 'B2B',
  703: 'B2G',
  903: 'B2B',
};

export function businessModels(c: SandboxCompany): string[] {
  const base = MODELS_BY_INDUSTRY[c.mainIndustryId] ?? ['B2B'];
  const extra = EXTRA_MODEL_BY_SUB[c.subIndustryId];
  return extra && !base.includes(extra) ? [...base, extra] : [...base];
}

const SCORE_BANDS: Record<string, [number, number]> = { 'A+': [76, 99], A: [61, 75], B: [41, 60], C: [21, 40] };
const GRADE_ORDER = ['A+', 'A', 'B', 'C'];

/**
 * Raw 0–100 contact score (filter `score`): inside the band of the contact's best email grade
 * ("A+ when score > 75"), placed by the person id; 0–20 without an email.
 */
export function contactScore(p: SandboxPerson): number {
  const best = GRADE_ORDER.find((g) => p.emails.some((e) => e.emailConfidence === g));
  const [lo, hi] = best ? (SCORE_BANDS[best] ?? [0, 20]) : [0, 20];
  return lo + (p.personId % (hi - lo + 1));
}
