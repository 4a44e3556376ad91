/**
 * Signal records: the derived ids (stable across polls, distinct across signals), dates,
 * the newest-first order, the flat fields, and the wire schema that feeds them.
 */
import { CompanySignalsResponseSchema, ContactSignalsResponseSchema } from '../../../src/lusha/schemas';
import {
  compareNewestFirst,
  companySignalId,
  contactSignalId,
  normalArticleUrl,
  sameSignalEvent,
  signalEventOf,
  toCompanySignalRecord,
  toContactSignalRecord,
} from '../../../src/signals/records';
import { toIsoDate } from '../../../src/shared/values';

const base = { personId: '115889', type: 'companyChange', signalDate: '2025-05-01' };

const contactItem = {
  personId: '115889',
  currentCompanyId: '8217',
  currentCompanyName: 'Callaway Golf',
  currentTitle: 'Senior Manager, IT Solutions',
  signalDate: '2025-05-01',
};

describe('contact signal ids', () => {
  it('are 32 hex characters, the same for the same signal in every poll', () => {
    const id = contactSignalId(base);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(contactSignalId({ ...base })).toBe(id);
    // Lusha sends ids as numbers in one answer and strings (with leading zeros) in another.
    expect(contactSignalId({ ...base, personId: 115889 })).toBe(id);
    expect(contactSignalId({ ...base, personId: '00115889' })).toBe(id);
  });

  it('do not change when Lusha rewords the signal: title, company name, a dropped company id', () => {
    const id = toContactSignalRecord('companyChange', contactItem as never, { personId: '115889' }, 'x').id;
    const reworded = {
      ...contactItem,
      currentTitle: 'Sr. Manager, IT',
      currentCompanyName: 'Callaway',
      currentCompanyId: null,
    };
    expect(toContactSignalRecord('companyChange', reworded as never, { personId: '115889' }, 'x').id).toBe(id);
  });

  it('differ when the person, the type or the date differs', () => {
    const ids = [
      contactSignalId(base),
      contactSignalId({ ...base, personId: '115890' }),
      contactSignalId({ ...base, type: 'promotion' }),
      contactSignalId({ ...base, signalDate: '2025-06-01' }),
      contactSignalId({ ...base, signalDate: null }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('company signal ids', () => {
  it("are the type and Lusha's signalId when present, so two types with one Lusha id stay two", () => {
    expect(companySignalId('surgeInHiring', { signalId: '1503905' } as never, '3416')).toBe('surgeInHiring:1503905');
    expect(companySignalId('headcountIncrease3m', { signalId: '1503905' } as never, '3416')).toBe(
      'headcountIncrease3m:1503905',
    );
  });

  it('fall back to a stable hash of the company, type, date and source, distinct per article and type', () => {
    const item = { articleUrl: 'https://example.com/a', articlePublishedDate: '2025-06-15T08:00:00Z' } as never;
    const id = companySignalId('peopleNews', item, '3416');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(companySignalId('peopleNews', item, 3416 as never)).toBe(id);
    expect(companySignalId('riskNews', item, '3416')).not.toBe(id);
    expect(
      companySignalId('peopleNews', { ...(item as object), articleUrl: 'https://example.com/b' } as never, '3416'),
    ).not.toBe(id);
  });

  it('do not change when the article URL gains tracking parameters, a fragment or a trailing slash, or the title changes', () => {
    const item = {
      articleUrl: 'https://www.example.com/a?id=7',
      articlePublishedDate: '2025-06-15',
      articleTitle: 'A',
    };
    const id = companySignalId('peopleNews', item as never, '3416');
    for (const articleUrl of [
      'https://example.com/a?id=7&utm=1',
      'https://EXAMPLE.com/a/?utm_source=x&id=7#top',
      'https://www.example.com/a?fbclid=abc&id=7',
    ]) {
      expect(companySignalId('peopleNews', { ...item, articleUrl, articleTitle: 'B' } as never, '3416')).toBe(id);
    }
    expect(normalArticleUrl('https://www.example.com/a?id=8')).not.toBe(normalArticleUrl(item.articleUrl));
  });
});

describe('the same event, reworded', () => {
  const contact = (patch: Record<string, unknown>) =>
    signalEventOf(
      toContactSignalRecord('promotion', { ...contactItem, ...patch } as never, { personId: '115889' }, 'x'),
    );

  it('is recognised when Lusha shifts a contact signal by up to 3 days', () => {
    expect(sameSignalEvent(contact({}), contact({ signalDate: '2025-05-02' }))).toBe(true);
    expect(sameSignalEvent(contact({}), contact({ signalDate: '2025-05-04' }))).toBe(true);
    expect(sameSignalEvent(contact({}), contact({ signalDate: '2025-05-09' }))).toBe(false);
  });

  it('is not another type or another person', () => {
    const other = signalEventOf(
      toContactSignalRecord('companyChange', contactItem as never, { personId: '115889' }, 'x'),
    );
    expect(sameSignalEvent(contact({}), other)).toBe(false);
    expect(sameSignalEvent(contact({}), contact({ personId: '115890' }))).toBe(false);
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
      seniority: 'C-Suite',
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
      id: 'commercialActivityNews:1503910',
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
      id: 'fundingRoundRaised:9',
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
