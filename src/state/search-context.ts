/**
 * What free-text search reads beyond an event's summary and place: its actors' names and, once their
 * articles are loaded, its source passages. Articles load when a search starts, up to a limit.
 */
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { EventTable } from '../data/event-table.ts';
import { articleQuery } from '../data/queries.ts';
import type { Article } from '../shared/schema.ts';
import type { FilterContext } from './filter-events.ts';

/** Passage search fetches every article; past this many it would be a download, not a search. */
export const MAX_SEARCHED_ARTICLES = 200;

/** Whether a search reads the passages too (else summaries, places and actors only). */
export function searchesPassages(table: EventTable | undefined, q: string): boolean {
  return Boolean(q && table && table.meta.articles.length <= MAX_SEARCHED_ARTICLES);
}

/** Lower-cased actor names and loaded passages of each row, built when a search first asks for it. */
export function searchContext(
  table: EventTable,
  texts: Map<string, Article>,
  detailsReady: boolean,
): FilterContext {
  const actorName = table.actorIds.map(
    (id) => table.meta.actors.find((a) => a.id === id)?.name.toLowerCase() ?? id,
  );
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
          parts.push(texts.get(s.articleId)?.text.slice(s.start, s.end).toLowerCase() ?? '');
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

/** The filter context for the current search, loading the articles it needs. */
export function useSearchContext(
  table: EventTable | undefined,
  eventsUrl: string,
  q: string,
  detailsReady: boolean,
): { context: FilterContext; passages: boolean } {
  const passages = searchesPassages(table, q);
  const texts = useQueries({
    queries: passages && table ? table.meta.articles.map((a) => articleQuery(eventsUrl, a.id)) : [],
    combine: textsById,
  });
  const context = useMemo(
    () => (table ? searchContext(table, texts, detailsReady) : NO_CONTEXT),
    [table, texts, detailsReady],
  );
  return { context, passages };
}
