/**
 * Filtering: a pure function of (event table, filters), the same rows for map, list and timeline.
 * It runs over typed-array columns, one filter at a time (a million events in tens of milliseconds),
 * and never builds an object per event. What each filter does is its entry in filter-table.ts.
 */
import type { EventTable } from '../data/event-table.ts';
import { dayOf } from '../shared/days.ts';
import {
  type FacetIndex,
  type FacetKey,
  FILTER_KEYS,
  FILTERS,
  type FilterContext,
  type Filters,
} from './filter-table.ts';

export type { FilterContext } from './filter-table.ts';

export interface FilterResult {
  /** Rows passing every filter, in date order. */
  rows: Uint32Array;
}

/** Bit k of a row's fails: the k-th filter of the table rejects it. */
const BIT = Object.fromEntries(FILTER_KEYS.map((k, i) => [k, 1 << i])) as Record<keyof Filters, number>;
if (FILTER_KEYS.length > 16) throw new Error('fails are 16-bit: widen them for more filters');

type RowTest = (
  t: EventTable,
  value: unknown,
  ctx: FilterContext,
) => ((i: number) => boolean) | Uint8Array | null;

const isFacet = (k: keyof Filters): k is FacetKey => 'facet' in FILTERS[k];

/** Per code of a facet index, whether a chosen value keeps it. */
function chosenCodes(index: FacetIndex, chosen: readonly string[]): Uint8Array {
  const want = new Set(chosen);
  const byValue = Uint8Array.from(index.values, (v) => (want.has(v) ? 1 : 0));
  const { valueOfCode } = index;
  return valueOfCode ? Uint8Array.from(valueOfCode, (v) => byValue[v] as number) : byValue;
}

/** Whether a row is decided: it fails a filter (`once`), or two (a row failing two counts nowhere). */
const decided = (v: number, once: boolean) => v !== 0 && (once || (v & (v - 1)) !== 0);

/** Marks `bit` on the rows none of whose codes is kept (a loop for each shape). */
function markFacet(fails: Uint16Array, bit: number, index: FacetIndex, keep: Uint8Array, once: boolean) {
  if (index.start === null) markOne(fails, bit, index.codes, keep, once);
  else markList(fails, bit, index.start, index.codes, keep, once);
}

function markOne(
  fails: Uint16Array,
  bit: number,
  codes: Int32Array | Uint8Array,
  keep: Uint8Array,
  once: boolean,
) {
  for (let i = 0; i < fails.length; i++) {
    const v = fails[i] as number;
    if (!decided(v, once) && keep[codes[i] as number] !== 1) fails[i] = v | bit;
  }
}

function markList(
  fails: Uint16Array,
  bit: number,
  start: Uint32Array,
  codes: Int32Array | Uint8Array,
  keep: Uint8Array,
  once: boolean,
) {
  for (let i = 0; i < fails.length; i++) {
    const v = fails[i] as number;
    if (decided(v, once)) continue;
    let kept = false;
    for (let j = start[i] as number; j < (start[i + 1] as number) && !kept; j++)
      kept = keep[codes[j] as number] === 1;
    if (!kept) fails[i] = v | bit;
  }
}

/** Marks `bit` on the rows whose day is below (`atLeast`) or above the bound. */
function markBound(
  fails: Uint16Array,
  bit: number,
  days: Int32Array,
  bound: number,
  atLeast: boolean,
  once: boolean,
) {
  for (let i = 0; i < fails.length; i++) {
    const v = fails[i] as number;
    const day = days[i] as number;
    if (!decided(v, once) && (atLeast ? day < bound : day > bound)) fails[i] = v | bit;
  }
}

/** Marks `bit` on the rows whose mark in `kept` is not 1 (a search's rows from its index). */
function markUnmarked(fails: Uint16Array, bit: number, kept: Uint8Array, once: boolean) {
  for (let i = 0; i < fails.length; i++) {
    const v = fails[i] as number;
    if (!decided(v, once) && kept[i] !== 1) fails[i] = v | bit;
  }
}

/** Marks `bit` on the rows a test rejects. */
function markFailing(fails: Uint16Array, bit: number, keeps: (i: number) => boolean, once: boolean) {
  for (let i = 0; i < fails.length; i++) {
    const v = fails[i] as number;
    if (!decided(v, once) && !keeps(i)) fails[i] = v | bit;
  }
}

/**
 * The filters each row fails, as bits, one filter at a time over the columns. A row already decided
 * is not tested further: for filtering, after any failure (`once`); for facet counts, after a second.
 * Facets go first, then day bounds, then row tests (the text search) last.
 */
function failures(t: EventTable, f: Filters, ctx: FilterContext, once: boolean): Uint16Array {
  const fails = new Uint16Array(t.size);
  for (const key of FILTER_KEYS) {
    if (!isFacet(key) || !f[key].length) continue;
    const index = FILTERS[key].facet(t);
    markFacet(fails, BIT[key], index, chosenCodes(index, f[key]), once);
  }
  for (const key of FILTER_KEYS) {
    const spec = FILTERS[key];
    const value = f[key];
    if (!('column' in spec) || typeof value !== 'string' || !value) continue;
    markBound(fails, BIT[key], spec.column(t), dayOf(value), spec.keeps === 'atLeast', once);
  }
  for (const key of FILTER_KEYS) {
    const spec = FILTERS[key];
    if (!('keeps' in spec) || typeof spec.keeps !== 'function') continue;
    const keeps = (spec.keeps as RowTest)(t, f[key], ctx);
    if (!keeps) continue;
    if (keeps instanceof Uint8Array) markUnmarked(fails, BIT[key], keeps, once);
    else markFailing(fails, BIT[key], keeps, once);
  }
  return fails;
}

