/**
 * What the unit tests of the create steps share: a step run through the app tester, Lusha's
 * host expecting the test key, the bodies' generated client reference ids, a bulk step's row,
 * the messages a step halts with (its input refused before any call, or Lusha's mapped errors), and the
 * scenarios both Bulk Enrich steps share (`describeBulkEnrich`).
 */
import nock from 'nock';
import { bulkEnrichKit } from './enrichment-fixtures';
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

/**
 * What the scenarios both Bulk Enrich steps (Companies, People) share test a step with: its match `found` under a
 * reference, and each scenario's data.
 */
export interface BulkEnrichScenarios<I extends { clientReferenceId: string }> {
  found: (clientReferenceId: string) => StepOutput;
  /**
   * A mixed list whose first four rows are a match (`item`), a miss, an invalid row (`invalid`, why) and a duplicate
   * of the first, then rows `more`, all in one request: the body `sent`, what Lusha `answered` and billed
   * (`creditsCharged`), the `counts` and `summary` (no row revealed nothing, erred or was possibly charged).
   */
  mixed: {
    rows: Array<Record<string, unknown>>;
    sent: nock.RequestBodyMatcher;
    answered: unknown[];
    item: StepOutput;
    invalid: string;
    more: StepOutput[];
    counts: Record<'total' | 'matched' | 'notFound' | 'invalid' | 'creditsCharged', number>;
    summary: string;
  };
  /** Distinct `rows` sent in batches of `sizes`, each billed `billed`, by `field`; `repeated` rows repeat the first. */
  batches: {
    rows: Array<Record<string, string>>;
    repeated: number;
    field: keyof I;
    sizes: number[];
    billed: (items: I[], body: Record<string, unknown>) => number;
    counts: StepOutput;
    /** Rows of the output, by index, and what they hold. */
    rowsAt: Record<number, StepOutput>;
  };
  /** A request Lusha answered without a bill (`creditsCharged`) for its one `row`, matched by Lusha ID `id`. */
  uncharged: { row: StepOutput; creditsCharged: 0 | null; id: string };
  /** `rows` sent in two requests, the one of `size` items failing with `status` and `message`; `lastRow`, the last row. */
  oneFails: {
    rows: StepOutput[];
    size: number;
    status: number;
    message: string;
    billed: number;
    counts: StepOutput;
    lastRow: StepOutput;
  };
  /** Inputs the step refuses before any call, and the problems it names. */
  refusals: Array<{ refused: string; input: Record<string, unknown>; problems: string[] }>;
}

/**
 * Registers the scenarios both Bulk Enrich steps share for the step `key`, named `title`: it sends its items under
 * `contacts` (People) or `companies` to Lusha's search-and-enrich route.
 */
export function describeBulkEnrich<I extends { clientReferenceId: string }>(
  key: 'enrich_companies' | 'enrich_people',
  title: string,
  step: BulkEnrichScenarios<I>,
) {
  const { enrich: run, answer, emptyItem } = bulkEnrichKit(key);
  const [noun, sentUnder] = key === 'enrich_people' ? ['person', 'contacts'] : ['company', 'companies'];
  const route = `/v3/${sentUnder}/search-and-enrich`;
  const { found } = step;

  describe(`${title}: what both bulk steps do`, () => {
    it(`sends each distinct ${noun} once under generated ids and returns every row, in order, with its status`, async () => {
      const { rows, item, counts } = step.mixed;
      const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY, 'content-type': 'application/json' } })
        .post(route, step.mixed.sent)
        // Results are matched by reference, not by position.
        .reply(200, answer(step.mixed.answered, counts.creditsCharged));
      const output = await run({ rows });
      expect(scope.isDone()).toBe(true);
      const reference = (row: number) => (rows[row - 1]!.reference as string | undefined) ?? null;
      expect(output).toEqual({
        ...counts,
        notRevealed: 0,
        errors: 0,
        requests: 1,
        possiblyChargedRows: 0,
        summary: step.mixed.summary,
        rows: [
          bulkRow(1, reference(1), 'matched', item),
          bulkRow(2, reference(2), 'not_found', emptyItem),
          bulkRow(3, reference(3), 'invalid_input', { ...emptyItem, reason: step.mixed.invalid }),
          bulkRow(4, reference(4), 'matched', { ...item, duplicateOfRow: 1 }),
          ...step.mixed.more,
        ],
      });
    });

    it(`sends distinct ${sentUnder} in batches of at most 100, each once, and adds up what each request billed`, async () => {
      const { rows, repeated, field } = step.batches;
      const batches = batchesTo<I>(route, sentUnder, step.batches.sizes.length, (items, body) =>
        // Answered in reverse order.
        answer(items.map((sent) => found(sent.clientReferenceId)).reverse(), step.batches.billed(items, body)),
      );
      const output = await run({ rows: [...rows, ...rows.slice(0, repeated)] });
      expect(batches.scope.isDone()).toBe(true);
      expect(batches.sizes()).toEqual(step.batches.sizes);
      expect(batches.references(field)).toEqual(rows.map((row, i) => [String(i + 1), row[field as string]]));
      expect(output).toMatchObject(step.batches.counts);
      for (const [index, row] of Object.entries(step.batches.rowsAt))
        expect(output.rows[Number(index)]).toMatchObject(row);
    });

    it('marks the matches of a request Lusha charged nothing for as not charged', async () => {
      nock(LUSHA)
        .post(route)
        .reply(200, answer([found('1')], step.uncharged.creditsCharged));
      const output = await run({ rows: [step.uncharged.row] });
      expect(output).toMatchObject({ matched: 1, creditsCharged: 0 });
      expect(output.rows[0]).toMatchObject({ status: 'matched', id: step.uncharged.id, creditCharged: false });
    });

    it('keeps what was enriched when one request of several fails: those rows say why, and cost nothing', async () => {
      const { size, status, message } = step.oneFails;
      let calls = 0;
      nock(LUSHA)
        .post(route)
        .times(2)
        .reply((_uri, body) => {
          calls += 1;
          const items = (body as Record<string, I[]>)[sentUnder]!;
          if (items.length === size) return [status, { statusCode: status, message }];
          return [
            200,
            answer(
              items.map((sent) => found(sent.clientReferenceId)),
              step.oneFails.billed,
            ),
          ];
        });
      const output = await run({ rows: step.oneFails.rows });
      expect(calls).toBe(2);
      expect(output).toMatchObject(step.oneFails.counts);
      expect(output.rows.at(-1)).toMatchObject({ status: 'error', creditCharged: false, ...step.oneFails.lastRow });
    });

    it.each(step.refusals)('halts before any call on $refused', async ({ input, problems }) => {
      const scope = nock(LUSHA).post(route).reply(200, answer([], 0));
      await expectRefusal(run(input), title, ...problems);
      expect(scope.isDone()).toBe(false);
    });
  });
}
