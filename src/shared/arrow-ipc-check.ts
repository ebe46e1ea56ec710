/**
 * The layout of an Arrow IPC file checked before apache-arrow reads it: the magic at both ends, the
 * footer, every block it lists and every message's metadata. apache-arrow trusts the flatbuffer
 * metadata: a damaged vector length makes it build a hundred million footer blocks or field nodes
 * (minutes, then out of memory) before anything can be checked. Here every table, vector and string of
 * the metadata that apache-arrow reads is bounds-checked against its buffer (a flatbuffers verifier, for
 * Arrow's File.fbs, Message.fbs and Schema.fbs), and every block and body region against the file. What
 * the decoded columns hold is checked afterwards (arrow-check.ts).
 */

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // ARROW1
/** Nested fields deeper than this, or more metadata objects than this, are refused (no events file
 * comes near: its schema has a few dozen fields, two levels deep). */
const MAX_DEPTH = 32;
const MAX_OBJECTS = 100_000;

class Damaged extends Error {}

/** A flatbuffer region with bounds-checked reads. */
class Flat {
  objects = 0;
  private view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(at: number, size: number, what: string) {
    if (!(at >= 0 && size >= 0 && at + size <= this.bytes.length))
      throw new Damaged(`${what} does not fit in its buffer`);
  }
  u16(at: number) {
    this.need(at, 2, 'a value');
    return this.view.getUint16(at, true);
  }
  i32(at: number) {
    this.need(at, 4, 'a value');
    return this.view.getInt32(at, true);
  }
  u32(at: number) {
    this.need(at, 4, 'a value');
    return this.view.getUint32(at, true);
  }
  i64(at: number) {
    this.need(at, 8, 'a value');
    return Number(this.view.getBigInt64(at, true));
  }
  count(what: string) {
    this.objects += 1;
    if (this.objects > MAX_OBJECTS) throw new Damaged(`${what}: more than ${MAX_OBJECTS} metadata objects`);
  }
  /** A table at `at`: the position of each field it has (0 for an absent field). */
  table(at: number, what: string): (field: number) => number {
    this.count(what);
    const vtable = at - this.i32(at);
    const vsize = this.u16(vtable);
    const tsize = this.u16(vtable + 2);
    if (vsize < 4 || vsize % 2) throw new Damaged(`${what}: a damaged table`);
    this.need(vtable, vsize, what);
    this.need(at, tsize, what);
    return (field: number) => {
      if (4 + field * 2 >= vsize) return 0;
      const offset = this.u16(vtable + 4 + field * 2);
      if (offset === 0) return 0;
      if (offset >= tsize) throw new Damaged(`${what}: a field outside its table`);
      return at + offset;
    };
  }
  /** The target of the reference stored at `at`. */
  ref(at: number): number {
    return at + this.u32(at);
  }
  /** A vector at the reference in field position `at`: its first element and length, checked to fit. */
  vector(at: number, elementSize: number, what: string): { first: number; length: number } {
    const v = this.ref(at);
    const length = this.u32(v);
    this.need(v + 4, length * elementSize, `${what} (${length} entries)`);
    return { first: v + 4, length };
  }
  string(at: number, what: string) {
    const { first, length } = this.vector(at, 1, what);
    this.need(first, length + 1, what); // and its terminating zero
  }
  /** A vector of tables, each checked by `check`. */
  tables(at: number, what: string, check: (table: number) => void) {
    const { first, length } = this.vector(at, 4, what);
    for (let k = 0; k < length; k++) check(this.ref(first + k * 4));
  }
}

function keyValues(f: Flat, at: number) {
  if (!at) return;
  f.tables(at, 'metadata', (kv) => {
    const field = f.table(kv, 'metadata');
    if (field(0)) f.string(field(0), 'a metadata key');
    if (field(1)) f.string(field(1), 'a metadata value');
  });
}

function checkField(f: Flat, at: number, depth: number) {
  if (depth > MAX_DEPTH) throw new Damaged(`fields nested more than ${MAX_DEPTH} deep`);
  const field = f.table(at, 'a field');
  if (field(0)) f.string(field(0), 'a field name');
  if (field(3)) {
    const type = f.table(f.ref(field(3)), 'a field type');
    const UNION = 14; // Union.typeIds is the one vector a type holds
    if (field(2) && f.bytes[field(2)] === UNION && type(1)) f.vector(type(1), 4, 'a union type');
  }
  if (field(4)) {
    const dictionary = f.table(f.ref(field(4)), 'a dictionary encoding');
    if (dictionary(1)) f.table(f.ref(dictionary(1)), 'a dictionary index type');
  }
  if (field(5)) f.tables(field(5), 'field children', (child) => checkField(f, child, depth + 1));
  keyValues(f, field(6));
}

function checkSchema(f: Flat, at: number) {
  const schema = f.table(at, 'the schema');
  if (schema(1)) f.tables(schema(1), 'the schema fields', (field) => checkField(f, field, 0));
  keyValues(f, schema(2));
  if (schema(3)) f.vector(schema(3), 8, 'schema features');
}