export function filterTable(t: EventTable, f: Filters, ctx: FilterContext = {}): FilterResult {
  const fails = failures(t, f, ctx, true);
  const rows = new Uint32Array(t.size);
  let r = 0;
  for (let i = 0; i < t.size; i++) if (fails[i] === 0) rows[r++] = i;
  return { rows: rows.slice(0, r) };
}

/**
 * Rows of `candidates` (in date order) whose dates meet [from, to]: what a date brush changes, without
 * a pass over the other filters (their result, `candidates`, stays the same while brushing).
 */
export function withinDates(t: EventTable, candidates: Uint32Array, from: string | null, to: string | null) {
  if (!from && !to) return candidates;
  const lo = from ? dayOf(from) : Number.NEGATIVE_INFINITY;
  const hi = to ? dayOf(to) : Number.POSITIVE_INFINITY;
  const out = new Uint32Array(candidates.length);
  let n = 0;
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k] as number;
    if ((t.day[i] as number) > hi) break; // rows are in date order: nothing later can start in range
    if ((t.dayEnd[i] as number) >= lo) out[n++] = i;
  }
  return out.slice(0, n);
}

/** For each facet, the number of events per value. */
export type FacetCounts = Record<FacetKey, Map<string, number>>;

/**
 * For each facet, counts per value over the rows passing every *other* filter (so a checked box does
 * not zero its neighbours): a row failing no filter counts in every facet, a row failing exactly one
 * counts only in that facet. A row counts once per value ("seen" is the row's stamp per value: no Set
 * per row).
 */
export function facetCounts(t: EventTable, f: Filters, ctx: FilterContext = {}): FacetCounts {
  const fails = facetFailures(t, f, ctx);
  const counts = {} as FacetCounts;
  for (const key of FILTER_KEYS) if (isFacet(key)) counts[key] = countFacetValues(t, fails, key);
  return counts;
}

/** What the facet counts start from: the filters each row fails (a pass over every filter), so each
 * facet can then be counted on its own (the filter panel counts them as separate pieces of work). */
export function facetFailures(t: EventTable, f: Filters, ctx: FilterContext = {}): Uint16Array {
  return failures(t, f, ctx, false);
}

/** One facet's counts per value, from `facetFailures`. */
export function countFacetValues(t: EventTable, fails: Uint16Array, key: FacetKey): Map<string, number> {
  const index = FILTERS[key].facet(t);
  const totals = countFacet(fails, BIT[key], index);
  return new Map(index.values.map((value, k) => [value, totals[k] ?? 0]));
}

/** Counts per value of one facet over the rows failing nothing or only it (a loop for each shape). */
function countFacet(fails: Uint16Array, bit: number, { values, codes, start, valueOfCode }: FacetIndex) {
  // Counted by code, then added up by value (an outlet's articles).
  const byCode = new Float64Array(valueOfCode ? valueOfCode.length : values.length);
  if (start === null) countOne(fails, bit, codes, byCode);
  else countList(fails, bit, start, codes, byCode, valueOfCode, values.length);
  if (!valueOfCode) return byCode;
  const totals = new Float64Array(values.length);
  for (let c = 0; c < byCode.length; c++) {
    const value = valueOfCode[c] as number;
    totals[value] = (totals[value] ?? 0) + (byCode[c] as number);
  }
  return totals;
}

function countOne(fails: Uint16Array, bit: number, codes: Int32Array | Uint8Array, counts: Float64Array) {
  for (let i = 0; i < fails.length; i++) {
    const v = fails[i] as number;
    if (v === 0 || v === bit) bump(counts, codes[i] as number);
  }
}

/** A row counts once per value: "seen" is the row's stamp per value (no Set per row). */
function countList(
  fails: Uint16Array,
  bit: number,
  start: Uint32Array,
  codes: Int32Array | Uint8Array,
  counts: Float64Array,
  valueOfCode: Int32Array | null,
  valueCount: number,
) {
  const seen = new Int32Array(valueCount).fill(-1);
  for (let i = 0; i < fails.length; i++) {
    const v = fails[i] as number;
    if (v !== 0 && v !== bit) continue;
    for (let j = start[i] as number; j < (start[i + 1] as number); j++) {
      const c = codes[j] as number;
      const value = valueOfCode ? (valueOfCode[c] as number) : c;
      if (seen[value] !== i) bump(counts, c);
      seen[value] = i;
    }
  }
}

const bump = (counts: Float64Array, code: number) => {
  counts[code] = (counts[code] ?? 0) + 1;
};

/** Position of a row in sorted rows (binary search), or -1. */
export function positionOf(rows: Uint32Array, row: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = rows[mid] as number;
    if (v === row) return mid;
    if (v < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
