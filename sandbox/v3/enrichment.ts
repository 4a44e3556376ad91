/**
 * Lusha V3 Search, Enrich and Search & Enrich (spec operations `searchContacts`, `enrichContacts`,
 * `searchAndEnrichContacts`, `searchCompanies`, `enrichCompanies`, `searchAndEnrichCompanies`):
 *
 *   POST /v3/contacts/search             identifiers -> non-PII previews (`has`, `canReveal`)
 *   POST /v3/contacts/enrich             Lusha ids -> full contacts with the revealed emails / phones
 *   POST /v3/contacts/search-and-enrich  identifiers -> full contacts, in one call
 *   POST /v3/companies/search            identifiers -> company previews
 *   POST /v3/companies/enrich            Lusha ids -> full companies (+ premium fields in `reveal`)
 *   POST /v3/companies/search-and-enrich identifiers -> full companies, in one call
 *
 * Billing (tag notes "Search", "Enrich", "Search & Enrich"): `api_search` per successful result of a search,
 * `revealEmail` / `revealPhone` per contact whose emails / phones are revealed, `reveal_company` per company
 * enriched plus the price of each premium field revealed; emails, phones and premium fields already revealed
 * for the key are free. A request the balance cannot pay is refused whole (402) and nothing is charged.
 * `ENRICHMENT_ROUTES` also carries `GET /v3/account/usage` (`getAccountUsage`, ./account.ts), which reports
 * the prices charged here.
 */
import type { Account } from '../accounts';
import { MESSAGES } from '../errors';
import type { Ctx, HandlerResult, State } from '../context';
import { route, type Route } from '../routes';
import type { SandboxCompany, SandboxPerson } from '../model';
import { companyTypes, contactTypes, hasCompanySignal, hasContactSignal, signalWindow } from '../signals';
import type { SignalWindow } from '../store';
import { Errors, isInt, isObj, isStr, optDate, requiredArray, type Obj } from '../validate';
import { accountUsageV3 } from './account';
import { billing, CONTACT_ITEM_KEYS, v3BadRequest, v3Error, v3PaymentRequired } from './common';
import { companyInsights } from './companyInsights';
import {
  COMPANY_REVEAL_ACTION,
  CONTACT_REVEAL_ACTION,
  companyPreview,
  contactFieldsWithData,
  contactPreview,
  enrichedCompany,
  enrichedContact,
  premiumValue,
} from './enrichmentShapes';
import { priceOf, pricingFor, type PricingEntry, type V3Action } from './pricing';
import {
  COMPANY_PREMIUM_FIELDS,
  revealLedger,
  type CompanyPremiumField,
  type ContactRevealField,
  type RevealLedger,
} from './reveals';
import { V3_COMPANY_SIGNAL_TYPES, V3_CONTACT_SIGNAL_TYPES } from './signalTypes';

type Json = Record<string, unknown>;

const MAX_ITEMS = 100;
const CONTACT_FIELDS: readonly ContactRevealField[] = ['emails', 'phones'];
const TABLE_NOT_FOUND = 'TABLE_NOT_FOUND: Table not found';
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NO_SIGNALS = (kind: string) => `No signals of the requested types for this ${kind}`;

// ------------------------------------------------------------------------------------------- validation

/** The request body, with only `keys`, read by `read`; 400 naming every problem found. */
function readBody<T>(ctx: Ctx, keys: readonly string[], read: (o: Obj, errs: Errors) => T): T {
  if (!isObj(ctx.body)) throw v3BadRequest(['Request body must be a JSON object']);
  const errs = new Errors();
  onlyKeys(ctx.body, keys, '', errs);
  const out = read(ctx.body, errs);
  if (errs.any) throw v3BadRequest(errs.list);
  return out;
}

function onlyKeys(o: Obj, allowed: readonly string[], prefix: string, errs: Errors): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) errs.add(`property ${prefix}${k} should not exist`);
}

