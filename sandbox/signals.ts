/** Signal vocabulary, windows, sub-filters and the per-entity signal blocks every endpoint shares. */
import {
  COMPANY_SIGNAL_TYPES,
  CONTACT_SIGNAL_TYPES,
  COUNTRIES,
  DEPARTMENTS,
  NEWS_EVENT_TYPES,
  type CompanySignalType,
  type ContactSignalType,
} from './catalog';
import type { State } from './context';
import { subMonths, ymd } from './dates';
import type { CompanySignalRecord, SandboxCompany } from './model';
import { companySignalItem, contactSignalItem } from './shapes';
import type { SignalWindow } from './store';
import { type Errors, isObj, isStr } from './validate';

export const CONTACT_SIGNAL_NAMES: readonly string[] = [...CONTACT_SIGNAL_TYPES, 'allSignals'];
export const COMPANY_SIGNAL_NAMES: readonly string[] = ['allSignals', ...COMPANY_SIGNAL_TYPES];

/** Validate a list of signal names; `undefined` when absent. */
export function signalNames(
  v: unknown,
  field: string,
  allowed: readonly string[],
  errs: Errors,
  opts: { required: boolean },
): string[] | undefined {
  if (v === undefined) {
    if (opts.required) errs.add(`${field} should not be empty`);
    return undefined;
  }
  if (!Array.isArray(v) || !v.every(isStr)) {
    errs.add(`${field} must be an array of strings`);
    return undefined;
  }
  if (v.length === 0) {
    errs.add(`${field} should not be empty`);
    return undefined;
  }
  const bad = v.filter((x) => !allowed.includes(x));
  if (bad.length > 0) {
    errs.add(`each value in ${field} must be one of the following values: ${allowed.join(', ')}`);
    return undefined;
  }
  return v;
}

export function contactTypes(names: readonly string[]): ContactSignalType[] {
  if (names.includes('allSignals')) return [...CONTACT_SIGNAL_TYPES];
  return CONTACT_SIGNAL_TYPES.filter((t) => names.includes(t));
}

export function companyTypes(names: readonly string[]): CompanySignalType[] {
  if (names.includes('allSignals')) return [...COMPANY_SIGNAL_TYPES];
  return COMPANY_SIGNAL_TYPES.filter((t) => names.includes(t));
}

/** [startDate or six months back, today]. Adds an error for a start date after today. */
export function signalWindow(state: State, start: string | undefined, field: string, errs: Errors): SignalWindow {
  const end = state.today();
  const s = start ?? ymd(subMonths(state.now(), 6));
  if (s > end) errs.add(`${field} must not be after the current date (${end})`);
  return { start: s, end };
}

export interface CompanySignalFilter {
  newsEventTypes?: string[];
  hiringByDepartments?: string[];
  hiringByLocations?: { country: string; state?: string }[];
}

/** `filters.include` / `signalsFilters.include`: OR within a filter, case-insensitive, unknown values ignored. */
export function companySignalFilter(v: unknown, field: string, errs: Errors): CompanySignalFilter | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v)) {
    errs.add(`${field} must be an object`);
    return undefined;
  }
  const inc = v.include;
  if (inc === undefined) return undefined;
  if (!isObj(inc)) {
    errs.add(`${field}.include must be an object`);
    return undefined;
  }
  const out: CompanySignalFilter = {};
  /** `include[key]` into `out`, lower-cased and kept to the values of `known` (unset when none is left). */
  const knownValues = (key: 'newsEventTypes' | 'hiringByDepartments', known: readonly string[]) => {
    const raw = inc[key];
    if (raw === undefined) return;
    if (!Array.isArray(raw) || !raw.every(isStr))
      return errs.add(`${field}.include.${key} must be an array of strings`);
    const lowerKnown = known.map((x) => x.toLowerCase());
    const vals = raw.map((x) => x.toLowerCase()).filter((x) => lowerKnown.includes(x));
    if (vals.length > 0) out[key] = vals;
  };
  knownValues('newsEventTypes', NEWS_EVENT_TYPES);
  knownValues('hiringByDepartments', DEPARTMENTS);
  if (inc.hiringByLocations !== undefined) {
    if (!Array.isArray(inc.hiringByLocations)) errs.add(`${field}.include.hiringByLocations must be an array`);
    else {
      const locs: { country: string; state?: string }[] = [];
      inc.hiringByLocations.forEach((l, i) => {
        if (!isObj(l)) return errs.add(`${field}.include.hiringByLocations[${i}] must be an object`);
        if (!isStr(l.country) || l.country.trim() === '') {
          return errs.add(`${field}.include.hiringByLocations[${i}].country is required`);
        }
        if (l.state !== undefined && !isStr(l.state))
          return errs.add(`${field}.include.hiringByLocations[${i}].state must be a string`);
        const country = l.country.toLowerCase();
        if (COUNTRIES.some((c) => c.name.toLowerCase() === country)) {
          locs.push(isStr(l.state) ? { country, state: l.state.toLowerCase() } : { country });
        }
      });
      if (locs.length > 0) out.hiringByLocations = locs;
    }
  }
  return out;
}

