/**
 * Records as flat line items: lists become text, and a phone on a do-not-call list keeps
 * that flag in words, whichever operation outputs it.
 */
import { lineItemFields, toLineItem } from '../../../src/zapier/line-items';
import { personOutputFields, personSample } from '../../../src/people/record';

describe('toLineItem', () => {
  it('joins a list of texts, and a list of entries by their first field', () => {
    expect(
      toLineItem({
        departments: ['Sales', '', null, 'Marketing'],
        emails: [
          { email: 'maya@northwind.com', type: 'work', confidence: 'A', updatedOn: null },
          { email: 'maya@gmail.com', type: 'private', confidence: null, updatedOn: null },
        ],
        technologies: [],
        missing: undefined,
        count: 3,
      }),
    ).toEqual({
      departments: 'Sales, Marketing',
      emails: 'maya@northwind.com, maya@gmail.com',
      technologies: null,
      missing: null,
      count: 3,
    });
  });

  it('marks each phone on a do-not-call list, and only those', () => {
    expect(
      toLineItem({
        phones: [
          { number: '+1 617-555-0142', type: 'mobile', doNotCall: false, updatedOn: null },
          { number: '+1 617-555-0100', type: 'direct', doNotCall: true, updatedOn: null },
          { number: '+1 617-555-0199', type: 'phone', doNotCall: null, updatedOn: null },
        ],
      }),
    ).toEqual({ phones: '+1 617-555-0142, +1 617-555-0100 (do not call), +1 617-555-0199' });
  });

  it("keeps the person record's best-phone flag as its own field", () => {
    const item = toLineItem(personSample);
    expect(item).toMatchObject({
      phone: '+1 617-555-0142',
      phoneDoNotCall: false,
      phones: '+1 617-555-0142, +1 617-555-0100 (do not call)',
    });
    expect(Object.keys(item)).toEqual(lineItemFields(personOutputFields).map((field) => field.key));
  });
});
