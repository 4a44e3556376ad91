/**
 * Lusha's prospecting filter lists, in ONE place: for each list, where its values come from
 * and how one entry becomes a dropdown choice `{id, label}` plus the value the search body
 * wants (`wire`). Everything else is derived from this table: the hidden dropdown triggers
 * (src/triggers/prospecting_filter_lists.ts), the check of every chosen or mapped value
 * before a search, and the caching. Adding a filter list is one entry in FILTER_LISTS.
 *
 * Two kinds of list:
 * - `list`: a whole list Lusha serves with GET (departments, sizes, NAICS...). Loaded once
 *   and cached for a day.
 * - `search`: lists Lusha only searches by text (locations, technologies, company names).
 *   The dropdown queries Lusha with what the builder typed in the list's companion
 *   "search" field; a value is checked at run time by querying Lusha with the value itself.
 *   Each (list, text) answer is cached for a day too.
 *
 * Filter lists are free in Lusha: nothing here spends credits.
 */
import type { LushaClient } from '../lusha/client';
import { firstText, formatCount, seniorityLabel, titleCase } from '../shared/values';

/** What goes into the search body for one chosen value. */
export type WireValue = string | number | { min?: number; max?: number } | Record<string, string>;

export interface FilterChoice {
  /** The value stored in the Zap (readable: it is what a builder sees when mapping). */
  id: string;
  label: string;
  /** Other spellings that identify this entry when typed or mapped (a name, a code, a label). */
  aliases?: string[];
  wire: WireValue;
}

interface ListSource {
  kind: 'list';
  load: (lusha: LushaClient) => Promise<FilterChoice[]>;
}

interface SearchSource {
  kind: 'search';
  /** The companion input field whose text the dropdown searches Lusha with. */
  searchField: string;
  search: (lusha: LushaClient, text: string) => Promise<FilterChoice[]>;
}

export type FilterList = (ListSource | SearchSource) & {
  /** Singular noun for messages and the trigger ("Department"). */
  noun: string;
  /** How a mapped text splits into several values (ids containing commas use new lines or ";"). */
  separator: RegExp;
};

const COMMA_OR_LINE = /[,\n]/;
/** For lists whose names contain commas ("Technology, Information & Media", "10,001+ employees"). */
const LINE_OR_SEMICOLON = /[\n;]/;

/** A whole list from a GET endpoint, each entry mapped to zero or more choices. */
function list<T>(
  noun: string,
  load: (lusha: LushaClient) => Promise<T[]>,
  toChoices: (entry: T) => FilterChoice | FilterChoice[],
  separator = COMMA_OR_LINE,
): FilterList {
  return { kind: 'list', noun, separator, load: async (lusha) => (await load(lusha)).flatMap(toChoices) };
}

/** A list Lusha searches by text, with the companion field the dropdown reads the text from. */
function search<T>(
  noun: string,
  searchField: string,
  find: (lusha: LushaClient, text: string) => Promise<T[]>,
  toChoice: (entry: T) => FilterChoice | undefined,
  separator = COMMA_OR_LINE,
): FilterList {
  return {
    kind: 'search',
    noun,
    searchField,
    separator,
    search: async (lusha, text) =>
      (await find(lusha, text)).map(toChoice).filter((c): c is FilterChoice => c !== undefined),
  };
}

const same = (value: string): FilterChoice => ({ id: value, label: value, wire: value });

const number = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** "1-10", "10001-" (open-ended): the id of a range; its wire value is `{min, max}` as Lusha listed it. */
function rangeChoice(unit: (n: number) => string, suffix: string) {
  return (range: { min?: number | null; max?: number | null }): FilterChoice => {
    const { min, max } = range;
    const wire: { min?: number; max?: number } = {};
    if (typeof min === 'number') wire.min = min;
    if (typeof max === 'number') wire.max = max;
    const label =
      typeof min === 'number' && typeof max === 'number'
        ? `${unit(min)}–${unit(max)}${suffix}`
        : typeof min === 'number'
          ? `${unit(min)}+${suffix}`
          : `Up to ${unit(max ?? 0)}${suffix}`;
    return { id: `${number(min)}-${number(max)}`, label, aliases: [label], wire };
  };
}

/** 10000000 → "$10M" */
function money(n: number): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, unit] of units) {
    if (n >= size) return `$${Number((n / size).toFixed(1))}${unit}`;
  }
  return `$${n}`;
}

const LOCATION_KEYS = ['continent', 'country', 'state', 'city', 'country_grouping'] as const;

/**
 * A location as Lusha returns it ({continent, country, state, city, country_grouping}): its
 * id names it from the most specific part ("Berlin, Berlin, Germany", "Germany", "Europe"),
 * its wire value is the object as Lusha sent it, and its most specific name is an alias
 * (so a mapped "Berlin" finds it when unambiguous).
 */
