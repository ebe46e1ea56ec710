/**
 * Damaged data files for the readers' mutation fuzzer (src/data/readers.fuzz.test.ts runs a few cases,
 * `npm run fuzz` runs thousands): real files (the seeds' events as JSON, as one Arrow file and as a
 * split Arrow set) with bytes overwritten, lengths and offsets replaced by extreme numbers, slices cut
 * out or repeated. A case is read the way the app reads it and every kept row is opened; what a user
 * must never meet is a kept row that breaks the contract, or an error other than the reader's refusal.
 * Never imported by product code.
 */
import fc from 'fast-check';
import type { EventTable } from '../data/event-table.ts';
import { EventsJsonReader } from '../data/events-json/read-events-json.ts';
import { tableFromArrow } from '../data/table-from-arrow.ts';
import { tableFromColumns } from '../data/table-from-columns.ts';
import { eventsToArrow, eventsToArrowFiles } from '../shared/events-arrow.ts';
import { eventSchema } from '../shared/schema.ts';
import { seedEvents } from '../testing/seed-data.ts';

export type FileKind = 'json' | 'arrow' | 'arrow-core' | 'arrow-details';

const split = eventsToArrowFiles(seedEvents);
export const BASE: Record<FileKind, Uint8Array> = {
  json: new TextEncoder().encode(JSON.stringify(seedEvents, null, 1)),
  arrow: eventsToArrow(seedEvents),
  'arrow-core': split.core,
  'arrow-details': split.details,
};

/** Numbers a damaged length, offset or count is likely to hold. */
const EXTREME32 = [0, -1, 1, 0x7fffffff, -0x80000000, 0xffff, 0x10000, 2 ** 24, 2 ** 30, 8, 7, 100_000_001];
const EXTREME64 = [-1n, 2n ** 31n, 2n ** 32n, 2n ** 40n, 2n ** 53n, 2n ** 62n, 2n ** 63n - 1n, -(2n ** 63n)];

/** A position in the file, spread evenly (fast-check's doubles crowd near 0): taken modulo its length. */
const POSITION = fc.nat({ max: 2 ** 31 - 1 });

/** One to four damages (positions taken modulo the file's length, so one arbitrary fits every file). */
export const mutationsArb = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('byte' as const), at: POSITION, value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({
      kind: fc.constant('int32' as const),
      at: POSITION,
      value: fc.oneof(fc.constantFrom(...EXTREME32), fc.integer()),
    }),
    fc.record({
      kind: fc.constant('int64' as const),
      at: POSITION,
      value: fc.oneof(fc.constantFrom(...EXTREME64), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
    }),
    fc.record({ kind: fc.constant('cut' as const), at: POSITION }),
    fc.record({
      kind: fc.constant('repeat' as const),
      at: POSITION,
      length: fc.integer({ min: 1, max: 512 }),
    }),
  ),
  { minLength: 1, maxLength: 4 },
);

/** One damage; `at` is taken modulo the file's length. */
export type Mutation = { at: number } & (
  | { kind: 'byte'; value: number }
  | { kind: 'int32'; value: number }
  | { kind: 'int64'; value: bigint }
  | { kind: 'cut' }
  | { kind: 'repeat'; length: number }
);

/** The base file with the damages applied, in order. */
export function damage(base: Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = base.slice();
  for (const m of mutations) {
    if (bytes.length === 0) break;
    const at = m.at % bytes.length;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (m.kind === 'byte') bytes[at] = m.value;
    else if (m.kind === 'int32' && at + 4 <= bytes.length) view.setInt32(at & ~3, m.value | 0, true);
    else if (m.kind === 'int64' && at + 8 <= bytes.length) view.setBigInt64(at & ~7, m.value, true);
    else if (m.kind === 'cut') bytes = bytes.slice(0, at);
    else if (m.kind === 'repeat') {
      const piece = bytes.slice(at, at + m.length);
      const out = new Uint8Array(bytes.length + piece.length);
      out.set(bytes.subarray(0, at));
      out.set(piece, at);
      out.set(bytes.subarray(at), at + piece.length);
      bytes = out;
    }
  }
  return bytes;
}

export type Outcome =
  | { kind: 'read'; rows: number; dropped: number }
  /** Refused on load with the reader's own message (`clear`), or with an engine error's (not clear). */
  | { kind: 'refused'; message: string; clear: boolean };

/** Opens every row, as a list, the source panel and a search would; throws if one breaks the contract. */
function openAll(table: EventTable): number {
  for (let i = 0; i < table.size; i++) {
    const e = table.event(i);
    const check = eventSchema.safeParse(e);
    if (!check.success)
      throw new Error(
        `kept row ${i} breaks the contract: ${check.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    table.text(i);
    if (table.rowOf(e.id) < 0) throw new Error(`kept row ${i} cannot be found by its id`);
  }
  return table.size;
}

/** The table the app would show for a (damaged) file, and how many rows it dropped. */
function load(kind: FileKind, bytes: Uint8Array): { table: EventTable; dropped: number } {
  if (kind === 'json') {
    const reader = new EventsJsonReader();
    // As a download arrives: in a few chunks.
    const step = Math.max(1, Math.ceil(bytes.length / 5));
    for (let at = 0; at < bytes.length; at += step) reader.push(bytes.subarray(at, at + step));
    const { table, dropped } = tableFromColumns(reader.finish());
    return { table, dropped: dropped.count };
  }
  const { table, dropped } = tableFromArrow(kind === 'arrow-details' ? BASE['arrow-core'] : bytes);
  if (table.hasDetails) return { table, dropped: dropped.count };
  const joined = table.withDetails?.(kind === 'arrow-details' ? bytes : BASE['arrow-details']);
  if (!joined) throw new Error('a split set that cannot take its details');
  return { table: joined.table, dropped: dropped.count + joined.count };
}

/**
 * Reads a (damaged) file the way the app does (JSON through the streaming reader, an Arrow file whole,
 * a split set core then details) and opens every kept row. A refusal on load is what the user is told;
 * a throw while opening kept rows (a row that breaks the contract, an engine error) is a crash.
 */
export function readCase(kind: FileKind, bytes: Uint8Array): Outcome {
  let loaded: { table: EventTable; dropped: number };
  try {
    loaded = load(kind, bytes);
  } catch (e) {
    const clear = e instanceof Error && e.constructor === Error;
    return { kind: 'refused', message: e instanceof Error ? e.message : String(e), clear };
  }
  return { kind: 'read', rows: openAll(loaded.table), dropped: loaded.dropped };
}
