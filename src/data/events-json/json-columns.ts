/**
 * Events, batch by batch, into the table's columns: each event is checked against the contract, its
 * core values go into growing typed arrays, its bytes stay where they are in the store (it is read back
 * whole only when someone opens it). `finish` drops what only the whole file can show to be wrong
 * (duplicate ids, days outside the file's plausible span), puts the rows in table order (date, then
 * id) and hands out buffers that can be transferred between threads without a copy.
 */
import type { Envelope, Issue } from '../../shared/schema.ts';
import { outsideSpan, placePrecisions, plausibleDays } from '../../shared/schema.ts';
import { Codes } from '../codes.ts';
import type { EventColumns } from '../event-table.ts';
import type { ByteStore } from './byte-store.ts';
import { eventProblem } from './check-event.ts';

/** The table's columns as buffers, plus what reading an event back needs (see table-from-columns.ts). */
export interface JsonColumns extends EventColumns {
  /** The events list's bytes as they arrived (see byte-store.ts): row i's event is the JSON at positions
   * [eventStart[i], eventEnd[i]). */
  blocks: Uint8Array[];
  blockStarts: number[];
  eventStart: Uint32Array;
  eventEnd: Uint32Array;
  /** Row i's id as UTF-8: idBytes[idStart[i], idStart[i + 1]). */
  idBytes: Uint8Array;
  idStart: Uint32Array;
  /** Keys of merged sources (ids that now name a source of another event) and their rows. */
  keys: string[];
  keyRows: Int32Array;
  dropped: { count: number; reasons: Issue[] };
}

/** A growing typed array. */
class Grow<A extends Int32Array | Uint32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(
    public data: A,
    private readonly make: (n: number) => A,
  ) {}
  push(v: number) {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): A {
    return this.data.subarray(0, this.length) as A;
  }
}

const ints = (n = 1024) => new Grow(new Int32Array(n), (k) => new Int32Array(k));
const uints = (n = 1024) => new Grow(new Uint32Array(n), (k) => new Uint32Array(k));
const floats = (n = 1024) => new Grow(new Float64Array(n), (k) => new Float64Array(k));

/** Old code → new code, for the file's own list first, then the ids met that it does not list. */
function remap(met: Codes, listed: string[]): { ids: string[]; map: Int32Array } {
  const to = new Codes([...listed]);
  return { ids: to.ids, map: Int32Array.from(met.ids, (id) => to.code(id)) };
}

const PRECISION = new Map<unknown, number>(placePrecisions.map((p, i) => [p, i]));

/**
 * Rows in table order: by first day, ties in file order (a counting sort: linear, where sorting by id
 * as well cost seconds at a million rows; the pipeline writes each day's events by id).
 */
