/**
 * The prospecting filters as Zap fields, and their reading into V3 prospecting's `filters`.
 * One table (CONTACT_FILTERS, COMPANY_FILTERS) says, per filter: its field, the Lusha key it
 * fills, where its values come from (a Lusha list, or free text), and whether it also has an
 * "Exclude ..." field. The input fields, the checks and the request body all come from it.
 *
 * Reading happens in two steps, so that bad input never reaches a search:
 * 1. `readFilterInputs` (no network): splits lists, checks domains and text, and says when no
 *    filter is set at all;
 * 2. `resolveFilters` (unbilled, cached list calls): checks every value against Lusha's lists and
 *    builds the body. Both report every problem at once.
 */
import type { V3CompanyFilters, V3ContactFilters } from '../lusha/client';
import { readDomain, readList, type Parsed } from '../shared/readers';
import type { PlainInputField } from '../zapier/fields';
import { formatCount } from '../shared/values';
import { DROPDOWNS } from './dropdowns';
import { FILTER_LISTS, resolveValues, type FilterListName, type ListContext, type WireValue } from './filter-lists';

type Side = 'contacts' | 'companies';

export interface FilterSpec {
  /** The include field's key; its exclude field is `exclude_<key>`. */
  key: string;
  label: string;
  helpText: string;
  side: Side;
  /** The key in V3's contact or company filter criteria (`V3ContactFilterCriteria`, `V3CompanyFilterCriteria`). */
  wireKey: keyof V3ContactFilters | keyof V3CompanyFilters;
  /** A Lusha list (a dropdown, checked against Lusha), or free text of a kind. */
  source: { list: FilterListName } | { text: 'job_title' | 'domain' };
  excludable?: boolean;
}

export const CONTACT_FILTERS: FilterSpec[] = [
  {
    key: 'job_titles',
    label: 'Job Titles',
    side: 'contacts',
    wireKey: 'jobTitles',
    source: { text: 'job_title' },
    excludable: true,
    helpText:
      'Job titles to look for, one per entry (e.g. "VP Sales", "Head of Sales"). ' +
      'Lusha matches titles that contain them.',
  },
  {
    key: 'departments',
    label: 'Departments',
    side: 'contacts',
    wireKey: 'departments',
    source: { list: 'departments' },
    excludable: true,
    helpText: "Departments from Lusha's list.",
  },
  {
    key: 'seniority',
    label: 'Seniority',
    side: 'contacts',
    wireKey: 'seniorityIds',
    source: { list: 'seniority' },
    excludable: true,
    helpText: 'Seniority levels (Founder, C-Suite, VP, Director, Manager...).',
  },
  {
    key: 'countries',
    label: 'Contact Countries',
    side: 'contacts',
    wireKey: 'countries',
    source: { list: 'countries' },
    excludable: true,
    helpText: 'Countries the contacts are based in.',
  },
  {
    key: 'contact_locations',
    label: 'Contact Locations',
    side: 'contacts',
    wireKey: 'locations',
    source: { list: 'contact_locations' },
    excludable: true,
    helpText:
      'Cities, states, countries or continents the contacts are based in. Type in **Contact Location Search** first; ' +
      'the dropdown lists what Lusha finds for that text.',
  },
  {
    key: 'data_points',
    label: 'Must Have Data',
    side: 'contacts',
    wireKey: 'existingDataPoints',
    source: { list: 'data_points' },
    helpText:
      'Only contacts for whom Lusha has all of these (e.g. Work Email, Mobile Phone). Revealing them costs credits ' +
      '(see Reveal Contact Details).',
  },
];

