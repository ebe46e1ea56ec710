/**
 * The app shell: lays the features out and wires them to the state hooks (src/state). It holds no
 * logic of its own beyond which panel is open. Embedded (?embed=1, for an iframe) it is compact: the
 * map, the list behind a summary, the selected event's sources and a link to the full app; the filters
 * and the timeline stay in the full app (a link's filters still apply).
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { type ColorMode, colorKeys, FALLBACK_COLOR } from '../data/color-keys.ts';
import type { EventTable } from '../data/event-table.ts';
import { EventList } from '../features/events/EventList.tsx';
import { ExportButtons } from '../features/export/ExportButtons.tsx';
import { FilterPanel } from '../features/filters/FilterPanel.tsx';
import { Legend } from '../features/map/Legend.tsx';
import { MARKER_LIMIT, MapView } from '../features/map/MapView.tsx';
import { ShareButton } from '../features/share/ShareButton.tsx';
import { SourcePanel } from '../features/source/SourcePanel.tsx';
import { Timeline } from '../features/timeline/Timeline.tsx';
import { countOf } from '../shared/format.ts';
import { useAppUpdate } from '../state/app-update.ts';
import { useEventsData } from '../state/events-data.ts';
import { hasFilters } from '../state/filter-table.ts';
import { useDropUnknownLinkValues } from '../state/link-values.ts';
import { notices as noticesFor } from '../state/notices.ts';
import { useSearchContext } from '../state/search-context.ts';
import { useSelection } from '../state/selection.ts';
import { useShortcuts } from '../state/shortcuts.ts';
import { useUi } from '../state/store.ts';
import { countLabel, useVisibleEvents } from '../state/visible-events.ts';
import { LoadStatus } from './LoadStatus.tsx';
import { OpenInAtlas } from './OpenInAtlas.tsx';
import { PartBoundary } from './PartBoundary.tsx';
import {
  embedded,
  eventLink,
  fitOnLoad,
  initialDataSource,
  initialDataUrl,
  initialUrl,
  reloadPage,
  useUrlSync,
  viewLink,
} from './url-sync.ts';

/** The events file this page shows: the link's ?data= or the built-in data. */
export const eventsUrl = initialDataUrl;
/** The host of a data file from another site (announced, and named in sources and exports), else null. */
const dataSource = initialDataSource;

