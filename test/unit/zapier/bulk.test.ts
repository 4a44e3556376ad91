/**
 * The bulk machine shared by Bulk Enrich People and Bulk Enrich Companies: validation,
 * dedupe, batches of 100 with bounded concurrency, the time budget, per-row statuses in
 * input order, totals, and when a run fails as a whole. Driven through a Lusha client over
 * a scripted transport answering as V3 search-and-enrich does (results under their
 * clientReferenceId, a bill per request), so the client's real error typing applies.
 */
import type { ZObject } from 'zapier-platform-core';
import { type Checked } from '../../../src/shared/readers';
import { LushaClient } from '../../../src/lusha/client';
import { LushaAuthError, LushaRateLimitError } from '../../../src/lusha/errors';
import type { TransportRequest, TransportResponse } from '../../../src/lusha/transport';
import type { LookupOutcome } from '../../../src/shared/outcome';
import {
  type BulkLookup,
  type BulkResult,
  type BulkRow,
  type BulkTotals,
  type RowStatus,
  bulkOutput,
  bulkOutputFields,
  enrichInBulk,
  MAX_ROWS,
  summaryOf,
} from '../../../src/zapier/bulk';
import { useNock } from '../../support/nock';
import { appTester, bundleWith, expectStepError, TEST_KEY } from '../../support/zapier';

// No request leaves the process: the client below talks to a scripted transport only.
useNock();

interface Item {
  name: string;
}

/**
 * A lookup by company name, sent as V3 search-and-enrich items under the machine's ids; names
 * starting with "miss" are not found, "bad" is invalid input. Outcomes are read by
 * `clientReferenceId`, and the batch reports what Lusha billed it.
 */
const spec: BulkLookup<string, Item | null> = {
  noun: 'company',
  plural: 'companies',
  operation: 'Bulk Test',
  read: (row): Checked<string> => {
    const name = typeof row.name === 'string' ? row.name.trim() : '';
    if (!name) return { ok: false, problems: ['Company Name is missing'] };
    if (name.startsWith('bad')) return { ok: false, problems: [`Company Name "${name}" is bad`, 'and so is the rest'] };
    return { ok: true, value: name };
  },
  keyOf: (name) => name.toLowerCase(),
  emptyRecord: null,
  send: async (client, batch) => {
    const answer = await client.searchAndEnrichCompanies({
      companies: batch.map(({ id, lookup }) => ({ clientReferenceId: id, name: lookup })),
    });
    const byReference = new Map(answer.results.map((r) => [r.clientReferenceId ?? '', r]));
    const outcomes = new Map<string, LookupOutcome<Item | null>>();
    for (const { id } of batch) {
      const result = byReference.get(id);
      if (!result) continue; // left out of the answer
      outcomes.set(
        id,
        result.name && !result.error
          ? { status: 'matched', record: { name: result.name }, creditsCharged: 0 }
          : { status: 'not_found', creditsCharged: 0 },
      );
    }
    return { outcomes, creditsCharged: answer.billing?.creditsCharged ?? 0 };
  },
};

type Body = { companies: Array<{ clientReferenceId: string; name: string }> };
type Reply = (body: Body, index: number) => TransportResponse | Promise<TransportResponse>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): TransportResponse => ({
  status,
  headers,
  text: JSON.stringify(body),
});

/**
 * The answer: every company found, except names starting with "miss" (NOT_FOUND), in reverse
 * order (results are matched by reference), billed `perFound` credits per company found.
 */
const foundBilling =
  (perFound: number): Reply =>
  (body) => {
    const results = body.companies.map((c) =>
      c.name.startsWith('miss')
        ? { clientReferenceId: c.clientReferenceId, error: { code: 'NOT_FOUND', message: 'Company not found' } }
        : { clientReferenceId: c.clientReferenceId, id: '1', name: c.name },
    );
    const charged = results.filter((r) => !('error' in r)).length * perFound;
    return json(200, { requestId: 'r', results: results.reverse(), billing: { creditsCharged: charged } });
  };
