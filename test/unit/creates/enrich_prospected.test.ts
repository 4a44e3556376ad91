/**
 * Enrich Prospected Contacts / Companies on Lusha V3: ids revealed by POST /v3/contacts/enrich
 * and POST /v3/companies/enrich (no search request id: V3 does not need one), 100 per call,
 * each id once; the 1.x Search Request ID accepted in any shape and echoed; credits as Lusha
 * billed them; bad input refused.
 */
import { prospectCompanyFields, prospectContactFields } from '../../../src/prospecting/records';
import { useNock } from '../../support/nock';
import { createStep, expectHalt, expectRefusal, lusha, noCreditsLeft, rejected } from '../../support/creates-kit';
import { App, expectStepError } from '../../support/zapier';

useNock();

const runContacts = createStep('enrich_prospected_contacts');
const runCompanies = createStep('enrich_prospected_companies');

const EMPTY_CONTACT = Object.fromEntries(prospectContactFields.map((field) => [field.key, null]));
const EMPTY_COMPANY = Object.fromEntries(prospectCompanyFields.map((field) => [field.key, null]));
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(5000 + from + i));
/** A V3EnrichedContact. */
const revealedContact = (id: string) => ({
  id,
  fullName: `Name ${id}`,
  emails: [{ email: `${id}@acme.io`, type: 'work', confidence: 'A' }],
  company: { id: '77', name: 'Acme' },
});
const answer = (results: unknown[], credits: number) => ({
  requestId: 'enrich-1',
  results,
  billing: { creditsCharged: credits, resultsReturned: results.length },
});
const RULE = 'Lusha charges per revealed email or phone number, nothing for data the account revealed before';
/** The counts of a step that revealed one of two IDs, for one credit. */
const oneOfTwoRevealed = (requestId: string) => ({ requestId, requested: 2, revealedCount: 1, creditsCharged: 1 });

