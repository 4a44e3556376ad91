/**
 * Hostile input, property-based (issue 8): every operation of the app gets random and hostile
 * `inputData` from fast-check: wrong types, empty and blank strings, very long strings,
 * unicode (right-to-left marks, emoji, NUL, lone surrogates), template strings such as
 * "{{bundle.authData.api_key}}", prototype names, arrays where text is expected, objects,
 * numbers, booleans, thousands of line items; and valid inputs with one or two fields made
 * hostile, so the checks deep inside each operation are reached too.
 *
 * Each run must end in a result or in a HaltedError / Error with a clear message (not empty,
 * no stack, no "undefined" or "[object Object]" of the connector's making, no key), never in
 * a TypeError, RangeError, URIError or any other crash. Input the connector refuses never
 * reaches Lusha: a run that halts on its input made no request (prospecting may read its free
 * filter lists first), and Lusha (the sandbox, which validates as Lusha does) never answers a
 * run with a validation error. A value of the wrong type in a field with fixed choices, a
 * whole number or a yes/no is always refused, naming the field.
 *
 * Runs go through the app's real z (one app-tester invocation per operation runs all its
 * properties' runs), against the sandbox. FUZZ_SEED and FUZZ_RUNS replay or widen a run; the
 * seed is in every failure report.
 */
import fc from 'fast-check';
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { LogEntry } from '../../sandbox';
import { DEMO_TRACKED_DOMAIN } from '../../sandbox/v3/websiteVisits';
import { messageProblems } from '../support/fault-classes';
import { OPERATIONS, type OperationRow } from '../support/operations';
import { useSandbox } from '../support/sandbox';
import { App, appTester, bundleWith, performOf, zapierError } from '../support/zapier';

/** ASCII control characters: NUL to US, and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_801);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const KEY = 'sk-LEAKCANARY-fuzz-wqzm';
const UNLIMITED = 1_000_000_000;

jest.setTimeout(60_000);

const sandbox = useSandbox({
  rateLimitPerSecond: UNLIMITED,
  usageRateLimitPerMinute: UNLIMITED,
  keys: [
    {
      key: KEY,
      plan: 'unified',
      credits: UNLIMITED,
      signals: true,
      excludeDnc: true,
      trackedDomains: [DEMO_TRACKED_DOMAIN],
      dailyQuota: UNLIMITED,
      hourlyQuota: UNLIMITED,
      minuteQuota: UNLIMITED,
    },
  ],
});

// ------------------------------------------------------------------ hostile values

/** Text a Zap may map into any field: the awkward, the malicious and the almost-valid. */
const TRICKY = [
  '',
  ' ',
  '  \t\n ',
  '\u0000',
  'a\u0000b',
  '\u200b',
  '\ufeff',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שלום עולם',
  '👩‍💻🚀',
  '𝓤𝓷𝓲𝓬𝓸𝓭𝓮',
  'Ω≈ç√∫',
  '\ud800',
  '{{bundle.authData.api_key}}',
  '{{bundle.inputData.email}}',
  '{{api_key}}',
  '${process.env.HOME}',
  '%s%s%n',
  'undefined',
  'null',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '4183886134',
  '99999999999999999999999',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'https://www.linkedin.com/in/%E0%A4%A',
  'https://www.linkedin.com/in/%',
  'linkedin.com/in/ab%zz',
  'linkedin.com/company/%ff',
  'mailto:',
  'a@b',
  'maya@northwind-analytics.com',
  'acme.com',
  'https://acme.com/about',
  'xn--80ak6aa92e.com',
  'http://',
  '//',
  '@',
  ',,,',
  '\n\n',
  'a,b,c',
  'daily',
  'weekly',
  'DAILY',
  'both',
  'emails',
  'promotion',
  'allSignals',
  'surgeInHiring',
  'Sales',
  'Manager',
  'Funding Round',
  'true',
  'false',
  'yes',
  '25',
  '2.5',
  ' 10 ',
  '<script>alert(1)</script>',
  "'; DROP TABLE people; --",
  '../../etc/passwd',
  'a'.repeat(201),
  'x'.repeat(10_000),
  '2025-06-15',
  '2025-02-30',
  'not a date',
  'c-1',
];

const text = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const scalar = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
/** Anything JSON can carry (Zapier's inputData is JSON), shallow. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(text, scalar, { maxKeys: 3 }) },
);

/** A long list: thousands of entries, all alike or numbered, valid-looking or not. */
const manyOf = <T>(make: (i: number) => T) =>
  fc.integer({ min: 500, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => make(i)));

// ------------------------------------------------------------------ the fields of each operation

interface Field {
  key: string;
  label?: string;
  type?: string;
  list?: boolean;
  choices?: unknown;
  children?: Field[];
}

function fieldsOf(row: OperationRow): Field[] {
  if (row.kind === 'auth') return [];
  const definition = (App[row.kind] as Record<string, { operation: { inputFields?: unknown } }>)[row.key]!;
  const fields = definition.operation.inputFields;
  return Array.isArray(fields) ? (fields as Field[]).filter((field) => field.type !== 'copy') : [];
}