const found = foundBilling(1);

function harness(reply: Reply, clock?: { now: () => number; deadline: number }) {
  const requests: Body[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const client = new LushaClient({
    transport: {
      async send(request: TransportRequest) {
        const body = request.body as Body;
        const index = requests.length;
        requests.push(body);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        try {
          return await reply(body, index);
        } finally {
          inFlight -= 1;
        }
      },
    },
    retryDelayMs: 1,
    requestsPerSecond: 1000,
    secrets: [TEST_KEY],
    ...(clock ?? {}),
  });
  const run = (rows: unknown) =>
    appTester((z: ZObject, bundle) => enrichInBulk(z, bundle, client, rows, spec), bundleWith({})) as Promise<
      BulkResult<Item | null>
    >;
  const runFails = (rows: unknown) => expectStepError(run(rows));
  return { run, runFails, requests, client, maxInFlight: () => maxInFlight };
}

/** A row as the machine reports it: no reference, reason or duplicate, not possibly charged, unless `more` says so. */
const bulkRow = <R>(row: number, status: RowStatus, record: R, more: Partial<BulkRow<R>> = {}): BulkRow<R> => ({
  row,
  reference: null,
  status,
  reason: null,
  duplicateOfRow: null,
  possiblyCharged: false,
  record,
  ...more,
});

/** A run's totals: `counts`, every other count 0. */
const totalsOf = (counts: Partial<BulkTotals>): BulkTotals => ({
  total: 0,
  matched: 0,
  notRevealed: 0,
  notFound: 0,
  invalid: 0,
  errors: 0,
  requests: 0,
  creditsCharged: 0,
  possiblyChargedRows: 0,
  ...counts,
});

const names = (count: number, prefix = 'co') =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix}${i + 1}` }));

describe('enrichInBulk: before any call', () => {
  it(`refuses more than ${MAX_ROWS} rows`, async () => {
    const { runFails, requests } = harness(found);
    const error = await runFails(names(MAX_ROWS + 1));
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        'Bulk Test cannot run with this input (no credits were spent):\n' +
        "- The list has 1,001 rows, but one run takes at most 1,000 so that it finishes within Zapier's 30-second limit: " +
        'split the list (for example with Looping by Zapier) and run it in parts.',
    });
    expect(requests).toHaveLength(0);
  });

  it('refuses an empty list', async () => {
    const { runFails, requests } = harness(found);
    expect(await runFails([])).toEqual({
      name: 'HaltedError',
      message:
        'Bulk Test cannot run with this input (no credits were spent):\n' +
        '- There are no rows: map a list of companies from an earlier step into the line-item fields, or add rows.',
    });
    expect(await runFails(undefined)).toMatchObject({ name: 'HaltedError' });
    expect(requests).toHaveLength(0);
  });

  it('halts, listing every problem of every row, when no row can be looked up', async () => {
    const { runFails, requests } = harness(found);
    expect(await runFails([{ name: 'bad1' }, {}, 'not an object'])).toEqual({
      name: 'HaltedError',
      message:
        'Bulk Test cannot run with this input (no credits were spent):\n' +
        '- Row 1: Company Name "bad1" is bad.\n' +
        '- Row 1: and so is the rest.\n' +
        '- Row 2: Company Name is missing.\n' +
        '- Row 3: Company Name is missing.',
    });
    expect(requests).toHaveLength(0);
  });

  it('keeps a long list of problems readable', async () => {
    const { runFails } = harness(found);
    const error = await runFails(Array.from({ length: 40 }, () => ({})));
    expect(error.message).toMatch(/\n- Row 20: Company Name is missing\.\n- \.\.\.and 20 more problems\.$/);
    expect(error.message).not.toContain('Row 21');
  });

  it("halts on a bad option of the step, listing it before the rows' problems, even when some rows are usable", async () => {
    const requests: unknown[] = [];
    const client = new LushaClient({
      transport: { send: async (request) => (requests.push(request), json(200, { results: [] })) },
      secrets: [TEST_KEY],
    });
    const rows = [{ name: 'co1' }, {}];
    const error = await expectStepError(
      appTester(
        (z: ZObject, bundle) =>
          enrichInBulk(z, bundle, client, rows, {
            ...spec,
            optionProblems: ['Reveal "all" is not one of: both, emails'],
          }),
        bundleWith({}),
      ),
    );
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        'Bulk Test cannot run with this input (no credits were spent):\n' +
        '- Reveal "all" is not one of: both, emails.\n' +
        '- Row 2: Company Name is missing.',
    });
    expect(requests).toHaveLength(0);
  });
});

describe('enrichInBulk: sending', () => {
  it('sends each distinct lookup once, in batches of at most 100 under generated ids, and fans results back out in order', async () => {
    const { run, requests } = harness(found);
    const rows = [
      ...names(150),
      { name: 'CO1', reference: 'again' }, // same lookup as row 1
      { name: 'miss-1', reference: 42 },
      { name: 'bad-row' },
      ...names(60, 'more'),
    ];
    const result = await run(rows);

    expect(requests.map((r) => r.companies.length)).toEqual([100, 100, 11]); // 211 distinct lookups
    expect(requests[0]!.companies[0]).toEqual({ clientReferenceId: '1', name: 'co1' });
    expect(requests.flatMap((r) => r.companies.map((c) => c.clientReferenceId))).toEqual(
      Array.from({ length: 211 }, (_, i) => String(i + 1)),
    );

    expect(result.rows).toHaveLength(rows.length);
    expect(result.rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
    expect(result.rows[0]).toEqual(bulkRow(1, 'matched', { name: 'co1' }));
    expect(result.rows[150]).toEqual(
      bulkRow(151, 'matched', { name: 'co1' }, { reference: 'again', duplicateOfRow: 1 }),
    );
    expect(result.rows[151]).toEqual(bulkRow(152, 'not_found', null, { reference: '42' }));
    expect(result.rows[152]).toEqual(
      bulkRow(153, 'invalid_input', null, { reason: 'Company Name "bad-row" is bad; and so is the rest' }),
    );
    expect(result.rows[212]).toMatchObject({ row: 213, status: 'matched', record: { name: 'more60' } });
    expect(result.totals).toEqual(
      totalsOf({ total: 213, matched: 211, notFound: 1, invalid: 1, requests: 3, creditsCharged: 210 }),
    );
  });

  it('keeps at most 4 requests in flight', async () => {
    const { run, requests, maxInFlight } = harness(found);
    await run(names(1000));
    expect(requests).toHaveLength(10);
    expect(maxInFlight()).toBe(4);
  });

  it('keeps the results of the batches that worked when one fails, and says why the others failed', async () => {
    const { run } = harness((body, index) =>
      index === 1 ? json(500, { statusCode: 500, message: 'Internal server error' }) : found(body, index),
    );
    const result = await run(names(250));
    expect(result.rows.slice(0, 100).every((r) => r.status === 'matched')).toBe(true);
    expect(result.rows[100]).toEqual(
      bulkRow(101, 'error', null, {
        reason:
          'Lusha failed to process the request (POST /v3/companies/search-and-enrich, HTTP 500): Internal server error. ' +
          'If this keeps happening, contact Lusha support.',
      }),
    );
    expect(result.rows.slice(100, 200).every((r) => r.status === 'error')).toBe(true);
    expect(result.rows.slice(200).every((r) => r.status === 'matched')).toBe(true);
    expect(result.totals).toEqual(
      totalsOf({ total: 250, matched: 150, errors: 100, requests: 3, creditsCharged: 150 }),
    );
  });

  it('says to run rows again when their batch failed for a passing reason', async () => {
    const { run } = harness((body, index) =>
      index === 0 ? json(429, { message: 'Too many requests' }, { 'retry-after': '3' }) : found(body, index),
    );
    const result = await run(names(101));
    expect(result.rows[0]).toMatchObject({
      status: 'error',
      reason:
        'Lusha rate limit reached (POST /v3/companies/search-and-enrich, HTTP 429): Too many requests. This row was not ' +
        'enriched: run it again later.',
    });
    expect(result.rows[100]).toMatchObject({ status: 'matched' });
  });

  it('counts what Lusha billed each request, not what the rows found', async () => {
    // 3 credits per company found: the totals are the requests' bills, whatever they come to.
    const { run } = harness(foundBilling(3));
    const result = await run([...names(120), { name: 'miss-1' }, { name: 'CO2' }]);
    expect(result.totals).toMatchObject({ matched: 121, notFound: 1, requests: 2, creditsCharged: 3 * 120 });

    const unbilled = harness((body) =>
      json(200, { results: body.companies.map((c) => ({ clientReferenceId: c.clientReferenceId, name: c.name })) }),
    );
    expect((await unbilled.run(names(2))).totals).toMatchObject({ matched: 2, creditsCharged: 0 });
  });

  it('leaves out of the totals a request whose answer was lost, and says its rows may have been charged', async () => {
    const { run, requests } = harness((body, index) =>
      index === 1 ? json(504, { statusCode: 504, message: 'Gateway timeout' }) : found(body, index),
    );
    const result = await run(names(250));
    // A paid request whose answer was lost is never sent again.
    expect(requests).toHaveLength(3);
    expect(result.rows[100]).toEqual(
      bulkRow(101, 'error', null, {
        reason: expect.stringMatching(
          /^Lusha is temporarily unavailable \(POST \/v3\/companies\/search-and-enrich, HTTP 504\): Gateway timeout\. Lusha may have processed this request and charged for it\./,
        ),
        possiblyCharged: true,
      }),
    );
    expect(result.totals).toMatchObject({
      matched: 150,
      errors: 100,
      requests: 3,
      creditsCharged: 150,
      possiblyChargedRows: 100,
    });
  });

  it('reports a lookup missing from a successful answer as an error row', async () => {
    const { run } = harness(() => json(200, { results: [], billing: { creditsCharged: 0 } }));
    // Lusha's answer leaves every company out: each row is reported, none dropped.
    const result = await run([{ name: 'co1' }]);
    expect(result.rows).toEqual([
      bulkRow(1, 'error', null, { reason: "Lusha's answer did not include this company: run it again." }),
    ]);
  });
});

describe('enrichInBulk: failing the run as a whole', () => {
  it('throws the failure when every batch failed the same way (nothing enriched, nothing charged)', async () => {
    const { run, requests } = harness(() => json(429, { message: 'Too many requests' }, { 'retry-after': '7' }));
    const error = await run(names(250)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LushaRateLimitError);
    expect((error as LushaRateLimitError).retryAfterSeconds).toBe(7);
    expect(requests).toHaveLength(3);
  });

  it('returns rows with reasons when every batch failed, but not the same way', async () => {
    const { run } = harness((_body, index) =>
      index === 0 ? json(500, {}) : json(402, { message: 'Insufficient credits' }),
    );
    const result = await run(names(150));
    expect(result.rows[0]).toMatchObject({ status: 'error', reason: expect.stringMatching(/HTTP 500/) });
    expect(result.rows[100]).toMatchObject({
      status: 'error',
      reason:
        'The Lusha account has no credits left (POST /v3/companies/search-and-enrich, HTTP 402): Insufficient credits. ' +
        'Add credits to your Lusha account or wait for your plan to renew, then replay the run.',
    });
    expect(result.totals).toMatchObject({ errors: 150, creditsCharged: 0 });
  });

  it('always throws when Lusha rejects the key, even after other batches worked', async () => {
    const { run } = harness((body, index) =>
      index === 1 ? json(401, { message: 'Invalid API key' }) : found(body, index),
    );
    await expect(run(names(300))).rejects.toBeInstanceOf(LushaAuthError);
  });
});

describe('enrichInBulk: the time budget', () => {
  it('does not start a batch too close to the deadline: its rows come back as not sent', async () => {
    let now = 1_000_000;
    const deadline = now + 25_000;
    // The first answer takes 23 seconds: the 4 batches already in flight finish, the rest are not sent.
    const { run, requests } = harness(
      (body, index) => {
        if (index === 0) now += 23_000;
        return found(body, index);
      },
      { now: () => now, deadline },
    );
    const result = await run(names(600));
    expect(requests).toHaveLength(4);
    expect(result.rows.slice(0, 400).every((r) => r.status === 'matched')).toBe(true);
    expect(result.rows[400]).toEqual(
      bulkRow(401, 'error', null, {
        reason:
          "Not sent: this run reached Zapier's time limit (30 seconds per step) before this row's turn. Run it again, or " +
          'split the list into smaller runs.',
      }),
    );
    expect(result.totals).toEqual(
      totalsOf({ total: 600, matched: 400, errors: 200, requests: 4, creditsCharged: 400 }),
    );
  });
});

describe('output', () => {
  const withoutRecord = <R>({ record: _record, ...line }: BulkRow<R>) => line;

  it('returns totals, a summary and one flat line item per row (lists as text)', () => {
    const rows: BulkRow<{ name: string | null; tags: string[] }>[] = [
      bulkRow(1, 'matched', { name: 'Ada', tags: ['a', 'b'] }, { reference: 'r1' }),
      bulkRow(2, 'not_found', { name: null, tags: [] }),
    ];
    const totals = totalsOf({ total: 2, matched: 1, notFound: 1, requests: 1, creditsCharged: 1 });
    expect(bulkOutput({ totals, rows })).toEqual({
      ...totals,
      summary: '2 rows: 1 matched, 1 not found, 0 invalid input, 0 errors. 1 request to Lusha, 1 credit charged.',
      // Each row's own fields, then its record's, flat (a list as text).
      rows: [
        { ...withoutRecord(rows[0]!), name: 'Ada', tags: 'a, b' },
        { ...withoutRecord(rows[1]!), name: null, tags: null },
      ],
    });
  });

  it('declares the rows as line items whose fields are all flat', () => {
    const fields = bulkOutputFields(
      [
        { key: 'name', label: 'Name', type: 'string' },
        { key: 'tags', label: 'Tags', type: 'string', list: true },
        { key: 'emails', label: 'All Emails', children: [{ key: 'email', label: 'Email' }] },
      ],
      'Things',
    );
    expect(fields.map((f) => f.key)).toEqual([
      'total',
      'matched',
      'notRevealed',
      'notFound',
      'invalid',
      'errors',
      'requests',
      'creditsCharged',
      'possiblyChargedRows',
      'summary',
      'rows',
    ]);
    expect(fields.at(-1)).toEqual({
      key: 'rows',
      label: 'Things',
      children: [
        { key: 'row', label: 'Row Number', type: 'integer' },
        { key: 'reference', label: 'Your Reference', type: 'string' },
        { key: 'status', label: 'Status (matched, not_revealed, not_found, invalid_input, error)', type: 'string' },
        { key: 'reason', label: 'Reason (for invalid_input and error)', type: 'string' },
        { key: 'duplicateOfRow', label: 'Same Lookup As Row', type: 'integer' },
        { key: 'possiblyCharged', label: 'May Have Been Charged (Answer Lost)', type: 'boolean' },
        { key: 'name', label: 'Name', type: 'string' },
        { key: 'tags', label: 'Tags', type: 'string' },
        { key: 'emails', label: 'All Emails', type: 'string' },
      ],
    });
  });

  it('summarises the totals in words', () => {
    expect(summaryOf(totalsOf({ total: 1, matched: 1, requests: 1, creditsCharged: 1 }))).toBe(
      '1 row: 1 matched, 0 not found, 0 invalid input, 0 errors. 1 request to Lusha, 1 credit charged.',
    );
    expect(summaryOf(totalsOf({ total: 1200, matched: 2, notFound: 3, invalid: 4, errors: 1, requests: 2 }))).toBe(
      '1,200 rows: 2 matched, 3 not found, 4 invalid input, 1 error. 2 requests to Lusha, 0 credits charged.',
    );
  });
});
