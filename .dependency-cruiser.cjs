/**
 * The import rules of the connector (ARCHITECTURE.md): arrows run downward only.
 *
 *   index.ts → src/{triggers,searches,creates} → domains → src/zapier, src/shared → src/lusha
 *
 * `npm run lint` runs this check (depcruise), so a broken rule fails CI.
 */
const DOMAINS = '^src/(people|companies|prospecting|signals|webhooks|visits)/';
const OPERATIONS = '^src/(triggers|searches|creates)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lusha-client-stands-alone',
      severity: 'error',
      comment: 'The Lusha client knows nothing of Zapier or of the connector: a port to Make or Workato starts there.',
      from: { path: '^src/lusha/' },
      to: { pathNot: ['^src/lusha/', '^node_modules/(zod|undici)/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'shared-helpers-are-pure',
      severity: 'error',
      comment: 'src/shared holds plain helpers (input readers, value readers): no Zapier, no Lusha, no domain.',
      from: { path: '^src/shared/' },
      to: { pathNot: ['^src/shared/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'zapier-glue-only-glues',
      severity: 'error',
      comment: 'src/zapier is the Zapier glue: it imports no domain module, no operation and not src/auth.ts.',
      from: { path: '^src/zapier/' },
      to: { path: [DOMAINS, OPERATIONS, '^src/auth\\.ts$', '^index\\.ts$'] },
    },
    {
      name: 'domains-do-not-reach-up',
      severity: 'error',
      comment: 'A domain module never imports an operation file, src/auth.ts or the app.',
      from: { path: DOMAINS },
      to: { path: [OPERATIONS, '^src/auth\\.ts$', '^index\\.ts$'] },
    },
    {
      name: 'operations-stand-alone',
      severity: 'error',
      comment: 'An operation file imports no other operation file: what two operations share lives in a domain.',
      from: { path: OPERATIONS },
      to: { path: OPERATIONS },
    },
    {
      name: 'connector-imports-no-tooling',
      severity: 'error',
      comment: 'The connector never imports the sandbox, scripts or tests.',
      from: { path: '^(src/|index\\.ts$)' },
      to: { path: '^(sandbox|scripts|test)/' },
    },
    {
      name: 'sandbox-is-independent',
      severity: 'error',
      comment: 'The sandbox is a stand-in for Lusha: it imports nothing from the connector, and only Node built-ins.',
      from: { path: '^sandbox/' },
      to: { pathNot: '^sandbox/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|build)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
