import type { Sandbox } from '../../sandbox';
import { boot, DEMO_KEY, expectError, get, post } from './helpers';

const CLASSIC = 'classic-key-0001';
const NO_SIGNALS = 'nosignals-key-02';

let sb: Sandbox;
beforeAll(async () => {
  sb = await boot({
    keys: [
      { key: DEMO_KEY, plan: 'unified', credits: 10_000, signals: true, excludeDnc: true },
      { key: CLASSIC, plan: 'classic', credits: 1_000, signals: true },
      { key: NO_SIGNALS, plan: 'unified', credits: 1_000, signals: false },
    ],
  });
});
afterAll(() => sb.stop());

describe('GET /v2/person', () => {
  test('finds a contact by email with the documented shape and charges one credit', async () => {
    const p = sb.data.samples.personWithEmailAndPhone;
    const email = p.emails[0]?.email ?? '';
    const before = sb.credits.usage(DEMO_KEY);
    const r = await get(sb, '/v2/person', { email });
    expect(r.status).toBe(200);
    const { contact } = r.json;
    expect(contact.error).toBeNull();
    expect(contact.isCreditCharged).toBe(true);
    const d = contact.data;
    expect(d).toMatchObject({
      personId: p.personId,
      firstName: p.firstName,
      lastName: p.lastName,
      fullName: p.fullName,
      companyId: p.companyId,
    });
    expect(d.emailAddresses[0]).toEqual({
      email,
      emailType: expect.stringMatching(/^(work|private)$/),
      emailConfidence: expect.any(String),
      updateDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(d.phoneNumbers.length).toBeGreaterThan(0);
    for (const ph of d.phoneNumbers) {
      expect(Object.keys(ph).sort()).toEqual(['doNotCall', 'number', 'phoneType', 'updateDate']);
      expect(['mobile', 'direct', 'phone']).toContain(ph.phoneType);
    }
    expect(d.jobTitle).toEqual({ title: p.jobTitle, seniority: p.seniority, departments: p.departments });
    // person location is snake_case
    expect(d.location).toMatchObject({
      country: p.location.country,
      country_iso2: p.location.countryIso2,
      continent: p.location.continent,
      is_eu_contact: p.location.isEu,
    });
    expect(d.location).not.toHaveProperty('countryIso2');
    expect(d.socialLinks.linkedin).toBe(p.linkedinUrl);
    // embedded company location is camelCase
    const c = sb.data.companyOf(p);
    expect(d.company).toMatchObject({
      name: c.name,
      fqdn: c.fqdn,
      domains: { homepage: c.domain, email: c.domain },
      companySize: [c.size.min, c.size.max],
    });
    expect(d.company.location).toMatchObject({ countryIso2: c.location.countryIso2 });
    expect(d.company.location).not.toHaveProperty('country_iso2');
    expect(sb.credits.usage(DEMO_KEY).used).toBe(before.used + 1);
  });

  test('finds by personId, linkedinUrl and name + company', async () => {
    const p = sb.data.samples.personWithEmailAndPhone;
    const c = sb.data.companyOf(p);
    const byId = await get(sb, '/v2/person', { personId: String(p.personId) });
    const byLinkedin = await get(sb, '/v2/person', { linkedinUrl: `${p.linkedinUrl}/` });
    const byName = await get(sb, '/v2/person', {
      firstName: p.firstName,
      lastName: p.lastName,
      companyDomain: c.domain,
    });
    const byCompanyName = await get(sb, '/v2/person', {
      firstName: p.firstName,
      lastName: p.lastName,
      companyName: c.name,
    });
    for (const r of [byId, byLinkedin, byName, byCompanyName]) expect(r.json.contact.data.personId).toBe(p.personId);
  });

  test('no match is HTTP 200 EMPTY_DATA and costs nothing', async () => {
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await get(sb, '/v2/person', { email: 'nobody@nowhere.example' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      contact: {
        error: { code: 3, name: 'EMPTY_DATA', message: 'Could not find requested data' },
        isCreditCharged: false,
        data: null,
      },
    });
    expect(sb.credits.usage(DEMO_KEY).used).toBe(before);
  });

  test('a contact with neither email nor phone is EMPTY_DATA unless partialProfile=true (then free)', async () => {
    const p = sb.data.samples.personWithoutContactInfo;
    const before = sb.credits.usage(DEMO_KEY).used;
    const miss = await get(sb, '/v2/person', { personId: String(p.personId) });
    expect(miss.json.contact.error.name).toBe('EMPTY_DATA');
    const partial = await get(sb, '/v2/person', { personId: String(p.personId), partialProfile: 'true' });
    expect(partial.json.contact).toMatchObject({
      error: null,
      isCreditCharged: false,
      data: { personId: p.personId, emailAddresses: [], phoneNumbers: [] },
    });
    expect(sb.credits.usage(DEMO_KEY).used).toBe(before);
  });

  test('filterBy=phoneNumbers misses a contact without phones', async () => {
    const p = sb.data.samples.personWithoutPhone;
    const r = await get(sb, '/v2/person', { personId: String(p.personId), filterBy: 'phoneNumbers' });
    expect(r.json.contact.error?.name).toBe('EMPTY_DATA');
  });

  test('identifier rules: 400 in the enrichment error shape', async () => {
    const none = await get(sb, '/v2/person', {});
    expect(none.status).toBe(400);
    expect(none.json.error.code).toBe(400);
    expect(none.json.error.message).toMatch(/personId, email, linkedinUrl/);
    const nameOnly = await get(sb, '/v2/person', { firstName: 'Jane', lastName: 'Doe' });
    expect(nameOnly.status).toBe(400);
    const badBool = await get(sb, '/v2/person', { email: 'a@b.co', revealEmails: 'yes' });
    expect(badBool.status).toBe(400);
    const badSignal = await get(sb, '/v2/person', { email: 'a@b.co', signals: 'hiring' });
    expect(badSignal.status).toBe(400);
    const badDate = await get(sb, '/v2/person', {
      email: 'a@b.co',
      signals: 'promotion',
      signalsStartDate: '2025/01/01',
    });
    expect(badDate.status).toBe(400);
  });

  test('revealEmails alone returns only emails; reveal flags are 403 on a classic plan', async () => {
    const p = sb.data.samples.personWithEmailAndPhone;
    const r = await get(sb, '/v2/person', { personId: String(p.personId), revealEmails: 'true' });
    expect(r.json.contact.data.emailAddresses.length).toBeGreaterThan(0);
    expect(r.json.contact.data.phoneNumbers).toEqual([]);
    const phones = await get(sb, '/v2/person', { personId: String(p.personId), revealPhones: 'true' });
    expect(phones.json.contact.data.emailAddresses).toEqual([]);
    expect(phones.json.contact.data.phoneNumbers.length).toBeGreaterThan(0);
    const classic = await get(
      sb,
      '/v2/person',
      { personId: String(p.personId), revealEmails: 'true' },
      { key: CLASSIC },
    );
    expectError(classic, 403, {
      message: 'Your pricing version does not support requesting individual datapoints [revealEmails, revealPhones]',
    });
    const classicPlain = await get(sb, '/v2/person', { personId: String(p.personId) }, { key: CLASSIC });
    expect(classicPlain.status).toBe(200);
  });

  test('signals on a person: each signal type with results costs one credit; 403 without Signals', async () => {
    const p = sb.data.samples.personWithRecentCompanyChange;
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await get(sb, '/v2/person', { personId: String(p.personId), signals: 'allSignals' });
    expect(r.status).toBe(200);
    const sig = r.json.contact.data.signals;
    expect(sig.companyChange.length).toBeGreaterThan(0);
    const typesWithResults = Object.keys(sig).length;
    const charged = r.json.contact.isCreditCharged ? 1 : 0;
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(charged + typesWithResults);
    const denied = await get(
      sb,
      '/v2/person',
      { personId: String(p.personId), signals: 'promotion' },
      { key: NO_SIGNALS },
    );
    expect(denied.status).toBe(403);
    expect(denied.json.message).toBe('Signals API not supported on your plan');
  });
});

describe('POST /v2/person', () => {
  test('keys results by the caller contactId and lists companies by id', async () => {
    const a = sb.data.samples.personWithEmailAndPhone;
    const b = sb.data.samples.personWithoutPhone;
    const bc = sb.data.companyOf(b);
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await post(sb, '/v2/person', {
      contacts: [
        { contactId: 'first', email: a.emails[0]?.email },
        { contactId: 'second', fullName: b.fullName, companies: [{ domain: bc.domain, isCurrent: true }] },
        { contactId: 'third', email: 'ghost@nowhere.example' },
      ],
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json.contacts).sort()).toEqual(['first', 'second', 'third']);
    expect(r.json.contacts.first.data.personId).toBe(a.personId);
    expect(r.json.contacts.second.data.personId).toBe(b.personId);
    expect(r.json.contacts.third).toEqual({
      error: { code: 3, name: 'EMPTY_DATA', message: 'Could not find requested data' },
      isCreditCharged: false,
      data: null,
    });
    expect(r.json.contacts.first.data).not.toHaveProperty('company');
    expect(r.json.companies[String(a.companyId)].name).toBe(sb.data.companyOf(a).name);
    expect(r.json.companies[String(bc.id)].location.countryIso2).toBe(bc.location.countryIso2);
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(2);
  });

  test('validation: 1-100 contacts, contactId required, an identifier required', async () => {
    expect((await post(sb, '/v2/person', { contacts: [] })).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => ({ contactId: String(i), email: `x${i}@y.example` }));
    const tooMany = await post(sb, '/v2/person', { contacts: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.message).toMatch(/between 1 and 100/);
    expect((await post(sb, '/v2/person', { contacts: [{ email: 'a@b.example' }] })).status).toBe(400);
    const noIdent = await post(sb, '/v2/person', { contacts: [{ contactId: '1', fullName: 'Jane Doe' }] });
    expect(noIdent.status).toBe(400);
    expect(noIdent.json.error.message).toMatch(/contacts\[0\] must include/);
    const dup = await post(sb, '/v2/person', {
      contacts: [
        { contactId: '1', email: 'a@b.example' },
        { contactId: '1', email: 'c@d.example' },
      ],
    });
    expect(dup.status).toBe(400);
  });

  test('metadata reveal flags are 403 on a classic plan', async () => {
    const r = await post(
      sb,
      '/v2/person',
      { contacts: [{ contactId: '1', email: 'a@b.example' }], metadata: { revealPhones: true } },
      { key: CLASSIC },
    );
    expect(r.status).toBe(403);
  });
});

describe('GET /v2/company', () => {
  test('returns {data, errors, meta} by domain, name or id and charges one credit', async () => {
    const c = sb.data.samples.companyWithFunding;
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await get(sb, '/v2/company', { domain: `https://www.${c.domain}/about` });
    expect(r.status).toBe(200);
    expect(r.json.meta).toEqual({});
    expect(r.json.errors).toEqual({});
    const d = r.json.data;
    expect(d).toMatchObject({
      id: c.id,
      name: c.name,
      domain: c.domain,
      fqdn: c.fqdn,
      mainIndustry: c.mainIndustry,
      subIndustry: c.subIndustry,
    });
    expect(d.employees).toBe(`${c.size.min} - ${c.size.max}`);
    expect(d.companySize).toEqual({ min: c.size.min, max: c.size.max, employeesInLinkedin: c.employeesInLinkedin });
    expect(d.social.linkedin).toEqual({ url: c.linkedinUrl });
    expect(d.location).toMatchObject({ city: c.location.city, countryIso2: c.location.countryIso2 });
    expect(d.funding.totalRounds).toBe(c.funding?.rounds.length);
    expect(d.funding.rounds[0]).toEqual({
      currency: 'USD',
      roundAmount: expect.any(Number),
      roundType: expect.any(String),
      roundDate: expect.stringMatching(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/),
    });
    expect(d.industryPrimaryGroupDetails.sicCodes[0]).toEqual({
      sicCodes: Number(c.sic[0]?.code),
      description: c.sic[0]?.label,
    });
    expect(d.technologies).toEqual(c.technologies.map((name) => ({ name })));
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(1);
    expect((await get(sb, '/v2/company', { company: c.name.toUpperCase() })).json.data.id).toBe(c.id);
    expect((await get(sb, '/v2/company', { companyId: String(c.id) })).json.data.id).toBe(c.id);
  });

  test('unknown company is 404 and free; missing identifiers are 400', async () => {
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await get(sb, '/v2/company', { domain: 'no-such-company.example' });
    expectError(r, 404, { message: 'Resource not found' });
    expect(sb.credits.usage(DEMO_KEY).used).toBe(before);
    const bad = await get(sb, '/v2/company', {});
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/domain, company, or companyId/);
  });

  test('company signals appear as top-level arrays and cost per type with results', async () => {
    const c = sb.data.samples.companyWithRecentNews;
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await get(sb, '/v2/company', { companyId: String(c.id), signals: ['allSignals'] });
    const newsKeys = Object.keys(r.json.data).filter((k) => k.endsWith('News'));
    expect(newsKeys.length).toBeGreaterThan(0);
    const signalKeys = Object.keys(r.json.data).filter(
      (k) => Array.isArray(r.json.data[k]) && r.json.data[k][0]?.signalId,
    );
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(1 + signalKeys.length);
  });
});

describe('POST /v2/company', () => {
  test('returns a map keyed by the caller ids with flat fields; misses are left out', async () => {
    const a = sb.data.samples.companyWithFunding;
    const b = sb.data.samples.companyWithoutFunding;
    const before = sb.credits.usage(DEMO_KEY).used;
    const r = await post(sb, '/v2/company', {
      companies: [
        { id: 'a', domain: a.domain },
        { id: 'b', name: b.name },
        { id: 'c', domain: 'no-such-company.example' },
      ],
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(['a', 'b']);
    expect(r.json.a).toMatchObject({
      id: a.id,
      lushaCompanyId: String(a.id),
      name: a.name,
      fqdn: a.fqdn,
      companySize: [a.size.min, a.size.max],
      city: a.location.city,
      countryIso2: a.location.countryIso2,
      linkedin: a.linkedinUrl,
    });
    expect(r.json.b).not.toHaveProperty('funding');
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(2);
    const alias = await post(sb, '/bulk/company/v2', { companies: [{ id: 'x', companyId: String(a.id) }] });
    expect(alias.json.x.id).toBe(a.id);
  });

  test('validation: ids required and unique, an identifier required, 1-100 items, hiringByLocations state needs country', async () => {
    expect((await post(sb, '/v2/company', { companies: [{ domain: 'a.example' }] })).status).toBe(400);
    expect((await post(sb, '/v2/company', { companies: [{ id: '1' }] })).status).toBe(400);
    expect((await post(sb, '/v2/company', { companies: [] })).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => ({ id: String(i), domain: `d${i}.example` }));
    expect((await post(sb, '/v2/company', { companies: many })).status).toBe(400);
    const state = await post(sb, '/v2/company', {
      companies: [{ id: '1', domain: 'a.example' }],
      signals: ['surgeInHiringByLocation'],
      signalsFilters: { include: { hiringByLocations: [{ state: 'California' }] } },
    });
    expect(state.status).toBe(400);
  });
});
