/**
 * How V3 prospecting filters match the dataset (operations `prospectingContacts`,
 * `prospectingCompanies`). Within an include block every given filter must hold and any value
 * of a list may match; an exclude block removes a record when any one of its filters matches.
 * Values outside Lusha's vocabularies match nothing ("passing unrecognized values causes
 * searches to return no results", docs.lusha.com/filters/contact-filters). Filters on data the
 * dataset does not hold (education, certifications, awards, previous emails, contact postcodes)
 * match no one.
 */
import { COMPANY_SIGNAL_TYPES, CONTACT_SIGNAL_TYPES, type CompanySignalType, type ContactSignalType } from '../catalog';
import type { State } from '../context';
import type { SandboxCompany, SandboxFundingRound, SandboxLocation, SandboxPerson } from '../model';
import { signalWindow } from '../signals';
import { normDomain, normEmail, normLinkedin, normName, type SignalWindow } from '../store';
import type { Errors } from '../validate';
import { businessModels, contactScore, previewPhones } from './prospectingPreviews';
import { INTENT_KEYS } from './prospectingSchema';

// ------------------------------------------------------------------ criteria, as validated

export interface Loc {
  city?: string;
  state?: string;
  country?: string;
  continent?: string;
  countryGrouping?: string;
  region?: string;
  countryIso2?: string;
}

export interface Range {
  min?: number;
  max?: number;
}

interface Geo {
  country?: string;
  zipcode?: string;
  distance?: number;
}

interface Zip {
  countryIso2?: string;
  zipcode?: string;
}

type Coverage = 'last_funding' | 'any_round' | 'total_funds' | 'last_round';

export interface ContactCriteria {
  names?: string[];
  jobTitles?: string[];
  jobTitlesExactMatch?: string[];
  normalizedJobTitles?: string[];
  searchText?: string;
  countries?: string[];
  locations?: Loc[];
  seniorityIds?: number[];
  departments?: string[];
  linkedinUrls?: string[];
  existingDataPoints?: string[];
  signals?: { types: string[]; startDate?: string };
  emails?: string[];
  previousEmails?: string[];
  previousJobTitle?: string[];
  skills?: string[];
  certifications?: string[];
  awards?: string[];
  ids?: string[];
  existingDataPointsCondition?: 'or' | 'and';
  jobChangedAfterDate?: string;
  jobChangedLastViewDate?: string;
  education?: Record<string, unknown>;
  score?: { minScore?: number; maxScore?: number };
  geographicDetails?: Geo[];
}

export interface CompanyCriteria {
  names?: string[];
  domains?: string[];
  ids?: string[];
  searchText?: string;
  locations?: Loc[];
  sizes?: Range[];
  revenues?: Range[];
  technologies?: string[];
  technologiesCondition?: 'or' | 'and';
  industriesLabels?: string[];
  mainIndustriesIds?: number[];
  subIndustriesIds?: number[];
  intentTopics?: string[];
  intentTopicsCondition?: 'or' | 'and';
  intentMinScore?: number;
  intentMaxScore?: number;
  intentTopicsOperator?: 'or' | 'and' | 'any' | 'all';
  topicCountThreshold?: Range[];
  sicCodes?: string[];
  naicsCodes?: string[];
  funding?: {
    isIpo?: boolean;
    ranges?: { coverage?: Coverage; min?: number; max?: number }[];
    date?: { coverage?: Coverage; date?: string };
    rounds?: { coverage?: Coverage; round?: string }[];
    names?: { coverage?: Coverage; name?: string }[];
    investors?: string[];
    types?: string[];
  };
  foundedYear?: Range[];
  businessModel?: string[];
  companyType?: string[];
  linkedinUrls?: string[];
  keywords?: string[];
  specialities?: string[];
  exactSpecialities?: string[];
  exactKeywords?: string[];
  keywordsSearchFields?: string[];
  previousCompanyDomains?: string[];
  previousCompanyNames?: string[];
  geographicDetails?: Geo[];
  locationsZipcodes?: Zip[];
  headquarterZipcodes?: Zip[];
  signals?: {
    types: string[];
    startDate?: string;
    filterByLocation?: { country?: string; state?: string; startDate?: string }[];
    filterByDepartment?: { department: string; startDate?: string }[];
    filterByIntentCategory?: string[];
  };
}

