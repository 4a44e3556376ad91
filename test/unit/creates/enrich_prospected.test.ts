/**
 * Enrich Prospected Contacts / Companies: ids with their search's requestId, 100 per call,
 * one or one-per-id request ids, a stale requestId explained, and bad input refused.
 */
import nock from 'nock';
import { prospectCompanyFields, prospectContactFields } from '../../../src/prospecting/records';
import { useNock } from '../../support/nock';
import { App, appTester, bundleWith, expectStepError, LUSHA, TEST_KEY } from '../../support/zapier';

useNock();

const contactsStep = App.creates.enrich_prospected_contacts!.operation.perform;
const companiesStep = App.creates.enrich_prospected_companies!.operation.perform;
const runContacts = (inputData: Record<string, unknown>) =>
  appTester(contactsStep as never, bundleWith(inputData), true) as Promise<Record<string, unknown>>;
const runCompanies = (inputData: Record<string, unknown>) =>
  appTester(companiesStep as never, bundleWith(inputData), true) as Promise<Record<string, unknown>>;
const lusha = () => nock(LUSHA, { reqheaders: { api_key: TEST_KEY } });

const EMPTY_CONTACT = Object.fromEntries(prospectContactFields.map((field) => [field.key, null]));
const EMPTY_COMPANY = Object.fromEntries(prospectCompanyFields.map((field) => [field.key, null]));
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `c-${from + i}`);
const revealedContact = (id: string) => ({
  id,
  isSuccess: true,
  data: {
    fullName: `Name ${id}`,
    emailAddresses: [{ email: `${id}@acme.io`, emailType: 'work', emailConfidence: 'A' }],
    companyName: 'Acme',
  },
});