function fieldValue(field: Field): fc.Arbitrary<unknown> {
  if (field.children) {
    const keys = field.children.map((child) => child.key);
    const row = fc.dictionary(fc.oneof(fc.constantFrom(...keys), text), anyValue, { maxKeys: keys.length + 1 });
    return fc.oneof(
      { weight: 6, arbitrary: fc.array(row, { maxLength: 5 }) },
      { weight: 1, arbitrary: row },
      { weight: 1, arbitrary: anyValue },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom(...keys), text).chain(([key, value]) => manyOf(() => ({ [key]: value }))),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...keys).chain((key) => manyOf((i) => ({ [key]: `person${i}@acme.com` }))),
      },
    );
  }
  if (field.list) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.array(anyValue, { maxLength: 6 }) },
      { weight: 3, arbitrary: anyValue },
      { weight: 1, arbitrary: manyOf((i) => String(1_300_000_000 + i)) },
      { weight: 1, arbitrary: manyOf((i) => `id-${i}`).map((ids) => ids.join(',')) },
    );
  }
  return anyValue;
}

/** Random input: any of the operation's fields (and a stray key now and then), each hostile. */
function randomInput(fields: Field[], extraKeys: string[]): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...new Set([...fields.map((f) => f.key), ...extraKeys])];
  const shape = Object.fromEntries(keys.map((key) => [key, fieldValue(fields.find((f) => f.key === key) ?? { key })]));
  return fc
    .tuple(fc.record(shape, { requiredKeys: [] }), fc.dictionary(text, anyValue, { maxKeys: 2 }))
    .map(([known, stray]) => ({ ...stray, ...known }));
}

/** A valid input with one or two of its fields (or of the operation's others) made hostile. */
function mutatedInput(valid: Record<string, unknown>, fields: Field[]): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...new Set([...Object.keys(valid), ...fields.map((f) => f.key)])];
  if (keys.length === 0) return fc.constant(valid);
  const override = fc
    .constantFrom(...keys)
    .chain((key) => fieldValue(fields.find((f) => f.key === key) ?? { key }).map((value) => [key, value] as const));
  return fc
    .array(override, { minLength: 1, maxLength: 2 })
    .map((pairs) => ({ ...valid, ...Object.fromEntries(pairs) }));
}

// ------------------------------------------------------------------ what a field must refuse

const TRUE_OR_FALSE = new Set(['true', 'yes', 'y', '1', 'on', 'false', 'no', 'n', '0', 'off', '']);
const isBlankText = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.replace(CONTROL_CHARACTERS, ' ').trim() === '');
const normal = (value: string) => value.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/** A field's fixed choices; none for dynamic ones (`choices: { perform }` loads them from Lusha). */
function choiceValues(choices: unknown): string[] {
  if (Array.isArray(choices)) return choices.map((c) => String((c as { value?: unknown }).value ?? c));
  if (choices && typeof choices === 'object' && 'perform' in choices) return [];
  return choices && typeof choices === 'object' ? Object.keys(choices) : [];
}

/**
 * Whether `value` is plainly wrong for `field`: not one of its fixed choices, not a whole
 * number in a number field, not a yes/no in a switch. Such a run must halt, naming the field.
 */
function plainlyWrong(field: Field, value: unknown): boolean {
  if (field.choices && choiceValues(field.choices).length > 0) {
    const allowed = new Set(choiceValues(field.choices).map(normal));
    const entries = field.list
      ? Array.isArray(value)
        ? value
        : typeof value === 'string'
          ? value.split(/[,\n]/)
          : [value]
      : [value];
    return entries.some((entry) => {
      if (isBlankText(entry)) return false;
      if (typeof entry === 'number' && Number.isFinite(entry)) return !allowed.has(String(entry));
      return typeof entry !== 'string' || !allowed.has(normal(entry));
    });
  }
  if (field.type === 'integer') {
    if (isBlankText(value)) return false;
    if (typeof value === 'number') return !Number.isInteger(value);
    return typeof value !== 'string' || !/^-?\d+$/.test(value.trim());
  }
  if (field.type === 'boolean') {
    if (value === undefined || value === null || typeof value === 'boolean') return false;
    if (typeof value !== 'string' && typeof value !== 'number') return true;
    return !TRUE_OR_FALSE.has(String(value).trim().toLowerCase());
  }
  return false;
}

// ------------------------------------------------------------------ one run, judged

const INPUT_HALT = /^.+ cannot run with this input \(no credits were spent\):\n- /;
/** Routes a run may call before it halts on its input: prospecting checks values against its free lists. */
const FREE_BEFORE_HALT = /^\/v3\/(contacts|companies)\/prospecting\/filters(\/|$)/;
/** Operations whose input Lusha alone can judge: a Request ID Lusha does not know (or forgot). */
const LUSHA_JUDGES_REQUEST_IDS = new Set([
  'enrich_prospected_contacts',
  'enrich_prospected_companies',
  'find_lookalike_contacts',
  'find_lookalike_companies',
]);
/** Operations whose domains Lusha alone can judge: which of them it tracks for the account (nothing lists them). */
const LUSHA_JUDGES_TRACKED_DOMAINS = new Set(['find_website_visitors', 'new_website_visitor']);
const UNTRACKED_DOMAIN = /not set up for website visitor tracking in Lusha/;

