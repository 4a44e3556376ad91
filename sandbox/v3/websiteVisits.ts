/**
 * V3 Website Visits: POST /v3/companies/website-visits (operation id getWebsiteVisits, beta).
 *
 * Tracked domains are per key (`trackedDomains` in the key config; the demo key tracks
 * `sandbox-demo.test`). Asking for any domain the key does not track fails the whole request with
 * 400, as the spec says. Visits are a pure function of (tracked domain, company, day): about 30% of
 * the dataset's companies visit a given domain, each with its own visit rate (higher in some
 * weeks), pool of visitors, session length and share of high-intent pages. So a day's visits never
 * change when the sandbox clock moves; only days up to "today" have visits. A row aggregates the
 * requested domains over [startDate, min(endDate, today)], and carries a 1–100 score with its band
 * (hot ≥ 70, warm ≥ 40, else cold), built from visit days, high-intent pageviews, recency,
 * distinct visitors and session length. Free: `billing.creditsCharged` is 0 (the spec's example).
 */
import type { Ctx, HandlerResult } from '../context';
import { subMonths, ymd } from '../dates';
import type { SandboxCompany } from '../model';
import { normDomain } from '../store';
import { Errors, isObj, isStr, optDate, unknownKeys, type Obj } from '../validate';
import { billing, v3BadRequest } from './common';
import { PREVIEW_PREMIUM_FIELDS, companyHead, previewHas } from './prospectingPreviews';
import { bodyObject, dayNumber, dayString, optInt, unit } from './signalFamily';

/** The tracked domain of the demo key, and the share of companies that visit any tracked domain. */
export const DEMO_TRACKED_DOMAIN = 'sandbox-demo.test';
const VISITING_SHARE = 0.3;

const SORT_FIELDS = [
  'score',
  'totalSessions',
  'uniqueVisitors',
  'avgSessionMinutes',
  'daysVisited',
  'highIntentPageviews',
  'daysSinceLastVisit',
  'lastVisit',
] as const;
type SortField = (typeof SORT_FIELDS)[number];

const RANGE_FILTERS = [
  'score',
  'totalSessions',
  'avgSessionMinutes',
  'uniqueVisitors',
  'daysVisited',
  'highIntentPageviews',
  'daysSinceLastVisit',
] as const;
type RangeField = (typeof RANGE_FILTERS)[number];

const BANDS = ['cold', 'warm', 'hot'] as const;
type Band = (typeof BANDS)[number];

export interface VisitMetrics {
  score: number;
  scoreBand: Band;
  totalSessions: number;
  uniqueVisitors: number;
  avgSessionMinutes: number;
  daysVisited: number;
  highIntentPageviews: number;
  daysSinceLastVisit: number;
  lastVisit: string;
  visitorCountry?: string;
}

interface Session {
  day: number;
  visitor: number;
  minutes: number;
  highIntent: number;
}

/** The sessions company `c` had on `domain` (normalised) on days [from, to]. */
function sessionsOf(domain: string, c: SandboxCompany, from: number, to: number): Session[] {
  const who = [domain, c.id, c.name] as const;
  if (c.domain === domain || unit('wv-visits', ...who) >= VISITING_SHARE) return [];
  const rate = 0.01 + 0.14 * unit('wv-rate', ...who) ** 2;
  const pool = 1 + Math.floor(unit('wv-pool', ...who) * 6);
  const minutes = 0.5 + 7.5 * unit('wv-minutes', ...who);
  const intent = 0.1 + 0.6 * unit('wv-intent', ...who);
  const out: Session[] = [];
  for (let day = from; day <= to; day++) {
    const burst = unit('wv-burst', ...who, Math.floor(day / 7)) < 0.12 ? 3 : 1;
    if (unit('wv-day', ...who, day) >= Math.min(0.9, rate * burst)) continue;
    const count = 1 + Math.floor(unit('wv-sessions', ...who, day) ** 2 * 4);
    for (let s = 0; s < count; s++) {
      const pageviews = 1 + Math.floor(unit('wv-pages', ...who, day, s) * 6);
      out.push({
        day,
        visitor: Math.floor(unit('wv-visitor', ...who, day, s) * pool),
        minutes: Math.round(minutes * (0.4 + 1.2 * unit('wv-length', ...who, day, s)) * 10) / 10,
        highIntent: Math.min(pageviews, Math.round(pageviews * intent * 1.5 * unit('wv-hi', ...who, day, s))),
      });
    }
  }
  return out;
}

