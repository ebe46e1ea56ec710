/**
 * The performance marks and measures `npm run bench` and the e2e tests read, in one place:
 * - 'events-ready': navigation → the first frame that shows the events (measured once);
 * - 'filter': a filter change (the store marks FILTER_MARK) → the map's next idle;
 * - 'map-created', 'map-style-loaded': milestones of the map's start-up.
 * The map calls these at its moments; nothing here knows MapLibre.
 */
export const FILTER_MARK = 'filter-start';

/** A filter change starts now. */
export function markFilterStart(): void {
  performance.mark(FILTER_MARK);
}

/** Whether a filter change is waiting for the map to show it. */
export function filterPending(): boolean {
  return performance.getEntriesByName(FILTER_MARK, 'mark').length > 0;
}

/** The map shows the last filter change: measure it (once per change). */
export function measureFilterShown(): void {
  if (!filterPending()) return;
  performance.measure('filter', FILTER_MARK);
  performance.clearMarks(FILTER_MARK);
}

/** The first frame with the events is on screen (only the first counts). */
export function measureEventsReady(): void {
  if (!performance.getEntriesByName('events-ready').length) performance.measure('events-ready');
}

export function markMapCreated(): void {
  performance.mark('map-created');
}

export function markStyleLoaded(): void {
  performance.mark('map-style-loaded');
}
