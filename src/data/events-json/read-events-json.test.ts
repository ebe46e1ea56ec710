import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConflictEvent, type EventsFile, eventSchema } from '../../shared/schema.ts';
import { seedEvents } from '../../testing/seed-data.ts';
import { synthetic } from '../../testing/synthetic.ts';
import { tableFromColumns } from '../table-from-columns.ts';
import { eventProblem } from './check-event.ts';
import { DEFAULT_LIMITS, EventsJsonReader, type ReadLimits } from './read-events-json.ts';

const bytesOf = (file: unknown, space?: number) =>
  new TextEncoder().encode(JSON.stringify(file, null, space));

/** Reads bytes cut at the given positions, as a download arrives. */
function read(bytes: Uint8Array, cuts: number[] = [], limits: ReadLimits = DEFAULT_LIMITS) {
  const reader = new EventsJsonReader(limits);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  reader.push(bytes.subarray(at));
  return tableFromColumns(reader.finish());
}

const rows = (t: { size: number; event: (i: number) => ConflictEvent }) =>
  Array.from({ length: t.size }, (_, i) => t.event(i));

const event = seedEvents.events[0] as ConflictEvent;
/** Ids and text that a scanner must not be fooled by: quotes, backslashes, brackets, non-Latin text. */
const tricky: ConflictEvent = {
  ...event,
  id: 'e-"quoted}],\\"',
  summary: 'Strikes on "Aleppo" [sic] {again}, \\ مدينة حلب — 🚀',
  sources: [{ ...(event.sources[0] as ConflictEvent['sources'][number]), key: 'old-id-\\"' }],
};
const file: EventsFile = { ...seedEvents, events: [...seedEvents.events, tricky] };

describe('reading events.json as it arrives', () => {
  it('gives the same table however the bytes are cut, even inside strings and escapes', () => {
    const bytes = bytesOf(file, 1);
    const whole = read(bytes);
    expect(whole.dropped.count).toBe(0);
    expect(
      rows(whole.table)
        .map((e) => e.id)
        .sort(),
    ).toEqual(file.events.map((e) => e.id).sort());
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }), (cuts) => {
        const t = read(bytes, cuts).table;
        expect(rows(t)).toEqual(rows(whole.table));
        expect(Array.from(t.day)).toEqual(Array.from(whole.table.day));
        expect(Array.from(t.actorCodes)).toEqual(Array.from(whole.table.actorCodes));
      }),
      { numRuns: 30, seed: 7 },
    );
    // A cut at every byte of the tricky event (escapes split from what they escape), and every 13th
    // byte of the rest.
    const text = new TextDecoder().decode(bytes);
    const from = new TextEncoder().encode(text.slice(0, text.lastIndexOf('"e-\\"quoted'))).length;
    expect(from).toBeGreaterThan(0);
    const cuts = Array.from({ length: 700 }, (_, k) => from - 100 + k);
    for (let cut = 0; cut < bytes.length; cut += 13) cuts.push(cut);
    for (const cut of cuts) expect(rows(read(bytes, [cut]).table)).toEqual(rows(whole.table));
  });

  it('keeps every field of every event, finds events by id and by merged key, and orders rows by day', () => {
    const { table } = read(bytesOf(file));
    const byId = new Map(file.events.map((e) => [e.id, e]));
    for (const e of rows(table)) expect(e).toEqual(byId.get(e.id));
    expect(table.event(table.rowOf(tricky.id)).id).toBe(tricky.id);
    expect(table.event(table.rowOf('old-id-\\"')).id).toBe(tricky.id);
    expect(table.rowOf('e-nothing')).toBe(-1);
    for (let i = 1; i < table.size; i++)
      expect(table.day[i]).toBeGreaterThanOrEqual(table.day[i - 1] as number);
    expect(table.typeIds.slice(0, file.eventTypes.length)).toEqual(file.eventTypes.map((t) => t.id));
  });

  it('drops and reports each bad event, and keeps the rest', () => {
    const at = (over: Partial<ConflictEvent>, place?: Partial<ConflictEvent['place']>) => ({
      ...event,
      ...over,
      place: { ...event.place, ...place },
    });
    const bad = [
      at({ id: 'e-feb30', date: '2016-02-30' }),
      at({ id: 'e-back', date: '2016-05-02', dateEnd: '2016-05-01' }),
      at({ id: 'e-lat' }, { lat: 123 }),
      at({ id: 'e-1800', date: '1800-01-01' }),
      at({ id: 'e-far', date: '2999-01-01' }),
      at({ id: (seedEvents.events[1] as ConflictEvent).id }),
      at({ id: 'e-nosrc', sources: [] }),
      42,
    ];
    const text = new TextDecoder().decode(bytesOf({ ...seedEvents, events: [...seedEvents.events, ...bad] }));
    // One element that is not JSON at all, between two good ones.
    const broken = text.replace('"events":[', '"events":[{"id": ,"x":[1,2]},');
    const { table, dropped } = read(new TextEncoder().encode(broken));
    expect(table.size).toBe(seedEvents.events.length);
    expect(dropped.count).toBe(bad.length + 1);
    const n = seedEvents.events.length + 1;
    expect(dropped.reasons).toEqual([
      { path: 'events.0', message: expect.stringMatching(/^not valid JSON/) },
      { path: `events.${n}.date`, message: 'expected a real calendar day as YYYY-MM-DD' },
      { path: `events.${n + 1}.dateEnd`, message: 'dateEnd is before date' },
      { path: `events.${n + 2}.place.lat`, message: 'latitude outside -90…90' },
      { path: `events.${n + 5}.id`, message: expect.stringMatching(/^a second event with the id/) },
    ]);
  });

  it('refuses a file that is not an events file, with where and why', () => {
    const fail = (text: string, limits?: ReadLimits) => () =>
      read(new TextEncoder().encode(text), [], limits);
    const good = new TextDecoder().decode(bytesOf(seedEvents));
    expect(fail('')).toThrow(/^empty/);
    expect(fail('[1,2]')).toThrow(/^not a JSON object \(at byte 0\)/);
    expect(fail(good.slice(0, good.length / 2))).toThrow(/^cut short/);
    expect(fail(`${good} {}`)).toThrow(/^not valid JSON: it goes on after its object ends/);
    expect(fail('{"schemaVersion":1}')).toThrow(/has no "events" list/);
    expect(fail('{"events":{}}')).toThrow(/^not an events file: its "events" is not a list \(at byte 10\)/);
    expect(fail(good.replace('"schemaVersion":1', '"schemaVersion":2'))).toThrow(
      /^not a Conflict Atlas events file.*schemaVersion/,
    );
    expect(fail(good, { maxBytes: 1000, maxEnvelopeBytes: 1e6 })).toThrow(
      /^too large: its events list passes/,
    );
    expect(fail(good.replace('"events":[', '"events":[,'))).toThrow(/^not valid JSON: an empty element/);
  });

  it('reads 20,000 synthetic events in under 2 s', () => {
    const { envelope, events } = synthetic({ events: 20_000 });
    const bytes = bytesOf({ ...envelope, events: [...events()] });
    const t0 = performance.now();
    const { table, dropped } = read(
      bytes,
      Array.from({ length: 200 }, (_, k) => k * 65_536),
    );
    const ms = performance.now() - t0;
    expect(dropped.count).toBe(0);
    expect(table.size).toBe(20_000);
    expect(ms).toBeLessThan(2000);
  });
});

