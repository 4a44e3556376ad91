/**
 * Find Lookalike Contacts / Companies end to end: the real app against the sandbox's V3
 * lookalikes over HTTP. Seeds given as emails alone, or LinkedIn URLs alone, find lookalikes;
 * the step's Credits Charged equals the sandbox's ledger; the session id in Request ID gets
 * more without repeats; a session Lusha no longer knows is explained; companies given by
 * Lusha ID are looked up first and billed as Lusha bills them.
 */
import type { SandboxCompany, SandboxPerson } from '../../sandbox/model';
import { App, appTester, bundleWith, expectStepError } from '../support/zapier';
import { SANDBOX_KEY, useSandbox } from '../support/sandbox';

const sandbox = useSandbox({ now: '2025-06-15T12:00:00Z' });

type Output = Record<string, unknown>;
type Row = Record<string, unknown>;
const perform = (key: string) =>
  (App.creates as Record<string, { operation: { perform: unknown } }>)[key]!.operation.perform as never;
const step = (key: string, inputData: Record<string, unknown>) =>
  appTester(perform(key), bundleWith(inputData, { apiKey: SANDBOX_KEY }), true) as Promise<Output>;

const used = () => sandbox().credits.usage(SANDBOX_KEY).used;
const paths = () =>
  sandbox()
    .log.entries()
    .map((entry) => entry.path);
const calls = (path: string) =>
  sandbox()
    .log.entries()
    .filter((entry) => entry.path === path);

/** People alike (one department), each with an email and a LinkedIn URL. */
function alikePeople(n: number, offset = 0): SandboxPerson[] {
  const pool = sandbox().data.people.filter(
    (p) => p.departments[0] === 'Engineering & Technical' && p.linkedinUrl && p.emails.length > 0,
  );
  return pool.slice(offset, offset + n);
}

/** Companies alike (one main industry). */
function alikeCompanies(n: number, offset = 0): SandboxCompany[] {
  return sandbox()
    .data.companies.filter((c) => c.mainIndustryId === 2)
    .slice(offset, offset + n);
}