export function App() {
  const updateReady = useAppUpdate((s) => s.ready);
  useUrlSync();
  const filters = useUi((s) => s.filters);
  const colorMode = useUi((s) => s.colorMode);
  const flyRequest = useUi((s) => s.flyRequest);
  const { select, setColorMode, setFilters, toggleFilter, clearFilters } = useUi.getState();
  const [sheetExpanded, setSheetExpanded] = useState(false);
  // Open when a link brings filters; afterwards the user opens and closes it (clearing keeps it open).
  const [filtersOpenAtStart] = useState(() => hasFilters(initialUrl.state));
  // The filter panel (a pass over all events for its counts) renders only while its box is open.
  const [filtersOpen, setFiltersOpen] = useState(filtersOpenAtStart);
  // Embedded, the list is behind a summary; a place picked on the map opens it.
  const [listOpen, setListOpen] = useState(false);
  const { events: query, details, table, detailsReady } = useEventsData(eventsUrl);
  const data = table?.meta;

  const search = useSearchContext(table, eventsUrl, filters.q, detailsReady);
  const { undated, rows } = useVisibleEvents(table, search.context);
  const selection = useSelection(table, detailsReady, rows);
  const { selected, selectedRow, picked } = selection;
  useShortcuts({ table, rows, selectedRow, select, dismiss: selection.dismiss });
  const color = useMemo(() => (table ? colorKeys(table, colorMode) : null), [table, colorMode]);
  const onRange = useCallback(
    (from: string | null, to: string | null) => setFilters({ from, to }),
    [setFilters],
  );

  const unknownLinkValues = useDropUnknownLinkValues(table);
  const notices = noticesFor({
    urlNotices: [...initialUrl.notices, ...unknownLinkValues],
    dropped: query.data?.dropped,
    badDetails: details.data,
    missingEvent: selection.selectedId && data && detailsReady && !selected ? selection.selectedId : null,
    searchWithoutPassages: Boolean(filters.q && data && !search.passages),
    searchIndexing: table && search.indexing !== null ? { done: search.indexing, events: table.size } : null,
  });
  // The list follows a moment after the map: its rows are rendered at lower priority than the map's.
  const listRows = useDeferredValue(picked ?? rows);
  // The timeline's bars (a pass over the rows) follow at lower priority too; a date brush does not
  // change them (they are the rows before the dates).
  const timelineRows = useDeferredValue(undated);
  const inPickList = picked !== null;
  // Stable, so the memoised list is left alone by the map's urgent re-render.
  const chooseFromList = useCallback((id: string) => select(id, { fly: !inPickList }), [select, inPickList]);
  const eventAt = useCallback(
    (position: number) => (table as EventTable).event(listRows[position] as number),
    [table, listRows],
  );
  // The list's swatches follow the map's colour mode (type or main actor).
  const swatchAt = useCallback(
    (position: number) => {
      const code = color?.code[listRows[position] as number] ?? -1;
      return code >= 0 ? (color?.colors[code] ?? FALLBACK_COLOR) : FALLBACK_COLOR;
    },
    [color, listRows],
  );

  // Memoised with the list: it says why there is nothing and offers the way back.
  const anyFilter = hasFilters(filters);
  const listEmpty = useMemo(
    () =>
      anyFilter ? (
        <p className="notice empty-result">
          No events match these filters.{' '}
          <button type="button" onClick={clearFilters}>
            Show all events
          </button>
        </p>
      ) : (
        <p className="notice empty-result">This data set has no events.</p>
      ),
    [anyFilter, clearFilters],
  );
  const list = data && (
    <PartBoundary name="The list" resetKey={data}>
      <EventList
        data={data}
        count={listRows.length}
        eventAt={eventAt}
        swatchAt={swatchAt}
        title={picked ? `${countOf(picked.length, 'event')} at this place` : 'Events by date'}
        empty={listEmpty}
        onChoose={chooseFromList}
      />
    </PartBoundary>
  );

  return (
    <div className={embedded ? 'app embedded' : 'app'}>
      <header className="topbar">
        <h1>Conflict Atlas</h1>
        <p className="count" aria-live="polite" data-testid="event-count">
          {countLabel(table?.size, rows.length, filters, query.isError)}
        </p>
        <div className="topbar-actions">
          {embedded ? (
            <OpenInAtlas link={viewLink} />
          ) : (
            <>
              <label className="color-mode">
                Colour by{' '}
                <select value={colorMode} onChange={(e) => setColorMode(e.target.value as ColorMode)}>
                  <option value="type">event type</option>
                  <option value="actor">actor</option>
                </select>
              </label>
              <ShareButton label="Copy link to this view" url={viewLink} title="Conflict Atlas" />
            </>
          )}
        </div>
      </header>
      {updateReady && (
        <p className="notice" role="status">
          A new version of Conflict Atlas is ready.{' '}
          <button type="button" onClick={reloadPage}>
            Reload
          </button>
        </p>
      )}
      {dataSource && (
        <p className="provenance" role="note">
          Events from <strong>{dataSource}</strong>, not from this site. Their outlets, links and passages are
          that file's claims, not verified here.
        </p>
      )}
      <main className={sheetExpanded ? 'layout sheet-expanded' : 'layout'}>
        <div className="map-column">
          <PartBoundary name="The map" resetKey={table}>
            <MapView
              table={table}
              rows={rows}
              color={color}
              selected={selected}
              selectedRow={selectedRow}
              detailsReady={detailsReady}
              flyRequest={flyRequest}
              fitOnLoad={fitOnLoad}
              onSelect={selection.selectFromMap}
              onPick={selection.pick}
            />
          </PartBoundary>
          {table && color && !embedded && (
            <PartBoundary name="The timeline" resetKey={table}>
              <Timeline
                table={table}
                rows={timelineRows}
                inRange={rows.length}
                color={color}
                from={filters.from}
                to={filters.to}
                onRange={onRange}
              />
            </PartBoundary>
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
          <LoadStatus query={query} url={eventsUrl} />
          {table && !embedded && (
            <details
              className="filters-box"
              open={filtersOpenAtStart || undefined}
              onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
            >
              <summary>Filters and export</summary>
              {filtersOpen && (
                <PartBoundary name="The filters" resetKey={table}>
                  <FilterPanel
                    table={table}
                    filters={filters}
                    context={search.context}
                    onChange={setFilters}
                    onToggle={toggleFilter}
                    onClear={clearFilters}
                  />
                </PartBoundary>
              )}
              <ExportButtons
                table={table}
                rows={rows}
                eventsUrl={eventsUrl}
                detailsReady={detailsReady}
                dataSource={dataSource}
              />
            </details>
          )}
          {data && selected && (
            <>
              {selection.outside && (
                <p className="notice" role="status">
                  This event lies outside the current filters; it is shown because the link names it.
                </p>
              )}
              <PartBoundary name="The source panel" resetKey={selected.id}>
                <SourcePanel
                  event={selected}
                  data={data}
                  eventsUrl={eventsUrl}
                  dataSource={dataSource}
                  onClose={() => select(null)}
                  actions={
                    <ShareButton
                      label="Copy link to this event"
                      url={() => eventLink(selected.id)}
                      title={selected.summary}
                    />
                  }
                />
              </PartBoundary>
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
          {data && detailsReady && !selected && !embedded && list}
          {data && detailsReady && !selected && embedded && (
            <details
              className="list-box"
              open={listOpen || inPickList}
              onToggle={(e) => setListOpen(e.currentTarget.open)}
            >
              <summary>List of {countOf(listRows.length, 'event')}</summary>
              {list}
            </details>
          )}
          {table && <Legend data={table.meta} colorMode={colorMode} aggregated={table.size > MARKER_LIMIT} />}
        </aside>
      </main>
    </div>
  );
}
