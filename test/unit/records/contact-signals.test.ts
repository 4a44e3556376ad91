/** The signal summary Find Person adds when a lookup asks for signals. */
import { ContactSchema } from '../../../src/lusha/schemas';
import { companyOutputFields, toCompanyRecord } from '../../../src/companies/record';
import {
  contactSignalSummaryOutputFields,
  contactSignalSummarySample,
  toContactSignalSummary,
} from '../../../src/people/signal-summary';

describe('toContactSignalSummary', () => {
  it('counts the signal types found and picks the latest signal', () => {
    const contact = ContactSchema.parse({
      personId: 1,
      signals: {
        promotion: [{ signalDate: '2026-05-02', currentTitle: 'VP of Sales' }],
        companyChange: [
          { signalDate: '2026-07-19', currentCompanyName: 'Northwind' },
          { signalDate: '2026-01-04', currentCompanyName: 'Contoso' },
        ],
        allSignals: [],
      },
    });
    expect(toContactSignalSummary(contact)).toEqual({
      signalTypes: ['promotion', 'companyChange'],
      signalCount: 3,
      latestSignalType: 'companyChange',
      latestSignalDate: '2026-07-19',
    });
  });

  it('says "none found" for an empty signals object, and nothing when signals were not asked for', () => {
    expect(toContactSignalSummary(ContactSchema.parse({ signals: {} }))).toEqual({
      signalTypes: [],
      signalCount: 0,
      latestSignalType: null,
      latestSignalDate: null,
    });
    expect(toContactSignalSummary(ContactSchema.parse({}))).toEqual({
      signalTypes: [],
      signalCount: null,
      latestSignalType: null,
      latestSignalDate: null,
    });
  });

  it('labels every key of the summary', () => {
    expect(contactSignalSummaryOutputFields.map((field) => field.key).sort()).toEqual(
      Object.keys(contactSignalSummarySample).sort(),
    );
  });
});

describe('company records say whether a credit was charged', () => {
  it('carries creditCharged when the operation knows it, null otherwise', () => {
    expect(toCompanyRecord({ name: 'Northwind' }, null, { creditCharged: true }).creditCharged).toBe(true);
    expect(toCompanyRecord({ name: 'Northwind' }).creditCharged).toBeNull();
    expect(companyOutputFields.find((field) => field.key === 'creditCharged')).toEqual({
      key: 'creditCharged',
      label: 'Credit Charged',
      type: 'boolean',
    });
  });
});
