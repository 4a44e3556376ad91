/**
 * Renders docs/operations.md — the operations reference that users read and that a port
 * to Make or Workato copies — from the app definition itself plus each operation's
 * `contract` (endpoints, credits, errors). `npm run docs` writes it; a test fails when the
 * checked-in file no longer matches the definition.
 */
import path from 'node:path';
import { COMMON_ERRORS, STEP_OUTCOMES, type OperationContract } from '../src/zapier/contract';
import { ERROR_MAP } from '../src/zapier/errors';

type Kind = 'triggers' | 'searches' | 'creates';

interface Field {
  key: string;
  label?: string;
  type?: string;
  required?: boolean;
  list?: boolean;
  helpText?: string;
  default?: string;
  choices?: unknown;
  dynamic?: string;
  children?: Field[];
}

interface Operation {
  key: string;
  noun: string;
  // Optional as in core's BasicDisplay type (defineTrigger/defineCreate); every visible operation sets both.
  display: { label?: string; description?: string; hidden?: boolean };
  operation: { inputFields?: unknown[]; outputFields?: unknown[] };
}

interface AppLike {
  version: string;
  platformVersion: string;
  triggers: Record<string, Operation>;
  searches: Record<string, Operation>;
  creates: Record<string, Operation>;
}

const KIND_TITLES: Record<Kind, string> = { triggers: 'Triggers', searches: 'Searches', creates: 'Creates (actions)' };

/** Loads the `contract` an operation file exports (src/<kind>/<key>). */
export function loadContract(
  kind: Kind,
  key: string,
  srcRoot = path.join(__dirname, '..', 'src'),
): OperationContract | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(path.join(srcRoot, kind, key)) as { contract?: OperationContract };
  return module.contract;
}

/** Choices loaded by a function when the dropdown opens (`choices: { perform }`), not a fixed list. */
const isDynamicChoices = (choices: unknown): boolean =>
  Boolean(choices && typeof choices === 'object' && !Array.isArray(choices) && 'perform' in choices);

const cell = (text: unknown) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

function typeOf(field: Field): string {
  const base = field.children ? 'line items' : (field.type ?? 'string');
  const parts = [field.list && !field.children ? `list of ${base}` : base];
  if (field.dynamic) parts.push(`dropdown from \`${field.dynamic.split('.')[0]}\``);
  else if (isDynamicChoices(field.choices)) parts.push("dropdown of Lusha's values (loaded when opened)");
  else if (field.choices) {
    const values = Array.isArray(field.choices)
      ? field.choices.map((c) => (typeof c === 'string' ? c : (c as { value: string }).value))
      : Object.keys(field.choices as object);
    parts.push(`one of: ${values.map((v) => `\`${v}\``).join(', ')}`);
  }
  if (field.default !== undefined) parts.push(`default \`${field.default}\``);
  return parts.join('; ');
}

function inputRows(fields: unknown[], prefix = ''): string[] {
  const rows: string[] = [];
  for (const field of fields) {
    if (typeof field === 'function') {
      rows.push(`| _(computed)_ | Fields computed from the values above at run time | | | |`);
      continue;
    }
    const f = field as Field;
    rows.push(
      `| \`${prefix}${f.key}\` | ${cell(f.label)} | ${cell(typeOf(f))} | ${f.required ? 'yes' : 'no'} | ${cell(f.helpText)} |`,
    );
    if (f.children) rows.push(...inputRows(f.children, `${prefix}${f.key}[].`));
  }
  return rows;
}

function outputRows(fields: unknown[], prefix = ''): string[] {
  const rows: string[] = [];
  for (const field of fields) {
    if (typeof field === 'function') continue;
    const f = field as Field;
    rows.push(
      `| \`${prefix}${f.key}\` | ${cell(f.label)} | ${cell(f.children ? 'line items' : `${f.list ? 'list of ' : ''}${f.type ?? 'string'}`)} |`,
    );
    if (f.children) rows.push(...outputRows(f.children, `${prefix}${f.key}[].`));
  }
  return rows;
}

