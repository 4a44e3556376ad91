/**
 * Score Companies by Signals and Score Contacts by Signals end to end: the real app against the
 * sandbox over HTTP. The sandbox's request log and credit ledger are the witnesses: the bodies
 * sent (one identifier per item, each entity once, 100 per request), the credits charged (1 per
 * scored row, none for NOT_FOUND / NO_SCORE, none at all while scores are off the pricebook),
 * and that the output says exactly what the ledger says. What Lusha answers for each item is
 * read from the sandbox itself, with the same body under a key that is never charged.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { SANDBOX_ACCOUNT, SANDBOX_KEY, useSandbox } from '../support/sandbox';
import { App, appTester, bundleWith, expectStepError } from '../support/zapier';

/** Signal scores not yet on this account's pricebook: free. Also the oracle's key. */
const FREE_KEY = 'scores-off-pricebook-f1ee';
const NO_SIGNALS_KEY = 'no-signals-plan-n0s1';

const sandbox = useSandbox({
  now: '2025-06-15T12:00:00Z',
  keys: [
    SANDBOX_ACCOUNT,
    { key: FREE_KEY, plan: 'unified', credits: 10_000, signals: true, signalScoreCharged: false },
    { key: NO_SIGNALS_KEY, plan: 'unified', credits: 100, signals: false },
  ],
});

type Row = Record<string, unknown>;
type Output = Row & { rows: Row[]; creditsCharged: number };
type Result = Row & { clientReferenceId: string; error?: { code: string } };

const run =
  (key: string) =>
  (inputData: Row, apiKey = SANDBOX_KEY) =>
    appTester(
      App.creates[key]!.operation.perform as (z: ZObject, bundle: Bundle) => Promise<Output>,
      bundleWith(inputData, { apiKey }),
    );
const scoreCompanies = run('score_companies_by_signals');
const scoreContacts = run('score_contacts_by_signals');

const COMPANIES = '/v3/companies/signal-score';
const CONTACTS = '/v3/contacts/signal-score';

/** The requests the sandbox saw on `path` from `apiKey`. */
const calls = (path: string, apiKey = SANDBOX_KEY) =>
  sandbox()
    .log.entries()
    .filter((entry) => entry.path === path && entry.keySuffix === apiKey.slice(-4));
const used = (apiKey = SANDBOX_KEY) => sandbox().credits.usage(apiKey).used;

