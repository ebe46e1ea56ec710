import { describe, expect, it } from 'vitest';
import { colorKeys } from '../../data/color-keys.ts';
import { tableFromFile } from '../../data/table-from-columns.ts';
import { DAY_MS, timeOfIso } from '../../shared/days.ts';
import type { ConflictEvent } from '../../shared/schema.ts';
import { seedEvents } from '../../testing/seed-data.ts';
import {
  buildBuckets,
  eventsDomain,
  MAX_BUCKETS,
  MAX_RANGES,
  nextWindowStart,
  rangeLanes,
} from './timeline-bins.ts';

const template = seedEvents.events[0] as ConflictEvent;
const types = seedEvents.eventTypes.map((t) => t.id);
const event = (id: string, date: string, dateEnd?: string, type = types[0] as string): ConflictEvent => ({
  ...template,
  id,
  date,
  type,
  datePrecision: dateEnd ? 'month' : 'day',
  ...(dateEnd ? { dateEnd } : { dateEnd: undefined }),
});
const tableOf = (events: ConflictEvent[]) => tableFromFile({ ...seedEvents, events });
const everyRow = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

describe('timeline buckets', () => {
  it('keeps the number of buckets bounded whatever the span, and counts every event once', () => {
    for (const [from, to] of [
      ['2016-01-01', '2017-06-01'],
      ['1990-01-01', '2016-12-31'],
      ['1900-01-01', '2017-01-01'],
    ] as const) {
      const t = tableOf([event('a', from), event('b', to), event('c', from)]);
      const domain = eventsDomain(t);
      if (!domain) throw new Error('a domain');
      const buckets = buildBuckets(t, everyRow(t.size), domain, colorKeys(t, 'type'));
      expect(buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
      expect(buckets.reduce((n, b) => n + b.total, 0)).toBe(3);
      for (let b = 1; b < buckets.length; b++) expect(buckets[b]?.start).toBe(buckets[b - 1]?.end);
    }
  });
  it('spans the events with some room, at least a fortnight', () => {
    const t = tableOf([event('a', '2016-03-01'), event('b', '2016-03-02')]);
    const d = eventsDomain(t);
    if (!d) throw new Error('a domain');
    expect(d.start).toBeLessThan(timeOfIso('2016-03-01'));
    expect(d.end).toBeGreaterThan(timeOfIso('2016-03-02'));
    expect(d.end - d.start).toBeGreaterThanOrEqual(14 * DAY_MS);
    expect(eventsDomain(tableOf([]))).toBeNull();
  });
  it('counts single days by week over a short span, by key; ranges are not counted', () => {
    const t = tableOf([
      event('a', '2016-03-01'),
      event('b', '2016-03-01', undefined, types[1]),
      event('c', '2016-03-02'),
      event('d', '2016-03-01', '2016-03-31'),
    ]);
    const domain = eventsDomain(t);
    if (!domain) throw new Error('a domain');
    const buckets = buildBuckets(t, everyRow(t.size), domain, colorKeys(t, 'type'));
    expect(buckets.every((b) => b.end - b.start <= 7 * DAY_MS)).toBe(true);
    expect(buckets.reduce((n, b) => n + b.total, 0)).toBe(3);
    const full = buckets.find((b) => b.total === 3);
    expect(full?.stacks).toEqual(
      [
        { key: types[0], count: 2 },
        { key: types[1], count: 1 },
      ].sort((x, y) => (x.key as string).localeCompare(y.key as string)),
    );
  });
  it('counts by month over a long span', () => {
    const t = tableOf([event('a', '2015-01-10'), event('b', '2016-06-10')]);
    const domain = eventsDomain(t);
    if (!domain) throw new Error('a domain');
    const buckets = buildBuckets(t, everyRow(t.size), domain, colorKeys(t, 'type'));
    expect(buckets.length).toBeGreaterThan(15);
    expect(buckets.filter((b) => b.total === 1)).toHaveLength(2);
  });
  it('lays ranges on lanes so none overlap, up to a limit', () => {
    const t = tableOf([
      event('a', '2016-01-01', '2016-01-31'),
      event('b', '2016-01-15', '2016-02-15'),
      event('c', '2016-02-01', '2016-02-28'),
      event('d', '2016-02-01'),
    ]);
    const lanes = rangeLanes(t, everyRow(t.size));
    const laneOf = new Map(lanes.map((l) => [t.event(l.row).id, l.lane]));
    expect(Object.fromEntries(laneOf)).toEqual({ a: 0, b: 1, c: 0 });
    const many = tableOf(
      Array.from({ length: MAX_RANGES + 5 }, (_, i) => event(`r${i}`, '2016-01-01', '2016-01-31')),
    );
    expect(rangeLanes(many, everyRow(many.size))).toHaveLength(MAX_RANGES);
  });
});

describe('the player', () => {
  it('skips a stretch with no event to the next event, and stops after the last', () => {
    const t = tableOf([event('a', '2016-01-01'), event('b', '2016-01-10'), event('c', '2016-06-01')]);
    const rows = everyRow(t.size);
    const month = 30 * DAY_MS;
    const at = timeOfIso;
    expect(nextWindowStart(t, rows, at('2016-01-05'), month)).toBe(at('2016-01-05'));
    expect(nextWindowStart(t, rows, at('2016-01-11'), month)).toBe(at('2016-06-01'));
    expect(nextWindowStart(t, rows, at('2016-06-02'), month)).toBeNull();
  });
});
