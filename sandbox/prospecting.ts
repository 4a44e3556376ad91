/** Prospecting: filter value lists, contact/company search (free) and enrich (paid). */
import {
  COUNTRIES,
  DEPARTMENTS,
  EXISTING_DATA_POINTS,
  INDUSTRIES,
  INTENT_TOPICS,
  NAICS_CODES,
  REVENUE_RANGES,
  SENIORITIES,
  SIC_CODES,
  SIZE_RANGES,
  TECHNOLOGIES,
  type CompanySignalType,
  type ContactSignalType,
} from './catalog';
import { assertCanPay, assertHasCredits } from './billing';
import { isValidYmd } from './dates';
import type { Ctx, HandlerResult, ProspectSession } from './context';
import { badRequest, MESSAGES, simpleError } from './errors';
import type { SandboxCompany, SandboxLocation, SandboxPerson } from './model';
import {
  COMPANY_SIGNAL_NAMES,
  CONTACT_SIGNAL_NAMES,
  companyTypes,
  contactTypes,
  hasCompanySignal,
  hasContactSignal,
  signalNames,
  signalWindow,
} from './signals';
import { companyEnrich, companyFlags, contactEnrichData, contactFlags, type RevealOptions } from './shapes';
import { normDomain, normLinkedin, normName, type SignalWindow } from './store';
import {
  checkSize,
  Errors,
  isInt,
  isObj,
  isStr,
  nonEmptyStr,
  numberArray,
  optBool,
  stringArray,
  unknownKeys,
  type Obj,
} from './validate';

const MAX_RESULTS = 50_000;

// ------------------------------------------------------------------ filter lists

function textOf(ctx: Ctx): string {
  const errs = new Errors();
  const body = ctx.body;
  if (!isObj(body)) throw badRequest('prospecting', ['text must be a string']);
  if (!isStr(body.text)) errs.add('text must be a string');
  else if (body.text.trim() === '') errs.add('text should not be empty');
  unknownKeys(body, ['text'], '', errs);
  if (errs.any) throw badRequest('prospecting', errs.list);
  return (body.text as string).trim().toLowerCase();
}

export const filterLists = {
  departments: (): HandlerResult => ({ body: [...DEPARTMENTS] }),
  seniority: (): HandlerResult => ({ body: SENIORITIES.map((s) => ({ id: s.id, name: s.name })) }),
  existingDataPoints: (): HandlerResult => ({ body: [...EXISTING_DATA_POINTS] }),
  allCountries: (): HandlerResult => ({
    body: COUNTRIES.map((c) => ({ name: c.name, code: c.code })).sort((a, b) => a.name.localeCompare(b.name)),
  }),
  contactLocations: (ctx: Ctx): HandlerResult => {
    const text = textOf(ctx);
    const out: Record<string, unknown>[] = [];
    const continents = new Set<string>();
    for (const c of COUNTRIES) {
      if (c.continent.toLowerCase().includes(text) && !continents.has(c.continent)) {
        continents.add(c.continent);
        out.push({ continent: c.continent, country_grouping: c.grouping });
      }
    }
    for (const c of COUNTRIES) {
      if (c.name.toLowerCase().includes(text))
        out.push({ continent: c.continent, country: c.name, country_grouping: c.grouping });
      const states = new Set<string>();
      for (const city of c.cities) {
        if (
          city.state &&
          city.state !== city.city &&
          city.state.toLowerCase().includes(text) &&
          !states.has(city.state)
        ) {
          states.add(city.state);
          out.push({ continent: c.continent, country: c.name, state: city.state, country_grouping: c.grouping });
        }
        if (city.city.toLowerCase().includes(text)) {
          out.push({
            continent: c.continent,
            country: c.name,
            city: city.city,
            ...(city.state ? { state: city.state } : {}),
            country_grouping: c.grouping,
          });
        }
      }
    }
    return { body: out.slice(0, 25) };
  },
  companyNames: (ctx: Ctx): HandlerResult => {
    const text = textOf(ctx);
    const matches = ctx.state.store.companies
      .filter((c) => c.name.toLowerCase().includes(text))
      .sort(
        (a, b) =>
          Number(!a.name.toLowerCase().startsWith(text)) - Number(!b.name.toLowerCase().startsWith(text)) ||
          a.name.localeCompare(b.name),
      )
      .slice(0, 25);
    return { body: matches.map((c) => ({ companyId: c.id, name: c.name, logoUrl: c.logoUrl, fqdn: c.fqdn })) };
  },
  industries: (): HandlerResult => ({
    body: INDUSTRIES.map((i) => ({
      main_industry: i.name,
      main_industry_id: i.id,
      sub_industries: i.subs.map((s) => ({ value: s.name, id: s.id })),
    })),
  }),
  sizes: (): HandlerResult => ({ body: SIZE_RANGES.map((s) => ({ min: s.min, max: s.max })) }),
  revenues: (): HandlerResult => ({ body: REVENUE_RANGES.map((r) => ({ min: r.min, max: r.max })) }),
  companyLocations: (ctx: Ctx): HandlerResult => {
    const text = textOf(ctx);
    const out = COUNTRIES.filter(
      (c) =>
        c.name.toLowerCase().includes(text) ||
        c.continent.toLowerCase().includes(text) ||
        c.code.toLowerCase() === text,
    ).map((c) => ({
      country: c.name,
      continent: c.continent,
      country_grouping: c.grouping,
    }));
    return { body: out };
  },
  sics: (): HandlerResult => ({ body: [...SIC_CODES] }),
  naics: (): HandlerResult => ({ body: [...NAICS_CODES] }),
  intentTopics: (): HandlerResult => ({ body: [...INTENT_TOPICS] }),
  technologies: (ctx: Ctx): HandlerResult => {
    const text = textOf(ctx);
    return { body: TECHNOLOGIES.filter((t) => t.toLowerCase().includes(text)).map((name) => ({ name })) };
  },
};

