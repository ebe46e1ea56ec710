/** Filtering: a pure function of (events, filters), the same set for map, list and timeline. */
import type { ArticleMeta, ConflictEvent } from '../shared/schema.ts';
import type { Filters } from './store.ts';

export interface FilterContext {
  articles: ArticleMeta[];
  /** Lower-cased searchable text per event beyond its summary and place (actor names, passages). */
  extraText?: (e: ConflictEvent) => string;
}

/** Whether an event's date range meets [from, to] (either end open). */
export function inDateRange(
  e: Pick<ConflictEvent, 'date' | 'dateEnd'>,
  from: string | null,
  to: string | null,
): boolean {
  const end = e.dateEnd ?? e.date;
  return (!from || end >= from) && (!to || e.date <= to);
}

export function filterEvents(
  events: ConflictEvent[],
  f: Filters,
  ctx: FilterContext,
  skip: { date?: boolean } = {},
): ConflictEvent[] {
  const outletOf = new Map(ctx.articles.map((a) => [a.id, a.outlet ?? '']));
  const q = f.q.trim().toLowerCase();
  return events.filter((e) => {
    if (!skip.date && !inDateRange(e, f.from, f.to)) return false;
    if (f.actors.length && !e.actors.some((a) => f.actors.includes(a))) return false;
    if (f.types.length && !f.types.includes(e.type)) return false;
    if (f.precisions.length && !f.precisions.includes(e.place.precision)) return false;
    if (f.outlets.length && !e.sources.some((s) => f.outlets.includes(outletOf.get(s.articleId) ?? '')))
      return false;
    if (f.articles.length && !e.sources.some((s) => f.articles.includes(s.articleId))) return false;
    if (q) {
      const hay = `${e.summary}\n${e.place.name}\n${ctx.extraText?.(e) ?? ''}`.toLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  });
}

/** Counts per value of a facet (actors, types) over events that pass every other filter. */
export function facetCounts(
  events: ConflictEvent[],
  key: (e: ConflictEvent) => string[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) for (const k of new Set(key(e))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}
