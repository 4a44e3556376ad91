/**
 * Wire shapes, one function per documented response object. Field names follow the V2 spec
 * (and the reference README where real clients see something else).
 */
import { humanDate } from './dates';
import type {
  CompanySignalRecord,
  ContactSignalRecord,
  SandboxCompany,
  SandboxEmail,
  SandboxLocation,
  SandboxPerson,
  SandboxPhone,
} from './model';

type Json = Record<string, unknown>;

export interface RevealOptions {
  emails: boolean;
  phones: boolean;
  /** Hide phones marked Do Not Call (prospecting searches run with excludeDnc). */
  hideDnc?: boolean;
}

export function visiblePhones(p: SandboxPerson, o: RevealOptions): SandboxPhone[] {
  if (!o.phones) return [];
  return o.hideDnc ? p.phones.filter((ph) => !ph.doNotCall) : p.phones.slice();
}

export function visibleEmails(p: SandboxPerson, o: RevealOptions) {
  return o.emails ? p.emails.slice() : [];
}

/** One entry of a contact's `emailAddresses` (V2). */
function emailAddress(e: SandboxEmail): Json {
  return { email: e.email, emailType: e.emailType, emailConfidence: e.emailConfidence, updateDate: e.updateDate };
}

/** One entry of a contact's `phoneNumbers` (V2). */
function phoneNumber(ph: SandboxPhone): Json {
  return { number: ph.number, phoneType: ph.phoneType, doNotCall: ph.doNotCall, updateDate: ph.updateDate };
}

/** Person location: snake_case in the person APIs. */
export function personLocation(l: SandboxLocation): Json {
  const out: Json = {
    country: l.country,
    country_iso2: l.countryIso2,
    continent: l.continent,
    city: l.city,
  };
  if (l.state) out.state = l.state;
  if (l.stateCode) out.state_code = l.stateCode;
  out.location_coordinates = l.coordinates;
  out.is_eu_contact = l.isEu;
  return out;
}

/** A company's headquarters, flat and camelCase (V2 prospecting enrich, V3 companies); no empty state. */
export function companyLocation(c: SandboxCompany): Json {
  return placeOf(c.location);
}

/** A location from city to continent, leaving out the state and state code where there are none. */
export function placeOf(l: SandboxLocation): Json {
  return compact({
    city: l.city,
    state: l.state ?? undefined,
    stateCode: l.stateCode ?? undefined,
    country: l.country,
    countryIso2: l.countryIso2,
    continent: l.continent,
  });
}

function siteLocation(l: SandboxLocation): Json {
  return {
    city: l.city,
    continent: l.continent,
    country: l.country,
    country_iso2: l.countryIso2,
    location_coordinates: l.coordinates,
    state: l.state,
    state_code: l.stateCode,
  };
}

export function fundingShape(c: SandboxCompany): Json | undefined {
  if (!c.funding) return undefined;
  const rounds = c.funding.rounds.map((r) => ({
    currency: r.currency,
    roundAmount: r.roundAmount,
    roundType: r.roundType,
    roundDate: humanDate(r.roundDate),
  }));
  const last = c.funding.rounds[c.funding.rounds.length - 1];
  return {
    rounds,
    totalRounds: rounds.length,
    totalRoundsAmount: c.funding.rounds.reduce((s, r) => s + r.roundAmount, 0),
    currency: 'USD',
    isIpo: c.funding.isIpo,
    ...(last
      ? { lastRoundType: last.roundType, lastRoundAmount: last.roundAmount, lastRoundDate: humanDate(last.roundDate) }
      : {}),
  };
}

export function intentShape(c: SandboxCompany): Json | undefined {
  if (c.intentTopics.length === 0) return undefined;
  return {
    detectedTopics: c.intentTopics.map((t) => ({
      topicName: t.topicName,
      metadata: { topicScore: t.topicScore, topicTrend: t.topicTrend },
    })),
    topicCount: c.intentTopics.length,
  };
}