// ------------------------------------------------------------------ filters

interface SignalFilter<T extends string> {
  types: T[];
  window: SignalWindow;
}

interface ContactFilter {
  departments?: string[];
  seniority?: number[];
  existingDataPoints?: string[];
  locations?: Obj[];
  jobTitles?: string[];
  countries?: string[];
  searchText?: string;
  linkedinUrls?: string[];
  signal?: SignalFilter<ContactSignalType>;
}

interface CompanyFilter {
  names?: string[];
  domains?: string[];
  locations?: Obj[];
  companyLocations?: Obj[];
  technologies?: string[];
  intentTopics?: string[];
  sizes?: { min?: number; max?: number }[];
  revenues?: { min?: number; max?: number }[];
  sicCodes?: string[];
  naicsCodes?: string[];
  mainIndustriesIds?: number[];
  subIndustriesIds?: number[];
  searchText?: string;
  employeesInLinkedIn?: { min?: number; max?: number };
  signal?: SignalFilter<CompanySignalType>;
}

const CONTACT_KEYS = [
  'departments',
  'seniority',
  'existing_data_points',
  'locations',
  'jobTitles',
  'countries',
  'searchText',
  'linkedinUrls',
  'signal',
  'signals',
];
const COMPANY_KEYS = [
  'names',
  'domains',
  'locations',
  'companyLocations',
  'technologies',
  'intentTopics',
  'sizes',
  'revenues',
  'sicCodes',
  'naicsCodes',
  'mainIndustriesIds',
  'subIndustriesIds',
  'searchText',
  'excludePartialCompanies',
  'employeesInLinkedIn',
  'signal',
  'signals',
];

function objectArray(v: unknown, name: string, errs: Errors): Obj[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every(isObj)) {
    errs.add(`${name} must be an array of objects`);
    return undefined;
  }
  return v;
}

function ranges(v: unknown, name: string, errs: Errors): { min?: number; max?: number }[] | undefined {
  const arr = objectArray(v, name, errs);
  if (!arr) return undefined;
  const out: { min?: number; max?: number }[] = [];
  arr.forEach((r, i) => {
    if (r.min !== undefined && typeof r.min !== 'number') errs.add(`${name}[${i}].min must be a number`);
    if (r.max !== undefined && typeof r.max !== 'number') errs.add(`${name}[${i}].max must be a number`);
    out.push({
      min: typeof r.min === 'number' ? r.min : undefined,
      max: typeof r.max === 'number' ? r.max : undefined,
    });
  });
  return out;
}

