/**
 * Find Buying Group on Lusha V3 (POST /v3/contacts/buying-group): the exact V3 bodies each
 * input produces (rows, the plain list, personas, contacts per company), every company sent
 * once, paging over the whole answer 100 contacts at a time, companies Lusha does not find, a
 * later request that fails or loses its answer (never re-sent, the paid pages kept), the time
 * budget, bad input refused before any call with every problem, and credits as Lusha billed.
 */
import nock from 'nock';
import type { LushaClient } from '../../../src/lusha/client';
import {
  buyingGroupContactFields,
  buyingGroupCompanyFields,
  buyingGroupOutputFields,
  buyingGroupBody,
  buyingGroupOutput,
  buyingGroupSample,
  fetchBuyingGroupPages,
  readBuyingGroupInput,
} from '../../../src/prospecting/buying-group';
import { V3BuyingGroupSchema } from '../../../src/lusha/schemas';
import { useNock } from '../../support/nock';
import { createStep, expectRefusal, lusha, personLine, personPreview } from '../../support/creates-kit';
import { App, expectStepError, TEST_KEY } from '../../support/zapier';

useNock();

const run = createStep('find_buying_group');
const STEP = 'Find Buying Group';
const PATH = '/v3/contacts/buying-group';

/** A contact as V3 sends it in a buying group (a V3BuyingGroupContact). */
function contact(n: number, companyId: string, roles: string[] = ['decision_maker'], extra: object = {}) {
  return {
    id: `${4183886100 + n}`,
    ...personPreview(n),
    company: { id: companyId, name: `Company ${companyId}`, domain: `www.company-${companyId}.com` },
    socialLinks: { linkedin: `https://www.linkedin.com/in/person-${n}` },
    has: ['firstName', 'lastName', 'jobTitle', 'company', 'location', 'socialLinks', 'emails', 'phones'],
    roles,
    score: 0.9,
    ...extra,
  };
}

const many = (from: number, count: number, companyId: string) =>
  Array.from({ length: count }, (_, i) => contact(from + i, companyId));

/** A V3 buying-group answer: `credits` is what Lusha billed for it. */
const answer = (requestId: string, page: number, total: number, results: unknown[], credits: number) => ({
  requestId,
  results,
  pagination: { page, size: 100, total },
  billing: { creditsCharged: credits, resultsReturned: credits },
});

/** The V3 body the step must send (nock matches it exactly). */
const body = (companies: unknown[], extra: Record<string, unknown> = {}, page = 0) =>
  ({
    companies,
    contactsLimit: 10,
    ...extra,
    pagination: { page, size: 100 },
  }) as unknown as nock.DataMatcherMap;

