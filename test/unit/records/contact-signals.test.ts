/** The signal summary Find Person adds when a lookup asks for signals (a result of POST /v3/contacts/signals). */
import { companyOutputFields, toCompanyRecord } from '../../../src/companies/record';
import {
  contactSignalSummaryOutputFields,
  contactSignalSummarySample,
  toContactSignalSummary,
} from '../../../src/people/signal-summary';

describe('toContactSignalSummary', () => {
  it('counts the signal types found and picks the latest signal', () => {
    const result = {
      id: '1',
      promotion: [{ id: '1', signalDate: '2026-05-02', currentTitle: 'VP of Sales' }],
      companyChange: [
        { id: '1', signalDate: '2026-07-19', newCompany: 'Northwind' },
        { id: '1', signalDate: '2026-01-04', newCompany: 'Contoso' },
      ],
      allSignals: [],
    };
    expect(toContactSignalSummary(result)).toEqual({
      signalTypes: ['promotion', 'companyChange'],
      signalCount: 3,
      latestSignalType: 'companyChange',
      latestSignalDate: '2026-07-19',
      signalsNote: null,
    });
  });

  it('says "none found" for an empty signals object, and nothing when signals were not asked for', () => {
    expect(toContactSignalSummary({ id: '1' })).toEqual({
      signalTypes: [],
      signalCount: 0,
      latestSignalType: null,
      latestSignalDate: null,
      signalsNote: null,
    });
    expect(toContactSignalSummary(null)).toEqual({
      signalTypes: [],
      signalCount: null,
      latestSignalType: null,
      latestSignalDate: null,
      signalsNote: null,
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
