/**
 * Signal records: one flat item per signal, for the signal triggers (New Contact Signal,
 * New Company Signal) and the lookups (Get Contact Signals, Get Company Signals).
 *
 * Every record has a stable `id`, the one place where it is derived, from what identifies the
 * event and never from text Lusha may reword (titles, company names, summaries):
 * - a contact signal: the person, the type and the date (`contactSignalId`);
 * - a company signal: its type and Lusha's `signalId`, or, without one, the company, the type,
 *   the date and the event's source (`companySignalId`).
 * The polling trigger also keeps the id of an event it has seen when Lusha moves its date by a
 * few days (`sameSignalEvent`). This scheme is fixed: the move to Lusha V3 kept it, so a signal a
 * Zap received from a V2 answer has the same id from the V3 answer (test/unit/records/signal.test.ts).
 *
 * Field names are the connector's own (no wire names), so a move to Lusha V3 breaks no Zap.
 */
import { createHash } from 'node:crypto';
import { prefixedCompanyField } from '../companies/record';
import type { CompanySignalEntity, CompanySignalItem, ContactSignalEntity, ContactSignalItem } from '../lusha/schemas';
import { toIsoDate } from '../shared/values';
import type { OutputField } from '../zapier/fields';
import { COMPANY_SIGNAL_TYPES, CONTACT_SIGNAL_TYPES, signalTypeName } from './catalog';

// ---------------------------------------------------------------- ids, dates, order

const normal = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value).trim().replace(/\s+/g, ' ').toLowerCase();