function parseSignalFilter<T extends string>(
  ctx: Ctx,
  o: Obj,
  at: string,
  allowed: readonly string[],
  expand: (names: string[]) => T[],
  errs: Errors,
): SignalFilter<T> | undefined {
  const key = o.signal !== undefined ? 'signal' : o.signals !== undefined ? 'signals' : null;
  if (!key) return undefined;
  const v = o[key];
  if (!isObj(v)) {
    errs.add(`${at}.${key} must be an object`);
    return undefined;
  }
  unknownKeys(v, ['names', 'startDate'], `${at}.${key}.`, errs);
  const names = signalNames(v.names, `${at}.${key}.names`, allowed, errs, { required: true });
  let start: string | undefined;
  if (v.startDate !== undefined) {
    if (!isValidYmd(v.startDate)) {
      errs.add(`${at}.${key}.startDate must be a valid date in YYYY-MM-DD format`);
    } else start = v.startDate;
  }
  const window = signalWindow(ctx.state, start, `${at}.${key}.startDate`, errs);
  return names ? { types: expand(names), window } : undefined;
}

/** A contact or company filter block: an object with only `keys` (undefined when absent or not an object). */
function filterBlock(v: unknown, at: string, keys: readonly string[], errs: Errors): Obj | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v)) {
    errs.add(`${at} must be an object`);
    return undefined;
  }
  unknownKeys(v, keys, `${at}.`, errs);
  return v;
}

function searchText(v: Obj, at: string, errs: Errors): string | undefined {
  if (v.searchText === undefined) return undefined;
  if (isStr(v.searchText)) return v.searchText;
  errs.add(`${at}.searchText must be a string`);
  return undefined;
}

function parseContactFilter(ctx: Ctx, raw: unknown, at: string, errs: Errors): ContactFilter | undefined {
  const v = filterBlock(raw, at, CONTACT_KEYS, errs);
  if (!v) return undefined;
  const f: ContactFilter = {};
  f.departments = stringArray(v.departments, `${at}.departments`, errs);
  if (v.seniority !== undefined) {
    if (!Array.isArray(v.seniority) || !v.seniority.every(isInt))
      errs.add(`each value in ${at}.seniority must be an integer number`);
    else f.seniority = v.seniority;
  }
  f.existingDataPoints = stringArray(v.existing_data_points, `${at}.existing_data_points`, errs);
  if (f.existingDataPoints?.some((d) => !(EXISTING_DATA_POINTS as readonly string[]).includes(d))) {
    errs.add(
      `each value in ${at}.existing_data_points must be one of the following values: ${EXISTING_DATA_POINTS.join(', ')}`,
    );
  }
  f.locations = objectArray(v.locations, `${at}.locations`, errs);
  f.jobTitles = stringArray(v.jobTitles, `${at}.jobTitles`, errs);
  f.countries = stringArray(v.countries, `${at}.countries`, errs);
  f.linkedinUrls = stringArray(v.linkedinUrls, `${at}.linkedinUrls`, errs);
  f.searchText = searchText(v, at, errs);
  f.signal = parseSignalFilter(ctx, v, at, CONTACT_SIGNAL_NAMES, contactTypes, errs);
  return f;
}

