/**
 * V3 lookalikes: `POST /v3/contacts/lookalike` (operation `getContactLookalikes`) and
 * `POST /v3/companies/lookalike` (`getCompanyLookalikes`). Seeds: 5–100 unique identifiers
 * (contacts by LinkedIn URL, email, Lusha id or name + company; companies by domain or LinkedIn
 * URL); `exclude` is applied on every call; `dedupeSessionId` (minted by the first call) makes
 * later calls skip everything the session already returned, for 30 days after its last use on
 * the sandbox clock. Similarity: same department, seniority, industry, country for contacts; same
 * main industry, then sub-industry, size, country and technologies for companies.
 * Billing: 1 credit per result (`lookalikeContact` / `lookalikeCompany`).
 */
import { SIZE_RANGES } from '../catalog';
import type { Ctx, HandlerResult, State } from '../context';
import { ApiError } from '../errors';
import type { SandboxCompany, SandboxPerson } from '../model';
import { route, type Route } from '../routes';
import { normDomain, normEmail, normLinkedin, normName, type Store } from '../store';
import { Errors, isObj, isStr, type Obj } from '../validate';
import { billing, v3BadRequest, v3Error, v3PaymentRequired } from './common';
import { lookalikeCompany, lookalikeContact } from './prospectingPreviews';
import { checkObject, type Fields } from './prospectingSchema';

export const MIN_SEEDS = 5;
export const MAX_SEEDS = 100;
export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;
/** Sessions live this long after their last use (sliding), on the sandbox clock. */
export const SESSION_DAYS = 30;
export const LOOKALIKE_CREDITS = 1;

export const DEDUPE_INVALID_MESSAGE =
  'The provided dedupeSessionId is invalid or expired. ' +
  'Generate a new request without dedupeSessionId to start a fresh run.';
export const LOOKALIKES_FORBIDDEN = 'Lookalikes API not supported on your plan';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 86_400_000;

type Kind = 'contacts' | 'companies';

interface LookalikeSession {
  id: string;
  key: string;
  kind: Kind;
  /** Lusha ids already returned (and the seeds), never returned again in this session. */
  seen: Set<number>;
  lastUsedMs: number;
}

const SESSIONS = new WeakMap<State, Map<string, LookalikeSession>>();

function sessionsOf(state: State): Map<string, LookalikeSession> {
  let m = SESSIONS.get(state);
  if (!m) SESSIONS.set(state, (m = new Map()));
  return m;
}

/** The 410 of each operation: `DedupeSessionInvalidError` for contacts, `ErrorResponse` for companies. */
function sessionInvalid(kind: Kind): ApiError {
  return kind === 'contacts'
    ? new ApiError(410, { code: 'DEDUPE_SESSION_INVALID', message: DEDUPE_INVALID_MESSAGE })
    : v3Error(410, DEDUPE_INVALID_MESSAGE);
}

function findSession(ctx: Ctx, kind: Kind, id: string): LookalikeSession {
  const sessions = sessionsOf(ctx.state);
  const s = sessions.get(id);
  const nowMs = ctx.state.now().getTime();
  if (s && nowMs - s.lastUsedMs > SESSION_DAYS * DAY_MS) sessions.delete(id);
  if (!s || !sessions.has(id) || s.key !== ctx.account.config.key || s.kind !== kind) throw sessionInvalid(kind);
  return s;
}

// ------------------------------------------------------------------ request validation

const str = { t: 'str' } as const;

/** `ContactIdentifiersBatch`. */
const CONTACT_BATCH: Fields = {
  linkedinUrls: { t: 'strs', maxItems: MAX_SEEDS },
  contacts: {
    t: 'objs',
    fields: { firstName: str, lastName: str, companyDomain: str, companyName: str },
    required: ['firstName', 'lastName'],
    maxItems: MAX_SEEDS,
  },
  emails: { t: 'strs', email: true, maxItems: MAX_SEEDS },
  ids: { t: 'strs', maxItems: MAX_SEEDS },
  contactIds: { t: 'ints', maxItems: MAX_SEEDS },
};

