/**
 * The event table over the columns the events worker read from an events.json (see events-json/). The
 * columns are used as they arrive; an event is parsed back from its own bytes only when someone reads
 * it (a list row, the source panel, an export, a search), and those bytes were checked on the way in.
 */
import type { ConflictEvent, EventsFile } from '../shared/schema.ts';
import { searchFold } from '../shared/search-text.ts';
import { utf8At } from './arrow-vectors.ts';
import type { EventTable, LoadedTable } from './event-table.ts';
import { ByteStore } from './events-json/byte-store.ts';
import type { JsonColumns } from './events-json/json-columns.ts';
import { EventsJsonReader } from './events-json/read-events-json.ts';

export function tableFromColumns(c: JsonColumns): LoadedTable {
  const decoder = new TextDecoder();
  // Not cached: an export of a million rows would otherwise keep a million objects (the Arrow table
  // builds its events afresh too).
  const store = new ByteStore(c.blocks, c.blockStarts);
  const event = (i: number): ConflictEvent =>
    JSON.parse(
      decoder.decode(store.bytes(c.eventStart[i] as number, c.eventEnd[i] as number)),
    ) as ConflictEvent;
  const encoder = new TextEncoder();
  /** The row whose id is `id`, by comparing bytes: no id is decoded. */
  const rowOfId = (id: string): number => {
    const want = encoder.encode(id);
    for (let i = 0; i < c.size; i++) if (utf8At(c.idStart, c.idBytes, i, want)) return i;
    return -1;
  };
  const {
    blocks: _b,
    blockStarts: _bs,
    eventStart: _es,
    eventEnd: _ee,
    idBytes: _ib,
    idStart: _is,
    keys,
    keyRows,
    dropped,
    ...columns
  } = c;
  const table: EventTable = {
    ...columns,
    detailsFile: null,
    hasDetails: true,
    event,
    rowOf: (id) => {
      const row = rowOfId(id);
      if (row >= 0) return row;
      const k = keys.indexOf(id);
      return k < 0 ? -1 : (keyRows[k] as number);
    },
    // Not cached: the search index (state/search-index.ts) keeps what it reads.
    text: (i) => {
      const e = event(i);
      return searchFold(`${e.summary}\n${e.place.name}`);
    },
  };
  return { table, dropped };
}

/** The table of an events file held in memory (tests, tools): read as the page reads a download. */
export function tableFromFile(file: EventsFile): EventTable {
  const reader = new EventsJsonReader();
  reader.push(new TextEncoder().encode(JSON.stringify(file)));
  return tableFromColumns(reader.finish()).table;
}
