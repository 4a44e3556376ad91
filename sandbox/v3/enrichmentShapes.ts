/**
 * V3 wire shapes of the Search / Enrich / Search & Enrich family (operations `searchContacts`,
 * `enrichContacts`, `searchAndEnrichContacts`, `searchCompanies`, `enrichCompanies`,
 * `searchAndEnrichCompanies`): the previews (`V3ContactPreview`, `V3CompanyPreview`) with `has` and
 * `canReveal`, and the full records (`V3EnrichedContact`, `V3EnrichedCompany`). Ids are strings, locations
 * camelCase, emails and phones `{…, type, confidence | doNotCall, updateDate}` as in the spec's examples.
 */
import type { SandboxCompany, SandboxEmail, SandboxPerson, SandboxPhone } from '../model';
import { companyLocation, fundingShape, intentShape, placeOf } from '../shapes';
import type { Store } from '../store';
import { companyInsights, type CompanyInsights } from './companyInsights';
import { companyHead, employeeCount } from './prospectingPreviews';
import { priceOf, type PricingEntry, type V3Action } from './pricing';
import { type CompanyPremiumField, type ContactRevealField, type RevealLedger } from './reveals';

type Json = Record<string, unknown>;
type Pricing = Record<V3Action, PricingEntry>;

function compact<T extends Json>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** V2's seniority labels, as V3 spells them ("VP" is "Vice President" in every V3 example). */
export function v3Seniority(label: string): string {
  return label === 'VP' ? 'Vice President' : label;
}

/** V3 phone types are mobile, direct, work, unknown (`V3PhoneNumber`); the dataset's generic `phone` is `work`. */
function phoneType(t: SandboxPhone['phoneType']): string {
  return t === 'phone' ? 'work' : t;
}

function emailShape(e: SandboxEmail): Json {
  return { email: e.email, type: e.emailType, confidence: e.emailConfidence, updateDate: e.updateDate };
}

function phoneShape(p: SandboxPhone): Json {
  return { number: p.number, type: phoneType(p.phoneType), doNotCall: p.doNotCall, updateDate: p.updateDate };
}

function contactCompany(c: SandboxCompany): Json {
  return { id: String(c.id), name: c.name, domain: c.fqdn, industry: c.mainIndustry };
}

function jobTitle(p: SandboxPerson): Json {
  return { title: p.jobTitle, departments: p.departments.slice(), seniority: v3Seniority(p.seniority) };
}

export const CONTACT_REVEAL_ACTION: Record<ContactRevealField, V3Action> = {
  emails: 'revealEmail',
  phones: 'revealPhone',
};

/** The contact fields this person has data for. */
export function contactFieldsWithData(p: SandboxPerson): ContactRevealField[] {
  const out: ContactRevealField[] = [];
  if (p.emails.length > 0) out.push('emails');
  if (p.phones.length > 0) out.push('phones');
  return out;
}

/** `V3ContactPreview`: no PII; `canReveal` costs 0 for fields this key already revealed. */
export function contactPreview(p: SandboxPerson, c: SandboxCompany, ledger: RevealLedger, pricing: Pricing): Json {
  const has = ['firstName', 'lastName', 'jobTitle', 'location'];
  if (p.linkedinUrl) has.push('socialLinks');
  const fields = contactFieldsWithData(p);
  has.push(...fields);
  return {
    id: String(p.personId),
    firstName: p.firstName,
    lastName: p.lastName,
    jobTitle: jobTitle(p),
    company: contactCompany(c),
    location: compact({ country: p.location.country, state: p.location.state ?? undefined, city: p.location.city }),
    socialLinks: p.linkedinUrl ? { linkedin: p.linkedinUrl } : {},
    has,
    canReveal: fields.map((field) => ({
      field,
      credits: ledger.contacts.has(p.personId, field) ? 0 : priceOf(pricing, CONTACT_REVEAL_ACTION[field]),
    })),
  };
}

/** `V3EnrichedContact`: `emails` / `phones` only for the kinds asked for in `reveal`. */
export function enrichedContact(p: SandboxPerson, c: SandboxCompany, reveal: readonly ContactRevealField[]): Json {
  const prev = p.previousJob;
  return compact({
    id: String(p.personId),
    firstName: p.firstName,
    lastName: p.lastName,
    fullName: p.fullName,
    jobTitle: jobTitle(p),
    location: compact({
      country: p.location.country,
      countryIso2: p.location.countryIso2,
      state: p.location.state ?? undefined,
      city: p.location.city,
      continent: p.location.continent,
      coordinates: p.location.coordinates.slice(),
      isEuContact: p.location.isEu,
    }),
    tags: [],
    emails: reveal.includes('emails') ? p.emails.map(emailShape) : undefined,
    phones: reveal.includes('phones') ? p.phones.map(phoneShape) : undefined,
    company: contactCompany(c),
    socialLinks: compact({ linkedin: p.linkedinUrl ?? undefined, xUrl: p.xUrl ?? undefined }),
    previousEmployment: prev
      ? [
          {
            company: { name: prev.companyName, domain: prev.domain },
            jobTitle: { title: prev.title, departments: prev.departments.slice() },
          },
        ]
      : [],
    updateDate: p.updateDate,
  });
}