/** A string field: absent -> undefined; blank -> undefined (no identifier); wrong type -> error. */
function optString(o: Obj, key: string, at: string, errs: Errors): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (!isStr(v)) {
    errs.add(`${at}.${key} must be a string`);
    return undefined;
  }
  return v.trim() === '' ? undefined : v.trim();
}

function items(o: Obj, key: string, errs: Errors): unknown[] {
  const v = requiredArray(o[key], key, errs);
  if (!v) return [];
  if (v.length < 1 || v.length > MAX_ITEMS) {
    errs.add(`${key} must contain between 1 and ${MAX_ITEMS} items`);
    return [];
  }
  return v;
}

interface SearchOptions {
  includePartialProfiles: boolean;
}

function searchOptions(o: Obj, errs: Errors): SearchOptions {
  const v = o.options;
  if (v === undefined) return { includePartialProfiles: false };
  if (!isObj(v)) {
    errs.add('options must be an object');
    return { includePartialProfiles: false };
  }
  onlyKeys(v, ['includePartialProfiles'], 'options.', errs);
  const p = v.includePartialProfiles;
  if (p !== undefined && typeof p !== 'boolean') errs.add('options.includePartialProfiles must be a boolean value');
  return { includePartialProfiles: p === true };
}

interface SignalsFilter {
  types: string[];
  window: SignalWindow;
}

function signalsFilter(state: State, o: Obj, allowed: readonly string[], errs: Errors): SignalsFilter | undefined {
  const v = o.signals;
  if (v === undefined) return undefined;
  if (!isObj(v)) {
    errs.add('signals must be an object');
    return undefined;
  }
  onlyKeys(v, ['types', 'startDate', 'maxResultsPerSignal'], 'signals.', errs);
  let types: string[] = [];
  if (!Array.isArray(v.types) || v.types.length === 0) errs.add('signals.types should not be empty');
  else if (!v.types.every((t) => isStr(t) && allowed.includes(t))) {
    errs.add(`each value in signals.types must be one of the following values: ${allowed.join(', ')}`);
  } else types = v.types as string[];
  const start = optDate(v, 'startDate', 'signals.', errs);
  const max = v.maxResultsPerSignal;
  if (max !== undefined && (!isInt(max) || max < 1 || max > 100)) {
    errs.add('signals.maxResultsPerSignal must be an integer between 1 and 100');
  }
  const window = signalWindow(state, start, 'signals.startDate', errs);
  return { types, window };
}

function tableId(o: Obj, errs: Errors): string | undefined {
  const v = o.tableId;
  if (v === undefined) return undefined;
  if (!isStr(v) || v.trim() === '') {
    errs.add('tableId must be a non-empty string');
    return undefined;
  }
  return v;
}

/** `ids`: 1–100 unique non-empty strings (Lusha ids, as returned by Search). */
function ids(o: Obj, errs: Errors): string[] {
  const list = items(o, 'ids', errs);
  const out: string[] = [];
  const seen = new Set<string>();
  list.forEach((v, i) => {
    if (!isStr(v) || v.trim() === '') return errs.add(`ids[${i}] must be a non-empty string`);
    if (seen.has(v.trim())) return errs.add(`ids[${i}] must be unique (duplicate "${v}")`);
    seen.add(v.trim());
    out.push(v.trim());
  });
  return out;
}

/**
 * `reveal`: a list of unique values from `allowed`. Absent = `whenAbsent` (contacts: emails and phones;
 * companies: no premium field). Empty is refused for contacts (nothing to reveal) and means none for companies.
 */
