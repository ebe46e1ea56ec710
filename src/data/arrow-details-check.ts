/**
 * The contract's rules for what an event's details hold (eventSchema in shared/schema.ts), checked
 * column by column on an Arrow table (a whole file, or a split set's details file) so that a row the app
 * keeps reads back as a valid event: an id that is present and used once, a place name, a country code,
 * a date precision, at least one source, each with an article and a passage that runs forward from a
 * non-negative offset, no negative toll. For a split set, each row's sources must name the articles its
 * core row listed (the filters counted those). Buffers are read directly (arrow-vectors.ts): a method
 * call per row would cost more than the checks.
 */
import type { Table, Vector } from 'apache-arrow';
import { datePrecisions } from '../shared/schema.ts';
import { dictionaryCodes, listCodes, structField } from './arrow-vectors.ts';

const COUNTRY = /^[A-Z]{2}$/;

/** Per row, the byte length of a utf8 value, or -1 for a null. */
function utf8Lengths(vector: Vector): Int32Array {
  const out = new Int32Array(vector.length);
  let at = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const bits = data.nullCount > 0 ? data.nullBitmap : null;
    for (let i = 0; i < data.length; i++) {
      const k = data.offset + i;
      const valid = !bits || ((bits[k >> 3] as number) >> (k & 7)) & 1;
      out[at + i] = valid ? (offsets[k + 1] as number) - (offsets[k] as number) : -1;
    }
    at += data.length;
  }
  return out;
}

/** The numbers of one field of a list-of-structs column, item by item (NaN for a null). */
function listStructNumbers(vector: Vector, field: string): Float64Array {
  const parts: number[] = [];
  for (const data of vector.data) {
    const vo = data.valueOffsets as Int32Array;
    const item = data.children[0];
    const child = item?.children[structField(item.type, field)];
    if (!item || !child) throw new Error(`a list column without the field "${field}"`);
    const values = child.values as ArrayLike<number>;
    const bits = child.nullCount > 0 ? child.nullBitmap : null;
    for (let j = vo[data.offset] as number; j < (vo[data.offset + data.length] as number); j++) {
      const k = item.offset + j + child.offset;
      const valid = !bits || ((bits[k >> 3] as number) >> (k & 7)) & 1;
      parts.push(valid ? (values[k] as number) : Number.NaN);
    }
  }
  return Float64Array.from(parts);
}

/** Per row, whether its utf8 value is valid UTF-8 (a damaged id decodes to text whose bytes are not its
 * own, so a link to it could never find it). The column's bytes are checked at once by a strict
 * decoder; then each value must start on a character's first byte. */
function validUtf8(vector: Vector): Uint8Array {
  const out = new Uint8Array(vector.length).fill(1);
  const strict = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    const first = offsets[data.offset] as number;
    const last = offsets[data.offset + data.length] as number;
    let whole = true;
    try {
      strict.decode(bytes.subarray(first, last));
    } catch {
      whole = false;
    }
    for (let i = 0; i < data.length; i++) {
      const from = offsets[data.offset + i] as number;
      const to = offsets[data.offset + i + 1] as number;
      const continuation = from < to && ((bytes[from] as number) & 0xc0) === 0x80;
      if (whole && !continuation) continue;
      try {
        strict.decode(bytes.subarray(from, to));
      } catch {
        out[at + i] = 0;
      }
    }
    at += data.length;
  }
  return out;
}

/** Row i's id bytes as a 32-bit FNV-1a hash (for finding repeated ids without decoding them). */
function idHashes(vector: Vector): Uint32Array {
  const out = new Uint32Array(vector.length);
  let at = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    for (let i = 0; i < data.length; i++) {
      let h = 0x811c9dc5;
      for (let j = offsets[data.offset + i] as number; j < (offsets[data.offset + i + 1] as number); j++)
        h = Math.imul(h ^ (bytes[j] as number), 0x01000193);
      out[at + i] = h >>> 0;
    }
    at += data.length;
  }
  return out;
}

/** Rows whose id repeats an earlier row's (an open-addressing table of hashes; equal hashes compared
 * as strings, which only true repeats and rare collisions reach). */
function repeatedIds(vector: Vector, skip: Uint8Array): Uint8Array {
  const n = vector.length;
  const hashes = idHashes(vector);
  let size = 1;
  while (size < n * 2) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const repeated = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (skip[i]) continue;
    const h = hashes[i] as number;
    for (let s = h & (size - 1); ; s = (s + 1) & (size - 1)) {
      const other = slots[s] as number;
      if (other < 0) {
        slots[s] = i;
        break;
      }
      if (hashes[other] === h && vector.get(other) === vector.get(i)) {
        repeated[i] = 1;
        break;
      }
    }
  }
  return repeated;
}

