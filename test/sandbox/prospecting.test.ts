import type { Sandbox } from '../../sandbox';
import { boot, DEMO_KEY, get, post } from './helpers';

const CLASSIC = 'classic-key-0001';
const OTHER = 'other-key-00003';

let sb: Sandbox;
beforeAll(async () => {
  sb = await boot({
    keys: [
      { key: DEMO_KEY, plan: 'unified', credits: 10_000, signals: true, excludeDnc: true },
      { key: CLASSIC, plan: 'classic', credits: 1_000, signals: false },
      { key: OTHER, plan: 'unified', credits: 1_000, signals: true, excludeDnc: true },
    ],
  });
});
afterAll(() => sb.stop());

describe('filter lists', () => {
  test('contact lists are bare arrays consistent with the dataset', async () => {
    const deps = await get(sb, '/prospecting/filters/contacts/departments');
    expect(deps.status).toBe(200);
    expect(deps.json).toContain('Engineering & Technical');
    for (const p of sb.data.people.slice(0, 200)) for (const d of p.departments) expect(deps.json).toContain(d);
    const sen = await get(sb, '/prospecting/filters/contacts/seniority');
    expect(sen.json[0]).toEqual({ id: 10, name: 'Founder' });
    expect(sen.json.map((s: { id: number }) => s.id)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect((await get(sb, '/prospecting/filters/contacts/existing_data_points')).json).toEqual([
      'phone',
      'work_email',
      'mobile_phone',
      'direct_phone',
    ]);
    const countries = (await get(sb, '/prospecting/filters/contacts/all_countries')).json as {
      name: string;
      code: string;
    }[];
    for (const p of sb.data.people)
      expect(countries).toContainEqual({ name: p.location.country, code: p.location.countryIso2 });
    const locs = await post(sb, '/prospecting/filters/contacts/locations', { text: 'ber' });
    expect(locs.json).toContainEqual({
      continent: 'Europe',
      country: 'Germany',
      city: 'Berlin',
      state: 'Berlin',
      country_grouping: 'emea',
    });
    expect((await post(sb, '/prospecting/filters/contacts/locations', {})).status).toBe(400);
  });

  test('company lists', async () => {
    const c = sb.data.companies[0];
    if (!c) throw new Error('no companies');
    const names = await post(sb, '/prospecting/filters/companies/names', { text: c.name.slice(0, 6) });
    expect(names.json).toContainEqual({ companyId: c.id, name: c.name, logoUrl: c.logoUrl, fqdn: c.fqdn });
    const ind = (await get(sb, '/prospecting/filters/companies/industries_labels')).json;
    const main = ind.find((i: { main_industry_id: number }) => i.main_industry_id === c.mainIndustryId);
    expect(main.main_industry).toBe(c.mainIndustry);
    expect(main.sub_industries).toContainEqual({ value: c.subIndustry, id: c.subIndustryId });
    const sizes = (await get(sb, '/prospecting/filters/companies/sizes')).json;
    expect(sizes).toContainEqual({ min: c.size.min, max: c.size.max });
    expect((await get(sb, '/prospecting/filters/companies/revenues')).json[0]).toEqual({
      min: expect.any(Number),
      max: expect.any(Number),
    });
    const sics = (await get(sb, '/prospecting/filters/companies/sics')).json;
    expect(sics).toContainEqual({ code: c.sic[0]?.code, label: c.sic[0]?.label });
    const naics = (await get(sb, '/prospecting/filters/companies/naics')).json;
    expect(naics).toContainEqual({ code: c.naics[0]?.code, label: c.naics[0]?.label });
    expect((await get(sb, '/prospecting/filters/companies/intent_topics')).json).toContain('Zero Trust');
    const tech = await post(sb, '/prospecting/filters/companies/technologies', { text: 'sales' });
    expect(tech.json).toContainEqual({ name: 'Salesforce' });
    const loc = await post(sb, '/prospecting/filters/companies/locations', { text: 'israel' });
    expect(loc.json).toEqual([{ country: 'Israel', continent: 'Asia', country_grouping: 'emea' }]);
  });
});

describe('contact search and enrich', () => {
  test('search is free and returns the documented page shape', async () => {
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await post(sb, '/prospecting/contact/search', {
      pages: { page: 0, size: 10 },
      filters: { contacts: { include: { departments: ['Engineering & Technical'], seniority: [5, 6] } } },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      currentPage: 0,
      pageLength: 10,
    });
    const expected = sb.data.people.filter(
      (p) => p.departments.includes('Engineering & Technical') && [5, 6].includes(p.seniorityId),
    );
    expect(r.json.totalResults).toBe(expected.length);
    for (const item of r.json.data) {
      const p = sb.data.people.find((x) => x.fullName === item.name && x.companyId === item.companyId);
      expect(p?.departments).toContain('Engineering & Technical');
      expect(item).toMatchObject({
        contactId: expect.any(String),
        isShown: false,
        jobTitle: p?.jobTitle,
        companyName: expect.any(String),
        fqdn: expect.any(String),
        hasEmails: expect.any(Boolean),
        hasPhones: expect.any(Boolean),
      });
    }
    expect(sb.credits.usage(DEMO_KEY).used).toBe(before);
  });

  test('company filters and exclusions apply', async () => {
    const c = sb.data.samples.companyWithFunding;
    const r = await post(sb, '/prospecting/contact/search', {
      pages: { page: 0, size: 50 },
      filters: { companies: { include: { domains: [c.domain] } }, contacts: { exclude: { seniority: [1, 2, 3] } } },
    });
    const expected = sb.data.peopleAt(c.id).filter((p) => p.seniorityId > 3);
    expect(r.json.totalResults).toBe(expected.length);
    expect(r.json.data.every((d: { companyId: number }) => d.companyId === c.id)).toBe(true);
  });

  test('paging: size 10-50 and page 0-1000, pages beyond the end are empty', async () => {
    const filters = { contacts: { include: { departments: ['Sales'] } } };
    const p0 = await post(sb, '/prospecting/contact/search', { pages: { page: 0, size: 10 }, filters });
    const p1 = await post(sb, '/prospecting/contact/search', { pages: { page: 1, size: 10 }, filters });
    expect(p1.json.currentPage).toBe(1);
    expect(p1.json.data[0].name).not.toBe(p0.json.data[0].name);
    const far = await post(sb, '/prospecting/contact/search', { pages: { page: 1000, size: 50 }, filters });
    expect(far.json).toMatchObject({ currentPage: 1000, pageLength: 0, data: [] });
    for (const pages of [
      { page: 0, size: 9 },
      { page: 0, size: 51 },
      { page: -1, size: 10 },
      { page: 1001, size: 10 },
      { page: 0.5, size: 10 },
    ]) {
      const bad = await post(sb, '/prospecting/contact/search', { pages, filters });
      expect(bad.status).toBe(400);
      expect(bad.json).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: [expect.stringMatching(/^pages\./)],
      });
    }
    expect((await post(sb, '/prospecting/contact/search', { pages: { page: 0, size: 10 } })).status).toBe(400);
    const typo = await post(sb, '/prospecting/contact/search', {
      filters: { contacts: { include: { department: ['Sales'] } } },
    });
    expect(typo.status).toBe(400);
    expect(typo.json.message).toContain('property filters.contacts.include.department should not exist');
  });

  test('contact ids are valid only with their requestId; enrich charges per revealed contact', async () => {
    const filters = { contacts: { include: { existing_data_points: ['work_email'] } } };
    const a = await post(sb, '/prospecting/contact/search', { pages: { page: 0, size: 10 }, filters });
    const b = await post(sb, '/prospecting/contact/search', { pages: { page: 0, size: 10 }, filters });
    expect(a.json.requestId).not.toBe(b.json.requestId);
    expect(a.json.data[0].contactId).not.toBe(b.json.data[0].contactId);
    const ids = a.json.data.slice(0, 3).map((d: { contactId: string }) => d.contactId);

    const before = sb.credits.usage(DEMO_KEY).used;
    const ok = await post(sb, '/prospecting/contact/enrich', { requestId: a.json.requestId, contactIds: ids });
    expect(ok.status).toBe(200);
    expect(ok.json.requestId).toBe(a.json.requestId);
    expect(ok.json.contacts).toHaveLength(3);
    for (const c of ok.json.contacts) {
      expect(c).toMatchObject({ id: expect.any(String), isSuccess: true });
      expect(typeof c.data.jobTitle).toBe('string');
      expect(c.data.emailAddresses.length).toBeGreaterThan(0);
      expect(c.data.seniority[0]).toEqual({ id: expect.any(Number), value: expect.any(String) });
    }
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(3);

    // the same ids under the other search's requestId are not found
    const cross = await post(sb, '/prospecting/contact/enrich', { requestId: b.json.requestId, contactIds: ids });
    expect(cross.json.contacts.every((c: { isSuccess: boolean }) => !c.isSuccess)).toBe(true);
    // an unknown requestId, or one from another key, is a 400
    const unknown = await post(sb, '/prospecting/contact/enrich', {
      requestId: '00000000-0000-4000-8000-000000000000',
      contactIds: ids,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.message[0]).toMatch(/requestId/);
    const otherKey = await post(
      sb,
      '/prospecting/contact/enrich',
      { requestId: a.json.requestId, contactIds: ids },
      { key: OTHER },
    );
    expect(otherKey.status).toBe(400);
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(3);

    // revealed contacts now show isShown in later searches
    const again = await post(sb, '/prospecting/contact/search', { pages: { page: 0, size: 10 }, filters });
    expect(again.json.data.slice(0, 3).every((d: { isShown: boolean }) => d.isShown)).toBe(true);
  });

  test('enrich validation: 1-100 ids; reveal flags 403 on classic plans', async () => {
    const s = await post(sb, '/prospecting/contact/search', { pages: { page: 0, size: 10 }, filters: {} });
    expect(
      (await post(sb, '/prospecting/contact/enrich', { requestId: s.json.requestId, contactIds: [] })).status,
    ).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    expect(
      (await post(sb, '/prospecting/contact/enrich', { requestId: s.json.requestId, contactIds: many })).status,
    ).toBe(400);
    const cs = await post(
      sb,
      '/prospecting/contact/search',
      { pages: { page: 0, size: 10 }, filters: {} },
      { key: CLASSIC },
    );
    const denied = await post(
      sb,
      '/prospecting/contact/enrich',
      { requestId: cs.json.requestId, contactIds: [cs.json.data[0].contactId], revealPhones: true },
      { key: CLASSIC },
    );
    expect(denied.status).toBe(403);
  });

  test('excludeDnc drops contacts whose phones are all DNC and hides DNC phones; 403 without DNC', async () => {
    const only = sb.data.samples.personWithOnlyDncPhones;
    const mixed = sb.data.samples.personWithDncPhone;
    const search = (excludeDnc: boolean, url: string | null, key = DEMO_KEY) =>
      post(
        sb,
        '/prospecting/contact/search',
        { pages: { page: 0, size: 10 }, excludeDnc, filters: { contacts: { include: { linkedinUrls: [url ?? ''] } } } },
        { key },
      );
    expect((await search(false, only.linkedinUrl)).json.totalResults).toBe(1);
    expect((await search(true, only.linkedinUrl)).json.totalResults).toBe(0);
    const m = await search(true, mixed.linkedinUrl);
    expect(m.json.totalResults).toBe(1);
    const e = await post(sb, '/prospecting/contact/enrich', {
      requestId: m.json.requestId,
      contactIds: [m.json.data[0].contactId],
    });
    const phones = e.json.contacts[0].data.phoneNumbers;
    expect(phones.length).toBe(mixed.phones.filter((p) => !p.doNotCall).length);
    expect(phones.every((p: { doNotCall: boolean }) => !p.doNotCall)).toBe(true);
    const denied = await search(true, mixed.linkedinUrl, CLASSIC);
    expect(denied.status).toBe(403);
    expect(denied.json.message).toBe(
      'Exclude DNC is not supported on your current plan. Please contact support or your account manager for assistance.',
    );
  });

  test('signal filters: 403 without Signals, otherwise charged per signal type that returns results', async () => {
    const filters = { contacts: { include: { signal: { names: ['allSignals'] } } } };
    expect((await post(sb, '/prospecting/contact/search', { filters }, { key: CLASSIC })).status).toBe(403);
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await post(sb, '/prospecting/contact/search', { pages: { page: 0, size: 50 }, filters });
    expect(r.status).toBe(200);
    expect(r.json.totalResults).toBeGreaterThan(0);
    const types = new Set<string>(r.json.data.flatMap((d: { signalTypes: string[] }) => d.signalTypes));
    expect(types.size).toBe(2);
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(2);
    const bad = await post(sb, '/prospecting/contact/search', {
      filters: { contacts: { include: { signal: { names: ['surgeInHiring'] } } } },
    });
    expect(bad.status).toBe(400);
  });
});

