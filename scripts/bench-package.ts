/**
 * Package size: this app's build.zip (`npm run package`, see scripts/package.ts) against the build.zip of a bare
 * app that depends on zapier-platform-core alone, made by the same CLI with the same flags
 * and the same `.zapierapprc` workaround in a temporary directory. Both zips are read entry
 * by entry, so the difference can be listed: our own files, each extra dependency, and
 * anything that should not ship.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ratio } from './bench-stats';
import { ownerOf, readZip, type ZipEntry } from './bench-zip';
import { productionPackages } from './package';

export interface PartSize {
  /** `dist/`, a root file, or a package under node_modules. */
  part: string;
  ours: number;
  bare: number;
  /** Files of this part in our zip, and whether they are all package.json manifests. */
  files: number;
  manifestOnly: boolean;
}

export interface PackageResult {
  ours: { bytes: number; files: number; uncompressed: number };
  bare: { bytes: number; files: number; uncompressed: number };
  ratio: number | null;
  /** Parts of our zip, with what the bare zip has of the same part (0 when absent). */
  parts: PartSize[];
  /** Entries of our zip that should not ship (tests, sandbox, scripts, source maps, docs, sources, dev-only packages). */
  shouldNotShip: string[];
  coreVersion: string;
  buildSeconds: { ours: number; bare: number };
}

/** Files that have no business in a deployed app. */
const SHOULD_NOT_SHIP: Array<[RegExp, string]> = [
  [/^(dist\/)?(test|sandbox|scripts|docs|coverage)\//, 'tests, sandbox, scripts or docs'],
  [/\.map$/, 'source map'],
  [/^(?!node_modules\/).*\.ts$/, 'TypeScript source'],
  [/^(?!node_modules\/).*\.md$/, 'documentation'],
  [/(^|\/)\.env$/, 'environment file'],
];

/** The package directory of a zip entry under node_modules (the innermost one), else null. */
function packageDirOf(name: string): string | null {
  const parts = name.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 2 >= parts.length) return null;
  const scoped = parts[at + 1]!.startsWith('@');
  return parts.slice(0, at + (scoped ? 3 : 2)).join('/');
}

/** Packages in the zip that a production install would not have (dev-only, optional, peer-only). */
function nonProductionPackages(root: string, entries: ZipEntry[]): string[] {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Parameters<
    typeof productionPackages
  >[0];
  const production = new Set(productionPackages(lock));
  const found = new Map<string, number>();
  for (const entry of entries) {
    const dir = packageDirOf(entry.name);
    if (dir && !production.has(dir)) found.set(dir, (found.get(dir) ?? 0) + 1);
  }
  return [...found].map(
    ([dir, files]) => `${dir} (${files} file${files === 1 ? '' : 's'}: not a production dependency)`,
  );
}

function run(command: string, args: string[], cwd: string, what: string): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(
      `${what} failed (${command} ${args.join(' ')}, exit ${result.status ?? result.signal}):\n${output}`,
    );
  }
  return (performance.now() - started) / 1000;
}

/** The bare app: zapier-platform-core and nothing else, built like ours. */
function buildBareZip(root: string, coreVersion: string): { zip: string; dir: string; seconds: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'lusha-bench-bare-'));
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bare-core-app', version: '1.0.0', private: true, main: 'index.js', dependencies: { 'zapier-platform-core': coreVersion } }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(dir, 'index.js'),
    "const zapier = require('zapier-platform-core');\n\n" +
      "module.exports = { version: '1.0.0', platformVersion: zapier.version, triggers: {}, searches: {}, creates: {} };\n",
  );
  writeFileSync(path.join(dir, '.zapierapprc'), readFileSync(path.join(root, '.zapierapprc')));
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\nbuild/\n');
  let seconds = run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    dir,
    'Installing the bare app',
  );
  seconds += run(
    process.execPath,
    [cliBin(root), 'build', '--skip-dep-install', '--skip-validation'],
    dir,
    'Building the bare app',
  );
  return { zip: path.join(dir, 'build', 'build.zip'), dir, seconds };
}

const cliBin = (root: string) => path.join(root, 'node_modules', 'zapier-platform-cli', 'src', 'bin', 'run');

function totals(entries: ZipEntry[]) {
  return { files: entries.length, uncompressed: entries.reduce((sum, e) => sum + e.uncompressed, 0) };
}

function byPart(entries: ZipEntry[]): Map<string, ZipEntry[]> {
  const parts = new Map<string, ZipEntry[]>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue; // directory records, if any
    const owner = ownerOf(entry.name);
    parts.set(owner, [...(parts.get(owner) ?? []), entry]);
  }
  return parts;
}

const sum = (entries: ZipEntry[] | undefined) => (entries ?? []).reduce((total, e) => total + e.inZip, 0);

export function measurePackage(root: string): PackageResult {
  const coreVersion = (
    JSON.parse(readFileSync(path.join(root, 'node_modules', 'zapier-platform-core', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const oursSeconds = run('npm', ['run', 'package', '--silent'], root, 'npm run package');
  const oursZip = path.join(root, 'build', 'build.zip');
  if (!existsSync(oursZip)) throw new Error('npm run package made no build/build.zip');
  const bare = buildBareZip(root, coreVersion);
  try {
    const ours = readZip(oursZip);
    const theirs = readZip(bare.zip);
    const oursParts = byPart(ours.entries);
    const bareParts = byPart(theirs.entries);
    const parts: PartSize[] = [...oursParts.entries()].map(([part, entries]) => ({
      part,
      ours: sum(entries),
      bare: sum(bareParts.get(part)),
      files: entries.length,
      manifestOnly: entries.every(
        (e) => e.name.startsWith('node_modules/') && path.posix.basename(e.name) === 'package.json',
      ),
    }));
    for (const [part, entries] of bareParts) {
      if (!oursParts.has(part)) parts.push({ part, ours: 0, bare: sum(entries), files: 0, manifestOnly: false });
    }
    parts.sort((a, b) => b.ours - b.bare - (a.ours - a.bare));
    const shouldNotShip = [
      ...ours.entries
        .filter((e) => SHOULD_NOT_SHIP.some(([pattern]) => pattern.test(e.name)))
        .map((e) => `${e.name} (${SHOULD_NOT_SHIP.find(([pattern]) => pattern.test(e.name))![1]})`),
      ...nonProductionPackages(root, ours.entries),
    ];
    return {
      ours: { bytes: ours.size, ...totals(ours.entries) },
      bare: { bytes: theirs.size, ...totals(theirs.entries) },
      ratio: ratio(ours.size, theirs.size),
      parts,
      shouldNotShip,
      coreVersion,
      buildSeconds: { ours: oursSeconds, bare: bare.seconds },
    };
  } finally {
    rmSync(bare.dir, { recursive: true, force: true });
  }
}

/** The parts of the difference, grouped the way the report explains them. */
export function differenceGroups(parts: PartSize[]) {
  const ownFiles = ['dist/', 'index.js', 'package.json', 'definition.json', 'zapierwrapper.js'];
  const group = (filter: (p: PartSize) => boolean) => {
    const chosen = parts.filter(filter);
    return { parts: chosen, delta: chosen.reduce((total, p) => total + p.ours - p.bare, 0) };
  };
  return {
    own: group((p) => ownFiles.includes(p.part)),
    extraDependencies: group((p) => !ownFiles.includes(p.part) && p.bare === 0 && !p.manifestOnly),
    manifestsOnly: group((p) => !ownFiles.includes(p.part) && p.bare === 0 && p.manifestOnly),
    shared: group((p) => !ownFiles.includes(p.part) && p.bare > 0),
  };
}
