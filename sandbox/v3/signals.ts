/**
 * V3 Signals: contact and company signal events, the signal type lists and the company signal
 * filters (operation ids getContactSignals, getCompanySignals, getContactSignalTypes,
 * getCompanySignalTypes, getCompanySignalFilters, getCompanySignalFilterValues). This module also
 * lists every route of the V3 signals family (signal scores, buying group, website visits).
 *
 * The events are the V2 ones (`sandbox/signals.ts`, the Store): the same records, dates and, for
 * company signals, `signalId`s; signals added at run time appear here too. The V3-only company
 * type `linkedinActivityIntent` comes from ./linkedinActivity.
 */
import { COUNTRIES, DEPARTMENTS, NEWS_EVENT_TYPES, type CompanySignalType, type ContactSignalType } from '../catalog';
import type { Ctx, HandlerResult } from '../context';
import { addDays, ymd } from '../dates';
import type { ContactSignalRecord, SandboxCompany, SandboxPerson } from '../model';
import { route, type Route } from '../routes';
import { companySignalBlock, companySignalFilter, signalBlock, signalNames, signalWindow } from '../signals';
import type { SignalWindow } from '../store';
import { checkSize, Errors, isObj, isStr, optDate, unknownKeys, type Obj } from '../validate';
import { buyingGroup } from './buyingGroup';
import { billing, v3BadRequest } from './common';
import { INTENT_CATEGORIES, LINKEDIN_MAX_RESULTS, LINKEDIN_WINDOW_DAYS, linkedinActivity } from './linkedinActivity';
import {
  assertV3CanPay,
  assertV3HasCredits,
  bodyObject,
  numericId,
  optInt,
  readTableId,
  requireSignalsPlan,
  tableNotFound,
} from './signalFamily';
import { companySignalScores, contactSignalScores } from './signalScore';
import { expand, V3_COMPANY_SIGNAL_TYPES, V3_CONTACT_SIGNAL_TYPES, type V3CompanySignalType } from './signalTypes';
import { websiteVisits } from './websiteVisits';

// ------------------------------------------------------------------ type lists and filters

function contactSignalTypes(ctx: Ctx): HandlerResult {
  requireSignalsPlan(ctx);
  return { body: { signalTypes: [...V3_CONTACT_SIGNAL_TYPES] } };
}

function companySignalTypes(ctx: Ctx): HandlerResult {
  requireSignalsPlan(ctx);
  return { body: { signalTypes: [...V3_COMPANY_SIGNAL_TYPES] } };
}

const SIGNAL_FILTERS = [
  { filterType: 'newsEventTypes', requiresQuery: false },
  { filterType: 'hiringByDepartments', requiresQuery: false },
  { filterType: 'hiringByLocations', requiresQuery: true },
  { filterType: 'intentCategories', requiresQuery: false },
] as const;

function companySignalFilters(ctx: Ctx): HandlerResult {
  requireSignalsPlan(ctx);
  return { body: { availableFilters: SIGNAL_FILTERS.map((f) => ({ ...f })) } };
}

/** Every country of the dataset, and each of its states, as `{country}` / `{country, state}` values. */
function hiringLocations(query: string): { country: string; state?: string }[] {
  const q = query.toLowerCase();
  const out: { country: string; state?: string }[] = [];
  for (const c of COUNTRIES) {
    const states = [...new Set(c.cities.map((city) => city.state).filter((s): s is string => s !== null))];
    if (c.name.toLowerCase().includes(q)) {
      out.push({ country: c.name }, ...states.map((state) => ({ country: c.name, state })));
    } else {
      for (const state of states) if (state.toLowerCase().includes(q)) out.push({ country: c.name, state });
    }
  }
  return out;
}

function companySignalFilterValues(ctx: Ctx): HandlerResult {
  requireSignalsPlan(ctx);
  const type = ctx.params.filterType ?? '';
  const errs = new Errors();
  const names = SIGNAL_FILTERS.map((f) => f.filterType) as readonly string[];
  if (!names.includes(type)) errs.add(`filterType must be one of the following values: ${names.join(', ')}`);
  const query = ctx.query.get('query');
  if (query !== null) {
    if (query.length < 2) errs.add('query must be longer than or equal to 2 characters');
    if (query.length > 256) errs.add('query must be shorter than or equal to 256 characters');
    if (type === 'intentCategories') errs.add('query is not supported for filterType intentCategories');
  } else if (type === 'hiringByLocations') {
    errs.add('query is required for filterType hiringByLocations');
  }
  if (errs.any) throw v3BadRequest(errs.list);
  const matches = (v: string) => query === null || v.toLowerCase().includes(query.toLowerCase());
  switch (type) {
    case 'newsEventTypes':
      return { body: { values: NEWS_EVENT_TYPES.filter(matches) } };
    case 'hiringByDepartments':
      return { body: { values: DEPARTMENTS.filter(matches) } };
    case 'hiringByLocations':
      return { body: { values: hiringLocations(query ?? '') } };
    default:
      return { body: { values: [...INTENT_CATEGORIES] } };
  }
}