export const COMPANY_REVEAL_ACTION: Record<CompanyPremiumField, V3Action> = {
  employeesByDepartment: 'revealEmployeesByDepartment',
  employeesByLocation: 'revealEmployeesByLocation',
  employeesBySeniority: 'revealEmployeesBySeniority',
  competitors: 'revealCompetitors',
  intent: 'revealIntent',
  estimatedAnnualItSpend: 'revealEstimatedAnnualItSpend',
  monthlyWebsiteTraffic: 'revealMonthlyWebsiteTraffic',
};

/** The value of a premium field, or undefined when the company has none (then it is neither shown nor charged). */
export function premiumValue(c: SandboxCompany, insights: CompanyInsights, field: CompanyPremiumField): unknown {
  switch (field) {
    case 'intent':
      return intentShape(c);
    case 'competitors':
      return insights.competitors.length > 0 ? insights.competitors : undefined;
    case 'estimatedAnnualItSpend':
      return insights.estimatedAnnualItSpend ?? undefined;
    case 'monthlyWebsiteTraffic':
      return insights.monthlyWebsiteTraffic ?? undefined;
    default:
      return insights[field];
  }
}

const PREMIUM_ORDER: readonly CompanyPremiumField[] = [
  'intent',
  'employeesByDepartment',
  'employeesByLocation',
  'employeesBySeniority',
  'competitors',
  'estimatedAnnualItSpend',
  'monthlyWebsiteTraffic',
];

/** "Public company" -> "Public Company", as the V3 examples write it. */
function companyType(t: string): string {
  return t.replace(/\b\w/g, (ch) => ch.toUpperCase());
}

/** `V3CompanyPreview`: `has` lists the data Enrich Companies can return, `canReveal` the premium fields. */
export function companyPreview(
  store: Store,
  c: SandboxCompany,
  now: Date,
  ledger: RevealLedger,
  pricing: Pricing,
): Json {
  const ins = companyInsights(store, c, now);
  const has: string[] = [
    'alternativeName',
    'alternativeDomains',
    'description',
    'companyType',
    'yearFounded',
    'subIndustry',
  ];
  if (c.specialities.length > 0) has.push('specialities');
  has.push('sicCodes', 'naicsCodes');
  if (c.companyLocations.length > 1) has.push('additionalLocations');
  has.push('linkedinFollowers');
  if (c.revenueRange) has.push('revenueRange');
  if (c.funding) has.push('funding');
  if (c.technologies.length > 0) has.push('technologies');
  const premium = PREMIUM_ORDER.filter((f) => premiumValue(c, ins, f) !== undefined);
  if (premium.includes('intent')) has.push('intent');
  has.push('popularityTier', 'logoUrl');
  has.push(...premium.filter((f) => f !== 'intent' && f !== 'estimatedAnnualItSpend' && f !== 'monthlyWebsiteTraffic'));
  has.push('businessModel');
  if (ins.phones.length > 0) has.push('phones');
  if (ins.emails.length > 0) has.push('emails');
  has.push('keywords', 'socialLinks');
  has.push(...premium.filter((f) => f === 'estimatedAnnualItSpend' || f === 'monthlyWebsiteTraffic'));
  return {
    ...companyHead(c),
    has,
    canReveal: premium.map((field) => ({
      field,
      credits: ledger.companies.has(c.id, field) ? 0 : priceOf(pricing, COMPANY_REVEAL_ACTION[field]),
    })),
  };
}

/** `V3EnrichedCompany` with the given premium fields (those without data are left out). */
export function enrichedCompany(
  store: Store,
  c: SandboxCompany,
  now: Date,
  premium: readonly CompanyPremiumField[],
): Json {
  const ins = companyInsights(store, c, now);
  const out: Json = compact({
    id: String(c.id),
    name: c.name,
    alternativeName: c.alternativeName,
    domain: c.fqdn,
    alternativeDomains: [c.domain],
    description: c.description,
    companyType: companyType(c.companyType),
    yearFounded: c.founded,
    employeeCount: employeeCount(c),
    industry: c.mainIndustry,
    subIndustry: c.subIndustry,
    specialities: c.specialities.length > 0 ? c.specialities.slice() : undefined,
    sicCodes: c.sic.map((s) => ({ code: Number(s.code), description: s.label })),
    naicsCodes: c.naics.map((n) => ({ code: Number(n.code), description: n.label })),
    emailDomain: c.domain,
    location: { ...companyLocation(c), zipCode: c.location.postalCode },
    additionalLocations: c.companyLocations.slice(1).map((l) => placeOf(l)),
    socialLinks: compact({ linkedin: c.linkedinUrl, facebook: ins.facebook ?? undefined, x: ins.x ?? undefined }),
    linkedinFollowers: c.linkedinFollowers,
    revenueRange: c.revenueRange ? { min: c.revenueRange[0], max: c.revenueRange[1] } : undefined,
    funding: fundingShape(c),
    technologies: c.technologies.slice(),
    popularityTier: c.popularityTier,
    logoUrl: c.logoUrl,
  });
  for (const field of PREMIUM_ORDER) {
    if (!premium.includes(field)) continue;
    const v = premiumValue(c, ins, field);
    if (v !== undefined) out[field] = v;
  }
  out.businessModel = ins.businessModel.slice();
  if (ins.phones.length > 0) out.phones = ins.phones.map((p) => ({ ...p }));
  if (ins.emails.length > 0) out.emails = ins.emails.map((e) => ({ ...e }));
  out.keywords = ins.keywords.slice();
  return out;
}
