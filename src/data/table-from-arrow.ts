/**
 * The event table from an Arrow events file (whole, or the core of a split set whose details arrive
 * later). The envelope is validated with the contract; each row is checked (coordinates, dates,
 * precisions, sources) and a bad row is dropped and reported, not fatal.
 */
import type { Table, Vector } from 'apache-arrow';
import { DETAIL_READERS, type EventDraft } from '../shared/arrow-columns.ts';
import { isoOfDay } from '../shared/days.ts';
import { readDetailsArrow, readEventsArrow } from '../shared/events-arrow.ts';
import {
  type ConflictEvent,
  eventsFileSchema,
  type Issue,
  outsideSpan,
  type PlacePrecision,
  placePrecisions,
  plausibleDays,
} from '../shared/schema.ts';
import { searchFold } from '../shared/search-text.ts';
import { badDetails } from './arrow-details-check.ts';
import { dictionaryCodes, findUtf8, listCodes, structField, validity } from './arrow-vectors.ts';
import type { EventTable, LoadedTable } from './event-table.ts';

/** The row whose list (offsets, one more than rows) holds item number `item`. */
function rowOfItem(offsets: Uint32Array, item: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] as number) <= item) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** File row → table row, for a table whose rows were reordered or dropped on load. */
const rowIndexes = new WeakMap<Uint32Array, Int32Array>();
function rowIndex(rows: Uint32Array): Int32Array {
  let index = rowIndexes.get(rows);
  if (!index) {
    let max = 0;
    for (const r of rows) max = Math.max(max, r);
    index = new Int32Array(max + 1).fill(-1);
    rows.forEach((r, k) => {
      (index as Int32Array)[r] = k;
    });
    rowIndexes.set(rows, index);
  }
  return index;
}

/**
 * Columns from an Arrow events file. The envelope is validated with the contract; each row is checked
 * (coordinates, dates, precisions, sources) and a bad row is dropped and reported, not fatal.
 */