// ------------------------------------------------------------------ shared request parts

interface SignalRequest {
  ids: string[];
  names: string[];
  window: SignalWindow;
  max: number | undefined;
}

/** `ids` (1–100 strings), `signalTypes`, `startDate`, `maxResultsPerSignal` (1–100), `tableId`. */
function readSignalRequest(ctx: Ctx, body: Obj, allowed: readonly string[], errs: Errors): SignalRequest {
  const v = body.ids;
  let ids: string[] = [];
  if (v === undefined) errs.add('ids should not be empty');
  else if (!Array.isArray(v)) errs.add('ids must be an array');
  else {
    checkSize(v, 'ids', 100, errs);
    if (!v.every(isStr)) errs.add('each value in ids must be a string');
    else ids = v;
  }
  const names = signalNames(body.signalTypes, 'signalTypes', allowed, errs, { required: true }) ?? [];
  const start = optDate(body, 'startDate', '', errs);
  const max = optInt(body.maxResultsPerSignal, 'maxResultsPerSignal', 1, 100, errs);
  const window = signalWindow(ctx.state, start, 'startDate', errs);
  return { ids: [...new Set(ids.map((id) => id.trim()))], names, window, max };
}

/**
 * The body of a signals call (plan first, then 400 with every problem, then the table and the credits):
 * the common request, and what `readMore` reads of the kind's own `moreKeys`.
 */
function readCall<X>(
  ctx: Ctx,
  allowed: readonly string[],
  moreKeys: readonly string[],
  readMore: (body: Obj, errs: Errors) => X,
): { req: SignalRequest; more: X } {
  requireSignalsPlan(ctx);
  const body = bodyObject(ctx);
  const errs = new Errors();
  unknownKeys(body, ['ids', 'signalTypes', 'startDate', 'maxResultsPerSignal', 'tableId', ...moreKeys], '', errs);
  const req = readSignalRequest(ctx, body, allowed, errs);
  const more = readMore(body, errs);
  const tableId = readTableId(body, errs);
  if (errs.any) throw v3BadRequest(errs.list);
  if (tableId !== undefined) tableNotFound();
  assertV3HasCredits(ctx.account);
  return { req, more };
}

// ------------------------------------------------------------------ contacts

/**
 * A V3 contact signal item. The spec's example (`{id, signalDate, previousCompany, newCompany}`)
 * gives `id` the contact's id: it names the person, not the event. `newTitle` is the sandbox's
 * addition (the title the contact holds after the event).
 */
export function v3ContactSignalItem(s: ContactSignalRecord): Record<string, unknown> {
  return {
    id: String(s.personId),
    signalDate: s.signalDate,
    previousCompany: s.previousCompanyName,
    newCompany: s.currentCompanyName,
    newTitle: s.currentTitle,
  };
}

function contactSignals(ctx: Ctx): HandlerResult {
  const { req } = readCall(ctx, V3_CONTACT_SIGNAL_TYPES, [], () => undefined);
  const types = expand<ContactSignalType>(V3_CONTACT_SIGNAL_TYPES, req.names);
  return signalsAnswer(
    ctx,
    req,
    (n) => ctx.state.store.person(n),
    'Contact not found',
    (person) => contactEntry(ctx, person, types, req),
  );
}

function contactEntry(
  ctx: Ctx,
  person: SandboxPerson,
  types: readonly ContactSignalType[],
  req: SignalRequest,
): { entry: Record<string, unknown>; hits: number } {
  const itemsOf = (t: ContactSignalType) => ctx.state.store.contactSignalsFor(person.personId, t, req.window);
  const block = signalBlock(types, itemsOf, req.max, true, v3ContactSignalItem);
  return { entry: { id: String(person.personId), ...block.byType }, hits: block.hits };
}

