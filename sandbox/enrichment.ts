/** GET/POST /v2/person and GET/POST /v2/company. */
import type { Account } from './accounts';
import { assertCanPay, assertHasCredits } from './billing';
import type { Ctx, HandlerResult, State } from './context';
import { badRequest, MESSAGES, simpleError } from './errors';
import type { SandboxPerson } from './model';
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
  type CompanySignalFilter,
} from './signals';
import {
  companyBulk,
  companySingle,
  contactData,
  personCompany,
  type RevealOptions,
  visibleEmails,
  visiblePhones,
} from './shapes';
import type { PersonQuery, SignalWindow } from './store';
import {
  Errors,
  isObj,
  isStr,
  nonEmptyStr,
  optBool,
  optDate,
  queryBool,
  queryList,
  queryText,
  type Obj,
} from './validate';

const EMPTY_DATA = { code: 3, name: 'EMPTY_DATA', message: 'Could not find requested data' } as const;

interface PersonOptions {
  reveal: RevealOptions;
  revealFlagsUsed: boolean;
  filterBy?: 'phoneNumbers' | 'emailAddresses';
  partialProfile: boolean;
  signals?: string[];
  window?: SignalWindow;
}

/** revealEmails / revealPhones: neither = both; one flag alone = only (true) or all but (false) that kind. */
function revealFrom(revealEmails: boolean | undefined, revealPhones: boolean | undefined, errs: Errors): RevealOptions {
  if (revealEmails === undefined && revealPhones === undefined) return { emails: true, phones: true };
  if (revealEmails !== undefined && revealPhones !== undefined) {
    if (!revealEmails && !revealPhones) errs.add('At least one of revealEmails or revealPhones must be true');
    return { emails: revealEmails, phones: revealPhones };
  }
  if (revealEmails !== undefined) return { emails: revealEmails, phones: !revealEmails };
  return { emails: !revealPhones, phones: revealPhones === true };
}

function checkPlan(account: Account, o: { revealFlagsUsed: boolean; signals?: unknown }): void {
  if (o.revealFlagsUsed && account.config.plan !== 'unified') throw simpleError(403, MESSAGES.revealForbidden);
  if (o.signals !== undefined && !account.config.signals) throw simpleError(403, MESSAGES.signalsForbidden);
}

interface PersonOutcome {
  entry: { error: typeof EMPTY_DATA | null; isCreditCharged: boolean; data: Record<string, unknown> | null };
  cost: number;
  person?: SandboxPerson;
}

function enrichPerson(state: State, person: SandboxPerson | undefined, o: PersonOptions): PersonOutcome {
  if (!person) return { entry: { error: EMPTY_DATA, isCreditCharged: false, data: null }, cost: 0 };
  const emails = visibleEmails(person, o.reveal);
  const phones = visiblePhones(person, o.reveal);
  const hasData =
    o.filterBy === 'emailAddresses'
      ? emails.length > 0
      : o.filterBy === 'phoneNumbers'
        ? phones.length > 0
        : emails.length + phones.length > 0;
  if (!hasData && !o.partialProfile)
    return { entry: { error: EMPTY_DATA, isCreditCharged: false, data: null }, cost: 0 };
  const data = contactData(person, o.reveal);
  let cost = hasData ? 1 : 0;
  if (o.signals && o.window) {
    const block = contactSignalBlock(state, person.personId, contactTypes(o.signals), o.window, undefined, false);
    data.signals = block.byType;
    cost += block.hits;
  }
  return { entry: { error: null, isCreditCharged: hasData, data }, cost, person };
}

