/**
 * V3 prospecting filter discovery (free): `GET /v3/contacts/prospecting/filters`
 * (`getContactFilterTypes`), `GET /v3/contacts/prospecting/filters/{filterType}`
 * (`getContactFilterValues`), and the same for companies (`getCompanyFilterTypes`,
 * `getCompanyFilterValues`). Values are `{"values": [...]}` drawn from the vocabularies the
 * dataset uses (the same lists as the V2 filter endpoints). Each value is what the matching
 * prospecting filter takes: strings for string filters, `{id, name}` for seniority ids,
 * `{name, code}` for countries, `V3Location` objects for locations.
 */
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
  type IndustryCode,
} from '../catalog';
import type { Ctx, HandlerResult } from '../context';
import { route, type Route } from '../routes';
import { normName } from '../store';
import { v3BadRequest } from './common';

type Json = Record<string, unknown>;
type Lister = (ctx: Ctx, query: string | undefined) => unknown[];

/** Text-search lists return at most this many values. */
export const MAX_SEARCH_VALUES = 25;
const QUERY_MIN = 2;
const QUERY_MAX = 256;

const norm = (s: string) => normName(s);
const has = (label: string, q: string | undefined) => q === undefined || norm(label).includes(q);
const grouping = (g: string) => g.toUpperCase();

/** Continents, countries, states and cities whose name contains the query, as `V3Location` objects. */
function locationValues(q: string): Json[] {
  const out: Json[] = [];
  const continents = new Set<string>();
  for (const c of COUNTRIES) {
    if (norm(c.continent).includes(q) && !continents.has(c.continent)) {
      continents.add(c.continent);
      out.push({ continent: c.continent, countryGrouping: grouping(c.grouping) });
    }
  }
  for (const c of COUNTRIES) {
    const base = {
      continent: c.continent,
      country: c.name,
      countryIso2: c.code,
      countryGrouping: grouping(c.grouping),
    };
    if (norm(c.name).includes(q) || norm(c.code) === q) out.push(base);
    const states = new Set<string>();
    for (const city of c.cities) {
      const st = city.state;
      if (st && st !== city.city && norm(st).includes(q) && !states.has(st)) {
        states.add(st);
        out.push({ ...base, state: st });
      }
      if (norm(city.city).includes(q)) out.push({ ...base, ...(st ? { state: st } : {}), city: city.city });
    }
  }
  return out.slice(0, MAX_SEARCH_VALUES);
}

/** The SIC or NAICS entries whose code starts with the query or whose label contains it. */
function codesMatching(list: readonly IndustryCode[], q: string | undefined): IndustryCode[] {
  return list.filter(({ code, label }) => q === undefined || code.startsWith(q) || has(label, q));
}

/** The industry hierarchy, in the V2 list's shape; a query keeps matching main or sub industries. */
function industries(q: string | undefined): Json[] {
  const out: Json[] = [];
  for (const i of INDUSTRIES) {
    const subs = has(i.name, q) ? i.subs : i.subs.filter((s) => has(s.name, q));
    if (subs.length === 0) continue;
    out.push({
      main_industry: i.name,
      main_industry_id: i.id,
      sub_industries: subs.map((s) => ({ value: s.name, id: s.id })),
    });
  }
  return out;
}

function companyNames(ctx: Ctx, q: string): Json[] {
  const starts = (name: string) => (norm(name).startsWith(q) ? 0 : 1);
  return ctx.state.store.companies
    .filter((c) => norm(c.name).includes(q) || c.domain.startsWith(q))
    .sort((a, b) => starts(a.name) - starts(b.name) || a.name.localeCompare(b.name))
    .slice(0, MAX_SEARCH_VALUES)
    .map((c) => ({ id: String(c.id), name: c.name, domain: c.domain, logoUrl: c.logoUrl }));
}

interface FilterType {
  requiresQuery: boolean;
  list: Lister;
}