describe('the fast event check', () => {
  it('agrees with the contract schema on valid and damaged events', () => {
    const days = new Int32Array(2);
    const damage = fc.oneof(
      fc.constant<[string, unknown]>(['date', '2016-02-30']),
      fc.constant<[string, unknown]>(['date', '0000-00-00']),
      fc.constant<[string, unknown]>(['dateEnd', '2000-01-01']),
      fc.constant<[string, unknown]>(['dateEnd', null]),
      fc.constant<[string, unknown]>(['id', '']),
      fc.constant<[string, unknown]>(['actors', [1]]),
      fc.constant<[string, unknown]>(['fatalities', -1]),
      fc.constant<[string, unknown]>(['fatalities', 2.5]),
      fc.constant<[string, unknown]>(['subtype', 3]),
      fc.constant<[string, unknown]>(['sources', [{ articleId: 'a', start: 5, end: 5 }]]),
      fc.constant<[string, unknown]>(['sources', [{ articleId: 'a', start: -1, end: 5 }]]),
      fc.constant<[string, unknown]>(['place', { ...event.place, country: 'usa' }]),
      fc.constant<[string, unknown]>(['place', { ...event.place, lon: 181 }]),
      fc.constant<[string, unknown]>(['place', { ...event.place, precision: 'city' }]),
      fc.constant<[string, unknown]>(['place', { ...event.place, admin1: null }]),
      fc.tuple(
        fc.constantFrom('id', 'type', 'summary', 'date', 'datePrecision', 'place', 'actors', 'sources'),
        fc.anything(),
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...seedEvents.events), fc.array(damage, { maxLength: 2 }), (e, changes) => {
        const changed: Record<string, unknown> = { ...e };
        for (const [k, v] of changes) changed[k] = v;
        expect(eventProblem(changed, days) === null).toBe(eventSchema.safeParse(changed).success);
      }),
      { numRuns: 400, seed: 3 },
    );
  });
});