// ------------------------------------------------------------------ compiled blocks

interface ContactSignals {
  types: ContactSignalType[];
  window: SignalWindow;
}

interface CompanySignals {
  types: CompanySignalType[];
  window: SignalWindow;
  byLocation?: { country?: string; state?: string; window: SignalWindow }[];
  byDepartment?: { department: string; window: SignalWindow }[];
}

/** One include or exclude block, with its signal windows resolved and its exclude groups split out. */
export interface ContactBlock {
  f: ContactCriteria;
  signals?: ContactSignals;
  groups: ContactBlock[];
}

export interface CompanyBlock {
  f: CompanyCriteria;
  signals?: CompanySignals;
  groups: CompanyBlock[];
}

/** Keys tested together in an exclude block: a lead key and the keys that qualify it. */
const CONTACT_GROUPS: Record<string, readonly string[]> = { existingDataPoints: ['existingDataPointsCondition'] };
const CONTACT_QUALIFIERS = new Set(['existingDataPointsCondition']);
const INTENT_LEADS = new Set(['intentTopics', 'intentMinScore', 'intentMaxScore', 'topicCountThreshold']);
const COMPANY_QUALIFIERS = new Set(['technologiesCondition', 'keywordsSearchFields', ...INTENT_KEYS]);

function splitGroups<F extends object>(
  f: F,
  qualifiers: Set<string>,
  groups: (lead: string) => readonly string[],
): F[] {
  const src = f as Record<string, unknown>;
  const out: F[] = [];
  let intentDone = false;
  for (const k of Object.keys(src)) {
    if (src[k] === undefined) continue;
    if (INTENT_LEADS.has(k)) {
      if (intentDone) continue;
      intentDone = true;
      const g: Record<string, unknown> = {};
      for (const ik of INTENT_KEYS) if (src[ik] !== undefined) g[ik] = src[ik];
      out.push(g as F);
      continue;
    }
    if (qualifiers.has(k)) continue;
    const g: Record<string, unknown> = { [k]: src[k] };
    for (const q of groups(k)) if (src[q] !== undefined) g[q] = src[q];
    out.push(g as F);
  }
  return out;
}

export function compileContactBlock(state: State, f: ContactCriteria, path: string, errs: Errors): ContactBlock {
  let signals: ContactSignals | undefined;
  if (f.signals) {
    const names = f.signals.types;
    if (names.length === 0) errs.add(`${path}.signals.types should not be empty`);
    const types = names.includes('allSignals')
      ? [...CONTACT_SIGNAL_TYPES]
      : CONTACT_SIGNAL_TYPES.filter((t) => names.includes(t));
    signals = { types, window: signalWindow(state, f.signals.startDate, `${path}.signals.startDate`, errs) };
  }
  const groups = splitGroups(f, CONTACT_QUALIFIERS, (k) => CONTACT_GROUPS[k] ?? []).map((g) => ({
    f: g,
    signals: g.signals ? signals : undefined,
    groups: [],
  }));
  return { f, signals, groups };
}

export function compileCompanyBlock(state: State, f: CompanyCriteria, path: string, errs: Errors): CompanyBlock {
  let signals: CompanySignals | undefined;
  if (f.signals) {
    const s = f.signals;
    const at = `${path}.signals`;
    if (s.types.length === 0) errs.add(`${at}.types should not be empty`);
    const types = s.types.includes('allSignals')
      ? [...COMPANY_SIGNAL_TYPES]
      : COMPANY_SIGNAL_TYPES.filter((t) => s.types.includes(t));
    const window = signalWindow(state, s.startDate, `${at}.startDate`, errs);
    const sub = (start: string | undefined, field: string) =>
      start ? signalWindow(state, start, field, errs) : window;
    signals = {
      types,
      window,
      byLocation: s.filterByLocation?.map((e, i) => ({
        country: e.country,
        state: e.state,
        window: sub(e.startDate, `${at}.filterByLocation[${i}].startDate`),
      })),
      byDepartment: s.filterByDepartment?.map((e, i) => ({
        department: e.department,
        window: sub(e.startDate, `${at}.filterByDepartment[${i}].startDate`),
      })),
    };
  }
  const lead = (k: string): readonly string[] =>
    k === 'technologies' ? ['technologiesCondition'] : k === 'keywords' ? ['keywordsSearchFields'] : [];
  const groups = splitGroups(f, COMPANY_QUALIFIERS, lead).map((g) => ({
    f: g,
    signals: g.signals ? signals : undefined,
    groups: [],
  }));
  return { f, signals, groups };
}

