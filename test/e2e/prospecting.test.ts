/**
 * Prospecting and lookalikes end to end: the real app against the sandbox over HTTP.
 * Searching spends nothing, revealing spends what the sandbox's ledger says, "up to N
 * results" makes the fewest page requests, and ids from a search reveal in a later step.
 */
import { App, appTester, bundleWith, expectStepError } from '../support/zapier';
import { SANDBOX_KEY, useSandbox } from '../support/sandbox';

const sandbox = useSandbox({ now: '2025-06-15T12:00:00Z' });

type Output = Record<string, unknown>;
type Row = Record<string, unknown>;
const perform = (kind: 'creates' | 'triggers', key: string) =>
  (App[kind] as Record<string, { operation: { perform: unknown } }>)[key]!.operation.perform as never;
const step = (key: string, inputData: Record<string, unknown>) =>
  appTester(perform('creates', key), bundleWith(inputData, { apiKey: SANDBOX_KEY }), true) as Promise<Output>;
const dropdown = (key: string, inputData: Record<string, unknown> = {}) =>
  appTester(perform('triggers', key), bundleWith(inputData, { apiKey: SANDBOX_KEY }), true) as Promise<
    { id: string; label: string }[]
  >;

const used = () => sandbox().credits.usage(SANDBOX_KEY).used;
const calls = (path: string) =>
  sandbox()
    .log.entries()
    .filter((entry) => entry.path === path);
const ledgerCharge = () =>
  sandbox()
    .log.entries()
    .reduce((sum, entry) => sum + entry.creditsCharged, 0);

