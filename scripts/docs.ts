/**
 * `npm run docs`: writes docs/operations.md and docs/operations.json from the app definition,
 * and the README's troubleshooting table from the error map.
 * `npm run docs -- --check`: exits 1 when either checked-in file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import App from '../index';
import { renderOperationsJson, renderOperationsReference, withTroubleshooting } from './operations-reference';

const root = path.join(__dirname, '..', '..');
const read = (file: string) => {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch {
    return ''; // missing counts as stale
  }
};
const targets = [
  { file: 'docs/operations.md', fresh: renderOperationsReference(App) },
  { file: 'docs/operations.json', fresh: renderOperationsJson(App) },
  { file: 'README.md', fresh: withTroubleshooting(read('README.md')) },
];

if (process.argv.includes('--check')) {
  const stale = targets.filter((t) => read(t.file) !== t.fresh).map((t) => t.file);
  if (stale.length > 0) {
    process.stderr.write(`${stale.join(' and ')} stale: run \`npm run docs\` and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write('docs/operations.md, docs/operations.json and the README are up to date.\n');
} else {
  for (const t of targets) {
    writeFileSync(path.join(root, t.file), t.fresh);
    process.stdout.write(`Wrote ${t.file}\n`);
  }
}
