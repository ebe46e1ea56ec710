/** The app shell: composes the features; owns no data of its own. */
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { articleQuery, DEFAULT_DATA_URL, eventsQuery } from '../data/queries.ts';
import { EventList } from '../features/events/EventList.tsx';
import { download, toCsv, toGeoJson } from '../features/export/export.ts';
import { FilterPanel } from '../features/filters/FilterPanel.tsx';
import { Legend } from '../features/map/Legend.tsx';
import { MapView } from '../features/map/MapView.tsx';
import { ShareButton } from '../features/share/ShareButton.tsx';
import { SourcePanel } from '../features/source/SourcePanel.tsx';
import { Timeline } from '../features/timeline/Timeline.tsx';
import type { Article, ConflictEvent } from '../shared/schema.ts';
import { type FilterContext, filterEvents } from '../state/filter-events.ts';
import { type ColorMode, hasFilters, useUi } from '../state/store.ts';
import { eventLink, initialUrl, useUrlSync } from './url-sync.ts';

const eventsUrl = initialUrl.state.data ?? DEFAULT_DATA_URL;

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
  const [picked, setPicked] = useState<string[] | null>(null);
  const [sheetExpanded, setSheetExpanded] = useState(false);
  // Open when a link brings filters; afterwards the user opens and closes it (clearing keeps it open).
  const [filtersOpenAtStart] = useState(() => hasFilters(initialUrl.state));
  // The filter panel (four filter passes for its counts) renders only while its box is open.
  const [filtersOpen, setFiltersOpen] = useState(filtersOpenAtStart);
  const data = query.data?.data;

  // Passages are searchable once their articles are loaded: load them all when a search starts.
  const articleTexts = useQueries({
    queries: filters.q && data ? data.articles.map((a) => articleQuery(eventsUrl, a.id)) : [],
  });
  const texts = useMemo(() => {
    const m = new Map<string, Article>();
    for (const r of articleTexts) if (r.data) m.set(r.data.id, r.data);
    return m;
  }, [articleTexts]);
  const context: FilterContext = useMemo(() => {
    const actorName = new Map(data?.actors.map((a) => [a.id, a.name]) ?? []);
    return {
      articles: data?.articles ?? [],
      extraText: (e) =>
        [
          ...e.actors.map((a) => actorName.get(a) ?? a),
          ...e.sources.map((s) => texts.get(s.articleId)?.text.slice(s.start, s.end) ?? ''),
        ].join('\n'),
    };
  }, [data, texts]);

  const all = useMemo(
    () => [...(data?.events ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
    [data],
  );
  const filtered = useMemo(() => filterEvents(all, filters, context), [all, filters, context]);
  const undated = useMemo(() => filterEvents(all, filters, context, { date: true }), [all, filters, context]);
  // An id that became a secondary source after a merge still opens its event.
  const selected: ConflictEvent | null = useMemo(() => {
    if (!selectedId) return null;
    return (
      all.find((e) => e.id === selectedId) ??
      all.find((e) => e.sources.some((s) => s.key === selectedId)) ??
      null
    );
  }, [all, selectedId]);
  const outside = Boolean(selected && !filtered.includes(selected));
  const onMap = useMemo(
    () => (selected && outside ? [...filtered, selected] : filtered),
    [filtered, selected, outside],
  );

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const target = ev.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (ev.key === 'Escape') {
        setPicked(null);
        select(null);
      } else if ((ev.key === 'ArrowDown' || ev.key === 'ArrowUp') && filtered.length) {
        if (target?.closest('.article-text, .filters')) return;
        ev.preventDefault();
        const i = selected ? filtered.indexOf(selected) : -1;
        const next = ev.key === 'ArrowDown' ? Math.min(filtered.length - 1, i + 1) : Math.max(0, i - 1);
        const e = filtered[next];
        if (e) select(e.id, { fly: true });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [filtered, selected, select]);

  const colorKey = useCallback(
    (e: ConflictEvent) =>
      colorMode === 'type' ? e.type : (e.actors.find((a) => a !== 'civilians') ?? e.actors[0] ?? ''),
    [colorMode],
  );
  const colorOf = useCallback(
    (key: string) =>
      (colorMode === 'type'
        ? data?.eventTypes.find((t) => t.id === key)?.color
        : data?.actors.find((a) => a.id === key)?.color) ?? '#777777',
    [colorMode, data],
  );
  const onRange = useCallback(
    (from: string | null, to: string | null) => setFilters({ from, to }),
    [setFilters],
  );

  const exportCsv = async () => {
    if (!data) return;
    const ids = [...new Set(filtered.flatMap((e) => e.sources.map((s) => s.articleId)))];
    const loaded = await Promise.allSettled(
      ids.map((id) => queryClient.fetchQuery(articleQuery(eventsUrl, id))),
    );
    const map = new Map<string, Article>();
    for (const r of loaded) if (r.status === 'fulfilled') map.set(r.value.id, r.value);
    download('conflict-atlas-events.csv', 'text/csv;charset=utf-8', toCsv(filtered, data, map));
  };

  const notices = [...initialUrl.notices];
  if (query.data?.dropped.count) {
    notices.push(
      `${query.data.dropped.count} invalid event(s) in the data file were left out: ${query.data.dropped.reasons
        .map((r) => `${r.path}: ${r.message}`)
        .join('; ')}`,
    );
  }
  if (selectedId && data && !selected)
    notices.push(`The linked event “${selectedId}” is not in this data set.`);
  const pickedEvents = picked ? filtered.filter((e) => picked.includes(e.id)) : null;
  const count = data
    ? hasFilters(filters)
      ? `${filtered.length} of ${data.events.length} events`
      : `${data.events.length} events`
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
          <ShareButton
            label="Copy link to this view"
            url={() => window.location.href}
            title="Conflict Atlas"
          />
        </div>
      </header>
      <main className={sheetExpanded ? 'layout sheet-expanded' : 'layout'}>
        <div className="map-column">
          <MapView
            data={data}
            events={onMap}
            colorMode={colorMode}
            selected={selected}
            flyRequest={flyRequest}
            onSelect={(id) => {
              setPicked(null);
              select(id);
            }}
            onPick={setPicked}
          />
          {data && (
            <Timeline
              allEvents={all}
              events={undated}
              colorKey={colorKey}
              colorOf={colorOf}
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
                  data={data}
                  filters={filters}
                  context={context}
                  onChange={setFilters}
                  onClear={clearFilters}
                />
              )}
              <div className="export">
                <button
                  type="button"
                  onClick={() =>
                    download(
                      'conflict-atlas-events.geojson',
                      'application/geo+json',
                      JSON.stringify(toGeoJson(filtered, data), null, 1),
                    )
                  }
                >
                  Export GeoJSON
                </button>
                <button type="button" onClick={exportCsv}>
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
          {data && !selected && pickedEvents && (
            <EventList
              data={data}
              events={pickedEvents}
              title={`${pickedEvents.length} events at this place`}
              onChoose={(id) => select(id)}
            />
          )}
          {data && !selected && !pickedEvents && (
            <EventList
              data={data}
              events={filtered}
              title="Events by date"
              onChoose={(id) => select(id, { fly: true })}
            />
          )}
          {data && <Legend data={data} colorMode={colorMode} />}
        </aside>
      </main>
    </div>
  );
}
