/**
 * The signal operations end to end: the real app against the sandbox over HTTP, on Lusha V3. The
 * sandbox's request log and credit ledger show what the credit guard saves: polls between two
 * checks make no call at all, a new signal fires once and only once, samples cost one small call,
 * and a watch list given by identifiers is searched once, not on every check. The ids the sandbox's
 * V2 signals answer gives (as 1.x computed them) are the ids of the V3 items.
 */
import {
  companySignalId,
  contactSignalId,
  type CompanySignalRecord,
  type ContactSignalRecord,
} from '../../src/signals/records';
import { toIsoDate } from '../../src/shared/values';
import type { Choice } from '../../src/signals/dropdowns';
import type { SignalLookupOutput } from '../../src/signals/operations';
import { DAY, HOUR, useClock } from '../support/clock';
import { SANDBOX_ACCOUNT, SANDBOX_KEY, useSandbox } from '../support/sandbox';
import { type App, appTester, bundleWith, expectZapierError, ownMessage, performOf } from '../support/zapier';

const T0 = '2025-06-15T12:00:00Z';
const NO_SIGNALS_KEY = 'no-signals-plan-key';
const sandbox = useSandbox({
  now: T0,
  keys: [SANDBOX_ACCOUNT, { key: NO_SIGNALS_KEY, plan: 'unified', credits: 100, signals: false }],
});
const clock = useClock(T0);

const newContactSignal = performOf<ContactSignalRecord[]>('triggers', 'new_contact_signal');
const newCompanySignal = performOf<CompanySignalRecord[]>('triggers', 'new_company_signal');
const getContactSignals = performOf<SignalLookupOutput>('creates', 'get_contact_signals');
const getCompanySignals = performOf<SignalLookupOutput>('creates', 'get_company_signals');