/** Throws (with the reason) when one run of `row` with `inputData` breaks a rule. */
async function judgeRun(
  z: ZObject,
  row: OperationRow,
  fields: Field[],
  inputData: Record<string, unknown>,
): Promise<void> {
  const before = sandbox().log.entries().length;
  let output: unknown;
  let thrown: unknown;
  try {
    output = await performOf(row.kind, row.key)(z, {
      authData: { api_key: KEY },
      inputData,
      meta: { isLoadingSample: false },
    } as unknown as Bundle);
  } catch (error) {
    thrown = error;
  }
  const requests: LogEntry[] = sandbox().log.entries().slice(before);
  const inputText = JSON.stringify(inputData);
  const fail = (why: string) => {
    throw new Error(`${row.key}: ${why}`);
  };

  if (thrown === undefined) {
    const expected = row.kind === 'creates' || row.kind === 'auth' ? 'object' : 'array';
    if ((Array.isArray(output) ? 'array' : typeof output) !== expected)
      fail(`returned ${JSON.stringify(output)?.slice(0, 200)}`);
    if (JSON.stringify(output).includes('LEAKCANARY')) fail('the key is in the output');
  } else {
    if (!(thrown instanceof Error)) fail(`threw a non-error: ${String(thrown)}`);
    const error = thrown as Error;
    if (!['HaltedError', 'AppError'].includes(error.name))
      fail(`ended in ${error.name}: ${error.message}\n${error.stack}`);
    const { message } = zapierError(error);
    // The builder's own values are quoted in messages: judge the connector's words only.
    const own = messageProblems(message, [KEY, 'LEAKCANARY']).filter(
      (problem) =>
        !(problem === 'says "undefined"' && inputText.includes('undefined')) &&
        !(problem === 'says "[object Object]"' && inputText.includes('[object Object]')) &&
        !(problem === 'has a doubled full stop' && inputText.includes('..')),
    );
    if (own.length > 0) fail(`message ${JSON.stringify(message)}: ${own.join(', ')}`);
    if (INPUT_HALT.test(message)) {
      const sent = requests.filter((entry) => !FREE_BEFORE_HALT.test(entry.path));
      if (sent.length > 0)
        fail(`halted on its input after calling ${sent.map((e) => `${e.method} ${e.path}`).join(', ')}`);
    }
  }
  const rejected = requests.filter((entry) => entry.status === 400);
  if (
    rejected.length > 0 &&
    !(LUSHA_JUDGES_REQUEST_IDS.has(row.key) && thrown instanceof Error && /Request ID/.test(thrown.message)) &&
    !(LUSHA_JUDGES_TRACKED_DOMAINS.has(row.key) && thrown instanceof Error && UNTRACKED_DOMAIN.test(thrown.message))
  ) {
    fail(
      `input reached Lusha and was rejected: ${rejected.map((e) => `${e.method} ${e.path} ${JSON.stringify(e.body ?? e.query).slice(0, 300)}`).join('; ')}`,
    );
  }
  for (const field of fields) {
    if (!(field.key in inputData) || !plainlyWrong(field, inputData[field.key])) continue;
    const halted = thrown instanceof Error && thrown.name === 'HaltedError' && INPUT_HALT.test(thrown.message);
    const message = halted ? (thrown as Error).message : '';
    // Problems are listed up to 20, then counted: the field's may be among those counted.
    const named =
      message.includes((field.label ?? field.key).replace(/s$/, '')) ||
      /^- \.\.\.and [\d,]+ more problems?\.$/m.test(message);
    if (!halted || !named) {
      fail(
        `${field.label} = ${JSON.stringify(inputData[field.key])?.slice(0, 100)} was not refused (${thrown instanceof Error ? thrown.message : 'it ran'})`,
      );
    }
  }
}

// ------------------------------------------------------------------ the properties

/** One row per operation key (its first row: the one whose input is the operation's main path). */
const ROWS = OPERATIONS.filter((row, i) => OPERATIONS.findIndex((other) => other.key === row.key) === i);

describe('hostile input never crashes an operation, and refused input never reaches Lusha', () => {
  it.each(ROWS.map((row) => [row.key, row] as const))('%s', async (_key, row) => {
    const fields = fieldsOf(row);
    const valid = await row.input(sandbox(), KEY);
    const input = fc.oneof(randomInput(fields, Object.keys(valid)), mutatedInput(valid, fields));
    await appTester(
      async (z: ZObject) => {
        await fc.assert(
          fc.asyncProperty(input, (inputData) => judgeRun(z, row, fields, inputData)),
          { seed: SEED, numRuns: RUNS },
        );
      },
      bundleWith({}, { apiKey: KEY }),
      true,
    );
  });
});
