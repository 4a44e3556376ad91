/** docs/operations.md must match the app definition: run `npm run docs` after changing an operation. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  loadContract,
  renderOperationsJson,
  renderOperationsReference,
  withTroubleshooting,
} from '../../scripts/operations-reference';
import {
  appendSentence,
  errorFromResponse,
  LushaOutcomeUnknownError,
  LushaResponseError,
  type LushaError,
} from '../../src/lusha/errors';
import { ERROR_MAP, errorRuleOf, zapierMappingOf } from '../../src/zapier/errors';
import { App } from '../support/zapier';

it('docs/operations.md is up to date with the app definition (run `npm run docs`)', () => {
  const checkedIn = readFileSync(path.join(__dirname, '..', '..', 'docs', 'operations.md'), 'utf8');
  expect(checkedIn).toBe(renderOperationsReference(App));
});

it('docs/operations.json is up to date, and says the same as docs/operations.md (run `npm run docs`)', () => {
  const checkedIn = readFileSync(path.join(__dirname, '..', '..', 'docs', 'operations.json'), 'utf8');
  expect(checkedIn).toBe(renderOperationsJson(App));
  const doc = JSON.parse(checkedIn) as {
    operations: Array<{ key: string; inputs: Array<{ key: string }>; endpoints: string[] }>;
  };
  const markdown = renderOperationsReference(App);
  for (const op of doc.operations) {
    expect(markdown).toContain(`(\`${op.key}\`)`);
    for (const input of op.inputs.filter((i) => i.key !== '(computed)')) expect(markdown).toContain(`\`${input.key}\``);
    for (const endpoint of op.endpoints) expect(markdown).toContain(`\`${endpoint}\``);
  }
  expect(doc.operations.map((op) => op.key).sort()).toEqual(
    (['triggers', 'searches', 'creates'] as const)
      .flatMap((kind) => Object.values(App[kind] as Record<string, { key: string; display: { hidden?: boolean } }>))
      .filter((op) => !op.display.hidden)
      .map((op) => op.key)
      .sort(),
  );
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

it("the README's troubleshooting table is generated from the error map (run `npm run docs`)", () => {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  expect(readme).toBe(withTroubleshooting(readme));
});

describe('each row of the error map says what the builder sees', () => {
  const response = (status: number, message: string, headers: Record<string, string> = {}) =>
    errorFromResponse(
      'GET /v3/example',
      { status, headers, text: JSON.stringify({ statusCode: status, message }) },
      { now: Date.now(), clean: (t) => t },
    );
  const examples: LushaError[] = [
    response(401, 'Invalid API key'),
    response(402, 'Insufficient credits'),
    response(429, 'Trial limit reached'),
    errorFromResponse(
      'POST /v3/companies/website-visits',
      {
        status: 400,
        headers: {},
        text: JSON.stringify({
          statusCode: 400,
          message: 'Invalid request parameters',
          errors: ['domain a.io is not configured for tracking'],
        }),
      },
      { now: Date.now(), clean: (t) => t },
    ),
    response(400, 'Invalid request parameters'),
    response(451, 'GDPR'),
    response(404, 'Resource not found'),
    response(403, 'Your account is not active'),
    response(429, 'Daily API quota limit exceeded', { 'x-daily-requests-left': '0' }),
    response(429, 'Too many requests', { 'retry-after': '3' }),
    response(500, 'Internal server error'),
    new LushaResponseError(
      'Lusha answered GET /v3/example in an unexpected shape at "results": Required',
      'GET /v3/example',
      200,
    ),
    new LushaOutcomeUnknownError(response(504, 'Gateway Timeout')),
    response(503, 'Service Unavailable'),
  ];

  it('covers every row, once', () => {
    expect(examples.map((e) => ERROR_MAP.indexOf(errorRuleOf(e)))).toEqual(ERROR_MAP.map((_, i) => i));
  });

  it.each(examples.map((e) => [errorRuleOf(e).seen, e] as const))('"%s"', (seen, error) => {
    const message = appendSentence(error.message, zapierMappingOf(error).advice);
    const pattern = seen
      .split('…')
      .map((part) =>
        part
          .trim()
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\bN\b/g, '\\d+'),
      )
      .join('.*');
    expect(message).toMatch(new RegExp(pattern));
  });
});