/** `CompanyIdentifiersBatch` (`minProperties: 1`). */
const COMPANY_BATCH: Fields = {
  domains: { t: 'strs', maxItems: MAX_SEEDS },
  linkedinUrls: { t: 'strs', maxItems: MAX_SEEDS },
};

function requestFields(batch: Fields): Fields {
  return {
    dedupeSessionId: str,
    seeds: { t: 'obj', fields: batch },
    exclude: { t: 'obj', fields: batch },
    limit: { t: 'int', min: 1, max: MAX_LIMIT },
    tableId: str,
  };
}

interface Identifier<T> {
  key: string;
  find: (store: Store, index: CompanyLinkedinIndex) => T | undefined;
}

type CompanyLinkedinIndex = Map<string, SandboxCompany>;
const LINKEDIN_INDEX = new WeakMap<Store, CompanyLinkedinIndex>();

function companyLinkedinIndex(store: Store): CompanyLinkedinIndex {
  let m = LINKEDIN_INDEX.get(store);
  if (!m) {
    m = new Map(store.companies.map((c) => [normLinkedin(c.linkedinUrl), c]));
    LINKEDIN_INDEX.set(store, m);
  }
  return m;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isStr) : []);

function contactIdentifiers(batch: Obj): Identifier<SandboxPerson>[] {
  const out: Identifier<SandboxPerson>[] = [];
  for (const u of strings(batch.linkedinUrls)) {
    out.push({ key: `li:${normLinkedin(u)}`, find: (s) => s.personByLinkedinUrl(u) });
  }
  for (const e of strings(batch.emails))
    out.push({ key: `email:${normEmail(e)}`, find: (s) => s.personByEmailAddress(e) });
  for (const id of strings(batch.ids)) out.push({ key: `id:${id.trim()}`, find: (s) => s.person(id) });
  for (const id of Array.isArray(batch.contactIds) ? batch.contactIds : []) {
    if (typeof id === 'number') out.push({ key: `id:${id}`, find: (s) => s.person(id) });
  }
  for (const c of Array.isArray(batch.contacts) ? batch.contacts : []) {
    if (!isObj(c) || !isStr(c.firstName) || !isStr(c.lastName)) continue;
    const company = {
      name: isStr(c.companyName) ? c.companyName : undefined,
      domain: isStr(c.companyDomain) ? c.companyDomain : undefined,
    };
    const at = company.domain ? `d:${normDomain(company.domain)}` : `n:${normName(company.name ?? '')}`;
    out.push({
      key: `name:${normName(`${c.firstName} ${c.lastName}`)}@${at}`,
      find: (s) =>
        s.findPerson({ firstName: c.firstName as string, lastName: c.lastName as string, companies: [company] }),
    });
  }
  return out;
}

function companyIdentifiers(batch: Obj): Identifier<SandboxCompany>[] {
  return [
    ...strings(batch.domains).map((d) => ({
      key: `domain:${normDomain(d)}`,
      find: (s: Store) => s.companyByDomainName(d),
    })),
    ...strings(batch.linkedinUrls).map((u) => ({
      key: `li:${normLinkedin(u)}`,
      find: (_s: Store, index: CompanyLinkedinIndex) => index.get(normLinkedin(u)),
    })),
  ];
}

function unique<T>(ids: Identifier<T>[]): Identifier<T>[] {
  const seen = new Set<string>();
  return ids.filter((i) => !seen.has(i.key) && seen.add(i.key));
}

interface Parsed<T> {
  seeds: Identifier<T>[];
  exclude: Identifier<T>[];
  limit: number;
  sessionId?: string;
}

