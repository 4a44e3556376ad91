/**
 * `npm run package` ships only what git tracks: an untracked file (a local .env.local with a
 * key, a scratch file) never reaches source.zip, and .gitignore keeps .env.* files untracked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileApp, serializeApp } = require('zapier-platform-core/src/tools/schema');
import { bundleApp } from '../../scripts/bundle';
import { stageProjectFiles } from '../../scripts/package';
import { App } from '../support/zapier';

const ROOT = path.join(__dirname, '..', '..');

it('stages only the files git tracks: an untracked canary with a key stays out', () => {
  const canaries = ['.env.local', 'untracked-canary.txt'].map((name) => path.join(ROOT, name));
  const stage = mkdtempSync(path.join(tmpdir(), 'lusha-package-test-'));
  try {
    for (const file of canaries) writeFileSync(file, 'authData_api_key=zz-SECRET-canary-key\n');
    const staged = stageProjectFiles(stage, ROOT);
    expect(staged).toContain('package.json');
    expect(staged).toContain('index.ts');
    expect(staged.filter((file) => file.includes('canary') || file.startsWith('.env.local'))).toEqual([]);
    for (const file of canaries) expect(existsSync(path.join(stage, path.basename(file)))).toBe(false);
  } finally {
    for (const file of canaries) rmSync(file, { force: true });
    rmSync(stage, { recursive: true, force: true });
  }
});

it.each(['.env', '.env.local', '.env.production'])('.gitignore keeps %s out of git', (name) => {
  expect(execFileSync('git', ['check-ignore', name], { cwd: ROOT, encoding: 'utf8' }).trim()).toBe(name);
});

it('.gitignore does not hide .env.example', () => {
  expect(() => execFileSync('git', ['check-ignore', '.env.example'], { cwd: ROOT, stdio: 'pipe' })).toThrow();
});

describe('the one-file bundle that ships (scripts/bundle.ts)', () => {
  // Written inside the project, so that its npm dependencies resolve from node_modules as in the zip.
  const file = path.join(ROOT, 'dist', `bundle-test-${process.pid}.js`);
  afterAll(() => {
    rmSync(file, { force: true });
  });

  it('defines exactly the app the modules define, with every function and class name kept', () => {
    bundleApp(ROOT, file, path.join(ROOT, 'index.ts'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(file) as typeof App;
    const definition = (app: typeof App) => JSON.stringify(serializeApp(compileApp(app)));
    expect(definition(bundled)).toBe(definition(App));
    // Minified, but not renamed: error names and stack traces still say what failed where.
    expect(bundled.beforeRequest.map((f) => f.name)).toEqual(['addLushaAuth']);
    expect(readFileSync(file, 'utf8')).toMatch(/__name\(this, ?"LushaOutcomeUnknownError"\)/);
  });

  it('loads zod only when a first answer is parsed, not with the app (src/lusha/schemas-on-demand.ts)', () => {
    if (!existsSync(file)) bundleApp(ROOT, file, path.join(ROOT, 'index.ts'));
    const probe =
      `const app = require(${JSON.stringify(file)}); const loaded = () => Object.keys(require.cache).some((f) => ` +
      `f.includes('/node_modules/zod/')); const before = loaded(); ` +
      `require('zod'); process.stdout.write(JSON.stringify({ before, after: loaded(), ops: Object.keys(app.creates).length }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8' })) as {
      before: boolean;
      after: boolean;
      ops: number;
    };
    expect(out).toEqual({ before: false, after: true, ops: Object.keys(App.creates).length });
  });
});