function reveal<T extends string>(o: Obj, allowed: readonly T[], whenAbsent: readonly T[], errs: Errors): T[] {
  const v = o.reveal;
  if (v === undefined) return whenAbsent.slice();
  if (!Array.isArray(v) || (v.length === 0 && whenAbsent.length > 0)) {
    errs.add('reveal must be a non-empty array');
    return [];
  }
  if (!v.every((x) => isStr(x) && (allowed as readonly string[]).includes(x))) {
    errs.add(`each value in reveal must be one of the following values: ${allowed.join(', ')}`);
    return [];
  }
  if (new Set(v).size !== v.length) errs.add("All reveal's elements must be unique");
  return allowed.filter((f) => v.includes(f));
}

interface ContactItem {
  ref?: string;
  id?: string;
  email?: string;
  linkedinUrl?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  companyDomain?: string;
}

/**
 * The items under `key`: objects with only `keys`, each read by `read` after its `clientReferenceId`
 * (an item that is no object reads as an empty one; every field of an item is optional).
 */
function itemsOf<T extends { ref?: string }>(
  o: Obj,
  key: string,
  keys: readonly string[],
  errs: Errors,
  read: (v: Obj, at: string, ref: string | undefined) => T,
): T[] {
  return items(o, key, errs).map((v, i) => {
    const at = `${key}[${i}]`;
    if (!isObj(v)) {
      errs.add(`${at} must be an object`);
      return {} as T;
    }
    onlyKeys(v, keys, `${at}.`, errs);
    const ref = v.clientReferenceId;
    if (ref !== undefined && !isStr(ref)) errs.add(`${at}.clientReferenceId must be a string`);
    return read(v, at, isStr(ref) ? ref : undefined);
  });
}

function contactItems(o: Obj, errs: Errors): ContactItem[] {
  return itemsOf(o, 'contacts', CONTACT_ITEM_KEYS, errs, (v, at, ref) => {
    const it: ContactItem = {
      ref,
      id: optString(v, 'id', at, errs),
      email: optString(v, 'email', at, errs),
      linkedinUrl: optString(v, 'linkedinUrl', at, errs),
      firstName: optString(v, 'firstName', at, errs),
      lastName: optString(v, 'lastName', at, errs),
      companyName: optString(v, 'companyName', at, errs),
      companyDomain: optString(v, 'companyDomain', at, errs),
    };
    if (it.email !== undefined && !EMAIL_RE.test(it.email)) errs.add(`${at}.email must be an email`);
    const byName = it.firstName && it.lastName && (it.companyName || it.companyDomain);
    if (!it.id && !it.email && !it.linkedinUrl && !byName) {
      errs.add(
        `${at} must include id, linkedinUrl, email, or firstName and lastName with companyName or companyDomain`,
      );
    }
    return it;
  });
}

interface CompanyItem {
  ref?: string;
  id?: string;
  name?: string;
  domain?: string;
}

function companyItems(o: Obj, errs: Errors): CompanyItem[] {
  return itemsOf(o, 'companies', ['clientReferenceId', 'id', 'name', 'domain'], errs, (v, at, ref) => {
    const it: CompanyItem = {
      ref,
      id: optString(v, 'id', at, errs),
      name: optString(v, 'name', at, errs),
      domain: optString(v, 'domain', at, errs),
    };
    if (!it.id && !it.name && !it.domain) errs.add(`${at} must include at least one of id, name or domain`);
    return it;
  });
}

// ------------------------------------------------------------------------------------------- shared steps

/** The plan checks, then the zero-balance check every paid V3 endpoint makes before doing any work. */
function gate(account: Account, o: { signals?: unknown; table?: string }): void {
  if (o.signals !== undefined && !account.config.signals) throw v3Error(403, MESSAGES.signalsForbidden);
  if (o.table !== undefined) throw v3Error(404, TABLE_NOT_FOUND);
  if (account.remaining <= 0) throw v3PaymentRequired();
}

function findPerson(state: State, it: ContactItem): SandboxPerson | undefined {
  const byName = it.firstName && it.lastName && (it.companyName || it.companyDomain);
  return state.store.findPerson({
    personId: it.id,
    email: it.email,
    linkedinUrl: it.linkedinUrl,
    ...(byName
      ? {
          firstName: it.firstName,
          lastName: it.lastName,
          companies: [{ name: it.companyName, domain: it.companyDomain }],
        }
      : {}),
  });
}