describe('enrich_prospected_contacts', () => {
  it('reveals the ids alone and returns one row per id, in order, with what Lusha billed', async () => {
    const scope = lusha()
      .post('/v3/contacts/enrich', { ids: ['5001', '5002'] })
      .reply(
        200,
        answer(
          [revealedContact('5002'), { id: '5001', error: { code: 'NOT_FOUND', message: 'Contact not found' } }],
          1,
        ),
      );

    const output = await runContacts({ request_id: 'req-1', contact_ids: ['5001', '5002'] });

    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      ...oneOfTwoRevealed('req-1'),
      creditsNote: `Revealed 1 of 2 contacts: 1 credit charged (${RULE}).`,
      contacts: [
        {
          ...EMPTY_CONTACT,
          contactId: '5001',
          id: '5001',
          requestId: 'req-1',
          revealed: false,
          creditCharged: false,
          revealNote: "Lusha revealed nothing for this ID (Contact not found): it may not be one of Lusha's contacts",
        },
        {
          ...EMPTY_CONTACT,
          contactId: '5002',
          id: '5002',
          requestId: 'req-1',
          fullName: 'Name 5002',
          email: '5002@acme.io',
          emailType: 'work',
          emailConfidence: 'A',
          emails: '5002@acme.io',
          companyId: '77',
          companyName: 'Acme',
          revealed: true,
          creditCharged: true,
        },
      ],
    });
  });

  it('sends at most 100 ids per call, each id once, and sums the bills', async () => {
    const all = ids(1, 230);
    const scope = lusha()
      .post('/v3/contacts/enrich', { ids: all.slice(0, 100) })
      .reply(200, answer(all.slice(0, 100).map(revealedContact), 100))
      .post('/v3/contacts/enrich', { ids: all.slice(100, 200) })
      .reply(200, answer(all.slice(100, 200).map(revealedContact), 100))
      .post('/v3/contacts/enrich', { ids: all.slice(200) })
      .reply(200, answer(all.slice(200).map(revealedContact), 30));

    const output = await runContacts({ request_id: ['req-1'], contact_ids: [...all, all[4]] });

    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ requested: 230, revealedCount: 230, creditsCharged: 230 });
    expect(output.creditsNote).toBe(
      `Revealed 230 of 230 contacts: 230 credits charged (${RULE}). 1 repeated ID revealed once.`,
    );
    const rows = output.contacts as Record<string, unknown>[];
    expect(rows).toHaveLength(231);
    expect(rows[230]).toEqual(rows[4]);
  });

  it('accepts one Search Request ID per id and echoes it, sending the ids in one call', async () => {
    const scope = lusha()
      .post('/v3/contacts/enrich', { ids: ['5001', '5002', '5003'] })
      .reply(200, answer(['5001', '5002', '5003'].map(revealedContact), 3));
    const output = await runContacts({ request_id: 'req-a\nreq-b\nreq-a', contact_ids: '5001,5002,5003' });
    expect(scope.isDone()).toBe(true);
    expect(
      (output.contacts as Record<string, unknown>[]).map((row) => [row.contactId, row.requestId, row.revealed]),
    ).toEqual([
      ['5001', 'req-a', true],
      ['5002', 'req-b', true],
      ['5003', 'req-a', true],
    ]);
  });

  it('needs no Search Request ID, and never refuses one: none, or any number of them', async () => {
    const scope = lusha()
      .post('/v3/contacts/enrich', { ids: ['5001'] })
      .reply(200, answer([revealedContact('5001')], 1))
      .post('/v3/contacts/enrich', { ids: ['5001', '5002', '5003'] })
      .reply(200, answer([revealedContact('5001')], 1));
    const none = await runContacts({ contact_ids: ['5001'] });
    expect(none).toMatchObject({ requestId: null, revealedCount: 1 });
    const mismatched = await runContacts({ request_id: ['a', 'b'], contact_ids: ['5001', '5002', '5003'] });
    expect((mismatched.contacts as Record<string, unknown>[]).map((row) => row.requestId)).toEqual([null, null, null]);
    expect(scope.isDone()).toBe(true);
  });

  it('keeps what one batch revealed when another fails, with the reason on the failed rows', async () => {
    const all = ids(1, 101);
    lusha()
      .post('/v3/contacts/enrich', { ids: all.slice(0, 100) })
      .reply(200, answer(all.slice(0, 100).map(revealedContact), 100))
      .post('/v3/contacts/enrich', { ids: [all[100]] })
      .reply(402, { statusCode: 402, message: 'Insufficient credits' });
    const output = await runContacts({ request_id: 'req-1', contact_ids: all });
    expect(output).toMatchObject({ requested: 101, revealedCount: 100, creditsCharged: 100 });
    expect((output.contacts as Record<string, unknown>[])[100]).toMatchObject({
      contactId: all[100],
      revealed: false,
      revealNote: `Not revealed: ${noCreditsLeft('POST /v3/contacts/enrich')}`,
    });
  });

  it('fails with the reason when every batch fails (nothing was billed)', async () => {
    lusha()
      .post('/v3/contacts/enrich')
      .reply(400, { statusCode: 400, message: ['ids must contain at least 1 element'] });
    await expectHalt(
      runContacts({ contact_ids: ['x'] }),
      rejected('POST /v3/contacts/enrich', 'ids must contain at least 1 element'),
    );
  });

  it('refuses missing and too many ids before any call', async () => {
    await expectRefusal(
      runContacts({ request_id: '', contact_ids: [] }),
      'Enrich Prospected Contacts',
      'Prospect Contact IDs is empty: map the IDs to reveal.',
    );
    await expectRefusal(
      runContacts({ request_id: 'a', contact_ids: ids(0, 501) }),
      'Enrich Prospected Contacts',
      'Prospect Contact IDs has 501 IDs; at most 500 per step.',
    );
  });

  it('says in the help text that the Search Request ID is no longer needed, and no longer requires it', () => {
    const field = (
      App.creates.enrich_prospected_contacts!.operation.inputFields as Array<Record<string, unknown>>
    ).find((f) => f.key === 'request_id')!;
    expect(field).toMatchObject({ required: false, list: true, type: 'string' });
    expect(field.helpText).toMatch(/^No longer needed: Lusha V3 reveals by ID alone/);
  });
});

describe('enrich_prospected_companies', () => {
  it('sends the ids alone and returns one row per id, with what Lusha billed', async () => {
    const scope = lusha()
      .post('/v3/companies/enrich', { ids: ['1586', '42'] })
      .reply(200, {
        requestId: 'enrich-c',
        results: [
          { id: '1586', name: 'Acme', domain: 'www.acme.com', industry: 'Software' },
          { id: '42', error: { code: 'NOT_FOUND', message: 'Company not found' } },
        ],
        billing: { creditsCharged: 1, resultsReturned: 1 },
      });

    const output = await runCompanies({ request_id: 'req-c', company_ids: ['1586', '42'] });

    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      ...oneOfTwoRevealed('req-c'),
      creditsNote: 'Revealed 1 of 2 companies: 1 credit charged (Lusha charges each company it returns).',
      companies: [
        {
          ...EMPTY_COMPANY,
          requestId: 'req-c',
          id: '1586',
          name: 'Acme',
          domain: 'acme.com',
          website: 'https://www.acme.com',
          industry: 'Software',
          technologies: null,
          revealed: true,
          creditCharged: true,
        },
        {
          ...EMPTY_COMPANY,
          requestId: 'req-c',
          id: '42',
          revealed: false,
          creditCharged: false,
          revealNote: "Lusha revealed nothing for this ID (Company not found): it may not be one of Lusha's companies",
        },
      ],
    });
  });

  it('fails with the mapped error when Lusha refuses the reveal whole', async () => {
    lusha().post('/v3/companies/enrich').reply(403, { statusCode: 403, message: 'Forbidden' });
    const error = await expectStepError(runCompanies({ request_id: 'gone', company_ids: ['1'] }));
    expect(error.message).toMatch(/^.*\(POST \/v3\/companies\/enrich, HTTP 403\): Forbidden\./);
  });
});
