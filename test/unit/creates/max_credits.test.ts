/**
 * Maximum Credits on Bulk Enrich People and Bulk Enrich Companies, with the exact V3 bodies:
 * the account's prices read once (free), people searched then the cheapest revealed while the
 * ceiling allows, companies sent only as many as the most they can cost fits, and a lost
 * answer stopping every later request.
 */
import nock from 'nock';
import { useNock } from '../../support/nock';
import { createStep, numbered, type RowsOutput } from '../../support/creates-kit';
import { LUSHA } from '../../support/zapier';

useNock();

// The account's prices stay in the cache from one run to the next, as they do for a Zap.
const enrichPeople = createStep<RowsOutput>('enrich_people', { keepCache: true });
const enrichCompanies = createStep<RowsOutput>('enrich_companies', { keepCache: true });

const USAGE = {
  credits: { total: 1000, used: 0, remaining: 1000 },
  pricing: {
    api_search: { credits: 1, perQuantity: 25 },
    revealEmail: { credits: 1, perQuantity: 1 },
    revealPhone: { credits: 5, perQuantity: 1 },
    reveal_company: { credits: 1, perQuantity: 1 },
  },
};

/** A V3 contact preview (V3ContactPreview) with what revealing its email and phone would cost. */
const preview = (ref: string, id: string, email: number, phone: number) => ({
  clientReferenceId: ref,
  id,
  firstName: 'Maya',
  lastName: `Goldberg ${id}`,
  jobTitle: { title: 'VP of Sales', seniority: 'Vice President', departments: ['Sales'] },
  company: { id: '33222678', name: 'Northwind Analytics', domain: 'northwind-analytics.com' },
  has: ['emails', 'phones'],
  canReveal: [
    { field: 'emails', credits: email },
    { field: 'phones', credits: phone },
  ],
});
const enriched = (id: string) => ({
  id,
  firstName: 'Maya',
  lastName: `Goldberg ${id}`,
  emails: [{ email: `maya${id}@northwind-analytics.com`, type: 'work', confidence: 'A+' }],
  phones: [{ number: '+1 617-555-0142', type: 'mobile', doNotCall: false }],
});
/** The account's prices: read by the first run, then kept (an hour) in the connection's cache. */
const prices = () => nock(LUSHA).get('/v3/account/usage').optionally().reply(200, USAGE);
const bill = (creditsCharged: number, resultsReturned: number) => ({ billing: { creditsCharged, resultsReturned } });
const rows = (...ids: string[]) => ids.map((id) => ({ person_id: id }));

