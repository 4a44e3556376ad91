/**
 * No Zap may notice an upgrade: every input and output key of version 1.x (the snapshot in
 * test/fixtures/surface-1.x.json, taken from the app definition before the move to Lusha V3)
 * is still there with the same type, and no input has become required. New operations, keys
 * and optional inputs are allowed. The samples are held to the same keys and types, since
 * Zapier shows them to builders as what the step returns.
 */
import { breakingChanges, surfaceOf, type Surface } from '../../scripts/surface';
import snapshot from '../fixtures/surface-1.x.json';
import { App } from '../support/zapier';

const before = snapshot as Surface;

it('keeps every input and output key of 1.x, with its type', () => {
  expect(breakingChanges(before, surfaceOf(App))).toEqual([]);
});

it('detects a key that disappears, changes type or becomes required', () => {
  const after: Surface = JSON.parse(JSON.stringify(before));
  const person = after['searches/find_person']!;
  delete person.outputs.email;
  person.outputs.fullName = { type: 'integer' };
  person.inputs.email = { type: 'string', required: true };
  person.inputs.brand_new = { type: 'string', required: true };
  expect(breakingChanges(before, after).sort()).toEqual(
    [
      'searches/find_person: input "email" became required',
      'searches/find_person: new input "brand_new" is required',
      'searches/find_person: outputs key "fullName" changed type string → integer',
      'searches/find_person: outputs key "email" is gone',
    ].sort(),
  );
});

/** The JavaScript type a value of Zapier field type `type` has in an output. */
const JS_TYPES: Record<string, string> = {
  string: 'string',
  text: 'string',
  datetime: 'string',
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
};

type Sample = Record<string, unknown>;

function samplesOf(kind: string, key: string): Sample {
  const ops = App[kind as 'triggers' | 'searches' | 'creates'] as Record<string, { operation: { sample?: Sample } }>;
  return ops[key]!.operation.sample ?? {};
}

const operations = Object.keys(before).filter((name) => name !== 'auth');

it.each(operations)('%s: the sample carries the 1.x output keys with their types', (name) => {
  const [kind, key] = name.split('/') as [string, string];
  const sample = samplesOf(kind, key);
  const problems: string[] = [];
  for (const [path, field] of Object.entries(before[name]!.outputs)) {
    const parts = path.split('[].');
    const values: unknown[] =
      parts.length === 1
        ? [sample[path]]
        : ((sample[parts[0]!] as Sample[] | undefined) ?? []).map((item) => item[parts[1]!]);
    if (field.type === 'line items') {
      if (!Array.isArray(sample[path])) problems.push(`${path}: not a list`);
      continue;
    }
    const flat = field.list ? values.flatMap((value) => (Array.isArray(value) ? value : [value])) : values;
    if (field.list && parts.length === 1 && !Array.isArray(sample[path])) problems.push(`${path}: not a list`);
    for (const value of flat) {
      if (value === null || value === undefined) continue;
      const expected = JS_TYPES[field.type];
      if (expected && typeof value !== expected) problems.push(`${path}: ${typeof value}, declared ${field.type}`);
    }
  }
  expect(problems).toEqual([]);
});