function locationChoice(entry: Record<string, unknown>): FilterChoice | undefined {
  const wire: Record<string, string> = {};
  for (const key of LOCATION_KEYS) {
    const value = firstText(entry[key]);
    if (value) wire[key] = value;
  }
  const parts = [wire.city, wire.state, wire.country].filter((p): p is string => Boolean(p));
  const id = parts.length > 0 ? parts.join(', ') : wire.continent;
  if (!id) return undefined;
  return { id, label: id, aliases: [parts[0] ?? id], wire };
}

/** Every filter list, keyed by the name the dropdown triggers and the filter fields use. */
export const FILTER_LISTS = {
  departments: list('Department', (l) => l.listContactDepartments(), same),
  seniority: list(
    'Seniority',
    (l) => l.listContactSeniorities(),
    (s) => ({
      id: String(s.id),
      // Spelled as every output spells it ("VP", "C-Suite"), so the choice and the result agree.
      label: seniorityLabel(s.name) ?? String(s.name),
      aliases: [s.name],
      wire: Number(s.id),
    }),
  ),
  data_points: list(
    'Data Point',
    (l) => l.listContactDataPoints(),
    (p) => ({ id: p, label: titleCase(p), aliases: [titleCase(p)], wire: p }),
  ),
  countries: list(
    'Country',
    (l) => l.listContactCountries(),
    (c) => ({
      id: c.code ?? c.name,
      label: c.name,
      aliases: [c.name],
      wire: c.code ?? c.name,
    }),
  ),
  contact_locations: search(
    'Contact Location',
    'contact_location_search',
    (l, t) => l.searchContactLocations(t),
    locationChoice,
    LINE_OR_SEMICOLON,
  ),
  company_names: search(
    'Company Name',
    'company_name_search',
    (l, t) => l.searchCompanyNames(t),
    (c) => ({ id: c.name, label: c.fqdn ? `${c.name} (${c.fqdn})` : c.name, wire: c.name }),
    LINE_OR_SEMICOLON,
  ),
  industries: list('Industry', (l) => l.listCompanyIndustries(), industryChoice, LINE_OR_SEMICOLON),
  sub_industries: list('Sub-Industry', (l) => l.listCompanyIndustries(), subIndustryChoices, LINE_OR_SEMICOLON),
  sizes: list('Company Size', (l) => l.listCompanySizes(), rangeChoice(formatCount, ' employees'), LINE_OR_SEMICOLON),
  revenues: list('Revenue Range', (l) => l.listCompanyRevenues(), rangeChoice(money, ''), LINE_OR_SEMICOLON),
  company_locations: search(
    'Company Location',
    'company_location_search',
    (l, t) => l.searchCompanyLocations(t),
    locationChoice,
    LINE_OR_SEMICOLON,
  ),
  technologies: search(
    'Technology',
    'technology_search',
    (l, t) => l.searchCompanyTechnologies(t),
    (t) => same(t.name),
  ),
  intent_topics: list('Intent Topic', (l) => l.listCompanyIntentTopics(), same),
  sic_codes: list('SIC Code', (l) => l.listCompanySics(), codeChoice, LINE_OR_SEMICOLON),
  naics_codes: list('NAICS Code', (l) => l.listCompanyNaics(), codeChoice, LINE_OR_SEMICOLON),
} satisfies Record<string, FilterList>;

type Industry = {
  main_industry: string;
  main_industry_id: number | string;
  sub_industries?: { value: string; id: number | string }[] | null;
};

function industryChoice(i: Industry): FilterChoice {
  return {
    id: String(i.main_industry_id),
    label: i.main_industry,
    aliases: [i.main_industry],
    wire: Number(i.main_industry_id),
  };
}

/** Sub-industries are labelled with their industry: "Technology, Information & Media: Software Development". */
function subIndustryChoices(i: Industry): FilterChoice[] {
  return (i.sub_industries ?? []).map((s) => {
    const label = `${i.main_industry}: ${s.value}`;
    return { id: String(s.id), label, aliases: [label], wire: Number(s.id) };
  });
}

function codeChoice(entry: { code: string | number; label?: string | null }): FilterChoice {
  const code = String(entry.code);
  return { id: code, label: entry.label ? `${code}: ${entry.label}` : code, wire: code };
}

export type FilterListName = keyof typeof FILTER_LISTS;
export const FILTER_LIST_NAMES = Object.keys(FILTER_LISTS) as FilterListName[];

/** The key of the hidden trigger that feeds the dropdown of list `name` (src/triggers/prospecting_filter_lists.ts). */
export const filterListTriggerKey = (name: FilterListName) => `filter_${name}`;

/** `dynamic` for a field that picks from `name`. */
export const dropdownFrom = (name: FilterListName) => `${filterListTriggerKey(name)}.id.label`;

// ------------------------------------------------------------------ caching