const asSandbox = (inputData: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
  bundleWith(inputData, { apiKey: SANDBOX_KEY, meta });
const signalCalls = () =>
  sandbox()
    .log.entries()
    .filter((entry) => /^\/v3\/(contacts|companies)\/signals$/.test(entry.path));
const searchCalls = () =>
  sandbox()
    .log.entries()
    .filter((entry) => /^\/v3\/(contacts|companies)\/search$/.test(entry.path));
const creditsUsed = () => sandbox().credits.usage(SANDBOX_KEY).used;

/** Both clocks, the connector's and the sandbox's, move together. */
function advance(ms: number) {
  clock.advance(ms);
  sandbox().clock.set(new Date(clock.now()));
}

/** Zapier's dedupe: which items of a poll it has not seen before. */
function dedupe(seen: Set<string>, items: Array<{ id: string }>) {
  const fresh = items.filter((item) => !seen.has(item.id));
  fresh.forEach((item) => seen.add(item.id));
  return fresh;
}

beforeEach(() => sandbox().clock.set(T0));

describe('New Contact Signal against the sandbox', () => {
  const watched = () => [
    sandbox().data.samples.personWithRecentPromotion,
    sandbox().data.samples.personWithRecentCompanyChange,
  ];
  const input = () => ({
    person_ids: watched().map((person) => String(person.personId)),
    signal_types: ['promotion', 'companyChange'],
    lookback_days: 180,
    check_every: 'daily',
  });

  it('two polls within the interval make exactly one API call, and charge once', async () => {
    const before = creditsUsed();
    const first = await appTester(newContactSignal, asSandbox(input()), true);
    const [call, ...others] = signalCalls();
    expect(others).toHaveLength(0);
    expect(call).toMatchObject({ method: 'POST', path: '/v3/contacts/signals', status: 200, keySuffix: '-key' });
    expect(call?.body).toEqual({
      ids: watched().map((person) => String(person.personId)),
      signalTypes: ['promotion', 'companyChange'],
      startDate: '2024-12-17',
    });
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(creditsUsed() - before).toBe(call?.creditsCharged);
    expect(call?.creditsCharged).toBeGreaterThan(0);

    advance(23 * HOUR);
    const second = await appTester(newContactSignal, asSandbox(input()));
    expect(second).toEqual(first);
    expect(signalCalls()).toHaveLength(1);
    expect(creditsUsed() - before).toBe(call?.creditsCharged);
  });

  it('returns every signal of the window, once, newest first, matching the sandbox data', async () => {
    const items = await appTester(newContactSignal, asSandbox(input()), true);
    const expected = watched()
      .flatMap((person) => sandbox().data.contactSignals(person.personId))
      .filter((signal) => signal.signalDate >= '2024-12-17' && signal.signalDate <= '2025-06-15');
    expect(items.map((item) => [item.personId, item.signalType, item.signalDate]).sort()).toEqual(
      expected.map((signal) => [String(signal.personId), signal.type, signal.signalDate]).sort(),
    );
    const dates = items.map((item) => item.signalDate as string);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it('a new signal appearing in the sandbox shows up once and only once', async () => {
    const seen = new Set<string>();
    dedupe(seen, await appTester(newContactSignal, asSandbox(input()), true)); // the Zap is turned on
    const person = watched()[0]!;

    advance(2 * HOUR);
    const added = sandbox().signals.addContactSignal(person.personId, 'promotion', {
      currentTitle: 'Chief Revenue Officer',
      signalDate: '2025-06-15',
    });
    // Still within the interval: no call, nothing new yet.
    expect(dedupe(seen, await appTester(newContactSignal, asSandbox(input())))).toEqual([]);
    expect(signalCalls()).toHaveLength(1);

    advance(DAY - 2 * HOUR);
    const fresh = dedupe(seen, await appTester(newContactSignal, asSandbox(input())));
    expect(signalCalls()).toHaveLength(2);
    expect(fresh).toEqual([
      expect.objectContaining({
        personId: String(person.personId),
        signalType: 'promotion',
        signalDate: added.signalDate,
        companyName: added.currentCompanyName,
      }),
    ]);

    // Later polls and later checks find it again under the same id: it never fires again.
    advance(3 * HOUR);
    expect(dedupe(seen, await appTester(newContactSignal, asSandbox(input())))).toEqual([]);
    advance(DAY);
    const later = await appTester(newContactSignal, asSandbox(input()));
    expect(dedupe(seen, later)).toEqual([]);
    expect(later.map((item) => item.id)).toContain(fresh[0]!.id);
    expect(signalCalls()).toHaveLength(3);
  });

  it('sample loading stays within one small call, and does not count as a check', async () => {
    const people = sandbox()
      .data.people.slice(0, 8)
      .map((person) => String(person.personId));
    const data = { person_ids: people, signal_types: ['allSignals'], lookback_days: 180 };
    const items = await appTester(newContactSignal, asSandbox(data, { isLoadingSample: true }), true);
    expect(items.length).toBeLessThanOrEqual(3);
    const [call, ...others] = signalCalls();
    expect(others).toHaveLength(0);
    expect(call?.body).toEqual({
      ids: people.slice(0, 5),
      signalTypes: ['allSignals'],
      startDate: '2024-12-17',
      maxResultsPerSignal: 3,
    });

    await appTester(newContactSignal, asSandbox(data));
    expect(signalCalls()).toHaveLength(2);
    expect(signalCalls()[1]?.body).toMatchObject({ ids: people });
  });

  it('finds contacts by email and LinkedIn URL with one search, paid once, then checks their ids', async () => {
    const [promoted, moved] = watched();
    const data = {
      contacts: [{ email: promoted!.emails[0]!.email.toUpperCase() }, { linkedin_url: moved!.linkedinUrl }],
      signal_types: ['allSignals'],
      lookback_days: 180,
      check_every: 'daily',
    };
    const before = creditsUsed();
    const items = await appTester(newContactSignal, asSandbox(data), true);
    const [search, ...moreSearches] = searchCalls();
    expect(moreSearches).toHaveLength(0);
    expect(search).toMatchObject({ path: '/v3/contacts/search', status: 200, creditsCharged: 1 });
    const [call] = signalCalls();
    expect(call).toMatchObject({ path: '/v3/contacts/signals', status: 200 });
    expect(call?.body).toMatchObject({ ids: [String(promoted!.personId), String(moved!.personId)] });
    expect(creditsUsed() - before).toBe((search?.creditsCharged ?? 0) + (call?.creditsCharged ?? 0));
    // The next check finds the ids kept for this connection: no search, only the signals.
    advance(DAY);
    await appTester(newContactSignal, asSandbox(data));
    expect(searchCalls()).toHaveLength(1);
    expect(signalCalls()).toHaveLength(2);
    expect(new Set(items.map((item) => item.personId))).toEqual(
      new Set([String(promoted!.personId), String(moved!.personId)]),
    );
    expect(items.find((item) => item.personId === String(promoted!.personId))?.watchListEntry).toBe(
      promoted!.emails[0]!.email.toLowerCase(),
    );
  });
});

describe('New Company Signal against the sandbox', () => {
  it('fires once for a new hiring surge, checking at most once per interval', async () => {
    const company = sandbox().data.samples.companyWithRecentNews;
    const data = {
      companies: [{ domain: `https://www.${company.domain}/` }],
      signal_types: ['surgeInHiring', 'peopleNews'],
      check_every: 'every_6_hours',
    };
    const seen = new Set<string>();
    dedupe(seen, await appTester(newCompanySignal, asSandbox(data), true));
    expect(signalCalls()).toHaveLength(1);
    expect(searchCalls().map((call) => call.body)).toEqual([
      { companies: [{ clientReferenceId: '1', domain: company.domain }] },
    ]);
    expect(signalCalls()[0]?.body).toEqual({
      ids: [String(company.id)],
      signalTypes: ['surgeInHiring', 'peopleNews'],
      startDate: '2025-05-16',
    });

    const added = sandbox().signals.addCompanySignal(company.id, 'surgeInHiring');
    advance(5 * HOUR);
    expect(dedupe(seen, await appTester(newCompanySignal, asSandbox(data)))).toEqual([]);
    advance(HOUR);
    const fresh = dedupe(seen, await appTester(newCompanySignal, asSandbox(data)));
    expect(fresh).toEqual([
      expect.objectContaining({
        id: `surgeInHiring:${added.signalId}`,
        signalType: 'surgeInHiring',
        companyId: String(company.id),
        companyDomain: company.domain,
        newJobsLastWeek: 25,
        watchListEntry: company.domain,
      }),
    ]);
    advance(6 * HOUR);
    expect(dedupe(seen, await appTester(newCompanySignal, asSandbox(data)))).toEqual([]);
    expect(signalCalls()).toHaveLength(3);
    expect(searchCalls()).toHaveLength(1);
  });
});

describe('Signal ids across the move from V2 to V3, against the sandbox', () => {
  /** The sandbox's V2 answer, read with 1.x's ids: the person or company, the type, Lusha's signalId or the date and source. */
  async function v2Ids(path: string, body: unknown): Promise<string[]> {
    const response = await fetch(`${sandbox().url}${path}`, {
      method: 'POST',
      headers: { api_key: SANDBOX_KEY, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, Record<string, Record<string, unknown>>>;
    const entities = Object.values(answer.contacts ?? answer.companies ?? {});
    return entities.flatMap((entity) =>
      Object.entries(entity)
        .filter(([, value]) => Array.isArray(value))
        .flatMap(([type, items]) =>
          (items as Array<Record<string, unknown>>).map((item) =>
            'contacts' in answer
              ? contactSignalId({
                  personId: item.personId ?? entity.personId,
                  type,
                  signalDate: toIsoDate(item.signalDate as string),
                })
              : companySignalId(type, item as never, item.companyId ?? entity.companyId),
          ),
        ),
    );
  }

  it('gives every contact and company signal the id 1.x gave it', async () => {
    const people = [
      sandbox().data.samples.personWithRecentPromotion,
      sandbox().data.samples.personWithRecentCompanyChange,
    ].map((person) => person.personId);
    const company = sandbox().data.samples.companyWithRecentNews;
    const startDate = '2024-12-17';
    const contactsV2 = await v2Ids('/api/signals/contacts', { contactIds: people, signals: ['allSignals'], startDate });
    const companiesV2 = await v2Ids('/api/signals/companies', {
      companyIds: [company.id],
      signals: ['allSignals'],
      startDate,
    });
    const contacts = await appTester(
      getContactSignals,
      asSandbox({ person_ids: people.map(String), signal_types: ['allSignals'], lookback_days: 180 }),
      true,
    );
    const companies = await appTester(
      getCompanySignals,
      asSandbox({ company_ids: [String(company.id)], signal_types: ['allSignals'], lookback_days: 180 }),
    );
    expect(contactsV2.length).toBeGreaterThan(1);
    expect(companiesV2.length).toBeGreaterThan(1);
    expect(contacts.signals.map((signal) => signal.id).sort()).toEqual([...new Set(contactsV2)].sort());
    expect(companies.signals.map((signal) => signal.id).sort()).toEqual([...new Set(companiesV2)].sort());
  });
});

describe('Get Contact Signals / Get Company Signals against the sandbox', () => {
  it('report the credits the sandbox charged', async () => {
    const person = sandbox().data.samples.personWithRecentPromotion;
    const before = creditsUsed();
    const output = await appTester(
      getContactSignals,
      asSandbox({ person_ids: [String(person.personId)], signal_types: ['allSignals'], lookback_days: 180 }),
      true,
    );
    expect(output.creditsCharged).toBe(creditsUsed() - before);
    expect(output.creditsCharged).toBe(signalCalls()[0]?.creditsCharged);
    expect(output.creditsCharged).toBeGreaterThan(0);
    expect(output.signalCount).toBe(output.signals.length);
    expect(output.signals.some((signal) => signal.signalType === 'promotion')).toBe(true);
  });

  it('narrow company news by event type with the filters Lusha takes', async () => {
    const company = sandbox().data.samples.companyWithRecentNews;
    const news = sandbox()
      .data.companySignals(company.id)
      .filter((signal) => 'articlePublishedDate' in signal.fields && signal.date >= '2024-12-17');
    const eventType = String(news[0]!.fields.eventType);
    const output = await appTester(
      getCompanySignals,
      asSandbox({
        company_ids: [String(company.id)],
        signal_types: ['allSignals'],
        news_event_types: [eventType],
        lookback_days: 180,
      }),
      true,
    );
    const newsItems = output.signals.filter((signal) => signal.newsTitle !== null);
    expect(newsItems.length).toBeGreaterThan(0);
    expect(newsItems.every((signal) => String(signal.newsEventType).toLowerCase() === eventType.toLowerCase())).toBe(
      true,
    );
    // Items spell event types in lower case; the filter is sent in the spelling of Lusha's list.
    const sent = (signalCalls()[0]?.body as { filters: { include: { newsEventTypes: string[] } } }).filters.include
      .newsEventTypes;
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toBe(sent[0]?.toLowerCase());
    expect(sent[0]?.toLowerCase()).toBe(eventType.toLowerCase());
  });

  it('say in words when the plan has no Signals, and charge nothing', async () => {
    const error = ownMessage(
      await expectZapierError(
        appTester(
          getContactSignals,
          bundleWith({ person_ids: ['1300000000'], signal_types: ['promotion'] }, { apiKey: NO_SIGNALS_KEY }),
          true,
        ),
      ),
    );
    expect(error.name).toBe('Error');
    expect(error.message).toContain('Your Lusha plan does not include Signals');
    expect(sandbox().credits.usage(NO_SIGNALS_KEY).used).toBe(0);
  });

  it('stop bad input before any call', async () => {
    const error = ownMessage(
      await expectZapierError(
        appTester(getCompanySignals, asSandbox({ company_ids: [], signal_types: ['everything'] }), true),
      ),
    );
    expect(error.name).toBe('HaltedError');
    expect(sandbox().log.entries()).toHaveLength(0);
  });
});

describe('signal dropdowns against the sandbox', () => {
  it("offer the sandbox's signal types, news event types and departments", async () => {
    const choices = async (key: keyof typeof App.triggers, clearCache = false) =>
      (await appTester(performOf<Choice[]>('triggers', key), asSandbox({}), clearCache)).map((c) => c.id);
    expect(await choices('contact_signal_types', true)).toEqual(['allSignals', 'promotion', 'companyChange']);
    // Every V3 type but linkedinActivityIntent, which these steps do not deliver.
    expect(await choices('company_signal_types')).toHaveLength(23);
    expect((await choices('company_news_event_types')).length).toBeGreaterThan(20);
    expect(await choices('company_hiring_departments')).toHaveLength(16);
    // Once more: each list is kept a day.
    await choices('company_signal_types');
    expect(
      sandbox()
        .log.entries()
        .map((entry) => entry.path),
    ).toEqual([
      '/v3/contacts/signals/types',
      '/v3/companies/signals/types',
      '/v3/companies/signals/filters/newsEventTypes',
      '/v3/companies/signals/filters/hiringByDepartments',
    ]);
  });
});