function parseCompanyFilter(ctx: Ctx, raw: unknown, at: string, errs: Errors): CompanyFilter | undefined {
  const v = filterBlock(raw, at, COMPANY_KEYS, errs);
  if (!v) return undefined;
  const f: CompanyFilter = {};
  f.names = stringArray(v.names, `${at}.names`, errs);
  f.domains = stringArray(v.domains, `${at}.domains`, errs);
  f.locations = objectArray(v.locations, `${at}.locations`, errs);
  f.companyLocations = objectArray(v.companyLocations, `${at}.companyLocations`, errs);
  if (v.technologies !== undefined) {
    if (!Array.isArray(v.technologies) || !v.technologies.every((t) => isStr(t) || (isObj(t) && isStr(t.name)))) {
      errs.add(`${at}.technologies must be an array of strings or {name} objects`);
    } else f.technologies = v.technologies.map((t) => (isStr(t) ? t : String((t as Obj).name)));
  }
  f.intentTopics = stringArray(v.intentTopics, `${at}.intentTopics`, errs);
  f.sizes = ranges(v.sizes, `${at}.sizes`, errs);
  f.revenues = ranges(v.revenues, `${at}.revenues`, errs);
  f.sicCodes = stringArray(v.sicCodes, `${at}.sicCodes`, errs);
  f.naicsCodes = stringArray(v.naicsCodes, `${at}.naicsCodes`, errs);
  f.mainIndustriesIds = numberArray(v.mainIndustriesIds, `${at}.mainIndustriesIds`, errs);
  f.subIndustriesIds = numberArray(v.subIndustriesIds, `${at}.subIndustriesIds`, errs);
  f.searchText = searchText(v, at, errs);
  optBool(v, 'excludePartialCompanies', `${at}.`, errs);
  if (v.employeesInLinkedIn !== undefined) {
    const e = v.employeesInLinkedIn;
    if (!isObj(e) || (e.min !== undefined && !isInt(e.min)) || (e.max !== undefined && !isInt(e.max))) {
      errs.add(`${at}.employeesInLinkedIn must be an object with integer min and/or max`);
    } else f.employeesInLinkedIn = { min: e.min as number | undefined, max: e.max as number | undefined };
  }
  f.signal = parseSignalFilter(ctx, v, at, COMPANY_SIGNAL_NAMES, companyTypes, errs);
  return f;
}

interface IncludeExclude<T> {
  include?: T;
  exclude?: T;
}

function parseSide<T>(
  v: unknown,
  at: string,
  errs: Errors,
  parse: (v: unknown, at: string) => T | undefined,
): IncludeExclude<T> | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v)) {
    errs.add(`${at} must be an object`);
    return undefined;
  }
  unknownKeys(v, ['include', 'exclude'], `${at}.`, errs);
  return { include: parse(v.include, `${at}.include`), exclude: parse(v.exclude, `${at}.exclude`) };
}

const lc = (s: string) => s.toLowerCase();

function locationMatches(l: SandboxLocation, f: Obj): boolean {
  const eq = (a: string | null, b: unknown) => b === undefined || (isStr(b) && a !== null && lc(a) === lc(b));
  return (
    eq(l.country, f.country) &&
    eq(l.city, f.city) &&
    eq(l.state, f.state) &&
    eq(l.continent, f.continent) &&
    eq(l.countryGrouping, f.country_grouping) &&
    eq(l.countryIso2, f.countryIso2 ?? f.country_iso2)
  );
}

function overlaps(r: { min?: number; max?: number }, min: number, max: number): boolean {
  return (r.min === undefined || max >= r.min) && (r.max === undefined || min <= r.max);
}

