import type { Sandbox } from '../../sandbox';
import { COMPANY_SIGNAL_TYPES } from '../../sandbox';
import { boot, DEMO_KEY, expectError, get, NOW, post, withSandbox } from './helpers';

const NO_SIGNALS = 'nosignals-key-02';

let sb: Sandbox;
beforeAll(async () => {
  sb = await boot({
    keys: [
      { key: DEMO_KEY, plan: 'unified', credits: 10_000, signals: true },
      { key: NO_SIGNALS, plan: 'unified', credits: 1_000, signals: false },
    ],
  });
});
afterAll(() => sb.stop());

const TODAY = NOW.slice(0, 10);
const SIX_MONTHS_AGO = '2024-12-15';

describe('signal options', () => {
  test('contact and company option lists', async () => {
    const c = await get(sb, '/api/signals/filters/contact');
    expect(c.json).toEqual({ signals: ['promotion', 'companyChange', 'allSignals'], objectType: 'contact' });
    const co = await get(sb, '/api/signals/filters/company');
    expect(co.json.objectType).toBe('company');
    expect(co.json.signals).toEqual(['allSignals', ...COMPANY_SIGNAL_TYPES]);
    expect(co.json.filterOptions.newsEventTypes).toContain('Funding Round');
    expect(co.json.filterOptions.hiringByDepartments).toContain('Engineering & Technical');
    const bad = await get(sb, '/api/signals/filters/person');
    expectError(bad, 400, {
      message: 'Validation failed',
      errors: ['objectType must be one of: contact, company'],
    });
  });

  test('every Signals endpoint is 403 without Signals on the plan', async () => {
    const o = { key: NO_SIGNALS };
    const rs = [
      await get(sb, '/api/signals/filters/contact', undefined, o),
      await post(sb, '/api/signals/contacts', { contactIds: [1], signals: ['promotion'] }, o),
      await post(
        sb,
        '/api/signals/contacts/search',
        { contacts: [{ id: '1', email: 'a@b.example' }], signals: ['promotion'] },
        o,
      ),
      await post(sb, '/api/signals/companies', { companyIds: [1], signals: ['surgeInHiring'] }, o),
      await post(
        sb,
        '/api/signals/companies/search',
        { companies: [{ id: '1', domain: 'a.example' }], signals: ['surgeInHiring'] },
        o,
      ),
    ];
    for (const r of rs) expect(r.json).toEqual({ statusCode: 403, message: 'Signals API not supported on your plan' });
  });
});