function passesFilter(s: CompanySignalRecord, f: CompanySignalFilter | undefined): boolean {
  if (!f) return true;
  if (f.newsEventTypes && 'articlePublishedDate' in s.fields) {
    return f.newsEventTypes.includes(String(s.fields.eventType).toLowerCase());
  }
  if (f.hiringByDepartments && s.type === 'surgeInHiringByDepartment') {
    return f.hiringByDepartments.includes(String(s.fields.department).toLowerCase());
  }
  if (f.hiringByLocations && s.type === 'surgeInHiringByLocation') {
    const country = String(s.fields.country).toLowerCase();
    const state = s.fields.state === null ? null : String(s.fields.state).toLowerCase();
    return f.hiringByLocations.some((l) => l.country === country && (l.state === undefined || l.state === state));
  }
  return true;
}

export interface SignalBlock {
  byType: Record<string, Record<string, unknown>[]>;
  /** Number of requested types that returned at least one item: the credit cost of this block. */
  hits: number;
}

/**
 * The signals of each of `types` (`itemsOf`, at most `max` each) as `shape`s, by type; a type without
 * any is listed empty only with `includeEmpty`.
 */
export function signalBlock<T extends string, S>(
  types: readonly T[],
  itemsOf: (type: T) => S[],
  max: number | undefined,
  includeEmpty: boolean,
  shape: (s: S) => Record<string, unknown>,
): SignalBlock {
  const byType: SignalBlock['byType'] = {};
  let hits = 0;
  for (const t of types) {
    let items = itemsOf(t);
    if (max !== undefined) items = items.slice(0, max);
    if (items.length > 0) hits++;
    if (items.length > 0 || includeEmpty) byType[t] = items.map(shape);
  }
  return { byType, hits };
}

export function contactSignalBlock(
  state: State,
  personId: number,
  types: readonly ContactSignalType[],
  w: SignalWindow,
  max: number | undefined,
  includeEmpty: boolean,
): SignalBlock {
  return signalBlock(types, (t) => state.store.contactSignalsFor(personId, t, w), max, includeEmpty, contactSignalItem);
}

export function companySignalBlock(
  state: State,
  company: SandboxCompany,
  types: readonly CompanySignalType[],
  w: SignalWindow,
  max: number | undefined,
  filter: CompanySignalFilter | undefined,
  includeEmpty: boolean,
): SignalBlock {
  const itemsOf = (t: CompanySignalType) =>
    state.store.companySignalsFor(company.id, t, w).filter((s) => passesFilter(s, filter));
  return signalBlock(types, itemsOf, max, includeEmpty, (s) => companySignalItem(s, company));
}

export function hasContactSignal(
  state: State,
  personId: number,
  types: readonly ContactSignalType[],
  w: SignalWindow,
): ContactSignalType[] {
  return types.filter((t) => state.store.contactSignalsFor(personId, t, w).length > 0);
}

export function hasCompanySignal(
  state: State,
  companyId: number,
  types: readonly CompanySignalType[],
  w: SignalWindow,
): CompanySignalType[] {
  return types.filter((t) => state.store.companySignalsFor(companyId, t, w).length > 0);
}
