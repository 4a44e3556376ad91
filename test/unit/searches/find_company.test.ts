/**
 * Find Company: by domain, name or Lusha company ID as one item of Lusha's V3
 * search-and-enrich; NOT_FOUND is "no match"; the credits Lusha bills; input rejected before
 * any paid call; Lusha's errors through the one error map.
 */
import nock from 'nock';
import {
  describeSearchStep,
  northwindCompany,
  northwindRecord as sharedNorthwindRecord,
  searchKit,
} from '../../support/enrichment-fixtures';
import { useNock } from '../../support/nock';
import { expectStepError, expectZapierError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const { find: findCompany, path: SEARCH, answer: lushaAnswer } = searchKit('find_company');

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

const answer = (results: unknown[], creditsCharged: number | null = 2) => lushaAnswer(results, creditsCharged);
const northwind = answer([northwindResult]);

const northwindRecord = { ...sharedNorthwindRecord, creditsCharged: 2 };

describeSearchStep({
  key: 'find_company',
  item: 'company',
  subject: 'company',
  input: { domain: 'northwind-analytics.com' },
  match: northwindResult,
  record: northwindRecord,
  miss: { input: { domain: 'nowhere.example' }, body: searchBody({ domain: 'nowhere.example' }) },
  itemError: {
    code: 'ENRICH_FAILED',
    message: 'Enrichment failed',
    said: /^Lusha could not look up this company: Enrichment failed\./,
  },
  said404: /found nothing \(POST \/v3\/companies\/search-and-enrich, HTTP 404\)/,
});

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

  it('returns nothing when the answer has no result that identifies a company', async () => {
    nock(LUSHA)
      .post(SEARCH)
      .reply(200, answer([{ clientReferenceId: '1' }], 0));
    expect(await findCompany({ name: 'Nowhere' })).toEqual([]);

    nock(LUSHA).post(SEARCH).reply(200, answer([], 0));
    expect(await findCompany({ name: 'Nowhere' })).toEqual([]);
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
});
