/**
 * `npm run build`'s last step: the app as it ships, one file. esbuild bundles the compiled app
 * (dist/index.js and the ~80 modules under dist/src it requires) into dist/bundle/index.js; the
 * npm dependencies (zapier-platform-core, zod, undici) stay outside it, required from
 * node_modules as before.
 *
 * Why: Zapier loads the app in every cold process, and loading ~90 small files costs more than
 * running them (resolving, reading and compiling each: about 0.25 ms a file here, 20 ms in all;
 * docs/performance.md, section 1). One file removes that cost and changes nothing else: the code
 * is tsc's output. Its white space and syntax are minified, which took another 20–25 ms off
 * loading it (a 480 kB file became 370 kB; V8 parses and compiles less), but every function
 * and class keeps its name, so error names and stack traces still say where they come from.
 *
 * `npm run package` ships this file as dist/index.js; the benchmark's cold start loads it. The
 * tour, the docs generator and `zapier-platform validate` keep using tsc's dist/index.js: the same
 * definition, built from the same modules.
 */
import { buildSync } from 'esbuild';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Where the bundle is written. */
export const BUNDLE = path.join(ROOT, 'dist', 'bundle', 'index.js');

/** Bundles `entry` (tsc's dist/index.js by default) into `outfile`. */
export function bundleApp(root = ROOT, outfile = BUNDLE, entry = path.join(root, 'dist', 'index.js')): string {
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    packages: 'external',
    keepNames: true,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

if (require.main === module) {
  try {
    const file = bundleApp();
    process.stdout.write(`Bundled the app into ${path.relative(ROOT, file)}\n`);
  } catch (error) {
    process.stderr.write(`bundling failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
