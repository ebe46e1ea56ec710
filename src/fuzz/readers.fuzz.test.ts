import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableFromArrow } from '../data/table-from-arrow.ts';
import { tableFromFile } from '../data/table-from-columns.ts';
import { eventsToArrow, eventsToArrowFiles, sortEvents } from '../shared/events-arrow.ts';
import type { ConflictEvent, EventsFile } from '../shared/schema.ts';
import { seedEvents } from '../testing/seed-data.ts';
import { BASE, damage, type FileKind, mutationsArb, readCase } from './fuzz-files.ts';

/** Events that break one rule of the contract each, in ways both JSON and Arrow can carry. */
const BREAKS: Record<string, (e: ConflictEvent, other: ConflictEvent) => ConflictEvent> = {
  'dateEnd before date': (e) => ({ ...e, dateEnd: '1990-01-01' }),
  'a date before 1900': (e) => ({ ...e, date: '1850-06-01', dateEnd: undefined }),
  'latitude 95': (e) => ({ ...e, place: { ...e.place, lat: 95 } }),
  'longitude -200': (e) => ({ ...e, place: { ...e.place, lon: -200 } }),
  'an empty place name': (e) => ({ ...e, place: { ...e.place, name: '' } }),
  'a lower-case country': (e) => ({ ...e, place: { ...e.place, country: 'xx' } }),
  'an unknown date precision': (e) => ({ ...e, datePrecision: 'decade' as ConflictEvent['datePrecision'] }),
  'an unknown place precision': (e) => ({
    ...e,
    place: { ...e.place, precision: 'planet' as ConflictEvent['place']['precision'] },
  }),
  'no sources': (e) => ({ ...e, sources: [] }),
  'a passage that ends before it starts': (e) => ({
    ...e,
    sources: e.sources.map((s) => ({ ...s, start: s.end, end: s.start })),
  }),
  'an empty passage': (e) => ({ ...e, sources: e.sources.map((s) => ({ ...s, end: s.start })) }),
  'an empty id': (e) => ({ ...e, id: '' }),
  "another event's id": (e, other) => ({ ...e, id: other.id }),
  'an empty type': (e) => ({ ...e, type: '' }),
  'a negative toll': (e) => ({ ...e, fatalities: -3 }),
};

const kept = (t: { size: number; event(i: number): ConflictEvent }) =>
  Array.from({ length: t.size }, (_, i) => t.event(i).id).sort();

describe('the readers under attack', () => {
  it('answer every damaged JSON, Arrow and split-Arrow file with a table of valid rows or a clear refusal', () => {
    // A fixed sample here; `npm run fuzz` runs ten thousand and more, each in a watched process.
    const kinds: FileKind[] = ['json', 'arrow', 'arrow-core', 'arrow-details'];
    const cases = fc.sample(mutationsArb, { numRuns: 240, seed: 11 });
    const outcomes = { read: 0, refused: 0 };
    cases.forEach((mutations, i) => {
      const kind = kinds[i % kinds.length] as FileKind;
      const started = performance.now();
      const outcome = readCase(kind, damage(BASE[kind], mutations));
      expect(performance.now() - started).toBeLessThan(2000);
      if (outcome.kind === 'refused') expect(outcome.clear, outcome.message).toBe(true);
      outcomes[outcome.kind] += 1;
    });
    // Both outcomes occur: damage that leaves the structure whole is read, the rest refused.
    expect(outcomes.read).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  });

  it('keep exactly the same events from JSON, one Arrow file and a split Arrow set', () => {
    const events = seedEvents.events;
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            row: fc.nat({ max: events.length - 1 }),
            rule: fc.constantFrom(...Object.keys(BREAKS)),
          }),
          { selector: (b) => b.row, minLength: 1, maxLength: 4 },
        ),
        (breaks) => {
          const damaged = events.map((e, i) => {
            const b = breaks.find((x) => x.row === i);
            const other = events[(i + 1) % events.length] as ConflictEvent;
            return b ? (BREAKS[b.rule] as (typeof BREAKS)[string])(e, other) : e;
          });
          // In the writers' order, so that of two events with one id both readers keep the same one.
          const file: EventsFile = { ...seedEvents, events: sortEvents(damaged) };
          const json = kept(tableFromFile(file));
          const whole = kept(tableFromArrow(eventsToArrow(file)).table);
          const split = eventsToArrowFiles(file);
          const core = tableFromArrow(split.core).table;
          const joined = core.withDetails?.(split.details);
          expect(joined).toBeDefined();
          expect(whole).toEqual(json);
          expect(kept((joined as { table: typeof core }).table)).toEqual(json);
          // Every broken event is gone, except one whose id another (kept) event also had.
          expect(json.length).toBeLessThan(events.length);
        },
      ),
      { numRuns: 60, seed: 5 },
    );
  });
});
