/** /api/signals/*: signal options, contact and company signals by id or by search. */
import { COMPANY_SIGNAL_TYPES, DEPARTMENTS, NEWS_EVENT_TYPES } from './catalog';
import { assertCanPay, assertHasCredits } from './billing';
import type { Ctx, HandlerResult } from './context';
import { badRequest, MESSAGES, simpleError } from './errors';
import type { SandboxCompany, SandboxPerson } from './model';
import {
  COMPANY_SIGNAL_NAMES,
  CONTACT_SIGNAL_NAMES,
  companySignalBlock,
  companySignalFilter,
  companyTypes,
  contactSignalBlock,
  contactTypes,
  signalNames,
  signalWindow,
} from './signals';
import { checkSize, Errors, isInt, isObj, isStr, nonEmptyStr, optDate, unknownKeys, type Obj } from './validate';

function requireSignalsPlan(ctx: Ctx): void {
  if (!ctx.account.config.signals) throw simpleError(403, MESSAGES.signalsForbidden);
}

export function signalOptions(ctx: Ctx): HandlerResult {
  requireSignalsPlan(ctx);
  const type = ctx.params.objectType;
  if (type === 'contact')
    return { body: { signals: ['promotion', 'companyChange', 'allSignals'], objectType: 'contact' } };
  if (type === 'company') {
    return {
      body: {
        signals: ['allSignals', ...COMPANY_SIGNAL_TYPES],
        objectType: 'company',
        filterOptions: { newsEventTypes: [...NEWS_EVENT_TYPES], hiringByDepartments: [...DEPARTMENTS] },
      },
    };
  }
  throw badRequest('validation', ['objectType must be one of: contact, company']);
}

/** The body of a signals call (403 first without Signals on the plan): its `targetKeys` and the signal options. */
function signalsBody(ctx: Ctx, targetKeys: readonly string[]): { body: Obj; errs: Errors } {
  requireSignalsPlan(ctx);
  if (!isObj(ctx.body)) throw badRequest('validation', ['Request body must be a JSON object']);
  const errs = new Errors();
  unknownKeys(ctx.body, [...targetKeys, 'signals', 'startDate', 'maxResultsPerSignal'], '', errs);
  return { body: ctx.body, errs };
}

function maxResults(body: Obj, errs: Errors): number | undefined {
  const v = body.maxResultsPerSignal;
  if (v === undefined) return undefined;
  if (!isInt(v) || v < 1) {
    errs.add('maxResultsPerSignal must be a positive integer');
    return undefined;
  }
  return v;
}

/** `v` as a list of 1 to 100 entries; an error and an empty list when it is not an array. */
function listOf100(v: unknown, name: string, errs: Errors): unknown[] {
  if (!Array.isArray(v)) {
    errs.add(`${name} must be an array`);
    return [];
  }
  checkSize(v, name, 100, errs);
  return v;
}

function intIds(v: unknown, name: string, errs: Errors): number[] {
  const list = listOf100(v, name, errs);
  if (!list.every(isInt)) {
    errs.add(`each value in ${name} must be an integer number`);
    return [];
  }
  return list;
}

function refItems(v: unknown, name: string, errs: Errors): Obj[] {
  const list = listOf100(v, name, errs);
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (!isObj(x)) return errs.add(`${name}[${i}] must be an object`);
    if (!nonEmptyStr(x.id)) errs.add(`${name}[${i}].id must be a non-empty string`);
    else if (seen.has(x.id)) errs.add(`${name}[${i}].id must be unique (duplicate "${x.id}")`);
    else seen.add(x.id);
  });
  return list.filter(isObj);
}

/**
 * The signal names (of `allowed`), start date, cap per signal and, by `readMore`, the kind's own options
 * of a signals body: 400 with every problem found (`errs` may hold some already), then 402 without credits.
 */
function readOptions<X>(ctx: Ctx, body: Obj, allowed: readonly string[], errs: Errors, readMore: () => X) {
  const names = signalNames(body.signals, 'signals', allowed, errs, { required: true });
  const start = optDate(body, 'startDate', '', errs);
  const max = maxResults(body, errs);
  const more = readMore();
  const window = signalWindow(ctx.state, start, 'startDate', errs);
  if (errs.any || !names) throw badRequest('validation', errs.list);
  assertHasCredits(ctx.account);
  return { names, window, max, more };
}

function respond(
  ctx: Ctx,
  entries: Record<string, unknown>,
  cost: number,
  window: { start: string; end: string },
): HandlerResult {
  assertCanPay(ctx.account, cost);
  return { body: { ...entries, startDate: window.start, endDate: window.end, creditCharged: cost }, credits: cost };
}

// ------------------------------------------------------------------ contacts

function contactSignals(
  ctx: Ctx,
  body: Obj,
  targets: { key: string; person: SandboxPerson | undefined }[],
  errs: Errors,
): HandlerResult {
  const { names, window, max } = readOptions(ctx, body, CONTACT_SIGNAL_NAMES, errs, () => undefined);
  const types = contactTypes(names);
  const contacts: Record<string, unknown> = {};
  let cost = 0;
  for (const { key, person } of targets) {
    if (!person) continue;
    const block = contactSignalBlock(ctx.state, person.personId, types, window, max, true);
    cost += block.hits;
    contacts[key] = { personId: String(person.personId), ...block.byType };
  }
  return respond(ctx, { contacts }, cost, window);
}

