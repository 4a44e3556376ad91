/**
 * A flat summary of the signals Lusha returns with a person when a lookup asks for them
 * (promotion, company change): which types fired, how many, and the latest one. The
 * person's current title and company after the change are in the person record itself.
 *
 * Lusha sends them under the contact's `signals`, keyed by type, each a list of items with
 * a `signalDate`. When the lookup asked for no signals, the summary is empty (nulls).
 */
import type { Contact } from '../lusha/schemas';
import { firstText } from '../shared/values';
import type { OutputField } from '../zapier/fields';

export interface ContactSignalSummary {
  signalTypes: string[];
  signalCount: number | null;
  latestSignalType: string | null;
  latestSignalDate: string | null;
}

/** Reads `contact.signals` in its documented shape `{ <type>: [{ signalDate, ... }] }`. */
export function toContactSignalSummary(contact: Contact | null | undefined): ContactSignalSummary {
  const raw = (contact as { signals?: unknown } | null | undefined)?.signals;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { signalTypes: [], signalCount: null, latestSignalType: null, latestSignalDate: null };
  }
  const types: string[] = [];
  let count = 0;
  let latest: { type: string; date: string } | null = null;
  for (const [type, items] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(items) || items.length === 0) continue;
    types.push(type);
    count += items.length;
    for (const item of items) {
      const date = item && typeof item === 'object' ? firstText((item as { signalDate?: unknown }).signalDate) : null;
      // ISO dates (YYYY-MM-DD...) compare as text.
      if (date && (!latest || date > latest.date)) latest = { type, date };
    }
  }
  return {
    signalTypes: types,
    signalCount: count,
    latestSignalType: latest?.type ?? null,
    latestSignalDate: latest?.date ?? null,
  };
}

export const contactSignalSummaryOutputFields: OutputField[] = [
  { key: 'signalTypes', label: 'Signal Types Found', type: 'string', list: true },
  { key: 'signalCount', label: 'Signal Count', type: 'integer' },
  { key: 'latestSignalType', label: 'Latest Signal Type', type: 'string' },
  { key: 'latestSignalDate', label: 'Latest Signal Date', type: 'string' },
];

export const contactSignalSummarySample: ContactSignalSummary = {
  signalTypes: ['promotion'],
  signalCount: 1,
  latestSignalType: 'promotion',
  latestSignalDate: '2026-08-03',
};
