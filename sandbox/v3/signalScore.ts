/**
 * V3 Signal Score: POST /v3/companies/signal-score and POST /v3/contacts/signal-score
 * (operation ids getCompanySignalScores, getContactSignalScores).
 *
 * A score is derived from the entity's active signals, the same events the Signals endpoints
 * return: a signal is active when dated within the last 90 days (sandbox clock). Each active
 * signal weighs 1 when dated today down to 0.5 when 90 days old; with `raw` the sum of weights,
 * `signalScore = raw / (raw + K)` rounded to 2 decimals (K = 1 for contacts, 4 for companies), so
 * more and more recent signals give a higher score, and no active signal gives 0 with
 * `noActiveSignals: true`. Contacts are scored on their contact signals; companies on their
 * company signals including `linkedinActivityIntent`.
 *
 * `NO_SCORE` (resolved, but the scoring engine has nothing): contacts without a LinkedIn profile,
 * companies with fewer than 5 employees on LinkedIn. Error rows are never charged; each scored row
 * costs 1 credit, or nothing for keys with `signalScoreCharged: false` (the spec's
 * "limited-availability" pricebook state).
 */
import type { Ctx, HandlerResult } from '../context';
import { addDays, ymd } from '../dates';
import type { SandboxCompany, SandboxPerson } from '../model';
import { checkSize, Errors, isObj, requiredArray, unknownKeys, type Obj } from '../validate';
import { billing, CONTACT_ITEM_KEYS, v3BadRequest } from './common';
import { linkedinActivity } from './linkedinActivity';
import {
  assertV3CanPay,
  assertV3HasCredits,
  bodyObject,
  clientReference,
  dayNumber,
  isEmail,
  numericId,
  optText,
  requireSignalsPlan,
} from './signalFamily';
import { V3_COMPANY_SIGNAL_TYPES, V3_CONTACT_SIGNAL_TYPES } from './signalTypes';

export const SCORE_ACTIVE_DAYS = 90;
const K_CONTACT = 1;
const K_COMPANY = 4;
/** Companies this small are outside the scoring engine's coverage (NO_SCORE). */
export const MIN_SCORED_EMPLOYEES = 5;

interface Active {
  type: string;
  date: string;
}

function scoreOf(active: readonly Active[], today: string, k: number): { signalScore: number; signalTypes: string[] } {
  const t = dayNumber(today);
  const raw = active.reduce((sum, s) => sum + 1 - (0.5 * (t - dayNumber(s.date))) / SCORE_ACTIVE_DAYS, 0);
  const score = raw <= 0 ? 0 : Math.max(0.01, Math.round((raw / (raw + k)) * 100) / 100);
  return { signalScore: score, signalTypes: [...new Set(active.map((s) => s.type))] };
}

function activeWindow(ctx: Ctx): { start: string; end: string } {
  const end = ctx.state.today();
  return { start: ymd(addDays(new Date(`${end}T00:00:00Z`), -SCORE_ACTIVE_DAYS)), end };
}

/** Active contact signals, ordered as the type list. */
export function contactActiveSignals(ctx: Ctx, p: SandboxPerson): Active[] {
  const w = activeWindow(ctx);
  const list = ctx.state.store
    .allContactSignals(p.personId)
    .filter((s) => s.signalDate >= w.start && s.signalDate <= w.end)
    .map((s) => ({ type: s.type as string, date: s.signalDate }));
  const order = V3_CONTACT_SIGNAL_TYPES as readonly string[];
  return list.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
}

/** Active company signals (with LinkedIn activity), ordered as the type list. */
export function companyActiveSignals(ctx: Ctx, c: SandboxCompany): Active[] {
  const w = activeWindow(ctx);
  const list: Active[] = ctx.state.store
    .allCompanySignals(c.id)
    .filter((s) => s.date >= w.start && s.date <= w.end)
    .map((s) => ({ type: s.type as string, date: s.date }));
  for (const post of linkedinActivity(ctx.state.store, c, w.start, w.end)) {
    list.push({ type: 'linkedinActivityIntent', date: post.activityPublicationDate });
  }
  const order = V3_COMPANY_SIGNAL_TYPES as readonly string[];
  return list.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
}

