/**
 * V3 prospecting: `POST /v3/contacts/prospecting` (operation `prospectingContacts`) and
 * `POST /v3/companies/prospecting` (`prospectingCompanies`): filter-based search returning
 * paginated previews with the dataset's Lusha ids as strings, to be revealed with
 * `/v3/contacts/enrich` / `/v3/companies/enrich`. Billing follows the capture/charge model with
 * `api_search`: 1 credit per started block of 25 results returned, plus 1 credit per matched
 * signal type per result when a signals filter is used.
 *
 * Also registers the rest of the family: the filter discovery endpoints
 * (`./prospectingFilters`) and lookalikes (`./lookalikes`).
 */
import type { Ctx, HandlerResult } from '../context';
import { MESSAGES } from '../errors';
import type { SandboxCompany, SandboxPerson } from '../model';
import { route, type Route } from '../routes';
import { Errors, isObj, type Obj } from '../validate';
import { billing, v3BadRequest, v3Error, v3PaymentRequired } from './common';
import { LOOKALIKE_ROUTES } from './lookalikes';
import { FILTER_ROUTES } from './prospectingFilters';
import {
  compileCompanyBlock,
  compileContactBlock,
  companyExcluded,
  companyMatches,
  contactExcluded,
  contactMatches,
  needsPerson,
  type CompanyBlock,
  type CompanyCriteria,
  type ContactBlock,
  type ContactCriteria,
} from './prospectingMatch';
import { companyPreview, contactPreview, isPartialCompany } from './prospectingPreviews';
import {
  check,
  checkObject,
  COMPANY_CRITERIA,
  COMPANY_PROSPECTING_CRITERIA,
  CONTACT_CRITERIA,
  CONTACT_ON_COMPANY_CRITERIA,
  CONTACT_REFINEMENTS,
  NOT_WITH_CONTACT_FILTERS,
  PAGINATION_FIELDS,
  type Fields,
} from './prospectingSchema';

/** `api_search`: 1 credit per 1–25 results (Lusha's pricing; the spec's examples: 50 results → 2, 1 → 1). */
export const API_SEARCH_RESULTS_PER_CREDIT = 25;
/** `showSignalsContact` / `showSignalsCompany`: per matched signal type per result. */
export const SIGNAL_CREDITS = 1;

export function searchCredits(results: number): number {
  return Math.ceil(results / API_SEARCH_RESULTS_PER_CREDIT);
}

interface Side<B> {
  include?: B;
  exclude?: B;
}

interface Page {
  page: number;
  size: number;
}

function bodyOf(ctx: Ctx): Obj {
  if (!isObj(ctx.body)) throw v3BadRequest(['request body must be a JSON object']);
  return ctx.body;
}

function parsePagination(body: Obj, errs: Errors): Page {
  if (body.pagination === undefined) {
    errs.add('pagination is required');
    return { page: 0, size: 25 };
  }
  checkObject(body.pagination, PAGINATION_FIELDS, ['page', 'size'], 'pagination', errs);
  const p = isObj(body.pagination) ? body.pagination : {};
  return { page: typeof p.page === 'number' ? p.page : 0, size: typeof p.size === 'number' ? p.size : 25 };
}

/** Validate `filters.<side>`; returns the raw include/exclude objects when valid. */
function parseSide(v: unknown, path: string, fields: Fields, errs: Errors, requireInclude = false): Side<Obj> {
  if (v === undefined) return {};
  const spec: Fields = { include: { t: 'obj', fields }, exclude: { t: 'obj', fields } };
  if (!checkObject(v, spec, requireInclude ? ['include'] : [], path, errs)) return {};
  const o = v as Obj;
  return { include: o.include as Obj | undefined, exclude: o.exclude as Obj | undefined };
}

/** `filters`: required, an object with only the given sides. */
function parseFilters(body: Obj, sides: readonly string[], errs: Errors): Obj | undefined {
  const f = body.filters;
  if (f === undefined) errs.add('filters is required');
  else if (!isObj(f)) errs.add('filters must be an object');
  else {
    for (const k of Object.keys(f)) if (!sides.includes(k)) errs.add(`property filters.${k} should not exist`);
    return f;
  }
  return undefined;
}

/** Refinement-only contact filters need a base filter in the same block; a condition needs its list. */
function checkContactBlock(f: Obj | undefined, path: string, errs: Errors): void {
  if (!f) return;
  const keys = Object.keys(f);
  const refinements = keys.filter((k) => (CONTACT_REFINEMENTS as readonly string[]).includes(k));
  const base = keys.filter(
    (k) => !(CONTACT_REFINEMENTS as readonly string[]).includes(k) && k !== 'existingDataPointsCondition',
  );
  if (base.length === 0) {
    for (const r of refinements) {
      errs.add(`${path}.${r} is a refinement filter and must be combined with a base filter (e.g. jobTitles)`);
    }
  }
  if (f.existingDataPointsCondition !== undefined && f.existingDataPoints === undefined) {
    errs.add(`${path}.existingDataPointsCondition requires ${path}.existingDataPoints`);
  }
}

