import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DETAILS_FILE, eventsToArrow, eventsToArrowFiles, isArrowBytes } from '../shared/events-arrow.ts';
import type { ConflictEvent, EventsFile } from '../shared/schema.ts';
import { seedEvents } from '../testing/seed-data.ts';
import { EventsJsonReader } from './events-json/read-events-json.ts';
import { tableFromArrow } from './table-from-arrow.ts';
import { tableFromColumns, tableFromFile } from './table-from-columns.ts';

const tableFromColumnsOf = (file: EventsFile) => {
  const reader = new EventsJsonReader();
  reader.push(new TextEncoder().encode(JSON.stringify(file)));
  return tableFromColumns(reader.finish());
};

const rowsOf = (t: { size: number; event: (i: number) => ConflictEvent }) =>
  Array.from({ length: t.size }, (_, i) => t.event(i));

describe('the event table', () => {
  const fromJson = tableFromFile(seedEvents);
  const bytes = eventsToArrow(seedEvents);

  it('reads back from Arrow exactly the events and columns it was written from', () => {
    expect(isArrowBytes(bytes)).toBe(true);
    expect(isArrowBytes(new TextEncoder().encode('{"schemaVersion":1}'))).toBe(false);
    const { table, dropped } = tableFromArrow(bytes);
    expect(dropped.count).toBe(0);
    expect(rowsOf(table)).toEqual(rowsOf(fromJson));
    expect(table.meta).toEqual(fromJson.meta);
    for (const col of [
      'day',
      'dayEnd',
      'lat',
      'lon',
      'type',
      'precision',
      'actorStart',
      'actorCodes',
    ] as const)
      expect(Array.from(table[col]), col).toEqual(Array.from(fromJson[col]));
    expect(table.actorIds).toEqual(fromJson.actorIds);
  });

  it('finds an event by id and by the key of a source merged into it', () => {
    const { table } = tableFromArrow(bytes);
    const merged = seedEvents.events.find((e) => e.sources.some((s) => s.key && s.key !== e.id));
    for (const t of [fromJson, table]) {
      const e = seedEvents.events[5] as ConflictEvent;
      expect(t.event(t.rowOf(e.id)).id).toBe(e.id);
      if (merged) {
        const key = merged.sources.find((s) => s.key && s.key !== merged.id)?.key ?? '';
        expect(t.event(t.rowOf(key)).id).toBe(merged.id);
      }
      expect(t.rowOf('e-nothing')).toBe(-1);
    }
  });

  it("drops Arrow rows dated outside the file's plausible span, as JSON does", () => {
    const e = seedEvents.events[0] as ConflictEvent;
    const file: EventsFile = {
      ...seedEvents,
      events: [
        ...seedEvents.events,
        { ...e, id: 'e-1800', date: '1800-01-01' },
        { ...e, id: 'e-far', date: '2999-01-01' },
      ],
    };
    for (const { table, dropped } of [tableFromArrow(eventsToArrow(file)), tableFromColumnsOf(file)]) {
      expect(dropped.count).toBe(2);
      expect(dropped.reasons.map((r) => r.message)).toEqual([
        expect.stringMatching(/^outside the file's plausible span \(1900-01-01 to a year after/),
        expect.stringMatching(/^outside the file's plausible span/),
      ]);
      expect(table.size).toBe(seedEvents.events.length);
    }
  });

  it('drops and reports bad rows and keeps the rest', () => {
    const events = [...seedEvents.events].reverse();
    const bad = { ...(events[2] as ConflictEvent), id: 'e-bad' };
    bad.place = { ...bad.place, lat: 123 };
    const file: EventsFile = { ...seedEvents, events: [...events, bad] };
    const { table, dropped } = tableFromArrow(eventsToArrow(file));
    expect(dropped.count).toBe(1);
    expect(dropped.reasons[0]?.path).toMatch(/^events\.\d+\.place\.lat$/);
    expect(rowsOf(table).map((e) => e.id)).toEqual(rowsOf(fromJson).map((e) => e.id));
  });

  it('reads a file from another writer: rows out of date order, in several record batches', () => {
    const whole = tableFromIPC(bytes);
    const shuffled = whole.slice(10).concat(whole.slice(0, 10));
    expect(shuffled.batches.length).toBeGreaterThan(1);
    const { table, dropped } = tableFromArrow(tableToIPC(shuffled, 'file'));
    expect(dropped.count).toBe(0);
    expect(rowsOf(table)).toEqual(rowsOf(fromJson));
    for (const e of seedEvents.events) expect(table.event(table.rowOf(e.id)).id).toBe(e.id);
  });

  it('draws from the core file of a split set and reads events once its details file is taken in', () => {
    const { core, details } = eventsToArrowFiles(seedEvents);
    const { table, dropped } = tableFromArrow(core);
    expect(dropped.count).toBe(0);
    expect(table.detailsFile).toBe(DETAILS_FILE);
    expect(table.hasDetails).toBe(false);
    expect(Array.from(table.day)).toEqual(Array.from(fromJson.day));
    expect(Array.from(table.sourceArticles)).toEqual(Array.from(fromJson.sourceArticles));
    expect(table.rowOf((seedEvents.events[0] as ConflictEvent).id)).toBe(-1);
    expect(() => table.event(0)).toThrow(/not loaded/);
    const joined = table.withDetails?.(details);
    expect(joined?.count).toBe(0);
    // A new table over the same columns; the core table is left as it was.
    expect(table.hasDetails).toBe(false);
    expect(joined?.table.hasDetails).toBe(true);
    expect(joined?.table.day).toBe(table.day);
    const full = joined?.table ?? table;
    expect(rowsOf(full)).toEqual(rowsOf(fromJson));
    const e = seedEvents.events[4] as ConflictEvent;
    expect(full.event(full.rowOf(e.id)).id).toBe(e.id);
    expect(() =>
      tableFromArrow(core).table.withDetails?.(
        eventsToArrowFiles({ ...seedEvents, events: seedEvents.events.slice(1) }).details,
      ),
    ).toThrow(/rows for/);
  });

  it('reads a file with no events (every article skipped) as an empty table, JSON and Arrow alike', () => {
    const empty: EventsFile = { ...seedEvents, events: [] };
    expect(tableFromFile(empty).size).toBe(0);
    expect(tableFromArrow(eventsToArrow(empty)).table.size).toBe(0);
    const split = eventsToArrowFiles(empty);
    expect(tableFromArrow(split.core).table.withDetails?.(split.details).table.size).toBe(0);
  });

  it('says what is wrong with a file that is not an events file', () => {
    expect(() => tableFromArrow(new Uint8Array([0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0]))).toThrow(
      /not a readable Arrow file/,
    );
  });
});
