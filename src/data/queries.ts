/** Loading the data files. Query options sit next to their fetchers; data is static. */
import { queryOptions } from '@tanstack/react-query';
import { type Article, parseArticle } from '../shared/schema.ts';
import { takeRead } from './early-fetch.ts';
import type { EventTable, LoadedTable } from './event-table.ts';
import { fetchCapped } from './fetch-stream.ts';
import type { LoadProgress } from './read-in-worker.ts';
import { tableFromArrow } from './table-from-arrow.ts';
import { tableFromColumns } from './table-from-columns.ts';

/** The largest JSON file read on the page (an article; the events file is read in a worker). */
const MAX_JSON_BYTES = 64 * 2 ** 20;

async function fetchJson(url: string, what: string): Promise<unknown> {
  const bytes = await fetchCapped(url, what, MAX_JSON_BYTES);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error(`${what} at ${url} is not valid JSON.`);
  }
}

/** The file was reached and refused (broken, too large, or its reader hung): reading it again would
 * not help, so it is not retried (a file that could not be reached is, once). */
class FileRefused extends Error {}

/** The events file as a table; `onProgress` hears how far it has been read. */
export function eventsQuery(url: string, onProgress?: (p: LoadProgress) => void) {
  return queryOptions({
    queryKey: ['events', url],
    queryFn: async (): Promise<LoadedTable> => {
      const read = takeRead(url);
      if (onProgress) read.onProgress(onProgress);
      const answer = await read.answer;
      performance.mark('events-read');
      try {
        if (answer.kind === 'error') throw new Error(answer.message);
        const loaded =
          answer.kind === 'arrow' ? tableFromArrow(answer.bytes) : tableFromColumns(answer.columns);
        performance.mark('events-table-built');
        return loaded;
      } catch (e) {
        throw new FileRefused(`The events file ${url} is ${(e as Error).message}`);
      }
    },
    retry: (failures, error) => !(error instanceof FileRefused) && failures < 1,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * The details file of a split Arrow set (ids, summaries, sources), loaded after the first draw and
 * joined with the core into a new table over the same columns (the core table is not changed).
 */
export function detailsQuery(eventsUrl: string, table: EventTable | undefined) {
  const url = table?.detailsFile ? new URL(table.detailsFile, new URL(eventsUrl, document.baseURI)).href : '';
  return queryOptions({
    queryKey: ['details', url],
    enabled: Boolean(url && table && !table.hasDetails),
    queryFn: async () => {
      const bytes = await fetchCapped(url, 'the event details file');
      try {
        const joined = (table as EventTable).withDetails?.(bytes);
        if (!joined) throw new Error('not needed: the events file has its details');
        return joined;
      } catch (e) {
        throw new Error(`The event details file ${url} is ${(e as Error).message}`);
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Articles sit in articles/<id>.json next to the events file. */
export function articleUrl(eventsUrl: string, articleId: string): string {
  return new URL(`articles/${encodeURIComponent(articleId)}.json`, new URL(eventsUrl, document.baseURI)).href;
}

export function articleQuery(eventsUrl: string, articleId: string) {
  const url = articleUrl(eventsUrl, articleId);
  return queryOptions({
    queryKey: ['article', url],
    queryFn: async (): Promise<Article> => {
      const raw = await fetchJson(url, `article ${articleId}`);
      try {
        return parseArticle(raw);
      } catch (e) {
        throw new Error(`Article ${articleId} is ${(e as Error).message}`);
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