export const COMPANY_FILTERS: FilterSpec[] = [
  {
    key: 'company_names',
    label: 'Company Names',
    side: 'companies',
    wireKey: 'names',
    source: { list: 'company_names' },
    excludable: true,
    helpText:
      'Companies by name. Type in **Company Name Search** first; the dropdown lists what Lusha finds for that text.',
  },
  {
    key: 'company_domains',
    label: 'Company Domains',
    side: 'companies',
    wireKey: 'domains',
    source: { text: 'domain' },
    excludable: true,
    helpText: 'Company website domains, e.g. acme.com (a URL or an email address works too).',
  },
  {
    key: 'industries',
    label: 'Industries',
    side: 'companies',
    wireKey: 'mainIndustriesIds',
    source: { list: 'industries' },
    excludable: true,
    helpText: "Main industries from Lusha's list.",
  },
  {
    key: 'sub_industries',
    label: 'Sub-Industries',
    side: 'companies',
    wireKey: 'subIndustriesIds',
    source: { list: 'sub_industries' },
    excludable: true,
    helpText: "Sub-industries from Lusha's list (shown as Industry: Sub-Industry).",
  },
  {
    key: 'company_sizes',
    label: 'Company Sizes',
    side: 'companies',
    wireKey: 'sizes',
    source: { list: 'sizes' },
    helpText: "Employee-count ranges from Lusha's list, e.g. 51–200 employees.",
  },
  {
    key: 'company_revenues',
    label: 'Company Revenues',
    side: 'companies',
    wireKey: 'revenues',
    source: { list: 'revenues' },
    helpText: "Yearly revenue ranges (USD) from Lusha's list.",
  },
  {
    key: 'company_locations',
    label: 'Company Locations',
    side: 'companies',
    wireKey: 'locations',
    source: { list: 'company_locations' },
    excludable: true,
    helpText:
      'Where the companies are headquartered. Type in **Company Location Search** first; the dropdown lists what ' +
      'Lusha finds for that text.',
  },
  {
    key: 'technologies',
    label: 'Technologies',
    side: 'companies',
    wireKey: 'technologies',
    source: { list: 'technologies' },
    excludable: true,
    helpText:
      'Technologies the companies use. Type in **Technology Search** first; the dropdown lists what Lusha finds for ' +
      'that text.',
  },
  {
    key: 'intent_topics',
    label: 'Intent Topics',
    side: 'companies',
    wireKey: 'intentTopics',
    source: { list: 'intent_topics' },
    helpText: 'Topics the companies are researching (buyer intent).',
  },
  {
    key: 'sic_codes',
    label: 'SIC Codes',
    side: 'companies',
    wireKey: 'sicCodes',
    source: { list: 'sic_codes' },
    helpText: 'Standard Industrial Classification codes.',
  },
  {
    key: 'naics_codes',
    label: 'NAICS Codes',
    side: 'companies',
    wireKey: 'naicsCodes',
    source: { list: 'naics_codes' },
    helpText: 'North American Industry Classification System codes.',
  },
];

/**
 * Values of the lists Lusha searches by text (locations, technologies, company names) one step may use: each costs a
 * lookup.
 */
export const MAX_LOOKED_UP_VALUES = 25;

export const FILTER_GROUPS = [
  { key: 'contact_filters', label: 'Contact Filters', emphasize: true },
  { key: 'company_filters', label: 'Company Filters', emphasize: true },
  { key: 'exclusions', label: 'Exclusions' },
  { key: 'results', label: 'Results and Credits' },
];

const excludeKey = (spec: FilterSpec) => `exclude_${spec.key}`;

/** The input fields of a set of filters: companion search fields, include fields, then exclude fields. */
export function filterInputFields(specs: readonly FilterSpec[]): PlainInputField[] {
  const fields: PlainInputField[] = [];
  const searchFieldsAdded = new Set<string>();
  const group = (spec: FilterSpec) => (spec.side === 'contacts' ? 'contact_filters' : 'company_filters');
  const valueField = (
    spec: FilterSpec,
    key: string,
    label: string,
    helpText: string,
    fieldGroup: string,
  ): PlainInputField => ({
    key,
    label,
    helpText,
    list: true,
    required: false,
    group: fieldGroup,
    type: 'string',
    ...('list' in spec.source ? { choices: DROPDOWNS[spec.source.list] } : {}),
  });
  for (const spec of specs) {
    if ('list' in spec.source) {
      const source = FILTER_LISTS[spec.source.list];
      if (source.kind === 'search' && !searchFieldsAdded.has(source.searchField)) {
        searchFieldsAdded.add(source.searchField);
        fields.push({
          key: source.searchField,
          label: `${source.noun} Search`,
          type: 'string',
          required: false,
          group: group(spec),
          helpText:
            `Text to look up ${source.noun.toLowerCase()} values in Lusha (e.g. the first letters of a name). ` +
            'The dropdowns below list what Lusha finds for it; change the text and refresh the dropdown to pick ' +
            'more. Not itself a filter.',
        });
      }
    }
    fields.push(valueField(spec, spec.key, spec.label, spec.helpText, group(spec)));
  }
  for (const spec of specs.filter((s) => s.excludable)) {
    fields.push(
      valueField(
        spec,
        excludeKey(spec),
        `Exclude ${spec.label}`,
        `Leave out results matching any of these. ${spec.helpText}`,
        'exclusions',
      ),
    );
  }
  return fields;
}

