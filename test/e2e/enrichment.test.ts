/**
 * Enrichment end to end: Find Person, Find Company, Bulk Enrich People and Bulk Enrich
 * Companies run in the real app against the sandbox over HTTP. The sandbox's request log
 * and credit ledger are the witnesses: how many calls each operation makes, what they
 * cost, and that the output says so.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { SandboxPerson } from '../../sandbox';
import { SANDBOX_ACCOUNT, SANDBOX_KEY, useSandbox } from '../support/sandbox';
import { App, appTester, bundleWith, expectZapierError } from '../support/zapier';

/** A connection whose account prices Lusha does not return (its usage reads are rate-limited). */
const PRICES_UNREAD_KEY = 'prices-unread-key';

const sandbox = useSandbox({
  now: '2026-06-15T12:00:00Z',
  keys: [SANDBOX_ACCOUNT, { key: PRICES_UNREAD_KEY, plan: 'unified', credits: 1_000, signals: true }],
});

type Output = Record<string, unknown>;
type BulkOutput = Output & { rows: Output[] };

function run<T>(
  kind: 'searches' | 'creates',
  key: string,
  inputData: Record<string, unknown>,
  apiKey = SANDBOX_KEY,
): Promise<T> {
  const perform = App[kind][key]!.operation.perform as (z: ZObject, bundle: Bundle) => Promise<T>;
  return appTester(perform, bundleWith(inputData, { apiKey }));
}
const findPerson = (input: Record<string, unknown>, apiKey?: string) =>
  run<Output[]>('searches', 'find_person', input, apiKey);
const findCompany = (input: Record<string, unknown>) => run<Output[]>('searches', 'find_company', input);
const enrichPeople = (input: Record<string, unknown>) => run<BulkOutput>('creates', 'enrich_people', input);
const enrichCompanies = (input: Record<string, unknown>) => run<BulkOutput>('creates', 'enrich_companies', input);

/** What the sandbox saw: its requests, and the credits its ledger charged for them. */
function ledger(apiKey = SANDBOX_KEY) {
  const entries = sandbox().log.entries();
  return {
    entries,
    requests: entries.length,
    charged: entries.reduce((sum, entry) => sum + entry.creditsCharged, 0),
    used: sandbox().credits.usage(apiKey).used,
  };
}

/** A bulk run's `totals`, and its credits as the ledger charged them: more than none, all since `usedBefore`. */
function expectTotalsCharged(output: BulkOutput, totals: Record<string, number>, usedBefore: number) {
  const { charged, used } = ledger();
  expect(output).toMatchObject({ ...totals, creditsCharged: charged });
  expect(charged).toBeGreaterThan(0);
  expect(used - usedBefore).toBe(charged);
}

const GRADES = ['A+', 'A', 'B', 'C'];
/** The work email with the best grade: the "best email" rule, restated for the sandbox's data. */
const bestWorkEmail = (p: SandboxPerson) =>
  [...p.emails]
    .filter((e) => e.emailType === 'work')
    .sort((a, b) => GRADES.indexOf(a.emailConfidence) - GRADES.indexOf(b.emailConfidence))[0]!;

const hasContactInfo = (p: SandboxPerson) => p.emails.length + p.phones.length > 0;