function readItems(body: Obj, field: string, errs: Errors): Obj[] {
  unknownKeys(body, [field], '', errs);
  const v = requiredArray(body[field], field, errs);
  if (!v) return [];
  checkSize(v, field, 100, errs);
  const items: Obj[] = [];
  v.forEach((x, i) => {
    if (isObj(x)) items.push(x);
    else errs.add(`${field}[${i}] must be an object`);
  });
  return items;
}

interface Outcome {
  row: Record<string, unknown>;
  scored: boolean;
}

/** A row without a score: the record's fields and the error. */
function unscored(fields: Record<string, unknown>, code: 'NOT_FOUND' | 'NO_SCORE', message: string): Outcome {
  return { row: { ...fields, error: { code, message } }, scored: false };
}

/** A scored row: the record's fields, its score from its active signals, and whether it has none. */
function withScore(ctx: Ctx, fields: Record<string, unknown>, active: readonly Active[], k: number): Outcome {
  const s = scoreOf(active, ctx.state.today(), k);
  return { row: { ...fields, ...s, noActiveSignals: s.signalScore === 0 }, scored: true };
}

function respond(ctx: Ctx, outcomes: Outcome[]): HandlerResult {
  const scored = outcomes.filter((o) => o.scored).length;
  const cost = ctx.account.config.signalScoreCharged === false ? 0 : scored;
  assertV3CanPay(ctx.account, cost);
  return {
    body: {
      requestId: ctx.state.newId('signal-score'),
      results: outcomes.map((o) => o.row),
      billing: billing(cost, scored),
    },
    credits: cost,
  };
}

/**
 * The targets of a signal-score body: `field` holds 1 to 100 items with only `keys`, each read by `read`
 * (nothing for an item it rejects). 400 with every problem, then 402 when scores are charged and none is left.
 */
function readTargets<T>(
  ctx: Ctx,
  field: string,
  keys: readonly string[],
  read: (item: Obj, at: string, errs: Errors) => T | void,
): T[] {
  requireSignalsPlan(ctx);
  const body = bodyObject(ctx);
  const errs = new Errors();
  const targets: T[] = [];
  readItems(body, field, errs).forEach((item, i) => {
    const at = `${field}[${i}]`;
    unknownKeys(item, keys, `${at}.`, errs);
    const t = read(item, at, errs);
    if (t) targets.push(t);
  });
  if (errs.any) throw v3BadRequest(errs.list);
  if (ctx.account.config.signalScoreCharged !== false) assertV3HasCredits(ctx.account);
  return targets;
}

// ------------------------------------------------------------------ companies

const COMPANY_IDENTIFIERS = ['id', 'domain', 'name', 'email'] as const;
type CompanyIdentifier = (typeof COMPANY_IDENTIFIERS)[number];

interface CompanyTarget {
  ref: string | undefined;
  by: CompanyIdentifier;
  value: string;
}

function scoreCompany(ctx: Ctx, t: CompanyTarget): Outcome {
  const store = ctx.state.store;
  const ref = t.ref === undefined ? {} : { clientReferenceId: t.ref };
  const emailDomain = t.by === 'email' ? (t.value.split('@').pop() ?? '') : '';
  const n = t.by === 'id' ? numericId(t.value) : undefined;
  const company =
    t.by === 'id'
      ? n === undefined
        ? undefined
        : store.company(n)
      : t.by === 'domain'
        ? store.companyByDomainName(t.value)
        : t.by === 'name'
          ? store.companyByCompanyName(t.value)
          : store.companyByDomainName(emailDomain);
  if (!company) {
    // The spec's example echoes the identifier under its own name; an email echoes its domain.
    const echo = t.by === 'email' ? { domain: emailDomain } : { [t.by]: t.value };
    return unscored({ ...ref, ...echo }, 'NOT_FOUND', 'Company not found');
  }
  const who = { ...ref, id: String(company.id), name: company.name, domain: company.fqdn };
  if (company.employeesInLinkedin < MIN_SCORED_EMPLOYEES) {
    return unscored(who, 'NO_SCORE', 'No signal score available for this company');
  }
  return withScore(ctx, who, companyActiveSignals(ctx, company), K_COMPANY);
}

