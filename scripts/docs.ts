/**
 * `npm run docs`: writes docs/operations.md from the app definition.
 * `npm run docs -- --check`: exits 1 when the checked-in file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import App from '../index';
import { renderOperationsReference } from './operations-reference';

const target = path.join(__dirname, '..', '..', 'docs', 'operations.md');
const fresh = renderOperationsReference(App);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== fresh) {
    process.stderr.write('docs/operations.md is stale: run `npm run docs` and commit the result.\n');
    process.exit(1);
  }
  process.stdout.write('docs/operations.md is up to date.\n');
} else {
  writeFileSync(target, fresh);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`);
}
