/**
 * The events every view shows: the rows passing the filters, in two steps so a date brush never
 * re-runs the other filters — the rows passing every filter but the dates (also what the timeline
 * draws), then those within the dates.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EventTable } from '../data/event-table.ts';
import { countOf } from '../shared/format.ts';
import { type FilterContext, filterTable, withinDates } from './filter-events.ts';
import { type Filters, hasFilters } from './filter-table.ts';
import { useUi } from './store.ts';

const NO_ROWS = new Uint32Array(0);

/** The filters without the date range: what the first step depends on. */
export function withoutDates(f: Filters): Filters {
  return { ...f, from: null, to: null };
}

export interface VisibleEvents {
  /** Rows passing every filter but the dates, in date order. */
  undated: Uint32Array;
  /** Rows passing every filter, in date order. */
  rows: Uint32Array;
}

export function useVisibleEvents(table: EventTable | undefined, context: FilterContext): VisibleEvents {
  // Shallow-compared, so a change of dates alone keeps the same object and the first step is skipped.
  // Every other filter is in it: a new filter cannot be forgotten here.
  const undatedFilters = useUi(useShallow((s) => withoutDates(s.filters)));
  const from = useUi((s) => s.filters.from);
  const to = useUi((s) => s.filters.to);
  const undated = useMemo(
    () => (table ? filterTable(table, undatedFilters, context).rows : NO_ROWS),
    [table, undatedFilters, context],
  );
  const rows = useMemo(
    () => (table ? withinDates(table, undated, from, to) : NO_ROWS),
    [table, undated, from, to],
  );
  return { undated, rows };
}

/** The header's count: "N of M events" under filters, "M events" without. */
export function countLabel(
  size: number | undefined,
  shown: number,
  filters: Filters,
  failed: boolean,
): string {
  if (size === undefined) return failed ? 'No events' : 'Loading events…';
  return hasFilters(filters)
    ? `${shown.toLocaleString('en')} of ${countOf(size, 'event')}`
    : countOf(size, 'event');
}
