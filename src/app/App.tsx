/** The app shell: composes the features; owns no data of its own. */
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type ColorMode, colourKeys } from '../data/color-keys.ts';
import type { EventTable } from '../data/event-table.ts';
import { articleQuery, detailsQuery, eventsQuery } from '../data/queries.ts';
import { EventList } from '../features/events/EventList.tsx';
import { download, toCsv, toGeoJson } from '../features/export/export.ts';
import { FilterPanel } from '../features/filters/FilterPanel.tsx';
import { Legend } from '../features/map/Legend.tsx';
import { MARKER_LIMIT, MapView } from '../features/map/MapView.tsx';
import { ShareButton } from '../features/share/ShareButton.tsx';
import { SourcePanel } from '../features/source/SourcePanel.tsx';
import { Timeline } from '../features/timeline/Timeline.tsx';
import type { Article, ConflictEvent } from '../shared/schema.ts';
import { type FilterContext, filterTable, positionOf, withinDates } from '../state/filter-events.ts';
import { hasFilters, NO_FILTERS, useUi } from '../state/store.ts';
import { eventLink, fitOnLoad, initialDataUrl, initialUrl, useUrlSync, viewLink } from './url-sync.ts';

/** The events file this page shows: the link's ?data= or the built-in data. */
export const eventsUrl = initialDataUrl;
const EMPTY_ROWS = new Uint32Array(0);

/** Loaded article texts by id. Outside the component: a stable combine keeps the same Map (and so the
 * same filter context) from render to render until an article arrives. */
function textsById(results: { data?: Article }[]): Map<string, Article> {
  const m = new Map<string, Article>();
  for (const r of results) if (r.data) m.set(r.data.id, r.data);
  return m;
}
/** Passage search fetches every article; past this many it would be a download, not a search. */
const MAX_SEARCHED_ARTICLES = 200;