describe('find_buying_group: the request and the output', () => {
  it('sends each company by ID or domain under its own reference, personas and contacts per company', async () => {
    const scope = lusha()
      .post(
        PATH,
        body(
          [
            { clientReferenceId: '1', domain: 'northwind-analytics.com' },
            { clientReferenceId: '2', id: '33222678' },
            { clientReferenceId: '3', id: 'v1.AbCdEfGhIjKlMnOp' },
            { clientReferenceId: '4', domain: 'contoso.example' },
            { clientReferenceId: '5', id: '12345' },
          ],
          { personas: ['decision_maker', 'potential_champion'], contactsLimit: 3 },
        ),
      )
      .reply(
        200,
        answer(
          'req-1',
          0,
          3,
          [
            {
              clientReferenceId: '1',
              companyId: '500',
              contacts: [
                contact(1, '500'),
                contact(2, '500', ['potential_champion', 'end_user'], {
                  has: ['firstName', 'lastName', 'emails'],
                  canReveal: [{ field: 'emails', credits: 0 }],
                  score: 0.75,
                }),
              ],
            },
            { clientReferenceId: '2', companyId: '33222678', contacts: [contact(3, '33222678')] },
            { clientReferenceId: '3', error: { code: 'NOT_FOUND', message: 'Company not found' } },
            { clientReferenceId: '4', companyId: '700', contacts: [] },
            { clientReferenceId: '5', error: { code: 'COMPLIANCE_RESTRICTED', message: 'Restricted' } },
          ],
          3,
        ),
      );

    const output = await run({
      companies: [
        { reference: 'crm-1', domain: 'https://www.Northwind-Analytics.com/about' },
        { reference: 'crm-2', company_id: '0033222678' },
        { company_id: 'v1.AbCdEfGhIjKlMnOp', domain: 'used-only-without-an-id.com' },
        {},
      ],
      company_list: 'contoso.example\n12345',
      personas: ['decision_maker', 'Potential Champion'],
      contacts_per_company: '3',
    });

    expect(scope.isDone()).toBe(true);
    const line = (n: number, companyId: string, reference: string | null) => ({
      id: `${4183886100 + n}`,
      ...personLine(n),
      companyId,
      companyName: `Company ${companyId}`,
      companyDomain: `company-${companyId}.com`,
      linkedinUrl: `https://www.linkedin.com/in/person-${n}`,
      personas: 'Decision Maker',
      primaryPersona: 'Decision Maker',
      score: 0.9,
      hasEmail: true,
      hasPhone: true,
      emailRevealCredits: 1,
      phoneRevealCredits: 5,
      revealCredits: 6,
      companyReference: reference,
    });
    const company = (extra: Record<string, unknown>) => ({
      reference: null,
      companyId: null,
      companyName: null,
      companyDomain: null,
      reason: null,
      contactsReturned: 0,
      decisionMakerCount: 0,
      potentialChampionCount: 0,
      endUserCount: 0,
      ...extra,
    });
    expect(output).toEqual({
      requestId: 'req-1',
      companiesRequested: 5,
      companiesFound: 3,
      companiesNotFound: 2,
      contactsReturned: 3,
      totalContacts: 3,
      contactsNotFetched: 0,
      complete: true,
      pagesFetched: 1,
      decisionMakerCount: 2,
      potentialChampionCount: 1,
      endUserCount: 1,
      contactIds: '4183886101, 4183886102, 4183886103',
      decisionMakerIds: '4183886101, 4183886103',
      potentialChampionIds: '4183886102',
      endUserIds: '4183886102',
      note: 'Found 3 contacts at 3 of 5 companies. Not found: Lusha Company ID v1.AbCdEfGhIjKlMnOp.',
      creditsCharged: 3,
      creditsNote:
        'Lusha charged 3 credits for 3 contacts returned in 1 request (billed per contact returned). Emails and ' +
        'phones are not revealed: map Contact IDs into Enrich Prospected Contacts to reveal them (Lusha lists 12 ' +
        'credits for all of them).',
      contacts: [
        line(1, '500', 'crm-1'),
        {
          ...line(2, '500', 'crm-1'),
          personas: 'Potential Champion, End User',
          primaryPersona: 'Potential Champion',
          score: 0.75,
          hasPhone: false,
          emailRevealCredits: 0,
          phoneRevealCredits: null,
          revealCredits: 0,
        },
        line(3, '33222678', 'crm-2'),
      ],
      companies: [
        company({
          reference: 'crm-1',
          requested: 'northwind-analytics.com',
          requestedAs: 'Company Domain',
          companyId: '500',
          companyName: 'Company 500',
          companyDomain: 'company-500.com',
          status: 'found',
          contactsReturned: 2,
          decisionMakerCount: 1,
          potentialChampionCount: 1,
          endUserCount: 1,
        }),
        company({
          reference: 'crm-2',
          requested: '33222678',
          requestedAs: 'Lusha Company ID',
          companyId: '33222678',
          companyName: 'Company 33222678',
          companyDomain: 'company-33222678.com',
          status: 'found',
          contactsReturned: 1,
          decisionMakerCount: 1,
        }),
        company({
          requested: 'v1.AbCdEfGhIjKlMnOp',
          requestedAs: 'Lusha Company ID',
          status: 'not_found',
          reason:
            'Lusha found no company for Lusha Company ID v1.AbCdEfGhIjKlMnOp (Company not found): nothing charged ' +
            'for it.',
        }),
        company({
          requested: 'contoso.example',
          requestedAs: 'Company Domain',
          companyId: '700',
          companyDomain: 'contoso.example',
          status: 'found',
          reason: 'Lusha found the company but no contacts for the personas asked for.',
        }),
        company({
          requested: '12345',
          requestedAs: 'Lusha Company ID',
          status: 'error',
          reason: 'Lusha returned no contacts for this company: Restricted.',
        }),
      ],
    });
  });

  it('asks for each company once however often it is given, and keeps every reference', async () => {
    const scope = lusha()
      .post(
        PATH,
        body([
          { clientReferenceId: '1', domain: 'acme.com' },
          { clientReferenceId: '2', id: '777' },
        ]),
      )
      .reply(
        200,
        answer(
          'req-d',
          0,
          1,
          [
            { clientReferenceId: '1', companyId: '42', contacts: [contact(1, '42')] },
            { clientReferenceId: '2', companyId: '777', contacts: [] },
          ],
          1,
        ),
      );
    const output = await run({
      companies: [
        { reference: 'a', domain: 'acme.com' },
        { reference: 'b', domain: 'https://www.ACME.com/pricing' },
        { reference: 'a', domain: 'acme.com' },
      ],
      company_list: ['acme.com', '777', '0777'],
    });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({
      companiesRequested: 2,
      contactsReturned: 1,
      creditsCharged: 1,
      note:
        'Found 1 contact at 2 of 2 companies. Given more than once, asked for once: acme.com (4 times), Lusha ' +
        'Company ID 777 (2 times).',
    });
    expect((output.companies as Array<Record<string, unknown>>).map((c) => c.reference)).toEqual(['a, b', null]);
    expect((output.contacts as Array<Record<string, unknown>>)[0]?.companyReference).toBe('a, b');
  });

  it('leaves personas out for all three (or none), and reads their labels as well as their values', async () => {
    const companies = [{ clientReferenceId: '1', domain: 'acme.com' }];
    const empty = answer('req-p', 0, 0, [{ clientReferenceId: '1', companyId: '42', contacts: [] }], 0);
    const scope = lusha()
      .post(PATH, body(companies))
      .twice()
      .reply(200, empty)
      .post(PATH, body(companies, { personas: ['potential_champion', 'end_user'] }))
      .reply(200, empty);
    await run({ company_list: 'acme.com', personas: ['end_user', 'Decision Maker', 'potential-champion'] });
    await run({ company_list: 'acme.com', personas: [] });
    await run({ company_list: 'acme.com', personas: 'End User, POTENTIAL_CHAMPION' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('find_buying_group: paging over the whole answer', () => {
  const companies = [
    { clientReferenceId: '1', domain: 'big-one.com' },
    { clientReferenceId: '2', domain: 'big-two.com' },
  ];
  const input = { company_list: ['big-one.com', 'big-two.com'], contacts_per_company: 60 };
  /** Page 0 of a 120-contact answer: 60 contacts of the first company, 40 of the second; 100 billed. */
  const firstPage = () =>
    answer(
      'req-a',
      0,
      120,
      [
        { clientReferenceId: '1', companyId: '1', contacts: many(1, 60, '1') },
        { clientReferenceId: '2', companyId: '2', contacts: many(61, 40, '2') },
      ],
      100,
    );

  it('fetches the next page while Lusha has more, merges each company, and sums what Lusha billed', async () => {
    const scope = lusha()
      .post(PATH, body(companies, { contactsLimit: 60 }, 0))
      .reply(200, firstPage())
      .post(PATH, body(companies, { contactsLimit: 60 }, 1))
      .reply(
        200,
        answer(
          'req-b',
          1,
          120,
          [
            { clientReferenceId: '1', companyId: '1', contacts: [] },
            { clientReferenceId: '2', companyId: '2', contacts: many(101, 20, '2') },
          ],
          20,
        ),
      );
    const output = await run(input);
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({
      requestId: 'req-a',
      contactsReturned: 120,
      totalContacts: 120,
      contactsNotFetched: 0,
      complete: true,
      pagesFetched: 2,
      decisionMakerCount: 120,
      creditsCharged: 120,
      note: 'Found 120 contacts at 2 of 2 companies.',
    });
    expect(output.creditsNote).toMatch(/^Lusha charged 120 credits for 120 contacts returned in 2 requests /);
    const lines = output.companies as Array<Record<string, unknown>>;
    expect(lines.map((c) => [c.status, c.contactsReturned])).toEqual([
      ['found', 60],
      ['found', 60],
    ]);
    expect(String(output.contactIds).split(', ')).toHaveLength(120);
  });

  it('keeps the paid first page when the next request fails, and says which companies may miss contacts', async () => {
    const scope = lusha()
      .post(PATH, body(companies, { contactsLimit: 60 }, 0))
      .reply(200, firstPage())
      .post(PATH, body(companies, { contactsLimit: 60 }, 1))
      .reply(429, { message: 'Too many requests' }, { 'Retry-After': '30' });
    const output = await run(input);
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({
      contactsReturned: 100,
      totalContacts: 120,
      contactsNotFetched: 20,
      complete: false,
      pagesFetched: 1,
      creditsCharged: 100,
    });
    expect(output.note).toMatch(
      /^Found 100 contacts at 2 of 2 companies\. The request for contacts 101–120 of 120 failed, so 20 contacts were not fetched: .*HTTP 429.*Run the step again later to get them \(contacts returned again are charged again\)\.$/,
    );
    const lines = output.companies as Array<Record<string, unknown>>;
    expect(lines.map((c) => c.status)).toEqual(['found', 'incomplete']);
    expect(lines[1]?.reason).toMatch(/^May have more contacts: The request for contacts 101–120 of 120 failed/);
  });

  it('never re-sends a request whose answer was lost, and says it may have been charged', async () => {
    let lost = 0;
    const scope = lusha()
      .post(PATH, body(companies, { contactsLimit: 60 }, 0))
      .reply(200, firstPage())
      .post(PATH, body(companies, { contactsLimit: 60 }, 1))
      .times(2)
      .reply(() => {
        lost += 1;
        return [504, { message: 'Gateway Timeout' }];
      });
    const output = await run(input);
    expect(lost).toBe(1);
    expect(scope.pendingMocks()).toHaveLength(1);
    expect(output).toMatchObject({
      contactsReturned: 100,
      contactsNotFetched: 20,
      complete: false,
      creditsCharged: 100,
    });
    expect(output.note).toMatch(
      /The request for contacts 101–120 of 120 lost its answer: .*HTTP 504.*Lusha may have processed this request and charged for it\. It was not retried, so nothing is paid twice: .* Up to 20 contacts may have been charged for it, not counted in Credits Charged; 20 contacts of Lusha's answer are not in this output\.$/,
    );
    expect(output.creditsNote).toContain(
      "One more request's answer was lost after it reached Lusha: it may have been charged too, for up to 20 " +
        'contacts (check your Lusha usage).',
    );
    nock.cleanAll();
  });

  it('fails with the mapped error when the first request fails: nothing was returned to lose', async () => {
    const scope = lusha()
      .post(PATH, body([{ clientReferenceId: '1', domain: 'acme.com' }]))
      .reply(403, { statusCode: 403, message: 'Buying Group API not supported on your plan' });
    const error = await expectStepError(run({ company_list: 'acme.com' }));
    expect(scope.isDone()).toBe(true);
    expect(error).toMatchObject({ name: 'Error', status: 403 });
    expect(error.message).toContain('Buying Group API not supported on your plan');
    expect(error.message).toContain('ask your Lusha admin to add it to the plan');
  });

  it('starts no next request when the time left cannot fit it (nothing charged for it)', async () => {
    const first = V3BuyingGroupSchema.parse(
      answer(
        'req-t',
        0,
        150,
        [
          { clientReferenceId: '1', companyId: '1', contacts: many(1, 60, '1') },
          { clientReferenceId: '2', companyId: '2', contacts: many(61, 40, '2') },
          { clientReferenceId: '3', companyId: '3', contacts: [] },
        ],
        100,
      ),
    );
    const calls: unknown[] = [];
    let timeLeft = 20_000;
    const client = {
      timeLeft: () => timeLeft,
      getBuyingGroup: async (sent: unknown) => {
        calls.push(sent);
        timeLeft = 2_000;
        return first;
      },
    } as unknown as LushaClient;
    const read = readBuyingGroupInput({ company_list: ['one.com', 'two.com', 'three.com'], contacts_per_company: 60 });
    if (!read.ok) throw new Error(read.problems.join('; '));
    const { answers, stop } = await fetchBuyingGroupPages(client, buyingGroupBody(read.value));
    const output = buyingGroupOutput(read.value, answers, stop, [TEST_KEY]);
    expect(calls).toHaveLength(1);
    expect(output).toMatchObject({
      contactsReturned: 100,
      contactsNotFetched: 50,
      complete: false,
      creditsCharged: 100,
      note:
        "Found 100 contacts at 3 of 3 companies. Stopped to stay within Zapier's time limit: 50 more contacts of " +
        "Lusha's answer were not fetched, and not charged. Lower Contacts Per Company, or split the companies " +
        'across steps.',
    });
    expect(output.companies.map((c) => c.status)).toEqual(['found', 'incomplete', 'incomplete']);
  });
});

describe('find_buying_group: bad input is refused before any call', () => {
  it('lists every problem at once, and sends nothing', async () => {
    const scope = lusha()
      .post(PATH)
      .reply(200, answer('never', 0, 0, [], 0));
    await expectRefusal(
      run({
        companies: [{ domain: 'not a domain' }, { reference: 'only-a-reference' }, 'a text row', { company_id: 'abc' }],
        company_list: ['4183886134', 'foo'],
        personas: ['buyer'],
        contacts_per_company: 61,
      }),
      STEP,
      'Companies, row 1: Company Domain "not a domain" is not a domain (expected something like acme.com).',
      "Companies, row 2: give the company's Company Domain or Lusha Company ID (Your Reference alone does not " +
        'identify one).',
      'Companies, row 3: must be a row of fields (Company Domain, Lusha Company ID), not "a text row".',
      'Companies, row 4: Lusha Company ID "abc" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as ' +
        'Lusha outputs it, e.g. v1.AbCdEfGhIjKl).',
      'Company Domains or IDs, entry 2: "foo" is neither a company domain (like acme.com) nor a Lusha Company ID ' +
        '(digits, or an ID as Lusha outputs it).',
      'Personas: "buyer" is not a persona (choose Decision Maker, Potential Champion, End User).',
      'Contacts Per Company must be a whole number from 1 to 60 (got "61").',
    );
    expect(scope.isDone()).toBe(false);
    nock.cleanAll();
  });

  it('refuses more than 25 different companies, and a step with none', async () => {
    const scope = lusha()
      .post(PATH)
      .reply(200, answer('never', 0, 0, [], 0));
    const many = Array.from({ length: 26 }, (_, i) => `company-${i + 1}.com`);
    const tooMany = await expectStepError(run({ company_list: [...many, 'company-1.com'] }));
    expect(tooMany.message).toContain(
      '- At most 25 different companies per step (got 26): Lusha finds the buying groups of 25 companies at a time; ' +
        'split the others across more steps.',
    );
    await expectRefusal(
      run({ companies: [{}], personas: ['end_user'] }),
      STEP,
      'No company given: fill in a Company Domain or Lusha Company ID in Companies, or map Company Domains or IDs.',
    );
    expect(scope.isDone()).toBe(false);
    nock.cleanAll();
  });
});

describe('find_buying_group: fields and sample', () => {
  it('declares every output key the sample carries, line items included, and no other', () => {
    const keys = (fields: Array<{ key: string }>) => fields.map((f) => f.key).sort();
    expect(Object.keys(buyingGroupSample).sort()).toEqual(keys(buyingGroupOutputFields));
    for (const line of buyingGroupSample.contacts)
      expect(Object.keys(line).sort()).toEqual(keys(buyingGroupContactFields));
    for (const line of buyingGroupSample.companies)
      expect(Object.keys(line).sort()).toEqual(keys(buyingGroupCompanyFields));
    expect(buyingGroupSample).toMatchObject({ contactsReturned: 2, creditsCharged: 2, companiesNotFound: 1 });
    expect(App.creates.find_buying_group!.operation.sample).toBe(buyingGroupSample);
  });
});
