/**
 * The one message every operation stops with on input it cannot use: the step, that nothing
 * was charged, then every problem on its own line, a very long list capped.
 */
import type { ZObject } from 'zapier-platform-core';
import { haltOnInputProblems, inputProblemsMessage, MAX_LISTED_PROBLEMS } from '../../../src/zapier/input-problems';
import { useNock } from '../../support/nock';
import { appTester, bundleWith, expectStepError } from '../../support/zapier';

useNock();

describe('inputProblemsMessage', () => {
  it('names the step, then lists each problem as a sentence on its own line', () => {
    expect(
      inputProblemsMessage('Find Person', [
        'Email "maya@" is not a valid email address (expected something like name@company.com)',
        ' Use either Up to N Results or Page Size, not both: Up to N Results chooses the page size itself. ',
        'Row 3: add a Domain or a Company Name',
      ]),
    ).toBe(
      'Find Person cannot run with this input (no credits were spent):\n' +
        '- Email "maya@" is not a valid email address (expected something like name@company.com).\n' +
        '- Use either Up to N Results or Page Size, not both: Up to N Results chooses the page size itself.\n' +
        '- Row 3: add a Domain or a Company Name.',
    );
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems and counts the rest`, () => {
    const problems = Array.from({ length: 1_234 }, (_, i) => `Row ${i + 1}: Email is missing`);
    const lines = inputProblemsMessage('Bulk Enrich People', problems).split('\n');
    expect(lines).toHaveLength(1 + MAX_LISTED_PROBLEMS + 1);
    expect(lines[MAX_LISTED_PROBLEMS]).toBe(`- Row ${MAX_LISTED_PROBLEMS}: Email is missing.`);
    expect(lines.at(-1)).toBe(`- ...and ${(1_234 - MAX_LISTED_PROBLEMS).toLocaleString('en-US')} more problems.`);
    expect(
      inputProblemsMessage('X', problems.slice(0, MAX_LISTED_PROBLEMS + 1))
        .split('\n')
        .at(-1),
    ).toBe('- ...and 1 more problem.');
    expect(inputProblemsMessage('X', problems.slice(0, MAX_LISTED_PROBLEMS))).not.toContain('more problem');
  });
});

describe('haltOnInputProblems', () => {
  const run = (problems: string[]) =>
    appTester((z: ZObject) => {
      haltOnInputProblems(z, 'Prospect Contacts', problems);
      return 'ran';
    }, bundleWith({}));

  it('stops the step with a HaltedError when there is any problem', async () => {
    expect(await expectStepError(run(['Page must be a whole number from 0 to 1000 (got "-1")']))).toEqual({
      name: 'HaltedError',
      message:
        'Prospect Contacts cannot run with this input (no credits were spent):\n' +
        '- Page must be a whole number from 0 to 1000 (got "-1").',
    });
  });

  it('lets the step go on when there is none', async () => {
    expect(await run([])).toBe('ran');
  });
});
