/** docs/operations.md must match the app definition: run `npm run docs` after changing an operation. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadContract, renderOperationsReference } from '../../scripts/operations-reference';
import { App } from '../support/zapier';

it('docs/operations.md is up to date with the app definition (run `npm run docs`)', () => {
  const checkedIn = readFileSync(path.join(__dirname, '..', '..', 'docs', 'operations.md'), 'utf8');
  expect(checkedIn).toBe(renderOperationsReference(App));
});

it('every visible operation declares its contract (endpoints, credits, errors)', () => {
  for (const kind of ['triggers', 'searches', 'creates'] as const) {
    for (const op of Object.values(App[kind] as Record<string, { key: string; display: { hidden?: boolean } }>)) {
      if (op.display.hidden) continue;
      const contract = loadContract(kind, op.key);
      if (!contract) throw new Error(`${kind}/${op.key} exports no contract`);
      expect(contract.endpoints.length).toBeGreaterThan(0);
      expect(contract.credits).toMatch(/\w/);
    }
  }
  expect(renderOperationsReference(App)).not.toMatch(/\| undefined \|/);
});