/** Each given filter must hold; within one filter, any listed value may match. */
function companyMatches(ctx: Ctx, c: SandboxCompany, f: CompanyFilter): { ok: boolean; signals: CompanySignalType[] } {
  const any = <T>(xs: T[] | undefined, pred: (x: T) => boolean) => xs === undefined || xs.length === 0 || xs.some(pred);
  const ok =
    any(f.names, (n) => lc(n) === lc(c.name)) &&
    any(f.domains, (d) => normDomain(d) === c.domain) &&
    any(f.locations, (l) => locationMatches(c.location, l)) &&
    any(f.companyLocations, (l) => c.companyLocations.some((site) => locationMatches(site, l))) &&
    any(f.technologies, (t) => c.technologies.some((x) => lc(x) === lc(t))) &&
    any(f.intentTopics, (t) => c.intentTopics.some((x) => lc(x.topicName) === lc(t))) &&
    any(f.sizes, (r) => overlaps(r, c.size.min, c.size.max)) &&
    any(f.revenues, (r) => c.revenueRange !== null && overlaps(r, c.revenueRange[0], c.revenueRange[1])) &&
    any(f.sicCodes, (code) => c.sic.some((s) => s.code.startsWith(code))) &&
    any(f.naicsCodes, (code) => c.naics.some((n) => n.code.startsWith(code))) &&
    any(f.mainIndustriesIds, (id) => id === c.mainIndustryId) &&
    any(f.subIndustriesIds, (id) => id === c.subIndustryId) &&
    (f.searchText === undefined ||
      f.searchText
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w !== '')
        .some((w) =>
          `${c.name} ${c.description} ${c.mainIndustry} ${c.subIndustry} ${c.location.country} ${c.location.countryIso2}`
            .toLowerCase()
            .includes(w),
        )) &&
    (f.employeesInLinkedIn === undefined ||
      ((f.employeesInLinkedIn.min === undefined || c.employeesInLinkedin >= f.employeesInLinkedIn.min) &&
        (f.employeesInLinkedIn.max === undefined || c.employeesInLinkedin <= f.employeesInLinkedIn.max)));
  if (!ok) return { ok, signals: [] };
  if (f.signal) {
    const signals = hasCompanySignal(ctx.state, c.id, f.signal.types, f.signal.window);
    return { ok: signals.length > 0, signals };
  }
  return { ok, signals: [] };
}

function contactMatches(ctx: Ctx, p: SandboxPerson, f: ContactFilter): { ok: boolean; signals: ContactSignalType[] } {
  const any = <T>(xs: T[] | undefined, pred: (x: T) => boolean) => xs === undefined || xs.length === 0 || xs.some(pred);
  const has: Record<string, boolean> = {
    phone: p.phones.length > 0,
    work_email: p.emails.some((e) => e.emailType === 'work'),
    mobile_phone: p.phones.some((ph) => ph.phoneType === 'mobile'),
    direct_phone: p.phones.some((ph) => ph.phoneType === 'direct'),
  };
  const text = `${p.fullName} ${p.jobTitle}`.toLowerCase();
  const ok =
    any(f.departments, (d) => p.departments.some((x) => lc(x) === lc(d))) &&
    any(f.seniority, (s) => s === p.seniorityId) &&
    (f.existingDataPoints === undefined || f.existingDataPoints.every((d) => has[d] === true)) &&
    any(f.locations, (l) => locationMatches(p.location, l)) &&
    any(f.jobTitles, (t) => p.jobTitle.toLowerCase().includes(lc(t))) &&
    any(f.countries, (c) => lc(c) === lc(p.location.countryIso2) || lc(c) === lc(p.location.country)) &&
    any(f.linkedinUrls, (u) => p.linkedinUrl !== null && normLinkedin(u) === normLinkedin(p.linkedinUrl)) &&
    (f.searchText === undefined ||
      normName(f.searchText)
        .split(' ')
        .every((w) => normName(text).includes(w)));
  if (!ok) return { ok, signals: [] };
  if (f.signal) {
    const signals = hasContactSignal(ctx.state, p.personId, f.signal.types, f.signal.window);
    return { ok: signals.length > 0, signals };
  }
  return { ok, signals: [] };
}

/** An exclude block removes a record when any one of its filters matches (each filter on its own). */
function excludedBy<F extends object>(f: F | undefined, matches: (single: F) => { ok: boolean }): boolean {
  if (!f) return false;
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (matches({ [k]: v } as F).ok) return true;
  }
  return false;
}

function parsePages(body: Obj, errs: Errors): { page: number; size: number } {
  const pages = body.pages;
  if (pages === undefined) return { page: 0, size: 20 };
  if (!isObj(pages)) {
    errs.add('pages must be an object');
    return { page: 0, size: 20 };
  }
  unknownKeys(pages, ['page', 'size'], 'pages.', errs);
  let page = 0;
  let size = 20;
  if (pages.page !== undefined) {
    if (!isInt(pages.page)) errs.add('pages.page must be an integer number');
    else if (pages.page < 0) errs.add('pages.page must not be less than 0');
    else if (pages.page > 1000) errs.add('pages.page must not be greater than 1000');
    else page = pages.page;
  }
  if (pages.size !== undefined) {
    if (!isInt(pages.size)) errs.add('pages.size must be an integer number');
    else if (pages.size < 10) errs.add('pages.size must not be less than 10');
    else if (pages.size > 50) errs.add('pages.size must not be greater than 50');
    else size = pages.size;
  }
  return { page, size };
}

