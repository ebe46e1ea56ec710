/**
 * The deck.gl baseline for `npm run bench` (built only in bench mode, never shipped): what a GIS
 * developer would write instead of the app. Fetch events.json, build typed arrays, draw them with one
 * ScatterplotLayer over a blank MapLibre map, and filter on the GPU with DataFilterExtension (date range
 * on two filter values; the actor filter as a third, recomputed on the CPU when the actors change).
 * Same measures as the app: 'events-ready' (first frame with the events) and 'filter' (from the change
 * to the next frame drawn).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import './naive.css';
import { DataFilterExtension } from '@deck.gl/extensions';
import { ScatterplotLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { dayOf } from '../shared/days.ts';
import type { EventsFile } from '../shared/schema.ts';

setWorkerUrl(workerUrl);

const map = new MlMap({
  container: 'map',
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#eef' } }],
  },
  center: [40, 35],
  zoom: 4,
  fadeDuration: 0,
});
window.__atlasMap = map;
const url = new URLSearchParams(window.location.search).get('data') ?? '/data/events.json';

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

async function main() {
  const file = (await (await fetch(url)).json()) as EventsFile;
  const n = file.events.length;
  const position = new Float32Array(2 * n);
  const color = new Uint8Array(4 * n);
  const filterValue = new Float32Array(3 * n);
  // Each event's actors as bits (a file names a few dozen actors at most): no strings are kept.
  const actorBit = new Map(file.actors.slice(0, 32).map((a, k) => [a.id, 2 ** k]));
  const actorBits = new Uint32Array(n);
  const typeColor = new Map(file.eventTypes.map((t) => [t.id, rgb(t.color)]));
  file.events.forEach((e, i) => {
    position[2 * i] = e.place.lon;
    position[2 * i + 1] = e.place.lat;
    const c = typeColor.get(e.type) ?? [85, 85, 85];
    color.set([c[0] as number, c[1] as number, c[2] as number, 220], 4 * i);
    filterValue[3 * i] = dayOf(e.date);
    filterValue[3 * i + 1] = dayOf(e.dateEnd ?? e.date);
    filterValue[3 * i + 2] = 1;
    for (const a of e.actors) actorBits[i] = ((actorBits[i] as number) | (actorBit.get(a) ?? 0)) >>> 0;
  });
  const filters = { from: -1e9, to: 1e9, version: 0 };
  const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
  map.addControl(overlay);
  let onFrame: (() => void) | null = () => performance.measure('events-ready');
  const draw = () =>
    overlay.setProps({
      onAfterRender: () => {
        const f = onFrame;
        onFrame = null;
        f?.();
      },
      layers: [
        new ScatterplotLayer({
          id: 'events',
          data: {
            length: n,
            attributes: {
              getPosition: { value: position, size: 2 },
              getFillColor: { value: color, size: 4 },
              getFilterValue: { value: filterValue, size: 3 },
            },
          },
          radiusUnits: 'pixels',
          getRadius: 4,
          extensions: [new DataFilterExtension({ filterSize: 3 })],
          filterRange: [
            [-1e9, filters.to],
            [filters.from, 1e9],
            [1, 1],
          ],
          updateTriggers: { getFilterValue: filters.version },
        }),
      ],
    });
  draw();
  const apply = () => {
    performance.mark('filter-start');
    onFrame = () => performance.measure('filter', 'filter-start');
    draw();
  };
  window.__naive = {
    setRange(from, to) {
      filters.from = from ? dayOf(from) : -1e9;
      filters.to = to ? dayOf(to) : 1e9;
      apply();
    },
    setActors(ids) {
      const want = ids.reduce((m, id) => (m | (actorBit.get(id) ?? 0)) >>> 0, 0);
      for (let i = 0; i < n; i++)
        filterValue[3 * i + 2] = !ids.length || (actorBits[i] as number) & want ? 1 : 0;
      filters.version += 1;
      apply();
    },
  };
}

main().catch((e: unknown) => {
  document.body.textContent = `deck.gl baseline failed: ${(e as Error).message}`;
});
