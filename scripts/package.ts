/**
 * `npm run package`: build/build.zip and build/source.zip, offline, with
 * `zapier-platform build --skip-dep-install --skip-validation`, run in a staging directory
 * that holds only what a production install would:
 *
 * - the project's own files that git tracks, and nothing else: an untracked file (a local
 *   `.env.local` holding a key, a scratch file) never ships in source.zip;
 * - the compiled app, as one file: dist/bundle/index.js (made by `npm run build` just before,
 *   scripts/bundle.ts), shipped as dist/index.js;
 * - node_modules with the production dependencies only, taken from the installed tree as
 *   package-lock.json lists them (no dev, optional or peer-only packages).
 *
 * Why not run the CLI in the project itself: with --skip-dep-install it zips the
 * package.json of every package under node_modules (a preset pattern of the CLI), so ~760
 * manifests of the dev tools shipped, and its file tracer picked up `encoding` + iconv-lite
 * (node-fetch's optional peer, installed here only for the dev tools). Without
 * --skip-dep-install it would copy the whole project, node_modules included, to install
 * production dependencies from the network. Staging gives the same zip as that, offline.
 *
 * The staging directory is a temporary one outside the project: inside it, the CLI's file
 * tracer would resolve a missing optional module by walking up into the project's own
 * node_modules. The app is already compiled, so the CLI is told its `_zapier-build` hook has run (the
 * CLI's own guard against re-entering the hook: npm_lifecycle_event).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLE } from './bundle';

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD = path.join(ROOT, 'build');

interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  link?: boolean;
}

/** Package directories (relative, e.g. node_modules/a/node_modules/b) a production install has. */
export function productionPackages(lock: { packages?: Record<string, LockEntry> }): string[] {
  return Object.entries(lock.packages ?? {})
    .filter(
      ([dir, entry]) =>
        dir.startsWith('node_modules/') &&
        !entry.dev &&
        !entry.optional &&
        !entry.devOptional &&
        !entry.peer &&
        !entry.link,
    )
    .map(([dir]) => dir);
}

/** A hard link where the file system allows it, else a copy. */
function place(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Copies (links) the files git tracks under `root` into `stage`; returns their paths. */
export function stageProjectFiles(stage: string, root = ROOT): string[] {
  let listing: string;
  try {
    listing = execFileSync('git', ['ls-files', '-z', '--cached'], {
      cwd: root,
      encoding: 'utf8',
    });
  } catch (error) {
    throw new Error(
      `npm run package lists the project's files with git, which failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const staged: string[] = [];
  for (const file of listing.split('\0').filter(Boolean)) {
    const from = path.join(root, file);
    if (!existsSync(from)) continue;
    place(from, path.join(stage, file));
    staged.push(file);
  }
  return staged;
}

function stageProductionDependencies(stage: string): number {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, LockEntry>;
  };
  const packages = productionPackages(lock);
  for (const dir of packages) {
    const from = path.join(ROOT, dir);
    if (!existsSync(from)) throw new Error(`${dir} is in package-lock.json but not installed: run npm ci first`);
    // Nested node_modules are entries of their own (and may hold dev-only packages).
    cpSync(from, path.join(stage, dir), {
      recursive: true,
      filter: (source) => source === from || !path.relative(from, source).split(path.sep).includes('node_modules'),
    });
  }
  return packages.length;
}

function main(): void {
  if (!existsSync(path.join(ROOT, 'dist', 'index.js')))
    throw new Error('dist/index.js is missing: run npm run build first');
  const stage = mkdtempSync(path.join(tmpdir(), 'lusha-package-'));
  try {
    stageProjectFiles(stage);
    // The app as it ships: the one-file bundle `npm run build` made (scripts/bundle.ts), as dist/index.js.
    if (!existsSync(BUNDLE)) throw new Error(`${path.relative(ROOT, BUNDLE)} is missing: run npm run build first`);
    place(BUNDLE, path.join(stage, 'dist', 'index.js'));
    const count = stageProductionDependencies(stage);
    process.stdout.write(`Staged the app with its ${count} production packages in ${stage}\n`);

    const cli = path.join(ROOT, 'node_modules', 'zapier-platform-cli', 'src', 'bin', 'run');
    const result = spawnSync(process.execPath, [cli, 'build', '--skip-dep-install', '--skip-validation'], {
      cwd: stage,
      stdio: 'inherit',
      env: { ...process.env, npm_lifecycle_event: '_zapier-build' },
    });
    if (result.status !== 0) throw new Error(`zapier-platform build failed (exit ${result.status ?? result.signal})`);
    mkdirSync(BUILD, { recursive: true });
    for (const zip of ['build.zip', 'source.zip']) copyFileSync(path.join(stage, 'build', zip), path.join(BUILD, zip));
    process.stdout.write('Copied them to build/build.zip and build/source.zip\n');
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`npm run package failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
