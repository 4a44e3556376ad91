/**
 * What the unit tests of the create steps share: a step run through the app tester, Lusha's
 * host expecting the test key, the bodies' generated client reference ids, a bulk step's row,
 * and the messages a step halts with (its input refused before any call, or Lusha's mapped errors).
 */
import nock from 'nock';
import { App, appTester, bundleWith, expectStepError, LUSHA, TEST_KEY, type Perform } from './zapier';

/** Lusha's API, expecting the test key on every request. */
export const lusha = () => nock(LUSHA, { reqheaders: { api_key: TEST_KEY } });

/** What a create step outputs: one object. */
export type StepOutput = Record<string, unknown>;
/** What a bulk step (Bulk Enrich, Score by Signals) outputs: its counts and one row per input row. */
export type RowsOutput = StepOutput & { rows: StepOutput[] };

/**
 * The create step `key` as Zapier runs it, with `inputData`: on an empty cache each run, unless
 * `keepCache` (a run then sees what an earlier run of the test kept, as the account's prices).
 */
export function createStep<T = StepOutput>(key: string, { keepCache = false } = {}) {
  const perform = App.creates[key]!.operation.perform as Perform<T>;
  return (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData), !keepCache);
}

/** `items` as a step sends them to a V3 batch endpoint: under the client reference ids it generates, 1, 2, 3… in order. */
export const numbered = <I extends object>(...items: I[]) =>
  items.map((item, i) => ({ clientReferenceId: String(i + 1), ...item }));

/** One row of a bulk step's output: its place, its reference, its status, and (in `more`) its fields. */
export const bulkRow = (row: number, reference: string | null, status: string, more: StepOutput = {}) => ({
  row,
  reference,
  status,
  reason: null,
  duplicateOfRow: null,
  possiblyCharged: false,
  ...more,
});

/** The message of a step that refuses its input before any call: its title, then each problem on a line. */
export const refusal = (title: string, ...problems: string[]) =>
  [`${title} cannot run with this input (no credits were spent):`, ...problems.map((problem) => `- ${problem}`)].join(
    '\n',
  );

/** What a step says when Lusha answers `route` with 402 "Insufficient credits". */
export const noCreditsLeft = (route: string) =>
  `The Lusha account has no credits left (${route}, HTTP 402): Insufficient credits. Add credits to your Lusha ` +
  'account or wait for your plan to renew, then replay the run.';

/** What a step says when Lusha rejects `route` (HTTP 400) with `reason`. */
export const rejected = (route: string, reason: string) =>
  `Lusha rejected the request (${route}, HTTP 400): ${reason}. Check the step's fields and try again.`;

/** Expects the run to halt (HaltedError) with exactly `message`. */
export async function expectHalt(run: Promise<unknown>, message: string): Promise<void> {
  expect(await expectStepError(run)).toEqual({ name: 'HaltedError', message });
}

/** Expects the run to refuse its input, before any call, with exactly these problems. */
export const expectRefusal = (run: Promise<unknown>, title: string, ...problems: string[]) =>
  expectHalt(run, refusal(title, ...problems));

/** Expects a bulk step's output fields to declare every key of its sample, with the row fields as line items. */
export function expectLineItemFields(operation: { outputFields?: unknown; sample?: unknown }) {
  const fields = operation.outputFields as Array<{
    key: string;
    children?: Array<{ key: string; list?: boolean; children?: unknown }>;
  }>;
  const sample = operation.sample as RowsOutput;
  expect(fields.map((field) => field.key).sort()).toEqual(Object.keys(sample).sort());
  const rowFields = fields.find((field) => field.key === 'rows')!.children!;
  const rowKeys = rowFields.map((field) => field.key).sort();
  for (const row of sample.rows) expect(Object.keys(row).sort()).toEqual(rowKeys);
  return { rowFields, sample };
}

/** Person n of the prospecting answers as Lusha V3 previews them: a VP of Sales in Boston, email and phone to reveal. */
export const personPreview = (n: number) => ({
  firstName: 'Person',
  lastName: `${n}`,
  jobTitle: { title: 'VP of Sales', departments: ['Sales'], seniority: 'Vice President' },
  location: { country: 'United States', state: 'Massachusetts', city: 'Boston' },
  canReveal: [
    { field: 'emails', credits: 1 },
    { field: 'phones', credits: 5 },
  ],
});

/** Person n of `personPreview` as a step's line item shows them. */
export const personLine = (n: number) => ({
  firstName: 'Person',
  lastName: `${n}`,
  fullName: `Person ${n}`,
  jobTitle: 'VP of Sales',
  seniority: 'VP',
  departments: 'Sales',
  city: 'Boston',
  state: 'Massachusetts',
  country: 'United States',
});

/** The paging part of a prospecting step's output when page 0 (20 per page) held all `results`. */
export const onePage = (requestId: string, results: number) => ({
  requestId,
  totalResults: results,
  page: 0,
  pageSize: 20,
  pagesFetched: 1,
  resultCount: results,
  nextPage: null,
  stoppedForTime: false,
});

/**
 * Lusha answering each of `times` requests to `route` with `answerFor` the items the request sent under `key`
 * (`companies`, `contacts`) and its whole body; `sent` gathers those items, a list a request, in the order Lusha got them.
 */
export function batchesTo<I extends { clientReferenceId: string }>(
  route: string,
  key: string,
  times: number,
  answerFor: (items: I[], body: Record<string, unknown>) => nock.Body,
) {
  const sent: I[][] = [];
  const scope = nock(LUSHA)
    .post(route)
    .times(times)
    .reply(200, (_uri, body) => {
      const items = (body as Record<string, I[]>)[key]!;
      sent.push(items);
      return answerFor(items, body as Record<string, unknown>);
    });
  return {
    scope,
    sent,
    /** How many items each request sent, the largest first. */
    sizes: () => sent.map((items) => items.length).sort((a, b) => b - a),
    /** Each item sent as [its reference, its `field`], by reference. */
    references: (field: keyof I) =>
      sent
        .flat()
        .map((item) => [item.clientReferenceId, item[field]])
        .sort((a, b) => Number(a[0]) - Number(b[0])),
  };
}

/**
 * Three companies for a bulk company step (Bulk Enrich, Score by Signals): Northwind, which Lusha finds;
 * Contoso, which it answers with an error; Fabrikam, which it leaves out of its answer.
 */
export const foundErredAndLeftOut = [
  { domain: 'northwind-analytics.com' },
  { domain: 'contoso.com' },
  { name: 'Fabrikam' },
];

/**
 * Expects the rows of `foundErredAndLeftOut` Lusha did not find to be errors: Contoso's with `erred` (its reason
 * and fields), Fabrikam's saying Lusha left it out; both with `more`.
 */
export function expectErredAndLeftOut(output: RowsOutput, erred: StepOutput, more: StepOutput = {}) {
  expect(output.rows[1]).toMatchObject({ status: 'error', ...erred, ...more });
  expect(output.rows[2]).toMatchObject({
    status: 'error',
    reason: "Lusha's answer did not include this company: run it again.",
    ...more,
  });
}
