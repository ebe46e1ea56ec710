/**
 * Filtering: a pure function of (event table, filters), the same rows for map, list and timeline.
 * It runs over typed-array columns in one pass (a million events in tens of milliseconds) and never
 * builds an object per event.
 */
import type { EventTable } from '../data/event-table.ts';
import { dayOf } from '../shared/days.ts';
import { placePrecisions } from '../shared/schema.ts';
import type { Filters } from './store.ts';

export interface FilterContext {
  /** Lower-cased searchable text of a row beyond its summary and place (actor names, passages). */
  extraText?: (row: number) => string;
}

export interface FilterResult {
  /** Rows passing every filter, in date order. */
  rows: Uint32Array;
}

/** A lookup by code of the ids a facet keeps; null when the facet does not filter. */
function selection(ids: string[], chosen: string[]): Uint8Array | null {
  if (!chosen.length) return null;
  const want = new Set(chosen);
  return Uint8Array.from(ids, (id) => (want.has(id) ? 1 : 0));
}

function anyOf(sel: Uint8Array, start: Uint32Array, codes: Int32Array, i: number): boolean {
  for (let j = start[i] as number; j < (start[i + 1] as number); j++)
    if (sel[codes[j] as number]) return true;
  return false;
}

/** Facets whose counts the filter panel shows, in the order of Dimension bits. */
const DATE = 0;
const TYPE = 1;
const ACTOR = 2;
const PRECISION = 3;
const OUTLET = 4;
const ARTICLE = 5;
const TEXT = 6;

/** The outlet of each article code. */
function outlets(t: EventTable): string[] {
  const outletOf = new Map(t.meta.articles.map((a) => [a.id, a.outlet ?? '']));
  return t.articleIds.map((id) => outletOf.get(id) ?? '');
}

function compile(t: EventTable, f: Filters, ctx: FilterContext) {
  const outletOfArticle = outlets(t);
  const outletWanted = new Set(f.outlets);
  const outletSel = f.outlets.length
    ? Uint8Array.from(outletOfArticle, (o) => (outletWanted.has(o) ? 1 : 0))
    : null;
  const from = f.from ? dayOf(f.from) : Number.NEGATIVE_INFINITY;
  const to = f.to ? dayOf(f.to) : Number.POSITIVE_INFINITY;
  const types = selection(t.typeIds, f.types);
  const actors = selection(t.actorIds, f.actors);
  const precisions = selection([...placePrecisions], f.precisions);
  const articles = selection(t.articleIds, f.articles);
  const q = f.q.trim().toLowerCase();
  /** Bit d set when row i fails dimension d. */
  return (i: number): number => {
    let fails = 0;
    if ((t.dayEnd[i] as number) < from || (t.day[i] as number) > to) fails |= 1 << DATE;
    if (types && !types[t.type[i] as number]) fails |= 1 << TYPE;
    if (actors && !anyOf(actors, t.actorStart, t.actorCodes, i)) fails |= 1 << ACTOR;
    if (precisions && !precisions[t.precision[i] as number]) fails |= 1 << PRECISION;
    if (outletSel && !anyOf(outletSel, t.sourceStart, t.sourceArticles, i)) fails |= 1 << OUTLET;
    if (articles && !anyOf(articles, t.sourceStart, t.sourceArticles, i)) fails |= 1 << ARTICLE;
    if (q && !`${t.text(i)}\n${ctx.extraText?.(i) ?? ''}`.includes(q)) fails |= 1 << TEXT;
    return fails;
  };
}

export function filterTable(t: EventTable, f: Filters, ctx: FilterContext = {}): FilterResult {
  const failsOf = compile(t, f, ctx);
  const rows = new Uint32Array(t.size);
  let r = 0;
  for (let i = 0; i < t.size; i++) if (failsOf(i) === 0) rows[r++] = i;
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

export interface FacetCounts {
  types: Map<string, number>;
  actors: Map<string, number>;
  precisions: Map<string, number>;
  outlets: Map<string, number>;
  articles: Map<string, number>;
}

/**
 * For each facet, counts per value over the rows passing every *other* filter (so a checked box does
 * not zero its neighbours) — all facets in one pass: a row failing no filter counts everywhere, a row
 * failing exactly one counts only in that facet.
 */
export function facetCounts(t: EventTable, f: Filters, ctx: FilterContext = {}): FacetCounts {
  const failsOf = compile(t, f, ctx);
  const types = new Float64Array(t.typeIds.length);
  const actors = new Float64Array(t.actorIds.length);
  const precisions = new Float64Array(placePrecisions.length);
  const articles = new Float64Array(t.articleIds.length);
  // Outlets as codes; "seen in this row" as the row's stamp per code (no Set per row: 5× faster).
  const outletOfArticle = outlets(t);
  const outletNames = [...new Set(outletOfArticle)];
  const outletCode = new Map(outletNames.map((o, k) => [o, k]));
  const outletOf = Int32Array.from(outletOfArticle, (o) => outletCode.get(o) ?? 0);
  const outletTotals = new Float64Array(outletNames.length);
  const actorSeen = new Int32Array(t.actorIds.length).fill(-1);
  const articleSeen = new Int32Array(t.articleIds.length).fill(-1);
  const outletSeen = new Int32Array(outletNames.length).fill(-1);
  for (let i = 0; i < t.size; i++) {
    const fails = failsOf(i);
    if (fails !== 0 && (fails & (fails - 1)) !== 0) continue;
    const all = fails === 0;
    if (all || fails === 1 << TYPE) bump(types, t.type[i] as number);
    if (all || fails === 1 << PRECISION) bump(precisions, t.precision[i] as number);
    if (all || fails === 1 << ACTOR) {
      for (let j = t.actorStart[i] as number; j < (t.actorStart[i + 1] as number); j++) {
        const c = t.actorCodes[j] as number;
        if (actorSeen[c] !== i) bump(actors, c);
        actorSeen[c] = i;
      }
    }
    const byArticle = all || fails === 1 << ARTICLE;
    const byOutlet = all || fails === 1 << OUTLET;
    if (byArticle || byOutlet) {
      for (let j = t.sourceStart[i] as number; j < (t.sourceStart[i + 1] as number); j++) {
        const c = t.sourceArticles[j] as number;
        if (byArticle && articleSeen[c] !== i) bump(articles, c);
        articleSeen[c] = i;
        const o = outletOf[c] as number;
        if (byOutlet && outletSeen[o] !== i) bump(outletTotals, o);
        outletSeen[o] = i;
      }
    }
  }
  const byId = (ids: string[], counts: Float64Array) => new Map(ids.map((id, c) => [id, counts[c] ?? 0]));
  return {
    types: byId(t.typeIds, types),
    actors: byId(t.actorIds, actors),
    precisions: byId([...placePrecisions], precisions),
    outlets: byId(outletNames, outletTotals),
    articles: byId(t.articleIds, articles),
  };
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
