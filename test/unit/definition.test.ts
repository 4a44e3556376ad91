/**
 * The app definition passes Zapier's own schema (the check `zapier-platform validate` runs
 * first, offline), so a field Zapier refuses — a help text over 1,000 characters, a help text
 * on a field with children — fails here, in `npm test`, not only in CI's validate step.
 */
import { App } from '../support/zapier';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateApp } = require('zapier-platform-core/src/tools/schema') as {
  validateApp: (app: unknown) => Array<{ property: string; message: string }>;
};

it("passes Zapier's schema", () => {
  expect(validateApp(App).map((e) => `${e.property}: ${e.message}`)).toEqual([]);
});