export function industryCodes(c: SandboxCompany): Json {
  return {
    sicCodes: c.sic.map((s) => ({ sicCodes: Number(s.code), description: s.label })),
    naicsCodes: c.naics.map((n) => ({ naicsCodes: Number(n.code), description: n.label })),
  };
}

function employeesLabel(c: SandboxCompany): string {
  return `${c.size.min} - ${c.size.max}`;
}

function compact(o: Json): Json {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** The company object embedded in person results (GET /v2/person `data.company`, POST /v2/person `companies`). */
export function personCompany(c: SandboxCompany): Json {
  return compact({
    name: c.name,
    description: c.description,
    domains: { homepage: c.domain, email: c.domain },
    homepageUrl: c.website,
    fqdn: c.fqdn,
    location: compact({
      city: c.location.city,
      continent: c.location.continent,
      country: c.location.country,
      rawLocation: c.location.rawLocation,
      countryIso2: c.location.countryIso2,
      state: c.location.state ?? undefined,
      stateCode: c.location.stateCode ?? undefined,
    }),
    companySize: [c.size.min, c.size.max],
    revenueRange: c.revenueRange ?? undefined,
    logoUrl: c.logoUrl,
    social: compact({ linkedin: c.linkedinUrl, crunchbase: c.crunchbaseUrl ?? undefined }),
    mainIndustry: c.mainIndustry,
    subIndustry: c.subIndustry,
    specialities: c.specialities,
    technologies: c.technologies.map((name) => ({ name })),
    funding: fundingShape(c),
    intent: intentShape(c),
    industryPrimaryGroupDetails: industryCodes(c),
  });
}

/** Contact object of GET/POST /v2/person. */
export function contactData(p: SandboxPerson, o: RevealOptions): Json {
  const emails = visibleEmails(p, o);
  const phones = visiblePhones(p, o);
  return compact({
    personId: p.personId,
    firstName: p.firstName,
    lastName: p.lastName,
    fullName: p.fullName,
    companyId: p.companyId,
    contactTags: [],
    emails: emails.map((e) => e.email),
    emailAddresses: emails.map(emailAddress),
    phones: phones.map((ph) => ph.number),
    phoneNumbers: phones.map(phoneNumber),
    location: personLocation(p.location),
    jobTitle: { title: p.jobTitle, seniority: p.seniority, departments: p.departments.slice() },
    socialLinks: compact({ linkedin: p.linkedinUrl ?? undefined, xUrl: p.xUrl ?? undefined }),
    jobStartDate: p.jobStartDate,
    previousJob: p.previousJob
      ? {
          company: { name: p.previousJob.companyName, domain: p.previousJob.domain },
          jobTitle: { title: p.previousJob.title, departments: p.previousJob.departments.slice() },
        }
      : { company: {}, jobTitle: {} },
    updateDate: p.updateDate,
    linkedinFollowersCount: p.linkedinFollowersCount,
    linkedinConnectionsCount: p.linkedinConnectionsCount,
    linkedinSkills: p.skills.slice(),
  });
}

/** GET /v2/company `data`. */
export function companySingle(c: SandboxCompany): Json {
  return compact({
    id: c.id,
    name: c.name,
    alternativeName: c.alternativeName,
    description: c.description,
    domain: c.domain,
    emailDomain: c.domain,
    fqdn: c.fqdn,
    website: c.website,
    employees: employeesLabel(c),
    founded: String(c.founded),
    logoUrl: c.logoUrl,
    companyType: c.companyType,
    lushaPopularityTier: c.popularityTier,
    linkedinFollowers: c.linkedinFollowers,
    companySize: { min: c.size.min, max: c.size.max, employeesInLinkedin: c.employeesInLinkedin },
    revenueRange: c.revenueRange ?? undefined,
    mainIndustry: c.mainIndustry,
    subIndustry: c.subIndustry,
    categories: [c.mainIndustry, c.subIndustry],
    social: compact({
      linkedin: { url: c.linkedinUrl },
      crunchbase: c.crunchbaseUrl ? { url: c.crunchbaseUrl } : undefined,
    }),
    location: compact({
      city: c.location.city,
      country: c.location.country,
      countryIso2: c.location.countryIso2,
      state: c.location.state ?? undefined,
      stateCode: c.location.stateCode ?? undefined,
      fullLocation: c.location.rawLocation.replace(/;/g, ','),
      rawLocation: c.location.rawLocation,
    }),
    companyLocations: c.companyLocations.map(siteLocation),
    industryPrimaryGroupDetails: industryCodes(c),
    specialities: c.specialities,
    technologies: c.technologies.map((name) => ({ name })),
    funding: fundingShape(c),
    intent: intentShape(c),
  });
}

/** POST /v2/company: one entry of the map keyed by the caller's id (flat fields). */
export function companyBulk(c: SandboxCompany): Json {
  return compact({
    id: c.id,
    lushaCompanyId: String(c.id),
    name: c.name,
    alternativeName: c.alternativeName,
    companySize: [c.size.min, c.size.max],
    employeesInLinkedin: c.employeesInLinkedin,
    revenueRange: c.revenueRange ?? undefined,
    fqdn: c.fqdn,
    emailDomain: c.domain,
    founded: String(c.founded),
    description: c.description,
    logoUrl: c.logoUrl,
    companyType: c.companyType,
    lushaPopularityTier: c.popularityTier,
    linkedinFollowers: c.linkedinFollowers,
    industryPrimaryGroupDetails: industryCodes(c),
    linkedin: c.linkedinUrl,
    crunchbase: c.crunchbaseUrl ?? undefined,
    mainIndustry: c.mainIndustry,
    subIndustry: c.subIndustry,
    city: c.location.city,
    state: c.location.state ?? undefined,
    country: c.location.country,
    countryIso2: c.location.countryIso2,
    continent: c.location.continent,
    rawLocation: c.location.rawLocation,
    companyLocations: c.companyLocations.map(siteLocation),
    specialities: c.specialities,
    funding: fundingShape(c),
    intent: intentShape(c),
    technologies: c.technologies.map((name) => ({ name })),
  });
}

/** POST /prospecting/company/enrich: one entry of `companies`. */
export function companyEnrich(c: SandboxCompany): Json {
  return compact({
    id: c.id,
    name: c.name,
    companySize: { min: c.size.min, max: c.size.max, employees_in_linkedin: c.employeesInLinkedin },
    employees: employeesLabel(c),
    revenueRange: c.revenueRange ?? undefined,
    fqdn: c.fqdn,
    description: c.description,
    domains: { email: c.domain, homepage: c.domain },
    logoUrl: c.logoUrl,
    industryTags: [c.mainIndustry, c.subIndustry],
    social: compact({ linkedin: c.linkedinUrl, crunchbase: c.crunchbaseUrl ?? undefined }),
    ...companyLocation(c),
    rawLocation: c.location.rawLocation,
    coordinates: c.location.coordinates,
    specialities: c.specialities,
    mainIndustry: c.mainIndustry,
    subIndustry: c.subIndustry,
    linkedinFollowers: c.linkedinFollowers,
    emailDomain: c.domain,
    companyLocations: c.companyLocations.map(siteLocation),
    alternativeName: c.alternativeName,
    companyType: c.companyType,
    lushaPopularityTier: c.popularityTier,
    funding: fundingShape(c),
    intent: intentShape(c),
    technologies: c.technologies.map((name) => ({ name })),
  });
}

/** The `has*` flags of what the dataset holds about a company, first in a contact's and a company's flags. */
function companyDataFlags(c: SandboxCompany): Json {
  return {
    hasCompanyEmployeesCount: true,
    hasCompanyRevenue: c.revenueRange !== null,
    hasCompanyMainIndustry: true,
    hasCompanySubIndustry: true,
    hasCompanyFunding: c.funding !== null,
    hasCompanyIntent: c.intentTopics.length > 0,
    hasCompanyTechnologies: c.technologies.length > 0,
  };
}

/** Every company has a city and a country: the last of a contact's and a company's flags. */
const COMPANY_PLACE_FLAGS = { hasCompanyCity: true, hasCompanyCountry: true } as const;

export function contactFlags(p: SandboxPerson, c: SandboxCompany, hideDnc: boolean): Json {
  const phones = hideDnc ? p.phones.filter((ph) => !ph.doNotCall) : p.phones;
  return {
    ...companyDataFlags(c),
    hasDepartment: p.departments.length > 0,
    hasSeniority: true,
    hasContactLocation: true,
    hasSocialLink: p.linkedinUrl !== null,
    hasEmails: p.emails.length > 0,
    hasWorkEmail: p.emails.some((e) => e.emailType === 'work'),
    hasPrivateEmail: p.emails.some((e) => e.emailType === 'private'),
    hasPhones: phones.length > 0,
    hasMobilePhone: phones.some((ph) => ph.phoneType === 'mobile'),
    hasDirectPhone: phones.some((ph) => ph.phoneType === 'direct'),
    ...COMPANY_PLACE_FLAGS,
  };
}

export function companyFlags(c: SandboxCompany): Json {
  return { ...companyDataFlags(c), ...COMPANY_PLACE_FLAGS };
}

/** POST /prospecting/contact/enrich: `data` of one contact. */
export function contactEnrichData(p: SandboxPerson, c: SandboxCompany, o: RevealOptions): Json {
  return compact({
    firstName: p.firstName,
    lastName: p.lastName,
    fullName: p.fullName,
    isShown: true,
    jobTitle: p.jobTitle,
    location: compact({
      city: p.location.city,
      state: p.location.state ?? undefined,
      country: p.location.country,
      country_iso2: p.location.countryIso2,
      continent: p.location.continent,
    }),
    emailAddresses: visibleEmails(p, o).map(emailAddress),
    phoneNumbers: visiblePhones(p, o).map(phoneNumber),
    companyId: c.id,
    companyName: c.name,
    socialLinks: compact({ linkedin: p.linkedinUrl ?? undefined, xUrl: p.xUrl ?? undefined }),
    departments: p.departments.slice(),
    seniority: [{ id: p.seniorityId, value: p.seniority.toLowerCase() }],
    company: compact({
      revenueRange: c.revenueRange ?? undefined,
      funding: fundingShape(c),
      intent: intentShape(c),
      mainIndustry: c.mainIndustry,
      subIndustry: c.subIndustry,
      technologies: c.technologies.map((name) => ({ name })),
    }),
    linkedinFollowersCount: p.linkedinFollowersCount,
    linkedinConnectionsCount: p.linkedinConnectionsCount,
    linkedinSkills: p.skills.slice(),
  });
}

export function contactSignalItem(s: ContactSignalRecord): Json {
  return {
    personId: String(s.personId),
    currentCompanyId: s.currentCompanyId,
    currentCompanyName: s.currentCompanyName,
    currentDomain: s.currentDomain,
    currentTitle: s.currentTitle,
    currentDepartments: s.currentDepartments,
    currentSeniorityLabel: s.currentSeniorityLabel,
    previousCompanyName: s.previousCompanyName,
    previousDomain: s.previousDomain,
    signalDate: s.signalDate,
  };
}

export function companySignalItem(s: CompanySignalRecord, c: SandboxCompany): Json {
  const isNews = 'articlePublishedDate' in s.fields;
  return {
    companyId: String(c.id),
    companyName: c.name,
    domain: c.domain,
    signalId: s.signalId,
    ...(isNews ? {} : { signalDate: s.date }),
    ...s.fields,
  };
}