function metricsOf(c: SandboxCompany, sessions: Session[], today: number): VisitMetrics | undefined {
  if (sessions.length === 0) return undefined;
  const days = new Set(sessions.map((s) => s.day));
  const visitors = new Set(sessions.map((s) => s.visitor));
  const last = Math.max(...days);
  const minutes = sessions.reduce((sum, s) => sum + s.minutes, 0);
  const highIntent = sessions.reduce((sum, s) => sum + s.highIntent, 0);
  const avg = Math.round((minutes / sessions.length) * 10) / 10;
  const since = Math.max(0, today - last);
  const raw =
    0.3 * Math.min(1, days.size / 15) +
    0.25 * Math.min(1, highIntent / 25) +
    0.2 * Math.max(0, 1 - since / 30) +
    0.15 * Math.min(1, visitors.size / 5) +
    0.1 * Math.min(1, avg / 6);
  const score = Math.max(1, Math.min(100, Math.round(raw * 100)));
  // Each visitor browses from one of the company's sites; the primary country has the most sessions.
  const byCountry = new Map<string, number>();
  for (const s of sessions) {
    const site = c.companyLocations[s.visitor % Math.max(1, c.companyLocations.length)] ?? c.location;
    byCountry.set(site.countryIso2, (byCountry.get(site.countryIso2) ?? 0) + 1);
  }
  let country: string | undefined;
  for (const [iso, n] of byCountry) if (country === undefined || n > (byCountry.get(country) ?? 0)) country = iso;
  return {
    score,
    scoreBand: score >= 70 ? 'hot' : score >= 40 ? 'warm' : 'cold',
    totalSessions: sessions.length,
    uniqueVisitors: visitors.size,
    avgSessionMinutes: avg,
    daysVisited: days.size,
    highIntentPageviews: highIntent,
    daysSinceLastVisit: since,
    lastVisit: dayString(last),
    ...(country ? { visitorCountry: country } : {}),
  };
}

/** The V3 company preview (Search Companies shape) the spec puts in front of the visit metrics. */
function companyPreview(c: SandboxCompany): Record<string, unknown> {
  const has = previewHas(c, false);
  has.push(...PREVIEW_PREMIUM_FIELDS, 'socialLinks');
  return {
    ...companyHead(c),
    has,
    canReveal: PREVIEW_PREMIUM_FIELDS.map((field) => ({ field, credits: 1 })),
  };
}

/** Visit metrics of every company that visited any of `domains` (normalised) in [start, end]. */
export function visitsFor(
  ctx: Ctx,
  domains: readonly string[],
  start: string,
  end: string,
): { company: SandboxCompany; metrics: VisitMetrics }[] {
  const today = dayNumber(ctx.state.today());
  const from = dayNumber(start);
  const to = Math.min(dayNumber(end), today);
  const out: { company: SandboxCompany; metrics: VisitMetrics }[] = [];
  if (from > to) return out;
  for (const c of ctx.state.store.companies) {
    const sessions = [...new Set(domains)].flatMap((d) => sessionsOf(d, c, from, to));
    const metrics = metricsOf(c, sessions, today);
    if (metrics) out.push({ company: c, metrics });
  }
  return out;
}

// ------------------------------------------------------------------ request

interface Range {
  min?: number;
  max?: number;
}

interface Filters {
  scoreBands?: Band[];
  include?: string[];
  exclude?: string[];
  ranges: Partial<Record<RangeField, Range>>;
}

function readRange(v: unknown, name: string, float: boolean, errs: Errors): Range | undefined {
  if (!isObj(v)) {
    errs.add(`${name} must be an object`);
    return undefined;
  }
  unknownKeys(v, ['min', 'max'], `${name}.`, errs);
  const out: Range = {};
  for (const k of ['min', 'max'] as const) {
    const x = v[k];
    if (x === undefined) continue;
    if (typeof x !== 'number' || !Number.isFinite(x) || (!float && !Number.isInteger(x))) {
      errs.add(`${name}.${k} must be ${float ? 'a number' : 'an integer number'}`);
    } else if (x < 0) errs.add(`${name}.${k} must not be less than 0`);
    else if (name === 'filters.score' && x > 100) errs.add(`${name}.${k} must not be greater than 100`);
    else out[k] = x;
  }
  if (out.min !== undefined && out.max !== undefined && out.min > out.max)
    errs.add(`${name}.min must not exceed ${name}.max`);
  return out;
}

function readCountries(v: unknown, name: string, errs: Errors): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every(isStr)) {
    errs.add(`${name} must be an array of strings`);
    return undefined;
  }
  if (!v.every((x) => /^[A-Za-z]{2}$/.test(x))) errs.add(`each value in ${name} must be an ISO 3166-1 alpha-2 code`);
  return v.map((x) => x.toUpperCase());
}

function readFilters(v: unknown, errs: Errors): Filters {
  const out: Filters = { ranges: {} };
  if (v === undefined) return out;
  if (!isObj(v)) {
    errs.add('filters must be an object');
    return out;
  }
  unknownKeys(v, ['scoreBands', 'visitorCountries', ...RANGE_FILTERS], 'filters.', errs);
  if (v.scoreBands !== undefined) {
    const b = v.scoreBands;
    if (!Array.isArray(b) || !b.every((x) => (BANDS as readonly unknown[]).includes(x))) {
      errs.add(`each value in filters.scoreBands must be one of the following values: ${BANDS.join(', ')}`);
    } else out.scoreBands = b as Band[];
  }
  if (v.visitorCountries !== undefined) {
    const vc = v.visitorCountries;
    if (!isObj(vc)) errs.add('filters.visitorCountries must be an object');
    else {
      unknownKeys(vc, ['include', 'exclude'], 'filters.visitorCountries.', errs);
      out.include = readCountries(vc.include, 'filters.visitorCountries.include', errs);
      out.exclude = readCountries(vc.exclude, 'filters.visitorCountries.exclude', errs);
    }
  }
  for (const f of RANGE_FILTERS) {
    if (v[f] === undefined) continue;
    const r = readRange(v[f], `filters.${f}`, f === 'avgSessionMinutes', errs);
    if (r) out.ranges[f] = r;
  }
  return out;
}