/**
 * prospectingCompanies `filters`: contact filters cannot be combined with company searchText,
 * signals, intent or technologies ("contact filters are never silently ignored").
 */
function checkContactCombination(f: Obj, errs: Errors): void {
  const contacts = isObj(f.contacts) ? f.contacts : undefined;
  if (!contacts || (contacts.include === undefined && contacts.exclude === undefined)) return;
  const companies = isObj(f.companies) ? f.companies : {};
  for (const side of ['include', 'exclude'] as const) {
    const block = companies[side];
    if (!isObj(block)) continue;
    for (const k of NOT_WITH_CONTACT_FILTERS) {
      if (block[k] !== undefined) errs.add(`filters.contacts cannot be combined with filters.companies.${side}.${k}`);
    }
  }
}

/** The include and exclude blocks of the side at `path`, each compiled by `compile` when given. */
function compiled<B>(side: Side<Obj>, path: string, compile: (o: Obj, path: string) => B): Side<B> {
  const one = (o: Obj | undefined, at: string) => (o ? compile(o, at) : undefined);
  return { include: one(side.include, `${path}.include`), exclude: one(side.exclude, `${path}.exclude`) };
}

function contactBlocks(ctx: Ctx, side: Side<Obj>, errs: Errors): Side<ContactBlock> {
  return compiled(side, 'filters.contacts', (o, at) => compileContactBlock(ctx.state, o as ContactCriteria, at, errs));
}

function companyBlocks(ctx: Ctx, side: Side<Obj>, errs: Errors): Side<CompanyBlock> {
  return compiled(side, 'filters.companies', (o, at) => compileCompanyBlock(ctx.state, o as CompanyCriteria, at, errs));
}

function parseOptions(body: Obj, fields: Fields, errs: Errors): Obj {
  if (body.options === undefined) return {};
  return checkObject(body.options, fields, [], 'options', errs) ? (body.options as Obj) : {};
}

function usesSignals(...blocks: ({ signals?: unknown } | undefined)[]): boolean {
  return blocks.some((b) => b?.signals !== undefined);
}

/** 403 before 402, as every sandbox endpoint: plan features first, then the balance. */
function assertSignalsPlan(ctx: Ctx, used: boolean): void {
  if (used && !ctx.account.config.signals) throw v3Error(403, MESSAGES.signalsForbidden);
}

/** 402 when the balance is empty or below the cost: the call is refused whole, nothing is charged. */
function assertCanPay(ctx: Ctx, cost: number): void {
  if (ctx.account.remaining <= 0 || cost > ctx.account.remaining) throw v3PaymentRequired();
}

// ------------------------------------------------------------------ contacts

export function prospectContacts(ctx: Ctx): HandlerResult {
  const optionFields: Fields = { includePartialProfiles: { t: 'bool' }, excludeDnc: { t: 'bool' } };
  const { errs, pg, options, f } = readRequest(ctx, optionFields, ['contacts', 'companies']);
  let contacts: Side<Obj> = {};
  let companies: Side<Obj> = {};
  if (f) {
    // Lusha's docs: "include at least one of contacts or companies" (prospecting/search-contacts).
    if (f.contacts === undefined && f.companies === undefined) {
      errs.add('filters must contain at least one of contacts, companies');
    }
    contacts = parseSide(f.contacts, 'filters.contacts', CONTACT_CRITERIA, errs);
    companies = parseSide(f.companies, 'filters.companies', COMPANY_CRITERIA, errs);
  }
  checkContactBlock(contacts.include, 'filters.contacts.include', errs);
  checkContactBlock(contacts.exclude, 'filters.contacts.exclude', errs);
  const state = ctx.state;
  const { include: cInc, exclude: cExc } = contactBlocks(ctx, contacts, errs);
  const { include: coInc, exclude: coExc } = companyBlocks(ctx, companies, errs);
  if (errs.any) throw v3BadRequest(errs.list);

  const excludeDnc = options.excludeDnc === true;
  if (excludeDnc && !ctx.account.config.excludeDnc) throw v3Error(403, MESSAGES.dncForbidden);
  assertSignalsPlan(ctx, usesSignals(cInc, cExc));
  // Signals are reported (signalTypes) and charged for the include block; an exclude block only removes.
  const withSignals = usesSignals(cInc);
  if (ctx.account.remaining <= 0) throw v3PaymentRequired();

  const includePartial = options.includePartialProfiles !== false;
  const store = state.store;
  const companyOk = new Map<number, boolean>();
  const perPerson = needsPerson(coInc) || needsPerson(coExc);
  const companyPasses = (c: SandboxCompany, p: SandboxPerson): boolean => {
    const test = () => (!coInc || companyMatches(state, c, coInc, p).ok) && !companyExcluded(state, c, coExc, p);
    if (perPerson) return test();
    let ok = companyOk.get(c.id);
    if (ok === undefined) companyOk.set(c.id, (ok = test()));
    return ok;
  };
  const matches: { p: SandboxPerson; c: SandboxCompany; signals: string[] }[] = [];
  for (const p of store.people) {
    const c = store.company(p.companyId);
    if (!c) continue;
    if (!includePartial && p.emails.length === 0 && p.phones.length === 0) continue;
    if (excludeDnc && p.phones.length > 0 && p.phones.every((ph) => ph.doNotCall)) continue;
    const inc = cInc ? contactMatches(state, p, cInc, excludeDnc) : { ok: true, signals: [] };
    if (!inc.ok || contactExcluded(state, p, cExc, excludeDnc) || !companyPasses(c, p)) continue;
    matches.push({ p, c, signals: inc.signals });
  }
  return pageAnswer(ctx, 'v3-prospecting-contacts', pg, matches, withSignals, (m, signalTypes) =>
    contactPreview(ctx.account, m.p, m.c, excludeDnc, signalTypes),
  );
}

