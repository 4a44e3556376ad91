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
import type { LushaClient } from '../lusha/client';
import type { OperationContract } from '../zapier/contract';
import { connectionFingerprint, readConnectionCache, writeConnectionCache } from '../zapier/connection';
import {
  COMPANY_SIGNAL_TYPES,
  CONTACT_SIGNAL_TYPES,
  HIRING_DEPARTMENTS,
  NEWS_EVENT_TYPES,
  signalTypeName,
} from './catalog';
import { isCheckFresh } from './polling';
import { withLusha } from '../zapier/lusha';

const FILTERS_CACHE_SECONDS = 60 * 60;

export interface SignalFilterOptions {
  signals: string[];
  newsEventTypes: string[];
  hiringByDepartments: string[];
  /** Epoch ms of the answer: its age is checked here, since not every cache honours its TTL. */
  storedAt: number;
}

const strings = (values: unknown[] | null | undefined): string[] =>
  (values ?? []).filter((value): value is string => typeof value === 'string');

async function signalFilterOptions(
  lusha: LushaClient,
  z: ZObject,
  bundle: Bundle,
  objectType: 'contact' | 'company',
): Promise<SignalFilterOptions> {
  const key = `signal-filters:v2:${objectType}:${connectionFingerprint(bundle)}`;
  const now = Date.now();
  const cached = (await readConnectionCache(z, key)) as SignalFilterOptions | null;
  if (cached && Array.isArray(cached.signals) && isCheckFresh(cached.storedAt, FILTERS_CACHE_SECONDS, now))
    return cached;
  const answer = await lusha.getSignalFilters(objectType);
  const options: SignalFilterOptions = {
    signals: answer.signals,
    newsEventTypes: strings(answer.filterOptions?.newsEventTypes),
    hiringByDepartments: strings(answer.filterOptions?.hiringByDepartments),
    storedAt: now,
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

/** The hidden triggers behind the dropdowns, by key: what each lists, and where from. */
const DROPDOWNS = {
  contact_signal_types: {
    noun: 'Contact Signal Type',
    label: 'Contact Signal Types',
    objectType: 'contact',
    choices: (options: SignalFilterOptions) =>
      knownChoices(options.signals, Object.keys(CONTACT_SIGNAL_TYPES), (type) =>
        signalTypeName(CONTACT_SIGNAL_TYPES, type),
      ),
    sample: { id: 'companyChange', name: 'Company Change (Job Change)' },
  },
  company_signal_types: {
    noun: 'Company Signal Type',
    label: 'Company Signal Types',
    objectType: 'company',
    choices: (options: SignalFilterOptions) =>
      knownChoices(options.signals, Object.keys(COMPANY_SIGNAL_TYPES), (type) =>
        signalTypeName(COMPANY_SIGNAL_TYPES, type),
      ),
    sample: { id: 'surgeInHiring', name: 'Surge in Hiring' },
  },
  company_news_event_types: {
    noun: 'News Event Type',
    label: 'News Event Types',
    objectType: 'company',
    choices: (options: SignalFilterOptions) => knownChoices(options.newsEventTypes, NEWS_EVENT_TYPES, (value) => value),
    sample: { id: 'Funding Round', name: 'Funding Round' },
  },
  company_hiring_departments: {
    noun: 'Hiring Department',
    label: 'Hiring Departments',
    objectType: 'company',
    choices: (options: SignalFilterOptions) =>
      knownChoices(options.hiringByDepartments, HIRING_DEPARTMENTS, (value) => value),
    sample: { id: 'Sales', name: 'Sales' },
  },
} as const;

export type SignalDropdownKey = keyof typeof DROPDOWNS;

/** The definition of the hidden trigger `key`, which returns `[{ id, name }]` for its dropdown. */
export function signalDropdownTrigger<K extends SignalDropdownKey>(key: K) {
  const dropdown = DROPDOWNS[key];
  return {
    key,
    noun: dropdown.noun,
    display: {
      label: dropdown.label,
      description:
        `Triggers when the ${dropdown.label} dropdown of a Lusha Signals step is opened; ` + 'used only to list them.',
      hidden: true,
    },
    operation: {
      type: 'polling' as const,
      perform: withLusha(async (lusha, z, bundle: Bundle): Promise<Choice[]> =>
        dropdown.choices(await signalFilterOptions(lusha, z, bundle, dropdown.objectType)),
      ),
      sample: dropdown.sample,
      outputFields: [
        { key: 'id', label: 'Value' },
        { key: 'name', label: 'Name' },
      ],
    },
  };
}

export function signalDropdownContract(key: SignalDropdownKey): OperationContract {
  return {
    endpoints: [`GET /api/signals/filters/${DROPDOWNS[key].objectType}`],
    credits: 'Free. One answer per connection is reused for an hour by all the dropdowns of that kind.',
    errors: [],
  };
}
