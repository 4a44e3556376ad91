import {
  readDate,
  readDomain,
  readEmail,
  readLinkedinCompanyUrl,
  readLinkedinProfileUrl,
  readList,
  readLushaId,
  readLushaIdList,
  readText,
} from '../../src/shared/readers';
import { chunk, sendBatches, throwConnectionFailure, uniqueBy } from '../../src/lusha/batch';
import { LushaAuthError, LushaServerError } from '../../src/lusha/errors';

const value = <T>(parsed: { ok: boolean; value?: T; problem?: string }) =>
  parsed.ok ? parsed.value : `PROBLEM: ${parsed.problem}`;

describe('identifier readers', () => {
  it('reads emails', () => {
    expect(value(readEmail(' Ada@Example.COM '))).toBe('ada@example.com');
    expect(value(readEmail('mailto:ada@example.com'))).toBe('ada@example.com');
    expect(value(readEmail(''))).toBeUndefined();
    expect(value(readEmail('ada@'))).toMatch(/PROBLEM: Email "ada@" is not a valid email address/);
    expect(value(readEmail('ada example.com'))).toMatch(/PROBLEM/);
    expect(value(readEmail(['a@b.com', 'c@d.com']))).toMatch(/PROBLEM: Email must be a single value/);
  });

  it('reads LinkedIn profile URLs on linkedin.com only', () => {
    expect(value(readLinkedinProfileUrl('linkedin.com/in/Ada-Lovelace/'))).toBe(
      'https://www.linkedin.com/in/ada-lovelace',
    );
    expect(value(readLinkedinProfileUrl('https://uk.linkedin.com/in/ada?trk=x'))).toBe(
      'https://www.linkedin.com/in/ada',
    );
    expect(value(readLinkedinProfileUrl('https://linkedin.evil.com/in/ada'))).toMatch(/PROBLEM: .*not a LinkedIn URL/);
    expect(value(readLinkedinProfileUrl('https://www.linkedin.com/company/acme'))).toMatch(
      /not a LinkedIn profile URL/,
    );
    expect(value(readLinkedinCompanyUrl('linkedin.com/company/Acme'))).toBe('https://www.linkedin.com/company/acme');
  });

  it('reads a malformed %-escape in a LinkedIn URL as a problem, not a crash (found by the hostile-input properties)', () => {
    expect(value(readLinkedinProfileUrl('https://www.linkedin.com/in/J%C3%BCrgen'))).toBe(
      'https://www.linkedin.com/in/jürgen',
    );
    expect(value(readLinkedinProfileUrl('https://www.linkedin.com/in/%E0%A4%A'))).toMatch(
      /^PROBLEM: LinkedIn URL ".*%E0%A4%A" is not a LinkedIn profile URL/,
    );
    expect(value(readLinkedinCompanyUrl('linkedin.com/company/%ff'))).toMatch(
      /^PROBLEM: LinkedIn URL "linkedin.com\/company\/%ff" is not a LinkedIn company URL/,
    );
  });

  it('reads domains from URLs, hosts and emails', () => {
    expect(value(readDomain('https://www.Acme.com/about'))).toBe('acme.com');
    expect(value(readDomain('sales@acme.co.uk'))).toBe('acme.co.uk');
    expect(value(readDomain('acme'))).toMatch(/PROBLEM: Domain "acme" is not a domain/);
  });

  it('reads Lusha ids, dates, text and lists', () => {
    expect(value(readLushaId(4183886134, 'Person ID'))).toBe('4183886134');
    expect(value(readLushaId('41x', 'Person ID'))).toMatch(/PROBLEM: Person ID "41x" is not a Lusha ID/);
    // V3's encoded form, as its answers carry it, is kept exactly as given (not a number: not normalised).
    expect(value(readLushaId(' v1.AbCdEfGhIjKlMnOp-_42 ', 'Person ID'))).toBe('v1.AbCdEfGhIjKlMnOp-_42');
    expect(value(readLushaId('v1.short', 'Person ID'))).toMatch(/PROBLEM: Person ID "v1.short" is not a Lusha ID/);
    expect(value(readLushaId('v1.AbCd EfGh IjKl', 'Person ID'))).toMatch(/PROBLEM/);
    expect(value(readDate('2026-03-01T10:00:00Z', 'Start date'))).toBe('2026-03-01');
    expect(value(readDate('yesterday-ish', 'Start date'))).toMatch(/PROBLEM/);
    // A timestamp keeps the day it names; a YYYY-MM-DD that is no calendar day is not rolled over.
    expect(value(readDate('2026-03-01T23:30:00-05:00', 'Start date'))).toBe('2026-03-01');
    expect(value(readDate('2025-02-30', 'Start date'))).toMatch(/PROBLEM: Start date "2025-02-30" is not a date/);
    expect(value(readDate('2024-02-29', 'Start date'))).toBe('2024-02-29');
    expect(value(readText('  Ada \n  Lovelace ', 'Name'))).toBe('Ada Lovelace');
    expect(value(readText('x'.repeat(201), 'Name'))).toMatch(/too long/);
    expect(value(readList('a, b,,c', 'Tags'))).toEqual(['a', 'b', 'c']);
    expect(value(readList('VP, Sales\nCRO', 'Job titles', /\n/))).toEqual(['VP, Sales', 'CRO']);
    expect(value(readList(['x', ' ', 'y'], 'Tags'))).toEqual(['x', 'y']);
  });

  it('reads a list of Lusha IDs, naming every bad entry by its position', () => {
    expect(readLushaIdList('41, 42\n, 43', 'Exclude Person IDs')).toEqual({ ok: true, value: ['41', '42', '43'] });
    expect(readLushaIdList([4183886134, ' '], 'Seed Company IDs')).toEqual({ ok: true, value: ['4183886134'] });
    expect(
      readLushaIdList(['1', 'acme.com', '99999999999999999', 'x'], 'Lusha Company IDs', { asNumbers: true }),
    ).toEqual({
      ok: false,
      problems: [
        'Lusha Company IDs, entry 2: "acme.com" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha outputs it, e.g. v1.AbCdEfGhIjKl)',
        'Lusha Company IDs, entry 3: "99999999999999999" is too large to be a Lusha ID',
        'Lusha Company IDs, entry 4: "x" is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha outputs it, e.g. v1.AbCdEfGhIjKl)',
      ],
    });
    expect(readLushaIdList(['v1.AbCdEfGhIjKlMnOp', '42'], 'Lusha Company IDs', { asNumbers: true })).toEqual({
      ok: true,
      value: ['v1.AbCdEfGhIjKlMnOp', '42'],
    });
    expect(readLushaIdList(['99999999999999999'], 'Seed Company IDs')).toEqual({
      ok: true,
      value: ['99999999999999999'],
    });
  });
});