// ------------------------------------------------------------------ helpers

const lc = (s: string) => normName(s);

function anyOf<T>(xs: readonly T[] | undefined, pred: (x: T) => boolean): boolean {
  return xs === undefined || xs.length === 0 || xs.some(pred);
}

function eqText(a: string | null | undefined, b: string | undefined): boolean {
  return b === undefined || (a !== null && a !== undefined && lc(a) === lc(b));
}

/** Every field a `V3Location` gives must match (`region` is the state); case- and accent-insensitive. */
export function locationMatches(l: SandboxLocation, f: Loc): boolean {
  return (
    eqText(l.city, f.city) &&
    eqText(l.state, f.state) &&
    eqText(l.state, f.region) &&
    eqText(l.country, f.country) &&
    eqText(l.continent, f.continent) &&
    eqText(l.countryGrouping, f.countryGrouping) &&
    eqText(l.countryIso2, f.countryIso2)
  );
}

function countryIs(l: SandboxLocation, v: string): boolean {
  return lc(v) === lc(l.country) || lc(v) === lc(l.countryIso2);
}

function inRange(r: Range, n: number): boolean {
  return (r.min === undefined || n >= r.min) && (r.max === undefined || n <= r.max);
}

function overlaps(r: Range, min: number, max: number): boolean {
  return (r.min === undefined || max >= r.min) && (r.max === undefined || min <= r.max);
}