/** A record batch's metadata; its body regions are checked against `bodyLength`. */
function checkRecordBatch(f: Flat, at: number, bodyLength: number) {
  const batch = f.table(at, 'a record batch');
  const rows = batch(0) ? f.i64(batch(0)) : 0;
  if (rows < 0) throw new Damaged('a record batch with a negative row count');
  if (batch(1)) {
    const nodes = f.vector(batch(1), 16, 'field nodes');
    for (let k = 0; k < nodes.length; k++) {
      const length = f.i64(nodes.first + k * 16);
      const nulls = f.i64(nodes.first + k * 16 + 8);
      // Every value takes at least one bit of the body (a validity bit, a code, an offset).
      if (length < 0 || nulls < 0 || nulls > length || length > bodyLength * 8 + 64)
        throw new Damaged(
          `a field node of ${length} values (${nulls} null) in a body of ${bodyLength} bytes`,
        );
    }
  }
  if (batch(2)) {
    const buffers = f.vector(batch(2), 16, 'buffers');
    for (let k = 0; k < buffers.length; k++) {
      const offset = f.i64(buffers.first + k * 16);
      const length = f.i64(buffers.first + k * 16 + 8);
      if (offset < 0 || length < 0 || offset + length > bodyLength)
        throw new Damaged(`a buffer at ${offset} of ${length} bytes in a body of ${bodyLength}`);
    }
  }
  if (batch(3)) f.table(f.ref(batch(3)), 'body compression');
  if (batch(4)) f.vector(batch(4), 8, 'variadic buffer counts');
}

/** One message (metadata and body) at `offset`, which the footer says takes `metaLength` + `bodyLength`. */
function checkMessage(bytes: Uint8Array, offset: number, metaLength: number, bodyLength: number) {
  const file = new Flat(bytes);
  let at = offset;
  let length = file.i32(at);
  if (length === -1) {
    at += 4;
    length = file.i32(at);
  }
  at += 4;
  if (length <= 0 || at + length > offset + metaLength)
    throw new Damaged(`a message whose metadata (${length} bytes) overruns its block`);
  const f = new Flat(bytes.subarray(at, at + length));
  const message = f.table(f.u32(0), 'a message');
  const headerType = message(1) ? f.bytes[message(1)] : 0;
  const body = message(3) ? f.i64(message(3)) : 0;
  if (body < 0 || body > bodyLength)
    throw new Damaged(`a message body of ${body} bytes in a block of ${bodyLength}`);
  keyValues(f, message(4));
  if (!message(2)) throw new Damaged('a message without a header');
  const header = f.ref(message(2));
  if (headerType === 3) checkRecordBatch(f, header, body);
  else if (headerType === 2) {
    const dictionary = f.table(header, 'a dictionary batch');
    if (!dictionary(1)) throw new Damaged('a dictionary batch without data');
    checkRecordBatch(f, f.ref(dictionary(1)), body);
  } else throw new Damaged(`a block holding a message of type ${headerType}, not a batch`);
}

/** What is wrong with the layout of an Arrow IPC file, or null. */
export function arrowLayoutProblem(bytes: Uint8Array): string | null {
  try {
    const n = bytes.length;
    if (n < 8 + 10 || MAGIC.some((b, k) => bytes[k] !== b || bytes[n - 6 + k] !== b))
      return 'not an Arrow IPC file (no ARROW1 at its start and end)';
    const file = new Flat(bytes);
    const footerLength = file.i32(n - 10);
    const footerStart = n - 10 - footerLength;
    if (footerLength <= 0 || footerStart < 8)
      return `its footer length (${footerLength}) does not fit the file`;
    const f = new Flat(bytes.subarray(footerStart, n - 10));
    const footer = f.table(f.u32(0), 'the footer');
    if (!footer(1)) return 'a footer without a schema';
    checkSchema(f, f.ref(footer(1)));
    keyValues(f, footer(4));
    for (const [slot, what] of [
      [2, 'dictionary'],
      [3, 'record batch'],
    ] as const) {
      if (!footer(slot)) continue;
      const blocks = f.vector(footer(slot), 24, `the footer's ${what} blocks`);
      for (let k = 0; k < blocks.length; k++) {
        const offset = f.i64(blocks.first + k * 24);
        const metaLength = f.i32(blocks.first + k * 24 + 8);
        const bodyLength = f.i64(blocks.first + k * 24 + 16);
        if (offset < 8 || metaLength <= 0 || bodyLength < 0 || offset + metaLength + bodyLength > footerStart)
          return `a ${what} block (at ${offset}, ${metaLength} + ${bodyLength} bytes) outside the file`;
        checkMessage(bytes, offset, metaLength, bodyLength);
      }
    }
    return null;
  } catch (e) {
    if (e instanceof Damaged) return e.message;
    throw e;
  }
}