function findCompany(state: State, it: CompanyItem): SandboxCompany | undefined {
  return state.store.findCompany({ companyId: it.id, domain: it.domain, name: it.name });
}

function companyOf(state: State, p: SandboxPerson): SandboxCompany {
  const c = state.store.company(p.companyId);
  if (!c) throw new Error(`No company ${p.companyId}`);
  return c;
}

function withRef(ref: string | undefined, o: Json): Json {
  return ref === undefined ? o : { clientReferenceId: ref, ...o };
}

function notFound(kind: 'Contact' | 'Company', message = `${kind} not found`): Json {
  return { error: { code: 'NOT_FOUND', message } };
}

/**
 * Reveals decided during one request: charged, and written to the key's ledger, only once the whole
 * request is known to be affordable. A record met twice in one request is charged once.
 */
class PendingReveals {
  private readonly contacts: [number, ContactRevealField][] = [];
  private readonly companies: [number, CompanyPremiumField][] = [];
  private readonly units = new Map<V3Action, number>();

  constructor(
    private readonly ledger: RevealLedger,
    private readonly pricing: Record<V3Action, PricingEntry>,
  ) {}

  /** Count `n` units of an action (a search result, a company revealed, ...). */
  add(action: V3Action, n = 1): void {
    this.units.set(action, (this.units.get(action) ?? 0) + n);
  }

  /** Credits for everything counted so far: each action priced on its total units. */
  get credits(): number {
    let sum = 0;
    for (const [action, n] of this.units) sum += priceOf(this.pricing, action, n);
    return sum;
  }

  /** Emails / phones of the requested kinds the person has: counted unless already revealed for the key. */
  contact(p: SandboxPerson, requested: readonly ContactRevealField[]): void {
    for (const field of contactFieldsWithData(p)) {
      if (!requested.includes(field) || this.hasContact(p.personId, field)) continue;
      this.add(CONTACT_REVEAL_ACTION[field]);
      this.contacts.push([p.personId, field]);
    }
  }

  /** The premium fields to show: requested ones with data (counted unless revealed) plus those already revealed. */
  company(state: State, c: SandboxCompany, requested: readonly CompanyPremiumField[]): CompanyPremiumField[] {
    const ins = companyInsights(state.store, c, state.now());
    const shown: CompanyPremiumField[] = [];
    for (const field of COMPANY_PREMIUM_FIELDS) {
      if (premiumValue(c, ins, field) === undefined) continue;
      if (this.hasCompany(c.id, field)) shown.push(field);
      else if (requested.includes(field)) {
        this.add(COMPANY_REVEAL_ACTION[field]);
        this.companies.push([c.id, field]);
        shown.push(field);
      }
    }
    return shown;
  }

  private hasContact(id: number, f: ContactRevealField): boolean {
    return this.ledger.contacts.has(id, f) || this.contacts.some(([i, g]) => i === id && g === f);
  }

  private hasCompany(id: number, f: CompanyPremiumField): boolean {
    return this.ledger.companies.has(id, f) || this.companies.some(([i, g]) => i === id && g === f);
  }

  commit(account: Account): void {
    for (const [id, f] of this.contacts) {
      this.ledger.contacts.add(id, f);
      account.revealed.add(id);
    }
    for (const [id, f] of this.companies) this.ledger.companies.add(id, f);
  }
}

function successes(results: Json[]): number {
  return results.filter((r) => r.error === undefined).length;
}

/** Charge what `pending` counted, or refuse the request whole (402) when the balance cannot pay. */
function paid(ctx: Ctx, label: string, results: Json[], pending: PendingReveals): HandlerResult {
  const credits = pending.credits;
  if (credits > ctx.account.remaining) throw v3PaymentRequired();
  pending.commit(ctx.account);
  const requestId = ctx.state.newId(label);
  return { body: { requestId, results, billing: billing(credits, successes(results)) }, credits };
}