export function getPerson(ctx: Ctx): HandlerResult {
  const q = ctx.query;
  const errs = new Errors();
  const get = (k: string) => queryText(q, k);
  const personId = get('personId');
  const email = get('email');
  const linkedinUrl = get('linkedinUrl');
  const firstName = get('firstName');
  const lastName = get('lastName');
  const companyName = get('companyName');
  const companyDomain = get('companyDomain');
  const byName = firstName && lastName && (companyName || companyDomain);
  if (!personId && !email && !linkedinUrl && !byName) {
    errs.add(
      'Missing required parameters: provide personId, email, linkedinUrl, or firstName and lastName with companyName or companyDomain',
    );
  }
  queryBool(q, 'refreshJobInfo', errs);
  const revealEmails = queryBool(q, 'revealEmails', errs);
  const revealPhones = queryBool(q, 'revealPhones', errs);
  const partialProfile = queryBool(q, 'partialProfile', errs) ?? false;
  const filterBy = q.get('filterBy') ?? undefined;
  if (filterBy !== undefined && filterBy !== 'phoneNumbers' && filterBy !== 'emailAddresses') {
    errs.add('filterBy must be one of the following values: phoneNumbers, emailAddresses');
  }
  const rawSignals = queryList(q, 'signals');
  const signals = signalNames(rawSignals, 'signals', CONTACT_SIGNAL_NAMES, errs, { required: false });
  const startRaw = q.get('signalsStartDate') ?? undefined;
  const start = optDate(startRaw === undefined ? {} : { signalsStartDate: startRaw }, 'signalsStartDate', '', errs);
  const reveal = revealFrom(revealEmails, revealPhones, errs);
  const window = signals ? signalWindow(ctx.state, start, 'signalsStartDate', errs) : undefined;
  if (errs.any) throw badRequest('enrichment', errs.list);

  checkPlan(ctx.account, {
    revealFlagsUsed: revealEmails !== undefined || revealPhones !== undefined,
    signals: rawSignals,
  });
  assertHasCredits(ctx.account);

  const query: PersonQuery = { personId, email, linkedinUrl };
  if (byName && !personId && !email && !linkedinUrl) {
    query.firstName = firstName;
    query.lastName = lastName;
    query.companies = [{ name: companyName, domain: companyDomain }];
  }
  const person = ctx.state.store.findPerson(query);
  const out = enrichPerson(ctx.state, person, {
    reveal,
    revealFlagsUsed: revealEmails !== undefined || revealPhones !== undefined,
    filterBy: filterBy as PersonOptions['filterBy'],
    partialProfile,
    signals,
    window,
  });
  assertCanPay(ctx.account, out.cost);
  if (out.person && out.entry.data) {
    const company = ctx.state.store.company(out.person.companyId);
    if (company) out.entry.data.company = personCompany(company);
    if (out.entry.isCreditCharged) ctx.account.revealed.add(out.person.personId);
  }
  return { body: { contact: out.entry }, credits: out.cost };
}

function validateBulkContact(c: unknown, i: number, errs: Errors, seen: Set<string>): PersonQuery | null {
  const at = `contacts[${i}]`;
  if (!isObj(c)) {
    errs.add(`${at} must be an object`);
    return null;
  }
  if (!nonEmptyStr(c.contactId)) errs.add(`${at}.contactId must be a non-empty string`);
  else if (seen.has(c.contactId)) errs.add(`${at}.contactId must be unique (duplicate "${c.contactId}")`);
  else seen.add(c.contactId);
  for (const k of ['email', 'linkedinUrl', 'fullName', 'location'] as const) {
    if (c[k] !== undefined && !isStr(c[k])) errs.add(`${at}.${k} must be a string`);
  }
  if (c.personId !== undefined && !isStr(c.personId) && typeof c.personId !== 'number')
    errs.add(`${at}.personId must be a string`);
  let companies: { name?: string; domain?: string }[] | undefined;
  if (c.companies !== undefined) {
    if (!Array.isArray(c.companies)) errs.add(`${at}.companies must be an array`);
    else {
      companies = [];
      c.companies.forEach((co, j) => {
        if (!isObj(co)) return errs.add(`${at}.companies[${j}] must be an object`);
        if (!nonEmptyStr(co.name) && !nonEmptyStr(co.domain) && !nonEmptyStr(co.fqdn)) {
          return errs.add(`${at}.companies[${j}] must include name or domain`);
        }
        companies?.push({
          name: isStr(co.name) ? co.name : undefined,
          domain: isStr(co.domain) ? co.domain : isStr(co.fqdn) ? co.fqdn : undefined,
        });
      });
    }
  }
  const has = (v: unknown) => (isStr(v) && v.trim() !== '') || typeof v === 'number';
  const byName = has(c.fullName) && companies !== undefined && companies.length > 0;
  if (!has(c.email) && !has(c.linkedinUrl) && !has(c.personId) && !byName) {
    errs.add(`${at} must include email, linkedinUrl, personId, or fullName with companies`);
  }
  return {
    personId: has(c.personId) ? (c.personId as string | number) : undefined,
    email: has(c.email) ? (c.email as string) : undefined,
    linkedinUrl: has(c.linkedinUrl) ? (c.linkedinUrl as string) : undefined,
    fullName: isStr(c.fullName) ? c.fullName : undefined,
    companies,
  };
}