describe('Find Person against the sandbox', () => {
  it('makes exactly one V3 request, reports what the ledger charged, and returns the flat record', async () => {
    const p = sandbox().data.samples.personWithEmailAndPhone;
    const c = sandbox().data.companyOf(p);
    const usedBefore = sandbox().credits.usage(SANDBOX_KEY).used;

    const [record, ...more] = await findPerson({ email: bestWorkEmail(p).email.toUpperCase() });

    const { entries, charged, used } = ledger();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      method: 'POST',
      path: '/v3/contacts/search-and-enrich',
      body: {
        contacts: [{ clientReferenceId: '1', email: bestWorkEmail(p).email.toLowerCase() }],
        reveal: ['emails', 'phones'],
      },
      status: 200,
    });
    expect(charged).toBeGreaterThan(0);
    expect(used - usedBefore).toBe(charged);
    expect(record!.creditsCharged).toBe(charged);
    expect(more).toHaveLength(0);
    expect(record).toMatchObject({
      id: String(p.personId),
      firstName: p.firstName,
      lastName: p.lastName,
      fullName: p.fullName,
      email: bestWorkEmail(p).email,
      emailType: 'work',
      emailConfidence: bestWorkEmail(p).emailConfidence,
      emails: p.emails.map((e) => ({
        email: e.email,
        type: e.emailType,
        confidence: e.emailConfidence,
        updatedOn: e.updateDate,
      })),
      phones: p.phones.map((ph) => ({
        number: ph.number,
        type: ph.phoneType,
        doNotCall: ph.doNotCall,
        updatedOn: ph.updateDate,
      })),
      phoneDoNotCall: false,
      jobTitle: p.jobTitle,
      seniority: p.seniority,
      departments: p.departments,
      linkedinUrl: p.linkedinUrl,
      city: p.location.city,
      country: p.location.country,
      countryCode: p.location.countryIso2,
      isEuContact: p.location.isEu,
      companyId: String(c.id),
      companyName: c.name,
      companyDomain: c.domain,
      // V3 nests only the company's id, name, domain and industry in a contact: the other company keys stay, null.
      companyEmployeesMin: null,
      companyEmployeesMax: null,
      companyIndustry: c.mainIndustry,
      jobStartDate: null,
      creditCharged: true,
      signalCount: null,
      signalsNote: null,
    });
    expect(p.phones.find((ph) => ph.number === record!.phone)?.doNotCall).toBe(false);
  });

  it('finds the same person by LinkedIn URL, by Lusha ID and by name + company, one request each', async () => {
    const p = sandbox().data.samples.personWithEmailAndPhone;
    const c = sandbox().data.companyOf(p);
    const inputs = [
      { linkedin_url: `${p.linkedinUrl!.replace('https://www.', '').toUpperCase()}/?utm=zap` },
      { person_id: p.personId },
      { first_name: p.firstName, last_name: p.lastName, company_domain: `https://www.${c.domain}/about` },
      { first_name: p.firstName.toLowerCase(), last_name: p.lastName, company_name: c.name },
    ];
    for (const input of inputs) {
      sandbox().log.reset();
      const result = await findPerson(input);
      expect(result.map((r) => r.id)).toEqual([String(p.personId)]);
      expect(ledger().requests).toBe(1);
    }
  });

  it('returns nothing for a miss, in one free request', async () => {
    expect(await findPerson({ email: 'nobody.at.all@example.org' })).toEqual([]);
    expect(ledger()).toMatchObject({ requests: 1, charged: 0 });
  });

  it('sends nothing for input that cannot match', async () => {
    for (const input of [
      { email: 'maya@' },
      { linkedin_url: 'https://example.com/in/maya' },
      { first_name: 'Maya', last_name: 'Goldberg' },
      {},
    ]) {
      expect((await expectZapierError(findPerson(input))).name).toBe('HaltedError');
    }
    expect(ledger().requests).toBe(0);
  });

  it('reveals only what Data to Reveal asks for, and Emails Only costs less than Emails and Phones', async () => {
    const [a, b] = sandbox()
      .data.people.filter((p) => p.emails.length > 0 && p.phones.length > 0)
      .slice(0, 2);
    const [emailsOnly] = await findPerson({ person_id: a!.personId, reveal_data: 'emails' });
    expect(emailsOnly).toMatchObject({ email: expect.any(String), phone: null, phones: [] });
    expect(ledger().entries[0]!.body).toEqual({
      contacts: [{ clientReferenceId: '1', id: String(a!.personId) }],
      reveal: ['emails'],
    });
    const emailsCost = ledger().charged;
    sandbox().log.reset();

    const [both] = await findPerson({ person_id: b!.personId, reveal_data: 'both' });
    expect(both).toMatchObject({ email: expect.any(String), phone: expect.any(String) });
    expect(both!.creditsCharged).toBe(ledger().charged);
    expect(emailsOnly!.creditsCharged).toBe(emailsCost);
    expect(emailsCost).toBeLessThan(ledger().charged);
  });

  it('charges nothing to reveal again what the account has already revealed, except the search', async () => {
    // A person no other test of this file reveals.
    const p = sandbox().data.people.filter((x) => x.emails.length > 0 && x.phones.length > 0)[7]!;
    await findPerson({ person_id: p.personId });
    const first = ledger().charged;
    sandbox().log.reset();
    const [again] = await findPerson({ person_id: p.personId });
    expect(again!.creditsCharged).toBe(ledger().charged);
    expect(ledger().charged).toBeLessThan(first);
  });

  it('adds the signal summary when signals are asked for: a second call, charged as the ledger says', async () => {
    const p = sandbox().data.samples.personWithRecentPromotion;
    const [record] = await findPerson({ person_id: p.personId, signal_types: ['promotion'] });
    expect(record).toMatchObject({ id: String(p.personId), signalTypes: ['promotion'], latestSignalType: 'promotion' });
    expect(record!.signalCount).toBeGreaterThan(0);
    expect(ledger().entries.map((e) => `${e.method} ${e.path}`)).toEqual([
      'POST /v3/contacts/search-and-enrich',
      'POST /v3/contacts/signals',
    ]);
    expect(ledger().entries[1]!.body).toEqual({ ids: [String(p.personId)], signalTypes: ['promotion'] });
    expect(record!.creditsCharged).toBe(ledger().charged);
  });

  it('asks for no signals of a person it did not find', async () => {
    expect(await findPerson({ email: 'nobody.at.all@example.org', signal_types: ['promotion'] })).toEqual([]);
    expect(ledger()).toMatchObject({ requests: 1, charged: 0 });
  });

  it('returns a partial profile only when asked, with what Lusha billed for its search', async () => {
    const p = sandbox().data.samples.personWithoutContactInfo;
    expect(await findPerson({ person_id: p.personId })).toEqual([]);
    expect(ledger()).toMatchObject({ requests: 1, charged: 0 });
    const [record] = await findPerson({ person_id: p.personId, partial_profile: true });
    expect(record).toMatchObject({ id: String(p.personId), email: null, phone: null });
    expect(ledger().entries[1]!.body).toMatchObject({ options: { includePartialProfiles: true } });
    expect(record!.creditsCharged).toBe(ledger().charged);
    expect(record!.creditCharged).toBe(ledger().charged > 0);
  });
});

