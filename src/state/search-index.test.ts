import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index.ts';

describe('the search index', () => {
  it('finds exactly the rows whose text contains the query, across blocks, built at once or in slices', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '\n', 'é', 'ب'), maxLength: 12 }), {
          minLength: 1,
          maxLength: 9000,
        }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), minLength: 1, maxLength: 3 }),
        (texts, q) => {
          const whole = new SearchIndex(texts.length, (i) => texts[i] as string);
          expect(whole.build()).toBe(true);
          const sliced = new SearchIndex(texts.length, (i) => texts[i] as string);
          let slices = 0;
          while (!sliced.build(0)) slices += 1;
          const want = texts.map((t) => (t.includes(q) ? 1 : 0));
          expect(Array.from(whole.matches(q))).toEqual(want);
          expect(Array.from(sliced.matches(q))).toEqual(want);
          if (texts.length > 64) expect(slices).toBeGreaterThan(0);
        },
      ),
      { numRuns: 25, seed: 3 },
    );
  });

  it('does not match across two rows, and refuses to answer before it is complete', () => {
    const index = new SearchIndex(2, (i) => ['ab', 'cd'][i] as string);
    expect(() => index.matches('b')).toThrow(/not complete/);
    index.build();
    expect(Array.from(index.matches('bc'))).toEqual([0, 0]);
    expect(Array.from(index.matches('d'))).toEqual([0, 1]);
  });
});
