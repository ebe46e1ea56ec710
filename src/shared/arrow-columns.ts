/**
 * The Arrow files' columns, one entry each: name, kind, core or details, nullable, optional, how a
 * column is written from events and how a details value is read back into an event. Every list of
 * columns (what each file holds, what a reader checks, the README's list) comes from here.
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
  Uint32,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { dayOf } from './days.ts';
import type { ConflictEvent } from './schema.ts';

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
    // Optional: files written before fatalities existed still load.
    name: 'fatalities',
    kind: 'Int32',
    part: 'details',
    nullable: true,
    optional: true,
    write: int32((e) => e.fatalities ?? null),
    read: (v, e) => {
      if (typeof v === 'number') e.fatalities = v;
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
export function columns(events: ConflictEvent[]): Record<string, Vector> {
  return Object.fromEntries(EVENT_COLUMNS.map((c) => [c.name, c.write(events)]));
}