/** A Search answer: `api_search` is charged for each row found, on top of the pending reveals. */
function paidSearch(ctx: Ctx, label: string, results: Json[], pending: PendingReveals): HandlerResult {
  pending.add('api_search', successes(results));
  return paid(ctx, label, results, pending);
}

/**
 * A Search row under a signals filter (`matched` = the record's signal types of the filter): the preview
 * with its `signalTypes`, or not found when none matched. Without a filter (`matched` undefined), the preview.
 */
function withSignals(kind: 'Contact' | 'Company', preview: Json, matched: string[] | undefined): Json {
  if (matched === undefined) return preview;
  if (matched.length === 0) return notFound(kind, NO_SIGNALS(kind.toLowerCase()));
  return { ...preview, signalTypes: matched };
}

function pendingFor(account: Account): PendingReveals {
  return new PendingReveals(revealLedger(account), pricingFor(account));
}

// ------------------------------------------------------------------------------------------- contacts

export function searchContacts(ctx: Ctx): HandlerResult {
  const { list, options, signals } = readBody(ctx, ['contacts', 'options', 'signals'], (o, errs) => ({
    list: contactItems(o, errs),
    options: searchOptions(o, errs),
    signals: signalsFilter(ctx.state, o, V3_CONTACT_SIGNAL_TYPES, errs),
  }));
  gate(ctx.account, { signals });

  const pricing = pricingFor(ctx.account);
  const ledger = revealLedger(ctx.account);
  const pending = pendingFor(ctx.account);
  const results = list.map((it): Json => {
    const p = findPerson(ctx.state, it);
    if (!p || (contactFieldsWithData(p).length === 0 && !options.includePartialProfiles))
      return withRef(it.ref, notFound('Contact'));
    const preview = contactPreview(p, companyOf(ctx.state, p), ledger, pricing);
    const matched = signals && hasContactSignal(ctx.state, p.personId, contactTypes(signals.types), signals.window);
    return withRef(it.ref, withSignals('Contact', preview, matched));
  });
  return paidSearch(ctx, 'v3-contacts-search', results, pending);
}

export function enrichContacts(ctx: Ctx): HandlerResult {
  const { idList, fields, table } = readBody(ctx, ['ids', 'reveal', 'waterfallEnabled', 'tableId'], (o, errs) => {
    const read = { idList: ids(o, errs), fields: reveal(o, CONTACT_FIELDS, CONTACT_FIELDS, errs) };
    if (o.waterfallEnabled !== undefined && typeof o.waterfallEnabled !== 'boolean') {
      errs.add('waterfallEnabled must be a boolean value');
    }
    return { ...read, table: tableId(o, errs) };
  });
  gate(ctx.account, { table });

  const pending = pendingFor(ctx.account);
  const results = idList.map((id): Json => {
    const p = ctx.state.store.person(id);
    if (!p) return { id, ...notFound('Contact') };
    pending.contact(p, fields);
    return enrichedContact(p, companyOf(ctx.state, p), fields);
  });
  return paid(ctx, 'v3-contacts-enrich', results, pending);
}

export function searchAndEnrichContacts(ctx: Ctx): HandlerResult {
  const { list, fields, options } = readBody(ctx, ['contacts', 'reveal', 'options'], (o, errs) => ({
    list: contactItems(o, errs),
    fields: reveal(o, CONTACT_FIELDS, CONTACT_FIELDS, errs),
    options: searchOptions(o, errs),
  }));
  gate(ctx.account, {});

  const pending = pendingFor(ctx.account);
  const results = list.map((it): Json => {
    const p = findPerson(ctx.state, it);
    if (!p) return withRef(it.ref, notFound('Contact'));
    const useful = contactFieldsWithData(p).some((f) => fields.includes(f));
    if (!useful && !options.includePartialProfiles) return withRef(it.ref, notFound('Contact'));
    pending.contact(p, fields);
    return withRef(it.ref, enrichedContact(p, companyOf(ctx.state, p), fields));
  });
  return paidSearch(ctx, 'v3-contacts-search-and-enrich', results, pending);
}

