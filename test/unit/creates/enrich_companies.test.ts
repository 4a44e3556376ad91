/**
 * Bulk Enrich Companies: the V3 search-and-enrich body under generated client reference ids,
 * results matched back by reference (a miss is NOT_FOUND), a mixed list back in order,
 * batches of 100, credits as Lusha bills each request, run-level errors.
 */
import nock from 'nock';
import { northwindCompany, northwindRecord, bulkEnrichKit } from '../../support/enrichment-fixtures';
import { useNock } from '../../support/nock';
import {
  bulkRow,
  describeBulkEnrich,
  expectErredAndLeftOut,
  expectLineItemFields,
  foundErredAndLeftOut,
  numbered,
} from '../../support/creates-kit';
import { expectZapierError, LUSHA } from '../../support/zapier';

useNock();

const { operation, enrich: enrichCompanies, miss, answer } = bulkEnrichKit('enrich_companies');

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

const manyCompanies = (count: number) => Array.from({ length: count }, (_, i) => ({ domain: `company${i}.com` }));

describeBulkEnrich<Item>('enrich_companies', 'Bulk Enrich Companies', {
  found,
  mixed: {
    rows: [
      { reference: 'acct-1', domain: 'https://www.northwind-analytics.com/' },
      { reference: 'acct-2', name: 'Nowhere Ltd' },
      { reference: 'acct-3', domain: 'northwind' },
      { reference: 'acct-4', domain: 'NORTHWIND-ANALYTICS.COM' },
      { reference: 'acct-5', company_id: 33222678 },
    ],
    sent: { companies: numbered({ domain: 'northwind-analytics.com' }, { name: 'Nowhere Ltd' }, { id: '33222678' }) },
    answered: [found('3'), miss('2'), found('1')],
    item: northwindItem,
    invalid: 'Company Domain "northwind" is not a domain (expected something like acme.com)',
    more: [bulkRow(5, 'acct-5', 'matched', northwindItem)],
    counts: { total: 5, matched: 3, notFound: 1, invalid: 1, creditsCharged: 3 },
    summary: '5 rows: 3 matched, 1 not found, 1 invalid input, 0 errors. 1 request to Lusha, 3 credits charged.',
  },
  batches: {
    rows: manyCompanies(120),
    repeated: 0,
    field: 'domain',
    sizes: [100, 20],
    billed: (companies) => companies.length + 1,
    counts: { total: 120, matched: 120, requests: 2, creditsCharged: 101 + 21 },
    rowsAt: {},
  },
  uncharged: { row: { domain: 'northwind-analytics.com' }, creditsCharged: 0, id: '33222678' },
  oneFails: {
    rows: manyCompanies(120),
    size: 20,
    status: 500,
    message: 'Internal server error',
    billed: 100,
    counts: { matched: 100, errors: 20, creditsCharged: 100 },
    lastRow: {
      reason:
        'Lusha failed to process the request (POST /v3/companies/search-and-enrich, HTTP 500): Internal server ' +
        'error. If this keeps happening, contact Lusha support.',
      id: null,
    },
  },
  refusals: [
    {
      refused: 'no row that can be looked up',
      input: { rows: [{ reference: 'only a reference' }] },
      problems: ['Row 1: Nothing identifies the company: fill in Company Domain, Company Name or Lusha Company ID.'],
    },
  ],
});

describe('Bulk Enrich Companies', () => {
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