/** What Lusha answers to `body`, asked directly under the free key (so it charges nothing). */
async function lushaAnswers(path: string, body: unknown): Promise<Map<string, Result>> {
  const response = await fetch(`${sandbox().url}${path}`, {
    method: 'POST',
    headers: { api_key: FREE_KEY, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const { results } = (await response.json()) as { results: Result[] };
  return new Map(results.map((result) => [result.clientReferenceId, result]));
}

/** The status a row must have for Lusha's result. */
const statusOf = (result: Result) =>
  result.error?.code === 'NOT_FOUND' ? 'not_found' : result.error?.code === 'NO_SCORE' ? 'no_score' : 'matched';

describe('Score Companies by Signals against the sandbox', () => {
  const companies = () => sandbox().data.companies;
  const scorable = () => companies().filter((c) => c.employeesInLinkedin >= 5);
  const tooSmall = () => companies().find((c) => c.employeesInLinkedin < 5)!;

  it('sends each company once, by its most precise identifier, and charges 1 credit per scored row only', async () => {
    const [byId, byEmail, byName] = scorable();
    const rows = [
      { reference: 'r1', company_id: String(byId!.id), domain: byEmail!.domain },
      { reference: 'r2', domain: tooSmall().domain, name: 'ignored' },
      { reference: 'r3', email: `ops@${byEmail!.domain}`, name: byName!.name },
      { reference: 'r4', name: byName!.name },
      { reference: 'r5', domain: 'nobody-at-all.example' },
      { reference: 'r6', domain: `https://www.${byEmail!.domain}/pricing` },
      { reference: 'r7', company_id: 'not-an-id' },
    ];
    const before = used();
    const output = await scoreCompanies({ rows });

    const sent = {
      companies: [
        { clientReferenceId: '1', id: String(byId!.id) },
        { clientReferenceId: '2', domain: tooSmall().domain },
        { clientReferenceId: '3', email: `ops@${byEmail!.domain}` },
        { clientReferenceId: '4', name: byName!.name },
        { clientReferenceId: '5', domain: 'nobody-at-all.example' },
      ],
    };
    expect(calls(COMPANIES).map((call) => call.body)).toEqual([sent]);

    const lusha = await lushaAnswers(COMPANIES, sent);
    const scored = [...lusha.values()].filter((result) => !result.error).length;
    expect([...lusha.values()].map(statusOf)).toEqual(['matched', 'no_score', 'matched', 'matched', 'not_found']);
    const expected = (ref: string) => {
      const result = lusha.get(ref)!;
      const types = (result.signalTypes as string[] | undefined) ?? [];
      return {
        status: statusOf(result),
        signalScore: result.signalScore ?? null,
        noActiveSignals: result.noActiveSignals ?? null,
        signalTypes: types.length > 0 ? types.join(', ') : null,
        id: result.error?.code === 'NOT_FOUND' ? null : result.id,
      };
    };
    const pick = (row: Row) => ({
      status: row.status,
      signalScore: row.signalScore,
      noActiveSignals: row.noActiveSignals,
      signalTypes: row.signalTypes,
      id: row.id,
    });
    expect(output.rows.map(pick)).toEqual([
      expected('1'),
      expected('2'),
      expected('3'),
      expected('4'),
      expected('5'),
      expected('3'),
      expect.objectContaining({ status: 'invalid_input', id: null }),
    ]);
    expect(output.rows[5]).toMatchObject({ reference: 'r6', duplicateOfRow: 3 });
    expect(output.rows[1]).toMatchObject({ id: String(tooSmall().id), name: tooSmall().name, signalScore: null });

    // The ledger, the log and the output agree: one credit per scored company, none for the others.
    const [call] = calls(COMPANIES);
    expect(call!.creditsCharged).toBe(scored);
    expect(used() - before).toBe(scored);
    expect(output).toMatchObject({
      total: 7,
      matched: 4,
      notFound: 1,
      noScore: 1,
      invalid: 1,
      errors: 0,
      requests: 1,
      creditsCharged: scored,
    });
  });

  it('sends 150 distinct companies in two requests, and reports what the two billed', async () => {
    const list = companies().slice(0, 150);
    // The first 20 again: the same companies, sent and charged once.
    const rows = [...list, ...list.slice(0, 20)];
    const before = used();
    const output = await scoreCompanies({
      rows: rows.map((c, i) => ({ reference: `row-${i + 1}`, company_id: String(c.id) })),
    });
    const requests = calls(COMPANIES);
    expect(requests.map((call) => (call.body as { companies: unknown[] }).companies.length).sort()).toEqual([100, 50]);
    const billed = requests.reduce((sum, call) => sum + call.creditsCharged, 0);
    const isSmall = (c: (typeof list)[number]) => c.employeesInLinkedin < 5;
    const small = list.filter(isSmall).length;
    expect(small).toBeGreaterThan(0);
    expect(output).toMatchObject({
      total: 170,
      matched: rows.filter((c) => !isSmall(c)).length,
      noScore: rows.filter(isSmall).length,
    });
    // No Score rows are free: Lusha billed exactly the distinct companies it scored.
    expect(billed).toBe(150 - small);
    expect(output.creditsCharged).toBe(billed);
    expect(used() - before).toBe(billed);
  });

  it('charges nothing while signal scores are not on the pricebook, and says so', async () => {
    const [company] = scorable();
    const before = used(FREE_KEY);
    const output = await scoreCompanies({ rows: [{ company_id: String(company!.id) }] }, FREE_KEY);
    expect(output).toMatchObject({ matched: 1, creditsCharged: 0 });
    expect(output.summary).toMatch(/1 request to Lusha, 0 credits charged\.$/);
    expect(calls(COMPANIES, FREE_KEY)).toHaveLength(1);
    expect(used(FREE_KEY)).toBe(before);
  });

  it('refuses bad input before any call, listing every problem', async () => {
    const error = await expectStepError(scoreCompanies({ rows: [{ email: 'ops@' }, { domain: 'northwind' }] }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/^Score Companies by Signals cannot run with this input \(no credits were spent\):/);
    expect(error.message).toMatch(/Row 1: Email "ops@" is not a valid email address/);
    expect(error.message).toMatch(/Row 2: Company Domain "northwind" is not a domain/);
    expect(sandbox().log.entries()).toEqual([]);
  });

  it('fails as Error when the plan has no Signals, and charges nothing', async () => {
    const error = await expectStepError(
      scoreCompanies({ rows: [{ company_id: String(scorable()[0]!.id) }] }, NO_SIGNALS_KEY),
    );
    expect(error.name).toBe('Error');
    expect(error.message).toMatch(/POST \/v3\/companies\/signal-score, HTTP 403/);
    expect(used(NO_SIGNALS_KEY)).toBe(0);
  });
});

describe('Score Contacts by Signals against the sandbox', () => {
  const people = () => sandbox().data.people;

  it('sends each contact once, by its most precise identifier, and charges 1 credit per scored row only', async () => {
    const withProfile = people().filter((p) => p.linkedinUrl && p.emails.length > 0);
    const [byId, byLinkedin, byName] = withProfile;
    const noProfile = people().find((p) => !p.linkedinUrl && p.emails.length > 0)!;
    const company = sandbox().data.companyOf(byName!);
    const rows = [
      { reference: 'p1', person_id: String(byId!.personId), email: byId!.emails[0]!.email },
      { reference: 'p2', linkedin_url: byLinkedin!.linkedinUrl!, email: byLinkedin!.emails[0]!.email },
      { reference: 'p3', email: noProfile.emails[0]!.email.toUpperCase() },
      {
        reference: 'p4',
        first_name: byName!.firstName,
        last_name: byName!.lastName,
        company_domain: company.domain,
      },
      { reference: 'p5', email: 'nobody.at.all@example.org' },
      { reference: 'p6', email: noProfile.emails[0]!.email },
      { reference: 'p7', first_name: byName!.firstName },
    ];
    const before = used();
    const output = await scoreContacts({ rows });

    const sent = {
      contacts: [
        { clientReferenceId: '1', id: String(byId!.personId) },
        { clientReferenceId: '2', linkedinUrl: byLinkedin!.linkedinUrl },
        { clientReferenceId: '3', email: noProfile.emails[0]!.email.toLowerCase() },
        {
          clientReferenceId: '4',
          firstName: byName!.firstName,
          lastName: byName!.lastName,
          companyDomain: company.domain,
        },
        { clientReferenceId: '5', email: 'nobody.at.all@example.org' },
      ],
    };
    expect(calls(CONTACTS).map((call) => call.body)).toEqual([sent]);

    const lusha = await lushaAnswers(CONTACTS, sent);
    expect([...lusha.values()].map(statusOf)).toEqual(['matched', 'matched', 'no_score', 'matched', 'not_found']);
    expect(output.rows.map((row) => row.status)).toEqual([
      'matched',
      'matched',
      'no_score',
      'matched',
      'not_found',
      'no_score',
      'invalid_input',
    ]);
    for (const [i, ref] of ['1', '2', '4'].entries()) {
      const result = lusha.get(ref)!;
      expect(output.rows[[0, 1, 3][i]!]).toMatchObject({
        signalScore: result.signalScore,
        noActiveSignals: result.noActiveSignals,
        id: result.id,
        fullName: result.fullName,
        companyId: (result.company as { id: string }).id,
      });
    }
    expect(output.rows[2]).toMatchObject({ id: String(noProfile.personId), signalScore: null });
    expect(output.rows[5]).toMatchObject({ duplicateOfRow: 3 });

    const [call] = calls(CONTACTS);
    expect(call!.creditsCharged).toBe(3);
    expect(used() - before).toBe(3);
    expect(output).toMatchObject({ matched: 3, notFound: 1, noScore: 2, invalid: 1, requests: 1, creditsCharged: 3 });
  });

  it('sends 150 distinct contacts in two requests, and reports what the two billed', async () => {
    const list = people().slice(0, 150);
    const before = used();
    const output = await scoreContacts({ rows: list.map((p) => ({ person_id: String(p.personId) })) });
    const requests = calls(CONTACTS);
    expect(requests).toHaveLength(2);
    const billed = requests.reduce((sum, call) => sum + call.creditsCharged, 0);
    const withoutProfile = list.filter((p) => !p.linkedinUrl).length;
    expect(output).toMatchObject({ total: 150, matched: 150 - withoutProfile, noScore: withoutProfile });
    expect(billed).toBe(150 - withoutProfile);
    expect(output.creditsCharged).toBe(billed);
    expect(used() - before).toBe(billed);
  });
});