function signalCost(f: IncludeExclude<{ signal?: SignalFilter<string> }> | undefined, found: Set<string>): number {
  return f?.include?.signal ? f.include.signal.types.filter((t) => found.has(t)).length : 0;
}

// ------------------------------------------------------------------ contact search / enrich

export function contactSearch(ctx: Ctx): HandlerResult {
  const body = ctx.body;
  if (!isObj(body)) throw badRequest('prospecting', ['filters must be an object']);
  const errs = new Errors();
  unknownKeys(body, ['pages', 'filters', 'includePartialContact', 'excludeDnc'], '', errs);
  const { page, size } = parsePages(body, errs);
  const includePartial = optBool(body, 'includePartialContact', '', errs) ?? true;
  const excludeDnc = optBool(body, 'excludeDnc', '', errs) ?? false;
  let contactF: IncludeExclude<ContactFilter> | undefined;
  let companyF: IncludeExclude<CompanyFilter> | undefined;
  if (!isObj(body.filters)) errs.add('filters must be an object');
  else {
    unknownKeys(body.filters, ['contacts', 'companies'], 'filters.', errs);
    contactF = parseSide(body.filters.contacts, 'filters.contacts', errs, (v, at) =>
      parseContactFilter(ctx, v, at, errs),
    );
    companyF = parseSide(body.filters.companies, 'filters.companies', errs, (v, at) =>
      parseCompanyFilter(ctx, v, at, errs),
    );
  }
  if (errs.any) throw badRequest('prospecting', errs.list);
  if (excludeDnc && !ctx.account.config.excludeDnc) throw simpleError(403, MESSAGES.dncForbidden);
  const usesSignals = Boolean(
    contactF?.include?.signal || contactF?.exclude?.signal || companyF?.include?.signal || companyF?.exclude?.signal,
  );
  if (usesSignals && !ctx.account.config.signals) throw simpleError(403, MESSAGES.signalsForbidden);
  if (usesSignals) assertHasCredits(ctx.account);

  const store = ctx.state.store;
  const companyOk = new Map<number, { ok: boolean; signals: CompanySignalType[] }>();
  for (const c of store.companies) {
    const inc = companyF?.include ? companyMatches(ctx, c, companyF.include) : { ok: true, signals: [] };
    const excluded = inc.ok && excludedBy(companyF?.exclude, (f) => companyMatches(ctx, c, f));
    companyOk.set(c.id, { ok: inc.ok && !excluded, signals: inc.signals });
  }
  const contactSignalsFound = new Set<string>();
  const matches: { p: SandboxPerson; signals: string[] }[] = [];
  for (const p of store.people) {
    const co = companyOk.get(p.companyId);
    if (!co?.ok) continue;
    if (!includePartial && p.emails.length === 0 && p.phones.length === 0) continue;
    if (excludeDnc && p.phones.length > 0 && p.phones.every((ph) => ph.doNotCall)) continue;
    const inc = contactF?.include ? contactMatches(ctx, p, contactF.include) : { ok: true, signals: [] };
    if (!inc.ok) continue;
    if (excludedBy(contactF?.exclude, (f) => contactMatches(ctx, p, f))) continue;
    for (const s of inc.signals) contactSignalsFound.add(s);
    matches.push({ p, signals: [...inc.signals, ...co.signals] });
  }
  const companySignalsFound = new Set<string>();
  for (const m of matches) for (const s of companyOk.get(m.p.companyId)?.signals ?? []) companySignalsFound.add(s);
  const cost = signalCost(contactF, contactSignalsFound) + signalCost(companyF, companySignalsFound);
  assertCanPay(ctx.account, cost);

  const total = Math.min(matches.length, MAX_RESULTS);
  const slice = matches.slice(0, total).slice(page * size, page * size + size);
  const requestId = ctx.state.newId('prospecting-contact-search');
  const session: ProspectSession = {
    key: ctx.account.config.key,
    kind: 'contact',
    contacts: new Map(),
    companies: new Set(),
    hideDnc: excludeDnc,
  };
  const data = slice.map(({ p, signals }) => {
    const c = store.company(p.companyId);
    if (!c) throw new Error(`dataset inconsistency: company ${p.companyId}`);
    const contactId = ctx.state.newId(`contact:${requestId}`);
    session.contacts.set(contactId, p.personId);
    return {
      contactId,
      isShown: ctx.account.revealed.has(p.personId),
      name: p.fullName,
      jobTitle: p.jobTitle,
      companyId: c.id,
      companyName: c.name,
      fqdn: c.fqdn,
      ...contactFlags(p, c, excludeDnc),
      ...(usesSignals ? { signalTypes: signals } : {}),
    };
  });
  ctx.state.prospectSessions.set(requestId, session);
  return { body: { requestId, currentPage: page, pageLength: data.length, totalResults: total, data }, credits: cost };
}

