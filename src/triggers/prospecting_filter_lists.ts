/**
 * The hidden triggers behind every prospecting filter dropdown, one per list in
 * FILTER_LISTS (src/prospecting/filter-lists.ts), all built by one factory: a filter field
 * points at its list with `dynamic: 'filter_<list>.id.label'`.
 *
 * Why hidden triggers rather than core 19's `choices: { perform }`: they are Zapier's
 * long-established, documented dropdown mechanism, Zapier hands them the step's other field
 * values in `bundle.inputData` (which is what lets the search-as-you-type lists read the
 * builder's text from a companion field), and one trigger serves every field (include and
 * exclude, contacts and companies) that uses the same list.
 */
import { defineTrigger } from 'zapier-platform-core';
import {
  choicesOf,
  FILTER_LIST_NAMES,
  FILTER_LISTS,
  filterListTriggerKey,
  type FilterListName,
} from '../prospecting/filter-lists';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

function filterListTrigger(name: FilterListName) {
  const source = FILTER_LISTS[name];
  return defineTrigger({
    key: filterListTriggerKey(name),
    noun: source.noun,
    display: {
      label: `${source.noun} Choices`,
      description:
        source.kind === 'search'
          ? `Lists Lusha's ${source.noun.toLowerCase()} values matching the text in the search field, for the ` +
            `prospecting dropdowns.`
          : `Lists Lusha's ${source.noun.toLowerCase()} values for the prospecting dropdowns.`,
      hidden: true,
    },
    operation: {
      perform: withLusha(async (lusha, z, bundle) => {
        const text = source.kind === 'search' ? bundle.inputData?.[source.searchField] : undefined;
        const choices = await choicesOf({ lusha, cache: z.cache }, name, typeof text === 'string' ? text : undefined);
        const unique = new Map(choices.map((c) => [c.id, { id: c.id, label: c.label }]));
        return [...unique.values()];
      }),
      sample: { id: 'example', label: `Example ${source.noun}` },
      outputFields: [
        { key: 'id', label: 'ID', type: 'string' },
        { key: 'label', label: 'Label', type: 'string' },
      ],
    },
  });
}

export const filterListTriggers = FILTER_LIST_NAMES.map(filterListTrigger);

export const contract: OperationContract = {
  endpoints: [
    'GET /prospecting/filters/contacts/departments',
    'GET /prospecting/filters/contacts/seniority',
    'GET /prospecting/filters/contacts/existing_data_points',
    'GET /prospecting/filters/contacts/all_countries',
    'POST /prospecting/filters/contacts/locations',
    'POST /prospecting/filters/companies/names',
    'GET /prospecting/filters/companies/industries_labels',
    'GET /prospecting/filters/companies/sizes',
    'GET /prospecting/filters/companies/revenues',
    'POST /prospecting/filters/companies/locations',
    'GET /prospecting/filters/companies/sics',
    'GET /prospecting/filters/companies/naics',
    'GET /prospecting/filters/companies/intent_topics',
    'POST /prospecting/filters/companies/technologies',
  ],
  credits: 'None: filter lists are free. Whole lists are cached for a day; search answers per text for a day.',
  errors: [],
};