function passes(m: VisitMetrics, f: Filters): boolean {
  if (f.scoreBands && !f.scoreBands.includes(m.scoreBand)) return false;
  if (f.include && (m.visitorCountry === undefined || !f.include.includes(m.visitorCountry))) return false;
  if (f.exclude && m.visitorCountry !== undefined && f.exclude.includes(m.visitorCountry)) return false;
  for (const [k, r] of Object.entries(f.ranges) as [RangeField, Range][]) {
    if (r.min !== undefined && m[k] < r.min) return false;
    if (r.max !== undefined && m[k] > r.max) return false;
  }
  return true;
}

function readDomains(ctx: Ctx, v: unknown, errs: Errors): string[] {
  if (v === undefined) {
    errs.add('domains should not be empty');
    return [];
  }
  if (!Array.isArray(v) || !v.every(isStr)) {
    errs.add('domains must be an array of strings');
    return [];
  }
  if (v.length < 1) errs.add('domains must contain at least 1 elements');
  const tracked = new Set((ctx.account.config.trackedDomains ?? []).map(normDomain));
  const out: string[] = [];
  for (const d of v) {
    const n = normDomain(d);
    if (n === '') errs.add('each value in domains should not be empty');
    else if (!tracked.has(n)) errs.add(`domain ${d} is not configured for tracking`);
    else out.push(n);
  }
  return out;
}

function readSort(v: unknown, errs: Errors): { by: SortField; order: 'asc' | 'desc' } {
  const out = { by: 'score' as SortField, order: 'desc' as 'asc' | 'desc' };
  if (v === undefined) return out;
  if (!isObj(v)) {
    errs.add('sort must be an object');
    return out;
  }
  unknownKeys(v, ['by', 'order'], 'sort.', errs);
  if (v.by !== undefined) {
    if ((SORT_FIELDS as readonly unknown[]).includes(v.by)) out.by = v.by as SortField;
    else errs.add(`sort.by must be one of the following values: ${SORT_FIELDS.join(', ')}`);
  }
  if (v.order !== undefined) {
    if (v.order === 'asc' || v.order === 'desc') out.order = v.order;
    else errs.add('sort.order must be one of the following values: asc, desc');
  }
  return out;
}

function readPagination(v: unknown, errs: Errors): { page: number; size: number } {
  if (v === undefined) errs.add('pagination should not be empty');
  else if (!isObj(v)) errs.add('pagination must be an object');
  else {
    unknownKeys(v, ['page', 'size'], 'pagination.', errs);
    if (v.page === undefined) errs.add('pagination.page should not be empty');
    if (v.size === undefined) errs.add('pagination.size should not be empty');
    const page = optInt(v.page, 'pagination.page', 0, Infinity, errs);
    const size = optInt(v.size, 'pagination.size', 1, 150, errs);
    if (page !== undefined && size !== undefined) return { page, size };
  }
  return { page: 0, size: 25 };
}

export function websiteVisits(ctx: Ctx): HandlerResult {
  const body: Obj = bodyObject(ctx);
  const errs = new Errors();
  unknownKeys(body, ['domains', 'startDate', 'endDate', 'pagination', 'sort', 'filters'], '', errs);
  const start = optDate(body, 'startDate', '', errs);
  const end = optDate(body, 'endDate', '', errs);
  if (body.startDate === undefined) errs.add('startDate should not be empty');
  if (body.endDate === undefined) errs.add('endDate should not be empty');
  if (start && end) {
    if (start > end) errs.add('startDate must not be after endDate');
    else if (start < ymd(subMonths(new Date(`${end}T00:00:00Z`), 3))) errs.add('date range must not exceed 3 months');
  }
  const pagination = readPagination(body.pagination, errs);
  const sort = readSort(body.sort, errs);
  const filters = readFilters(body.filters, errs);
  const domains = readDomains(ctx, body.domains, errs);
  if (errs.any || !start || !end) throw v3BadRequest(errs.list);

  const sign = sort.order === 'asc' ? 1 : -1;
  const rows = visitsFor(ctx, domains, start, end)
    .filter((r) => passes(r.metrics, filters))
    .sort((a, b) => {
      const x = a.metrics[sort.by];
      const y = b.metrics[sort.by];
      return (x < y ? -1 : x > y ? 1 : 0) * sign || a.company.id - b.company.id;
    });
  const page = rows.slice(pagination.page * pagination.size, (pagination.page + 1) * pagination.size);
  return {
    body: {
      requestId: ctx.state.newId('website-visits'),
      results: page.map((r) => ({ ...companyPreview(r.company), ...r.metrics })),
      pagination: { size: pagination.size, page: pagination.page, total: rows.length },
      billing: billing(0, page.length),
    },
  };
}