function sessionFor(ctx: Ctx, requestId: unknown, kind: ProspectSession['kind']): ProspectSession {
  const s = isStr(requestId) ? ctx.state.prospectSessions.get(requestId) : undefined;
  if (!s || s.key !== ctx.account.config.key || s.kind !== kind) {
    throw badRequest('prospecting', [
      `requestId "${String(requestId)}" does not match a ${kind} search made with this API key`,
    ]);
  }
  return s;
}

function idList(v: unknown, name: string, errs: Errors): string[] | undefined {
  if (!Array.isArray(v)) {
    errs.add(`${name} must be an array`);
    return undefined;
  }
  checkSize(v, name, 100, errs);
  const ids = v.map((x) => (typeof x === 'number' ? String(x) : x));
  if (!ids.every(isStr)) {
    errs.add(`each value in ${name} must be a string`);
    return undefined;
  }
  return ids as string[];
}

export function contactEnrich(ctx: Ctx): HandlerResult {
  const body = ctx.body;
  if (!isObj(body)) throw badRequest('prospecting', ['requestId must be a string', 'contactIds must be an array']);
  const errs = new Errors();
  unknownKeys(body, ['requestId', 'contactIds', 'revealEmails', 'revealPhones'], '', errs);
  if (!nonEmptyStr(body.requestId)) errs.add('requestId must be a string');
  const ids = idList(body.contactIds, 'contactIds', errs);
  const revealEmails = optBool(body, 'revealEmails', '', errs);
  const revealPhones = optBool(body, 'revealPhones', '', errs);
  if (revealEmails === false && revealPhones === false)
    errs.add('At least one of revealEmails or revealPhones must be true');
  if (errs.any || !ids) throw badRequest('prospecting', errs.list);
  const session = sessionFor(ctx, body.requestId, 'contact');
  if ((revealEmails !== undefined || revealPhones !== undefined) && ctx.account.config.plan !== 'unified') {
    throw simpleError(403, MESSAGES.revealForbidden);
  }
  assertHasCredits(ctx.account);
  const reveal: RevealOptions =
    revealEmails === undefined && revealPhones === undefined
      ? { emails: true, phones: true }
      : revealEmails !== undefined && revealPhones !== undefined
        ? { emails: revealEmails, phones: revealPhones }
        : revealEmails !== undefined
          ? { emails: revealEmails, phones: !revealEmails }
          : { emails: !revealPhones, phones: revealPhones === true };
  reveal.hideDnc = session.hideDnc;

  let cost = 0;
  const revealedNow: number[] = [];
  const contacts = ids.map((id) => {
    const personId = session.contacts.get(id);
    const p = personId === undefined ? undefined : ctx.state.store.person(personId);
    const c = p ? ctx.state.store.company(p.companyId) : undefined;
    if (!p || !c) return { id, isSuccess: false };
    const data = contactEnrichData(p, c, reveal);
    const revealedSomething = (data.emailAddresses as unknown[]).length + (data.phoneNumbers as unknown[]).length > 0;
    if (revealedSomething) {
      cost += 1;
      revealedNow.push(p.personId);
    }
    return { id, isSuccess: true, data };
  });
  assertCanPay(ctx.account, cost);
  for (const id of revealedNow) ctx.account.revealed.add(id);
  return { body: { requestId: body.requestId, contacts }, credits: cost };
}

