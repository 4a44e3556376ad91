/**
 * The zod schemas of Lusha's answers (src/lusha/schemas.ts), loaded when the first answer is
 * parsed rather than when the app loads: zod and the ~60 schemas built from it are about a
 * quarter of what the app adds to a cold start, and many invocations parse no answer at all
 * (a trigger poll inside its check interval, a dropdown served from the cache, a refused input).
 * Types come from `import type` as usual; only the values wait.
 */
import type * as SchemasModule from './schemas';

type Schemas = typeof SchemasModule;

let loaded: Schemas | undefined;

export function schemas(): Schemas {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./schemas') as Schemas;
  return loaded;
}
