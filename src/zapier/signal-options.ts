/**
 * The dynamic dropdowns of the signal operations (signal types, news event types, hiring
 * departments), fed by Lusha's free `GET /api/signals/filters/{contact|company}`. One answer
 * per connection and object type is kept for an hour, so opening the dropdowns of a step
 * costs one call, not one per field.
 *
 * Only values the connector knows are offered: the steps check every value before calling
 * Lusha (src/zapier/signal-fields.ts), and a value offered here must pass that check.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectionFingerprint } from '../auth';
import type { LushaClient } from '../lusha/client';
import { COMPANY_SIGNAL_TYPES, CONTACT_SIGNAL_TYPES } from '../records/signal';
import { readConnectionCache, writeConnectionCache } from './connection-cache';
import { HIRING_DEPARTMENTS, NEWS_EVENT_TYPES } from './signal-fields';
import { withLusha } from './lusha';

const FILTERS_CACHE_SECONDS = 60 * 60;

export interface SignalFilterOptions {
  signals: string[];
  newsEventTypes: string[];
  hiringByDepartments: string[];
}

const strings = (values: unknown[] | null | undefined): string[] =>
  (values ?? []).filter((value): value is string => typeof value === 'string');

async function signalFilterOptions(
  lusha: LushaClient,
  z: ZObject,
  bundle: Bundle,
  objectType: 'contact' | 'company',
): Promise<SignalFilterOptions> {
  const key = `signal-filters:v1:${objectType}:${connectionFingerprint(bundle)}`;
  const cached = (await readConnectionCache(z, key)) as SignalFilterOptions | null;
  if (cached && Array.isArray(cached.signals)) return cached;
  const answer = await lusha.getSignalFilters(objectType);
  const options: SignalFilterOptions = {
    signals: answer.signals,
    newsEventTypes: strings(answer.filterOptions?.newsEventTypes),
    hiringByDepartments: strings(answer.filterOptions?.hiringByDepartments),
  };
  await writeConnectionCache(z, key, options, FILTERS_CACHE_SECONDS);
  return options;
}

export interface Choice {
  id: string;
  name: string;
}

/** The known values among Lusha's, in Lusha's order (all known values when Lusha lists none). */
function knownChoices(offered: string[], known: readonly string[], name: (value: string) => string): Choice[] {
  const byLower = new Map(known.map((value) => [value.toLowerCase(), value]));
  const values = offered.length > 0 ? offered : [...known];
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const value of values) {
    const match = byLower.get(value.toLowerCase());
    if (match && !seen.has(match)) {
      seen.add(match);
      choices.push({ id: match, name: name(match) });
    }
  }
  return choices;
}

/** Which dropdown a hidden trigger feeds. */
export type SignalDropdown = 'contact_signal_types' | 'company_signal_types' | 'news_event_types' | 'hiring_departments';

/** The perform of the hidden trigger behind one dropdown: `[{ id, name }]`. */
export function signalDropdownPerform(dropdown: SignalDropdown) {
  return withLusha(async (lusha, z, bundle: Bundle): Promise<Choice[]> => {
    if (dropdown === 'contact_signal_types') {
      const { signals } = await signalFilterOptions(lusha, z, bundle, 'contact');
      return knownChoices(signals, Object.keys(CONTACT_SIGNAL_TYPES), (type) => CONTACT_SIGNAL_TYPES[type] as string);
    }
    const options = await signalFilterOptions(lusha, z, bundle, 'company');
    if (dropdown === 'company_signal_types') {
      return knownChoices(options.signals, Object.keys(COMPANY_SIGNAL_TYPES), (type) => COMPANY_SIGNAL_TYPES[type] as string);
    }
    if (dropdown === 'news_event_types') return knownChoices(options.newsEventTypes, NEWS_EVENT_TYPES, (value) => value);
    return knownChoices(options.hiringByDepartments, HIRING_DEPARTMENTS, (value) => value);
  });
}

export const dropdownOutputFields = [
  { key: 'id', label: 'Value' },
  { key: 'name', label: 'Name' },
];
