/**
 * V3 Buying Group: POST /v3/contacts/buying-group (operation id getContactsBuyingGroup).
 *
 * The buying group of a company is its people in the dataset, each given one persona from the
 * seniority (Founder, C-Suite, VP, Partner → decision_maker; Director, Manager →
 * potential_champion; Senior, Entry, Intern, Other → end_user) and a 0–1 score: a base per
 * seniority, lowered for people whose department is "Other", plus a small deterministic jitter
 * per person. Contacts come best score first, at most `contactsLimit` per company (default 60),
 * and are paged across the whole answer (`pagination`, default page 0, size 100); every requested
 * company has its row on every page. 1 credit per contact returned (`buyingGroupContact`).
 */
import type { Ctx, HandlerResult } from '../context';
import type { SandboxCompany, SandboxPerson } from '../model';
import { checkSize, Errors, isObj, isStr, unknownKeys, type Obj } from '../validate';
import { billing, v3BadRequest, v3Error } from './common';
import {
  assertV3CanPay,
  assertV3HasCredits,
  bodyObject,
  clientReference,
  numericId,
  optInt,
  optText,
  unit,
} from './signalFamily';

export const PERSONAS = ['decision_maker', 'potential_champion', 'end_user'] as const;
export type Persona = (typeof PERSONAS)[number];

export const DEFAULT_CONTACTS_LIMIT = 60;
const MAX_COMPANIES = 25;

/** Persona and base score of each of Lusha's seniority labels. */
const BY_SENIORITY: Record<string, { persona: Persona; base: number }> = {
  Founder: { persona: 'decision_maker', base: 0.93 },
  'C-Suite': { persona: 'decision_maker', base: 0.95 },
  VP: { persona: 'decision_maker', base: 0.88 },
  Partner: { persona: 'decision_maker', base: 0.82 },
  Director: { persona: 'potential_champion', base: 0.87 },
  Manager: { persona: 'potential_champion', base: 0.79 },
  Senior: { persona: 'end_user', base: 0.84 },
  Entry: { persona: 'end_user', base: 0.74 },
  Intern: { persona: 'end_user', base: 0.55 },
  Other: { persona: 'end_user', base: 0.6 },
};

/** V3 seniority labels (the spec's `employeesBySeniority` vocabulary) for the dataset's labels. */
export const V3_SENIORITY: Record<string, string> = {
  Founder: 'Founder',
  'C-Suite': 'C-Suite',
  VP: 'Vice President',
  Partner: 'Partner',
  Director: 'Director',
  Manager: 'Manager',
  Senior: 'Senior',
  Entry: 'Non-Manager',
  Intern: 'Intern',
  Other: 'Non-Manager',
};

export function personaOf(p: SandboxPerson): { persona: Persona; score: number } {
  const rule = BY_SENIORITY[p.seniority] ?? { persona: 'end_user' as const, base: 0.6 };
  const dept = p.departments.includes('Other') ? 0.85 : 1;
  const jitter = (unit('buying-group', p.personId, p.fullName) - 0.5) * 0.08;
  const score = Math.min(0.99, Math.max(0.05, rule.base * dept + jitter));
  return { persona: rule.persona, score: Math.round(score * 10_000) / 10_000 };
}

/** Price of each revealable field per the spec's pricing example (revealEmail 1, revealPhone 5). */
const REVEAL_CREDITS = { emails: 1, phones: 5 } as const;

/** A V3 contact preview (no emails or phones), as in the spec's buying-group example. */
function contactPreview(ctx: Ctx, p: SandboxPerson, c: SandboxCompany, persona: Persona, score: number) {
  const revealed = ctx.account.revealed.has(p.personId);
  const has = ['firstName', 'lastName', 'jobTitle', 'company', 'location'];
  if (p.linkedinUrl) has.push('socialLinks');
  if (p.emails.length > 0) has.push('emails');
  if (p.phones.length > 0) has.push('phones');
  if (p.previousJob) has.push('previousEmployment');
  has.push('jobStartDate');
  const canReveal: { field: 'emails' | 'phones'; credits: number }[] = [];
  if (p.emails.length > 0) canReveal.push({ field: 'emails', credits: revealed ? 0 : REVEAL_CREDITS.emails });
  if (p.phones.length > 0) canReveal.push({ field: 'phones', credits: revealed ? 0 : REVEAL_CREDITS.phones });
  return {
    id: String(p.personId),
    firstName: p.firstName,
    lastName: p.lastName,
    jobTitle: {
      title: p.jobTitle,
      departments: p.departments.slice(),
      seniority: V3_SENIORITY[p.seniority] ?? p.seniority,
    },
    company: { id: String(c.id), name: c.name, domain: c.fqdn },
    location: {
      country: p.location.country,
      ...(p.location.state ? { state: p.location.state } : {}),
      city: p.location.city,
    },
    socialLinks: p.linkedinUrl ? { linkedin: p.linkedinUrl } : {},
    has,
    canReveal,
    roles: [persona],
    score,
  };
}