describe('Find Company against the sandbox', () => {
  it('makes exactly one request and returns the flat record', async () => {
    const c = sandbox().data.samples.companyWithFunding;
    const [record, ...more] = await findCompany({ domain: `https://www.${c.domain}/pricing` });
    expect(more).toHaveLength(0);
    expect(ledger().entries[0]).toMatchObject({
      method: 'POST',
      path: '/v3/companies/search-and-enrich',
      body: { companies: [{ clientReferenceId: '1', domain: c.domain }] },
    });
    expect(ledger().requests).toBe(1);
    expect(record!.creditsCharged).toBe(ledger().charged);
    expect(ledger().charged).toBeGreaterThan(0);
    expect(record).toMatchObject({
      id: String(c.id),
      name: c.name,
      domain: c.domain,
      employeesMin: c.size.min,
      employeesMax: c.size.max,
      industry: c.mainIndustry,
      city: c.location.city,
      countryCode: c.location.countryIso2,
      linkedinUrl: c.linkedinUrl,
      technologies: c.technologies,
      fundingRounds: c.funding!.rounds.length,
      creditCharged: true,
    });
  });

  it('returns nothing for a miss, free; sends nothing for input that cannot match', async () => {
    expect(await findCompany({ domain: 'no-such-company-anywhere.example' })).toEqual([]);
    expect(ledger()).toMatchObject({ requests: 1, charged: 0 });
    sandbox().log.reset();
    expect((await expectZapierError(findCompany({ domain: 'not a domain' }))).name).toBe('HaltedError');
    expect(ledger().requests).toBe(0);
  });
});