/**
 * The answer of a signals call: a row for each requested id (`NOT_FOUND` when `lookup` finds no record),
 * charged the hits of every row's entry.
 */
function signalsAnswer<R>(
  ctx: Ctx,
  req: SignalRequest,
  lookup: (id: number) => R | undefined,
  notFound: string,
  entryOf: (record: R) => { entry: Record<string, unknown>; hits: number },
): HandlerResult {
  let cost = 0;
  let found = 0;
  const results = req.ids.map((id) => {
    const n = numericId(id);
    const record = n === undefined ? undefined : lookup(n);
    if (!record) return { id, error: { code: 'NOT_FOUND', message: notFound } };
    found++;
    const { entry, hits } = entryOf(record);
    cost += hits;
    return entry;
  });
  assertV3CanPay(ctx.account, cost);
  return {
    body: { results, startDate: req.window.start, endDate: req.window.end, billing: billing(cost, found) },
    credits: cost,
  };
}

// ------------------------------------------------------------------ companies

interface CompanyFilters {
  v2: ReturnType<typeof companySignalFilter>;
  intentCategories?: string[];
}

/** `filters.include`: `intentCategories` (spec) and the V2 sub-filters `newsEventTypes`, `hiringBy…`. */
function readCompanyFilters(body: Obj, errs: Errors): CompanyFilters {
  const v2 = companySignalFilter(body.filters, 'filters', errs);
  const inc = isObj(body.filters) && isObj(body.filters.include) ? body.filters.include : undefined;
  const raw = inc?.intentCategories;
  if (raw === undefined) return { v2 };
  if (!Array.isArray(raw) || !raw.every(isStr)) {
    errs.add('filters.include.intentCategories must be an array of strings');
    return { v2 };
  }
  const known = INTENT_CATEGORIES.map((c) => c.toLowerCase());
  const vals = raw.map((x) => x.toLowerCase()).filter((x) => known.includes(x));
  return { v2, intentCategories: vals.length > 0 ? vals : undefined };
}

function companyEntry(
  ctx: Ctx,
  company: SandboxCompany,
  types: readonly V3CompanySignalType[],
  req: SignalRequest,
  filters: CompanyFilters,
): { entry: Record<string, unknown>; hits: number } {
  const entry: Record<string, unknown> = { id: String(company.id), companyName: company.name, domain: company.domain };
  let hits = 0;
  for (const t of types) {
    let items: unknown[];
    if (t === 'linkedinActivityIntent') {
      const trailing = ymd(addDays(new Date(`${req.window.end}T00:00:00Z`), -LINKEDIN_WINDOW_DAYS));
      const start = req.window.start > trailing ? req.window.start : trailing;
      const cap = Math.min(req.max ?? LINKEDIN_MAX_RESULTS, LINKEDIN_MAX_RESULTS);
      items = linkedinActivity(ctx.state.store, company, start, req.window.end, filters.intentCategories).slice(0, cap);
    } else {
      const block = companySignalBlock(
        ctx.state,
        company,
        [t as CompanySignalType],
        req.window,
        req.max,
        filters.v2,
        true,
      );
      items = block.byType[t] ?? [];
    }
    if (items.length > 0) hits++;
    entry[t] = items;
  }
  return { entry, hits };
}

function companySignals(ctx: Ctx): HandlerResult {
  const { req, more: filters } = readCall(ctx, V3_COMPANY_SIGNAL_TYPES, ['filters'], readCompanyFilters);
  const types = expand<V3CompanySignalType>(V3_COMPANY_SIGNAL_TYPES, req.names);
  return signalsAnswer(
    ctx,
    req,
    (n) => ctx.state.store.company(n),
    'Company not found',
    (company) => companyEntry(ctx, company, types, req, filters),
  );
}

export const V3_SIGNALS_ROUTES: Route[] = [
  route('POST', '/v3/contacts/signals', contactSignals),
  route('POST', '/v3/companies/signals', companySignals),
  route('GET', '/v3/contacts/signals/types', contactSignalTypes),
  route('GET', '/v3/companies/signals/types', companySignalTypes),
  route('GET', '/v3/companies/signals/filters', companySignalFilters),
  route('GET', '/v3/companies/signals/filters/:filterType', companySignalFilterValues),
  route('POST', '/v3/companies/signal-score', companySignalScores),
  route('POST', '/v3/contacts/signal-score', contactSignalScores),
  route('POST', '/v3/contacts/buying-group', buyingGroup),
  route('POST', '/v3/companies/website-visits', websiteVisits),
];
