/**
 * Find Buying Group end to end: the real app against the sandbox's V3 buying group over HTTP.
 * The sandbox's request log shows the requests the step made (one per 100 contacts of the
 * answer, each with the same companies, personas and contacts per company), and its credit
 * ledger shows that Credits Charged is what Lusha billed; a later request whose answer is lost
 * after Lusha charged it is never sent again, and the step says it may have been charged.
 */
import type { SandboxCompany, SandboxPerson } from '../../sandbox/model';
import { App, appTester, bundleWith, expectStepError } from '../support/zapier';
import { SANDBOX_ACCOUNT, SANDBOX_KEY, useSandbox } from '../support/sandbox';

const NO_BUYING_GROUP_KEY = 'no-buying-group-plan-key';
const sandbox = useSandbox({
  now: '2025-06-15T12:00:00Z',
  keys: [
    SANDBOX_ACCOUNT,
    { key: NO_BUYING_GROUP_KEY, plan: 'unified', credits: 1_000, signals: true, buyingGroup: false },
  ],
});

type Output = Record<string, unknown>;
type Line = Record<string, unknown>;
const ROUTE = '/v3/contacts/buying-group';
const perform = App.creates.find_buying_group!.operation.perform as never;
const step = (inputData: Record<string, unknown>, apiKey = SANDBOX_KEY) =>
  appTester(perform, bundleWith(inputData, { apiKey }), true) as Promise<Output>;

const used = (key = SANDBOX_KEY) => sandbox().credits.usage(key).used;
const calls = () =>
  sandbox()
    .log.entries()
    .filter((entry) => entry.path === ROUTE);

/** The 25 companies with the most people (231 in the dataset: three requests of up to 100 at 10 each). */
function biggest(n: number): SandboxCompany[] {
  const people = (c: SandboxCompany) => sandbox().data.peopleAt(c.id).length;
  return [...sandbox().data.companies].sort((a, b) => people(b) - people(a) || a.id - b.id).slice(0, n);
}

const DECISION_MAKERS = new Set(['Founder', 'C-Suite', 'VP', 'Partner']);