/** A short, stable hex digest of the parts (JSON-encoded, so no two part lists collide by concatenation). */
function digest(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/**
 * The id of a contact signal: what identifies the event, never the text Lusha may reword —
 * the person, the signal type and the signal date (Lusha gives contact signals no id of their
 * own: a V3 item's `id` is the contact's). 32 hex characters. The polling trigger keeps the id
 * of an event it has already seen when Lusha moves its date by a few days (see sameSignalEvent).
 */
export function contactSignalId(parts: { personId: unknown; type: string; signalDate: string | null }): string {
  return digest(['contact-signal', normalId(parts.personId), parts.type, parts.signalDate ?? '']);
}

/**
 * The id of a company signal: its type and Lusha's `signalId` ("surgeInHiring:1503905"), so
 * two signals of different types with the same Lusha id stay two; when Lusha sends no
 * `signalId`, a hash of what identifies the event: the company, the type, the date and its
 * source (the article URL without tracking parameters, or the hiring department and place).
 */
export function companySignalId(type: string, item: CompanySignalItem, companyId: unknown): string {
  if (item.signalId) return `${type}:${item.signalId}`;
  return digest([
    'company-signal',
    normalId(companyId),
    type,
    toIsoDate(item.signalDate ?? item.articlePublishedDate),
    companySignalSource(item.articleUrl, item.department, item.country, item.state),
  ]);
}

/** A Lusha id as text, without leading zeros or spaces ("007" and 7 are one id). */
function normalId(value: unknown): string {
  const text = normal(value);
  return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : text;
}

/** Query parameters that only track a click (utm_*, "utm", fbclid...): an article URL is the same without them. */
const TRACKING_PARAMETER = /^(utm|utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|_hs.*)$/i;

/**
 * An article URL as the same article: lower-case host without www., no fragment, no tracking parameters, no trailing
 * slash.
 */
export function normalArticleUrl(url: unknown): string {
  const text = typeof url === 'string' ? url.trim() : '';
  if (!text) return '';
  try {
    const parsed = new URL(text);
    const kept = [...parsed.searchParams.entries()].filter(([name]) => !TRACKING_PARAMETER.test(name));
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
    const path = parsed.pathname.replace(/\/+$/, '');
    return `${parsed.hostname.toLowerCase().replace(/^www\./, '')}${path}${query}`;
  } catch {
    return normal(text);
  }
}

/** What a company signal without a Lusha id is about: its article, or the department and place of a hiring surge. */
function companySignalSource(articleUrl: unknown, department: unknown, country: unknown, state: unknown): string {
  return normalArticleUrl(articleUrl) || [department, country, state].map(normal).join('|');
}

/**
 * A signal event as the polling trigger remembers it between checks: its id and what
 * identifies it (entity, type, date, and for company signals Lusha's id or the source), so a
 * reworded event keeps the id it was first delivered under.
 */
export interface SignalEvent {
  id: string;
  /** The person or company. */
  e: string;
  /** The signal type. */
  t: string;
  /** The signal date, YYYY-MM-DD. */
  d: string | null;
  /** Lusha's signal id, or the source (article, department and place); '' for contact signals. */
  r: string;
}

/** A contact or company signal record as a SignalEvent. */
export function signalEventOf(record: ContactSignalRecord | CompanySignalRecord): SignalEvent {
  if ('personId' in record) {
    return { id: record.id, e: normalId(record.personId), t: record.signalType, d: record.signalDate, r: '' };
  }
  const lushaId = record.id.startsWith(`${record.signalType}:`) ? record.id.slice(record.signalType.length + 1) : '';
  const source = companySignalSource(record.newsUrl, record.hiringDepartment, record.hiringCountry, record.hiringState);
  return {
    id: record.id,
    e: normalId(record.companyId),
    t: record.signalType,
    d: record.signalDate,
    r: lushaId || source,
  };
}

/** Lusha may move an event's date by this many days between two answers. */
export const SIGNAL_DATE_TOLERANCE_DAYS = 3;

/**
 * Whether two events are the same: the same entity and type, the same Lusha id or source
 * where both have one, and dates at most SIGNAL_DATE_TOLERANCE_DAYS apart (exactly equal ids
 * of Lusha need no date).
 */
export function sameSignalEvent(a: SignalEvent, b: SignalEvent): boolean {
  if (a.e !== b.e || a.t !== b.t) return false;
  if (a.r && b.r) {
    if (a.r !== b.r) return false;
    if (/^\d+$/.test(a.r)) return true;
  }
  if (!a.d || !b.d) return a.d === b.d;
  return Math.abs(Date.parse(a.d) - Date.parse(b.d)) <= SIGNAL_DATE_TOLERANCE_DAYS * 86_400_000;
}

/** Newest signal first; within a day, by id, so the order is the same in every poll. Undated last. */
export function compareNewestFirst(
  a: { id: string; signalDate: string | null },
  b: { id: string; signalDate: string | null },
): number {
  const dateA = a.signalDate ?? '';
  const dateB = b.signalDate ?? '';
  if (dateA !== dateB) return dateA < dateB ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---------------------------------------------------------------- contact signals

export type ContactSignalRecord = {
  id: string;
  signalType: string;
  signalName: string;
  signalDate: string | null;
  personId: string | null;
  watchListEntry: string;
  jobTitle: string | null;
  seniority: string | null;
  departments: string[];
  companyId: string | null;
  companyName: string | null;
  companyDomain: string | null;
  previousCompanyName: string | null;
  previousCompanyDomain: string | null;
};

/**
 * One contact signal of `type` (a V3 item `{ id, signalDate, previousCompany, newCompany }`), found
 * for the watch-list entry described by `watchListEntry`. The item's `id` is the contact's. V3 sends
 * no title, seniority, departments, company id or domains: those keys stay, empty.
 */
export function toContactSignalRecord(
  type: string,
  item: ContactSignalItem,
  entity: Pick<ContactSignalEntity, 'id'>,
  watchListEntry: string,
): ContactSignalRecord {
  const personId = item.id ?? entity.id ?? null;
  const signalDate = toIsoDate(item.signalDate);
  return {
    id: contactSignalId({ personId, type, signalDate }),
    signalType: type,
    signalName: signalTypeName(CONTACT_SIGNAL_TYPES, type),
    signalDate,
    personId,
    watchListEntry,
    jobTitle: null,
    seniority: null,
    departments: [],
    companyId: null,
    companyName: item.newCompany ?? null,
    companyDomain: null,
    previousCompanyName: item.previousCompany ?? null,
    previousCompanyDomain: null,
  };
}

const SIGNAL_FIELDS: OutputField[] = [
  { key: 'id', label: 'Signal ID', type: 'string' },
  { key: 'signalType', label: 'Signal Type', type: 'string' },
  { key: 'signalName', label: 'Signal Name', type: 'string' },
  { key: 'signalDate', label: 'Signal Date', type: 'datetime' },
];

const WATCH_LIST_ENTRY: OutputField = { key: 'watchListEntry', label: 'Watch List Entry', type: 'string' };

export const contactSignalOutputFields: OutputField[] = [
  ...SIGNAL_FIELDS,
  { key: 'personId', label: 'Lusha Person ID', type: 'string' },
  WATCH_LIST_ENTRY,
  { key: 'jobTitle', label: 'Job Title', type: 'string' },
  { key: 'seniority', label: 'Seniority', type: 'string' },
  { key: 'departments', label: 'Departments', type: 'string', list: true },
  ...(['id', 'name', 'domain'] as const).map(prefixedCompanyField),
  { key: 'previousCompanyName', label: 'Previous Company Name', type: 'string' },
  { key: 'previousCompanyDomain', label: 'Previous Company Domain', type: 'string' },
];

export const contactSignalSample: ContactSignalRecord = {
  id: '5b0c1f6d2e8a4b7c9d3e1f2a6b8c0d4e',
  signalType: 'companyChange',
  signalName: 'Company Change (Job Change)',
  signalDate: '2025-05-01',
  personId: '115889',
  watchListEntry: 'dana.whitfield@callawaygolf.com',
  // Lusha V3 sends a contact signal's date and company names only.
  jobTitle: null,
  seniority: null,
  departments: [],
  companyId: null,
  companyName: 'Callaway Golf',
  companyDomain: null,
  previousCompanyName: 'Vendavo',
  previousCompanyDomain: null,
};

// ---------------------------------------------------------------- company signals

export type CompanySignalRecord = {
  id: string;
  signalType: string;
  signalName: string;
  signalDate: string | null;
  companyId: string | null;
  companyName: string | null;
  companyDomain: string | null;
  watchListEntry: string;
  changeRatePercent: number | null;
  historicalAverage: number | null;
  baselineEmployeeCount: number | null;
  newEmployeeCount: number | null;
  newJobsLastWeek: number | null;
  newJobsLast4Weeks: number | null;
  hiringDepartment: string | null;
  hiringCountry: string | null;
  hiringState: string | null;
  websiteVisitsLastMonth: number | null;
  estimatedAnnualItSpend: number | null;
  newsEventType: string | null;
  newsTitle: string | null;
  newsSummary: string | null;
  newsHighlight: string | null;
  newsUrl: string | null;
  newsPublishedDate: string | null;
  newsEffectiveDate: string | null;
};

/**
 * One company signal of `type`, found for the watch-list entry described by `watchListEntry`; the
 * entity is a result of POST /v3/companies/signals (`id`, `companyName`, `domain`).
 */
export function toCompanySignalRecord(
  type: string,
  item: CompanySignalItem,
  entity: Pick<CompanySignalEntity, 'id' | 'companyName' | 'domain'>,
  watchListEntry: string,
): CompanySignalRecord {
  const companyId = item.companyId ?? entity.id ?? null;
  return {
    id: companySignalId(type, item, companyId),
    signalType: type,
    signalName: signalTypeName(COMPANY_SIGNAL_TYPES, type),
    signalDate: toIsoDate(item.signalDate ?? item.articlePublishedDate),
    companyId,
    // The entity's identity is the watched company; an item may repeat it or not.
    companyName: entity.companyName ?? item.companyName ?? null,
    companyDomain: entity.domain ?? item.domain ?? null,
    watchListEntry,
    changeRatePercent: item.changeRatePercent ?? null,
    historicalAverage: item.historicalAvg ?? null,
    baselineEmployeeCount: item.baselineEmployeesCount ?? null,
    newEmployeeCount: item.newEmployeesCount ?? null,
    newJobsLastWeek: item.newJobsPostedLastWeek ?? null,
    newJobsLast4Weeks: item.newJobsPostedLast4Weeks ?? null,
    hiringDepartment: item.department ?? null,
    hiringCountry: item.country ?? null,
    hiringState: item.state ?? null,
    websiteVisitsLastMonth: item.lastMonthVisits ?? null,
    estimatedAnnualItSpend: item.estimatedAnnualItSpend ?? null,
    newsEventType: item.eventType ?? null,
    newsTitle: item.articleTitle ?? null,
    newsSummary: item.eventSummary ?? null,
    newsHighlight: item.articleHighlight ?? null,
    newsUrl: item.articleUrl ?? null,
    newsPublishedDate: toIsoDate(item.articlePublishedDate),
    newsEffectiveDate: toIsoDate(item.eventEffectiveDate),
  };
}

export const companySignalOutputFields: OutputField[] = [
  ...SIGNAL_FIELDS,
  ...(['id', 'name', 'domain'] as const).map(prefixedCompanyField),
  WATCH_LIST_ENTRY,
  { key: 'changeRatePercent', label: 'Change Rate (%)', type: 'number' },
  { key: 'historicalAverage', label: 'Historical Average', type: 'number' },
  { key: 'baselineEmployeeCount', label: 'Headcount: Baseline Employee Count', type: 'integer' },
  { key: 'newEmployeeCount', label: 'Headcount: New Employee Count', type: 'integer' },
  { key: 'newJobsLastWeek', label: 'Hiring: New Jobs Posted Last Week', type: 'integer' },
  { key: 'newJobsLast4Weeks', label: 'Hiring: New Jobs Posted Last 4 Weeks', type: 'integer' },
  { key: 'hiringDepartment', label: 'Hiring: Department', type: 'string' },
  { key: 'hiringCountry', label: 'Hiring: Country', type: 'string' },
  { key: 'hiringState', label: 'Hiring: State', type: 'string' },
  { key: 'websiteVisitsLastMonth', label: 'Traffic: Website Visits Last Month', type: 'integer' },
  { key: 'estimatedAnnualItSpend', label: 'IT Spend: Estimated Annual IT Spend', type: 'number' },
  { key: 'newsEventType', label: 'News: Event Type', type: 'string' },
  { key: 'newsTitle', label: 'News: Title', type: 'string' },
  { key: 'newsSummary', label: 'News: Summary', type: 'string' },
  { key: 'newsHighlight', label: 'News: Highlight', type: 'string' },
  { key: 'newsUrl', label: 'News: URL', type: 'string' },
  { key: 'newsPublishedDate', label: 'News: Published Date', type: 'datetime' },
  { key: 'newsEffectiveDate', label: 'News: Effective Date', type: 'datetime' },
];

export const companySignalSample: CompanySignalRecord = {
  id: '1503905',
  signalType: 'surgeInHiring',
  signalName: 'Surge in Hiring',
  signalDate: '2025-06-15',
  companyId: '3416',
  companyName: 'Lusha',
  companyDomain: 'lusha.com',
  watchListEntry: 'lusha.com',
  changeRatePercent: 150,
  historicalAverage: 10,
  baselineEmployeeCount: null,
  newEmployeeCount: null,
  newJobsLastWeek: 25,
  newJobsLast4Weeks: null,
  hiringDepartment: null,
  hiringCountry: null,
  hiringState: null,
  websiteVisitsLastMonth: null,
  estimatedAnnualItSpend: null,
  newsEventType: null,
  newsTitle: null,
  newsSummary: null,
  newsHighlight: null,
  newsUrl: null,
  newsPublishedDate: null,
  newsEffectiveDate: null,
};
