/**
 * The V3 signal type lists (operation ids getContactSignalTypes, getCompanySignalTypes; the
 * `signalTypes` enums of V3ContactSignalsRequest and V3CompanySignalsRequest).
 */
import { NEWS_SIGNAL_TYPES } from '../catalog';

/** GET /v3/contacts/signals/types, in the spec's order. */
export const V3_CONTACT_SIGNAL_TYPES = ['allSignals', 'promotion', 'companyChange'] as const;

/** GET /v3/companies/signals/types, in the spec's order (the V2 types plus linkedinActivityIntent). */
export const V3_COMPANY_SIGNAL_TYPES = [
  'allSignals',
  'linkedinActivityIntent',
  'websiteTrafficDecrease',
  'websiteTrafficIncrease',
  'itSpendIncrease',
  'itSpendDecrease',
  'surgeInHiring',
  'headcountIncrease1m',
  'headcountIncrease3m',
  'headcountIncrease6m',
  'headcountIncrease12m',
  'headcountDecrease1m',
  'headcountDecrease3m',
  'headcountDecrease6m',
  'headcountDecrease12m',
  'surgeInHiringByDepartment',
  'surgeInHiringByLocation',
  ...NEWS_SIGNAL_TYPES,
] as const;
export type V3CompanySignalType = Exclude<(typeof V3_COMPANY_SIGNAL_TYPES)[number], 'allSignals'>;

/** The concrete types a request asks for, in the spec's order (`allSignals` = every type). */
export function expand<T extends string>(all: readonly (T | 'allSignals')[], names: readonly string[]): T[] {
  const concrete = all.filter((t): t is T => t !== 'allSignals');
  return names.includes('allSignals') ? concrete : concrete.filter((t) => names.includes(t));
}
