/**
 * Arrow vectors decoded straight into typed arrays: validity bitmaps, utf8 search by bytes, dictionary
 * and list-of-dictionary codes. A method call per row costs more than the rest of a column pass, so
 * these read Arrow's buffers (Data.values, valueOffsets, nullBitmap, children) directly.
 */
import type { Vector } from 'apache-arrow';
import { Codes } from './codes.ts';

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

/** Whether the UTF-8 value at offsets[i] .. offsets[i + 1] of `bytes` is `want`, byte for byte. */
export function utf8At(offsets: ArrayLike<number>, bytes: Uint8Array, i: number, want: Uint8Array): boolean {
  const start = offsets[i] as number;
  if ((offsets[i + 1] as number) - start !== want.length) return false;
  for (let j = 0; j < want.length; j++) if (bytes[start + j] !== want[j]) return false;
  return true;
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
      if (utf8At(offsets, bytes, data.offset + i, want) && (!data.nullBitmap?.length || data.getValid(i))) {
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
  const codes = new Codes(ids);
  let at = 0;
  for (const data of vector.data) {
    const words = (data.dictionary?.toArray() ?? []) as string[];
    const remap = Int32Array.from(words, (w) => codes.code(w));
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
  /** For a list of structs, the name of the dictionary field to read. */
  field?: string,
): { offsets: Uint32Array; codes: Int32Array } {
  const offsets = new Uint32Array(vector.length + 1);
  const parts: Int32Array[] = [];
  let total = 0;
  let row = 0;
  for (const data of vector.data) {
    const vo = data.valueOffsets as Int32Array;
    const item = data.children[0];
    const child = field === undefined ? item : item?.children[structField(item.type, field)];
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

/** The position of a struct's field by name (files from elsewhere may order fields differently);
 * -1 when it has none and the field is not `required`. */
export function structField(
  type: { children?: { name: string }[] } | undefined,
  name: string,
  required = true,
): number {
  const at = type?.children?.findIndex((f) => f.name === name) ?? -1;
  if (at < 0 && required) throw new Error(`a struct column without the field "${name}"`);
  return at;
}