export function App() {
  useUrlSync();
  const query = useQuery(eventsQuery(eventsUrl));
  const queryClient = useQueryClient();
  const { selectedId, colorMode, flyRequest, filters } = useUi(
    useShallow((s) => ({
      selectedId: s.selectedId,
      colorMode: s.colorMode,
      flyRequest: s.flyRequest,
      filters: s.filters,
    })),
  );
  const { select, setColorMode, setFilters, clearFilters } = useUi.getState();
  /** Rows stacked under one spot of the map, shown as a list to choose from. */
  const [picked, setPicked] = useState<number[] | null>(null);
  const [sheetExpanded, setSheetExpanded] = useState(false);
  const [pendingRow, setPendingRow] = useState<number | null>(null);
  // Open when a link brings filters; afterwards the user opens and closes it (clearing keeps it open).
  const [filtersOpenAtStart] = useState(() => hasFilters(initialUrl.state));
  // The filter panel (a pass over all events for its counts) renders only while its box is open.
  const [filtersOpen, setFiltersOpen] = useState(filtersOpenAtStart);
  const table = query.data?.table;
  const data = table?.meta;
  // A split Arrow set draws from its core file; ids, summaries and sources arrive after.
  const details = useQuery(detailsQuery(eventsUrl, table));
  const detailsReady = Boolean(table?.hasDetails);

  // Passages are searchable once their articles are loaded: load them all when a search starts (up
  // to a limit: a data set of thousands of articles is searched by summary, place and actor only).
  const searchPassages = Boolean(filters.q && data && data.articles.length <= MAX_SEARCHED_ARTICLES);
  const texts = useQueries({
    queries: searchPassages && data ? data.articles.map((a) => articleQuery(eventsUrl, a.id)) : [],
    combine: textsById,
  });
  const context: FilterContext = useMemo(() => {
    if (!table) return {};
    const actorName = table.actorIds.map(
      (id) => table.meta.actors.find((a) => a.id === id)?.name.toLowerCase() ?? id,
    );
    const extra: string[] = [];
    return {
      extraText: (row) => {
        if (extra[row] !== undefined) return extra[row];
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
  }, [table, texts, detailsReady]);

  // Two steps, so a date brush never re-runs the other filters: the rows passing every filter but the
  // dates (also what the timeline shows), then those within the dates.
  const { actors, types, q, precisions, outlets, articles, from, to } = filters;
  const undated = useMemo(
    () =>
      table
        ? filterTable(table, { ...NO_FILTERS, actors, types, q, precisions, outlets, articles }, context).rows
        : EMPTY_ROWS,
    [table, actors, types, q, precisions, outlets, articles, context],
  );
  const rows = useMemo(
    () => (table ? withinDates(table, undated, from, to) : EMPTY_ROWS),
    [table, undated, from, to],
  );
  // An id that became a secondary source after a merge still opens its event.
  const selectedRow = useMemo(
    () => (table && selectedId && detailsReady ? table.rowOf(selectedId) : -1),
    [table, selectedId, detailsReady],
  );
  const selected: ConflictEvent | null = useMemo(
    () => (table && selectedRow >= 0 ? table.event(selectedRow) : null),
    [table, selectedRow],
  );
  const outside = Boolean(selected && positionOf(rows, selectedRow) < 0);
  useEffect(() => {
    if (pendingRow === null || !detailsReady || !table) return;
    setPendingRow(null);
    select(table.event(pendingRow).id);
  }, [pendingRow, detailsReady, table, select]);
  const colour = useMemo(() => (table ? colourKeys(table, colorMode) : null), [table, colorMode]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const target = ev.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (ev.key === 'Escape') {
        setPicked(null);
        select(null);
      } else if ((ev.key === 'ArrowDown' || ev.key === 'ArrowUp') && rows.length && table?.hasDetails) {
        if (target?.closest('.article-text, .filters')) return;
        ev.preventDefault();
        const i = selectedRow >= 0 ? positionOf(rows, selectedRow) : -1;
        const next = ev.key === 'ArrowDown' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1);
        const row = rows[next];
        if (row !== undefined) select(table.event(row).id, { fly: true });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, selectedRow, select, table]);

  const onRange = useCallback(
    (from: string | null, to: string | null) => setFilters({ from, to }),
    [setFilters],
  );
  const filteredEvents = () => (table ? Array.from(rows, (i) => table.event(i)) : []);

  const exportCsv = async () => {
    if (!data) return;
    const events = filteredEvents();
    const ids = [...new Set(events.flatMap((e) => e.sources.map((s) => s.articleId)))];
    const loaded = await Promise.allSettled(
      ids.map((id) => queryClient.fetchQuery(articleQuery(eventsUrl, id))),
    );
    const map = new Map<string, Article>();
    for (const r of loaded) if (r.status === 'fulfilled') map.set(r.value.id, r.value);
    download('conflict-atlas-events.csv', 'text/csv;charset=utf-8', toCsv(events, data, map));
  };

  const notices = [...initialUrl.notices];
  if (query.data?.dropped.count) {
    notices.push(
      `${query.data.dropped.count} invalid event(s) in the data file were left out: ${query.data.dropped.reasons
        .map((r) => `${r.path}: ${r.message}`)
        .join('; ')}`,
    );
  }
  if (selectedId && data && detailsReady && !selected)
    notices.push(`The linked event “${selectedId}” is not in this data set.`);
  if (details.data?.count)
    notices.push(
      `${details.data.count} event(s) have invalid details: ${details.data.reasons
        .map((r) => `${r.path}: ${r.message}`)
        .join('; ')}`,
    );
  if (filters.q && data && !searchPassages)
    notices.push(
      `Search covers summaries, places and actors: passages are searched for up to ${MAX_SEARCHED_ARTICLES} articles.`,
    );
  const pickedRows = useMemo(
    () => (picked ? Uint32Array.from(picked.filter((r) => positionOf(rows, r) >= 0)).sort() : null),
    [picked, rows],
  );
  // The list follows a moment after the map: its rows are rendered at lower priority than the map's.
  const listRows = useDeferredValue(pickedRows ?? rows);
  const inPickList = pickedRows !== null;
  // Stable, so the memoised list is left alone by the map's urgent re-render.
  const chooseFromList = useCallback((id: string) => select(id, { fly: !inPickList }), [select, inPickList]);
  const eventAt = useCallback(
    (position: number) => (table as EventTable).event(listRows[position] as number),
    [table, listRows],
  );
  const count = table
    ? hasFilters(filters)
      ? `${rows.length.toLocaleString('en')} of ${table.size.toLocaleString('en')} events`
      : `${table.size.toLocaleString('en')} events`
    : query.isError
      ? 'No events'
      : 'Loading events…';

  return (
    <div className="app">
      <header className="topbar">
        <h1>Conflict Atlas</h1>
        <p className="count" aria-live="polite" data-testid="event-count">
          {count}
        </p>
        <div className="topbar-actions">
          <label className="color-mode">
            Colour by{' '}
            <select value={colorMode} onChange={(e) => setColorMode(e.target.value as ColorMode)}>
              <option value="type">event type</option>
              <option value="actor">actor</option>
            </select>
          </label>
          <ShareButton label="Copy link to this view" url={viewLink} title="Conflict Atlas" />
        </div>
      </header>
      <main className={sheetExpanded ? 'layout sheet-expanded' : 'layout'}>
        <div className="map-column">
          <MapView
            table={table}
            rows={rows}
            colour={colour}
            selected={selected}
            selectedRow={selectedRow}
            detailsReady={detailsReady}
            flyRequest={flyRequest}
            fitOnLoad={fitOnLoad}
            onSelect={(row) => {
              setPicked(null);
              // Before a split set's details arrive, a click is kept and answered when they do.
              if (table?.hasDetails) select(table.event(row).id);
              else setPendingRow(row);
            }}
            onPick={setPicked}
          />
          {table && colour && (
            <Timeline
              table={table}
              rows={undated}
              inRange={rows.length}
              colour={colour}
              from={filters.from}
              to={filters.to}
              onRange={onRange}
            />
          )}
        </div>
        <aside className="panel" aria-label="Events and sources">
          <button
            type="button"
            className="sheet-toggle"
            aria-expanded={sheetExpanded}
            onClick={() => setSheetExpanded((x) => !x)}
          >
            {sheetExpanded ? 'Show more map' : 'Show more list'}
          </button>
          {notices.map((n) => (
            <p key={n} className="notice" role="status">
              {n}
            </p>
          ))}
          {query.isError && (
            <p role="alert" className="notice error">
              {query.error.message} The map still works; check the file or the <code>?data=</code> link.
            </p>
          )}
          {query.isPending && <p className="muted">Loading events…</p>}
          {data && (
            <details
              className="filters-box"
              open={filtersOpenAtStart || undefined}
              onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
            >
              <summary>Filters and export</summary>
              {filtersOpen && (
                <FilterPanel
                  table={table as EventTable}
                  filters={filters}
                  context={context}
                  onChange={setFilters}
                  onClear={clearFilters}
                />
              )}
              <div className="export">
                <button
                  type="button"
                  disabled={!detailsReady}
                  onClick={() =>
                    download(
                      'conflict-atlas-events.geojson',
                      'application/geo+json',
                      JSON.stringify(toGeoJson(filteredEvents(), data), null, 1),
                    )
                  }
                >
                  Export GeoJSON
                </button>
                <button type="button" disabled={!detailsReady} onClick={exportCsv}>
                  Export CSV
                </button>
              </div>
            </details>
          )}
          {data && selected && (
            <>
              {outside && (
                <p className="notice" role="status">
                  This event lies outside the current filters; it is shown because the link names it.
                </p>
              )}
              <SourcePanel
                event={selected}
                data={data}
                eventsUrl={eventsUrl}
                onClose={() => select(null)}
                actions={
                  <ShareButton
                    label="Copy link to this event"
                    url={() => eventLink(selected.id)}
                    title={selected.summary}
                  />
                }
              />
            </>
          )}
          {details.isError && (
            <p role="alert" className="notice error">
              {details.error.message} The map, timeline and filters work; the list and the sources need it.
            </p>
          )}
          {data && !detailsReady && !details.isError && (
            <p className="muted" role="status">
              Loading event details…
            </p>
          )}
          {data && detailsReady && !selected && (
            <EventList
              data={data}
              count={listRows.length}
              eventAt={eventAt}
              title={pickedRows ? `${pickedRows.length} events at this place` : 'Events by date'}
              onChoose={chooseFromList}
            />
          )}
          {table && <Legend data={table.meta} colorMode={colorMode} aggregated={table.size > MARKER_LIMIT} />}
        </aside>
      </main>
    </div>
  );
}
