/**
 * The columnar companion of events.json: the same events as an Apache Arrow IPC file (events.arrow),
 * for data sets too large to parse as JSON in a browser. One row per event, ordered by date then id;
 * the envelope (schemaVersion, generatedAt, actors, eventTypes, articles) is JSON in the schema
 * metadata under `conflict-atlas`. Shared by the pipeline (writer) and the app (reader).
 *
 * Columns: EVENT_COLUMNS below (dates are days since 1970-01-01, UTC); the README lists them.
 */
import {
  Dictionary,
  Field,
  Float64,
  Int8,
  Int16,
  Int32,
  List,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Uint32,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { dayOf } from './days.ts';
import type { ConflictEvent, EventsFile } from './schema.ts';

export const ARROW_METADATA_KEY = 'conflict-atlas';

/** A dictionary column with the narrowest index type its number of distinct values allows. */
const dict = (values: Iterable<unknown> = []) => {
  const distinct = new Set(values).size;
  return new Dictionary(
    new Utf8(),
    distinct < 128 ? new Int8() : distinct < 32_768 ? new Int16() : new Int32(),
  );
};
const dictList = (values: Iterable<unknown>) => new List(new Field('item', dict(values), true));
const sourceList = (articles: Iterable<unknown>) =>
  new List(
    new Field(
      'item',
      new Struct([
        new Field('article_id', dict(articles)),
        new Field('start', new Uint32()),
        new Field('end', new Uint32()),
        new Field('key', new Utf8(), true),
      ]),
    ),
  );

/** Events in the order every reader relies on: by date, then id. */
export function sortEvents(events: ConflictEvent[]): ConflictEvent[] {
  return [...events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

type Kind = 'Utf8' | 'Dictionary' | 'Int32' | 'Float64' | 'List';

/** A value being read back into an event (details columns fill it in). */
export type EventDraft = Omit<ConflictEvent, 'place'> & { place: Partial<ConflictEvent['place']> };

/**
 * One column of the Arrow files. Every list of columns (what is written, what each file must hold,
 * the README's column list, what the reader fills in) comes from EVENT_COLUMNS: adding an event field
 * is one entry here plus its use.
 */
export interface ColumnSpec {
  name: string;
  kind: Kind;
  /** core: what drawing, counting and filtering need (the first file a split set loads); details:
   * what reading an event needs. */
  part: 'core' | 'details';
  /** Values may be null (a `?` in the README). */
  nullable?: boolean;
  /** The column may be missing from a file (a file from elsewhere need not write it). */
  optional?: boolean;
  /** Only in a split set's core file (a whole file carries it in another column). */
  splitOnly?: boolean;
  /** The column's vector for events sorted by date then id. */
  write: (events: ConflictEvent[]) => Vector;
  /** For details columns: puts a row's (non-null) value into the event being read. */
  read?: (value: unknown, e: EventDraft) => void;
}

const utf8 = (get: (e: ConflictEvent) => string | null) => (events: ConflictEvent[]) =>
  vectorFromArray(events.map(get), new Utf8());
const coded = (get: (e: ConflictEvent) => string | null) => (events: ConflictEvent[]) => {
  const values = events.map(get);
  return vectorFromArray(values, dict(values));
};
const int32 = (get: (e: ConflictEvent) => number | null) => (events: ConflictEvent[]) =>
  vectorFromArray(events.map(get), new Int32());
const float64 = (get: (e: ConflictEvent) => number) => (events: ConflictEvent[]) =>
  vectorFromArray(events.map(get), new Float64());
const articlesOf = (events: ConflictEvent[]) => events.flatMap((e) => e.sources.map((s) => s.articleId));

export const EVENT_COLUMNS: readonly ColumnSpec[] = [
  {
    name: 'id',
    kind: 'Utf8',
    part: 'details',
    write: utf8((e) => e.id),
    read: (v, e) => {
      e.id = String(v);
    },
  },
  { name: 'type', kind: 'Dictionary', part: 'core', write: coded((e) => e.type) },
  {
    name: 'subtype',
    kind: 'Dictionary',
    part: 'details',
    nullable: true,
    optional: true,
    write: coded((e) => e.subtype ?? null),
    read: (v, e) => {
      if (v) e.subtype = String(v);
    },
  },
  {
    name: 'summary',
    kind: 'Utf8',
    part: 'details',
    write: utf8((e) => e.summary),
    read: (v, e) => {
      e.summary = String(v);
    },
  },
  { name: 'date', kind: 'Int32', part: 'core', write: int32((e) => dayOf(e.date)) },
  {
    name: 'date_end',
    kind: 'Int32',
    part: 'core',
    nullable: true,
    write: int32((e) => (e.dateEnd ? dayOf(e.dateEnd) : null)),
  },
  {
    name: 'date_precision',
    kind: 'Dictionary',
    part: 'details',
    write: coded((e) => e.datePrecision),
    read: (v, e) => {
      e.datePrecision = String(v) as ConflictEvent['datePrecision'];
    },
  },
  {
    name: 'place_name',
    kind: 'Dictionary',
    part: 'details',
    write: coded((e) => e.place.name),
    read: (v, e) => {
      e.place.name = String(v);
    },
  },
  { name: 'lat', kind: 'Float64', part: 'core', write: float64((e) => e.place.lat) },
  { name: 'lon', kind: 'Float64', part: 'core', write: float64((e) => e.place.lon) },
  {
    name: 'country',
    kind: 'Dictionary',
    part: 'details',
    write: coded((e) => e.place.country),
    read: (v, e) => {
      e.place.country = String(v);
    },
  },
  {
    name: 'admin1',
    kind: 'Dictionary',
    part: 'details',
    nullable: true,
    optional: true,
    write: coded((e) => e.place.admin1 ?? null),
    read: (v, e) => {
      if (v) e.place.admin1 = String(v);
    },
  },
  { name: 'place_precision', kind: 'Dictionary', part: 'core', write: coded((e) => e.place.precision) },
  {
    name: 'gazetteer_id',
    kind: 'Dictionary',
    part: 'details',
    nullable: true,
    optional: true,
    write: coded((e) => e.place.gazetteerId ?? null),
    read: (v, e) => {
      if (v) e.place.gazetteerId = String(v);
    },
  },
  {
    name: 'actors',
    kind: 'List',
    part: 'core',
    write: (events) =>
      vectorFromArray(
        events.map((e) => e.actors),
        dictList(events.flatMap((e) => e.actors)),
      ),
  },
  {
    name: 'source_articles',
    kind: 'List',
    part: 'core',
    splitOnly: true,
    write: (events) =>
      vectorFromArray(
        events.map((e) => e.sources.map((s) => s.articleId)),
        dictList(articlesOf(events)),
      ),
  },
  {
    name: 'sources',
    kind: 'List',
    part: 'details',
    write: (events) =>
      vectorFromArray(
        events.map((e) =>
          e.sources.map((s) => ({ article_id: s.articleId, start: s.start, end: s.end, key: s.key ?? null })),
        ),
        sourceList(articlesOf(events)),
      ),
    read: (v, e) => {
      e.sources = [...(v as Iterable<{ toJSON(): unknown }>)].map((s) => {
        const json = s.toJSON() as { article_id: string; start: number; end: number; key: string | null };
        return {
          articleId: json.article_id,
          start: json.start,
          end: json.end,
          ...(json.key ? { key: json.key } : {}),
        };
      });
    },
  },
];

const names = (keep: (c: ColumnSpec) => boolean) => EVENT_COLUMNS.filter(keep).map((c) => c.name);
/** What drawing, counting and filtering need: the first file a split data set loads. */
export const CORE_COLUMNS = names((c) => c.part === 'core');
/** What reading an event needs, loaded after the first draw. */
export const DETAIL_COLUMNS = names((c) => c.part === 'details');
/** Every column of a single (unsplit) file: the core's, then the details'. */
export const WHOLE_COLUMNS = [...names((c) => c.part === 'core' && !c.splitOnly), ...DETAIL_COLUMNS];
/** The details columns that fill in an event when it is read. */
export const DETAIL_READERS = EVENT_COLUMNS.filter((c) => c.part === 'details' && c.read);

/** Every column of the events, built once for one or two files. */
function columns(events: ConflictEvent[]): Record<string, Vector> {
  return Object.fromEntries(EVENT_COLUMNS.map((c) => [c.name, c.write(events)]));
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

/** Whether bytes look like an Arrow IPC file or stream (rather than JSON text). */
export function isArrowBytes(bytes: Uint8Array): boolean {
  const magic = String.fromCharCode(...bytes.subarray(0, 6));
  return (
    magic === 'ARROW1' || (bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff)
  );
}

export interface ArrowEvents {
  envelope: unknown;
  table: Table;
  /** For a core file, its details file (relative to it). */
  detailsFile: string | null;
}

const SPEC = new Map(EVENT_COLUMNS.map((c) => [c.name, c]));

function readTable(bytes: Uint8Array): Table {
  try {
    return tableFromIPC(bytes);
  } catch (e) {
    throw new Error(`not a readable Arrow file (${(e as Error).message})`);
  }
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

/** Per row, whether the value is present (1) or null (0); null when the column has no nulls at all.
 * Read from the validity bitmaps: a method call per row costs more than the rest of a column pass. */
export function validity(vector: Vector): Uint8Array | null {
  if (!vector.nullCount) return null;
  const out = new Uint8Array(vector.length);
  let at = 0;
  for (const data of vector.data) {
    const bits = data.nullBitmap;
    for (let i = 0; i < data.length; i++) {
      const bit = data.offset + i;
      out[at + i] = !bits || bits.length === 0 ? 1 : ((bits[bit >> 3] as number) >> (bit & 7)) & 1;
    }
    at += data.length;
  }
  return out;
}

/**
 * Positions (over all chunks) of a utf8 column's values equal to `text`, found by comparing bytes:
 * no string is decoded, so a million ids are scanned in milliseconds rather than turned into a map.
 */
export function findUtf8(vector: Vector | { data: Vector['data'] }, text: string, first = false): number[] {
  const want = new TextEncoder().encode(text);
  const hits: number[] = [];
  let at = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    for (let i = 0; i < data.length; i++) {
      const start = offsets[data.offset + i] as number;
      if ((offsets[data.offset + i + 1] as number) - start !== want.length) continue;
      let same = true;
      for (let j = 0; j < want.length && same; j++) same = bytes[start + j] === want[j];
      if (same && (!data.nullBitmap?.length || data.getValid(i))) {
        hits.push(at + i);
        if (first) return hits;
      }
    }
    at += data.length;
  }
  return hits;
}

/** A dictionary column as codes into `ids` (codes for unseen values are appended to `ids`); null → -1. */
export function dictionaryCodes(vector: Vector, ids: string[]): Int32Array {
  const out = new Int32Array(vector.length);
  const index = new Map(ids.map((id, i) => [id, i]));
  let at = 0;
  for (const data of vector.data) {
    const words = (data.dictionary?.toArray() ?? []) as string[];
    const remap = Int32Array.from(words, (w) => {
      let code = index.get(w);
      if (code === undefined) {
        code = ids.length;
        ids.push(w);
        index.set(w, code);
      }
      return code;
    });
    const values = data.values as Int32Array;
    const bits = data.nullCount > 0 ? data.nullBitmap : null;
    for (let i = 0; i < data.length; i++) {
      const bit = data.offset + i;
      const valid = !bits || ((bits[bit >> 3] as number) >> (bit & 7)) & 1;
      out[at + i] = valid ? (remap[values[bit] as number] ?? -1) : -1;
    }
    at += data.length;
  }
  return out;
}

/** A list-of-dictionary column as offsets (length + 1) and codes into `ids`. */
export function listCodes(
  vector: Vector,
  ids: string[],
  /** For a list of structs, the dictionary field to read (by position). */
  field?: number,
): { offsets: Uint32Array; codes: Int32Array } {
  const offsets = new Uint32Array(vector.length + 1);
  const parts: Int32Array[] = [];
  let total = 0;
  let row = 0;
  for (const data of vector.data) {
    const vo = data.valueOffsets as Int32Array;
    const item = data.children[0];
    const child = field === undefined ? item : item?.children[field];
    if (!child) throw new Error('a list column without values');
    const first = vo[data.offset] ?? 0;
    const last = vo[data.offset + data.length] ?? 0;
    const childVector = {
      data: [child.slice(first, last - first)],
      length: last - first,
    } as unknown as Vector;
    parts.push(dictionaryCodes(childVector, ids));
    for (let i = 0; i < data.length; i++) {
      row += 1;
      offsets[row] = total + ((vo[data.offset + i + 1] ?? 0) - first);
    }
    total += last - first;
  }
  const codes = new Int32Array(total);
  let at = 0;
  for (const p of parts) {
    codes.set(p, at);
    at += p.length;
  }
  return { offsets, codes };
}
