/**
 * The surface of the app that Zaps depend on: for the connection and every visible
 * operation, its input keys (with type, list, required) and line-item child keys, and its
 * output keys (with type) and line-item child keys. A Zap built on one version keeps working
 * on the next only if no key it maps disappears or changes type, and no new input becomes
 * required. `test/unit/surface.test.ts` checks the app against the snapshot committed in
 * `test/fixtures/surface-1.x.json` (taken from version 1.0.0, before the move to Lusha V3).
 *
 * `npm run build && node dist/scripts/surface.js > file.json` prints the current surface.
 */

interface FieldLike {
  key: string;
  type?: string;
  list?: boolean;
  required?: boolean;
  children?: FieldLike[];
}

interface OperationLike {
  key: string;
  display: { hidden?: boolean };
  operation: { inputFields?: unknown[]; outputFields?: unknown[] };
}

interface AppLike {
  authentication?: { fields?: unknown[] };
  triggers: Record<string, OperationLike>;
  searches: Record<string, OperationLike>;
  creates: Record<string, OperationLike>;
}

/** One key of the surface: "rows[].email" for a line-item child. */
export interface SurfaceKey {
  type: string;
  list?: true;
  required?: true;
}

export interface OperationSurface {
  inputs: Record<string, SurfaceKey>;
  outputs: Record<string, SurfaceKey>;
}

export type Surface = Record<string, OperationSurface>;

function keysOf(fields: readonly unknown[], isInput: boolean, prefix = ''): Record<string, SurfaceKey> {
  const keys: Record<string, SurfaceKey> = {};
  for (const field of fields) {
    if (typeof field === 'function')
      throw new Error('computed input fields are not part of the snapshot: declare them statically');
    const f = field as FieldLike;
    const entry: SurfaceKey = { type: f.children ? 'line items' : (f.type ?? 'string') };
    if (f.list && !f.children) entry.list = true;
    if (isInput && f.required) entry.required = true;
    keys[`${prefix}${f.key}`] = entry;
    if (f.children) Object.assign(keys, keysOf(f.children, isInput, `${prefix}${f.key}[].`));
  }
  return keys;
}

/** The surface of `app`: "auth" for the connection, "<kind>/<key>" for each visible operation. */
export function surfaceOf(app: AppLike): Surface {
  const surface: Surface = {
    auth: { inputs: keysOf(app.authentication?.fields ?? [], true), outputs: {} },
  };
  for (const kind of ['triggers', 'searches', 'creates'] as const) {
    for (const operation of Object.values(app[kind])) {
      if (operation.display.hidden) continue;
      surface[`${kind}/${operation.key}`] = {
        inputs: keysOf(operation.operation.inputFields ?? [], true),
        outputs: keysOf(operation.operation.outputFields ?? [], false),
      };
    }
  }
  return surface;
}

/**
 * What breaks a Zap built on `before` when it runs on `after`: an operation or key that
 * disappeared, a key whose type (or list-ness) changed, an input that became required.
 * New operations, new keys and new optional inputs are allowed.
 */
export function breakingChanges(before: Surface, after: Surface): string[] {
  const problems: string[] = [];
  for (const [operation, old] of Object.entries(before)) {
    const now = after[operation];
    if (!now) {
      problems.push(`${operation}: the operation is gone`);
      continue;
    }
    for (const side of ['inputs', 'outputs'] as const) {
      for (const [key, was] of Object.entries(old[side])) {
        const is = now[side][key];
        if (!is) problems.push(`${operation}: ${side} key "${key}" is gone`);
        else if (is.type !== was.type)
          problems.push(`${operation}: ${side} key "${key}" changed type ${was.type} → ${is.type}`);
        else if (Boolean(is.list) !== Boolean(was.list))
          problems.push(`${operation}: ${side} key "${key}" changed list-ness`);
        else if (is.required && !was.required) problems.push(`${operation}: input "${key}" became required`);
      }
      if (side === 'inputs') {
        for (const [key, is] of Object.entries(now.inputs)) {
          if (!old.inputs[key] && is.required) problems.push(`${operation}: new input "${key}" is required`);
        }
      }
    }
  }
  return problems;
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('../index') as AppLike;
  process.stdout.write(`${JSON.stringify(surfaceOf(app), null, 2)}\n`);
}
