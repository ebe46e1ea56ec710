/** Test data: the real pipeline output for seeds/ (the same set the unit tests use). */
import { seedEvents } from '../src/shared/test-data.ts';

export const seedData = seedEvents;

/** An event reported by more than one passage (the merge the pipeline must make). */
export const multiSource = seedData.events.find((e) => e.sources.length > 1);

/** An event alone at its place, so a click on its marker can only mean it. */
export const loneEvent = seedData.events.find(
  (e) =>
    e.place.precision === 'town' &&
    seedData.events.filter(
      (o) => Math.abs(o.place.lat - e.place.lat) + Math.abs(o.place.lon - e.place.lon) < 0.5,
    ).length === 1,
);
