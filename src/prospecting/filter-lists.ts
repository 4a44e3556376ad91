/**
 * Lusha's prospecting filter lists, in ONE place: for each list, the V3 filter type its values
 * come from (`GET /v3/{contacts|companies}/prospecting/filters/{filterType}`) and how one
 * value becomes a dropdown choice `{id, label}` plus the value the V3 search body wants
 * (`wire`: an id where V3 wants ids, e.g. `seniorityIds`, a name where it wants names).
 * Everything else is derived from this table: the dropdowns
 * (src/prospecting/dropdowns.ts), the check of every chosen or mapped value
 * before a search, and the caching. Adding a filter list is one entry in FILTER_LISTS.
 *
 * Two kinds of list:
 * - `list`: a whole list V3 serves without a query (departments, sizes, NAICS...). Loaded
 *   once and cached for a day.
 * - `search`: lists V3 only serves for a query of 2 to 256 characters (locations,
 *   technologies, company names). The dropdown queries Lusha with what the builder typed in
 *   the list's companion "search" field; a value is checked at run time by querying Lusha
 *   with the value itself. Each (list, text) answer is cached for a day too.
 *
 * Lusha's spec gives these endpoints no billing note and their answers carry no bill: nothing
 * here is charged.
 */
import type { LushaClient, V3CompanyFilterType, V3ContactFilterType, V3Location } from '../lusha/client';
import { firstText, formatCount, seniorityLabel, titleCase } from '../shared/values';

/** What goes into the search body for one chosen value. */
export type WireValue = string | number | { min?: number; max?: number } | V3Location;

export interface FilterChoice {
  /** The value stored in the Zap (readable: it is what a builder sees when mapping). */
  id: string;
  label: string;
  /** Other spellings that identify this entry when typed or mapped (a name, a code, a label). */
  aliases?: string[];
  wire: WireValue;
}

/** Where a list's values come from: a V3 filter type of contact or company prospecting. */
type ValuesOf = { side: 'contacts'; type: V3ContactFilterType } | { side: 'companies'; type: V3CompanyFilterType };

const contacts = (type: V3ContactFilterType): ValuesOf => ({ side: 'contacts', type });
const companies = (type: V3CompanyFilterType): ValuesOf => ({ side: 'companies', type });

/** `GET /v3/{side}/prospecting/filters/{type}` (with `query` for the search lists): its `values`. */
function valuesOf(lusha: LushaClient, from: ValuesOf, query?: string): Promise<unknown[]> {
  return from.side === 'contacts'
    ? lusha.getContactFilterValues(from.type, query)
    : lusha.getCompanyFilterValues(from.type, query);
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
  /** Singular noun for messages and the dropdown ("Department"). */
  noun: string;
  /** The V3 endpoint, for the contract: "GET /v3/contacts/prospecting/filters/departments". */
  endpoint: string;
  /** How a mapped text splits into several values (ids containing commas use new lines or ";"). */
  separator: RegExp;
};

const COMMA_OR_LINE = /[,\n]/;
/** For lists whose names contain commas ("Technology, Information & Media", "10,001+ employees"). */
const LINE_OR_SEMICOLON = /[\n;]/;

type ToChoices = (entry: unknown) => FilterChoice | FilterChoice[] | undefined;

const choicesFrom = (entries: unknown[], toChoices: ToChoices): FilterChoice[] =>
  entries.flatMap((entry) => toChoices(entry) ?? []);

const endpointOf = (from: ValuesOf) => `GET /v3/${from.side}/prospecting/filters/${from.type}`;

/** A whole list, each value mapped to zero or more choices. */
function list(noun: string, from: ValuesOf, toChoices: ToChoices, separator = COMMA_OR_LINE): FilterList {
  return {
    kind: 'list',
    noun,
    endpoint: endpointOf(from),
    separator,
    load: async (lusha) => choicesFrom(await valuesOf(lusha, from), toChoices),
  };
}

/** A list Lusha serves only for a query, with the companion field the dropdown reads the text from. */
function search(
  noun: string,
  searchField: string,
  from: ValuesOf,
  toChoices: ToChoices,
  separator = COMMA_OR_LINE,
): FilterList {
  return {
    kind: 'search',
    noun,
    endpoint: `${endpointOf(from)}?query=`,
    searchField,
    separator,
    search: async (lusha, text) => choicesFrom(await valuesOf(lusha, from, text), toChoices),
  };
}

type Entry = Record<string, unknown>;
const isEntry = (value: unknown): value is Entry => value !== null && typeof value === 'object';
/** A value's text: the value itself, or its `name` / `value` when V3 sends an object. */
const textOf = (value: unknown): string | null =>
  isEntry(value) ? firstText(value.name, value.value, value.label) : firstText(value);
const numberOf = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

const same = (entry: unknown): FilterChoice | undefined => {
  const value = textOf(entry);
  return value ? { id: value, label: value, wire: value } : undefined;
};

