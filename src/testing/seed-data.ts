/**
 * Test data shared by unit tests, e2e tests and the bench: the real pipeline output for seeds/
 * (public/data), read and validated the way the app reads it. Never imported by product code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type EventsFile, parseEventsFile } from '../shared/schema.ts';

export const seedEvents: EventsFile = parseEventsFile(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../public/data/events.json', import.meta.url)), 'utf8')),
).data;

/** An event reported by more than one passage (the merge the pipeline must make). */
export const multiSource = seedEvents.events.find((e) => e.sources.length > 1);

/** An event alone at its place, so a click on its marker can only mean it. */
export const loneEvent = seedEvents.events.find(
  (e) =>
    e.place.precision === 'town' &&
    seedEvents.events.filter(
      (o) => Math.abs(o.place.lat - e.place.lat) + Math.abs(o.place.lon - e.place.lon) < 0.5,
    ).length === 1,
);