interface Target {
  ref: string | undefined;
  company: SandboxCompany | undefined;
  /** A later item naming a company already asked for. */
  duplicate: boolean;
}

function readPersonas(v: unknown, errs: Errors): Persona[] {
  if (v === undefined) return [...PERSONAS];
  if (!Array.isArray(v) || !v.every(isStr)) {
    errs.add('personas must be an array of strings');
    return [];
  }
  if (v.length === 0) errs.add('personas should not be empty');
  if (!v.every((x) => (PERSONAS as readonly string[]).includes(x))) {
    errs.add(`each value in personas must be one of the following values: ${PERSONAS.join(', ')}`);
  }
  return v as Persona[];
}

function readPagination(v: unknown, errs: Errors): { page: number; size: number } {
  if (v === undefined) return { page: 0, size: 100 };
  if (!isObj(v)) {
    errs.add('pagination must be an object');
    return { page: 0, size: 100 };
  }
  unknownKeys(v, ['page', 'size'], 'pagination.', errs);
  const page = optInt(v.page, 'pagination.page', 0, Infinity, errs) ?? 0;
  const size = optInt(v.size, 'pagination.size', 10, 100, errs) ?? 100;
  return { page, size };
}

function readCompanies(ctx: Ctx, v: unknown, errs: Errors): Target[] {
  if (v === undefined) {
    errs.add('companies should not be empty');
    return [];
  }
  if (!Array.isArray(v)) {
    errs.add('companies must be an array');
    return [];
  }
  checkSize(v, 'companies', MAX_COMPANIES, errs);
  const seen = new Set<number>();
  const targets: Target[] = [];
  v.forEach((item: unknown, i) => {
    const at = `companies[${i}]`;
    if (!isObj(item)) return errs.add(`${at} must be an object`);
    unknownKeys(item, ['clientReferenceId', 'domain', 'id'], `${at}.`, errs);
    const ref = clientReference(item, at, errs);
    const domain = optText(item, 'domain', at, errs);
    const id = optText(item, 'id', at, errs);
    if ((item.domain === undefined) === (item.id === undefined)) {
      return errs.add(`${at} must contain exactly one of domain, id`);
    }
    const n = id === undefined ? undefined : numericId(id);
    const company =
      domain !== undefined
        ? ctx.state.store.companyByDomainName(domain)
        : n === undefined
          ? undefined
          : ctx.state.store.company(n);
    const duplicate = company !== undefined && seen.has(company.id);
    if (company) seen.add(company.id);
    targets.push({ ref, company, duplicate });
  });
  return targets;
}

export function buyingGroup(ctx: Ctx): HandlerResult {
  const body: Obj = bodyObject(ctx);
  const errs = new Errors();
  unknownKeys(body, ['companies', 'personas', 'contactsLimit', 'pagination'], '', errs);
  const targets = readCompanies(ctx, body.companies, errs);
  const personas = readPersonas(body.personas, errs);
  const limit = optInt(body.contactsLimit, 'contactsLimit', 1, Infinity, errs) ?? DEFAULT_CONTACTS_LIMIT;
  const pages = readPagination(body.pagination, errs);
  if (errs.any) throw v3BadRequest(errs.list);
  if (ctx.account.config.buyingGroup === false) throw v3Error(403, 'Buying Group API not supported on your plan');
  assertV3HasCredits(ctx.account);

  // Every contact of the answer, company by company, then one page of them.
  const all: { companyId: number; person: SandboxPerson; persona: Persona; score: number }[] = [];
  for (const t of targets) {
    if (!t.company || t.duplicate) continue;
    const ranked = ctx.state.store
      .peopleAt(t.company.id)
      .map((person) => ({ companyId: t.company?.id ?? 0, person, ...personaOf(person) }))
      .filter((x) => personas.includes(x.persona))
      .sort((a, b) => b.score - a.score || a.person.personId - b.person.personId)
      .slice(0, limit);
    all.push(...ranked);
  }
  const page = all.slice(pages.page * pages.size, (pages.page + 1) * pages.size);
  const cost = page.length;
  assertV3CanPay(ctx.account, cost);

  const results = targets
    .filter((t) => !t.duplicate)
    .map((t) => {
      const ref = t.ref === undefined ? {} : { clientReferenceId: t.ref };
      const c = t.company;
      if (!c) return { ...ref, error: { code: 'NOT_FOUND', message: 'Company not found' } };
      const contacts = page
        .filter((x) => x.companyId === c.id)
        .map((x) => contactPreview(ctx, x.person, c, x.persona, x.score));
      return { ...ref, companyId: String(c.id), contacts };
    });
  return {
    body: {
      requestId: ctx.state.newId('buying-group'),
      results,
      pagination: { page: pages.page, size: pages.size, total: all.length },
      billing: billing(cost, cost),
    },
    credits: cost,
  };
}
