/**
 * What free-text search reads beyond an event's summary and place: its actors' names and, once their
 * articles are loaded, its source passages. Articles load when a search starts, up to a limit.
 */
import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EventTable } from '../data/event-table.ts';
import { articleQuery } from '../data/queries.ts';
import type { Article } from '../shared/schema.ts';
import { searchFold, searchQuery } from '../shared/search-text.ts';
import type { FilterContext } from './filter-events.ts';
import { SearchIndex } from './search-index.ts';

/** Up to this many rows the search index is built at once (tens of milliseconds); above, in slices. */
const BUILD_AT_ONCE = 20_000;
/** One slice of index building between frames. */
const SLICE_MS = 12;

/** Passage search fetches every article; past this many it would be a download, not a search. */
export const MAX_SEARCHED_ARTICLES = 200;

/** Whether a search reads the passages too (else summaries, places and actors only). */
export function searchesPassages(table: EventTable | undefined, q: string): boolean {
  return Boolean(q && table && table.meta.articles.length <= MAX_SEARCHED_ARTICLES);
}

/** Actor names and aliases and loaded passages (folded for search) of each row, built when a search first asks for it. */
export function searchContext(
  table: EventTable,
  texts: Map<string, Article>,
  detailsReady: boolean,
): FilterContext {
  // An actor is found by its name or any of its aliases ("Daesh", "ISIS" for Islamic State).
  const actorName = table.actorIds.map((id) => {
    const a = table.meta.actors.find((x) => x.id === id);
    return a ? searchFold([a.name, ...a.aliases].join('\n')) : id;
  });
  const extra: string[] = [];
  return {
    extraText: (row) => {
      const known = extra[row];
      if (known !== undefined) return known;
      const parts: string[] = [];
      for (let j = table.actorStart[row] as number; j < (table.actorStart[row + 1] as number); j++)
        parts.push(actorName[table.actorCodes[j] as number] ?? '');
      if (texts.size && detailsReady)
        for (const s of table.event(row).sources)
          parts.push(searchFold(texts.get(s.articleId)?.text.slice(s.start, s.end) ?? ''));
      extra[row] = parts.join('\n');
      return extra[row];
    },
  };
}

/** Loaded article texts by id. Outside the hook: a stable combine keeps the same Map (and so the
 * same filter context) from render to render until an article arrives. */
function textsById(results: { data?: Article }[]): Map<string, Article> {
  const m = new Map<string, Article>();
  for (const r of results) if (r.data) m.set(r.data.id, r.data);
  return m;
}

const NO_CONTEXT: FilterContext = {};

/** The search index over a table and its context, made when a search first asks for it and kept for
 * the next queries; built at once for a small table, in slices between frames for a large one. */
function useSearchIndex(
  table: EventTable | undefined,
  base: FilterContext,
  q: string,
  detailsReady: boolean,
) {
  const key = table && detailsReady ? base : null;
  const made = useRef<{ key: FilterContext; index: SearchIndex } | null>(null);
  if (q.trim() && table && key && made.current?.key !== key) {
    const index = new SearchIndex(table.size, (row) => `${table.text(row)}\n${base.extraText?.(row) ?? ''}`);
    if (table.size <= BUILD_AT_ONCE) index.build();
    made.current = { key, index };
  }
  const index = key && made.current?.key === key ? made.current.index : null;
  const [, setBuilt] = useState(0);
  useEffect(() => {
    if (!index || index.ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shown = performance.now();
    const step = () => {
      const done = index.build(SLICE_MS);
      // The page re-renders for progress a few times a second, and once when the index is complete.
      if (done || performance.now() - shown > 250) {
        shown = performance.now();
        setBuilt(index.built);
      }
      if (!done) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [index]);
  return index;
}

/** The filter context for the current search, loading the articles it needs; `indexing` is how much
 * of the search index is built (0 to 1) while a search waits for it or for its scan, else null. */
export function useSearchContext(
  table: EventTable | undefined,
  eventsUrl: string,
  q: string,
  detailsReady: boolean,
): { context: FilterContext; passages: boolean; indexing: number | null } {
  const passages = searchesPassages(table, q);
  const texts = useQueries({
    queries: passages && table ? table.meta.articles.map((a) => articleQuery(eventsUrl, a.id)) : [],
    combine: textsById,
  });
  const base = useMemo(
    () => (table ? searchContext(table, texts, detailsReady) : NO_CONTEXT),
    [table, texts, detailsReady],
  );
  const index = useSearchIndex(table, base, q, detailsReady);
  const ready = index?.ready ?? false;
  // A large table's query is scanned in slices too, so applying it is not one long task: until its
  // rows are found, the search shows nothing found and the notices say it is searching.
  const wanted = searchQuery(q);
  const sliced = Boolean(index && index.size > BUILD_AT_ONCE);
  const [found, setFound] = useState<{ index: SearchIndex; q: string; hits: Uint8Array } | null>(null);
  const foundNow = found && found.index === index && found.q === wanted ? found : null;
  useEffect(() => {
    if (!index || !ready || !sliced || !wanted || foundNow) return;
    const scan = index.scan(wanted);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      if (scan.step(SLICE_MS)) setFound({ index, q: wanted, hits: scan.hits });
      else timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [index, ready, sliced, wanted, foundNow]);
  const context = useMemo((): FilterContext => {
    if (!index) return base;
    // The last query's rows, kept: the list, the counts and the timeline ask for the same query.
    let last: { q: string; hits: Uint8Array } | null = null;
    return {
      ...base,
      matches: (query) => {
        if (!ready) return null;
        if (sliced) return foundNow && foundNow.q === query ? foundNow.hits : null;
        if (last?.q !== query) last = { q: query, hits: index.matches(query) };
        return last.hits;
      },
    };
  }, [base, index, ready, sliced, foundNow]);
  const searching = Boolean(index && wanted && (!ready || (sliced && !foundNow)));
  return { context, passages, indexing: searching && index ? index.built / index.size : null };
}