const number = (value: number | undefined): string => (value === undefined ? '' : String(value));

/** "1-10", "10001-" (open-ended): the id of a range; its wire value is `{min, max}` as Lusha listed it. */
function rangeChoice(unit: (n: number) => string, suffix: string) {
  return (entry: unknown): FilterChoice | undefined => {
    if (!isEntry(entry)) return undefined;
    const min = numberOf(entry.min);
    const max = numberOf(entry.max);
    if (min === undefined && max === undefined) return undefined;
    const wire: { min?: number; max?: number } = {};
    if (min !== undefined) wire.min = min;
    if (max !== undefined) wire.max = max;
    const label =
      min !== undefined && max !== undefined
        ? `${unit(min)}–${unit(max)}${suffix}`
        : min !== undefined
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

/** The `V3Location` keys, with the snake_case spellings Lusha's older answers used. */
const LOCATION_KEYS: ReadonlyArray<[keyof V3Location, string[]]> = [
  ['continent', []],
  ['countryGrouping', ['country_grouping']],
  ['country', []],
  ['countryIso2', ['country_iso2']],
  ['region', []],
  ['state', []],
  ['city', []],
];

/**
 * A location as V3 lists it (a `V3Location`: continent, country, state, city...): its id names
 * it from the most specific part ("Berlin, Berlin, Germany", "Germany", "Europe"), its wire
 * value is the `V3Location` as Lusha sent it, and its most specific name is an alias (so a
 * mapped "Berlin" finds it when unambiguous).
 */
function locationChoice(entry: unknown): FilterChoice | undefined {
  if (!isEntry(entry)) return undefined;
  const wire: V3Location = {};
  for (const [key, others] of LOCATION_KEYS) {
    const value = firstText(entry[key], ...others.map((other) => entry[other]));
    if (value) wire[key] = value;
  }
  const parts = [wire.city, wire.state, wire.country].filter((p): p is string => Boolean(p));
  const id = parts.length > 0 ? parts.join(', ') : wire.continent;
  if (!id) return undefined;
  return { id, label: id, aliases: [parts[0] ?? id], wire };
}

/** A seniority as V3 lists it (`{id, name}`): stored by its id, sent as `seniorityIds`. */
function seniorityChoice(entry: unknown): FilterChoice | undefined {
  if (!isEntry(entry)) return undefined;
  const id = numberOf(entry.id);
  const name = firstText(entry.name, entry.value);
  if (id === undefined || !name) return undefined;
  // Spelled as every output spells it ("VP", "C-Suite"), so the choice and the result agree.
  return { id: String(id), label: seniorityLabel(name) ?? name, aliases: [name], wire: id };
}

function dataPointChoice(entry: unknown): FilterChoice | undefined {
  const point = textOf(entry);
  return point ? { id: point, label: titleCase(point), aliases: [titleCase(point)], wire: point } : undefined;
}

/** A country (`{name, code}`): stored and sent by its code, as V3's `countries` filter wants. */
function countryChoice(entry: unknown): FilterChoice | undefined {
  const name = textOf(entry);
  const code = isEntry(entry) ? firstText(entry.code, entry.countryIso2) : null;
  const id = code ?? name;
  if (!id) return undefined;
  return { id, label: name ?? id, aliases: [name ?? id], wire: id };
}

/** A company (`{id, name, domain}`): stored and sent by its name (V3's `names` filter). */
function companyNameChoice(entry: unknown): FilterChoice | undefined {
  const name = textOf(entry);
  if (!name) return undefined;
  const domain = isEntry(entry) ? firstText(entry.domain, entry.fqdn) : null;
  return { id: name, label: domain ? `${name} (${domain})` : name, wire: name };
}

/** An industry of `industriesLabels`: `{main_industry, main_industry_id, sub_industries: [{value, id}]}`. */
interface Industry {
  name: string;
  id: number;
  subs: Array<{ name: string; id: number }>;
}

function industryOf(entry: unknown): Industry | undefined {
  if (!isEntry(entry)) return undefined;
  const name = firstText(entry.main_industry, entry.mainIndustry, entry.name);
  const id = numberOf(entry.main_industry_id ?? entry.mainIndustryId ?? entry.id);
  if (!name || id === undefined) return undefined;
  const rawSubs = entry.sub_industries ?? entry.subIndustries;
  const subs = (Array.isArray(rawSubs) ? rawSubs : []).flatMap((sub: unknown) => {
    if (!isEntry(sub)) return [];
    const subName = firstText(sub.value, sub.name);
    const subId = numberOf(sub.id);
    return subName && subId !== undefined ? [{ name: subName, id: subId }] : [];
  });
  return { name, id, subs };
}

/** A main industry: stored by its id, sent as `mainIndustriesIds`. */
function industryChoice(entry: unknown): FilterChoice | undefined {
  const industry = industryOf(entry);
  if (!industry) return undefined;
  return { id: String(industry.id), label: industry.name, aliases: [industry.name], wire: industry.id };
}

/** Sub-industries are labelled with their industry: "Technology, Information & Media: Software Development". */
function subIndustryChoices(entry: unknown): FilterChoice[] {
  const industry = industryOf(entry);
  return (industry?.subs ?? []).map((sub) => {
    const label = `${industry?.name}: ${sub.name}`;
    return { id: String(sub.id), label, aliases: [label], wire: sub.id };
  });
}

/** A SIC or NAICS code (`{code, label}`): stored and sent as the code. */
function codeChoice(entry: unknown): FilterChoice | undefined {
  const code = isEntry(entry) ? firstText(entry.code) : firstText(entry);
  if (!code) return undefined;
  const label = isEntry(entry) ? firstText(entry.label, entry.description) : null;
  return { id: code, label: label ? `${code}: ${label}` : code, wire: code };
}

/** Every filter list, keyed by the name the dropdowns and the filter fields use. */
export const FILTER_LISTS = {
  departments: list('Department', contacts('departments'), same),
  seniority: list('Seniority', contacts('seniority'), seniorityChoice),
  data_points: list('Data Point', contacts('existingDataPoints'), dataPointChoice),
  countries: list('Country', contacts('countries'), countryChoice),
  contact_locations: search(
    'Contact Location',
    'contact_location_search',
    contacts('locations'),
    locationChoice,
    LINE_OR_SEMICOLON,
  ),
  company_names: search(
    'Company Name',
    'company_name_search',
    companies('names'),
    companyNameChoice,
    LINE_OR_SEMICOLON,
  ),
  industries: list('Industry', companies('industriesLabels'), industryChoice, LINE_OR_SEMICOLON),
  sub_industries: list('Sub-Industry', companies('industriesLabels'), subIndustryChoices, LINE_OR_SEMICOLON),
  sizes: list('Company Size', companies('sizes'), rangeChoice(formatCount, ' employees'), LINE_OR_SEMICOLON),
  revenues: list('Revenue Range', companies('revenues'), rangeChoice(money, ''), LINE_OR_SEMICOLON),
  company_locations: search(
    'Company Location',
    'company_location_search',
    companies('locations'),
    locationChoice,
    LINE_OR_SEMICOLON,
  ),
  technologies: search('Technology', 'technology_search', companies('technologies'), same),
  intent_topics: list('Intent Topic', companies('intentTopics'), same),
  sic_codes: list('SIC Code', companies('sics'), codeChoice, LINE_OR_SEMICOLON),
  naics_codes: list('NAICS Code', companies('naics'), codeChoice, LINE_OR_SEMICOLON),
} satisfies Record<string, FilterList>;

export type FilterListName = keyof typeof FILTER_LISTS;
export const FILTER_LIST_NAMES = Object.keys(FILTER_LISTS) as FilterListName[];

// ------------------------------------------------------------------ caching

/** The per-account store Zapier offers (`z.cache`); its test double ignores TTLs. */
export interface ChoiceCache {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlSeconds?: number): Promise<unknown>;
}

export const CACHE_SECONDS = 24 * 60 * 60;
/** v2: the V3 values (V3Location keys, seniority and industry ids as numbers); v1 held V2's. */
const CACHE_VERSION = 'v2';

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

/** V3 serves the search lists for a query of 2 to 256 characters. */
export const QUERY_MIN = 2;
const QUERY_MAX = 256;

/**
 * The query a text is looked up with: normalized, without curly braces, at most 256 characters.
 * The query goes in a GET's query string, which core's z.request parses into params and reads
 * "{{bundle.…}}" in as its own template syntax (it would drop or fill it in); no list value
 * holds a curly brace, so dropping them changes no answer.
 */
const queryText = (text: string) => norm(text.replace(/[{}]/g, ' ')).slice(0, QUERY_MAX);

/**
 * The choices of a list: a whole list, or a search list's answer for `text` (none for a text
 * shorter than 2 characters: V3 serves these lists only for a query).
 */
export async function choicesOf(ctx: ListContext, name: FilterListName, text?: string): Promise<FilterChoice[]> {
  const source: FilterList = FILTER_LISTS[name];
  const now = ctx.now ?? Date.now;
  if (source.kind === 'list') {
    return cached(ctx.cache, `lusha-filter-list:${CACHE_VERSION}:${name}`, () => source.load(ctx.lusha), now);
  }
  const query = queryText(text ?? '');
  if (query.length < QUERY_MIN) return [];
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
    if (source.kind === 'search' && queryText(queryFor(value)).length < QUERY_MIN) {
      problems.push(`${fieldLabel}: "${value}" is too short to look up in Lusha (at least ${QUERY_MIN} characters)`);
      continue;
    }
    const choices = source.kind === 'list' ? whole : await choicesOf(ctx, name, queryFor(value));
    const found = matchChoice(choices, value, noun);
    if (found.ok) wire.push(found.choice.wire);
    else problems.push(`${fieldLabel}: ${found.problem}`);
  }
  return { wire, problems };
}