export function contactSignalsById(ctx: Ctx): HandlerResult {
  const { body, errs } = signalsBody(ctx, ['contactIds']);
  const ids = intIds(body.contactIds, 'contactIds', errs);
  const targets = [...new Set(ids)].map((id) => ({ key: String(id), person: ctx.state.store.person(id) }));
  return contactSignals(ctx, body, targets, errs);
}

const SEARCH_CONTACT_KEYS = ['id', 'email', 'social_link', 'full_name', 'companies'];

export function contactSignalsSearch(ctx: Ctx): HandlerResult {
  const { body, errs } = signalsBody(ctx, ['contacts']);
  const items = refItems(body.contacts, 'contacts', errs);
  const targets: { key: string; person: SandboxPerson | undefined }[] = [];
  items.forEach((c, i) => {
    const at = `contacts[${i}]`;
    unknownKeys(c, SEARCH_CONTACT_KEYS, `${at}.`, errs);
    for (const k of ['email', 'social_link', 'full_name'] as const)
      if (c[k] !== undefined && !isStr(c[k])) errs.add(`${at}.${k} must be a string`);
    const companies: { name?: string; domain?: string }[] = [];
    if (c.companies !== undefined) {
      if (!Array.isArray(c.companies)) errs.add(`${at}.companies must be an array`);
      else
        c.companies.forEach((co, j) => {
          if (!isObj(co)) return errs.add(`${at}.companies[${j}] must be an object`);
          unknownKeys(co, ['name', 'domain', 'is_current'], `${at}.companies[${j}].`, errs);
          if (!nonEmptyStr(co.name)) errs.add(`${at}.companies[${j}].name should not be empty`);
          if (!nonEmptyStr(co.domain)) errs.add(`${at}.companies[${j}].domain should not be empty`);
          if (co.is_current !== undefined && typeof co.is_current !== 'boolean')
            errs.add(`${at}.companies[${j}].is_current must be a boolean value`);
          companies.push({
            name: isStr(co.name) ? co.name : undefined,
            domain: isStr(co.domain) ? co.domain : undefined,
          });
        });
    }
    const byName = nonEmptyStr(c.full_name) && companies.length > 0;
    if (!nonEmptyStr(c.email) && !nonEmptyStr(c.social_link) && !byName) {
      errs.add(`${at} must include email, social_link, or full_name with companies`);
    }
    if (isStr(c.id)) {
      targets.push({
        key: c.id,
        person: ctx.state.store.findPerson({
          email: nonEmptyStr(c.email) ? c.email : undefined,
          linkedinUrl: nonEmptyStr(c.social_link) ? c.social_link : undefined,
          fullName: isStr(c.full_name) ? c.full_name : undefined,
          companies,
        }),
      });
    }
  });
  return contactSignals(ctx, body, targets, errs);
}

// ------------------------------------------------------------------ companies

function companySignals(
  ctx: Ctx,
  body: Obj,
  targets: { key: string; company: SandboxCompany | undefined }[],
  errs: Errors,
): HandlerResult {
  const readFilter = () => companySignalFilter(body.filters, 'filters', errs);
  const { names, window, max, more: filter } = readOptions(ctx, body, COMPANY_SIGNAL_NAMES, errs, readFilter);
  const types = companyTypes(names);
  const companies: Record<string, unknown> = {};
  let cost = 0;
  for (const { key, company } of targets) {
    if (!company) continue;
    const block = companySignalBlock(ctx.state, company, types, window, max, filter, true);
    cost += block.hits;
    companies[key] = {
      companyId: String(company.id),
      companyName: company.name,
      domain: company.domain,
      ...block.byType,
    };
  }
  return respond(ctx, { companies }, cost, window);
}

export function companySignalsById(ctx: Ctx): HandlerResult {
  const { body, errs } = signalsBody(ctx, ['companyIds', 'filters']);
  const ids = intIds(body.companyIds, 'companyIds', errs);
  const targets = [...new Set(ids)].map((id) => ({ key: String(id), company: ctx.state.store.company(id) }));
  return companySignals(ctx, body, targets, errs);
}

export function companySignalsSearch(ctx: Ctx): HandlerResult {
  const { body, errs } = signalsBody(ctx, ['companies', 'filters']);
  const items = refItems(body.companies, 'companies', errs);
  const targets: { key: string; company: SandboxCompany | undefined }[] = [];
  items.forEach((c, i) => {
    const at = `companies[${i}]`;
    unknownKeys(c, ['id', 'name', 'domain'], `${at}.`, errs);
    for (const k of ['name', 'domain'] as const)
      if (c[k] !== undefined && !isStr(c[k])) errs.add(`${at}.${k} must be a string`);
    if (!isStr(c.id)) return;
    const store = ctx.state.store;
    // With neither name nor domain, the id itself is read as a Lusha company id.
    const company = nonEmptyStr(c.domain)
      ? store.findCompany({ domain: c.domain })
      : nonEmptyStr(c.name)
        ? store.findCompany({ name: c.name })
        : store.company(c.id);
    targets.push({ key: c.id, company });
  });
  return companySignals(ctx, body, targets, errs);
}
