/**
 * The naive baseline for `npm run bench` (built only in bench mode, never shipped): the usual way to
 * put events on a MapLibre map — fetch events.json, one clustered GeoJSON source, and on every filter
 * change `setData` with the filtered subset. Same basemap and the same measures as the app
 * ('events-ready': first frame with the events; 'filter': from the change to the map's next idle).
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './naive.css';
import type { FeatureCollection } from 'geojson';
import { type GeoJSONSource, Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { offlineStyle } from '../features/map/basemap-style.ts';
import type { ConflictEvent, EventsFile } from '../shared/schema.ts';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    __naive?: { setRange(from: string | null, to: string | null): void; setActors(ids: string[]): void };
    __atlasMap?: MlMap;
  }
}

const map = new MlMap({
  container: 'map',
  style: offlineStyle(),
  center: [40, 35],
  zoom: 4,
  fadeDuration: 0,
});
window.__atlasMap = map;
const url = new URLSearchParams(window.location.search).get('data') ?? '/data/events.json';
const styleReady = new Promise<void>((resolve) => map.once('style.load', () => resolve()));

const toGeoJson = (events: ConflictEvent[], color: Map<string, string>): FeatureCollection => ({
  type: 'FeatureCollection',
  features: events.map((e) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [e.place.lon, e.place.lat] },
    properties: { id: e.id, color: color.get(e.type) ?? '#555555' },
  })),
});

async function main() {
  const file = (await (await fetch(url)).json()) as EventsFile;
  await styleReady;
  const color = new Map(file.eventTypes.map((t) => [t.id, t.color]));
  const filters = { from: null as string | null, to: null as string | null, actors: [] as string[] };
  const filtered = () =>
    file.events.filter(
      (e) =>
        (!filters.from || (e.dateEnd ?? e.date) >= filters.from) &&
        (!filters.to || e.date <= filters.to) &&
        (!filters.actors.length || e.actors.some((a) => filters.actors.includes(a))),
    );
  map.addSource('events', {
    type: 'geojson',
    data: toGeoJson(file.events, color),
    cluster: true,
    clusterRadius: 36,
  });
  map.addLayer({
    id: 'clusters',
    type: 'circle',
    source: 'events',
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': '#33415c',
      'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 24],
    },
  });
  map.addLayer({
    id: 'points',
    type: 'circle',
    source: 'events',
    filter: ['!', ['has', 'point_count']],
    paint: { 'circle-color': ['get', 'color'], 'circle-radius': 5 },
  });
  const onRender = () => {
    if (!map.isSourceLoaded('events')) return;
    map.off('render', onRender);
    performance.measure('events-ready');
  };
  map.on('render', onRender);
  const apply = () => {
    performance.mark('filter-start');
    (map.getSource('events') as GeoJSONSource).setData(toGeoJson(filtered(), color));
    map.once('idle', () => performance.measure('filter', 'filter-start'));
  };
  window.__naive = {
    setRange(from, to) {
      Object.assign(filters, { from, to });
      apply();
    },
    setActors(ids) {
      filters.actors = ids;
      apply();
    },
  };
}

main().catch((e: unknown) => {
  document.body.textContent = `Naive baseline failed: ${(e as Error).message}`;
});