describe('batching', () => {
  it('chunks, dedupes and maps back', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    const { unique, uniqueIndexOf } = uniqueBy(['a', 'B', 'b', 'a'], (s) => s.toLowerCase());
    expect(unique).toEqual(['a', 'B']);
    expect(uniqueIndexOf).toEqual([0, 1, 1, 0]);
  });

  it('sends with bounded concurrency, keeps batch order and isolates failures', async () => {
    let inFlight = 0;
    let peak = 0;
    const outcomes = await sendBatches([[1], [2], [3], [4], [5]], 2, async (items, index) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10 * (5 - index)));
      inFlight -= 1;
      if (items[0] === 3) throw new Error('batch 3 failed');
      return (items[0] as number) * 10;
    });
    expect(peak).toBe(2);
    expect(outcomes.map((o) => (o.ok ? o.result : (o.error as Error).message))).toEqual([
      10,
      20,
      'batch 3 failed',
      40,
      50,
    ]);
  });

  it('fails the whole list when the key is rejected, but not for any other batch failure', async () => {
    const outcomes = await sendBatches([[1], [2], [3]], 2, async (items) => {
      if (items[0] === 2) throw new LushaServerError('boom', 'POST /v2/person', 500);
      return items[0];
    });
    expect(() => throwConnectionFailure(outcomes)).not.toThrow();
    const withAuth = await sendBatches([[1], [2]], 2, async (items) => {
      if (items[0] === 2) throw new LushaAuthError('Lusha rejected the API key', 'POST /v2/person', 401);
      return items[0];
    });
    expect(() => throwConnectionFailure(withAuth)).toThrow(LushaAuthError);
  });
});
