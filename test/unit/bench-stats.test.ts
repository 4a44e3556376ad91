/**
 * The benchmark's arithmetic (scripts/bench-stats.ts): the figures in docs/performance.md are
 * medians and 90th percentiles computed here, and runs are interleaved by `interleave`.
 * No timing is measured or asserted.
 */
import { interleave, median, percentile, ratio, summarize, table } from '../../scripts/bench-stats';

describe('percentile and median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([3])).toBe(3);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates between the nearest ranks', () => {
    const oneToTen = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentile(oneToTen, 90)).toBeCloseTo(9.1, 10);
    expect(percentile(oneToTen, 0)).toBe(1);
    expect(percentile(oneToTen, 100)).toBe(10);
  });

  it('does not reorder the caller’s list', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty list or a percentile out of range instead of inventing a number', () => {
    expect(() => median([])).toThrow('percentile of an empty list');
    expect(() => percentile([1], 101)).toThrow('between 0 and 100');
  });

  it('summarizes a list', () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({ n: 5, median: 3, p90: 4.6, min: 1, max: 5 });
  });
});

describe('ratio', () => {
  it('divides, and has no answer for a zero or negative base', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(3, -1)).toBeNull();
  });
});

describe('interleave', () => {
  it('runs the functions in turns, rotating the order every round, and drops the warm-up rounds', async () => {
    const calls: string[] = [];
    let a = 0;
    let b = 100;
    const results = await interleave(
      [
        () => {
          calls.push('a');
          return (a += 1);
        },
        async () => {
          calls.push('b');
          return (b += 1);
        },
      ],
      3,
      2,
    );
    expect(calls).toEqual(['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a', 'a', 'b']);
    expect(results).toEqual([
      [3, 4, 5],
      [103, 104, 105],
    ]);
  });
});

describe('table', () => {
  it('aligns text left and figures right under a header rule', () => {
    expect(
      table([
        ['operation', 'median', 'ratio'],
        ['find_person', '9.71 ms', '1.17×'],
        ['enrich_people', '12.0 ms', '10.23×'],
      ]),
    ).toBe(
      [
        'operation      median   ratio',
        '-------------  -------  ------',
        'find_person    9.71 ms   1.17×',
        'enrich_people  12.0 ms  10.23×',
      ].join('\n'),
    );
  });
});