function parseRequest<T>(
  ctx: Ctx,
  batch: Fields,
  identifiers: (b: Obj) => Identifier<T>[],
  extra: (b: Obj, path: string, errs: Errors) => void,
): Parsed<T> {
  if (!isObj(ctx.body)) throw v3BadRequest(['request body must be a JSON object']);
  // `exclude` (ContactIdentifiersBatch) is nullable: null is the same as absent.
  const body: Obj = { ...ctx.body };
  if (body.exclude === null) delete body.exclude;
  const errs = new Errors();
  checkObject(body, requestFields(batch), ['seeds'], '', errs);
  if (isStr(body.dedupeSessionId) && !UUID.test(body.dedupeSessionId)) errs.add('dedupeSessionId must be a UUID');
  let seeds: Identifier<T>[] = [];
  let exclude: Identifier<T>[] = [];
  if (isObj(body.seeds)) {
    extra(body.seeds, 'seeds', errs);
    seeds = unique(identifiers(body.seeds));
    const fields = Object.keys(batch).join(', ');
    if (seeds.length < MIN_SEEDS) {
      errs.add(`seeds must contain at least ${MIN_SEEDS} unique identifiers across ${fields} (got ${seeds.length})`);
    } else if (seeds.length > MAX_SEEDS) {
      errs.add(
        `seeds must contain no more than ${MAX_SEEDS} unique identifiers across ${fields} (got ${seeds.length})`,
      );
    }
  }
  if (isObj(body.exclude)) {
    extra(body.exclude, 'exclude', errs);
    exclude = identifiers(body.exclude);
  }
  if (errs.any) throw v3BadRequest(errs.list);
  if (ctx.account.config.lookalikes === false) throw v3Error(403, LOOKALIKES_FORBIDDEN);
  return {
    seeds,
    exclude,
    limit: typeof body.limit === 'number' ? body.limit : DEFAULT_LIMIT,
    sessionId: isStr(body.dedupeSessionId) ? body.dedupeSessionId : undefined,
  };
}

/** Name + company seeds (`ContactItem`): "At least one of companyDomain or companyName is required". */
function checkContactItems(batch: Obj, path: string, errs: Errors): void {
  if (!Array.isArray(batch.contacts)) return;
  batch.contacts.forEach((c, i) => {
    if (isObj(c) && c.companyDomain === undefined && c.companyName === undefined) {
      errs.add(`${path}.contacts[${i}] must have companyDomain or companyName`);
    }
  });
}

/** `CompanyIdentifiersBatch` has `minProperties: 1`. */
function checkCompanyBatch(batch: Obj, path: string, errs: Errors): void {
  if (Object.keys(batch).length === 0) errs.add(`${path} must contain at least one of domains, linkedinUrls`);
}

// ------------------------------------------------------------------ ranking and answer

function sizeIndex(c: SandboxCompany): number {
  const i = SIZE_RANGES.findIndex((r) => r.min === c.size.min);
  return i < 0 ? 0 : i;
}

interface Ranked<T> {
  id: number;
  item: T;
  best: number;
  support: number;
}

/** Best similarity to any seed, then how many seeds it resembles, then the id. */
function rank<T>(
  candidates: readonly T[],
  idOf: (x: T) => number,
  seeds: readonly T[],
  sim: (s: T, x: T) => number,
  min: number,
) {
  const out: Ranked<T>[] = [];
  if (seeds.length === 0) return out;
  for (const x of candidates) {
    let best = 0;
    let support = 0;
    for (const s of seeds) {
      const v = sim(s, x);
      if (v > best) best = v;
      if (v >= min) support++;
    }
    if (best >= min) out.push({ id: idOf(x), item: x, best, support });
  }
  return out.sort((a, b) => b.best - a.best || b.support - a.support || a.id - b.id);
}