/** The per-account store Zapier offers (`z.cache`); its test double ignores TTLs. */
export interface ChoiceCache {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlSeconds?: number): Promise<unknown>;
}

export const CACHE_SECONDS = 24 * 60 * 60;
const CACHE_VERSION = 'v1';

interface CachedChoices {
  storedAt: number;
  choices: FilterChoice[];
}

/**
 * `load()` once a day per key: a cached answer younger than a day is reused (the timestamp
 * is checked here, since not every cache honours its TTL); a cache that fails is skipped.
 */
async function cached(
  cache: ChoiceCache,
  key: string,
  load: () => Promise<FilterChoice[]>,
  now: () => number,
): Promise<FilterChoice[]> {
  const hit = (await cache.get(key).catch(() => null)) as CachedChoices | null;
  if (
    hit &&
    typeof hit.storedAt === 'number' &&
    Array.isArray(hit.choices) &&
    now() - hit.storedAt < CACHE_SECONDS * 1000
  ) {
    return hit.choices;
  }
  const choices = await load();
  await cache.set(key, { storedAt: now(), choices } satisfies CachedChoices, CACHE_SECONDS).catch(() => null);
  return choices;
}

/** The normal form of a text for comparisons: lower case, single spaces. */
const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

export interface ListContext {
  lusha: LushaClient;
  cache: ChoiceCache;
  now?: () => number;
}

/**
 * The choices of a list: a whole list, or a search list's answer for `text` (none for an
 * empty text: Lusha only searches these lists by text).
 */
export async function choicesOf(ctx: ListContext, name: FilterListName, text?: string): Promise<FilterChoice[]> {
  const source: FilterList = FILTER_LISTS[name];
  const now = ctx.now ?? Date.now;
  if (source.kind === 'list') {
    return cached(ctx.cache, `lusha-filter-list:${CACHE_VERSION}:${name}`, () => source.load(ctx.lusha), now);
  }
  const query = norm(text ?? '');
  if (!query) return [];
  return cached(
    ctx.cache,
    `lusha-filter-search:${CACHE_VERSION}:${name}:${query}`,
    () => source.search(ctx.lusha, query),
    now,
  );
}

// ------------------------------------------------------------------ checking values

export type Resolution = { ok: true; choice: FilterChoice } | { ok: false; problem: string };

/** Finds `value` among `choices`: by id first, then by a unique alias; otherwise says why not. */
export function matchChoice(choices: readonly FilterChoice[], value: string, noun: string): Resolution {
  const wanted = norm(value);
  const byId = choices.find((c) => c.id === value) ?? choices.find((c) => norm(c.id) === wanted);
  if (byId) return { ok: true, choice: byId };
  const byAlias = choices.filter((c) => norm(c.label) === wanted || (c.aliases ?? []).some((a) => norm(a) === wanted));
  const distinct = [...new Map(byAlias.map((c) => [c.id, c])).values()];
  if (distinct.length === 1) return { ok: true, choice: distinct[0] as FilterChoice };
  if (distinct.length > 1) {
    const options = distinct
      .slice(0, 5)
      .map((c) => `"${c.id}"`)
      .join(', ');
    return {
      ok: false,
      problem:
        `"${value}" matches several ${noun} entries in Lusha ` +
        `(${options}${distinct.length > 5 ? ', ...' : ''}); choose one from the dropdown`,
    };
  }
  const hint =
    choices.length > 0 && choices.length <= 12
      ? ` (Lusha's list: ${choices.map((c) => c.label).join(', ')})`
      : '; choose one from the dropdown';
  return { ok: false, problem: `"${value}" is not in Lusha's list of ${noun} values${hint}` };
}

/** The text a search list is queried with to check a value: its first part ("Berlin" of "Berlin, Berlin, Germany"). */
function queryFor(value: string): string {
  return value.split(',')[0]?.trim() || value;
}

/**
 * Checks values chosen from (or mapped into) a list's field against Lusha's list and returns
 * the wire values, or one problem per bad value. Whole lists are loaded once (cached);
 * search lists are queried with each value's text (cached per text).
 */
export async function resolveValues(
  ctx: ListContext,
  name: FilterListName,
  values: readonly string[],
  fieldLabel: string,
): Promise<{ wire: WireValue[]; problems: string[] }> {
  const source: FilterList = FILTER_LISTS[name];
  const noun = source.noun.toLowerCase();
  const wire: WireValue[] = [];
  const problems: string[] = [];
  const whole = source.kind === 'list' && values.length > 0 ? await choicesOf(ctx, name) : [];
  for (const value of values) {
    const choices = source.kind === 'list' ? whole : await choicesOf(ctx, name, queryFor(value));
    const found = matchChoice(choices, value, noun);
    if (found.ok) wire.push(found.choice.wire);
    else problems.push(`${fieldLabel}: ${found.problem}`);
  }
  return { wire, problems };
}
