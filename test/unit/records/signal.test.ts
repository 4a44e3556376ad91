/**
 * Signal records: the derived ids (stable across polls, distinct across signals), dates,
 * the newest-first order, the flat fields, and the wire schema that feeds them.
 */
import { CompanySignalsResponseSchema, ContactSignalsResponseSchema } from '../../../src/lusha/schemas';
import {
  compareNewestFirst,
  companySignalId,
  contactSignalId,
  toCompanySignalRecord,
  toContactSignalRecord,
} from '../../../src/signals/records';
import { toIsoDate } from '../../../src/shared/values';

const base = {
  personId: '115889',
  type: 'companyChange',
  signalDate: '2025-05-01',
  companyId: '8217',
  companyName: 'Callaway Golf',
  jobTitle: 'Senior Manager, IT Solutions',
};

describe('contact signal ids', () => {
  it('are 32 hex characters, the same for the same signal in every poll', () => {
    const id = contactSignalId(base);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(contactSignalId({ ...base })).toBe(id);
    // Lusha sends ids as numbers in one answer and strings in another; case and spacing drift.
    expect(contactSignalId({ ...base, personId: 115889, companyId: 8217 })).toBe(id);
    expect(contactSignalId({ ...base, jobTitle: '  senior manager,  IT Solutions ' })).toBe(id);
  });

  it('differ when anything that makes the signal differs', () => {
    const ids = [
      contactSignalId(base),
      contactSignalId({ ...base, personId: '115890' }),
      contactSignalId({ ...base, type: 'promotion' }),
      contactSignalId({ ...base, signalDate: '2025-05-02' }),
      contactSignalId({ ...base, companyId: '9000' }),
      contactSignalId({ ...base, jobTitle: 'VP, IT Solutions' }),
      contactSignalId({ ...base, signalDate: null }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('use the company name when the company id is missing', () => {
    const byName = contactSignalId({ ...base, companyId: null });
    expect(byName).toBe(contactSignalId({ ...base, companyId: undefined, companyName: 'callaway golf' }));
    expect(byName).not.toBe(contactSignalId({ ...base, companyId: null, companyName: 'Vendavo' }));
  });

  it('cannot collide by moving text between parts', () => {
    const a = contactSignalId({ ...base, companyId: null, companyName: 'ab', jobTitle: 'c' });
    const b = contactSignalId({ ...base, companyId: null, companyName: 'a', jobTitle: 'bc' });
    expect(a).not.toBe(b);
  });
});

describe('company signal ids', () => {
  it("are Lusha's signalId when present", () => {
    expect(companySignalId('surgeInHiring', { signalId: '1503905' } as never, '3416')).toBe('1503905');
  });

  it('fall back to a stable hash of the content, distinct per article and type', () => {
    const item = { articleUrl: 'https://example.com/a', articlePublishedDate: '2025-06-15T08:00:00Z' } as never;
    const id = companySignalId('peopleNews', item, '3416');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(companySignalId('peopleNews', item, 3416 as never)).toBe(id);
    expect(companySignalId('riskNews', item, '3416')).not.toBe(id);
    expect(
      companySignalId('peopleNews', { ...(item as object), articleUrl: 'https://example.com/b' } as never, '3416'),
    ).not.toBe(id);
  });
});

describe('dates and order', () => {
  it('reads dates as YYYY-MM-DD', () => {
    expect(toIsoDate('2025-05-01')).toBe('2025-05-01');
    expect(toIsoDate('2025-05-01T23:30:00Z')).toBe('2025-05-01');
    expect(toIsoDate('May 1, 2025 12:00 UTC')).toBe('2025-05-01');
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate('Nov 10, 2021')).toBe('2021-11-10');
    expect(toIsoDate('not a date')).toBe('not a date');
  });

  it('sorts newest first, then by id, undated last: the same order in every poll', () => {
    const records = [
      { id: 'b', signalDate: '2025-05-01' },
      { id: 'z', signalDate: null },
      { id: 'a', signalDate: '2025-05-01' },
      { id: 'c', signalDate: '2025-06-01' },
    ];
    const order = (list: typeof records) => [...list].sort(compareNewestFirst).map((r) => r.id);
    expect(order(records)).toEqual(['c', 'a', 'b', 'z']);
    expect(order([...records].reverse())).toEqual(['c', 'a', 'b', 'z']);
  });
});

describe('records from the wire', () => {
  it('map a contact signal to flat, wire-independent fields', () => {
    const parsed = ContactSignalsResponseSchema.parse({
      contacts: {
        '115889': {
          personId: '115889',
          companyChange: [
            {
              personId: '115889',
              currentCompanyId: 8217,
              currentCompanyName: 'Callaway Golf',
              currentDepartments: ['R&D', 'IT'],
              currentSeniorityLabel: 'c-suite',
              currentTitle: 'Senior Manager, IT Solutions',
              signalDate: '2025-05-01',
              previousCompanyName: 'Previous Corp',
              previousDomain: 'nextgen.com',
              currentDomain: 'vendavo.com',
            },
          ],
          promotion: [],
        },
      },
      creditCharged: 2,
    });
    const entity = parsed.contacts['115889']!;
    expect(entity.signals).toHaveLength(1);
    const { type, item } = entity.signals[0]!;
    expect(toContactSignalRecord(type, item, entity, '115889')).toEqual({
      id: contactSignalId(base),
      signalType: 'companyChange',
      signalName: 'Company Change (Job Change)',
      signalDate: '2025-05-01',
      personId: '115889',
      watchListEntry: '115889',
      jobTitle: 'Senior Manager, IT Solutions',
      seniority: 'c-suite',
      departments: ['R&D', 'IT'],
      companyId: '8217',
      companyName: 'Callaway Golf',
      companyDomain: 'vendavo.com',
      previousCompanyName: 'Previous Corp',
      previousCompanyDomain: 'nextgen.com',
    });
  });

  it('map a news signal with its article fields and date', () => {
    const parsed = CompanySignalsResponseSchema.parse({
      companies: {
        '3416': {
          companyId: '3416',
          companyName: 'Lusha',
          domain: 'lusha.com',
          commercialActivityNews: [
            {
              companyId: '3416',
              signalId: '1503910',
              eventType: 'partnership',
              eventSummary: 'Lusha announced a partnership.',
              articlePublishedDate: '2025-06-15',
              articleTitle: 'Lusha Partners with Salesforce',
              articleHighlight: 'Highlight.',
              eventEffectiveDate: '2025-06-10',
              articleUrl: 'https://example.com/lusha',
            },
          ],
        },
      },
    });
    const entity = parsed.companies['3416']!;
    const { type, item } = entity.signals[0]!;
    expect(toCompanySignalRecord(type, item, entity, 'lusha.com')).toMatchObject({
      id: '1503910',
      signalType: 'commercialActivityNews',
      signalName: 'News: Commercial Activity',
      signalDate: '2025-06-15',
      companyId: '3416',
      companyName: 'Lusha',
      companyDomain: 'lusha.com',
      newsEventType: 'partnership',
      newsTitle: 'Lusha Partners with Salesforce',
      newsUrl: 'https://example.com/lusha',
      newsPublishedDate: '2025-06-15',
      newsEffectiveDate: '2025-06-10',
      changeRatePercent: null,
    });
  });

  it('name a signal type the connector does not know yet instead of dropping it', () => {
    const parsed = CompanySignalsResponseSchema.parse({
      companies: { '1': { companyId: '1', fundingRoundRaised: [{ signalId: '9', signalDate: '2025-01-02' }] } },
    });
    const entity = parsed.companies['1']!;
    const { type, item } = entity.signals[0]!;
    expect(toCompanySignalRecord(type, item, entity, '1')).toMatchObject({
      id: '9',
      signalType: 'fundingRoundRaised',
      signalName: 'Funding Round Raised',
    });
  });

  it('reject a signal item of the wrong shape, naming where', () => {
    const parsed = CompanySignalsResponseSchema.safeParse({
      companies: { '1': { companyId: '1', surgeInHiring: [{ signalId: { nested: true } }] } },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['companies', '1', 'surgeInHiring', 0]);
  });
});
