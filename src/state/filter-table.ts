/**
 * The filters, one entry each: the value that keeps every event (its default), its URL parameter, and
 * how it keeps rows — a bound on a day column, a row test, or for a facet its values and each row's
 * codes (any chosen value keeps a row; the filter panel counts each value). `Filters`, `NO_FILTERS`, the URL schema
 * (url-state.ts), filtering and the facet counts (filter-events.ts) all follow from this table, so a new
 * filter is one entry here plus its control in src/features/filters/FilterPanel.tsx.
 */
import type { EventTable } from '../data/event-table.ts';
import { type PlacePrecision, placePrecisions } from '../shared/schema.ts';
import { searchQuery } from '../shared/search-text.ts';
import { type Codec, idList, isoDay, listOf } from './url-codecs.ts';

export interface FilterContext {
  /** Searchable text of a row (folded: shared/search-text.ts) beyond its summary and place (actor names, passages). */
  extraText?: (row: number) => string;
  /** The rows whose searchable text contains a (trimmed, folded) query, from the search index
   * (search-index.ts); null while the index is being built. Without it, rows are tested one by one. */
  matches?: (q: string) => Uint8Array | null;
}

/**
 * A facet's values and the codes of each row: `codes[i]` when `start` is null (one value a row), else
 * `codes[start[i] .. start[i + 1])`. A code is the position of its value unless `valueOfCode` maps it
 * (an article code to its outlet's position).
 */
export interface FacetIndex {
  values: readonly string[];
  codes: Int32Array | Uint8Array;
  start: Uint32Array | null;
  valueOfCode: Int32Array | null;
}

/** A filter with a test per row. */
interface RowFilter<T> {
  none: T;
  url: Codec<T>;
  /** What keeps row i: a test, or a mark per row (1: kept), or null when `value` keeps every row. */
  keeps: (t: EventTable, value: T, ctx: FilterContext) => ((i: number) => boolean) | Uint8Array | null;
}

/** A bound on a day column: a row is kept when its day is at least (or at most) the value's. */
interface DayBoundFilter {
  none: string | null;
  url: Codec<string | null>;
  column: (t: EventTable) => Int32Array;
  keeps: 'atLeast' | 'atMost';
}

/** A facet: a row is kept when any of its values is chosen (none chosen keeps all). */
interface FacetFilter<T extends string> {
  none: T[];
  url: Codec<T[]>;
  facet: (t: EventTable) => FacetIndex;
}

const rowFilter = <T>(f: RowFilter<T>) => f;
const dayBound = (f: DayBoundFilter) => f;
const facetFilter = <T extends string>(f: FacetFilter<T>) => f;

/** The outlet of each article code, outlets as a facet of the sources (no outlet: ''). */
function outletIndex(t: EventTable): FacetIndex {
  const outletOf = new Map(t.meta.articles.map((a) => [a.id, a.outlet ?? '']));
  const byArticle = t.articleIds.map((id) => outletOf.get(id) ?? '');
  const values = [...new Set(byArticle)];
  const position = new Map(values.map((o, k) => [o, k]));
  return {
    values,
    codes: t.sourceArticles,
    start: t.sourceStart,
    valueOfCode: Int32Array.from(byArticle, (o) => position.get(o) ?? 0),
  };
}

/** In URL order (the parameters are written in this order). */
export const FILTERS = {
  /** Events whose date range ends on or after this day. */
  from: dayBound({ none: null, url: isoDay('from'), column: (t) => t.dayEnd, keeps: 'atLeast' }),
  /** Events whose date range starts on or before this day. */
  to: dayBound({ none: null, url: isoDay('to'), column: (t) => t.day, keeps: 'atMost' }),
  actors: facetFilter<string>({
    none: [],
    url: idList('actors'),
    facet: (t) => ({ values: t.actorIds, codes: t.actorCodes, start: t.actorStart, valueOfCode: null }),
  }),
  types: facetFilter<string>({
    none: [],
    url: idList('types'),
    facet: (t) => ({ values: t.typeIds, codes: t.type, start: null, valueOfCode: null }),
  }),
  /** Free text in the summary, the place name and what the context adds (actor names, passages). */
  q: rowFilter<string>({
    none: '',
    url: { param: 'q', decode: (raw) => (raw.length <= 200 ? raw : undefined), encode: (v) => v || null },
    keeps: (t, value, ctx) => {
      const q = searchQuery(value);
      if (!q) return null;
      if (ctx.matches) {
        // While the index is being built, nothing is shown as found (the notices say it is coming).
        return ctx.matches(q) ?? new Uint8Array(t.size);
      }
      return (i) => `${t.text(i)}\n${ctx.extraText?.(i) ?? ''}`.includes(q);
    },
  }),
  precisions: facetFilter<PlacePrecision>({
    none: [],
    url: listOf<PlacePrecision>(
      'precision',
      ',',
      (p) => (placePrecisions as readonly string[]).includes(p),
      Number.POSITIVE_INFINITY,
    ),
    facet: (t) => ({ values: placePrecisions, codes: t.precision, start: null, valueOfCode: null }),
  }),
  /** Events with a source from any of these outlets. */
  outlets: facetFilter<string>({
    none: [],
    url: listOf('outlets', '|', (o) => o.length <= 100, 50),
    facet: outletIndex,
  }),
  /** Events with a source in any of these articles. */
  articles: facetFilter<string>({
    none: [],
    url: idList('articles'),
    facet: (t) => ({
      values: t.articleIds,
      codes: t.sourceArticles,
      start: t.sourceStart,
      valueOfCode: null,
    }),
  }),
};

type Table = typeof FILTERS;
export type FilterKey = keyof Table;
export type Filters = { [K in FilterKey]: Table[K]['none'] };
/** The filters shown as facets with counts. */
export type FacetKey = { [K in FilterKey]: Table[K] extends { facet: unknown } ? K : never }[FilterKey];

export const FILTER_KEYS = Object.keys(FILTERS) as FilterKey[];

export const NO_FILTERS = Object.fromEntries(FILTER_KEYS.map((k) => [k, FILTERS[k].none])) as Filters;

/** Whether any filter is set. */
export function hasFilters(f: Filters): boolean {
  return FILTER_KEYS.some((k) => {
    const v = f[k];
    return Array.isArray(v) ? v.length > 0 : Boolean(v);
  });
}

/** Each facet's chosen values that the table does not have (a link made for other data, or mistyped),
 * only for the facets with any; the link's parameter names each. */
export function unknownFacetValues(
  t: EventTable,
  f: Filters,
): { key: FacetKey; param: string; values: string[] }[] {
  const out: { key: FacetKey; param: string; values: string[] }[] = [];
  for (const key of FILTER_KEYS) {
    const spec = FILTERS[key];
    if (!('facet' in spec)) continue;
    const known = new Set<string>(spec.facet(t).values);
    const values = (f[key] as readonly string[]).filter((v) => !known.has(v));
    if (values.length) out.push({ key: key as FacetKey, param: spec.url.param, values });
  }
  return out;
}
