/**
 * A full structural check of an Arrow table as apache-arrow decoded it, before any reader touches a
 * value (Arrow C++ calls this ValidateFull; apache-arrow for JavaScript has none). apache-arrow takes an
 * IPC file's lengths and offsets on trust: a damaged file gives views whose offsets run backwards or
 * past their buffers, list lengths in the billions and dictionary codes that point nowhere, and a
 * reader that believes them allocates gigabytes or loops for minutes. Here every length is checked
 * against its buffer, every offset list is checked to run forward inside its values, and every
 * dictionary code is checked to name an entry: one pass over the offsets and codes, no value decoded.
 * Only the types the events files use are accepted.
 */
import { type Data, type Table, Type } from 'apache-arrow';

/** Bytes per value of a fixed-width column. */
function widthOf(data: Data): number {
  const t = data.type as { bitWidth?: number; precision?: number; unit?: number };
  if (data.typeId === Type.Int) return (t.bitWidth ?? 32) / 8;
  if (data.typeId === Type.Float) return [2, 4, 8][t.precision ?? 2] as number;
  return t.unit === 0 ? 4 : 8; // Date: DAY as int32, MILLISECOND as int64
}

/** Whether offsets[from .. from + count] run forward, from ≥ 0, up to at most `limit`. */
function offsetsRunForward(offsets: ArrayLike<number>, from: number, count: number, limit: number): boolean {
  // No values need no offsets (an empty column may come without any).
  if (count === 0) return true;
  if (offsets.length < from + count + 1) return false;
  let previous = offsets[from] as number;
  if (!(previous >= 0)) return false;
  for (let i = from + 1; i <= from + count; i++) {
    const o = offsets[i] as number;
    if (!(o >= previous)) return false;
    previous = o;
  }
  return previous <= limit;
}

/** What is wrong with one column's data (and its children), or null. */
function dataProblem(data: Data, name: string): string | null {
  const end = data.offset + data.length;
  if (!(data.length >= 0 && data.offset >= 0)) return `${name}: a negative length or offset`;
  if (data.nullCount > data.length) return `${name}: more nulls than values`;
  const bits = data.nullBitmap;
  if (data.nullCount > 0 && bits && bits.length > 0 && bits.length * 8 < end)
    return `${name}: its validity bitmap is shorter than its values`;
  switch (data.typeId) {
    case Type.Int:
    case Type.Float:
    case Type.Date: {
      const values = data.values as ArrayLike<number> & { BYTES_PER_ELEMENT: number };
      const need = (end * widthOf(data)) / values.BYTES_PER_ELEMENT;
      return values.length >= need ? null : `${name}: fewer values than rows`;
    }
    case Type.Utf8:
      return offsetsRunForward(
        data.valueOffsets as Int32Array,
        data.offset,
        data.length,
        (data.values as Uint8Array).length,
      )
        ? null
        : `${name}: its text offsets run backwards or past its bytes`;
    case Type.List: {
      const child = data.children[0];
      if (!child) return `${name}: a list without values`;
      if (
        !offsetsRunForward(
          data.valueOffsets as Int32Array,
          data.offset,
          data.length,
          child.offset + child.length,
        )
      )
        return `${name}: its list offsets run backwards or past its values`;
      return dataProblem(child, `${name}[]`);
    }
    case Type.Struct:
      for (const [k, child] of data.children.entries()) {
        const field = (data.type as { children: { name: string }[] }).children[k]?.name ?? String(k);
        if (child.offset + child.length < end) return `${name}.${field}: fewer values than rows`;
        const problem = dataProblem(child, `${name}.${field}`);
        if (problem) return problem;
      }
      return null;
    case Type.Dictionary: {
      const codes = data.values as ArrayLike<number>;
      const size = data.dictionary?.length ?? 0;
      if (codes.length < end) return `${name}: fewer codes than rows`;
      for (const d of data.dictionary?.data ?? []) {
        const problem = dataProblem(d, `${name} (dictionary)`);
        if (problem) return problem;
      }
      const checkBits = data.nullCount > 0 && bits && bits.length > 0;
      for (let i = data.offset; i < end; i++) {
        const code = codes[i] as number;
        if (code >= 0 && code < size) continue;
        if (checkBits && !(((bits[i >> 3] as number) >> (i & 7)) & 1)) continue; // a null
        return `${name}: a code (${code}) outside its dictionary of ${size}`;
      }
      return null;
    }
    default:
      return `${name}: a column of type ${String(data.type)}, which events files do not use`;
  }
}

/** What is structurally wrong with the table, or null when every column's data is sound. */
export function arrowProblem(table: Table): string | null {
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name);
    if (!vector) continue;
    let rows = 0;
    for (const data of vector.data) {
      const problem = dataProblem(data, `column "${field.name}"`);
      if (problem) return problem;
      rows += data.length;
    }
    if (rows !== table.numRows) return `column "${field.name}": ${rows} values for ${table.numRows} rows`;
  }
  return null;
}
