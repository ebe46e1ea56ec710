import { describe, expect, it } from 'vitest';
import { tableFromFile } from '../../data/table-from-columns.ts';
import type { ConflictEvent } from '../../shared/schema.ts';
import { seedEvents } from '../../testing/seed-data.ts';
import { PointIndex } from './point-index.ts';

describe('what lies under the pointer', () => {
  const base = seedEvents.events[0] as ConflictEvent;
  const at = (id: string, lon: number, lat: number, date = '2016-08-01'): ConflictEvent => ({
    ...base,
    id,
    date,
    dateEnd: undefined,
    place: { ...base.place, lon, lat },
  });
  // Two events stacked at one spot, one alone 0.01° east (about 30 px at zoom 12), one far away.
  const table = tableFromFile({
    ...seedEvents,
    events: [at('a', 40, 35), at('b', 40, 35, '2016-08-02'), at('c', 40.01, 35), at('d', 45, 30)],
  });
  const index = new PointIndex(table);
  const ids = (rows: number[]) => rows.map((r) => table.event(r).id);
  const all = () => true;

  it('gives every event stacked at the nearest spot, in date order', () => {
    expect(ids(index.near(40.0005, 35, 12, 10, all))).toEqual(['a', 'b']);
  });
  it('gives the one event at a lone spot, and nothing out of reach', () => {
    expect(ids(index.near(40.0099, 35, 12, 10, all))).toEqual(['c']);
    expect(index.near(42, 33, 12, 10, all)).toEqual([]);
  });
  it('ignores events the filters hide', () => {
    const b = table.rowOf('b');
    expect(ids(index.near(40, 35, 12, 10, (row) => row === b))).toEqual(['b']);
  });
  it('reaches further in pixels terms when zoomed out', () => {
    expect(ids(index.near(40.005, 35, 12, 10, all))).toEqual([]);
    expect(ids(index.near(40.005, 35, 6, 10, all)).sort()).toEqual(['a', 'b', 'c']);
  });
});
