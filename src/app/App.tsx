/** The app shell: composes the features; owns no data of its own. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_DATA_URL, eventsQuery } from '../features/data/queries.ts';
import { EventList } from '../features/events/EventList.tsx';
import { Legend } from '../features/map/Legend.tsx';
import { MapView } from '../features/map/MapView.tsx';
import { SourcePanel } from '../features/source/SourcePanel.tsx';
import type { ConflictEvent } from '../shared/schema.ts';
import { type ColorMode, useUi } from '../state/store.ts';
import { initialUrl, useUrlSync } from './url-sync.ts';

const eventsUrl = initialUrl.state.data ?? DEFAULT_DATA_URL;

export function App() {
  useUrlSync();
  const query = useQuery(eventsQuery(eventsUrl));
  const selectedId = useUi((s) => s.selectedId);
  const colorMode = useUi((s) => s.colorMode);
  const flyRequest = useUi((s) => s.flyRequest);
  const select = useUi((s) => s.select);
  const setColorMode = useUi((s) => s.setColorMode);
  const [picked, setPicked] = useState<string[] | null>(null);
  const data = query.data?.data;

  const sorted = useMemo(
    () => [...(data?.events ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
    [data],
  );
  // An id that became a secondary source after a merge still opens its event.
  const selected: ConflictEvent | null = useMemo(() => {
    if (!selectedId) return null;
    return (
      sorted.find((e) => e.id === selectedId) ??
      sorted.find((e) => e.sources.some((s) => s.key === selectedId)) ??
      null
    );
  }, [sorted, selectedId]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const target = ev.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (ev.key === 'Escape') {
        setPicked(null);
        select(null);
      } else if ((ev.key === 'ArrowDown' || ev.key === 'ArrowUp') && sorted.length) {
        if (target?.closest('.article-text')) return;
        ev.preventDefault();
        const i = selected ? sorted.indexOf(selected) : -1;
        const next = ev.key === 'ArrowDown' ? Math.min(sorted.length - 1, i + 1) : Math.max(0, i - 1);
        const e = sorted[next];
        if (e) select(e.id, { fly: true });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sorted, selected, select]);

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
  const pickedEvents = picked ? sorted.filter((e) => picked.includes(e.id)) : null;

  return (
    <div className="app">
      <header className="topbar">
        <h1>Conflict Atlas</h1>
        <p className="count" aria-live="polite">
          {data ? `${data.events.length} events` : query.isError ? 'No events' : 'Loading events…'}
        </p>
        <label className="color-mode">
          Colour by{' '}
          <select value={colorMode} onChange={(e) => setColorMode(e.target.value as ColorMode)}>
            <option value="type">event type</option>
            <option value="actor">actor</option>
          </select>
        </label>
      </header>
      <main className="layout">
        <MapView
          data={data}
          colorMode={colorMode}
          selected={selected}
          flyRequest={flyRequest}
          onSelect={(id) => {
            setPicked(null);
            select(id);
          }}
          onPick={setPicked}
        />
        <aside className="panel" aria-label="Events and sources">
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
          {data && selected && (
            <SourcePanel event={selected} data={data} eventsUrl={eventsUrl} onClose={() => select(null)} />
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
              events={sorted}
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