describe('find_buying_group against the sandbox', () => {
  it('pages through an answer of more than 100 contacts and reports exactly what Lusha billed', async () => {
    const companies = biggest(25);
    const expected = new Map(companies.map((c) => [c.id, Math.min(10, sandbox().data.peopleAt(c.id).length)]));
    const total = [...expected.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(200);
    const before = used();

    const output = await step({
      companies: companies.slice(0, 20).map((c, i) => ({ reference: `crm-${i + 1}`, domain: c.domain })),
      company_list: companies.slice(20).map((c) => String(c.id)),
    });

    const requests = calls();
    const pages = Math.ceil(total / 100);
    expect(requests.map((r) => [r.status, (r.body as { pagination: unknown }).pagination])).toEqual(
      Array.from({ length: pages }, (_, page) => [200, { page, size: 100 }]),
    );
    const sent = {
      companies: companies.map((c, i) => ({
        clientReferenceId: String(i + 1),
        ...(i < 20 ? { domain: c.domain } : { id: String(c.id) }),
      })),
      contactsLimit: 10,
    };
    for (const request of requests) expect(request.body).toEqual({ ...sent, pagination: expect.anything() });

    const billed = requests.reduce((sum, r) => sum + r.creditsCharged, 0);
    expect(billed).toBe(total);
    expect(used() - before).toBe(total);
    expect(output).toMatchObject({
      companiesRequested: 25,
      companiesFound: 25,
      companiesNotFound: 0,
      contactsReturned: total,
      totalContacts: total,
      contactsNotFetched: 0,
      complete: true,
      pagesFetched: pages,
      creditsCharged: total,
    });

    const contacts = output.contacts as Line[];
    const ids = contacts.map((c) => String(c.id));
    expect(new Set(ids).size).toBe(total);
    expect(output.contactIds).toBe(ids.join(', '));
    const lines = output.companies as Line[];
    expect(lines.map((l) => [l.requested, l.companyId, l.status, l.contactsReturned])).toEqual(
      companies.map((c, i) => [i < 20 ? c.domain : String(c.id), String(c.id), 'found', expected.get(c.id)]),
    );
    expect(lines.slice(0, 2).map((l) => l.reference)).toEqual(['crm-1', 'crm-2']);

    // Each contact is one of its company's people, with the persona of its seniority.
    for (const contact of contacts) {
      const person = sandbox().data.person(Number(contact.id)) as SandboxPerson;
      expect(contact).toMatchObject({ fullName: person.fullName, companyId: String(person.companyId) });
      expect(contact.primaryPersona === 'Decision Maker').toBe(DECISION_MAKERS.has(person.seniority));
      expect(contact.score).toEqual(expect.any(Number));
      expect(contact.hasEmail).toBe(person.emails.length > 0);
    }
    const decisionMakers = contacts.filter((c) => c.primaryPersona === 'Decision Maker');
    expect(output.decisionMakerCount).toBe(decisionMakers.length);
    expect(output.decisionMakerIds).toBe(decisionMakers.map((c) => c.id).join(', ') || null);
  });

  it('asks for a company given twice once, filters by persona, and charges nothing for a company not found', async () => {
    const [company] = biggest(1);
    const before = used();
    const output = await step({
      companies: [{ reference: 'acct-9', domain: `https://www.${company!.domain}/about` }],
      company_list: [company!.domain, 'nobody-at-all.example'],
      personas: ['Decision Maker'],
      contacts_per_company: 3,
    });

    const [request, ...others] = calls();
    expect(others).toHaveLength(0);
    expect(request?.body).toEqual({
      companies: [
        { clientReferenceId: '1', domain: company!.domain },
        { clientReferenceId: '2', domain: 'nobody-at-all.example' },
      ],
      personas: ['decision_maker'],
      contactsLimit: 3,
      pagination: { page: 0, size: 100 },
    });
    const contacts = output.contacts as Line[];
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.length).toBeLessThanOrEqual(3);
    expect(contacts.every((c) => c.primaryPersona === 'Decision Maker' && c.companyReference === 'acct-9')).toBe(true);
    expect(output.creditsCharged).toBe(contacts.length);
    expect(used() - before).toBe(contacts.length);
    expect(request?.creditsCharged).toBe(contacts.length);
    expect((output.companies as Line[]).map((l) => [l.requested, l.status])).toEqual([
      [company!.domain, 'found'],
      ['nobody-at-all.example', 'not_found'],
    ]);
    expect(output.note).toBe(
      `Found ${contacts.length} contact${contacts.length === 1 ? '' : 's'} at 1 of 2 companies. Not found: ` +
        `nobody-at-all.example. Given more than once, asked for once: ${company!.domain} (2 times).`,
    );
  });

  it('keeps the paid pages when a later answer is lost after Lusha charged it, and never sends it again', async () => {
    const companies = biggest(25);
    const handle = sandbox().faults.add({
      route: ROUTE,
      method: 'POST',
      when: (req) => (req.body as { pagination?: { page?: number } }).pagination?.page === 1,
      kind: 'chargeThenDrop',
    });
    const before = used();
    let output: Output;
    try {
      output = await step({ company_list: companies.map((c) => c.domain) });
    } finally {
      handle.remove();
    }

    const requests = calls();
    expect(requests.map((r) => (r.body as { pagination: { page: number } }).pagination.page)).toEqual([0, 1]);
    expect(requests.map((r) => r.fault)).toEqual([null, 'chargeThenDrop']);
    const [first, lost] = requests;
    // Lusha charged both; the step reports the one it got, and says the other may have been charged.
    expect(used() - before).toBe(first!.creditsCharged + lost!.creditsCharged);
    expect(output).toMatchObject({
      contactsReturned: 100,
      pagesFetched: 1,
      complete: false,
      creditsCharged: first!.creditsCharged,
    });
    expect(output.note).toMatch(
      /The request for contacts 101–200 of \d+ lost its answer: Could not reach Lusha .*may have processed this request and charged for it/,
    );
    expect(output.creditsNote).toContain("One more request's answer was lost after it reached Lusha");
    const statuses = (output.companies as Line[]).map((l) => l.status);
    expect(statuses).toContain('incomplete');
    expect(statuses.every((s) => s === 'found' || s === 'incomplete')).toBe(true);
  });

  it('fails with a plain message, and charges nothing, when the plan lacks the Buying Group API', async () => {
    const before = used(NO_BUYING_GROUP_KEY);
    const error = await expectStepError(
      step({ company_list: [sandbox().data.companies[0]!.domain] }, NO_BUYING_GROUP_KEY),
    );
    expect(error).toMatchObject({ name: 'Error', status: 403 });
    expect(error.message).toMatch(
      /^Lusha refused the request \(POST \/v3\/contacts\/buying-group, HTTP 403\): Buying Group API not supported on your plan\. Your Lusha plan does not include the Buying Group API/,
    );
    expect(calls()).toHaveLength(1);
    expect(used(NO_BUYING_GROUP_KEY)).toBe(before);
  });

  it('refuses bad input without calling Lusha', async () => {
    const error = await expectStepError(step({ company_list: ['not a domain'], contacts_per_company: 0 }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/^Find Buying Group cannot run with this input \(no credits were spent\):\n- /);
    expect(calls()).toHaveLength(0);
  });
});