describe('prospect_contacts against the sandbox', () => {
  it('searches for free: zero credits in the output and in the ledger', async () => {
    const before = used();
    const output = await step('prospect_contacts', { departments: ['Sales'], seniority: ['8', '6'], page_size: 10 });

    expect(output.creditsCharged).toBe(0);
    expect(output.creditsNote).toMatch(/^No credits spent/);
    expect(used()).toBe(before);
    expect(ledgerCharge()).toBe(0);
    const [search, ...more] = calls('/prospecting/contact/search');
    expect(more).toHaveLength(0);
    expect(search!.body).toEqual({
      pages: { page: 0, size: 10 },
      filters: { contacts: { include: { departments: ['Sales'], seniority: [8, 6] } } },
    });
    const rows = output.contacts as Row[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(10);
    expect(output.totalResults).toBeGreaterThanOrEqual(rows.length);
    for (const row of rows) {
      expect(row).toMatchObject({ requestId: output.requestId, revealed: false, email: null, phone: null });
      expect(typeof row.fullName).toBe('string');
      expect(typeof row.contactId).toBe('string');
    }
    expect(calls('/prospecting/contact/enrich')).toHaveLength(0);
  });

  it('reveals when asked, and charges exactly what the ledger records', async () => {
    const before = used();
    const output = await step('prospect_contacts', { departments: ['Marketing'], page_size: 10, reveal: true });

    const charged = used() - before;
    expect(output.creditsCharged).toBe(charged);
    expect(ledgerCharge()).toBe(charged);
    expect(charged).toBeGreaterThan(0);
    const [enrich] = calls('/prospecting/contact/enrich');
    const rows = output.contacts as Row[];
    expect(enrich!.body).toEqual({ requestId: output.requestId, contactIds: rows.map((r) => r.contactId) });
    expect(rows.filter((r) => r.creditCharged === true)).toHaveLength(charged);
    for (const row of rows.filter((r) => r.creditCharged)) expect(row.email ?? row.phone).not.toBeNull();
  });

  it('"up to N results" makes the fewest page requests: ceil(min(N, total) / 50)', async () => {
    const probe = await step('prospect_contacts', { data_points: ['phone'], page_size: 10 });
    const total = probe.totalResults as number;
    expect(total).toBeGreaterThan(120);
    sandbox().log.reset();

    const output = await step('prospect_contacts', { data_points: ['phone'], max_results: 120 });

    const searches = calls('/prospecting/contact/search');
    expect(searches.map((entry) => (entry.body as { pages: unknown }).pages)).toEqual([
      { page: 0, size: 50 },
      { page: 1, size: 50 },
      { page: 2, size: 50 },
    ]);
    expect(output).toMatchObject({
      resultCount: 120,
      pagesFetched: 3,
      nextPage: 3,
      stoppedForTime: false,
      creditsCharged: 0,
    });
    const ids = (output.contacts as Row[]).map((r) => `${r.requestId}/${r.contactId}`);
    expect(new Set(ids).size).toBe(120);
  });

  it('"up to N results" stops at the last page when fewer match', async () => {
    const probe = await step('prospect_contacts', { departments: ['Legal'], countries: ['DE'], page_size: 10 });
    const total = probe.totalResults as number;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(500);
    sandbox().log.reset();

    const output = await step('prospect_contacts', { departments: ['Legal'], countries: ['DE'], max_results: 500 });

    expect(calls('/prospecting/contact/search')).toHaveLength(Math.ceil(total / 50));
    expect(output).toMatchObject({ resultCount: total, nextPage: null });
  });

  it('finds locations by the text typed in the companion field, and searches with the location Lusha listed', async () => {
    const choices = await dropdown('filter_contact_locations', { contact_location_search: 'berl' });
    const berlin = choices.find((c) => c.id.startsWith('Berlin'));
    expect(berlin).toBeDefined();
    sandbox().log.reset();

    const output = await step('prospect_contacts', { contact_locations: [berlin!.id], page_size: 10, reveal: true });

    const [search] = calls('/prospecting/contact/search');
    expect((search!.body as { filters: unknown }).filters).toEqual({
      contacts: {
        include: {
          locations: [
            { continent: 'Europe', country: 'Germany', city: 'Berlin', state: 'Berlin', country_grouping: 'emea' },
          ],
        },
      },
    });
    const rows = output.contacts as Row[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows.filter((r) => r.revealed)) expect(row.city).toBe('Berlin');
  });

  it("refuses values outside the sandbox's lists before searching", async () => {
    const error = await expectStepError(
      step('prospect_contacts', { departments: ['Sales', 'Astrology'], technologies: ['Not A Real Tech'] }),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toContain('Departments: "Astrology" is not in Lusha\'s list of department values');
    expect(error.message).toContain('Technologies: "Not A Real Tech" is not in Lusha\'s list of technology values');
    expect(calls('/prospecting/contact/search')).toHaveLength(0);
  });
});

describe('enrich by id round-trips a search', () => {
  it('reveals contacts found by an earlier Prospect Contacts step, with its request id', async () => {
    const search = await step('prospect_contacts', { departments: ['Finance'], page_size: 10 });
    const found = (search.contacts as Row[]).slice(0, 4);
    sandbox().log.reset();
    const before = used();

    const output = await step('enrich_prospected_contacts', {
      request_id: search.requestId,
      contact_ids: found.map((r) => r.contactId),
    });

    const [enrich, ...more] = calls('/prospecting/contact/enrich');
    expect(more).toHaveLength(0);
    expect(enrich!.body).toEqual({ requestId: search.requestId, contactIds: found.map((r) => r.contactId) });
    const rows = output.contacts as Row[];
    expect(rows.map((r) => [r.contactId, r.fullName])).toEqual(found.map((r) => [r.contactId, r.fullName]));
    expect(output.creditsCharged).toBe(used() - before);
    expect(output.revealedCount).toBe(4);
  });

  it('reveals companies found by an earlier Prospect Companies step, sending "companiesIds"', async () => {
    const search = await step('prospect_companies', { industries: ['Technology, Information & Media'], page_size: 10 });
    const found = (search.companies as Row[]).slice(0, 3);
    expect(found).toHaveLength(3);
    expect(search.creditsCharged).toBe(0);
    sandbox().log.reset();
    const before = used();

    const output = await step('enrich_prospected_companies', {
      request_id: search.requestId,
      company_ids: found.map((r) => r.id),
    });

    expect(calls('/prospecting/company/enrich')[0]!.body).toEqual({
      requestId: search.requestId,
      companiesIds: found.map((r) => r.id),
    });
    const rows = output.companies as Row[];
    expect(rows.map((r) => [r.id, r.name, r.revealed])).toEqual(found.map((r) => [r.id, r.name, true]));
    expect(rows.every((r) => typeof r.employees === 'string')).toBe(true);
    expect(output.creditsCharged).toBe(3);
    expect(used() - before).toBe(3);
  });

  it('explains a request id the sandbox does not know, and charges nothing', async () => {
    const before = used();
    const error = await expectStepError(
      step('enrich_prospected_contacts', { request_id: 'no-such-search', contact_ids: ['c-1'] }),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toContain('does not match a contact search made with this API key');
    expect(error.message).toContain('map both from the same search step, or run the search again');
    expect(used()).toBe(before);
  });
});

describe('lookalikes against the sandbox', () => {
  it('recommends contacts like a seed, charges what it reports, and pages by request id without repeats', async () => {
    const seed = sandbox().data.samples.personWithEmailAndPhone;
    const before = used();
    const first = await step('find_lookalike_contacts', {
      seeds: [{ person_id: String(seed.personId), company_id: String(seed.companyId) }],
      limit: 5,
    });
    expect(first.count).toBe((first.contacts as Row[]).length);
    expect(first.creditsCharged).toBe(used() - before);

    const more = await step('find_lookalike_contacts', { request_id: first.requestId, limit: 5 });
    const firstIds = (first.contacts as Row[]).map((r) => r.id);
    const moreIds = (more.contacts as Row[]).map((r) => r.id);
    expect(moreIds.some((id) => firstIds.includes(id))).toBe(false);
    expect((first.creditsCharged as number) + (more.creditsCharged as number)).toBe(used() - before);
  });

  it('recommends companies like the seeds, leaving out the excluded ones', async () => {
    const seed = sandbox().data.samples.companyWithFunding;
    const probe = await step('find_lookalike_companies', { company_ids: [String(seed.id)], limit: 3 });
    const excluded = (probe.companies as Row[])[0]!.id as string;
    const output = await step('find_lookalike_companies', {
      company_ids: [String(seed.id)],
      limit: 3,
      exclude_ids: [excluded],
    });
    expect((output.companies as Row[]).map((r) => r.id)).not.toContain(excluded);
    expect(calls('/api/recommendations/companies').at(-1)!.body).toEqual({
      companies: [{ companyId: String(seed.id) }],
      exclude: [excluded],
      limit: 3,
    });
  });
});
