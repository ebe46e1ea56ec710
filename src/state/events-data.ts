/**
 * The events the app shows, as one selector over the two queries: the events file's table, joined
 * with its details file once a split Arrow set's details arrive. The join is a new table object over
 * the same columns, so everything that reads events (the list, the source panel, search) sees the
 * change; the map and the filters key on the columns, which stay the same.
 */
import { useQuery } from '@tanstack/react-query';
import type { EventTable } from '../data/event-table.ts';
import { detailsQuery, eventsQuery } from '../data/queries.ts';
import { reportLoadProgress } from './load-progress.ts';

export function useEventsData(eventsUrl: string) {
  const events = useQuery(eventsQuery(eventsUrl, reportLoadProgress(eventsUrl)));
  const core = events.data?.table;
  // A split Arrow set draws from its core file; ids, summaries and sources arrive after.
  const details = useQuery(detailsQuery(eventsUrl, core));
  const table: EventTable | undefined = details.data?.table ?? core;
  return { events, details, table, detailsReady: Boolean(table?.hasDetails) };
}
