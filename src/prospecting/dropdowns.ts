/**
 * The prospecting filter dropdowns, as function-based dynamic choices (`choices: { perform }`
 * on the input field, zapier-platform-core 19): one perform per list in FILTER_LISTS, shared
 * by every field that picks from that list (include and exclude, contacts and companies).
 * They replace the 15 hidden `filter_<list>` triggers of 1.x, which existed only to feed these
 * dropdowns and made the app definition that core compiles on every invocation larger.
 *
 * - Search as you type: Zapier hands the perform the step's other field values in
 *   `bundle.inputData`, so a search list reads the builder's text from its companion field
 *   (`contact_location_search`, ...), as the triggers did.
 * - The day cache: the choices come from `choicesOf` (src/prospecting/filter-lists.ts),
 *   cached per list (and per text) for a day in `z.cache`.
 * - Paging: a long list comes back DROPDOWN_PAGE choices at a time, with Zapier's
 *   `paging_token` (the offset of the next page) until the last page (token null).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { withLusha } from '../zapier/lusha';
import { choicesOf, FILTER_LIST_NAMES, FILTER_LISTS, type FilterListName } from './filter-lists';

/** Choices per dropdown page. */
export const DROPDOWN_PAGE = 100;

export interface DropdownPage {
  results: Array<{ id: string; label: string }>;
  paging_token: string | null;
}

function dropdownPerform(name: FilterListName): (z: ZObject, bundle: Bundle) => Promise<DropdownPage> {
  const source = FILTER_LISTS[name];
  return withLusha(async (lusha, z, bundle) => {
    const text = source.kind === 'search' ? bundle.inputData?.[source.searchField] : undefined;
    const choices = await choicesOf({ lusha, cache: z.cache }, name, typeof text === 'string' ? text : undefined);
    const unique = [...new Map(choices.map((c) => [c.id, { id: c.id, label: c.label }])).values()];
    const token = Number((bundle.meta as { paging_token?: unknown } | undefined)?.paging_token ?? 0);
    const offset = Number.isInteger(token) && token > 0 ? token : 0;
    const next = offset + DROPDOWN_PAGE;
    return { results: unique.slice(offset, next), paging_token: next < unique.length ? String(next) : null };
  });
}

/** The dropdown of each list: the `choices` of every field that picks from it. */
export const DROPDOWNS = Object.fromEntries(
  FILTER_LIST_NAMES.map((name) => [name, { perform: dropdownPerform(name) }]),
) as Record<FilterListName, { perform: (z: ZObject, bundle: Bundle) => Promise<DropdownPage> }>;