// ------------------------------------------------------------------------------------------- companies

export function searchCompanies(ctx: Ctx): HandlerResult {
  const { list, signals } = readBody(ctx, ['companies', 'options', 'signals'], (o, errs) => {
    const items = companyItems(o, errs);
    searchOptions(o, errs);
    // `V3CompanySignalsDto.types`: `linkedinActivityIntent` is accepted, the dataset has none.
    return { list: items, signals: signalsFilter(ctx.state, o, V3_COMPANY_SIGNAL_TYPES, errs) };
  });
  gate(ctx.account, { signals });

  const pricing = pricingFor(ctx.account);
  const ledger = revealLedger(ctx.account);
  const pending = pendingFor(ctx.account);
  const now = ctx.state.now();
  const results = list.map((it): Json => {
    const c = findCompany(ctx.state, it);
    if (!c) return withRef(it.ref, notFound('Company'));
    const preview = companyPreview(ctx.state.store, c, now, ledger, pricing);
    const matched = signals && hasCompanySignal(ctx.state, c.id, companyTypes(signals.types), signals.window);
    return withRef(it.ref, withSignals('Company', preview, matched));
  });
  return paidSearch(ctx, 'v3-companies-search', results, pending);
}

export function enrichCompanies(ctx: Ctx): HandlerResult {
  const { idList, premium, table } = readBody(ctx, ['ids', 'reveal', 'tableId'], (o, errs) => ({
    idList: ids(o, errs),
    premium: reveal(o, COMPANY_PREMIUM_FIELDS, [], errs),
    table: tableId(o, errs),
  }));
  gate(ctx.account, { table });

  const pending = pendingFor(ctx.account);
  const now = ctx.state.now();
  const results = idList.map((id): Json => {
    const c = ctx.state.store.company(id);
    if (!c) return { id, ...notFound('Company') };
    pending.add('reveal_company');
    return enrichedCompany(ctx.state.store, c, now, pending.company(ctx.state, c, premium));
  });
  return paid(ctx, 'v3-companies-enrich', results, pending);
}

export function searchAndEnrichCompanies(ctx: Ctx): HandlerResult {
  const list = readBody(ctx, ['companies', 'options'], (o, errs) => {
    const items = companyItems(o, errs);
    searchOptions(o, errs);
    return items;
  });
  gate(ctx.account, {});

  const pending = pendingFor(ctx.account);
  const now = ctx.state.now();
  const results = list.map((it): Json => {
    const c = findCompany(ctx.state, it);
    if (!c) return withRef(it.ref, notFound('Company'));
    pending.add('reveal_company');
    return withRef(it.ref, enrichedCompany(ctx.state.store, c, now, pending.company(ctx.state, c, [])));
  });
  return paidSearch(ctx, 'v3-companies-search-and-enrich', results, pending);
}

/** This family's routes, with the account API (`getAccountUsage`, its own 5-per-minute limit). */
export const ENRICHMENT_ROUTES: Route[] = [
  route('GET', '/v3/account/usage', accountUsageV3, true),
  route('POST', '/v3/contacts/search', searchContacts),
  route('POST', '/v3/contacts/enrich', enrichContacts),
  route('POST', '/v3/contacts/search-and-enrich', searchAndEnrichContacts),
  route('POST', '/v3/companies/search', searchCompanies),
  route('POST', '/v3/companies/enrich', enrichCompanies),
  route('POST', '/v3/companies/search-and-enrich', searchAndEnrichCompanies),
];
