/**
 * The dynamic dropdowns of the signal operations (signal types, news event types, hiring
 * departments), fed by Lusha V3's lists: `GET /v3/{contacts|companies}/signals/types` and
 * `GET /v3/companies/signals/filters/{newsEventTypes|hiringByDepartments}` (the discovery list
 * `GET /v3/companies/signals/filters` is not called: the connector knows the two filter types it
 * offers). Each list is kept a day per connection, so opening a step's dropdowns costs at most
 * one call per list a day.
 *
 * Only values the connector knows are offered: the steps check every value before calling
 * Lusha (./watch.ts), and a value offered here must pass that check.
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

const LIST_CACHE_SECONDS = 24 * 60 * 60;

/** The V3 lists behind the dropdowns: the path and how to read it. */
const SOURCES = {
  contactTypes: {
    endpoint: 'GET /v3/contacts/signals/types',
    read: async (lusha: LushaClient) => (await lusha.listContactSignalTypes()).signalTypes,
  },
  companyTypes: {
    endpoint: 'GET /v3/companies/signals/types',
    read: async (lusha: LushaClient) => (await lusha.listCompanySignalTypes()).signalTypes,
  },
  newsEventTypes: {
    endpoint: 'GET /v3/companies/signals/filters/newsEventTypes',
    read: async (lusha: LushaClient) => strings((await lusha.listCompanySignalFilterValues('newsEventTypes')).values),
  },
  hiringByDepartments: {
    endpoint: 'GET /v3/companies/signals/filters/hiringByDepartments',
    read: async (lusha: LushaClient) =>
      strings((await lusha.listCompanySignalFilterValues('hiringByDepartments')).values),
  },
} as const;
type Source = keyof typeof SOURCES;

interface CachedList {
  values: string[];
  /** Epoch ms of the answer: its age is checked here, since not every cache honours its TTL. */
  storedAt: number;
}

const strings = (values: unknown[] | null | undefined): string[] =>
  (values ?? []).filter((value): value is string => typeof value === 'string');

async function listValues(lusha: LushaClient, z: ZObject, bundle: Bundle, source: Source): Promise<string[]> {
  const key = `signal-lists:v3:${source}:${connectionFingerprint(bundle)}`;
  const now = Date.now();
  const cached = (await readConnectionCache(z, key)) as CachedList | null;
  if (cached && Array.isArray(cached.values) && isCheckFresh(cached.storedAt, LIST_CACHE_SECONDS, now)) {
    return cached.values;
  }
  const values = await SOURCES[source].read(lusha);
  await writeConnectionCache(z, key, { values, storedAt: now } satisfies CachedList, LIST_CACHE_SECONDS);
  return values;
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

/** The choices of a catalogue of signal types: each known type by its name. */
const catalogueChoices =
  (catalogue: Readonly<Record<string, string>>) =>
  (values: string[]): Choice[] =>
    knownChoices(values, Object.keys(catalogue), (type) => signalTypeName(catalogue, type));

/** The choices of a list of values that are their own names. */
const listChoices =
  (known: readonly string[]) =>
  (values: string[]): Choice[] =>
    knownChoices(values, known, (value) => value);

/** The hidden triggers behind the dropdowns, by key: what each lists, and where from. */
const DROPDOWNS = {
  contact_signal_types: {
    noun: 'Contact Signal Type',
    label: 'Contact Signal Types',
    source: 'contactTypes',
    choices: catalogueChoices(CONTACT_SIGNAL_TYPES),
    sample: { id: 'companyChange', name: 'Company Change (Job Change)' },
  },
  company_signal_types: {
    noun: 'Company Signal Type',
    label: 'Company Signal Types',
    source: 'companyTypes',
    choices: catalogueChoices(COMPANY_SIGNAL_TYPES),
    sample: { id: 'surgeInHiring', name: 'Surge in Hiring' },
  },
  company_news_event_types: {
    noun: 'News Event Type',
    label: 'News Event Types',
    source: 'newsEventTypes',
    choices: listChoices(NEWS_EVENT_TYPES),
    sample: { id: 'Funding Round', name: 'Funding Round' },
  },
  company_hiring_departments: {
    noun: 'Hiring Department',
    label: 'Hiring Departments',
    source: 'hiringByDepartments',
    choices: listChoices(HIRING_DEPARTMENTS),
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
        dropdown.choices(await listValues(lusha, z, bundle, dropdown.source)),
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
    endpoints: [SOURCES[DROPDOWNS[key].source].endpoint],
    credits:
      "Lusha's V3 spec gives this list no billing note (no charge is documented). One answer per connection " +
      'is reused for a day.',
    errors: [],
  };
}
