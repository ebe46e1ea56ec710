/**
 * Test data shared by unit and e2e tests: the real pipeline output for seeds/ (public/data), read
 * and validated the way the app reads it. Not imported by product code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type EventsFile, parseEventsFile } from './schema.ts';

export const seedEvents: EventsFile = parseEventsFile(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../public/data/events.json', import.meta.url)), 'utf8')),
).data;
