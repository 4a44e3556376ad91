/**
 * A flat summary of a person's signals when Find Person asks for them (promotion, company
 * change): which types fired, how many, and the latest one. The person's current title and
 * company after the change are in the person record itself.
 *
 * Lusha sends them keyed by type, each a list of items with a `signalDate` (a result of
 * `POST /v3/contacts/signals`: `{ id, promotion: [...], companyChange: [...] }`). When the
 * lookup asked for no signals, the summary is empty (nulls); asked for and none found, the
 * count is 0.
 */
import { firstText } from '../shared/values';
import type { OutputField } from '../zapier/fields';

export interface ContactSignalSummary {
  signalTypes: string[];
  signalCount: number | null;
  latestSignalType: string | null;
  latestSignalDate: string | null;
  /** Why the signals asked for could not be read (the person is returned all the same); null otherwise. */
  signalsNote: string | null;
}

/** The summary when no signals were asked for. */
export const noSignalSummary: ContactSignalSummary = {
  signalTypes: [],
  signalCount: null,
  latestSignalType: null,
  latestSignalDate: null,
  signalsNote: null,
};

/** Reads signals in their documented shape `{ <type>: [{ signalDate, ... }] }` (other keys, like `id`, are skipped). */
export function toContactSignalSummary(raw: unknown): ContactSignalSummary {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return noSignalSummary;
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
    signalsNote: null,
  };
}

export const contactSignalSummaryOutputFields: OutputField[] = [
  { key: 'signalTypes', label: 'Signal Types Found', type: 'string', list: true },
  { key: 'signalCount', label: 'Signal Count', type: 'integer' },
  { key: 'latestSignalType', label: 'Latest Signal Type', type: 'string' },
  { key: 'latestSignalDate', label: 'Latest Signal Date', type: 'string' },
  { key: 'signalsNote', label: 'Signals Note (Why They Could Not Be Read)', type: 'string' },
];

export const contactSignalSummarySample: ContactSignalSummary = {
  signalTypes: ['promotion'],
  signalCount: 1,
  latestSignalType: 'promotion',
  latestSignalDate: '2026-08-03',
  signalsNote: null,
};