// ------------------------------------------------------------------ company search / enrich

export function companySearch(ctx: Ctx): HandlerResult {
  const body = ctx.body;
  if (!isObj(body)) throw badRequest('prospecting', ['filters must be an object']);
  const errs = new Errors();
  unknownKeys(body, ['pages', 'filters'], '', errs);
  const { page, size } = parsePages(body, errs);
  let companyF: IncludeExclude<CompanyFilter> | undefined;
  if (!isObj(body.filters)) errs.add('filters must be an object');
  else {
    unknownKeys(body.filters, ['companies'], 'filters.', errs);
    companyF = parseSide(body.filters.companies, 'filters.companies', errs, (v, at) =>
      parseCompanyFilter(ctx, v, at, errs),
    );
  }
  if (errs.any) throw badRequest('prospecting', errs.list);
  const usesSignals = Boolean(companyF?.include?.signal || companyF?.exclude?.signal);
  if (usesSignals && !ctx.account.config.signals) throw simpleError(403, MESSAGES.signalsForbidden);
  if (usesSignals) assertHasCredits(ctx.account);

  const found = new Set<string>();
  const matches: { c: SandboxCompany; signals: string[] }[] = [];
  for (const c of ctx.state.store.companies) {
    const inc = companyF?.include ? companyMatches(ctx, c, companyF.include) : { ok: true, signals: [] };
    if (!inc.ok) continue;
    if (excludedBy(companyF?.exclude, (f) => companyMatches(ctx, c, f))) continue;
    for (const s of inc.signals) found.add(s);
    matches.push({ c, signals: inc.signals });
  }
  const cost = signalCost(companyF, found);
  assertCanPay(ctx.account, cost);
  const total = Math.min(matches.length, MAX_RESULTS);
  const slice = matches.slice(page * size, page * size + size);
  const requestId = ctx.state.newId('prospecting-company-search');
  const session: ProspectSession = {
    key: ctx.account.config.key,
    kind: 'company',
    contacts: new Map(),
    companies: new Set(),
    hideDnc: false,
  };
  const data = slice.map(({ c, signals }) => {
    session.companies.add(c.id);
    return {
      id: String(c.id),
      name: c.name,
      fqdn: c.fqdn,
      description: c.description,
      logoUrl: c.logoUrl,
      ...companyFlags(c),
      ...(usesSignals ? { signalTypes: signals } : {}),
    };
  });
  ctx.state.prospectSessions.set(requestId, session);
  return { body: { requestId, currentPage: page, pageLength: data.length, totalResults: total, data }, credits: cost };
}

export function companyEnrichHandler(ctx: Ctx): HandlerResult {
  const body = ctx.body;
  if (!isObj(body)) throw badRequest('prospecting', ['requestId must be a string', 'companiesIds must be an array']);
  const errs = new Errors();
  unknownKeys(body, ['requestId', 'companiesIds'], '', errs);
  if (!nonEmptyStr(body.requestId)) errs.add('requestId must be a string');
  const ids = idList(body.companiesIds, 'companiesIds', errs);
  if (errs.any || !ids) throw badRequest('prospecting', errs.list);
  const session = sessionFor(ctx, body.requestId, 'company');
  assertHasCredits(ctx.account);
  const companies = ids
    .map((id) => ctx.state.store.company(id))
    .filter((c): c is SandboxCompany => c !== undefined && session.companies.has(c.id))
    .map(companyEnrich);
  assertCanPay(ctx.account, companies.length);
  return { body: { requestId: body.requestId, companies }, credits: companies.length };
}