function byDay(rows: Uint32Array, day: Int32Array): Uint32Array {
  let sorted = true;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < rows.length; k++) {
    const d = day[rows[k] as number] as number;
    if (k > 0 && d < (day[rows[k - 1] as number] as number)) sorted = false;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (sorted) return rows;
  const counts = new Uint32Array(max - min + 2);
  for (const r of rows) {
    const at = (day[r] as number) - min + 1;
    counts[at] = (counts[at] as number) + 1;
  }
  for (let d = 1; d < counts.length; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
  const out = new Uint32Array(rows.length);
  for (const r of rows) {
    const at = (day[r] as number) - min;
    const to = counts[at] as number;
    counts[at] = to + 1;
    out[to] = r;
  }
  return out;
}

export class ColumnsBuilder {
  private day = ints();
  private dayEnd = ints();
  private lon = floats();
  private lat = floats();
  private type = ints();
  private precision = new Grow(new Uint8Array(1024), (k) => new Uint8Array(k));
  private actorStart = uints();
  private actorCodes = ints();
  private sourceStart = uints();
  private sourceArticles = ints();
  private eventStart = uints();
  private eventEnd = uints();
  private fileIndex = uints();
  private ids: string[] = [];
  private keys: string[] = [];
  private keyRows: number[] = [];
  private types = new Codes();
  private actors = new Codes();
  private articles = new Codes();
  private seen = new Set<string>();
  private days = new Int32Array(2);
  /** Elements read so far (kept or not): the index of the next in the file. */
  read = 0;
  dropped = 0;
  reasons: Issue[] = [];

  constructor() {
    this.actorStart.push(0);
    this.sourceStart.push(0);
  }

  get size(): number {
    return this.ids.length;
  }

  reject(index: number, issue: Issue) {
    this.dropped += 1;
    if (this.reasons.length < 5)
      this.reasons.push({
        path: ['events', index, issue.path].filter((p) => p !== '').join('.'),
        message: issue.message,
      });
  }

  /** An element that could not be read at all (not valid JSON). */
  skip(issue: Issue) {
    this.reject(this.read++, issue);
  }

  /** One event as parsed from the store's bytes [start, end). */
  add(e: unknown, start: number, end: number) {
    const index = this.read++;
    const issue = eventProblem(e, this.days);
    if (issue) return this.reject(index, issue);
    const ev = e as {
      id: string;
      type: string;
      place: { lat: number; lon: number; precision: string };
      actors: string[];
      sources: { articleId: string; key?: string }[];
    };
    if (this.seen.has(ev.id))
      return this.reject(index, { path: 'id', message: `a second event with the id "${ev.id}"` });
    this.seen.add(ev.id);
    const row = this.ids.length;
    this.ids.push(ev.id);
    this.fileIndex.push(index);
    this.day.push(this.days[0] as number);
    this.dayEnd.push(this.days[1] as number);
    this.lon.push(ev.place.lon);
    this.lat.push(ev.place.lat);
    this.type.push(this.types.code(ev.type));
    this.precision.push(PRECISION.get(ev.place.precision) as number);
    for (const a of ev.actors) this.actorCodes.push(this.actors.code(a));
    this.actorStart.push(this.actorCodes.length);
    for (const s of ev.sources) {
      this.sourceArticles.push(this.articles.code(s.articleId));
      if (s.key !== undefined && s.key !== ev.id) {
        this.keys.push(s.key);
        this.keyRows.push(row);
      }
    }
    this.sourceStart.push(this.sourceArticles.length);
    this.eventStart.push(start);
    this.eventEnd.push(end);
  }

  /** The columns in table order, with rows outside the file's plausible days dropped. */
  finish(meta: Envelope, store: ByteStore): JsonColumns {
    const [first, last] = plausibleDays(meta.generatedAt);
    const day = this.day.done();
    const dayEnd = this.dayEnd.done();
    const n = this.size;
    const keep: number[] = [];
    for (let r = 0; r < n; r++) {
      if ((day[r] as number) >= first && (dayEnd[r] as number) <= last) keep.push(r);
      else
        this.reject(this.fileIndex.data[r] as number, {
          path: (day[r] as number) < first ? 'date' : 'dateEnd',
          message: outsideSpan(meta.generatedAt),
        });
    }
    return this.columns(meta, store, byDay(Uint32Array.from(keep), day));
  }

  private columns(meta: Envelope, store: ByteStore, rows: Uint32Array): JsonColumns {
    const m = rows.length;
    const identity = m === this.size && rows.every((r, k) => r === k);
    const pick = <A extends Int32Array | Uint32Array | Float64Array | Uint8Array>(src: A): A => {
      if (identity) return src.slice() as A;
      const out = new (src.constructor as new (n: number) => A)(m);
      for (let k = 0; k < m; k++) out[k] = src[rows[k] as number] as number;
      return out;
    };
    const list = (start: Uint32Array, codes: Int32Array, remap: Int32Array) => {
      const offsets = new Uint32Array(m + 1);
      let total = 0;
      for (let k = 0; k < m; k++) {
        const r = rows[k] as number;
        total += (start[r + 1] as number) - (start[r] as number);
        offsets[k + 1] = total;
      }
      const out = new Int32Array(total);
      for (let k = 0; k < m; k++) {
        const r = rows[k] as number;
        let at = offsets[k] as number;
        for (let j = start[r] as number; j < (start[r + 1] as number); j++)
          out[at++] = remap[codes[j] as number] as number;
      }
      return { offsets, codes: out };
    };
    const types = remap(
      this.types,
      meta.eventTypes.map((t) => t.id),
    );
    const actors = remap(
      this.actors,
      meta.actors.map((a) => a.id),
    );
    const articles = remap(
      this.articles,
      meta.articles.map((a) => a.id),
    );
    const type = pick(this.type.done());
    for (let k = 0; k < m; k++) type[k] = types.map[type[k] as number] as number;
    const actorList = list(this.actorStart.done(), this.actorCodes.done(), actors.map);
    const sourceList = list(this.sourceStart.done(), this.sourceArticles.done(), articles.map);
    // Ids as UTF-8, one buffer: at most three bytes per UTF-16 unit.
    const encoder = new TextEncoder();
    let room = 0;
    for (const r of rows) room += (this.ids[r] as string).length * 3;
    const idBuffer = new Uint8Array(room);
    const idStart = new Uint32Array(m + 1);
    for (let k = 0; k < m; k++) {
      const id = this.ids[rows[k] as number] as string;
      let at = idStart[k] as number;
      // ASCII byte by byte (a call into the encoder per id costs more); anything else, encoded.
      let ascii = true;
      for (let j = 0; j < id.length && ascii; j++) ascii = id.charCodeAt(j) < 0x80;
      if (ascii) for (let j = 0; j < id.length; j++) idBuffer[at++] = id.charCodeAt(j);
      else at += encoder.encodeInto(id, idBuffer.subarray(at)).written;
      idStart[k + 1] = at;
    }
    const idBytes = idBuffer.slice(0, idStart[m] as number);
    const rowOfFileRow = new Int32Array(this.size).fill(-1);
    rows.forEach((r, k) => {
      rowOfFileRow[r] = k;
    });
    // Keys of rows dropped at the end point nowhere (-1).
    const keyRows = Int32Array.from(this.keyRows, (r) => rowOfFileRow[r] as number);
    return {
      meta,
      size: m,
      day: pick(this.day.done()),
      dayEnd: pick(this.dayEnd.done()),
      lon: pick(this.lon.done()),
      lat: pick(this.lat.done()),
      type,
      typeIds: types.ids,
      precision: pick(this.precision.done()),
      actorStart: actorList.offsets,
      actorCodes: actorList.codes,
      actorIds: actors.ids,
      sourceStart: sourceList.offsets,
      sourceArticles: sourceList.codes,
      articleIds: articles.ids,
      blocks: store.blocks,
      blockStarts: store.starts,
      eventStart: pick(this.eventStart.done()),
      eventEnd: pick(this.eventEnd.done()),
      idBytes,
      idStart,
      keys: this.keys,
      keyRows,
      dropped: { count: this.dropped, reasons: this.reasons },
    };
  }
}
