/**
 * Reading a person or a company to look up (the rules Find Person / Find Company and every
 * row of the bulk creates share), the person lookup options, and the small readers added
 * for them.
 */
import { companyLookupKey, readCompanyLookup } from '../../../src/companies/lookup';
import { type Checked, isBlank, ProblemList, readChoice } from '../../../src/shared/readers';
import { personLookupKey, readPersonLookup, readPersonLookupOptions } from '../../../src/people/lookup';

/** The key of the lookup `read` makes of an input it must accept. */
const keyOfLookup =
  <L>(read: (input: Record<string, unknown>) => Checked<L>, keyOf: (lookup: L) => string) =>
  (input: Record<string, unknown>) => {
    const lookup = read(input);
    if (!lookup.ok) throw new Error(lookup.problems.join('; '));
    return keyOf(lookup.value);
  };

describe('readPersonLookup', () => {
  it.each([
    ['an email', { email: ' Maya@Northwind.COM ' }, { email: 'maya@northwind.com' }],
    [
      'a LinkedIn profile URL',
      { linkedin_url: 'uk.linkedin.com/in/Maya-Goldberg/?trk=x' },
      { linkedinUrl: 'https://www.linkedin.com/in/maya-goldberg' },
    ],
    ['a Lusha person ID (as a number)', { person_id: 4183886134 }, { personId: '4183886134' }],
    [
      'names + company name',
      { first_name: ' Maya ', last_name: 'Goldberg', company_name: 'Northwind  Analytics' },
      { firstName: 'Maya', lastName: 'Goldberg', companyName: 'Northwind Analytics' },
    ],
    [
      'names + company domain',
      { first_name: 'Maya', last_name: 'Goldberg', company_domain: 'https://www.Northwind.com/about' },
      { firstName: 'Maya', lastName: 'Goldberg', companyDomain: 'northwind.com' },
    ],
    [
      'an email with a partial name (kept as given)',
      { email: 'maya@northwind.com', first_name: 'Maya' },
      { email: 'maya@northwind.com', firstName: 'Maya' },
    ],
  ])('accepts %s', (_what, input, value) => {
    expect(readPersonLookup(input)).toEqual({ ok: true, value });
  });

  it.each([
    [
      'nothing at all',
      { email: '', linkedin_url: null, person_id: '  ' },
      'Nothing identifies the person: fill in Email, LinkedIn Profile URL or Lusha Person ID, or First Name + Last Name + Company Name (or Company Domain)',
    ],
    [
      'names without a company',
      { first_name: 'Maya', last_name: 'Goldberg' },
      'To find a person by name, also fill in Company Name (or Company Domain); or fill in Email, LinkedIn Profile URL or Lusha Person ID instead',
    ],
    [
      'a first name and a company only',
      { first_name: 'Maya', company_domain: 'northwind.com' },
      'To find a person by name, also fill in Last Name; or fill in Email, LinkedIn Profile URL or Lusha Person ID instead',
    ],
    [
      'a company only',
      { company_name: 'Northwind' },
      'To find a person by name, also fill in First Name and Last Name; or fill in Email, LinkedIn Profile URL or Lusha Person ID instead',
    ],
  ])('names what is missing when given %s', (_what, input, problem) => {
    expect(readPersonLookup(input)).toEqual({ ok: false, problems: [problem] });
  });

  it('reports every malformed value at once, without a "missing" message for values that were given', () => {
    expect(
      readPersonLookup({
        email: 'maya@',
        linkedin_url: 'https://linkedin.evil.com/in/maya',
        person_id: 'abc',
        company_domain: 'northwind',
      }),
    ).toEqual({
      ok: false,
      problems: [
        'Email "maya@" is not a valid email address (expected something like name@company.com)',
        'LinkedIn Profile URL "https://linkedin.evil.com/in/maya" is not a LinkedIn URL (expected https://www.linkedin.com/in/...)',
        'Lusha Person ID "abc" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha outputs it, e.g. v1.AbCdEfGhIjKl)',
        'Company Domain "northwind" is not a domain (expected something like acme.com)',
      ],
    });
  });

  it('rejects a malformed value even when another identifier is fine', () => {
    expect(
      readPersonLookup({ email: 'maya@northwind.com', linkedin_url: 'https://www.linkedin.com/company/northwind' }),
    ).toEqual({
      ok: false,
      problems: [
        'LinkedIn Profile URL "https://www.linkedin.com/company/northwind" is not a LinkedIn profile URL (expected https://www.linkedin.com/in/...)',
      ],
    });
  });
});

describe('personLookupKey', () => {
  const key = keyOfLookup(readPersonLookup, personLookupKey);

  it('is the same for the same normalised identifiers', () => {
    expect(key({ email: 'Maya@Northwind.com ' })).toBe(key({ email: 'maya@northwind.com' }));
    expect(key({ linkedin_url: 'linkedin.com/in/maya/' })).toBe(
      key({ linkedin_url: 'https://www.linkedin.com/in/Maya' }),
    );
    expect(key({ first_name: 'MAYA', last_name: 'goldberg', company_name: 'Northwind' })).toBe(
      key({ first_name: 'Maya', last_name: 'Goldberg', company_name: 'northwind' }),
    );
  });

  it('differs when any identifier differs', () => {
    expect(key({ email: 'maya@northwind.com' })).not.toBe(key({ email: 'maya@northwind.com', person_id: '1' }));
    expect(key({ first_name: 'Maya', last_name: 'Goldberg', company_name: 'Northwind' })).not.toBe(
      key({ first_name: 'Maya', last_name: 'Goldberg', company_domain: 'northwind.com' }),
    );
  });
});

