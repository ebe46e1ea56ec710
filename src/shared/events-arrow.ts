/**
 * The columnar companion of events.json: the same events as an Apache Arrow IPC file (events.arrow),
 * for data sets too large to parse as JSON in a browser. One row per event, ordered by date then id;
 * the envelope (schemaVersion, generatedAt, actors, eventTypes, articles) is JSON in the schema
 * metadata under `conflict-atlas`. Shared by the pipeline (writer) and the app (reader).
 *
 * Columns: EVENT_COLUMNS in arrow-columns.ts (dates are days since 1970-01-01, UTC); the README lists them.
 */
import { Table, tableFromIPC, tableToIPC, type Vector } from 'apache-arrow';
import { arrowProblem } from './arrow-check.ts';
import { CORE_COLUMNS, columns, DETAIL_COLUMNS, EVENT_COLUMNS, WHOLE_COLUMNS } from './arrow-columns.ts';
import { arrowLayoutProblem } from './arrow-ipc-check.ts';
import type { ConflictEvent, EventsFile } from './schema.ts';

export { isArrowBytes } from './arrow-magic.ts';

export const ARROW_METADATA_KEY = 'conflict-atlas';

/** Events in the order every reader relies on: by date, then id. */
export function sortEvents(events: ConflictEvent[]): ConflictEvent[] {
  return [...events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** Schema metadata of a core file naming its details file (a path relative to the core file). */
export const DETAILS_METADATA_KEY = 'conflict-atlas-details';
export const DETAILS_FILE = 'events.details.arrow';

const pick = (all: Record<string, Vector>, names: string[]) =>
  new Table(Object.fromEntries(names.map((n) => [n, all[n] as Vector])));

/** Writes an events file as one Arrow IPC file (bytes) with every column. */
export function eventsToArrow(file: EventsFile): Uint8Array {
  const table = pick(columns(sortEvents(file.events)), WHOLE_COLUMNS);
  const { events: _events, ...envelope } = file;
  table.schema.metadata.set(ARROW_METADATA_KEY, JSON.stringify(envelope));
  return tableToIPC(table, 'file');
}

/**
 * Writes an events file as two Arrow files, rows in the same order: `core` (events.arrow: what the
 * map, the timeline and the filters need, about a third of the bytes) and `details`
 * (events.details.arrow: ids, summaries, places' names, sources), which the app loads after the
 * first draw.
 */
export function eventsToArrowFiles(file: EventsFile): { core: Uint8Array; details: Uint8Array } {
  const all = columns(sortEvents(file.events));
  const core = pick(all, CORE_COLUMNS);
  const { events: _events, ...envelope } = file;
  core.schema.metadata.set(ARROW_METADATA_KEY, JSON.stringify(envelope));
  core.schema.metadata.set(DETAILS_METADATA_KEY, DETAILS_FILE);
  return { core: tableToIPC(core, 'file'), details: tableToIPC(pick(all, DETAIL_COLUMNS), 'file') };
}

export interface ArrowEvents {
  envelope: unknown;
  table: Table;
  /** For a core file, its details file (relative to it). */
  detailsFile: string | null;
}

const SPEC = new Map(EVENT_COLUMNS.map((c) => [c.name, c]));

/** The table, once its layout (arrow-ipc-check.ts) and its columns' structure (arrow-check.ts) are
 * checked: neither apache-arrow nor a reader meets a length it cannot trust. */
function readTable(bytes: Uint8Array): Table {
  const layout = arrowLayoutProblem(bytes);
  if (layout) throw new Error(`not a readable Arrow file (${layout})`);
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    throw new Error(`not a readable Arrow file (${(e as Error).message})`);
  }
  const problem = arrowProblem(table);
  if (problem) throw new Error(`a damaged Arrow file: ${problem}`);
  return table;
}

function checkColumns(table: Table, names: string[]): void {
  for (const name of names) {
    const spec = SPEC.get(name);
    if (!spec || spec.optional) continue;
    const child = table.getChild(name);
    if (!child) throw new Error(`an Arrow file without the column "${name}"`);
    const actual = String(child.type);
    const kind = spec.kind;
    if (!actual.startsWith(kind))
      throw new Error(`an Arrow file whose column "${name}" is ${actual}, not ${kind}`);
  }
}

/** Reads an Arrow events file (whole, or the core of a split set); throws with a precise message. */
export function readEventsArrow(bytes: Uint8Array): ArrowEvents {
  const table = readTable(bytes);
  const meta = table.schema.metadata.get(ARROW_METADATA_KEY);
  if (!meta) throw new Error(`an Arrow file without the "${ARROW_METADATA_KEY}" metadata`);
  let envelope: unknown;
  try {
    envelope = JSON.parse(meta);
  } catch {
    throw new Error(`an Arrow file whose "${ARROW_METADATA_KEY}" metadata is not JSON`);
  }
  const detailsFile = table.schema.metadata.get(DETAILS_METADATA_KEY) ?? null;
  checkColumns(table, detailsFile ? CORE_COLUMNS : WHOLE_COLUMNS);
  return { envelope, table, detailsFile };
}

/** Reads the details file of a split set; it must have as many rows as its core file. */
export function readDetailsArrow(bytes: Uint8Array, rows: number): Table {
  const table = readTable(bytes);
  checkColumns(table, DETAIL_COLUMNS);
  if (table.numRows !== rows) throw new Error(`a details file with ${table.numRows} rows for ${rows} events`);
  return table;
}
