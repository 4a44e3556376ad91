/**
 * Find Company: by domain, name or Lusha company ID as one item of Lusha's V3
 * search-and-enrich; NOT_FOUND is "no match"; the credits Lusha bills; input rejected before
 * any paid call; Lusha's errors through the one error map.
 */
import nock from 'nock';
import {
  COMPANIES_REQUEST_ID,
  northwindCompany,
  northwindRecord as sharedNorthwindRecord,
  notFoundResult,
  searchAndEnrichAnswer,
  searchKit,
} from '../../support/enrichment-fixtures';
import { useNock } from '../../support/nock';
import { expectStepError, expectZapierError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const { operation, find: findCompany } = searchKit('find_company');

const SEARCH = '/v3/companies/search-and-enrich';

/** The body Find Company sends for one company, under reference "1". */
const searchBody = (company: Record<string, unknown>) => ({ companies: [{ clientReferenceId: '1', ...company }] });

/**
 * A V3 enriched company (the spec's V3EnrichedCompany): `employeeCount`, `yearFounded`,
 * `industry`, `socialLinks`, SIC and NAICS codes at the top level as `{code, description}`;
 * here with the fields a record does not use as well.
 */
const northwindResult = {
  clientReferenceId: '1',
  ...northwindCompany,
  alternativeName: 'northwind',
  location: {
    city: 'Boston',
    state: 'Massachusetts',
    stateCode: 'MA',
    country: 'United States',
    countryIso2: 'US',
    continent: 'North America',
    zipCode: '02199',
  },
  socialLinks: { linkedin: 'https://www.linkedin.com/company/northwind-analytics', x: 'https://x.com/northwind' },
  linkedinFollowers: 6400,
  funding: {
    ...northwindCompany.funding,
    lastRoundType: 'Series B',
    lastRoundAmount: 42000000,
    lastRoundDate: 'Mar 18, 2025',
  },
  popularityTier: 1,
};

const answer = (results: unknown[], creditsCharged: number | null = 2) =>
  searchAndEnrichAnswer(COMPANIES_REQUEST_ID, results, creditsCharged);
const northwind = answer([northwindResult]);
const notFound = answer([notFoundResult('1', 'Company')], 0);

const northwindRecord = { ...sharedNorthwindRecord, creditsCharged: 2 };

describe('Find Company', () => {
  it.each([
    [
      'by domain with one POST, sending the raw key, and returns one flat record',
      { domain: 'https://www.Northwind-Analytics.com/pricing' },
      { domain: 'northwind-analytics.com' },
    ],
    ['by name', { name: ' Northwind Analytics ' }, { name: 'Northwind Analytics' }],
    [
      'by Lusha company ID (sent as `id`), with every identifier given',
      { company_id: 33222678, domain: 'northwind-analytics.com', name: 'Northwind' },
      { id: '33222678', domain: 'northwind-analytics.com', name: 'Northwind' },
    ],
  ])('looks up %s', async (_how, inputData, sent) => {
    const scope = nock(LUSHA, { reqheaders: { api_key: TEST_KEY, 'content-type': 'application/json' } })
      .post(SEARCH, searchBody(sent))
      .reply(200, northwind);
    expect(await findCompany(inputData)).toEqual([northwindRecord]);
    expect(scope.isDone()).toBe(true);
  });

  it('keeps the ID it was given when the answer carries none', async () => {
    const { id: _id, ...withoutId } = northwindResult;
    nock(LUSHA)
      .post(SEARCH, searchBody({ id: '33222678' }))
      .reply(200, answer([withoutId]));
    expect(await findCompany({ company_id: '33222678' })).toEqual([northwindRecord]);
  });

  it('reports what Lusha billed, and a match it charged nothing for as not charged', async () => {
    nock(LUSHA)
      .post(SEARCH)
      .reply(200, answer([northwindResult], 3));
    expect(await findCompany({ domain: 'northwind-analytics.com' })).toEqual([
      { ...northwindRecord, creditsCharged: 3 },
    ]);

    nock(LUSHA)
      .post(SEARCH)
      .reply(200, answer([northwindResult], null));
    expect(await findCompany({ domain: 'northwind-analytics.com' })).toEqual([
      { ...northwindRecord, creditCharged: false, creditsCharged: 0 },
    ]);
  });

  it('returns nothing when Lusha answers NOT_FOUND, so "find or create" can create', async () => {
    const scope = nock(LUSHA)
      .post(SEARCH, searchBody({ domain: 'nowhere.example' }))
      .reply(200, notFound);
    expect(await findCompany({ domain: 'nowhere.example' })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('returns nothing when the answer has no result that identifies a company', async () => {
    nock(LUSHA)
      .post(SEARCH)
      .reply(200, answer([{ clientReferenceId: '1' }], 0));
    expect(await findCompany({ name: 'Nowhere' })).toEqual([]);

    nock(LUSHA).post(SEARCH).reply(200, answer([], 0));
    expect(await findCompany({ name: 'Nowhere' })).toEqual([]);
  });

  it("halts with Lusha's words when it answers with another per-company error", async () => {
    nock(LUSHA)
      .post(SEARCH)
      .reply(
        200,
        answer([{ clientReferenceId: '1', error: { code: 'ENRICH_FAILED', message: 'Enrichment failed' } }], 0),
      );
    const error = await expectZapierError(findCompany({ domain: 'northwind-analytics.com' }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/^Lusha could not look up this company: Enrichment failed\./);
  });

  it.each([
    [
      'nothing to identify the company',
      { domain: '', name: '  ' },
      'Find Company cannot run with this input (no credits were spent):\n' +
        '- Nothing identifies the company: fill in Company Domain, Company Name or Lusha Company ID.',
    ],
    [
      'a malformed domain and ID',
      { domain: 'northwind', company_id: 'NW-1' },
      'Find Company cannot run with this input (no credits were spent):\n' +
        '- Company Domain "northwind" is not a domain (expected something like acme.com).\n' +
        '- Lusha Company ID "NW-1" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha outputs it, e.g. v1.AbCdEfGhIjKl).',
    ],
  ])('halts on %s, sending nothing', async (_what, inputData, message) => {
    const scope = nock(LUSHA).post(SEARCH).reply(200, northwind);
    const error = await expectStepError(findCompany(inputData));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(message);
    expect(scope.isDone()).toBe(false);
  });

  it("maps Lusha's errors: 401 to ExpiredAuthError, 503 (after one retry) to ThrottledError", async () => {
    nock(LUSHA).post(SEARCH).reply(401, { statusCode: 401, message: 'Invalid API key' });
    expect((await expectZapierError(findCompany({ domain: 'northwind-analytics.com' }))).name).toBe('ExpiredAuthError');

    const scope = nock(LUSHA).post(SEARCH).times(2).reply(503, { statusCode: 503, message: 'Service unavailable' });
    expect(await expectZapierError(findCompany({ domain: 'northwind-analytics.com' }))).toMatchObject({
      name: 'ThrottledError',
      delay: 60,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('halts on a 404: V3 answers a miss with NOT_FOUND, so a 404 is not "no match"', async () => {
    nock(LUSHA).post(SEARCH).reply(404, { statusCode: 404, message: 'Resource not found' });
    const error = await expectZapierError(findCompany({ domain: 'nowhere.example' }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/found nothing \(POST \/v3\/companies\/search-and-enrich, HTTP 404\)/);
  });

  it('has a sample with every output field', () => {
    const outputFields = operation.outputFields as Array<{ key: string }>;
    expect(outputFields.map((field) => field.key).sort()).toEqual(Object.keys(operation.sample ?? {}).sort());
  });
});