function renderOperation(kind: Kind, op: Operation, contract: OperationContract | undefined): string {
  const lines = [
    `### ${op.display.label} (\`${op.key}\`)`,
    '',
    op.display.description,
    '',
    `- **Kind**: ${kind.replace(/s$/, '').replace(/searche$/, 'search')}; noun: ${op.noun}`,
  ];
  if (contract) {
    lines.push(`- **Lusha endpoints**: ${contract.endpoints.map((e) => `\`${e}\``).join(', ')}`);
    lines.push(`- **Credits**: ${contract.credits}`);
    for (const change of contract.sinceV3 ?? []) lines.push(`- **Since Lusha V3 (version 2.0.0)**: ${change}`);
  }
  lines.push('', '**Input fields**', '');
  const inputs = op.operation.inputFields ?? [];
  if (inputs.length === 0) lines.push('None.');
  else lines.push('| Key | Label | Type | Required | Help |', '|---|---|---|---|---|', ...inputRows(inputs));
  lines.push('', '**Output fields**', '');
  const outputs = op.operation.outputFields ?? [];
  if (outputs.length === 0) lines.push('None declared.');
  else lines.push('| Key | Label | Type |', '|---|---|---|', ...outputRows(outputs));
  if (contract) {
    lines.push('', '**Errors**', '', '| When | Zapier error | What to do |', '|---|---|---|');
    for (const note of contract.errors) lines.push(`| ${cell(note.when)} | \`${note.error}\` | ${cell(note.action)} |`);
    lines.push(
      '| Any of the common failures below | | See [Errors every operation can raise](#errors-every-operation-can-raise) |',
    );
  }
  return lines.join('\n');
}

/** The whole reference, deterministic for a given definition. */
export function renderOperationsReference(
  app: AppLike,
  contractOf: (kind: Kind, key: string) => OperationContract | undefined = loadContract,
): string {
  const kinds: Kind[] = ['triggers', 'searches', 'creates'];
  const visible = (kind: Kind) => Object.values(app[kind]).filter((op) => !op.display.hidden);
  const hidden = kinds.flatMap((kind) => Object.values(app[kind]).filter((op) => op.display.hidden));

  const out: string[] = [
    '# Operations reference',
    '',
    "<!-- Generated by `npm run docs` from the app definition (index.ts) and each operation's `contract`. Do not edit by hand: a test fails when this file is stale. -->",
    '',
    `App version ${app.version}, zapier-platform-core ${app.platformVersion}. Every operation authenticates with the connection's API key (sent as the \`api_key\` header to the Lusha host only).`,
    '',
    '| Kind | Key | Label | Lusha endpoints | Credits |',
    '|---|---|---|---|---|',
  ];
  for (const kind of kinds) {
    for (const op of visible(kind)) {
      const contract = contractOf(kind, op.key);
      out.push(
        `| ${KIND_TITLES[kind]} | [\`${op.key}\`](#${anchor(op)}) | ${cell(op.display.label)} | ${contract ? contract.endpoints.map((e) => `\`${e}\``).join('<br>') : ''} | ${cell(contract?.credits)} |`,
      );
    }
  }
  for (const kind of kinds) {
    const ops = visible(kind);
    if (ops.length === 0) continue;
    out.push('', `## ${KIND_TITLES[kind]}`);
    for (const op of ops) out.push('', renderOperation(kind, op, contractOf(kind, op.key)));
  }
  if (hidden.length > 0) {
    out.push(
      '',
      '## Dropdown sources (hidden triggers)',
      '',
      'These feed dynamic dropdowns; they do not appear in the Zap editor as triggers.',
      '',
      '| Key | Label | Description |',
      '|---|---|---|',
    );
    for (const op of hidden)
      out.push(`| \`${op.key}\` | ${cell(op.display.label)} | ${cell(op.display.description)} |`);
  }
  out.push('', '## Errors every operation can raise', '', '| When | Zapier error | What to do |', '|---|---|---|');
  for (const note of COMMON_ERRORS) out.push(`| ${cell(note.when)} | \`${note.error}\` | ${cell(note.action)} |`);
  out.push(
    '',
    '`HaltedError` stops the run without turning the Zap off; `ThrottledError` makes Zapier retry later; `ExpiredAuthError` asks the user to reconnect; `Error` is shown to the user, and many in a row can turn the Zap off, so it is used only where the user must act.',
    '',
  );
  return out.join('\n');
}

