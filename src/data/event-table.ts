/**
 * The app's one in-memory form of the events: columns of typed arrays (built once per data file),
 * ordered by date (a day's events in file order; the pipeline writes them by id), so filtering, counting and drawing a million events never touch an object
 * per event. An event is materialised as a ConflictEvent only when someone reads it (a list row, the
 * source panel, an export). Built from events.json (validated with the contract) or from its Arrow
 * companion (validated column by column: bad rows are dropped and reported, as for JSON).
 */

import type { ConflictEvent, Envelope, Issue } from '../shared/schema.ts';

/** The columns alone: what a reader builds, before the table's ways of reading one event are added. */
export interface EventColumns {
  meta: Envelope;
  size: number;
  /** Start and end day (days since 1970-01-01); end = start for a single day. Non-decreasing start. */
  day: Int32Array;
  dayEnd: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  /** Codes into typeIds (the file's event types first, then unknown ids met in the events). */
  type: Int32Array;
  typeIds: string[];
  /** Index into placePrecisions. */
  precision: Uint8Array;
  /** Actors of event i: actorCodes[actorStart[i] .. actorStart[i+1]), codes into actorIds. */
  actorStart: Uint32Array;
  actorCodes: Int32Array;
  actorIds: string[];
  /** Articles of event i's sources, codes into articleIds. */
  sourceStart: Uint32Array;
  sourceArticles: Int32Array;
  articleIds: string[];
}

export interface EventTable extends EventColumns {
  /** For a split Arrow set, the details file still to load (relative to the events file), else null. */
  detailsFile: string | null;
  /** Whether event(), rowOf() and text() can answer (always, except a split set before its details). */
  readonly hasDetails: boolean;
  /** A split set's core joined with its details file: a new table over the same columns (this one
   * is left as it is), and the rows whose details break the contract. */
  withDetails?(bytes: Uint8Array): { table: EventTable; count: number; reasons: Issue[] };
  /** The whole event at row i. */
  event(i: number): ConflictEvent;
  /** The row of an event id, or of the event that absorbed it (a merged source's key); -1 if none. */
  rowOf(id: string): number;
  /** Summary and place name of row i as search compares them (shared/search-text.ts). */
  text(i: number): string;
}

export interface LoadedTable {
  table: EventTable;
  dropped: { count: number; reasons: Issue[] };
}