describe('readPersonLookupOptions', () => {
  it("defaults to Lusha's defaults", () => {
    expect(readPersonLookupOptions({})).toEqual({
      ok: true,
      value: { reveal: 'both', refreshJobInfo: false, partialProfile: false, signals: [] },
    });
  });

  it('reads every option, with booleans and choices as Zapier sends them', () => {
    expect(
      readPersonLookupOptions({
        reveal_data: 'Emails',
        refresh_job_info: 'true',
        partial_profile: true,
        signal_types: 'promotion, companyChange, promotion',
        signals_start_date: '2026-03-01T10:00:00Z',
      }),
    ).toEqual({
      ok: true,
      value: {
        reveal: 'emails',
        refreshJobInfo: true,
        partialProfile: true,
        signals: ['promotion', 'companyChange'],
        signalsStartDate: '2026-03-01',
      },
    });
  });

  it('reports every bad option at once', () => {
    expect(
      readPersonLookupOptions({
        reveal_data: 'everything',
        refresh_job_info: 'maybe',
        signal_types: ['promotion', 'layoffs'],
        signals_start_date: 'soon',
      }),
    ).toEqual({
      ok: false,
      problems: [
        'Data to Reveal "everything" is not one of: both, emails, phones',
        'Refresh Job Info must be yes or no (got "maybe")',
        'Signal Type "layoffs" is not one of: allSignals, promotion, companyChange',
        'Signals Start Date "soon" is not a date (expected YYYY-MM-DD)',
      ],
    });
  });

  it('refuses a signals start date without signal types', () => {
    expect(readPersonLookupOptions({ signals_start_date: '2026-03-01' })).toEqual({
      ok: false,
      problems: ['Signals Start Date only applies to signals: choose at least one of Signal Types, or clear the date'],
    });
  });
});

describe('readCompanyLookup', () => {
  it('accepts a domain, a name or a Lusha company ID, normalised', () => {
    expect(readCompanyLookup({ domain: 'https://www.Northwind-Analytics.com/' })).toEqual({
      ok: true,
      value: { domain: 'northwind-analytics.com' },
    });
    expect(readCompanyLookup({ name: ' Northwind  Analytics ' })).toEqual({
      ok: true,
      value: { name: 'Northwind Analytics' },
    });
    expect(readCompanyLookup({ company_id: 33222678 })).toEqual({ ok: true, value: { companyId: '33222678' } });
  });

  it('names what is missing, and every malformed value', () => {
    expect(readCompanyLookup({ domain: ' ' })).toEqual({
      ok: false,
      problems: ['Nothing identifies the company: fill in Company Domain, Company Name or Lusha Company ID'],
    });
    expect(readCompanyLookup({ domain: 'northwind', company_id: 'N-1' })).toEqual({
      ok: false,
      problems: [
        'Company Domain "northwind" is not a domain (expected something like acme.com)',
        'Lusha Company ID "N-1" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha outputs it, e.g. v1.AbCdEfGhIjKl)',
      ],
    });
  });

  it('keys identical companies alike (names without case)', () => {
    const key = keyOfLookup(readCompanyLookup, companyLookupKey);
    expect(key({ domain: 'www.northwind.com' })).toBe(key({ domain: 'northwind.com' }));
    expect(key({ name: 'NORTHWIND' })).toBe(key({ name: 'northwind' }));
    expect(key({ name: 'Northwind' })).not.toBe(key({ domain: 'northwind.com' }));
  });
});

describe('small readers', () => {
  it('reads a choice without case, returning its canonical spelling', () => {
    expect(readChoice('PHONES', 'Reveal', ['both', 'phones'] as const)).toEqual({ ok: true, value: 'phones' });
    expect(readChoice(undefined, 'Reveal', ['both'] as const)).toEqual({ ok: true, value: undefined });
  });

  it('tells blank values apart', () => {
    expect([undefined, null, '', '  ', [], ['', null]].every(isBlank)).toBe(true);
    expect([0, 'a', false, ['a']].some(isBlank)).toBe(false);
  });

  it('collects problems', () => {
    const problems = new ProblemList();
    expect(problems.take({ ok: true, value: 1 })).toBe(1);
    expect(problems.take({ ok: false, problem: 'bad' })).toBeUndefined();
    problems.add('worse');
    expect(problems.result('x')).toEqual({ ok: false, problems: ['bad', 'worse'] });
    expect(new ProblemList().result('x')).toEqual({ ok: true, value: 'x' });
  });
});

describe('values that are only control characters (found by the hostile-input properties)', () => {
  it('count as empty, as readText reads them', () => {
    expect(isBlank('\u0000')).toBe(true);
    expect(isBlank(' \t\u0000\n ')).toBe(true);
    expect(isBlank(['\u0000', ''])).toBe(true);
    expect(isBlank('a\u0000')).toBe(false);
  });

  it('identify nobody, so nothing is sent without an identifier', () => {
    expect(readCompanyLookup({ company_id: '\u0000' })).toEqual({
      ok: false,
      problems: ['Nothing identifies the company: fill in Company Domain, Company Name or Lusha Company ID'],
    });
    const person = readPersonLookup({ email: '\u0000', first_name: 'Maya', last_name: '\u0007', company_name: 'Acme' });
    expect(person).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^To find a person by name, also fill in Last Name;/)],
    });
  });
});

describe('yes/no options given a list or an object', () => {
  it('are refused in words, not read as text (an object without a prototype cannot even be)', () => {
    expect(readPersonLookupOptions({ refresh_job_info: Object.create(null), partial_profile: ['true'] })).toEqual({
      ok: false,
      problems: [
        'Refresh Job Info must be yes or no (got "{}")',
        'Include Partial Profiles must be yes or no (got "["true"]")',
      ],
    });
  });
});
