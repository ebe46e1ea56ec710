/** Test data: the real pipeline output for seeds/ (the same set the unit tests use). */
export { loneEvent, multiSource, seedEvents as seedData } from '../src/testing/seed-data.ts';