describe('contact signals', () => {
  test('by id: default 6-month window, items without ids, creditCharged per type with results', async () => {
    const p = sb.data.samples.personWithRecentCompanyChange;
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await post(sb, '/api/signals/contacts', { contactIds: [p.personId], signals: ['allSignals'] });
    expect(r.status).toBe(200);
    expect(r.json.startDate).toBe(SIX_MONTHS_AGO);
    expect(r.json.endDate).toBe(TODAY);
    const entry = r.json.contacts[String(p.personId)];
    expect(entry.personId).toBe(String(p.personId));
    expect(Object.keys(entry).sort()).toEqual(['companyChange', 'personId', 'promotion']);
    const item = entry.companyChange[0];
    expect(Object.keys(item).sort()).toEqual(
      [
        'currentCompanyId',
        'currentCompanyName',
        'currentDepartments',
        'currentDomain',
        'currentSeniorityLabel',
        'currentTitle',
        'personId',
        'previousCompanyName',
        'previousDomain',
        'signalDate',
      ].sort(),
    );
    expect(item).not.toHaveProperty('signalId');
    expect(item.signalDate >= SIX_MONTHS_AGO && item.signalDate <= TODAY).toBe(true);
    const hits = ['promotion', 'companyChange'].filter((t) => entry[t].length > 0).length;
    expect(r.json.creditCharged).toBe(hits);
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(hits);
  });

  test('startDate widens the window; old-only signals are invisible by default and free', async () => {
    const p = sb.data.samples.personWithOnlyOldSignals;
    const all = sb.data.contactSignals(p.personId);
    const def = await post(sb, '/api/signals/contacts', {
      contactIds: [p.personId],
      signals: ['promotion', 'companyChange'],
    });
    expect(def.json.creditCharged).toBe(0);
    expect(def.json.contacts[String(p.personId)].promotion).toEqual([]);
    expect(def.json.contacts[String(p.personId)].companyChange).toEqual([]);
    const wide = await post(sb, '/api/signals/contacts', {
      contactIds: [p.personId],
      signals: ['allSignals'],
      startDate: '2024-06-01',
    });
    expect(wide.json.startDate).toBe('2024-06-01');
    const returned = [
      ...wide.json.contacts[String(p.personId)].promotion,
      ...wide.json.contacts[String(p.personId)].companyChange,
    ];
    expect(returned.map((s: { signalDate: string }) => s.signalDate).sort()).toEqual(
      all.map((s) => s.signalDate).sort(),
    );
  });

  test('validation: integer ids 1-100, known signal types, YYYY-MM-DD dates', async () => {
    const bad = [
      { contactIds: [], signals: ['promotion'] },
      { contactIds: Array.from({ length: 101 }, (_, i) => i + 1), signals: ['promotion'] },
      { contactIds: ['123'], signals: ['promotion'] },
      { contactIds: [1], signals: ['surgeInHiring'] },
      { contactIds: [1], signals: [] },
      { contactIds: [1] },
      { contactIds: [1], signals: ['promotion'], startDate: '01-01-2025' },
      { contactIds: [1], signals: ['promotion'], startDate: '2025-02-30' },
      { contactIds: [1], signals: ['promotion'], startDate: '2030-01-01' },
    ];
    for (const body of bad) {
      const r = await post(sb, '/api/signals/contacts', body);
      expect(r.status).toBe(400);
      expect(r.json.message).toBe('Validation failed');
      expect(r.json.errors.length).toBeGreaterThan(0);
    }
  });

  test('search uses snake_case identifiers and keys results by the caller id', async () => {
    const p = sb.data.samples.personWithRecentPromotion;
    const c = sb.data.companyOf(p);
    const r = await post(sb, '/api/signals/contacts/search', {
      contacts: [
        { id: 'by-link', social_link: p.linkedinUrl },
        { id: 'by-name', full_name: p.fullName, companies: [{ name: c.name, domain: c.domain, is_current: true }] },
        { id: 'nobody', email: 'nobody@nowhere.example' },
      ],
      signals: ['promotion'],
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json.contacts).sort()).toEqual(['by-link', 'by-name']);
    expect(r.json.contacts['by-link'].personId).toBe(String(p.personId));
    expect(r.json.contacts['by-link'].promotion.length).toBeGreaterThan(0);
    expect(r.json.creditCharged).toBe(2);
    const camel = await post(sb, '/api/signals/contacts/search', {
      contacts: [{ id: '1', fullName: p.fullName, companies: [{ name: c.name, domain: c.domain }] }],
      signals: ['promotion'],
    });
    expect(camel.status).toBe(400);
    expect(camel.json.errors).toContain('property contacts[0].fullName should not exist');
    const linkedin = await post(sb, '/api/signals/contacts/search', {
      contacts: [{ id: '1', linkedinUrl: p.linkedinUrl }],
      signals: ['promotion'],
    });
    expect(linkedin.status).toBe(400);
    const noId = await post(sb, '/api/signals/contacts/search', {
      contacts: [{ email: 'a@b.example' }],
      signals: ['promotion'],
    });
    expect(noId.status).toBe(400);
  });
});

