/**
 * Prospecting end to end (lookalikes: lookalikes.test.ts): the real app against the sandbox over HTTP.
 * On Lusha V3 every search and every reveal reports what the sandbox's ledger billed, "up to N
 * results" makes the fewest page requests, and ids from a search reveal in a later step.
 */
import { App, appTester, bundleWith, expectStepError } from '../support/zapier';
import { SANDBOX_KEY, useSandbox } from '../support/sandbox';

const sandbox = useSandbox({ now: '2025-06-15T12:00:00Z' });

type Output = Record<string, unknown>;
type Row = Record<string, unknown>;
const perform = (kind: 'creates', key: string) =>
  (App[kind] as Record<string, { operation: { perform: unknown } }>)[key]!.operation.perform as never;
const step = (key: string, inputData: Record<string, unknown>) =>
  appTester(perform('creates', key), bundleWith(inputData, { apiKey: SANDBOX_KEY }), true) as Promise<Output>;
/** The dropdown (choices.perform) of a Prospect Contacts field. */
const dropdown = async (field: string, inputData: Record<string, unknown> = {}) => {
  const fields = (
    App.creates as Record<string, { operation: { inputFields: Array<{ key: string; choices?: unknown }> } }>
  ).prospect_contacts!.operation.inputFields;
  const choices = fields.find((f) => f.key === field)!.choices as { perform: never };
  const page = (await appTester(choices.perform, bundleWith(inputData, { apiKey: SANDBOX_KEY }), true)) as {
    results: { id: string; label: string }[];
  };
  return page.results;
};

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
  it('searches on V3, billed per result: credits in the output equal the ledger', async () => {
    const before = used();
    const output = await step('prospect_contacts', { departments: ['Sales'], seniority: ['8', '6'], page_size: 10 });

    const [search, ...more] = calls('/v3/contacts/prospecting');
    expect(more).toHaveLength(0);
    expect(search!.body).toEqual({
      pagination: { page: 0, size: 10 },
      filters: { contacts: { include: { departments: ['Sales'], seniorityIds: [8, 6] } } },
    });
    expect(output.creditsCharged).toBe(ledgerCharge());
    expect(output.creditsCharged).toBeGreaterThan(0);
    expect(used() - before).toBe(output.creditsCharged);
    expect(output.creditsNote).toMatch(/^Search: \d+ credits? charged for \d+ contacts? on 1 page \(Lusha bills/);
    const rows = output.contacts as Row[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(10);
    expect(output.totalResults).toBeGreaterThanOrEqual(rows.length);
    for (const row of rows) {
      expect(row).toMatchObject({ requestId: output.requestId, revealed: false, email: null, phone: null });
      expect(typeof row.fullName).toBe('string');
      expect(typeof row.contactId).toBe('string');
    }
    expect(calls('/v3/contacts/enrich')).toHaveLength(0);
  });

  it('reveals when asked, and charges exactly what the ledger records', async () => {
    const before = used();
    const output = await step('prospect_contacts', { departments: ['Marketing'], page_size: 10, reveal: true });

    const charged = used() - before;
    expect(output.creditsCharged).toBe(charged);
    expect(ledgerCharge()).toBe(charged);
    expect(charged).toBeGreaterThan(0);
    const [enrich] = calls('/v3/contacts/enrich');
    const rows = output.contacts as Row[];
    expect(enrich!.body).toEqual({ ids: rows.map((r) => r.contactId) });
    // The bill is the search's plus the reveal's, each as its answer said.
    const [search] = calls('/v3/contacts/prospecting');
    expect(search!.creditsCharged + enrich!.creditsCharged).toBe(charged);
    expect(output.creditsNote).toContain(`Search: ${search!.creditsCharged} credit`);
    expect(output.creditsNote).toContain(`${enrich!.creditsCharged} credit`);
    for (const row of rows.filter((r) => r.revealed)) expect(row.creditCharged).toBe(enrich!.creditsCharged > 0);
    expect(rows.some((r) => r.email ?? r.phone)).toBe(true);
  });

  it('"up to N results" makes the fewest page requests: ceil(min(N, total) / 50)', async () => {
    const probe = await step('prospect_contacts', { data_points: ['phone'], page_size: 10 });
    const total = probe.totalResults as number;
    expect(total).toBeGreaterThan(120);
    sandbox().log.reset();

    const output = await step('prospect_contacts', { data_points: ['phone'], max_results: 120 });

    const searches = calls('/v3/contacts/prospecting');
    expect(searches.map((entry) => (entry.body as { pagination: unknown }).pagination)).toEqual([
      { page: 0, size: 50 },
      { page: 1, size: 50 },
      { page: 2, size: 50 },
    ]);
    expect(output).toMatchObject({
      resultCount: 120,
      pagesFetched: 3,
      nextPage: 3,
      stoppedForTime: false,
    });
    expect(output.creditsCharged).toBe(searches.reduce((sum, entry) => sum + entry.creditsCharged, 0));
    expect(output.creditsCharged).toBeGreaterThan(0);
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

    expect(calls('/v3/contacts/prospecting')).toHaveLength(Math.ceil(total / 50));
    expect(output).toMatchObject({ resultCount: total, nextPage: null });
  });

  it('finds locations by the text typed in the companion field, and searches with the location Lusha listed', async () => {
    const choices = await dropdown('contact_locations', { contact_location_search: 'berl' });
    const berlin = choices.find((c) => c.id.startsWith('Berlin'));
    expect(berlin).toBeDefined();
    sandbox().log.reset();

    const output = await step('prospect_contacts', { contact_locations: [berlin!.id], page_size: 10, reveal: true });

    const [search] = calls('/v3/contacts/prospecting');
    expect((search!.body as { filters: unknown }).filters).toEqual({
      contacts: {
        include: {
          locations: [
            {
              continent: 'Europe',
              countryGrouping: 'EMEA',
              country: 'Germany',
              countryIso2: 'DE',
              state: 'Berlin',
              city: 'Berlin',
            },
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
    expect(calls('/v3/contacts/prospecting')).toHaveLength(0);
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

    const [enrich, ...more] = calls('/v3/contacts/enrich');
    expect(more).toHaveLength(0);
    expect(enrich!.body).toEqual({ ids: found.map((r) => r.contactId) });
    const rows = output.contacts as Row[];
    expect(rows.map((r) => [r.contactId, r.fullName])).toEqual(found.map((r) => [r.contactId, r.fullName]));
    expect(output.creditsCharged).toBe(used() - before);
    expect(output.revealedCount).toBe(4);
  });

  it('reveals companies found by an earlier Prospect Companies step, by their ids alone', async () => {
    const search = await step('prospect_companies', { industries: ['Technology, Information & Media'], page_size: 10 });
    const found = (search.companies as Row[]).slice(0, 3);
    expect(found).toHaveLength(3);
    expect(search.creditsCharged).toBeGreaterThan(0);
    sandbox().log.reset();
    const before = used();

    const output = await step('enrich_prospected_companies', {
      request_id: search.requestId,
      company_ids: found.map((r) => r.id),
    });

    expect(calls('/v3/companies/enrich')[0]!.body).toEqual({ ids: found.map((r) => r.id) });
    const rows = output.companies as Row[];
    expect(rows.map((r) => [r.id, r.name, r.revealed])).toEqual(found.map((r) => [r.id, r.name, true]));
    expect(rows.every((r) => typeof r.employees === 'string')).toBe(true);
    expect(output.creditsCharged).toBe(3);
    expect(used() - before).toBe(3);
  });

  it('accepts any Search Request ID (V3 does not read it), and reports an unknown id unrevealed, free', async () => {
    const before = used();
    const output = await step('enrich_prospected_contacts', {
      request_id: 'no-such-search',
      contact_ids: ['999999999'],
    });

    expect(calls('/v3/contacts/enrich')[0]!.body).toEqual({ ids: ['999999999'] });
    const [row] = output.contacts as Row[];
    expect(row).toMatchObject({ contactId: '999999999', requestId: 'no-such-search', revealed: false });
    expect(row!.revealNote).toMatch(/^Lusha revealed nothing for this ID/);
    expect(output.creditsCharged).toBe(0);
    expect(used()).toBe(before);
  });
});