/**
 * The page `pg` of `matches` as a paid answer: the search credits of its results, plus, when the include
 * block filters on signals, the signal credits of each result's matched types (reported as `signalTypes`).
 */
function pageAnswer<M extends { signals: string[] }>(
  ctx: Ctx,
  idPrefix: string,
  pg: Page,
  matches: M[],
  withSignals: boolean,
  preview: (m: M, signalTypes: string[] | undefined) => Record<string, unknown>,
): HandlerResult {
  const slice = matches.slice(pg.page * pg.size, pg.page * pg.size + pg.size);
  const results = slice.map((m) => preview(m, withSignals ? m.signals : undefined));
  const signalCredits = withSignals ? slice.reduce((s, m) => s + m.signals.length * SIGNAL_CREDITS, 0) : 0;
  const cost = searchCredits(results.length) + signalCredits;
  assertCanPay(ctx, cost);
  return {
    body: {
      requestId: ctx.state.newId(idPrefix),
      results,
      pagination: { page: pg.page, size: pg.size, total: matches.length },
      billing: billing(cost, results.length),
    },
    credits: cost,
  };
}

/** What both prospecting bodies hold: no other keys, a string `tableId`, the pagination, options and filters. */
function readRequest(ctx: Ctx, optionFields: Fields, sides: readonly string[]) {
  const body = bodyOf(ctx);
  const errs = new Errors();
  for (const k of Object.keys(body)) {
    if (!['pagination', 'filters', 'tableId', 'options'].includes(k)) errs.add(`property ${k} should not exist`);
  }
  if (body.tableId !== undefined) check(body.tableId, { t: 'str' }, 'tableId', errs);
  const pg = parsePagination(body, errs);
  const options = parseOptions(body, optionFields, errs);
  return { errs, pg, options, f: parseFilters(body, sides, errs) };
}

// ------------------------------------------------------------------ companies

export function prospectCompanies(ctx: Ctx): HandlerResult {
  const { errs, pg, options, f } = readRequest(ctx, { includePartialProfiles: { t: 'bool' } }, [
    'companies',
    'contacts',
  ]);
  let contacts: Side<Obj> = {};
  let companies: Side<Obj> = {};
  if (f) {
    if (f.companies === undefined) errs.add('filters.companies is required');
    companies = parseSide(f.companies, 'filters.companies', COMPANY_PROSPECTING_CRITERIA, errs, true);
    contacts = parseSide(f.contacts, 'filters.contacts', CONTACT_ON_COMPANY_CRITERIA, errs);
    checkContactCombination(f, errs);
  }
  const state = ctx.state;
  const { include: coInc, exclude: coExc } = companyBlocks(ctx, companies, errs);
  const { include: pInc, exclude: pExc } = contactBlocks(ctx, contacts, errs);
  if (errs.any) throw v3BadRequest(errs.list);

  assertSignalsPlan(ctx, usesSignals(coInc, coExc));
  const withSignals = usesSignals(coInc);
  if (ctx.account.remaining <= 0) throw v3PaymentRequired();

  const includePartial = options.includePartialProfiles === true;
  const store = state.store;
  const hasContact = (c: SandboxCompany, inc?: ContactBlock, exc?: ContactBlock) =>
    store
      .peopleAt(c.id)
      .some((p) => (!inc || contactMatches(state, p, inc, false).ok) && !contactExcluded(state, p, exc, false));
  const matches: { c: SandboxCompany; signals: string[] }[] = [];
  for (const c of store.companies) {
    if (!includePartial && isPartialCompany(c)) continue;
    const inc = coInc ? companyMatches(state, c, coInc) : { ok: true, signals: [] };
    if (!inc.ok || companyExcluded(state, c, coExc)) continue;
    if ((pInc || pExc) && !hasContact(c, pInc, pExc)) continue;
    matches.push({ c, signals: inc.signals });
  }
  return pageAnswer(ctx, 'v3-prospecting-companies', pg, matches, withSignals, (m, signalTypes) =>
    companyPreview(m.c, store.peopleAt(m.c.id).length, signalTypes),
  );
}

/** Every route of the V3 prospecting family (prospecting, filters, lookalikes). */
export const PROSPECTING_ROUTES: Route[] = [
  route('POST', '/v3/contacts/prospecting', prospectContacts),
  route('POST', '/v3/companies/prospecting', prospectCompanies),
  ...FILTER_ROUTES,
  ...LOOKALIKE_ROUTES,
];