export function companySignalScores(ctx: Ctx): HandlerResult {
  const targets = readTargets(ctx, 'companies', ['clientReferenceId', ...COMPANY_IDENTIFIERS], (item, at, errs) => {
    const ref = clientReference(item, at, errs);
    const given = COMPANY_IDENTIFIERS.filter((k) => item[k] !== undefined);
    const values = given.map((k) => optText(item, k, at, errs));
    if (given.length !== 1) return errs.add(`${at} must contain exactly one of id, domain, name, email`);
    const by = given[0] as CompanyIdentifier;
    const value = values[0];
    if (value === undefined) return;
    if (by === 'email' && !isEmail(value)) return errs.add(`${at}.email must be an email`);
    return { ref, by, value };
  });
  return respond(
    ctx,
    targets.map((t) => scoreCompany(ctx, t)),
  );
}

// ------------------------------------------------------------------ contacts

interface ContactTarget {
  ref: string | undefined;
  id?: string;
  linkedinUrl?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  companyDomain?: string;
}

/** id, then linkedinUrl, then email, then name + company (the spec's order). */
function resolveContact(ctx: Ctx, t: ContactTarget): SandboxPerson | undefined {
  const store = ctx.state.store;
  if (t.id !== undefined) {
    const n = numericId(t.id);
    return n === undefined ? undefined : store.person(n);
  }
  if (t.linkedinUrl !== undefined) return store.personByLinkedinUrl(t.linkedinUrl);
  if (t.email !== undefined) return store.personByEmailAddress(t.email);
  return store.findPerson({
    fullName: `${t.firstName ?? ''} ${t.lastName ?? ''}`,
    companies: [{ name: t.companyName, domain: t.companyDomain }],
  });
}

function scoreContact(ctx: Ctx, t: ContactTarget): Outcome {
  const ref = t.ref === undefined ? {} : { clientReferenceId: t.ref };
  const person = resolveContact(ctx, t);
  const company = person ? ctx.state.store.company(person.companyId) : undefined;
  if (!person || !company) {
    const echo = t.id === undefined ? {} : { id: t.id };
    return unscored({ ...ref, ...echo }, 'NOT_FOUND', 'Contact not found');
  }
  const who = {
    ...ref,
    id: String(person.personId),
    fullName: person.fullName,
    company: { id: String(company.id), name: company.name, domain: company.domain },
  };
  if (!person.linkedinUrl) return unscored(who, 'NO_SCORE', 'No signal score available for this contact');
  return withScore(ctx, who, contactActiveSignals(ctx, person), K_CONTACT);
}

export function contactSignalScores(ctx: Ctx): HandlerResult {
  const targets = readTargets(ctx, 'contacts', CONTACT_ITEM_KEYS, (item, at, errs) => {
    const t: ContactTarget = { ref: clientReference(item, at, errs) };
    for (const k of ['id', 'linkedinUrl', 'email', 'firstName', 'lastName', 'companyName', 'companyDomain'] as const) {
      const v = optText(item, k, at, errs);
      if (v !== undefined) t[k] = v;
    }
    if (t.email !== undefined && !isEmail(t.email)) errs.add(`${at}.email must be an email`);
    const byName =
      t.firstName !== undefined &&
      t.lastName !== undefined &&
      (t.companyName !== undefined || t.companyDomain !== undefined);
    if (t.id === undefined && t.linkedinUrl === undefined && t.email === undefined && !byName) {
      errs.add(`${at} must include id, linkedinUrl, email, or firstName + lastName + (companyName or companyDomain)`);
    }
    return t;
  });
  return respond(
    ctx,
    targets.map((t) => scoreContact(ctx, t)),
  );
}