export function tableFromArrow(bytes: Uint8Array): LoadedTable {
  const { envelope, table: arrow, detailsFile } = readEventsArrow(bytes);
  const parsedMeta = eventsFileSchema.omit({ events: true }).safeParse(envelope);
  if (!parsedMeta.success) {
    const i = parsedMeta.error.issues[0];
    throw new Error(`an Arrow file with a bad envelope: ${i?.path.join('.') || '(root)'}: ${i?.message}`);
  }
  const meta = parsedMeta.data;
  const n = arrow.numRows;
  const col = (name: string) => {
    const v = arrow.getChild(name);
    if (!v) throw new Error(`an Arrow file without the column "${name}"`);
    return v;
  };
  const typeIds = meta.eventTypes.map((t) => t.id);
  const actorIds = meta.actors.map((a) => a.id);
  const articleIds = meta.articles.map((a) => a.id);
  const type = dictionaryCodes(col('type'), typeIds);
  const precisionWords: string[] = [...placePrecisions];
  const precision = dictionaryCodes(col('place_precision'), precisionWords);
  const dayVec = col('date');
  const endVec = col('date_end');
  const day = dayVec.toArray() as Int32Array;
  const endRaw = endVec.toArray() as Int32Array;
  const lat = col('lat').toArray() as Float64Array;
  const lon = col('lon').toArray() as Float64Array;
  const actors = listCodes(col('actors'), actorIds);
  // A split set's core file lists each event's source articles; a whole file has the sources.
  const sources = detailsFile
    ? listCodes(col('source_articles'), articleIds)
    : listCodes(col('sources'), articleIds, 'article_id');

  // Row checks: what the zod schema checks for JSON, on columns.
  const keep = new Uint8Array(n);
  const reasons: Issue[] = [];
  let dropped = 0;
  const reject = (i: number, path: string, message: string) => {
    dropped += 1;
    if (reasons.length < 5) reasons.push({ path: `events.${i}.${path}`, message });
  };
  const [firstDay, lastDay] = plausibleDays(meta.generatedAt);
  const spanMessage = outsideSpan(meta.generatedAt);
  const endValid = validity(endVec);
  const dayValid = validity(dayVec);
  const dayEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const d = day[i] as number;
    const end = endValid && !endValid[i] ? d : (endRaw[i] as number);
    dayEnd[i] = end;
    const lt = lat[i] as number;
    const ln = lon[i] as number;
    if (dayValid && !dayValid[i]) reject(i, 'date', 'missing date');
    else if (!(lt >= -90 && lt <= 90)) reject(i, 'place.lat', 'latitude outside -90…90');
    else if (!(ln >= -180 && ln <= 180)) reject(i, 'place.lon', 'longitude outside -180…180');
    else if (end < d) reject(i, 'dateEnd', 'dateEnd is before date');
    else if (d < firstDay || end > lastDay) reject(i, d < firstDay ? 'date' : 'dateEnd', spanMessage);
    else if ((type[i] as number) < 0 || typeIds[type[i] as number] === '') reject(i, 'type', 'missing type');
    else if ((precision[i] as number) < 0 || (precision[i] as number) >= placePrecisions.length)
      reject(i, 'place.precision', `not one of ${placePrecisions.join(', ')}`);
    else if ((sources.offsets[i + 1] as number) <= (sources.offsets[i] as number))
      reject(i, 'sources', 'an event needs at least one source');
    else keep[i] = 1;
  }
  // A whole file's details now, on the rows the core checks kept; a split set's when they arrive.
  if (!detailsFile) {
    const bad = badDetails(
      arrow,
      articleIds,
      reject,
      Uint8Array.from(keep, (k) => 1 - k),
    );
    for (let i = 0; i < n; i++) if (bad[i]) keep[i] = 0;
  }

  /**
   * The kept rows in table order, by date then id (the writer sorts so; a file from elsewhere may not
   * be; a split set's core has no ids, so its ties keep file order), and the columns in that order.
   * Made once for the core, and again when a split set's details drop rows.
   */
  const arrange = (keep: Uint8Array, all: boolean) => {
    let sorted = all;
    for (let i = 1; sorted && i < n; i++) if ((day[i] as number) < (day[i - 1] as number)) sorted = false;
    let rows: Uint32Array | null = null;
    if (!sorted) {
      const kept: number[] = [];
      for (let i = 0; i < n; i++) if (keep[i]) kept.push(i);
      const idVec = detailsFile ? null : col('id');
      const ids = new Map(kept.map((i) => [i, idVec ? String(idVec.get(i)) : '']));
      const idOf = (i: number) => ids.get(i) ?? '';
      rows = Uint32Array.from(kept).sort(
        (a, b) => (day[a] as number) - (day[b] as number) || idOf(a).localeCompare(idOf(b)) || a - b,
      );
    }
    const m = rows ? rows.length : n;
    const pick = <A extends Int32Array | Float64Array | Uint8Array>(src: A, make: (k: number) => A): A => {
      if (!rows) return src;
      const out = make(m);
      for (let k = 0; k < m; k++) out[k] = src[rows[k] as number] as number;
      return out;
    };
    const pickList = (list: { offsets: Uint32Array; codes: Int32Array }) => {
      if (!rows) return list;
      const offsets = new Uint32Array(m + 1);
      const codes: number[] = [];
      for (let k = 0; k < m; k++) {
        const r = rows[k] as number;
        for (let j = list.offsets[r] as number; j < (list.offsets[r + 1] as number); j++)
          codes.push(list.codes[j] as number);
        offsets[k + 1] = codes.length;
      }
      return { offsets, codes: Int32Array.from(codes) };
    };
    const actorList = pickList(actors);
    const sourceList = pickList(sources);
    const columns = {
      meta,
      size: m,
      day: pick(day, (k) => new Int32Array(k)),
      dayEnd: pick(dayEnd, (k) => new Int32Array(k)),
      lon: pick(lon, (k) => new Float64Array(k)),
      lat: pick(lat, (k) => new Float64Array(k)),
      type: pick(type, (k) => new Int32Array(k)),
      typeIds,
      precision: pick(Uint8Array.from(precision), (k) => new Uint8Array(k)),
      actorStart: actorList.offsets,
      actorCodes: actorList.codes,
      actorIds,
      sourceStart: sourceList.offsets,
      sourceArticles: sourceList.codes,
      articleIds,
      detailsFile,
    };
    return { rows, columns, rowAt: (k: number) => (rows ? (rows[k] as number) : k) };
  };
  type Arranged = ReturnType<typeof arrange>;

  /** The table over these columns, with its details (a whole file, or a split set's once loaded) or
   * without (a split set's core, before its details arrive). */
  const tableWith = (details: Table | null, { rows, columns, rowAt }: Arranged): EventTable => {
    const need = () => {
      if (!details) throw new Error('event details are not loaded yet');
      return details;
    };
    const dget = (name: string, r: number): unknown => need().getChild(name)?.get(r) ?? null;

    const event = (k: number): ConflictEvent => {
      const r = rowAt(k);
      const end = endValid && !endValid[r] ? undefined : isoOfDay(endRaw[r] as number);
      // The core columns from their typed arrays; the details columns as EVENT_COLUMNS says.
      const e: EventDraft = {
        id: '',
        type: typeIds[type[r] as number] as string,
        summary: '',
        date: isoOfDay(day[r] as number),
        ...(end ? { dateEnd: end } : {}),
        datePrecision: 'day',
        place: {
          name: '',
          lat: lat[r] as number,
          lon: lon[r] as number,
          country: '',
          precision: placePrecisions[precision[r] as number] as PlacePrecision,
        },
        actors: [...((need().getChild('actors') ?? arrow.getChild('actors'))?.get(r) ?? [])].map(String),
        sources: [],
      };
      for (const c of DETAIL_READERS) {
        const value = dget(c.name, r);
        if (value !== null && value !== undefined) c.read?.(value, e);
      }
      return e as ConflictEvent;
    };
    return {
      ...columns,
      hasDetails: details !== null,
      withDetails(detailBytes) {
        const problems: Issue[] = [];
        let count = 0;
        const t = readDetailsArrow(detailBytes, n);
        // A row whose details break the contract is dropped (the map then redraws without it).
        const bad = badDetails(
          t,
          articleIds,
          (i, path, message) => {
            count += 1;
            if (problems.length < 5) problems.push({ path: `events.${i}.${path}`, message });
          },
          Uint8Array.from(keep, (k) => 1 - k),
          sources,
        );
        if (count === 0) return { table: tableWith(t, arranged), count, reasons: problems };
        const stillKept = keep.map((k, i) => (k && !bad[i] ? 1 : 0));
        return { table: tableWith(t, arrange(stillKept, false)), count, reasons: problems };
      },
      event,
      rowOf: (id) => {
        if (!details) return -1;
        // Rows are found by scanning the id bytes (a link or a click names one event at a time); a
        // merged source's key is looked up in the sources' key column, then mapped to its row.
        const idVec = need().getChild('id') as Vector;
        let row = findUtf8(idVec, id, true)[0] ?? -1;
        if (row < 0) {
          // A file from elsewhere may have no key field: then no id is a merged source's key.
          const keyData = (need().getChild('sources') as Vector).data
            .map((d) => d.children[0]?.children[structField(d.children[0]?.type, 'key', false)])
            .filter((d) => d !== undefined);
          const item = findUtf8({ data: keyData } as unknown as Vector, id, true)[0];
          if (item !== undefined)
            row = rowOfItem(listCodes(need().getChild('sources') as Vector, [], 'article_id').offsets, item);
        }
        if (row < 0 || !rows) return row;
        return rowIndex(rows)[row] ?? -1;
      },
      // Not cached: the search index (state/search-index.ts) keeps what it reads.
      text: (k) =>
        details
          ? searchFold(`${dget('summary', rowAt(k)) ?? ''}\n${dget('place_name', rowAt(k)) ?? ''}`)
          : '',
    };
  };
  const arranged = arrange(keep, dropped === 0);
  return { table: tableWith(detailsFile ? null : arrow, arranged), dropped: { count: dropped, reasons } };
}
