/**
 * A company visiting your website, as one flat record: who it is (from the V3 company preview
 * Lusha puts in front of each result) and how it visited (Lusha's visit metrics over the dates
 * asked for). Field names are the connector's own, never Lusha's wire names.
 *
 * The trigger's items add an `id` that identifies the visit event: the Lusha company ID and the
 * date of its last visit, hashed. Nothing Lusha may reword or recompute (the name, the score,
 * the counts, "days since") goes into it, so a later check finds the same id until the company
 * visits again on a later day; then it is a new event, under a new id.
 */
import { createHash } from 'node:crypto';
import type { V3WebsiteVisit } from '../lusha/schemas';
import { firstText, toIsoDate } from '../shared/values';
import type { OutputField } from '../zapier/fields';
import { prefixCompany, prefixedCompanyField, toCompanyRecord } from '../companies/record';
import type { SignalEvent } from '../signals/records';

export type VisitorRecord = {
  companyId: string | null;
  companyName: string | null;
  companyDomain: string | null;
  companyIndustry: string | null;
  companyEmployees: string | null;
  companyEmployeesMin: number | null;
  companyEmployeesMax: number | null;
  companyCity: string | null;
  companyState: string | null;
  companyCountry: string | null;
  companyCountryCode: string | null;
  companyLinkedinUrl: string | null;
  score: number | null;
  scoreBand: string | null;
  sessions: number | null;
  uniqueVisitors: number | null;
  avgSessionMinutes: number | null;
  daysVisited: number | null;
  highIntentPageviews: number | null;
  daysSinceLastVisit: number | null;
  lastVisit: string | null;
  visitorCountry: string | null;
};

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** One result of Website Visits as a flat record. */
export function toVisitorRecord(result: V3WebsiteVisit): VisitorRecord {
  const company = prefixCompany(toCompanyRecord(result));
  return {
    companyId: company.companyId,
    companyName: company.companyName,
    companyDomain: company.companyDomain,
    companyIndustry: company.companyIndustry,
    companyEmployees: company.companyEmployees,
    companyEmployeesMin: company.companyEmployeesMin,
    companyEmployeesMax: company.companyEmployeesMax,
    companyCity: company.companyCity,
    companyState: company.companyState,
    companyCountry: company.companyCountry,
    companyCountryCode: company.companyCountryCode,
    companyLinkedinUrl: company.companyLinkedinUrl,
    score: finite(result.score),
    scoreBand: firstText(result.scoreBand)?.toLowerCase() ?? null,
    sessions: finite(result.totalSessions),
    uniqueVisitors: finite(result.uniqueVisitors),
    avgSessionMinutes: finite(result.avgSessionMinutes),
    daysVisited: finite(result.daysVisited),
    highIntentPageviews: finite(result.highIntentPageviews),
    daysSinceLastVisit: finite(result.daysSinceLastVisit),
    lastVisit: toIsoDate(result.lastVisit),
    visitorCountry: firstText(result.visitorCountry)?.toUpperCase() ?? null,
  };
}

export const visitorOutputFields: OutputField[] = [
  ...(
    [
      'id',
      'name',
      'domain',
      'industry',
      'employees',
      'employeesMin',
      'employeesMax',
      'city',
      'state',
      'country',
      'countryCode',
      'linkedinUrl',
    ] as const
  ).map(prefixedCompanyField),
  { key: 'score', label: 'Visit Score (0–100)', type: 'number' },
  { key: 'scoreBand', label: 'Score Band (Hot, Warm, Cold)', type: 'string' },
  { key: 'sessions', label: 'Sessions', type: 'integer' },
  { key: 'uniqueVisitors', label: 'Unique Visitors', type: 'integer' },
  { key: 'avgSessionMinutes', label: 'Average Session (Minutes)', type: 'number' },
  { key: 'daysVisited', label: 'Days Visited', type: 'integer' },
  { key: 'highIntentPageviews', label: 'High-Intent Pageviews', type: 'integer' },
  { key: 'daysSinceLastVisit', label: 'Days Since Last Visit', type: 'integer' },
  { key: 'lastVisit', label: 'Last Visit', type: 'datetime' },
  { key: 'visitorCountry', label: 'Main Visitor Country Code', type: 'string' },
];

export const visitorSample: VisitorRecord = {
  companyId: '33222678',
  companyName: 'Northwind Analytics',
  companyDomain: 'northwind-analytics.com',
  companyIndustry: 'Technology, Information & Media',
  companyEmployees: '201-500',
  companyEmployeesMin: 201,
  companyEmployeesMax: 500,
  companyCity: 'Boston',
  companyState: 'Massachusetts',
  companyCountry: 'United States',
  companyCountryCode: 'US',
  companyLinkedinUrl: 'https://www.linkedin.com/company/northwind-analytics',
  score: 87,
  scoreBand: 'hot',
  sessions: 12,
  uniqueVisitors: 5,
  avgSessionMinutes: 4.2,
  daysVisited: 8,
  highIntentPageviews: 10,
  daysSinceLastVisit: 1,
  lastVisit: '2025-06-14',
  visitorCountry: 'US',
};

// ---------------------------------------------------------------- the trigger's items

/** A visit event as the trigger delivers it: the record, its id, and the days it covers. */
export type VisitorItem = VisitorRecord & {
  id: string;
  visitsFrom: string;
  visitsTo: string;
};

/** The event type in the trigger's memory of seen events (src/signals/polling.ts). */
const VISIT_EVENT = 'websiteVisit';

/**
 * The id of a visit event: the Lusha company ID (as sent: V3 ids are case-sensitive) and the
 * date of the last visit. 32 hex characters.
 */
export function visitEventId(companyId: string | null, lastVisit: string | null): string {
  const parts = ['website-visit', (companyId ?? '').trim(), lastVisit ?? ''];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

export function toVisitorItem(record: VisitorRecord, window: { startDate: string; endDate: string }): VisitorItem {
  return {
    id: visitEventId(record.companyId, record.lastVisit),
    ...record,
    visitsFrom: window.startDate,
    visitsTo: window.endDate,
  };
}

/** A visitor item as the polling guard remembers it between checks. */
export function visitEventOf(item: VisitorItem): SignalEvent {
  return { id: item.id, e: (item.companyId ?? '').trim(), t: VISIT_EVENT, d: item.lastVisit, r: '' };
}

/** Two visit events are one only when they are the same company's visit on the same day (the id says it). */
export function sameVisitEvent(a: SignalEvent, b: SignalEvent): boolean {
  return a.t === b.t && a.e === b.e && a.d === b.d;
}

/** Most recent visit first; within a day, by id, so the order is the same in every poll. Undated last. */
export function compareRecentFirst(a: VisitorItem, b: VisitorItem): number {
  const dateA = a.lastVisit ?? '';
  const dateB = b.lastVisit ?? '';
  if (dateA !== dateB) return dateA < dateB ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const visitorItemOutputFields: OutputField[] = [
  { key: 'id', label: 'Visit ID', type: 'string' },
  ...visitorOutputFields,
  { key: 'visitsFrom', label: 'Visits Counted From', type: 'datetime' },
  { key: 'visitsTo', label: 'Visits Counted To', type: 'datetime' },
];

export const visitorItemSample: VisitorItem = toVisitorItem(visitorSample, {
  startDate: '2025-05-16',
  endDate: '2025-06-15',
});
