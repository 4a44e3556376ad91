/**
 * Signal records: the derived ids (stable across polls, distinct across signals), dates,
 * the newest-first order, the flat fields, the V3 wire schema that feeds them, and the ids of
 * the same signals from a V2 answer and a V3 answer (equal, so no Zap fires twice after the move).
 */
import {
  V3CompanySignalsSchema,
  V3ContactSignalResultSchema,
  V3ContactSignalsSchema,
} from '../../../src/lusha/schemas';
import {
  compareNewestFirst,
  companySignalId,
  contactSignalId,
  contactSignalSample,
  normalArticleUrl,
  sameSignalEvent,
  signalEventOf,
  toCompanySignalRecord,
  toContactSignalRecord,
} from '../../../src/signals/records';
import { toIsoDate } from '../../../src/shared/values';

const base = { personId: '115889', type: 'companyChange', signalDate: '2025-05-01' };

const contactItem = { id: '115889', signalDate: '2025-05-01', previousCompany: 'Vendavo', newCompany: 'Callaway Golf' };

describe('contact signal ids', () => {
  it('are 32 hex characters, the same for the same signal in every poll', () => {
    const id = contactSignalId(base);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(contactSignalId({ ...base })).toBe(id);
    // Lusha sends ids as numbers in one answer and strings (with leading zeros) in another.
    expect(contactSignalId({ ...base, personId: 115889 })).toBe(id);
    expect(contactSignalId({ ...base, personId: '00115889' })).toBe(id);
  });

  it('do not change when Lusha rewords the signal: company names, an item without the id', () => {
    const id = toContactSignalRecord('companyChange', contactItem as never, { id: '115889' }, 'x').id;
    const reworded = { ...contactItem, id: undefined, newCompany: 'Callaway', previousCompany: 'Vendavo Inc.' };
    expect(toContactSignalRecord('companyChange', reworded as never, { id: '115889' }, 'x').id).toBe(id);
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
    signalEventOf(toContactSignalRecord('promotion', { ...contactItem, ...patch } as never, { id: '115889' }, 'x'));

  it('is recognised when Lusha shifts a contact signal by up to 3 days', () => {
    expect(sameSignalEvent(contact({}), contact({ signalDate: '2025-05-02' }))).toBe(true);
    expect(sameSignalEvent(contact({}), contact({ signalDate: '2025-05-04' }))).toBe(true);
    expect(sameSignalEvent(contact({}), contact({ signalDate: '2025-05-09' }))).toBe(false);
  });

  it('is not another type or another person', () => {
    const other = signalEventOf(toContactSignalRecord('companyChange', contactItem as never, { id: '115889' }, 'x'));
    expect(sameSignalEvent(contact({}), other)).toBe(false);
    expect(sameSignalEvent(contact({}), contact({ id: '115890' }))).toBe(false);
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

describe('records from the wire (V3)', () => {
  /** The record of the first signal of the first company of a V3 company signals answer. */
  const firstCompanySignal = (answer: unknown, watchListEntry: string) => {
    const entity = V3CompanySignalsSchema.parse(answer).results[0]!;
    const { type, item } = entity.signals[0]!;
    return toCompanySignalRecord(type, item, entity, watchListEntry);
  };

  it('map a contact signal to flat, wire-independent fields', () => {
    const parsed = V3ContactSignalsSchema.parse({
      results: [
        {
          id: '115889',
          companyChange: [
            { id: '115889', signalDate: '2025-05-01', previousCompany: 'Previous Corp', newCompany: 'Callaway Golf' },
          ],
          promotion: [],
        },
      ],
      billing: { creditsCharged: 1, resultsReturned: 1 },
    });
    const entity = V3ContactSignalResultSchema.parse(parsed.results[0]);
    expect(entity.signals).toHaveLength(1);
    const { type, item } = entity.signals[0]!;
    // The sample's signal (a move to Callaway Golf, company names only), watched by ID, from another company.
    expect(toContactSignalRecord(type, item, entity, '115889')).toEqual({
      ...contactSignalSample,
      id: contactSignalId(base),
      watchListEntry: '115889',
      previousCompanyName: 'Previous Corp',
    });
  });

  it('map a news signal with its article fields and date', () => {
    const answer = {
      results: [
        {
          id: '3416',
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
      ],
    };
    expect(firstCompanySignal(answer, 'lusha.com')).toMatchObject({
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
    const answer = { results: [{ id: '1', fundingRoundRaised: [{ signalId: '9', signalDate: '2025-01-02' }] }] };
    expect(firstCompanySignal(answer, '1')).toMatchObject({
      id: 'fundingRoundRaised:9',
      companyId: '1',
      signalType: 'fundingRoundRaised',
      signalName: 'Funding Round Raised',
    });
  });

  it('reject a signal item of the wrong shape, naming where', () => {
    const parsed = V3CompanySignalsSchema.safeParse({
      results: [{ id: '1', surgeInHiring: [{ signalId: { nested: true } }] }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['results', 0, 'surgeInHiring', 0]);
  });
});

/**
 * The same signals as Lusha V2 sent them (`POST /api/signals/{contacts|companies}`, keyed by the
 * watched id, V2 item fields) and as V3 sends them (`POST /v3/{contacts|companies}/signals`, a
 * list of results, V3 item fields). The ids the 1.x connector computed from the V2 answer are
 * frozen below (printed by 1.x's toContactSignalRecord / toCompanySignalRecord over this very
 * answer): the V3 records must carry exactly these, or Zapier's dedupe would fire them again.
 */
describe('ids across the move from V2 to V3', () => {
  const v2Contacts = {
    contacts: {
      '115889': {
        personId: '115889',
        companyChange: [
          {
            personId: '115889',
            currentCompanyId: '16303253',
            currentCompanyName: 'Lusha',
            currentDomain: 'lusha.com',
            currentTitle: 'VP Sales',
            previousCompanyName: 'ZoomInfo',
            previousDomain: 'zoominfo.com',
            signalDate: '2025-02-01',
          },
        ],
        promotion: [{ personId: '115889', currentCompanyName: 'Lusha', currentTitle: 'CRO', signalDate: '2025-02-20' }],
      },
      '4389064654': {
        personId: 4389064654,
        promotion: [
          {
            personId: 4389064654,
            currentCompanyName: 'Acme',
            currentTitle: 'Head of IT',
            signalDate: '2025-01-15T00:00:00Z',
          },
        ],
      },
    },
    startDate: '2025-01-01',
    endDate: '2025-03-01',
    creditCharged: 3,
  };
  const v3Contacts = {
    results: [
      {
        id: '115889',
        companyChange: [{ id: '115889', signalDate: '2025-02-01', previousCompany: 'ZoomInfo', newCompany: 'Lusha' }],
        promotion: [{ id: '115889', signalDate: '2025-02-20', previousCompany: 'Lusha', newCompany: 'Lusha' }],
      },
      // V3 dates may come as plain dates where V2 sent a timestamp, and ids as strings where V2 sent numbers.
      { id: '4389064654', promotion: [{ id: '4389064654', signalDate: '2025-01-15' }], companyChange: [] },
    ],
    startDate: '2025-01-01',
    endDate: '2025-03-01',
    billing: { creditsCharged: 3, resultsReturned: 2 },
  };
  const companyItems = {
    surgeInHiring: [
      {
        signalId: '1503905',
        companyId: '16303253',
        signalDate: '2025-02-10',
        newJobsPostedLastWeek: 25,
        historicalAvg: 10,
        changeRatePercent: 150,
      },
    ],
    surgeInHiringByDepartment: [
      {
        companyId: '16303253',
        signalDate: '2025-02-11',
        department: 'Sales',
        country: 'United States',
        state: 'New York',
        newJobsPostedLast4Weeks: 12,
      },
    ],
    peopleNews: [
      {
        companyId: '16303253',
        eventType: 'Executive Hire',
        articleTitle: 'Lusha hires a CRO',
        articleUrl: 'https://www.example.com/news/lusha-cro?utm_source=feed',
        articlePublishedDate: '2025-02-12T08:30:00Z',
        eventSummary: 'A new CRO',
      },
    ],
    headcountIncrease3m: [
      {
        signalId: 1503906,
        signalDate: '2025-02-13',
        changeRatePercent: 12,
        baselineEmployeesCount: 300,
        newEmployeesCount: 336,
      },
    ],
  };
  const v3Companies = {
    results: [{ id: '16303253', companyName: 'Lusha', domain: 'lusha.com', ...companyItems }],
    billing: { creditsCharged: 4, resultsReturned: 1 },
  };

  /** What 1.x delivered for v2Contacts and the V2 companies answer (companyId 16303253, the items above). */
  const V2_IDS = [
    'faef5329bc3adbe71d3039e91dab2b89', // 115889 companyChange 2025-02-01
    '420151ac4e7182b9556587302dfa6fc2', // 115889 promotion 2025-02-20
    '92ad15cd7856ef7fdea9edd7ddb0204d', // 4389064654 promotion 2025-01-15
    'surgeInHiring:1503905',
    '6d64d7dbfa0cc9cbfea0c73b90bb529c', // surgeInHiringByDepartment without a signalId: by department and place
    '12c55ed75df8e1153352caa1870fbfe6', // peopleNews without a signalId: by article
    'headcountIncrease3m:1503906',
  ];

  it('are the ids 1.x computed from the V2 answer', () => {
    // The V2 answer, read as 1.x read it: the person id from the item or the entity, the date as YYYY-MM-DD.
    const v2ContactIds = Object.values(v2Contacts.contacts).flatMap((entity) =>
      (['companyChange', 'promotion'] as const).flatMap((type) =>
        (
          ((entity as Record<string, unknown>)[type] as Array<{ personId: unknown; signalDate: string }> | undefined) ??
          []
        ).map((item) =>
          contactSignalId({ personId: item.personId ?? entity.personId, type, signalDate: toIsoDate(item.signalDate) }),
        ),
      ),
    );
    const v2CompanyIds = Object.entries(companyItems).flatMap(([type, items]) =>
      items.map((item) => companySignalId(type, item as never, '16303253')),
    );
    expect([...v2ContactIds, ...v2CompanyIds]).toEqual(V2_IDS);
  });

  it('are the same from the V3 answer, so no signal fires twice after the upgrade', () => {
    const contacts = V3ContactSignalsSchema.parse(v3Contacts).results.flatMap((result) => {
      const entity = V3ContactSignalResultSchema.parse(result);
      return entity.signals.map(({ type, item }) => toContactSignalRecord(type, item, entity, 'x'));
    });
    const companies = V3CompanySignalsSchema.parse(v3Companies).results.flatMap((entity) =>
      entity.signals.map(({ type, item }) => toCompanySignalRecord(type, item, entity, 'x')),
    );
    expect([...contacts, ...companies].map((record) => record.id)).toEqual(V2_IDS);
  });
});
