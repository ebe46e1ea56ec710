/**
 * The MapLibre map: the only component that imports maplibre-gl. It owns the map, the selection ring
 * and the camera (fit, fly); the events are drawn by one of two modes (modes.ts), markers for small
 * data sets and a point cloud for large ones, each attached and detached whole.
 */
import type { GeoJSONSource } from 'maplibre-gl';
import { Map as MlMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useEffect, useRef, useState } from 'react';
import type { ColorKeys } from '../../data/color-keys.ts';
import type { EventTable } from '../../data/event-table.ts';
import type { ConflictEvent, PlacePrecision } from '../../shared/schema.ts';
import { markMapCreated, markStyleLoaded } from '../../state/perf.ts';
import { ONLINE_STYLE_URL, offlineStyle } from './basemap-style.ts';
import { CloudMode } from './cloud-mode.ts';
import { mainBounds } from './frame.ts';
import { SELECTED_LAYER, SELECTED_SOURCE, selectedLayer } from './layers.ts';
import { MarkerMode } from './marker-mode.ts';
import { type Drawing, MARKER_LIMIT, type MapMode } from './modes.ts';
import { type Choice, Pointer } from './pointer.ts';

export { MARKER_LIMIT };

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The map, for end-to-end tests that click on the canvas. */
    __atlasMap?: MlMap;
  }
}

interface Props {
  table: EventTable | undefined;
  /** The rows to draw (the filtered set; a linked event the filters hide is drawn as well). */
  rows: Uint32Array;
  color: ColorKeys | null;
  selected: ConflictEvent | null;
  selectedRow: number;
  /** Whether events can be read (a split data set's details may still be loading). */
  detailsReady: boolean;
  flyRequest: number;
  /** Frame the events once they load (not when the link brings a view or an event to fly to). */
  fitOnLoad: boolean;
  onSelect: (row: number) => void;
  onPick: (rows: number[]) => void;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The zoom a chosen event is shown at, by how precise its place is. */
const FLY_ZOOM: Record<PlacePrecision, number> = { exact: 10, town: 9, district: 8, region: 6, country: 4.5 };

function fitToEvents(map: MlMap, table: EventTable): void {
  const bounds = mainBounds(table.lon, table.lat);
  if (bounds) map.fitBounds(bounds, { padding: 60, maxZoom: 8, animate: false });
}

export function MapView({
  table,
  rows,
  color,
  selected,
  selectedRow,
  detailsReady,
  flyRequest,
  fitOnLoad,
  onSelect,
  onPick,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<{ map: MlMap; pointer: Pointer } | null>(null);
  const [styleError, setStyleError] = useState<string | null>(null);
  const choice = useRef<Choice>({ onSelect, onPick });
  choice.current = { onSelect, onPick };
  // A mode is kept while the columns are the same: a split set's details join gives a new table over
  // the same columns, which the mode only needs to read events from (tooltips).
  const mode = useRef<{ mode: MapMode; columns: Int32Array; large: boolean } | null>(null);
  const fittedFor = useRef<[MlMap, Int32Array] | null>(null);
  const broken = useRef(false);

  useEffect(() => {
    if (!container.current) return;
    const m = new MlMap({
      container: container.current,
      style: ONLINE_STYLE_URL ?? offlineStyle(),
      center: [40, 35],
      zoom: 4,
      hash: true,
      attributionControl: { compact: false },
      // Markers and labels appear at once: no 300 ms fade before the map is idle after a filter change.
      fadeDuration: 0,
    });
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    m.getCanvas().setAttribute(
      'aria-label',
      'Map of events. The list of events in the panel is its text alternative.',
    );
    window.__atlasMap = m;
    // Events go on as soon as the style is parsed, not after every basemap tile has loaded ('load').
    markMapCreated();
    m.once('style.load', () => {
      markStyleLoaded();
      // The one selection ring of both modes; each mode draws below it.
      m.addSource(SELECTED_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addLayer(selectedLayer);
      setMap({ map: m, pointer: new Pointer(m, () => choice.current) });
    });
    m.on('error', (e) => {
      // A basemap file that cannot load leaves the events usable; say so once.
      const url = (e as { sourceId?: string }).sourceId;
      if (url) setStyleError(`Part of the basemap (${url}) could not be loaded; the events still work.`);
    });
    return () => {
      mode.current?.mode.detach();
      mode.current = null;
      m.remove();
      setMap(null);
    };
  }, []);

  // Fit the view to the events once, unless the link brings a view or an event to fly to.
  useEffect(() => {
    // Once per map and columns: not again when a split set's details arrive as a new table.
    if (!map || !table?.size || !fitOnLoad) return;
    if (fittedFor.current?.[0] === map.map && fittedFor.current[1] === table.day) return;
    fittedFor.current = [map.map, table.day];
    fitToEvents(map.map, table);
  }, [map, table, fitOnLoad]);

  // The drawing mode: markers for small sets (once their details are readable), the cloud for large.
  const large = Boolean(table && table.size > MARKER_LIMIT);
  const ready = Boolean(map && table && color && (large || detailsReady));
  useEffect(() => {
    if (!map || !table || !color || !ready || broken.current) return;
    const drawing: Drawing = { table, rows, color, selectedRow };
    const current = mode.current;
    if (current && current.columns === table.day && current.large === large) {
      current.mode.update(drawing);
      return;
    }
    current?.mode.detach();
    mode.current = null;
    const next: MapMode = large ? new CloudMode() : new MarkerMode();
    const attach = () => {
      try {
        next.attach(map.map, map.pointer, drawing, SELECTED_LAYER);
        mode.current = { mode: next, columns: table.day, large };
      } catch (e) {
        // No WebGL2 point drawing here: say so; the list, timeline and filters still work.
        broken.current = true;
        setStyleError(
          `The map cannot draw this many events here (${(e as Error).message}); the list still works.`,
        );
      }
    };
    if (!large) return attach();
    // A large set's first drawing is not a part of the commit that brought the table: grouping a
    // million rows into sites is one task, adding the layer (its shaders compiled, in software GL
    // 150 ms) the next; at 10^6 events they were one task of 350 ms. A change before they run starts
    // them again with the change.
    let timer = setTimeout(() => {
      next.prepare?.(drawing);
      timer = setTimeout(attach, 0);
    }, 0);
    return () => clearTimeout(timer);
  }, [map, table, rows, color, selectedRow, large, ready]);
  useEffect(() => {
    const source = map?.map.getSource(SELECTED_SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    source.setData({
      type: 'FeatureCollection',
      features: selected
        ? [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [selected.place.lon, selected.place.lat] },
              properties: {},
            },
          ]
        : [],
    });
  }, [map, selected]);

  // Fly only when asked (a list choice or a link), once per request — also when the map or the data
  // of a linked event arrives after the request was made.
  const flownFor = useRef(0);
  useEffect(() => {
    if (!map || !selected || flyRequest === 0 || flownFor.current === flyRequest) return;
    flownFor.current = flyRequest;
    // As close as the place is precise: a region or a country is shown whole, not its centre at town
    // scale over empty land (and never zoomed out from where the reader already is, for a town).
    const zoom = FLY_ZOOM[selected.place.precision];
    const target = {
      center: [selected.place.lon, selected.place.lat] as [number, number],
      zoom: zoom >= 9 ? Math.max(map.map.getZoom(), zoom) : zoom,
    };
    if (reducedMotion()) map.map.jumpTo(target);
    else map.map.flyTo({ ...target, duration: 800 });
  }, [map, flyRequest, selected]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      {styleError && (
        <p role="alert" className="notice error">
          {styleError}
        </p>
      )}
    </div>
  );
}
