/**
 * Prospect records as line items: one flat shape whether revealed or not,
 * lists joined into text, the enrichment records' field names where the data is the same.
 */
import {
  V3CompaniesEnrichSchema,
  V3ContactsEnrichSchema,
  V3ProspectingCompaniesSchema,
  V3ProspectingContactsSchema,
} from '../../../src/lusha/schemas';
import { lineItemFields, toLineItem } from '../../../src/zapier/line-items';
import { personOutputFields } from '../../../src/people/record';
import {
  prospectCompanyFields,
  prospectCompanySample,
  prospectContactFields,
  prospectContactSample,
  toProspectCompanyLineItem,
  toProspectContactLineItem,
} from '../../../src/prospecting/records';
import type { OutputField } from '../../../src/zapier/fields';

const keys = (fields: readonly OutputField[]) => fields.map((f) => f.key);

describe('line items', () => {
  it('join lists of texts, and lists of entries by their first field', () => {
    expect(
      toLineItem({
        departments: ['Sales', 'Marketing'],
        emails: [
          { email: 'a@x.com', type: 'work' },
          { email: 'b@y.com', type: 'private' },
        ],
        technologies: [],
        name: 'Acme',
        count: 3,
        ok: false,
        missing: undefined,
      }),
    ).toEqual({
      departments: 'Sales, Marketing',
      emails: 'a@x.com, b@y.com',
      technologies: null,
      name: 'Acme',
      count: 3,
      ok: false,
      missing: null,
    });
  });

  it('declare lists as text fields, so no line item holds a list', () => {
    const fields = lineItemFields(personOutputFields);
    expect(fields.find((f) => f.key === 'emails')).toEqual({ key: 'emails', label: 'All Emails', type: 'string' });
    expect(fields.find((f) => f.key === 'departments')).toEqual({
      key: 'departments',
      label: 'Departments',
      type: 'string',
    });
    for (const field of [...prospectContactFields, ...prospectCompanyFields]) {
      expect(field.children).toBeUndefined();
      expect(field.list).toBeUndefined();
      expect(field.label).toMatch(/^[A-Z0-9(]/);
    }
  });
});

describe('prospect contact line items', () => {
  const search = V3ProspectingContactsSchema.parse({
    requestId: 'req-1',
    results: [
      {
        id: 'c-1',
        firstName: 'Li',
        lastName: 'Wei',
        jobTitle: { title: 'Head of Growth' },
        company: { id: 1586, name: 'Acme', domain: 'www.acme.com' },
        has: ['firstName', 'lastName', 'jobTitle'],
        canReveal: [{ field: 'phones', credits: 0 }],
      },
    ],
  }).results[0]!;
  /** A contact of POST /v3/contacts/enrich. */
  const revealed = (data: Record<string, unknown>) => ({
    data: V3ContactsEnrichSchema.parse({ results: [{ id: 'c-1', ...data }] }).results[0]!,
    creditCharged: true,
  });
  /** Li's line item: from the search alone, or revealed with `data`. */
  const lineItem = (data?: Record<string, unknown>) =>
    toProspectContactLineItem({
      contactId: 'c-1',
      requestId: 'req-1',
      search,
      ...(data && { reveal: revealed(data) }),
    });

  it('have the same keys revealed or not, in the order of their output fields', () => {
    const plain = lineItem();
    const full = lineItem({ fullName: 'Li Wei', emails: [{ email: 'li@acme.io', type: 'work' }] });
    expect(Object.keys(plain)).toEqual(keys(prospectContactFields));
    expect(Object.keys(full)).toEqual(keys(prospectContactFields));
    expect(Object.keys(prospectContactSample)).toEqual(keys(prospectContactFields));
  });

  it('use the person record names for what the search tells', () => {
    expect(lineItem()).toMatchObject({
      contactId: 'c-1',
      requestId: 'req-1',
      id: 'c-1',
      fullName: 'Li Wei',
      jobTitle: 'Head of Growth',
      companyId: '1586',
      companyName: 'Acme',
      companyDomain: 'acme.com',
      previouslyRevealed: true, // canReveal says revealing would cost nothing
      hasEmail: false,
      hasPhone: false,
      hasWorkEmail: null, // V3's `has` does not tell the kinds
      hasMobilePhone: null,
      revealed: false,
      creditCharged: null,
    });
  });

  it('keep the search facts where a reveal says nothing, and take the reveal where it does', () => {
    const item = lineItem({
      firstName: 'Li',
      lastName: 'Wei',
      jobTitle: { title: 'VP Growth' },
      phones: [{ number: '+44 20 7946 0000', type: 'direct' }],
    });
    expect(item).toMatchObject({
      fullName: 'Li Wei',
      jobTitle: 'VP Growth',
      companyDomain: 'acme.com',
      phone: '+44 20 7946 0000',
      phones: '+44 20 7946 0000',
      emails: null,
      revealed: true,
      creditCharged: true,
    });
  });

  it('mark a revealed phone on a do-not-call list, as every line item does', () => {
    const item = lineItem({
      phones: [
        { number: '+44 20 7946 0000', type: 'direct', doNotCall: true },
        { number: '+44 7700 900123', type: 'mobile', doNotCall: false },
      ],
    });
    expect(item).toMatchObject({
      phone: '+44 7700 900123',
      phoneDoNotCall: false,
      phones: '+44 20 7946 0000 (do not call), +44 7700 900123',
    });
  });
});

describe('prospect company line items', () => {
  it('have one shape, the company record names, and the revealed profile over the search result', () => {
    const search = V3ProspectingCompaniesSchema.parse({
      requestId: 'r',
      results: [{ id: '1586', name: 'Acme', domain: 'www.acme.com', logoUrl: 'https://logo/1586.png' }],
    }).results[0]!;
    const revealed = V3CompaniesEnrichSchema.parse({
      requestId: 'r',
      results: [
        {
          id: 1586,
          name: 'Acme Inc',
          employeeCount: { min: 51, max: 200 },
          technologies: [{ name: 'Salesforce' }, { name: 'Snowflake' }],
          location: { countryIso2: 'de' },
        },
      ],
    }).results[0]!;
    const plain = toProspectCompanyLineItem({ id: '1586', requestId: 'r', search });
    const full = toProspectCompanyLineItem({
      id: '1586',
      requestId: 'r',
      search,
      reveal: { data: revealed, creditCharged: true },
    });
    expect(Object.keys(plain)).toEqual(keys(prospectCompanyFields));
    expect(Object.keys(full)).toEqual(keys(prospectCompanyFields));
    expect(Object.keys(prospectCompanySample)).toEqual(keys(prospectCompanyFields));
    expect(plain).toMatchObject({
      id: '1586',
      name: 'Acme',
      domain: 'acme.com',
      logoUrl: 'https://logo/1586.png',
      revealed: false,
    });
    expect(full).toMatchObject({
      id: '1586',
      name: 'Acme Inc',
      domain: 'acme.com',
      employees: '51-200',
      employeesMin: 51,
      technologies: 'Salesforce, Snowflake',
      countryCode: 'DE',
      revealed: true,
      creditCharged: true,
    });
  });
});