function anchor(op: Operation): string {
  return `${op.display.label} (${op.key})`
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

// ------------------------------------------------------------------ the same, for machines

interface JsonField {
  key: string;
  label: string | null;
  type: string;
  required?: boolean;
  list?: boolean;
  helpText?: string;
  default?: string;
  choices?: string[];
  dynamicFrom?: string;
  dynamicChoices?: boolean;
  children?: JsonField[];
}

const choiceValues = (choices: unknown): string[] | undefined => {
  if (!choices || isDynamicChoices(choices)) return undefined;
  if (Array.isArray(choices)) return choices.map((c) => (typeof c === 'string' ? c : (c as { value: string }).value));
  return Object.keys(choices as object);
};

function jsonInputs(fields: unknown[]): JsonField[] {
  return fields.flatMap((field): JsonField[] => {
    if (typeof field === 'function') return [{ key: '(computed)', label: null, type: 'computed at run time' }];
    const f = field as Field;
    return [
      {
        key: f.key,
        label: f.label ?? null,
        type: f.children ? 'line items' : (f.type ?? 'string'),
        required: f.required === true,
        ...(f.list && !f.children ? { list: true } : {}),
        ...(f.helpText ? { helpText: f.helpText } : {}),
        ...(f.default !== undefined ? { default: f.default } : {}),
        ...(choiceValues(f.choices) ? { choices: choiceValues(f.choices) } : {}),
        ...(f.dynamic ? { dynamicFrom: f.dynamic.split('.')[0] } : {}),
        ...(isDynamicChoices(f.choices) ? { dynamicChoices: true } : {}),
        ...(f.children ? { children: jsonInputs(f.children) } : {}),
      },
    ];
  });
}

function jsonOutputs(fields: unknown[]): JsonField[] {
  return fields.flatMap((field): JsonField[] => {
    if (typeof field === 'function') return [];
    const f = field as Field;
    return [
      {
        key: f.key,
        label: f.label ?? null,
        type: f.children ? 'line items' : (f.type ?? 'string'),
        ...(f.list && !f.children ? { list: true } : {}),
        ...(f.children ? { children: jsonOutputs(f.children) } : {}),
      },
    ];
  });
}

/**
 * docs/operations.json: the same reference as docs/operations.md, as data (each visible
 * operation's key, kind, label, inputs, outputs, endpoints, credits, errors), so that a port
 * to Make or Workato can be generated from it. Deterministic for a given definition.
 */
export function renderOperationsJson(
  app: AppLike,
  contractOf: (kind: Kind, key: string) => OperationContract | undefined = loadContract,
): string {
  const kinds: Kind[] = ['triggers', 'searches', 'creates'];
  const operations = kinds.flatMap((kind) =>
    Object.values(app[kind])
      .filter((op) => !op.display.hidden)
      .map((op) => {
        const contract = contractOf(kind, op.key);
        return {
          key: op.key,
          kind: kind.replace(/s$/, '').replace(/searche$/, 'search'),
          label: op.display.label ?? null,
          description: op.display.description ?? null,
          noun: op.noun,
          inputs: jsonInputs(op.operation.inputFields ?? []),
          outputs: jsonOutputs(op.operation.outputFields ?? []),
          endpoints: contract?.endpoints ?? [],
          credits: contract?.credits ?? null,
          errors: contract?.errors ?? [],
          ...(contract?.sinceV3 ? { sinceV3: contract.sinceV3 } : {}),
        };
      }),
  );
  const dropdownSources = kinds.flatMap((kind) =>
    Object.values(app[kind])
      .filter((op) => op.display.hidden)
      .map((op) => ({ key: op.key, label: op.display.label ?? null, description: op.display.description ?? null })),
  );
  const document = {
    generatedBy: 'npm run docs (scripts/operations-reference.ts); do not edit by hand',
    appVersion: app.version,
    platformVersion: app.platformVersion,
    operations,
    dropdownSources,
    commonErrors: COMMON_ERRORS,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The README's troubleshooting table: the error map's rows, then the other outcomes a builder may meet. */
export function renderTroubleshooting(): string {
  const rows = [
    '| What you see | Why | What to do |',
    '|---|---|---|',
    ...ERROR_MAP.map((rule) => `| "${cell(rule.seen)}" (${rule.type}) | ${cell(rule.when)} | ${cell(rule.action)} |`),
    ...STEP_OUTCOMES.map((o) => `| ${cell(o.seen)} | ${cell(o.why)} | ${cell(o.action)} |`),
  ];
  return rows.join('\n');
}

export const TROUBLESHOOTING_BEGIN =
  '<!-- troubleshooting: generated by `npm run docs` from src/zapier/errors.ts; do not edit -->';
export const TROUBLESHOOTING_END = '<!-- end of troubleshooting -->';

/** `readme` with its troubleshooting block (between the markers) replaced by the current table. */
export function withTroubleshooting(readme: string): string {
  const begin = readme.indexOf(TROUBLESHOOTING_BEGIN);
  const end = readme.indexOf(TROUBLESHOOTING_END);
  if (begin < 0 || end < begin) throw new Error('README.md has no troubleshooting markers');
  return `${readme.slice(0, begin + TROUBLESHOOTING_BEGIN.length)}\n${renderTroubleshooting()}\n${readme.slice(end)}`;
}