/** In the order of the spec's `getContactFilterTypes` example. */
const CONTACT_TYPES: Record<string, FilterType> = {
  locations: { requiresQuery: true, list: (_ctx, q) => locationValues(q ?? '') },
  departments: { requiresQuery: false, list: (_ctx, q) => DEPARTMENTS.filter((d) => has(d, q)) },
  seniority: {
    requiresQuery: false,
    list: (_ctx, q) => SENIORITIES.filter((s) => has(s.name, q)).map((s) => ({ id: s.id, name: s.name })),
  },
  countries: {
    requiresQuery: false,
    list: (_ctx, q) =>
      COUNTRIES.filter((c) => has(c.name, q) || (q !== undefined && norm(c.code) === q))
        .map((c) => ({ name: c.name, code: c.code }))
        .sort((a, b) => a.name.localeCompare(b.name)),
  },
  existingDataPoints: { requiresQuery: false, list: (_ctx, q) => EXISTING_DATA_POINTS.filter((d) => has(d, q)) },
};

/** In the order of the spec's `getCompanyFilterTypes` example, then the rest of its table. */
const COMPANY_TYPES: Record<string, FilterType> = {
  names: { requiresQuery: true, list: (ctx, q) => companyNames(ctx, q ?? '') },
  technologies: { requiresQuery: true, list: (_ctx, q) => TECHNOLOGIES.filter((t) => has(t, q)) },
  industriesLabels: { requiresQuery: false, list: (_ctx, q) => industries(q) },
  sizes: { requiresQuery: false, list: () => SIZE_RANGES.map((s) => ({ min: s.min, max: s.max })) },
  revenues: { requiresQuery: false, list: () => REVENUE_RANGES.map((r) => ({ min: r.min, max: r.max })) },
  locations: { requiresQuery: true, list: (_ctx, q) => locationValues(q ?? '') },
  sics: { requiresQuery: false, list: (_ctx, q) => codesMatching(SIC_CODES, q) },
  naics: { requiresQuery: false, list: (_ctx, q) => codesMatching(NAICS_CODES, q) },
  intentTopics: { requiresQuery: false, list: (_ctx, q) => INTENT_TOPICS.filter((t) => has(t, q)) },
};

function discovery(types: Record<string, FilterType>) {
  return (): HandlerResult => ({
    body: {
      availableFilters: Object.entries(types).map(([filterType, t]) => ({
        filterType,
        requiresQuery: t.requiresQuery,
      })),
    },
  });
}

function values(types: Record<string, FilterType>) {
  return (ctx: Ctx): HandlerResult => {
    const errs: string[] = [];
    const filterType = ctx.params.filterType ?? '';
    const type = Object.hasOwn(types, filterType) ? types[filterType] : undefined;
    if (!type) errs.push(`filterType must be one of the following values: ${Object.keys(types).join(', ')}`);
    const all = ctx.query.getAll('query');
    const raw = all[0];
    if (all.length > 1) errs.push('query must be a string');
    else if (raw !== undefined && raw.trim().length < QUERY_MIN) {
      errs.push(`query must be longer than or equal to ${QUERY_MIN} characters`);
    } else if (raw !== undefined && raw.length > QUERY_MAX) {
      errs.push(`query must be shorter than or equal to ${QUERY_MAX} characters`);
    } else if (raw === undefined && type?.requiresQuery) errs.push(`query is required for filterType ${filterType}`);
    if (errs.length > 0 || !type) throw v3BadRequest(errs);
    return { body: { values: type.list(ctx, raw === undefined ? undefined : norm(raw)) } };
  };
}

export const FILTER_ROUTES: Route[] = [
  route('GET', '/v3/contacts/prospecting/filters', discovery(CONTACT_TYPES)),
  route('GET', '/v3/contacts/prospecting/filters/:filterType', values(CONTACT_TYPES)),
  route('GET', '/v3/companies/prospecting/filters', discovery(COMPANY_TYPES)),
  route('GET', '/v3/companies/prospecting/filters/:filterType', values(COMPANY_TYPES)),
];