const normTitle = (s: string) =>
  lc(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Data points a contact has (filter `existingDataPoints`; the vocabulary of the V2 list). */
function dataPoints(p: SandboxPerson, hideDnc: boolean): Record<string, boolean> {
  const phones = previewPhones(p, hideDnc);
  return {
    phone: phones.length > 0,
    work_email: p.emails.some((e) => e.emailType === 'work'),
    mobile_phone: phones.some((ph) => ph.phoneType === 'mobile'),
    direct_phone: phones.some((ph) => ph.phoneType === 'direct'),
  };
}

// ------------------------------------------------------------------ contacts

export interface Match {
  ok: boolean;
  signals: string[];
}

const NO: Match = { ok: false, signals: [] };

function contactCriteriaHold(p: SandboxPerson, f: ContactCriteria, hideDnc: boolean): boolean {
  const has = dataPoints(p, hideDnc);
  const nameText = lc(p.fullName);
  const search = lc(`${p.fullName} ${p.jobTitle}`);
  const dp = f.existingDataPoints;
  const dpOk =
    dp === undefined ||
    dp.length === 0 ||
    (f.existingDataPointsCondition === 'or' ? dp.some((d) => has[d] === true) : dp.every((d) => has[d] === true));
  const score = f.score;
  return (
    anyOf(f.names, (n) => lc(n) !== '' && nameText.includes(lc(n))) &&
    anyOf(f.jobTitles, (t) => lc(p.jobTitle).includes(lc(t))) &&
    anyOf(f.jobTitlesExactMatch, (t) => lc(p.jobTitle) === lc(t)) &&
    anyOf(f.normalizedJobTitles, (t) => normTitle(p.jobTitle) === normTitle(t)) &&
    (f.searchText === undefined ||
      lc(f.searchText)
        .split(' ')
        .every((w) => search.includes(w))) &&
    anyOf(f.countries, (c) => countryIs(p.location, c)) &&
    anyOf(f.locations, (l) => locationMatches(p.location, l)) &&
    anyOf(f.seniorityIds, (id) => id === p.seniorityId) &&
    anyOf(f.departments, (d) => p.departments.some((x) => lc(x) === lc(d))) &&
    anyOf(f.linkedinUrls, (u) => p.linkedinUrl !== null && normLinkedin(u) === normLinkedin(p.linkedinUrl)) &&
    dpOk &&
    anyOf(f.emails, (e) => p.emails.some((x) => normEmail(x.email) === normEmail(e))) &&
    anyOf(f.previousEmails, () => false) &&
    anyOf(f.previousJobTitle, (t) => p.previousJob !== null && lc(p.previousJob.title).includes(lc(t))) &&
    anyOf(f.skills, (s) => p.skills.some((x) => lc(x) === lc(s))) &&
    anyOf(f.certifications, () => false) &&
    anyOf(f.awards, () => false) &&
    anyOf(f.ids, (id) => id.trim() === String(p.personId)) &&
    (f.jobChangedAfterDate === undefined || p.jobStartDate >= f.jobChangedAfterDate) &&
    (f.jobChangedLastViewDate === undefined || p.jobStartDate > f.jobChangedLastViewDate) &&
    (f.education === undefined || Object.keys(f.education).length === 0) &&
    (score === undefined || inRange({ min: score.minScore, max: score.maxScore }, contactScore(p))) &&
    anyOf(f.geographicDetails, () => false)
  );
}

/** An include block: every filter holds; returns the signal types found when it uses signals. */
export function contactMatches(state: State, p: SandboxPerson, b: ContactBlock, hideDnc: boolean): Match {
  if (!contactCriteriaHold(p, b.f, hideDnc)) return NO;
  if (!b.signals) return { ok: true, signals: [] };
  const w = b.signals.window;
  const found = b.signals.types.filter((t) => state.store.contactSignalsFor(p.personId, t, w).length > 0);
  return { ok: found.length > 0, signals: found };
}

/** An exclude block: removes the contact when any one of its filters matches. */
export function contactExcluded(
  state: State,
  p: SandboxPerson,
  b: ContactBlock | undefined,
  hideDnc: boolean,
): boolean {
  return b !== undefined && b.groups.some((g) => contactMatches(state, p, g, hideDnc).ok);
}

// ------------------------------------------------------------------ companies

function roundCode(type: string): string {
  if (type === 'Seed Round') return 'seed';
  const series = /^Series ([A-H])$/.exec(type);
  return series ? `series_${(series[1] ?? '').toLowerCase()}` : 'other';
}

function fundingName(type: string): string {
  if (type === 'Private Equity Round') return 'private_equity';
  if (type === 'Debt Financing') return 'debt_financing';
  return type === 'Seed Round' || type.startsWith('Series ') ? 'venture' : 'other';
}

function fundingHolds(c: SandboxCompany, f: NonNullable<CompanyCriteria['funding']>): boolean {
  const rounds = c.funding?.rounds ?? [];
  const last = rounds[rounds.length - 1];
  const scope = (cov: Coverage | undefined): readonly SandboxFundingRound[] =>
    cov === 'last_funding' || cov === 'last_round' ? (last ? [last] : []) : rounds;
  const total = rounds.reduce((s, r) => s + r.roundAmount, 0);
  const amounts = (cov: Coverage | undefined) =>
    cov === 'total_funds' ? (rounds.length > 0 ? [total] : []) : scope(cov).map((r) => r.roundAmount);
  return (
    (f.isIpo === undefined || (c.funding?.isIpo ?? false) === f.isIpo) &&
    anyOf(f.ranges, (r) => amounts(r.coverage).some((a) => inRange(r, a))) &&
    (f.date?.date === undefined || scope(f.date.coverage).some((r) => r.roundDate >= (f.date?.date ?? ''))) &&
    anyOf(f.rounds, (r) => scope(r.coverage).some((x) => roundCode(x.roundType) === r.round)) &&
    anyOf(f.names, (n) => scope(n.coverage).some((x) => fundingName(x.roundType) === n.name))
  );
}

function intentHolds(c: SandboxCompany, f: CompanyCriteria): boolean {
  const wanted = f.intentTopics && f.intentTopics.length > 0 ? f.intentTopics.map(lc) : undefined;
  const min = f.intentMinScore ?? 1;
  const max = f.intentMaxScore ?? 100;
  const hits = c.intentTopics.filter(
    (t) => (wanted === undefined || wanted.includes(lc(t.topicName))) && t.topicScore >= min && t.topicScore <= max,
  );
  const op = f.intentTopicsOperator ?? f.intentTopicsCondition ?? 'or';
  const all = op === 'and' || op === 'all';
  const scored = f.intentMinScore !== undefined || f.intentMaxScore !== undefined;
  let ok = true;
  if (wanted) ok = all ? wanted.every((w) => hits.some((h) => lc(h.topicName) === w)) : hits.length > 0;
  else if (scored) ok = hits.length > 0;
  const count = wanted || scored ? hits.length : c.intentTopics.length;
  return ok && anyOf(f.topicCountThreshold, (r) => inRange(r, count));
}

const KEYWORD_FIELDS = ['name', 'description', 'specialities', 'industry'] as const;

function keywordText(c: SandboxCompany, fields: readonly string[] | undefined): string {
  const chosen = fields && fields.length > 0 ? fields.map(lc) : KEYWORD_FIELDS;
  const parts: string[] = [];
  if (chosen.includes('name')) parts.push(c.name);
  if (chosen.includes('description')) parts.push(c.description);
  if (chosen.includes('specialities')) parts.push(c.specialities.join(' | '));
  if (chosen.includes('industry')) parts.push(`${c.mainIndustry} | ${c.subIndustry}`);
  return lc(parts.join(' | '));
}

function zipMatches(c: SandboxCompany, z: Zip): boolean {
  return (
    eqText(c.location.countryIso2, z.countryIso2) &&
    (z.zipcode === undefined || z.zipcode.trim() === c.location.postalCode)
  );
}

/**
 * Whether `c` satisfies every filter of `f`. `person`, in contact prospecting, is the contact
 * being tested: `previousCompanyDomains` / `previousCompanyNames` then look at that contact's
 * previous job; in company prospecting at any employee's.
 */
function companyCriteriaHold(state: State, c: SandboxCompany, f: CompanyCriteria, person?: SandboxPerson): boolean {
  const techs = c.technologies.map(lc);
  const techOk =
    f.technologies === undefined ||
    f.technologies.length === 0 ||
    (f.technologiesCondition === 'and'
      ? f.technologies.every((t) => techs.includes(lc(t)))
      : f.technologies.some((t) => techs.includes(lc(t))));
  const intentUsed = INTENT_KEYS.some((k) => k !== 'intentTopicsCondition' && k !== 'intentTopicsOperator' && k in f);
  const keywords = f.keywords && f.keywords.length > 0 ? keywordText(c, f.keywordsSearchFields) : '';
  const exact = [...c.specialities, c.mainIndustry, c.subIndustry].map(lc);
  const previousJobs = () =>
    (person ? [person] : state.store.peopleAt(c.id)).map((p) => p.previousJob).filter((j) => j !== null);
  const searchWords =
    f.searchText === undefined
      ? []
      : lc(f.searchText)
          .split(' ')
          .filter((w) => w !== '');
  const searchText = lc(`${c.name} ${c.description} ${c.mainIndustry} ${c.subIndustry} ${c.location.country}`);
  return (
    anyOf(f.names, (n) => lc(n) === lc(c.name)) &&
    anyOf(f.domains, (d) => normDomain(d) === c.domain) &&
    anyOf(f.ids, (id) => id.trim() === String(c.id)) &&
    (f.searchText === undefined || searchWords.some((w) => searchText.includes(w))) &&
    anyOf(f.locations, (l) => locationMatches(c.location, l)) &&
    anyOf(f.sizes, (r) => overlaps(r, c.size.min, c.size.max)) &&
    anyOf(f.revenues, (r) => c.revenueRange !== null && overlaps(r, c.revenueRange[0], c.revenueRange[1])) &&
    techOk &&
    anyOf(f.industriesLabels, (l) => lc(l) === lc(c.mainIndustry) || lc(l) === lc(c.subIndustry)) &&
    anyOf(f.mainIndustriesIds, (id) => id === c.mainIndustryId) &&
    anyOf(f.subIndustriesIds, (id) => id === c.subIndustryId) &&
    (!intentUsed || intentHolds(c, f)) &&
    anyOf(f.sicCodes, (code) => c.sic.some((s) => s.code.startsWith(code.trim()))) &&
    anyOf(f.naicsCodes, (code) => c.naics.some((n) => n.code.startsWith(code.trim()))) &&
    (f.funding === undefined || fundingHolds(c, f.funding)) &&
    anyOf(f.foundedYear, (r) => inRange(r, c.founded)) &&
    anyOf(f.businessModel, (m) => businessModels(c).includes(m)) &&
    anyOf(f.companyType, (t) => lc(t) === lc(c.companyType)) &&
    anyOf(f.linkedinUrls, (u) => normLinkedin(u) === normLinkedin(c.linkedinUrl)) &&
    anyOf(f.keywords, (k) => lc(k) !== '' && keywords.includes(lc(k))) &&
    anyOf(f.specialities, (s) => c.specialities.some((x) => lc(x).includes(lc(s)))) &&
    anyOf(f.exactSpecialities, (s) => c.specialities.some((x) => lc(x) === lc(s))) &&
    anyOf(f.exactKeywords, (k) => exact.includes(lc(k))) &&
    anyOf(f.previousCompanyDomains, (d) => previousJobs().some((j) => j.domain === normDomain(d))) &&
    anyOf(f.previousCompanyNames, (n) => previousJobs().some((j) => lc(j.companyName) === lc(n))) &&
    anyOf(
      f.geographicDetails,
      (g) =>
        (g.country === undefined || countryIs(c.location, g.country)) &&
        (g.zipcode === undefined || g.zipcode.trim() === c.location.postalCode),
    ) &&
    anyOf(f.locationsZipcodes, (z) => zipMatches(c, z)) &&
    anyOf(f.headquarterZipcodes, (z) => zipMatches(c, z))
  );
}

function companySignalsFound(state: State, c: SandboxCompany, s: CompanySignals): CompanySignalType[] {
  const store = state.store;
  return s.types.filter((t) => {
    if (t === 'surgeInHiringByLocation' && s.byLocation && s.byLocation.length > 0) {
      return s.byLocation.some((e) =>
        store
          .companySignalsFor(c.id, t, e.window)
          .some(
            (sig) =>
              eqText(String(sig.fields.country ?? ''), e.country) && eqText(String(sig.fields.state ?? ''), e.state),
          ),
      );
    }
    if (t === 'surgeInHiringByDepartment' && s.byDepartment && s.byDepartment.length > 0) {
      return s.byDepartment.some((e) =>
        store
          .companySignalsFor(c.id, t, e.window)
          .some((sig) => eqText(String(sig.fields.department ?? ''), e.department)),
      );
    }
    return store.companySignalsFor(c.id, t, s.window).length > 0;
  });
}

export function companyMatches(state: State, c: SandboxCompany, b: CompanyBlock, person?: SandboxPerson): Match {
  if (!companyCriteriaHold(state, c, b.f, person)) return NO;
  if (!b.signals) return { ok: true, signals: [] };
  const found = companySignalsFound(state, c, b.signals);
  return { ok: found.length > 0, signals: found };
}

export function companyExcluded(
  state: State,
  c: SandboxCompany,
  b: CompanyBlock | undefined,
  person?: SandboxPerson,
): boolean {
  return b !== undefined && b.groups.some((g) => companyMatches(state, c, g, person).ok);
}

/** Whether a company block needs the contact (so it cannot be evaluated once per company). */
export function needsPerson(b: CompanyBlock | undefined): boolean {
  return b !== undefined && (b.f.previousCompanyDomains !== undefined || b.f.previousCompanyNames !== undefined);
}