export function postPerson(ctx: Ctx): HandlerResult {
  const body = ctx.body;
  const errs = new Errors();
  if (!isObj(body)) throw badRequest('enrichment', ['Request body must be a JSON object']);
  const contacts = body.contacts;
  const queries: { contactId: string; q: PersonQuery }[] = [];
  if (!Array.isArray(contacts)) errs.add('contacts must be an array');
  else if (contacts.length < 1 || contacts.length > 100) errs.add('contacts must contain between 1 and 100 items');
  else {
    const seen = new Set<string>();
    contacts.forEach((c, i) => {
      const q = validateBulkContact(c, i, errs, seen);
      if (q && isObj(c) && isStr(c.contactId)) queries.push({ contactId: c.contactId, q });
    });
  }
  const meta: Obj =
    body.metadata === undefined
      ? {}
      : isObj(body.metadata)
        ? body.metadata
        : (errs.add('metadata must be an object'), {});
  optBool(meta, 'refreshJobInfo', 'metadata.', errs);
  const revealEmails = optBool(meta, 'revealEmails', 'metadata.', errs);
  const revealPhones = optBool(meta, 'revealPhones', 'metadata.', errs);
  const partialProfile = optBool(meta, 'partialProfile', 'metadata.', errs) ?? false;
  const filterBy = meta.filterBy;
  if (filterBy !== undefined && filterBy !== 'phoneNumbers' && filterBy !== 'emailAddresses') {
    errs.add('metadata.filterBy must be one of the following values: phoneNumbers, emailAddresses');
  }
  const signals = signalNames(meta.signals, 'metadata.signals', CONTACT_SIGNAL_NAMES, errs, { required: false });
  const start = optDate(meta, 'signalsStartDate', 'metadata.', errs);
  const reveal = revealFrom(revealEmails, revealPhones, errs);
  const window = signals ? signalWindow(ctx.state, start, 'metadata.signalsStartDate', errs) : undefined;
  if (errs.any) throw badRequest('enrichment', errs.list);

  const revealFlagsUsed = revealEmails !== undefined || revealPhones !== undefined;
  checkPlan(ctx.account, { revealFlagsUsed, signals: meta.signals });
  assertHasCredits(ctx.account);

  const outContacts: Record<string, unknown> = {};
  const outCompanies: Record<string, unknown> = {};
  let cost = 0;
  const revealedNow: number[] = [];
  for (const { contactId, q } of queries) {
    const person = ctx.state.store.findPerson(q);
    const out = enrichPerson(ctx.state, person, {
      reveal,
      revealFlagsUsed,
      filterBy: filterBy as PersonOptions['filterBy'],
      partialProfile,
      signals,
      window,
    });
    outContacts[contactId] = out.entry;
    cost += out.cost;
    if (out.person && out.entry.data) {
      const company = ctx.state.store.company(out.person.companyId);
      if (company) outCompanies[String(company.id)] = personCompany(company);
      if (out.entry.isCreditCharged) revealedNow.push(out.person.personId);
    }
  }
  assertCanPay(ctx.account, cost);
  for (const id of revealedNow) ctx.account.revealed.add(id);
  return { body: { contacts: outContacts, companies: outCompanies }, credits: cost };
}

interface CompanySignalOptions {
  names?: string[];
  window?: SignalWindow;
  filter?: CompanySignalFilter;
}

