import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSites, emptyCounts, groupSites } from './sites.ts';

describe('map sites', () => {
  it('puts events at one position on one site, others apart', () => {
    const lon = [44.1, 43.2, 44.1, 44.100001, 44.1];
    const lat = [36.3, 36.3, 36.3, 36.3, 36.30002];
    const { siteOf, first } = groupSites(lon, lat);
    expect(Array.from(siteOf)).toEqual([0, 1, 0, 0, 2]);
    expect(first).toEqual([0, 1, 4]);
  });
  it('groups exactly as a Map keyed by the metre cells would, through the table growing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3 })), {
          maxLength: 20_000,
        }),
        (picks) => {
          // Towns, and points a few centimetres to a few metres off them.
          const lon = picks.map(([t, d]) => -179 + t * 0.117 + d * 0.000004);
          const lat = picks.map(([t, d]) => -89 + ((t * 0.059) % 178) + d * 0.000007);
          const { siteOf, first } = groupSites(lon, lat);
          const byKey = new Map<string, number>();
          const want = lon.map((x, i) => {
            const key = `${Math.round(((lat[i] as number) + 90) * 1e5)},${Math.round((x + 180) * 1e5)}`;
            if (!byKey.has(key)) byKey.set(key, byKey.size);
            return byKey.get(key);
          });
          expect(Array.from(siteOf)).toEqual(want);
          expect(first.length).toBe(byKey.size);
        },
      ),
      { numRuns: 30 },
    );
  });
  it('counts the shown rows per site, with the last shown row of each', () => {
    const { siteOf, first } = groupSites([1, 2, 1, 1], [1, 2, 1, 1]);
    const c = countSites(siteOf, Uint32Array.from([0, 2, 3]), emptyCounts(first.length, 4));
    expect(Array.from(c.count)).toEqual([3, 0]);
    expect(Array.from(c.lastRow)).toEqual([3, -1]);
    expect(Array.from(c.shown)).toEqual([1, 0, 1, 1]);
    // Reused: a second count forgets the first.
    countSites(siteOf, Uint32Array.from([1]), c);
    expect(Array.from(c.count)).toEqual([0, 1]);
    expect(Array.from(c.shown)).toEqual([0, 1, 0, 0]);
  });
  it('counts every shown row exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { maxLength: 60 }),
        fc.array(fc.boolean(), { maxLength: 60 }),
        (points, on) => {
          const { siteOf, first } = groupSites(
            points.map((p) => p[0]),
            points.map((p) => p[1]),
          );
          const rows = Uint32Array.from(points.keys()).filter((i) => on[i]);
          const c = countSites(siteOf, rows, emptyCounts(first.length, points.length));
          expect(c.count.reduce((a, b) => a + b, 0)).toBe(rows.length);
          for (const [i, [x, y]] of points.entries())
            expect(points[first[siteOf[i] as number] as number]).toEqual([x, y]);
        },
      ),
    );
  });
});