describe('company search and enrich', () => {
  test('search then enrich with companiesIds', async () => {
    const c = sb.data.samples.companyWithFunding;
    const s = await post(sb, '/prospecting/company/search', {
      pages: { page: 0, size: 10 },
      filters: {
        companies: {
          include: { mainIndustriesIds: [c.mainIndustryId], sizes: [{ min: c.size.min, max: c.size.max }] },
        },
      },
    });
    expect(s.status).toBe(200);
    const expected = sb.data.companies.filter(
      (x) => x.mainIndustryId === c.mainIndustryId && x.size.min === c.size.min,
    );
    expect(s.json.totalResults).toBe(expected.length);
    expect(s.json.data[0]).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      name: expect.any(String),
      fqdn: expect.any(String),
    });
    const ids = s.json.data.slice(0, 2).map((d: { id: string }) => d.id);
    const before = sb.credits.usage(DEMO_KEY).used;
    const e = await post(sb, '/prospecting/company/enrich', { requestId: s.json.requestId, companiesIds: ids });
    expect(e.status).toBe(200);
    expect(e.json.requestId).toBe(s.json.requestId);
    expect(e.json.companies.map((x: { id: number }) => String(x.id))).toEqual(ids);
    expect(e.json.companies[0]).toMatchObject({
      companySize: { min: expect.any(Number), max: expect.any(Number), employees_in_linkedin: expect.any(Number) },
      domains: { email: expect.any(String), homepage: expect.any(String) },
    });
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(ids.length);
    const wrongKey = await post(sb, '/prospecting/company/enrich', { requestId: s.json.requestId, companyIds: ids });
    expect(wrongKey.status).toBe(400);
    expect(wrongKey.json.message).toEqual(
      expect.arrayContaining(['property companyIds should not exist', 'companiesIds must be an array']),
    );
  });

  test('company search rejects contact filters', async () => {
    const r = await post(sb, '/prospecting/company/search', { filters: { contacts: { include: {} } } });
    expect(r.status).toBe(400);
  });
});