/** Resolves the seeds and exclusions, ranks the candidates like them, and answers with the next page. */
function answer<T>(
  ctx: Ctx,
  kind: Kind,
  parsed: Parsed<T>,
  candidates: readonly T[],
  idOf: (x: T) => number,
  similarity: (s: T, x: T) => number,
  min: number,
  shape: (x: T) => Record<string, unknown>,
): HandlerResult {
  const store = ctx.state.store;
  const seedItems = [...new Set(resolve(store, parsed.seeds))];
  const excludeIds = new Set(resolve(store, parsed.exclude).map(idOf));
  const ranked = rank(candidates, idOf, seedItems, similarity, min);
  const seedIds = seedItems.map(idOf);
  const session = parsed.sessionId ? findSession(ctx, kind, parsed.sessionId) : undefined;
  if (ctx.account.remaining <= 0) throw v3PaymentRequired();
  const seeds = new Set(seedIds);
  const open = ranked.filter((r) => !seeds.has(r.id) && !excludeIds.has(r.id) && !session?.seen.has(r.id));
  const picked = open.slice(0, parsed.limit);
  const cost = picked.length * LOOKALIKE_CREDITS;
  if (cost > ctx.account.remaining) throw v3PaymentRequired();
  const s: LookalikeSession = session ?? {
    id: ctx.state.newId(`v3-lookalike-${kind}`),
    key: ctx.account.config.key,
    kind,
    seen: new Set(),
    lastUsedMs: 0,
  };
  s.lastUsedMs = ctx.state.now().getTime();
  for (const id of seedIds) s.seen.add(id);
  for (const r of picked) s.seen.add(r.id);
  sessionsOf(ctx.state).set(s.id, s);
  return {
    body: {
      dedupeSessionId: s.id,
      results: picked.map((r) => shape(r.item)),
      meta: { returned: picked.length, hasMore: open.length > picked.length },
      billing: billing(cost, picked.length),
    },
    credits: cost,
  };
}

function resolve<T>(store: Store, ids: Identifier<T>[]): T[] {
  const index = companyLinkedinIndex(store);
  return ids.map((i) => i.find(store, index)).filter((x): x is T => x !== undefined);
}

// ------------------------------------------------------------------ contacts

export function contactLookalikes(ctx: Ctx): HandlerResult {
  const parsed = parseRequest(ctx, CONTACT_BATCH, contactIdentifiers, checkContactItems);
  const store = ctx.state.store;
  const companyOf = (p: SandboxPerson) => store.company(p.companyId);
  const similarity = (s: SandboxPerson, p: SandboxPerson): number => {
    const sc = companyOf(s);
    const c = companyOf(p);
    if (!sc || !c) return 0;
    let score = 0;
    if (s.departments[0] === p.departments[0]) score += 3;
    if (Math.abs(s.seniorityId - p.seniorityId) <= 1) score += 2;
    if (sc.mainIndustryId === c.mainIndustryId) score += 2;
    if (sc.subIndustryId === c.subIndustryId) score += 1;
    if (s.location.countryIso2 === p.location.countryIso2) score += 1;
    if (sizeIndex(sc) === sizeIndex(c)) score += 1;
    return score;
  };
  return answer(
    ctx,
    'contacts',
    parsed,
    store.people,
    (p) => p.personId,
    similarity,
    5,
    (p) => {
      const c = companyOf(p);
      if (!c) throw new Error(`dataset inconsistency: company ${p.companyId}`);
      return lookalikeContact(p, c);
    },
  );
}

// ------------------------------------------------------------------ companies

export function companyLookalikes(ctx: Ctx): HandlerResult {
  const parsed = parseRequest(ctx, COMPANY_BATCH, companyIdentifiers, checkCompanyBatch);
  const store = ctx.state.store;
  const similarity = (s: SandboxCompany, c: SandboxCompany): number => {
    // Lookalikes stay within the seeds' main industries.
    if (s.mainIndustryId !== c.mainIndustryId) return 0;
    let score = 3;
    if (s.subIndustryId === c.subIndustryId) score += 2;
    if (Math.abs(sizeIndex(s) - sizeIndex(c)) <= 1) score += 1;
    if (s.location.countryIso2 === c.location.countryIso2) score += 1;
    if (s.technologies.filter((t) => c.technologies.includes(t)).length >= 3) score += 1;
    return score;
  };
  return answer(ctx, 'companies', parsed, store.companies, (c) => c.id, similarity, 3, lookalikeCompany);
}

export const LOOKALIKE_ROUTES: Route[] = [
  route('POST', '/v3/contacts/lookalike', contactLookalikes),
  route('POST', '/v3/companies/lookalike', companyLookalikes),
];