export function getCompany(ctx: Ctx): HandlerResult {
  const q = ctx.query;
  const errs = new Errors();
  const get = (k: string) => queryText(q, k);
  const domain = get('domain');
  const name = get('company');
  const companyId = get('companyId');
  if (!domain && !name && !companyId) errs.add('Missing required parameters: provide domain, company, or companyId');
  queryBool(q, 'partialCompany', errs);
  const rawSignals = queryList(q, 'signals');
  const signals = signalNames(rawSignals, 'signals', COMPANY_SIGNAL_NAMES, errs, { required: false });
  const start = optDate(
    q.get('signalsStartDate') === null ? {} : { signalsStartDate: q.get('signalsStartDate') },
    'signalsStartDate',
    '',
    errs,
  );
  const window = signals ? signalWindow(ctx.state, start, 'signalsStartDate', errs) : undefined;
  if (errs.any) throw badRequest('enrichment', errs.list);
  checkPlan(ctx.account, { revealFlagsUsed: false, signals: rawSignals });
  assertHasCredits(ctx.account);

  const company = ctx.state.store.findCompany({ companyId, domain, name });
  if (!company) throw simpleError(404, MESSAGES.notFound);
  const data = companySingle(company);
  let cost = 1;
  if (signals && window) {
    const block = companySignalBlock(ctx.state, company, companyTypes(signals), window, undefined, undefined, false);
    Object.assign(data, block.byType);
    cost += block.hits;
  }
  assertCanPay(ctx.account, cost);
  return { body: { data, errors: {}, meta: {} }, credits: cost };
}

export function postCompany(ctx: Ctx): HandlerResult {
  const body = ctx.body;
  const errs = new Errors();
  if (!isObj(body)) throw badRequest('enrichment', ['Request body must be a JSON object']);
  const companies = body.companies;
  const items: { id: string; companyId?: string; domain?: string; fqdn?: string; name?: string }[] = [];
  if (!Array.isArray(companies)) errs.add('companies must be an array');
  else if (companies.length < 1 || companies.length > 100) errs.add('companies must contain between 1 and 100 items');
  else {
    const seen = new Set<string>();
    companies.forEach((c, i) => {
      const at = `companies[${i}]`;
      if (!isObj(c)) return errs.add(`${at} must be an object`);
      if (!nonEmptyStr(c.id)) errs.add(`${at}.id must be a non-empty string`);
      else if (seen.has(c.id)) errs.add(`${at}.id must be unique (duplicate "${c.id}")`);
      else seen.add(c.id);
      for (const k of ['domain', 'name', 'fqdn'] as const)
        if (c[k] !== undefined && !isStr(c[k])) errs.add(`${at}.${k} must be a string`);
      const cid = typeof c.companyId === 'number' ? String(c.companyId) : c.companyId;
      if (cid !== undefined && !isStr(cid)) errs.add(`${at}.companyId must be a string`);
      if (!nonEmptyStr(c.domain) && !nonEmptyStr(c.name) && !nonEmptyStr(c.fqdn) && !nonEmptyStr(cid)) {
        errs.add(`${at} must include at least one of domain, name, fqdn or companyId`);
      }
      if (isStr(c.id)) {
        items.push({
          id: c.id,
          companyId: isStr(cid) && cid.trim() !== '' ? cid : undefined,
          domain: nonEmptyStr(c.domain) ? c.domain : undefined,
          fqdn: nonEmptyStr(c.fqdn) ? c.fqdn : undefined,
          name: nonEmptyStr(c.name) ? c.name : undefined,
        });
      }
    });
  }
  const signals = signalNames(body.signals, 'signals', COMPANY_SIGNAL_NAMES, errs, { required: false });
  const start = optDate(body, 'signalsStartDate', '', errs);
  const filter = companySignalFilter(body.signalsFilters, 'signalsFilters', errs);
  optBool(body, 'partialCompany', '', errs);
  const opts: CompanySignalOptions = { names: signals, filter };
  if (signals) opts.window = signalWindow(ctx.state, start, 'signalsStartDate', errs);
  if (errs.any) throw badRequest('enrichment', errs.list);
  checkPlan(ctx.account, { revealFlagsUsed: false, signals: body.signals });
  assertHasCredits(ctx.account);

  const out: Record<string, unknown> = {};
  let cost = 0;
  for (const it of items) {
    const company = ctx.state.store.findCompany(it);
    if (!company) continue;
    const entry = companyBulk(company);
    cost += 1;
    if (opts.names && opts.window) {
      const block = companySignalBlock(
        ctx.state,
        company,
        companyTypes(opts.names),
        opts.window,
        undefined,
        opts.filter,
        false,
      );
      Object.assign(entry, block.byType);
      cost += block.hits;
    }
    out[it.id] = entry;
  }
  assertCanPay(ctx.account, cost);
  return { body: out, credits: cost };
}
