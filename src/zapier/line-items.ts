/**
 * Records as Zapier line items. A line item must be flat: Zapier cannot show a list inside a
 * line item (it would become a line item of a line item). So, inside a line item:
 * - a list of texts becomes one text joined with ", " ("Sales, Marketing");
 * - a list of entries (a person's emails or phones) becomes the joined list of each entry's
 *   first field (the addresses, the numbers): the best one already has fields of its own.
 *   An entry flagged do-not-call keeps its flag in words: "+1 617-555-0100 (do not call)",
 *   so a number on a do-not-call list never reaches a line item unmarked.
 * Field keys stay those of the record, so a mapping reads the same everywhere.
 */
import type { OutputField } from './fields';

export type LineItemValue = string | number | boolean | null;

/** What marks an entry flagged `doNotCall` (a phone on a do-not-call list) in a line item. */
export const DO_NOT_CALL_MARK = ' (do not call)';

/** One entry of a list as text: a plain value as is, an entry by its first field (and its do-not-call flag). */
function entryText(entry: unknown): string | null {
  if (entry === null || entry === undefined || entry === '') return null;
  if (typeof entry !== 'object') return String(entry);
  const first = Object.values(entry)[0];
  if (first === null || first === undefined || first === '') return null;
  return (entry as { doNotCall?: unknown }).doNotCall === true ? `${String(first)}${DO_NOT_CALL_MARK}` : String(first);
}

function flatten(value: unknown): LineItemValue {
  if (Array.isArray(value)) {
    const texts = value.map(entryText).filter((text): text is string => text !== null);
    return texts.length > 0 ? texts.join(', ') : null;
  }
  if (value === undefined) return null;
  return value as LineItemValue;
}

/** The record with every list joined into text. */
export function toLineItem(record: object): Record<string, LineItemValue> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, flatten(value)]));
}

/** The output fields of a record as line-item children: lists become text fields. */
export function lineItemFields(fields: readonly OutputField[]): OutputField[] {
  return fields.map(({ key, label, type, list, children }) =>
    list || children ? { key, label, type: 'string' as const } : { key, label, ...(type ? { type } : {}) },
  );
}

/** An output field holding line items: `parentKey` with the record's flattened fields as children. */
export function lineItemsField(parentKey: string, label: string, fields: readonly OutputField[]): OutputField {
  return { key: parentKey, label, children: lineItemFields(fields) };
}
