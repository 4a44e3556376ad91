/**
 * Company data that only V3 serves (spec `V3EnrichedCompany`, operations `enrichCompanies` and
 * `searchAndEnrichCompanies`): employee breakdowns by department, location and seniority, competitors,
 * business model, company emails and phones, keywords, estimated IT spend, monthly website traffic and the
 * Facebook / X links. Derived from the generated dataset, deterministically: every value comes from a PRNG
 * stream keyed by the company id, so the same dataset always gives the same insights.
 */
import { DEPARTMENTS } from '../catalog';
import { slug } from '../dataset';
import type { SandboxCompany } from '../model';
import { chance, int, sample, substream, type Rng } from '../prng';
import type { Store } from '../store';

/** Lusha's V3 seniority labels (spec `enrichCompanies` example, `employeesBySeniority`). */
export const V3_SENIORITY_LABELS = [
  'C-Suite',
  'Director',
  'Founder',
  'Intern',
  'Manager',
  'Non-Manager',
  'Partner',
  'Senior',
  'Vice President',
] as const;

const SENIORITY_WEIGHTS: Record<(typeof V3_SENIORITY_LABELS)[number], number> = {
  'C-Suite': 3,
  Director: 9,
  Founder: 2,
  Intern: 1,
  Manager: 30,
  'Non-Manager': 38,
  Partner: 1,
  Senior: 14,
  'Vice President': 2,
};

export interface CompanyInsights {
  employeesByDepartment: { department: string; count: number }[];
  employeesByLocation: { country: string; state: string | null; count: number }[];
  employeesBySeniority: { seniority: string; count: number }[];
  competitors: { id: string; name: string; domain: string }[];
  businessModel: string[];
  emails: { email: string }[];
  phones: { number: string }[];
  keywords: string[];
  estimatedAnnualItSpend: { value: number; currency: string; valueUsd: number } | null;
  monthlyWebsiteTraffic: { visits: number; momChangePercent: number; month: string } | null;
  facebook: string | null;
  x: string | null;
}

/** Split `total` by weight into integers that add up to `total` (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

function departments(rng: Rng, total: number): CompanyInsights['employeesByDepartment'] {
  const weights = DEPARTMENTS.map((d) => (d === 'Health Care & Medical' ? 0.1 : 0.2 + rng()));
  return apportion(total, weights)
    .map((count, i) => ({ department: DEPARTMENTS[i] ?? 'Other', count }))
    .filter((d) => d.count > 0);
}

function locations(rng: Rng, c: SandboxCompany, total: number): CompanyInsights['employeesByLocation'] {
  const countries: string[] = [];
  for (const l of c.companyLocations) if (!countries.includes(l.country)) countries.push(l.country);
  if (!countries.includes(c.location.country)) countries.unshift(c.location.country);
  const weights = countries.map((name) => (name === c.location.country ? 3 + rng() * 3 : 0.3 + rng()));
  const rows: CompanyInsights['employeesByLocation'] = [];
  apportion(total, weights).forEach((count, i) => {
    const country = countries[i] ?? c.location.country;
    if (count === 0) return;
    rows.push({ country, state: null, count });
    if (country === c.location.country && c.location.state) {
      rows.push({ country, state: c.location.state, count: Math.max(1, Math.round(count * (0.4 + rng() * 0.4))) });
    }
  });
  return rows.sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
}

function seniorities(rng: Rng, total: number): CompanyInsights['employeesBySeniority'] {
  const weights = V3_SENIORITY_LABELS.map((s) => SENIORITY_WEIGHTS[s] * (0.7 + rng() * 0.6));
  return apportion(total, weights)
    .map((count, i) => ({ seniority: V3_SENIORITY_LABELS[i] ?? 'Non-Manager', count }))
    .filter((s) => s.count > 0);
}

function competitors(rng: Rng, store: Store, c: SandboxCompany): CompanyInsights['competitors'] {
  const peers = store.companies.filter((o) => o.id !== c.id && o.mainIndustryId === c.mainIndustryId);
  const pool = peers.length >= 3 ? peers : store.companies.filter((o) => o.id !== c.id);
  return sample(rng, pool, int(rng, 3, 4)).map((o) => ({ id: String(o.id), name: o.name, domain: o.domain }));
}

const cache = new WeakMap<
  SandboxCompany,
  Omit<CompanyInsights, 'monthlyWebsiteTraffic'> & { traffic: number[] | null }
>();

/** The V3-only data of a company; `now` (the sandbox clock) dates the website-traffic month. */
export function companyInsights(store: Store, c: SandboxCompany, now: Date): CompanyInsights {
  let base = cache.get(c);
  if (!base) {
    const rng = substream(c.id, 'v3-company-insights');
    const total = c.employeesInLinkedin;
    const handle = slug(c.linkedinUrl.replace(/\/+$/, '').split('/').pop() ?? c.name);
    const r = rng();
    const businessModel = r < 0.7 ? ['B2B'] : r < 0.8 ? ['B2C'] : ['B2B', 'B2C'];
    const dial = c.location.countryIso2 === 'US' || c.location.countryIso2 === 'CA' ? '1' : String(int(rng, 30, 49));
    const digits = (min: number, max: number, width: number) => String(int(rng, min, max)).padStart(width, '0');
    const phones = chance(rng, 0.6)
      ? [{ number: `+${dial} ${digits(200, 989, 3)}-${digits(200, 989, 3)}-${digits(0, 9999, 4)}` }]
      : [];
    const emails = chance(rng, 0.8) ? [{ email: `${chance(rng, 0.5) ? 'info' : 'contact'}@${c.domain}` }] : [];
    const keywords = [
      ...new Set([...c.specialities, c.subIndustry.toLowerCase(), c.mainIndustry.toLowerCase()]),
    ].sort();
    const itSpend = chance(rng, 0.85) ? total * 8000 : null;
    const traffic = chance(rng, 0.8)
      ? [Math.round(total * 50 * (0.6 + rng())), Math.round((rng() * 35 - 15) * 10) / 10]
      : null;
    base = {
      employeesByDepartment: departments(rng, total),
      employeesByLocation: locations(rng, c, total),
      employeesBySeniority: seniorities(rng, total),
      competitors: competitors(rng, store, c),
      businessModel,
      emails,
      phones,
      keywords,
      estimatedAnnualItSpend: itSpend === null ? null : { value: itSpend, currency: 'USD', valueUsd: itSpend },
      traffic,
      facebook: chance(rng, 0.5) ? `https://www.facebook.com/${handle}` : null,
      x: chance(rng, 0.4) ? `https://x.com/${handle}` : null,
    };
    cache.set(c, base);
  }
  const { traffic, ...rest } = base;
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const monthlyWebsiteTraffic =
    traffic && traffic[0] !== undefined && traffic[1] !== undefined
      ? { visits: traffic[0], momChangePercent: traffic[1], month: lastMonth }
      : null;
  return { ...rest, monthlyWebsiteTraffic };
}