/**
 * Rows of `t` whose details break the contract (1), each reported through `report` with the field
 * and the rule, among the rows not `dropped` already. `coreArticles`: for a split set, the articles its core file lists per row.
 */
export function badDetails(
  t: Table,
  articleIds: string[],
  report: (row: number, path: string, message: string) => void,
  /** Rows already dropped (by the core's checks): not checked again, and their ids do not count. */
  dropped: Uint8Array,
  coreArticles?: { offsets: Uint32Array; codes: Int32Array },
): Uint8Array {
  const n = t.numRows;
  const col = (name: string) => t.getChild(name) as Vector;
  const bad = new Uint8Array(n);
  const precisionWords: string[] = [...datePrecisions];
  const datePrecision = dictionaryCodes(col('date_precision'), precisionWords);
  const countryWords: string[] = [];
  const country = dictionaryCodes(col('country'), countryWords);
  const badCountry = countryWords.map((c) => !COUNTRY.test(c));
  const placeWords: string[] = [];
  const place = dictionaryCodes(col('place_name'), placeWords);
  const idLength = utf8Lengths(col('id'));
  const idValid = validUtf8(col('id'));
  const summaryLength = utf8Lengths(col('summary'));
  const fatalities = t.getChild('fatalities');
  const sources = listCodes(col('sources'), [...articleIds], 'article_id');
  const start = listStructNumbers(col('sources'), 'start');
  const end = listStructNumbers(col('sources'), 'end');
  const flag = (i: number, path: string, message: string) => {
    bad[i] = 1;
    report(i, path, message);
  };
  for (let i = 0; i < n; i++) {
    if (dropped[i]) continue;
    if ((idLength[i] as number) <= 0) flag(i, 'id', 'missing id');
    else if (!idValid[i]) flag(i, 'id', 'not valid UTF-8');
    else if ((summaryLength[i] as number) < 0) flag(i, 'summary', 'missing summary');
    else if ((datePrecision[i] as number) < 0 || (datePrecision[i] as number) >= datePrecisions.length)
      flag(i, 'datePrecision', `not one of ${datePrecisions.join(', ')}`);
    else if ((place[i] as number) < 0 || placeWords[place[i] as number] === '')
      flag(i, 'place.name', 'missing place name');
    else if ((country[i] as number) < 0 || badCountry[country[i] as number])
      flag(i, 'place.country', 'expected an ISO 3166-1 alpha-2 code');
    else if (
      fatalities &&
      (fatalities.get(i) as number | null) !== null &&
      !((fatalities.get(i) as number) >= 0)
    )
      flag(i, 'fatalities', 'a negative number of deaths');
    else {
      const from = sources.offsets[i] as number;
      const to = sources.offsets[i + 1] as number;
      if (to <= from) flag(i, 'sources', 'an event needs at least one source');
      for (let j = from; j < to && !bad[i]; j++) {
        const s = start[j] as number;
        const e = end[j] as number;
        if ((sources.codes[j] as number) < 0) flag(i, `sources.${j - from}.articleId`, 'missing article');
        else if (!(Number.isInteger(s) && s >= 0 && Number.isInteger(e)))
          flag(i, `sources.${j - from}`, 'a passage needs whole, non-negative start and end offsets');
        else if (e <= s) flag(i, `sources.${j - from}`, 'source end must be after start');
      }
      if (!bad[i] && coreArticles) {
        const c0 = coreArticles.offsets[i] as number;
        let same = (coreArticles.offsets[i + 1] as number) - c0 === to - from;
        for (let k = 0; same && k < to - from; k++)
          same = sources.codes[from + k] === coreArticles.codes[c0 + k];
        if (!same) flag(i, 'sources', 'its sources are not the articles the core file lists for it');
      }
    }
  }
  // Last, as the JSON reader does: of two events with one id, the first that is otherwise valid stays.
  const repeated = repeatedIds(
    col('id'),
    bad.map((b, i) => b | (dropped[i] as number)),
  );
  for (let i = 0; i < n; i++)
    if (repeated[i]) flag(i, 'id', `a second event with the id "${String(col('id').get(i))}"`);
  return bad;
}