describe('company signals', () => {
  test('by id: signalId on every item, news carries article fields, maxResultsPerSignal caps', async () => {
    const c = sb.data.samples.companyWithRecentNews;
    const r = await post(sb, '/api/signals/companies', {
      companyIds: [c.id],
      signals: ['allSignals'],
      maxResultsPerSignal: 1,
    });
    expect(r.status).toBe(200);
    const e = r.json.companies[String(c.id)];
    expect(e).toMatchObject({ companyId: String(c.id), companyName: c.name, domain: c.domain });
    for (const t of COMPANY_SIGNAL_TYPES) expect(Array.isArray(e[t])).toBe(true);
    const items = COMPANY_SIGNAL_TYPES.flatMap((t) => e[t] as Record<string, unknown>[]);
    expect(items.length).toBeGreaterThan(0);
    for (const t of COMPANY_SIGNAL_TYPES) expect(e[t].length).toBeLessThanOrEqual(1);
    for (const it of items) expect(it.signalId).toEqual(expect.stringMatching(/^\d+$/));
    const news = COMPANY_SIGNAL_TYPES.filter((t) => t.endsWith('News')).flatMap(
      (t) => e[t] as Record<string, unknown>[],
    );
    expect(news[0]).toMatchObject({
      articleTitle: expect.any(String),
      articleUrl: expect.stringMatching(/^https:\/\//),
      articlePublishedDate: expect.any(String),
      eventType: expect.any(String),
    });
    const withResults = COMPANY_SIGNAL_TYPES.filter((t) => e[t].length > 0).length;
    expect(r.json.creditCharged).toBe(withResults);
  });

  test('signalIds are unique across the dataset', () => {
    const ids = sb.data.companies.flatMap((c) => sb.data.companySignals(c.id).map((s) => s.signalId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('signals are spread over the 12 months before now, windows honoured', async () => {
    const dates = sb.data.companies.flatMap((c) => sb.data.companySignals(c.id).map((s) => s.date));
    expect(dates.every((d) => d <= TODAY && d >= '2024-06-15')).toBe(true);
    expect(dates.some((d) => d < SIX_MONTHS_AGO)).toBe(true);
    const c = sb.data.samples.companyWithOnlyOldSignals;
    const def = await post(sb, '/api/signals/companies', { companyIds: [c.id], signals: ['allSignals'] });
    expect(def.json.creditCharged).toBe(0);
    const wide = await post(sb, '/api/signals/companies', {
      companyIds: [c.id],
      signals: ['allSignals'],
      startDate: '2024-06-01',
    });
    const count = COMPANY_SIGNAL_TYPES.reduce((n, t) => n + wide.json.companies[String(c.id)][t].length, 0);
    expect(count).toBe(sb.data.companySignals(c.id).length);
  });

  test('search by domain / name / bare id; news sub-filter narrows results', async () => {
    const c = sb.data.samples.companyWithRecentNews;
    const r = await post(sb, '/api/signals/companies/search', {
      companies: [
        { id: 'd', domain: c.domain },
        { id: 'n', name: c.name },
        { id: String(c.id) },
        { id: 'x', domain: 'no-such-company.example' },
      ],
      signals: ['allSignals'],
    });
    expect(Object.keys(r.json.companies).sort()).toEqual([String(c.id), 'd', 'n'].sort());
    expect(r.json.companies.d.companyId).toBe(String(c.id));
    const news = sb.data
      .companySignals(c.id)
      .find((s) => 'articlePublishedDate' in s.fields && s.date >= SIX_MONTHS_AGO);
    if (!news) throw new Error('sample has no recent news');
    const label = String(news.fields.eventType);
    const filtered = await post(sb, '/api/signals/companies', {
      companyIds: [c.id],
      signals: [news.type],
      filters: { include: { newsEventTypes: [label.toUpperCase()] } },
    });
    const items = filtered.json.companies[String(c.id)][news.type] as { eventType: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.eventType === label)).toBe(true);
  });

  test('runtime signals: a new signal appears, dated today, with a fresh signalId', async () => {
    const c = sb.data.samples.companyWithOnlyOldSignals;
    const added = sb.signals.addCompanySignal(c.id, 'surgeInHiring');
    expect(added.date).toBe(TODAY);
    const r = await post(sb, '/api/signals/companies', { companyIds: [c.id], signals: ['surgeInHiring'] });
    const items = r.json.companies[String(c.id)].surgeInHiring;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      signalId: added.signalId,
      signalDate: TODAY,
      newJobsPostedLastWeek: expect.any(Number),
    });
    const p = sb.data.samples.personWithOnlyOldSignals;
    sb.signals.addContactSignal(p.personId, 'promotion', { currentTitle: 'Chief Everything Officer' });
    const pr = await post(sb, '/api/signals/contacts', { contactIds: [p.personId], signals: ['promotion'] });
    expect(pr.json.contacts[String(p.personId)].promotion[0]).toMatchObject({
      currentTitle: 'Chief Everything Officer',
      signalDate: TODAY,
    });
  });

  test('clock.set moves endDate and the default window', async () => {
    await withSandbox({}, async (own) => {
      own.clock.set('2025-09-01T00:00:00Z');
      const r = await post(own, '/api/signals/contacts', {
        contactIds: [own.data.samples.personWithoutSignals.personId],
        signals: ['promotion'],
      });
      expect(r.json.endDate).toBe('2025-09-01');
      expect(r.json.startDate).toBe('2025-03-01');
    });
  });
});