/** One filter's values as read from the step, before Lusha's lists are consulted. */
interface ReadFilter {
  spec: FilterSpec;
  label: string;
  exclude: boolean;
  values: string[];
}

export interface FilterInputs {
  filters: ReadFilter[];
  problems: string[];
  /** False when the values are too many to look up in one step: none is looked up, and the problem says why. */
  lookUp: boolean;
}

function readValues(spec: FilterSpec, value: unknown, label: string): Parsed<string[]> {
  if ('list' in spec.source) return readList(value, label, FILTER_LISTS[spec.source.list].separator);
  if (spec.source.text === 'job_title') return readList(value, label, /\n/);
  const entries = readList(value, label);
  if (!entries.ok) return entries;
  const domains: string[] = [];
  const problems: string[] = [];
  for (const entry of entries.value) {
    const domain = readDomain(entry, label);
    if (!domain.ok) problems.push(domain.problem);
    else if (domain.value) domains.push(domain.value);
  }
  return problems.length > 0 ? { ok: false, problem: problems.join('\n') } : { ok: true, value: domains };
}

/** Step 1 (no network): the values of every filter field, and every local problem. */
export function readFilterInputs(inputData: Record<string, unknown>, specs: readonly FilterSpec[]): FilterInputs {
  const filters: ReadFilter[] = [];
  const problems: string[] = [];
  let anyIncludeProblem = false;
  for (const spec of specs) {
    const sides: [string, string, boolean][] = [[spec.key, spec.label, false]];
    if (spec.excludable) sides.push([excludeKey(spec), `Exclude ${spec.label}`, true]);
    for (const [key, label, exclude] of sides) {
      const read = readValues(spec, inputData[key], label);
      if (!read.ok) {
        problems.push(...read.problem.split('\n'));
        anyIncludeProblem ||= !exclude;
      } else if (read.value.length > 0) filters.push({ spec, label, exclude, values: [...new Set(read.value)] });
    }
  }
  // Values of the search-as-you-type lists are each checked with a Lusha call of their own:
  // thousands of them would run the step out of time on every retry.
  const lookedUp = filters.filter((f) => 'list' in f.spec.source && FILTER_LISTS[f.spec.source.list].kind === 'search');
  const lookups = lookedUp.reduce((sum, f) => sum + f.values.length, 0);
  if (lookups > MAX_LOOKED_UP_VALUES) {
    problems.push(
      `${lookedUp.map((f) => f.label).join(', ')} hold ${formatCount(lookups)} values together; at most ` +
        `${MAX_LOOKED_UP_VALUES} per step, since Lusha checks each one before the search: keep the ones you need, or ` +
        `split the search`,
    );
  }
  if (!anyIncludeProblem && !filters.some((f) => !f.exclude)) {
    problems.push(
      'Set at least one filter (for example Job Titles, Departments, Industries or Company Locations): ' +
        'a search without filters would list all of Lusha.',
    );
  }
  return { filters, problems, lookUp: lookups <= MAX_LOOKED_UP_VALUES };
}

export interface SearchFilters {
  contacts?: { include?: V3ContactFilters; exclude?: V3ContactFilters };
  companies?: { include?: V3CompanyFilters; exclude?: V3CompanyFilters };
}

/** Step 2 (unbilled list calls): every value checked against Lusha's lists, and the `filters` body. */
export async function resolveFilters(
  ctx: ListContext,
  inputs: FilterInputs,
): Promise<{ filters: SearchFilters; problems: string[] }> {
  const filters: Record<string, Record<string, Record<string, WireValue[] | string[]>>> = {};
  const problems: string[] = [];
  for (const filter of inputs.filters) {
    const { spec } = filter;
    let wire: WireValue[] = filter.values;
    if ('list' in spec.source && inputs.lookUp) {
      const resolved = await resolveValues(ctx, spec.source.list, filter.values, filter.label);
      problems.push(...resolved.problems);
      wire = resolved.wire;
    }
    const part = filter.exclude ? 'exclude' : 'include';
    const side = (filters[spec.side] ??= {});
    (side[part] ??= {})[spec.wireKey] = wire;
  }
  return { filters: filters as SearchFilters, problems };
}
