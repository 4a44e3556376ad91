import type { Sandbox } from '../../sandbox';
import { boot, DEMO_KEY, post } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await boot();
});
afterAll(() => sb.stop());

describe('contact recommendations', () => {
  test('shape, credits per returned recommendation, paging by requestId without repeats', async () => {
    const seed = sb.data.samples.personWithEmailAndPhone;
    const before = sb.credits.usage(DEMO_KEY).used;
    const first = await post(sb, '/api/recommendations/contacts', {
      contacts: [{ personId: seed.personId, companyId: seed.companyId }],
      limit: 10,
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ requestId: expect.any(String), count: 10, creditsCharged: 10 });
    expect(first.json.contacts).toHaveLength(10);
    for (const c of first.json.contacts) {
      expect(Object.keys(c).sort()).toEqual(['companyId', 'companyName', 'jobTitle', 'name', 'personId']);
      expect(c.personId).not.toBe(seed.personId);
      const p = sb.data.person(c.personId);
      expect(p?.fullName).toBe(c.name);
      expect(p?.companyId).toBe(c.companyId);
    }
    expect(sb.credits.usage(DEMO_KEY).used - before).toBe(10);

    const second = await post(sb, '/api/recommendations/contacts', { requestId: first.json.requestId, limit: 10 });
    expect(second.status).toBe(200);
    expect(second.json.requestId).toBe(first.json.requestId);
    const firstIds = new Set(first.json.contacts.map((c: { personId: number }) => c.personId));
    expect(second.json.contacts.length).toBeGreaterThan(0);
    for (const c of second.json.contacts) expect(firstIds.has(c.personId)).toBe(false);
  });

  test('exclude removes ids; limit is 1-25; unknown requestId is 400', async () => {
    const seed = sb.data.samples.personWithEmailAndPhone;
    const body = { contacts: [{ personId: seed.personId, companyId: seed.companyId }], limit: 5 };
    const a = await post(sb, '/api/recommendations/contacts', body);
    const excluded = a.json.contacts.map((c: { personId: number }) => c.personId);
    const b = await post(sb, '/api/recommendations/contacts', { ...body, exclude: excluded });
    for (const c of b.json.contacts) expect(excluded).not.toContain(c.personId);
    const tooMany = await post(sb, '/api/recommendations/contacts', { ...body, limit: 26 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors).toContain('limit must not be greater than 25');
    expect((await post(sb, '/api/recommendations/contacts', { ...body, limit: 0 })).status).toBe(400);
    expect((await post(sb, '/api/recommendations/contacts', { requestId: 'not-a-request' })).status).toBe(400);
    expect((await post(sb, '/api/recommendations/contacts', { contacts: [{ personId: seed.personId }] })).status).toBe(
      400,
    );
  });
});

describe('company recommendations', () => {
  test('similar companies, paging does not repeat', async () => {
    const seed = sb.data.samples.companyWithFunding;
    const first = await post(sb, '/api/recommendations/companies', { companies: [{ companyId: seed.id }], limit: 5 });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ count: 5, creditsCharged: 5 });
    for (const c of first.json.companies) {
      expect(Object.keys(c).sort()).toEqual(['companyId', 'description', 'fqdn', 'name']);
      expect(c.companyId).not.toBe(seed.id);
      expect(sb.data.company(c.companyId)?.mainIndustryId).toBe(seed.mainIndustryId);
    }
    const second = await post(sb, '/api/recommendations/companies', {
      companies: [{ companyId: seed.id }],
      requestId: first.json.requestId,
      limit: 5,
    });
    const seen = new Set(first.json.companies.map((c: { companyId: number }) => c.companyId));
    expect(second.json.companies.length).toBeGreaterThan(0);
    for (const c of second.json.companies) expect(seen.has(c.companyId)).toBe(false);
    // a contacts requestId cannot page companies
    const seedP = sb.data.samples.personWithEmailAndPhone;
    const contacts = await post(sb, '/api/recommendations/contacts', {
      contacts: [{ personId: seedP.personId, companyId: seedP.companyId }],
      limit: 1,
    });
    expect((await post(sb, '/api/recommendations/companies', { requestId: contacts.json.requestId })).status).toBe(400);
  });
});