describe('Bulk Enrich People with Maximum Credits', () => {
  it('searches, reveals the cheapest that fit in row order of cost, and reports what Lusha billed', async () => {
    prices();
    const search = nock(LUSHA)
      .post('/v3/contacts/search', {
        contacts: numbered({ id: '101' }, { id: '102' }, { id: '103' }, { id: '104' }),
      })
      .reply(200, {
        requestId: 'r-1',
        results: [
          preview('1', '101', 1, 5),
          preview('2', '102', 0, 0),
          { clientReferenceId: '3', error: { code: 'NOT_FOUND', message: 'Contact not found' } },
          preview('4', '104', 1, 5),
        ],
        ...bill(1, 3),
      });
    // 10 credits: 1 for the search, then 102 (free: revealed before) and 101 (6); 104 (6 more) does not fit.
    const enrich = nock(LUSHA)
      .post('/v3/contacts/enrich', { ids: ['102', '101'], reveal: ['emails', 'phones'], waterfallEnabled: false })
      .reply(200, { requestId: 'r-2', results: [enriched('102'), enriched('101')], ...bill(6, 2) });

    const output = await enrichPeople({ rows: rows('101', '102', '103', '104'), max_credits: 10 });

    expect(search.isDone() && enrich.isDone()).toBe(true);
    expect(output.rows.map((r) => [r.status, r.id, r.creditCharged])).toEqual([
      ['matched', '101', true],
      ['matched', '102', false],
      ['not_found', null, false],
      ['not_revealed', '104', false],
    ]);
    expect(output.rows[3]!.reason).toBe(
      'Found, not revealed: revealing it would cost 6 credits, more than the 3 left of Maximum Credits.',
    );
    expect(output.rows[3]).toMatchObject({ fullName: 'Maya Goldberg 104', jobTitle: 'VP of Sales', email: null });
    expect(output).toMatchObject({ matched: 2, notRevealed: 1, notFound: 1, creditsCharged: 7 });
    expect(output.summary).toMatch(/^4 rows: 2 matched, 1 not revealed \(Maximum Credits\), 1 not found/);
  });

  it('reveals only the kinds asked for, costed on those kinds only', async () => {
    prices();
    nock(LUSHA)
      .post('/v3/contacts/search', { contacts: numbered({ id: '101' }) })
      .reply(200, { results: [preview('1', '101', 1, 5)], ...bill(1, 1) });
    nock(LUSHA)
      .post('/v3/contacts/enrich', { ids: ['101'], reveal: ['emails'], waterfallEnabled: false })
      .reply(200, { results: [{ ...enriched('101'), phones: undefined }], ...bill(1, 1) });
    const output = await enrichPeople({ rows: rows('101'), reveal_data: 'emails', max_credits: 2 });
    expect(output).toMatchObject({ matched: 1, creditsCharged: 2 });
  });

  it('does not search when the most the search can cost is over the ceiling', async () => {
    prices();
    const output = await enrichPeople({ rows: rows('101', '102'), max_credits: 0 });
    expect(output.rows.map((r) => r.status)).toEqual(['not_revealed', 'not_revealed']);
    expect(output.rows[0]!.reason).toBe(
      'Not looked up: searching these 2 rows may cost up to 1 credits, more than the 0 left of Maximum Credits.',
    );
    expect(output).toMatchObject({ creditsCharged: 0 });
  });

  it('keeps the paid search when the reveal answer is lost, says the revealed rows may be charged, sends no more', async () => {
    prices();
    const people = Array.from({ length: 101 }, (_, i) => String(1000 + i));
    nock(LUSHA)
      .post('/v3/contacts/search', (body: { contacts: unknown[] }) => body.contacts.length === 100)
      .reply(200, {
        results: people.slice(0, 100).map((id, i) => preview(String(i + 1), id, 1, 0)),
        ...bill(4, 100),
      });
    nock(LUSHA).post('/v3/contacts/enrich').reply(504, { statusCode: 504, message: 'Gateway Timeout' });

    const output = await enrichPeople({ rows: rows(...people), max_credits: 500, reveal_data: 'emails' });

    expect(nock.pendingMocks().filter((m) => !m.includes('/v3/account/usage'))).toEqual([]);
    expect(output.rows.slice(0, 100).every((r) => r.status === 'error' && r.possiblyCharged === true)).toBe(true);
    expect(output.rows[0]!.reason).toMatch(/^Not revealed: Lusha is temporarily unavailable .*may have processed/);
    expect(output.rows[100]).toMatchObject({ status: 'error', possiblyCharged: false });
    expect(output.rows[100]!.reason).toMatch(/^Not sent: an earlier request's answer was lost/);
    expect(output).toMatchObject({ creditsCharged: 4, possiblyChargedRows: 100 });
  });
});

describe('Bulk Enrich Companies with Maximum Credits', () => {
  it('sends only as many companies as the most they can cost allows, in row order', async () => {
    prices();
    const sent = nock(LUSHA)
      .post('/v3/companies/search-and-enrich', {
        companies: numbered({ domain: 'a.com' }, { domain: 'b.com' }),
      })
      .reply(200, {
        results: [
          { clientReferenceId: '1', id: '1', name: 'A' },
          { clientReferenceId: '2', error: { code: 'NOT_FOUND' } },
        ],
        ...bill(2, 1),
      });
    // At most 1 (search) + 1 per company: 2 companies fit in 3.
    const output = await enrichCompanies({
      rows: ['a.com', 'b.com', 'c.com'].map((domain) => ({ domain })),
      max_credits: 3,
    });
    expect(sent.isDone()).toBe(true);
    expect(output.rows.map((r) => r.status)).toEqual(['matched', 'not_found', 'not_revealed']);
    expect(output.rows[2]!.reason).toBe(
      'Not looked up: 3 companies at once could cost up to 4 credits, more than the 3 left of Maximum Credits.',
    );
    expect(output).toMatchObject({ creditsCharged: 2, notRevealed: 1 });
  });
});