describe('Bulk Enrich People against the sandbox', () => {
  it('answers a list mixing matches, misses, duplicates and invalid rows, in order, in one request', async () => {
    const { samples } = sandbox().data;
    const a = samples.personWithEmailAndPhone;
    const b = samples.euPerson;
    const c = samples.personWithoutPhone;
    const companyOfC = sandbox().data.companyOf(c);
    const usedBefore = sandbox().credits.usage(SANDBOX_KEY).used;
    const rows = [
      { reference: 'lead-1', email: a.emails[0]!.email },
      { reference: 'lead-2', email: 'nobody.at.all@example.org' },
      { reference: 'lead-3', linkedin_url: b.linkedinUrl },
      { reference: 'lead-4', email: 'not-an-email' },
      { reference: 'lead-5', email: ` ${a.emails[0]!.email.toUpperCase()} ` },
      { reference: 'lead-6', first_name: c.firstName, last_name: c.lastName, company_name: companyOfC.name },
      { reference: 'lead-7', person_id: samples.personWithoutContactInfo.personId },
      { reference: 'lead-8', first_name: 'Only', last_name: 'Names' },
      { reference: 'lead-1', linkedin_url: b.linkedinUrl },
    ];

    const output = await enrichPeople({ rows });

    const { entries } = ledger();
    expect(entries).toHaveLength(1); // ceil(5 distinct valid rows / 100)
    expect((entries[0]!.body as { contacts: unknown[] }).contacts).toHaveLength(5);
    expect(output.rows.map((r) => [r.row, r.reference, r.status, r.duplicateOfRow, r.id])).toEqual([
      [1, 'lead-1', 'matched', null, String(a.personId)],
      [2, 'lead-2', 'not_found', null, null],
      [3, 'lead-3', 'matched', null, String(b.personId)],
      [4, 'lead-4', 'invalid_input', null, null],
      [5, 'lead-5', 'matched', 1, String(a.personId)],
      [6, 'lead-6', 'matched', null, String(c.personId)],
      [7, 'lead-7', 'not_found', null, null],
      [8, 'lead-8', 'invalid_input', null, null],
      [9, 'lead-1', 'matched', 3, String(b.personId)],
    ]);
    expect(output.rows[3]!.reason).toBe(
      'Email "not-an-email" is not a valid email address (expected something like name@company.com)',
    );
    expect(output.rows[2]).toMatchObject({ isEuContact: true, companyName: sandbox().data.companyOf(b).name });
    expectTotalsCharged(output, { total: 9, matched: 5, notFound: 2, invalid: 2, errors: 0, requests: 1 }, usedBefore);
    expect(output.rows.map((r) => r.creditCharged)).toEqual([true, false, true, false, true, true, false, false, true]);
  });

  it('sends ceil(distinct rows / 100) requests for a long list, and reports the credits the ledger charged', async () => {
    const people = sandbox().data.people.filter(hasContactInfo).slice(0, 250);
    const rows = [...people, ...people.slice(0, 40)].map((p, i) => ({
      reference: `row-${i + 1}`,
      person_id: p.personId,
    }));
    const usedBefore = sandbox().credits.usage(SANDBOX_KEY).used;

    const output = await enrichPeople({ rows });

    const { entries, charged, used } = ledger();
    expect(entries).toHaveLength(Math.ceil(250 / 100));
    expect(entries.map((e) => (e.body as { contacts: unknown[] }).contacts.length).sort((x, y) => y - x)).toEqual([
      100, 100, 50,
    ]);
    expect(output).toMatchObject({ total: 290, matched: 290, notFound: 0, invalid: 0, errors: 0, requests: 3 });
    expect(output.creditsCharged).toBe(charged);
    expect(used - usedBefore).toBe(charged);
    expect(output.rows.map((r) => r.reference)).toEqual(rows.map((r) => r.reference));
    expect(output.rows.map((r) => r.id)).toEqual(rows.map((r) => String(r.person_id)));
    expect(output.rows[260]).toMatchObject({ row: 261, duplicateOfRow: 11 });
  });

  it('keeps the results of the requests that worked when one fails, and charges only those', async () => {
    const people = sandbox().data.people.filter(hasContactInfo).slice(0, 150);
    sandbox().faults.add({
      route: '/v3/contacts/search-and-enrich',
      method: 'POST',
      kind: 'status',
      status: 500,
      when: (req) =>
        (req.body as { contacts: Array<{ clientReferenceId: string }> }).contacts[0]?.clientReferenceId === '101',
    });

    const output = await enrichPeople({
      rows: people.map((p) => ({ email: p.emails[0]?.email, person_id: p.personId })),
    });

    expect(ledger().requests).toBe(2);
    expect(output.rows.slice(0, 100).every((r) => r.status === 'matched')).toBe(true);
    expect(output.rows.slice(100).every((r) => r.status === 'error')).toBe(true);
    expect(output.rows[100]!.reason).toMatch(
      /^Lusha failed to process the request \(POST \/v3\/contacts\/search-and-enrich, HTTP 500\)/,
    );
    expect(output).toMatchObject({ matched: 100, errors: 50, creditsCharged: ledger().charged });
  });

  it('fails as ThrottledError when every request is rate-limited, charging nothing', async () => {
    sandbox().faults.add({ route: '/v3/contacts/search-and-enrich', kind: 'rateLimit', retryAfter: 30 });
    const error = await expectZapierError(
      enrichPeople({ rows: [{ person_id: sandbox().data.samples.euPerson.personId }] }),
    );
    expect(error).toMatchObject({ name: 'ThrottledError', delay: 30 });
    expect(ledger()).toMatchObject({ requests: 1, charged: 0 });
  });

  it('sends nothing when no row can be looked up', async () => {
    const error = await expectZapierError(enrichPeople({ rows: [{ email: 'x@' }, { reference: 'empty' }] }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(
      /^Bulk Enrich People cannot run with this input \(no credits were spent\):\n- Row 1: Email "x@"/,
    );
    expect(ledger().requests).toBe(0);
  });
});

describe('Bulk Enrich Companies against the sandbox', () => {
  it('answers a mixed list in order, in one request, with the credits the ledger charged', async () => {
    const { companies, samples } = sandbox().data;
    const a = samples.companyWithFunding;
    const b = samples.companyWithoutFunding;
    const usedBefore = sandbox().credits.usage(SANDBOX_KEY).used;
    const output = await enrichCompanies({
      rows: [
        { reference: 'acct-1', domain: a.domain },
        { reference: 'acct-2', domain: 'no-such-company-anywhere.example' },
        { reference: 'acct-3', name: b.name },
        { reference: 'acct-4', domain: 'not a domain' },
        { reference: 'acct-5', domain: `www.${a.domain.toUpperCase()}` },
        { reference: 'acct-6', company_id: companies[5]!.id },
      ],
    });

    const { entries } = ledger();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ method: 'POST', path: '/v3/companies/search-and-enrich' });
    expect(output.rows.map((r) => [r.reference, r.status, r.duplicateOfRow, r.id])).toEqual([
      ['acct-1', 'matched', null, String(a.id)],
      ['acct-2', 'not_found', null, null],
      ['acct-3', 'matched', null, String(b.id)],
      ['acct-4', 'invalid_input', null, null],
      ['acct-5', 'matched', 1, String(a.id)],
      ['acct-6', 'matched', null, String(companies[5]!.id)],
    ]);
    expect(output.rows[0]).toMatchObject({
      name: a.name,
      domain: a.domain,
      technologies: a.technologies.join(', '),
      creditCharged: true,
    });
    expectTotalsCharged(output, { total: 6, matched: 4, notFound: 1, invalid: 1, errors: 0, requests: 1 }, usedBefore);
  });

  it('sends ceil(distinct rows / 100) requests', async () => {
    const companies = sandbox().data.companies.slice(0, 150);
    const output = await enrichCompanies({ rows: [...companies, companies[0]!].map((c) => ({ domain: c.domain })) });
    expect(ledger().requests).toBe(2);
    expect(output).toMatchObject({ total: 151, matched: 151, requests: 2, creditsCharged: ledger().charged });
    expect(ledger().charged).toBeGreaterThanOrEqual(150); // at least one per company revealed
  });
});