describe('enrich_prospected_contacts', () => {
  it('reveals the ids with their requestId and returns one row per id, in order', async () => {
    const scope = lusha()
      .post('/prospecting/contact/enrich', { requestId: 'req-1', contactIds: ['c-1', 'c-2'] })
      .reply(200, { requestId: 'req-1', contacts: [revealedContact('c-2'), { id: 'c-1', isSuccess: false }] });

    const output = await runContacts({ request_id: 'req-1', contact_ids: ['c-1', 'c-2'] });

    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      requestId: 'req-1',
      requested: 2,
      revealedCount: 1,
      creditsCharged: 1,
      creditsNote:
        'Revealed 1 of 2 contacts: 1 credit charged (Lusha charges each contact it returned an email or phone number for).',
      contacts: [
        {
          ...EMPTY_CONTACT,
          contactId: 'c-1',
          requestId: 'req-1',
          revealed: false,
          creditCharged: false,
          revealNote: 'Lusha revealed nothing for this contact ID with this Search Request ID (no credit charged)',
        },
        {
          ...EMPTY_CONTACT,
          contactId: 'c-2',
          requestId: 'req-1',
          fullName: 'Name c-2',
          email: 'c-2@acme.io',
          emailType: 'work',
          emailConfidence: 'A',
          emails: 'c-2@acme.io',
          companyName: 'Acme',
          revealed: true,
          creditCharged: true,
        },
      ],
    });
  });

  it('sends at most 100 ids per call, and each id once', async () => {
    const all = ids(1, 230);
    const scope = lusha()
      .post('/prospecting/contact/enrich', { requestId: 'req-1', contactIds: all.slice(0, 100) })
      .reply(200, { requestId: 'req-1', contacts: all.slice(0, 100).map(revealedContact) })
      .post('/prospecting/contact/enrich', { requestId: 'req-1', contactIds: all.slice(100, 200) })
      .reply(200, { requestId: 'req-1', contacts: all.slice(100, 200).map(revealedContact) })
      .post('/prospecting/contact/enrich', { requestId: 'req-1', contactIds: all.slice(200) })
      .reply(200, { requestId: 'req-1', contacts: all.slice(200).map(revealedContact) });

    const output = await runContacts({ request_id: ['req-1'], contact_ids: [...all, 'c-5'] });

    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ requested: 230, revealedCount: 230, creditsCharged: 230 });
    expect(output.creditsNote).toBe(
      'Revealed 230 of 230 contacts: 230 credits charged (Lusha charges each contact it returned an email or phone number for). 1 repeated ID revealed once.',
    );
    const rows = output.contacts as Record<string, unknown>[];
    expect(rows).toHaveLength(231);
    expect(rows[230]).toEqual(rows[4]);
  });

  it('groups ids by their own request id when one is given per id', async () => {
    const scope = lusha()
      .post('/prospecting/contact/enrich', { requestId: 'req-a', contactIds: ['c-1', 'c-3'] })
      .reply(200, { requestId: 'req-a', contacts: [revealedContact('c-1'), revealedContact('c-3')] })
      .post('/prospecting/contact/enrich', { requestId: 'req-b', contactIds: ['c-2'] })
      .reply(200, { requestId: 'req-b', contacts: [revealedContact('c-2')] });
    const output = await runContacts({ request_id: 'req-a\nreq-b\nreq-a', contact_ids: 'c-1,c-2,c-3' });
    expect(scope.isDone()).toBe(true);
    expect(
      (output.contacts as Record<string, unknown>[]).map((row) => [row.contactId, row.requestId, row.revealed]),
    ).toEqual([
      ['c-1', 'req-a', true],
      ['c-2', 'req-b', true],
      ['c-3', 'req-a', true],
    ]);
  });

  it("turns Lusha's answer to a stale requestId into an actionable message", async () => {
    lusha()
      .post('/prospecting/contact/enrich')
      .reply(400, {
        statusCode: 400,
        message: ['requestId "old-1" does not match a contact search made with this API key'],
      });
    const error = await expectStepError(runContacts({ request_id: 'old-1', contact_ids: ['c-1'] }));
    expect(error).toEqual({
      name: 'HaltedError',
      message:
        'Lusha rejected the request (POST /prospecting/contact/enrich, HTTP 400): requestId "old-1" does not match a contact search made with this API key. ' +
        'Request ID "old-1": a Search Request ID is valid only with the contact IDs of the same Prospect Contacts run, and Lusha forgets it after a while: ' +
        "map both from the same search step, or run the search again. Check the step's fields and try again.",
    });
  });

  it('keeps what one batch revealed when another fails, with the reason on the failed rows', async () => {
    const all = ids(1, 101);
    lusha()
      .post('/prospecting/contact/enrich', { requestId: 'req-1', contactIds: all.slice(0, 100) })
      .reply(200, { requestId: 'req-1', contacts: all.slice(0, 100).map(revealedContact) })
      .post('/prospecting/contact/enrich', { requestId: 'req-1', contactIds: ['c-101'] })
      .reply(402, { statusCode: 402, message: 'Insufficient credits' });
    const output = await runContacts({ request_id: 'req-1', contact_ids: all });
    expect(output).toMatchObject({ requested: 101, revealedCount: 100, creditsCharged: 100 });
    expect((output.contacts as Record<string, unknown>[])[100]).toMatchObject({
      contactId: 'c-101',
      revealed: false,
      revealNote:
        'Not revealed: The Lusha account has no credits left (POST /prospecting/contact/enrich, HTTP 402): Insufficient credits. Add credits to your Lusha account or wait for your plan to renew, then replay the run.',
    });
  });

  it('refuses missing ids, mismatched request ids and too many ids before any call', async () => {
    const missing = await expectStepError(runContacts({ request_id: '', contact_ids: [] }));
    expect(missing).toEqual({
      name: 'HaltedError',
      message:
        'Enrich Prospected Contacts cannot run with this input (no credits were spent):\n' +
        '- Prospect Contact IDs is empty: map the IDs to reveal.\n' +
        '- Search Request ID is empty: map it from the search step.',
    });
    const mismatched = await expectStepError(
      runContacts({ request_id: ['a', 'b'], contact_ids: ['c-1', 'c-2', 'c-3'] }),
    );
    expect(mismatched.message).toBe(
      'Enrich Prospected Contacts cannot run with this input (no credits were spent):\n' +
        '- Search Request ID has 2 values for 3 IDs: give one for all, or exactly one per ID.',
    );
    const tooMany = await expectStepError(runContacts({ request_id: 'a', contact_ids: ids(0, 501) }));
    expect(tooMany.message).toBe(
      'Enrich Prospected Contacts cannot run with this input (no credits were spent):\n' +
        '- Prospect Contact IDs has 501 IDs; at most 500 per step.',
    );
  });
});

describe('enrich_prospected_companies', () => {
  it('sends the ids under "companiesIds" and returns one row per id', async () => {
    const scope = lusha()
      .post('/prospecting/company/enrich', { requestId: 'req-c', companiesIds: ['1586', '42'] })
      .reply(200, {
        requestId: 'req-c',
        companies: [{ id: 1586, name: 'Acme', fqdn: 'www.acme.com', mainIndustry: 'Software' }],
      });

    const output = await runCompanies({ request_id: 'req-c', company_ids: ['1586', '42'] });

    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      requestId: 'req-c',
      requested: 2,
      revealedCount: 1,
      creditsCharged: 1,
      creditsNote: 'Revealed 1 of 2 companies: 1 credit charged (Lusha charges each company it returned).',
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
        },
        {
          ...EMPTY_COMPANY,
          requestId: 'req-c',
          id: '42',
          revealed: false,
          revealNote: 'Lusha returned nothing for this company ID with this Search Request ID (no credit charged)',
        },
      ],
    });
  });

  it('explains a requestId Lusha does not know', async () => {
    lusha().post('/prospecting/company/enrich').reply(404, { statusCode: 404, message: 'Request not found' });
    const error = await expectStepError(runCompanies({ request_id: 'gone', company_ids: ['1'] }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toBe(
      'Lusha found nothing (POST /prospecting/company/enrich, HTTP 404): Request not found. Request ID "gone": a Search Request ID is valid only ' +
        'with the company IDs of the same Prospect Companies run, and Lusha forgets it after a while: map both from the same search step, or run ' +
        "the search again. Check the step's fields and try again.",
    );
  });
});
