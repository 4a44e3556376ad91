/**
 * Bulk Enrich Companies: the V3 search-and-enrich body under generated client reference ids,
 * results matched back by reference (a miss is NOT_FOUND), a mixed list back in order,
 * batches of 100, credits as Lusha bills each request, run-level errors.
 */
import nock from 'nock';
import { northwindCompany, northwindRecord, bulkEnrichKit } from '../../support/enrichment-fixtures';
import { useNock } from '../../support/nock';
import {
  batchesTo,
  bulkRow,
  expectErredAndLeftOut,
  expectLineItemFields,
  expectRefusal,
  foundErredAndLeftOut,
  numbered,
} from '../../support/creates-kit';
import { expectZapierError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const { operation, enrich: enrichCompanies, miss, answer, emptyItem } = bulkEnrichKit('enrich_companies');

const SEARCH = '/v3/companies/search-and-enrich';

const found = (clientReferenceId: string) => ({ clientReferenceId, ...northwindCompany });

/** Northwind's row: its record, its lists as text. */
const northwindItem = {
  ...northwindRecord,
  technologies: 'Salesforce, HubSpot',
  specialities: 'revenue forecasting, sales analytics',
  sicCodes: '7372',
  naicsCodes: '511210',
};

type Item = { clientReferenceId: string; id?: string; domain?: string; name?: string };

describe('Bulk Enrich Companies', () => {
  it('sends each distinct company once under generated ids and returns every row, in order, with its status', async () => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY, 'content-type': 'application/json' } })
      .post(SEARCH, {
        companies: numbered({ domain: 'northwind-analytics.com' }, { name: 'Nowhere Ltd' }, { id: '33222678' }),
      })
      // Results are matched by reference, not by position.
      .reply(200, answer([found('3'), miss('2'), found('1')], 3));

    const output = await enrichCompanies({
      rows: [
        { reference: 'acct-1', domain: 'https://www.northwind-analytics.com/' },
        { reference: 'acct-2', name: 'Nowhere Ltd' },
        { reference: 'acct-3', domain: 'northwind' },
        { reference: 'acct-4', domain: 'NORTHWIND-ANALYTICS.COM' },
        { reference: 'acct-5', company_id: 33222678 },
      ],
    });

    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      total: 5,
      matched: 3,
      notRevealed: 0,
      notFound: 1,
      invalid: 1,
      errors: 0,
      requests: 1,
      creditsCharged: 3,
      possiblyChargedRows: 0,
      summary: '5 rows: 3 matched, 1 not found, 1 invalid input, 0 errors. 1 request to Lusha, 3 credits charged.',
      rows: [
        bulkRow(1, 'acct-1', 'matched', northwindItem),
        bulkRow(2, 'acct-2', 'not_found', emptyItem),
        bulkRow(3, 'acct-3', 'invalid_input', {
          ...emptyItem,
          reason: 'Company Domain "northwind" is not a domain (expected something like acme.com)',
        }),
        bulkRow(4, 'acct-4', 'matched', { ...northwindItem, duplicateOfRow: 1 }),
        bulkRow(5, 'acct-5', 'matched', northwindItem),
      ],
    });
  });

  it('sends distinct companies in batches of at most 100, and adds up what each request billed', async () => {
    const batches = batchesTo<Item>(SEARCH, 'companies', 2, (companies) =>
      answer(companies.map((c) => found(c.clientReferenceId)).reverse(), companies.length + 1),
    );
    const output = await enrichCompanies({
      rows: Array.from({ length: 120 }, (_, i) => ({ domain: `company${i}.com` })),
    });
    expect(batches.scope.isDone()).toBe(true);
    expect(batches.sizes()).toEqual([100, 20]);
    expect(batches.references('domain')).toEqual(
      Array.from({ length: 120 }, (_, i) => [String(i + 1), `company${i}.com`]),
    );
    expect(output).toMatchObject({ total: 120, matched: 120, requests: 2, creditsCharged: 101 + 21 });
  });

  it('marks the matches of a request Lusha charged nothing for as not charged', async () => {
    nock(LUSHA)
      .post(SEARCH)
      .reply(200, answer([found('1')], 0));
    const output = await enrichCompanies({ rows: [{ domain: 'northwind-analytics.com' }] });
    expect(output).toMatchObject({ matched: 1, creditsCharged: 0 });
    expect(output.rows[0]).toMatchObject({ status: 'matched', id: '33222678', creditCharged: false });
  });

  it('reports a company Lusha answered with another error, or left out of its answer, as an error row', async () => {
    nock(LUSHA)
      .post(SEARCH)
      .reply(
        200,
        answer(
          [found('1'), { clientReferenceId: '2', error: { code: 'ENRICH_FAILED', message: 'Enrichment failed' } }],
          2,
        ),
      );
    const output = await enrichCompanies({ rows: foundErredAndLeftOut });
    expect(output).toMatchObject({ matched: 1, errors: 2, creditsCharged: 2 });
    expectErredAndLeftOut(
      output,
      { reason: 'Lusha could not look up this company: Enrichment failed.', id: null },
      { creditCharged: false },
    );
  });

  it('keeps what was enriched when one request of several fails: those rows say why', async () => {
    nock(LUSHA)
      .post(SEARCH)
      .times(2)
      .reply((_uri, body) => {
        const { companies } = body as { companies: Item[] };
        if (companies.length === 20) return [500, { statusCode: 500, message: 'Internal server error' }];
        return [
          200,
          answer(
            companies.map((c) => found(c.clientReferenceId)),
            100,
          ),
        ];
      });
    const output = await enrichCompanies({
      rows: Array.from({ length: 120 }, (_, i) => ({ domain: `company${i}.com` })),
    });
    expect(output).toMatchObject({ matched: 100, errors: 20, creditsCharged: 100 });
    expect(output.rows[119]).toMatchObject({
      status: 'error',
      reason:
        'Lusha failed to process the request (POST /v3/companies/search-and-enrich, HTTP 500): Internal server ' +
        'error. If this keeps happening, contact Lusha support.',
      id: null,
    });
  });

  it('halts before any call when no row can be looked up', async () => {
    const scope = nock(LUSHA).post(SEARCH).reply(200, answer([], 0));
    await expectRefusal(
      enrichCompanies({ rows: [{ reference: 'only a reference' }] }),
      'Bulk Enrich Companies',
      'Row 1: Nothing identifies the company: fill in Company Domain, Company Name or Lusha Company ID.',
    );
    expect(scope.isDone()).toBe(false);
  });

  it('fails as HaltedError when the account is out of credits for every request', async () => {
    nock(LUSHA).post(SEARCH).reply(402, { statusCode: 402, message: 'Insufficient credits' });
    const error = await expectZapierError(enrichCompanies({ rows: [{ domain: 'northwind-analytics.com' }] }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/no credits left.*Add credits/);
  });

  it('has line-item output fields for every key of its sample', () => {
    expectLineItemFields(operation);
  });
});
