/** /api/recommendations/contacts and /companies: lookalikes, paged by requestId. */
import { assertCanPay, assertHasCredits } from './billing';
import type { Ctx, HandlerResult, RecommendationSession } from './context';
import { badRequest } from './errors';
import type { SandboxCompany, SandboxPerson } from './model';
import { Errors, isInt, isObj, isStr, unknownKeys, type Obj } from './validate';

const MAX_LIMIT = 25;

function toId(v: unknown): number | undefined {
  if (isInt(v)) return v;
  if (isStr(v) && /^\d+$/.test(v.trim())) return Number(v);
  return undefined;
}

function common(ctx: Ctx, seedKey: 'contacts' | 'companies', seedFields: readonly string[]) {
  if (!isObj(ctx.body)) throw badRequest('validation', ['Request body must be a JSON object']);
  const body: Obj = ctx.body;
  const errs = new Errors();
  unknownKeys(body, [seedKey, 'exclude', 'limit', 'requestId'], '', errs);
  let limit = MAX_LIMIT;
  if (body.limit !== undefined) {
    if (!isInt(body.limit)) errs.add('limit must be an integer number');
    else if (body.limit < 1) errs.add('limit must not be less than 1');
    else if (body.limit > MAX_LIMIT) errs.add(`limit must not be greater than ${MAX_LIMIT}`);
    else limit = body.limit;
  }
  const exclude = new Set<number>();
  if (body.exclude !== undefined) {
    if (!Array.isArray(body.exclude)) errs.add('exclude must be an array');
    else
      body.exclude.forEach((x, i) => {
        const id = toId(x);
        if (id === undefined) errs.add(`exclude[${i}] must be a numeric id`);
        else exclude.add(id);
      });
  }
  let session: RecommendationSession | undefined;
  if (body.requestId !== undefined && !isStr(body.requestId)) errs.add('requestId must be a string');
  const seeds: Obj[] = [];
  const raw = body[seedKey];
  if (raw === undefined) {
    if (body.requestId === undefined) errs.add(`${seedKey} must contain at least 1 elements`);
  } else if (!Array.isArray(raw)) errs.add(`${seedKey} must be an array`);
  else {
    if (raw.length < 1) errs.add(`${seedKey} must contain at least 1 elements`);
    if (raw.length > 100) errs.add(`${seedKey} must contain no more than 100 elements`);
    raw.forEach((s, i) => {
      if (!isObj(s)) return errs.add(`${seedKey}[${i}] must be an object`);
      unknownKeys(s, seedFields, `${seedKey}[${i}].`, errs);
      for (const f of seedFields) if (toId(s[f]) === undefined) errs.add(`${seedKey}[${i}].${f} must be a numeric id`);
      seeds.push(s);
    });
  }
  if (errs.any) throw badRequest('validation', errs.list);
  if (isStr(body.requestId)) {
    const found = ctx.state.recommendationSessions.get(body.requestId);
    if (!found || found.key !== ctx.account.config.key || found.kind !== seedKey) {
      throw badRequest('validation', [
        `requestId "${body.requestId}" does not match an earlier ${seedKey} recommendation request made with this API key`,
      ]);
    }
    session = found;
  }
  assertHasCredits(ctx.account);
  return { limit, exclude, seeds, session };
}

function finish<T>(
  ctx: Ctx,
  kind: 'contacts' | 'companies',
  seedIds: number[],
  session: RecommendationSession | undefined,
  ranked: { id: number; item: T }[],
  exclude: Set<number>,
  limit: number,
): HandlerResult {
  const picked = ranked
    .filter((r) => !exclude.has(r.id) && !session?.returned.has(r.id) && !(session?.seeds ?? seedIds).includes(r.id))
    .slice(0, limit);
  assertCanPay(ctx.account, picked.length);
  const s: RecommendationSession = session ?? {
    requestId: ctx.state.newId(`recommendations-${kind}`),
    key: ctx.account.config.key,
    kind,
    seeds: seedIds,
    returned: new Set(),
  };
  for (const r of picked) s.returned.add(r.id);
  ctx.state.recommendationSessions.set(s.requestId, s);
  const requestId = s.requestId;
  return {
    body: { [kind]: picked.map((r) => r.item), requestId, count: picked.length, creditsCharged: picked.length },
    credits: picked.length,
  };
}

export function recommendContacts(ctx: Ctx): HandlerResult {
  const { limit, exclude, seeds, session } = common(ctx, 'contacts', ['personId', 'companyId']);
  const store = ctx.state.store;
  const seedIds = session ? session.seeds : seeds.map((s) => toId(s.personId) ?? -1);
  const seedPeople = seedIds.map((id) => store.person(id)).filter((p): p is SandboxPerson => p !== undefined);
  const seedCompanies = seedPeople
    .map((p) => store.company(p.companyId))
    .filter((c): c is SandboxCompany => c !== undefined);
  const ranked: { id: number; score: number; item: Record<string, unknown> }[] = [];
  if (seedPeople.length > 0) {
    for (const p of store.people) {
      const c = store.company(p.companyId);
      if (!c) continue;
      let score = 0;
      if (seedPeople.some((s) => s.departments[0] === p.departments[0])) score += 3;
      if (seedPeople.some((s) => Math.abs(s.seniorityId - p.seniorityId) <= 1)) score += 2;
      if (seedCompanies.some((sc) => sc.mainIndustryId === c.mainIndustryId)) score += 2;
      if (seedCompanies.some((sc) => sc.subIndustryId === c.subIndustryId)) score += 1;
      if (seedPeople.some((s) => s.location.countryIso2 === p.location.countryIso2)) score += 1;
      if (score >= 5) {
        ranked.push({
          id: p.personId,
          score,
          item: { personId: p.personId, companyId: c.id, name: p.fullName, jobTitle: p.jobTitle, companyName: c.name },
        });
      }
    }
  }
  ranked.sort((a, b) => b.score - a.score || a.id - b.id);
  return finish(ctx, 'contacts', seedIds, session, ranked, exclude, limit);
}

export function recommendCompanies(ctx: Ctx): HandlerResult {
  const { limit, exclude, seeds, session } = common(ctx, 'companies', ['companyId']);
  const store = ctx.state.store;
  const seedIds = session ? session.seeds : seeds.map((s) => toId(s.companyId) ?? -1);
  const seedCompanies = seedIds.map((id) => store.company(id)).filter((c): c is SandboxCompany => c !== undefined);
  const ranked: { id: number; score: number; item: Record<string, unknown> }[] = [];
  if (seedCompanies.length > 0) {
    for (const c of store.companies) {
      // Lookalikes stay within the seeds' main industries.
      if (!seedCompanies.some((s) => s.mainIndustryId === c.mainIndustryId)) continue;
      let score = 3;
      if (seedCompanies.some((s) => s.subIndustryId === c.subIndustryId)) score += 2;
      if (seedCompanies.some((s) => Math.abs(s.size.min - c.size.min) <= s.size.max)) score += 1;
      if (seedCompanies.some((s) => s.location.countryIso2 === c.location.countryIso2)) score += 1;
      if (seedCompanies.some((s) => s.technologies.filter((t) => c.technologies.includes(t)).length >= 3)) score += 1;
      if (score >= 3)
        ranked.push({
          id: c.id,
          score,
          item: { companyId: c.id, name: c.name, fqdn: c.fqdn, description: c.description },
        });
    }
  }
  ranked.sort((a, b) => b.score - a.score || a.id - b.id);
  return finish(ctx, 'companies', seedIds, session, ranked, exclude, limit);
}