describe('find_lookalike_contacts against the sandbox', () => {
  it('finds lookalikes from seeds given as emails alone, charges what it reports, and gets more without repeats', async () => {
    const seeds = alikePeople(5).map((p) => ({ email: p.emails[0]!.email }));
    const before = used();
    const first = await step('find_lookalike_contacts', { seeds, limit: 5 });
    const firstIds = (first.contacts as Row[]).map((r) => r.id);

    expect(first.count).toBe(5);
    expect(firstIds.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(first.creditsCharged).toBe(used() - before);
    expect(first.hasMore).toBe(true);
    expect(calls('/v3/contacts/lookalike').at(-1)!.body).toEqual({
      seeds: { emails: seeds.map((s) => s.email) },
      limit: 5,
    });

    const more = await step('find_lookalike_contacts', { seeds, request_id: first.requestId, limit: 5 });
    const moreIds = (more.contacts as Row[]).map((r) => r.id);
    expect(more.requestId).toBe(first.requestId);
    expect(moreIds.length).toBeGreaterThan(0);
    expect(moreIds.some((id) => firstIds.includes(id))).toBe(false);
    expect((first.creditsCharged as number) + (more.creditsCharged as number)).toBe(used() - before);
  });

  it('finds lookalikes from seeds given as LinkedIn URLs alone, leaving out the excluded contacts', async () => {
    const people = alikePeople(5, 5);
    const seeds = people.map((p) => ({ linkedin_url: p.linkedinUrl }));
    const probe = await step('find_lookalike_contacts', { seeds, limit: 2 });
    const [excluded, alsoExcluded] = probe.contacts as Row[];
    expect(excluded && alsoExcluded).toBeTruthy();
    const byEmail = sandbox().data.people.find((p) => String(p.personId) === alsoExcluded!.id);

    const before = used();
    const output = await step('find_lookalike_contacts', {
      seeds,
      exclude_ids: [excluded!.id],
      exclusions: byEmail?.emails[0] ? [{ exclude_email: byEmail.emails[0].email }] : [],
      limit: 10,
    });
    const ids = (output.contacts as Row[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(excluded!.id);
    if (byEmail?.emails[0]) expect(ids).not.toContain(alsoExcluded!.id);
    expect(output.creditsCharged).toBe(used() - before);
    expect(calls('/v3/contacts/lookalike').at(-1)!.body).toMatchObject({
      seeds: { linkedinUrls: seeds.map((s) => s.linkedin_url) },
      limit: 10,
    });
  });

  it('keeps the 1.x seed rows (Person ID with Company ID) working', async () => {
    const seeds = alikePeople(5, 10).map((p) => ({ person_id: String(p.personId), company_id: String(p.companyId) }));
    const output = await step('find_lookalike_contacts', { seeds, limit: 3 });
    expect(output.count).toBe(3);
    expect(calls('/v3/contacts/lookalike').at(-1)!.body).toEqual({
      seeds: { ids: seeds.map((s) => s.person_id) },
      limit: 3,
    });
  });

  it('says to run without the Request ID when the session is unknown, and charges nothing', async () => {
    const seeds = alikePeople(5).map((p) => ({ email: p.emails[0]!.email }));
    const before = used();
    const error = await expectStepError(
      step('find_lookalike_contacts', { seeds, request_id: '11111111-2222-4333-8444-555555555555' }),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toContain('HTTP 410');
    expect(error.message).toContain('Clear Request ID (for More) to start a fresh run from the seeds');
    expect(used()).toBe(before);
  });

  it('refuses fewer than 5 seeds before any call, with the count it has and needs', async () => {
    const calledBefore = paths().length;
    const error = await expectStepError(
      step('find_lookalike_contacts', { seeds: alikePeople(4).map((p) => ({ email: p.emails[0]!.email })) }),
    );
    expect(error.message).toContain('Lusha V3 needs at least 5 different seed contacts to find lookalikes (got 4)');
    expect(paths().length).toBe(calledBefore);
  });
});

describe('find_lookalike_companies against the sandbox', () => {
  it('finds lookalikes from seeds given as domains, in one call, leaving out the excluded ones', async () => {
    const seeds = alikeCompanies(5).map((c) => ({ domain: c.domain }));
    const probe = await step('find_lookalike_companies', { seeds, limit: 3 });
    const excluded = (probe.companies as Row[])[0]!;
    const before = used();
    const callsBefore = paths().length;
    const output = await step('find_lookalike_companies', {
      seeds,
      exclusions: [{ exclude_domain: excluded.domain }],
      limit: 3,
    });
    expect(paths().slice(callsBefore)).toEqual(['/v3/companies/lookalike']);
    expect((output.companies as Row[]).map((r) => r.id)).not.toContain(excluded.id);
    expect(output.count).toBe(3);
    expect(output.creditsCharged).toBe(used() - before);
    expect(calls('/v3/companies/lookalike').at(-1)!.body).toEqual({
      seeds: { domains: seeds.map((s) => s.domain) },
      exclude: { domains: [excluded.domain] },
      limit: 3,
    });
  });

  it('looks up seeds given by Lusha Company ID (the 1.x key) first, and reports both bills', async () => {
    const companies = alikeCompanies(5, 5);
    const before = used();
    const callsBefore = paths().length;
    const output = await step('find_lookalike_companies', { company_ids: companies.map((c) => String(c.id)) });
    expect(paths().slice(callsBefore)).toEqual(['/v3/companies/search', '/v3/companies/lookalike']);
    expect(output.count).toBeGreaterThan(0);
    expect(output.seedsNote).toBeNull();
    expect(output.creditsCharged).toBe(used() - before);
    expect(calls('/v3/companies/lookalike').at(-1)!.body).toEqual({
      seeds: { domains: companies.map((c) => c.domain) },
      limit: 10,
    });
  });
});