describe('Maximum Credits against the sandbox', () => {
  const fresh = () => sandbox().data.people.filter(hasContactInfo).slice(400, 410);

  // The first of these tests reads the account's prices (a free call); the others reuse them from z.cache.
  it('Bulk Enrich People searches, then reveals the cheapest rows that fit, and never spends more', async () => {
    const people = fresh();
    // Two of them revealed before: revealing them again costs nothing, so they come first.
    await enrichPeople({ rows: people.slice(8).map((p) => ({ person_id: p.personId })) });
    sandbox().log.reset();
    const usedBefore = sandbox().credits.usage(SANDBOX_KEY).used;

    const output = await enrichPeople({ rows: people.map((p) => ({ person_id: p.personId })), max_credits: 9 });

    const { entries, charged, used } = ledger();
    expect(entries.map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /v3/account/usage',
      'POST /v3/contacts/search',
      'POST /v3/contacts/enrich',
    ]);
    expect(entries[2]!.body).toMatchObject({ reveal: ['emails', 'phones'], waterfallEnabled: false });
    expect(charged).toBeLessThanOrEqual(9);
    expect(used - usedBefore).toBe(charged);
    expect(output.creditsCharged).toBe(charged);
    const status = (i: number) => output.rows[i]!.status;
    expect([status(8), status(9)]).toEqual(['matched', 'matched']);
    expect(output.rows.filter((r) => r.status === 'not_revealed').length).toBeGreaterThan(0);
    expect(output.notRevealed).toBe(output.rows.filter((r) => r.status === 'not_revealed').length);
    expect(Number(output.matched) + Number(output.notRevealed)).toBe(10);
    for (const row of output.rows.filter((r) => r.status === 'not_revealed')) {
      expect(row.reason).toMatch(/^Found, not revealed: revealing it would cost \d+ credits, more than the \d+ left/);
      expect(row).toMatchObject({ email: null, phone: null, creditCharged: false, id: expect.any(String) });
    }
  });

  it('Bulk Enrich People with Maximum Credits 0 makes no paid call', async () => {
    const output = await enrichPeople({ rows: fresh().map((p) => ({ person_id: p.personId })), max_credits: 0 });
    // The account's prices were read (free) by the test before and are kept an hour: no call at all.
    expect(ledger().entries.map((e) => e.path)).toEqual([]);
    expect(output).toMatchObject({ notRevealed: 10, creditsCharged: 0 });
    expect(output.rows[0]!.reason).toMatch(/^Not looked up: searching these 10 rows may cost up to \d+ credits/);
  });

  it('Bulk Enrich Companies sends only as many companies as the most they can cost allows', async () => {
    const companies = sandbox().data.companies.slice(60, 65);
    const output = await enrichCompanies({ rows: companies.map((c) => ({ company_id: c.id })), max_credits: 4 });
    const { entries, charged } = ledger();
    expect(entries.map((e) => e.path)).toEqual(['/v3/companies/search-and-enrich']);
    // 1 credit for the search of up to 25 results and 1 per company revealed: 3 companies fit in 4.
    expect((entries[0]!.body as { companies: unknown[] }).companies).toHaveLength(3);
    expect(output.rows.map((r) => r.status)).toEqual(['matched', 'matched', 'matched', 'not_revealed', 'not_revealed']);
    expect(charged).toBeLessThanOrEqual(4);
    expect(output.creditsCharged).toBe(charged);
  });

  it('goes on within the most an action can cost when Lusha does not return the prices', async () => {
    sandbox().faults.add({ route: '/v3/account/usage', kind: 'rateLimit', retryAfter: 40 });
    const rows = fresh().map((p) => ({ person_id: p.personId }));
    const output = await run<BulkOutput>('creates', 'enrich_people', { rows, max_credits: 9 }, PRICES_UNREAD_KEY);
    // Without prices, searching 10 rows may cost up to 10 credits (1 per result): more than 9, so nothing is sent.
    expect(ledger().entries.map((e) => `${e.path} ${e.status}`)).toEqual(['/v3/account/usage 429']);
    expect(output).toMatchObject({ notRevealed: 10, creditsCharged: 0 });
    const more = await run<BulkOutput>('creates', 'enrich_people', { rows, max_credits: 30 }, PRICES_UNREAD_KEY);
    expect(more.creditsCharged).toBe(ledger(PRICES_UNREAD_KEY).charged);
    expect(more.creditsCharged).toBeLessThanOrEqual(30);
    expect(more.matched).toBeGreaterThan(0);
  });

  it('refuses a malformed Maximum Credits before any call, with the other problems', async () => {
    const error = await expectZapierError(enrichPeople({ rows: [{ email: 'x@' }], max_credits: 'ten' }));
    expect(error.message).toMatch(/Maximum Credits must be a whole number from 0 to 1000000 \(got "ten"\)/);
    expect(error.message).toMatch(/Row 1: Email "x@"/);
    expect(ledger().requests).toBe(0);
  });
});
