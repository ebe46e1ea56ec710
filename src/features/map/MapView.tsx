/** The MapLibre map: the only module that imports maplibre-gl. */
import {
  type GeoJSONSource,
  type MapGeoJSONFeature,
  Map as MlMap,
  NavigationControl,
  Popup,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useEffect, useRef, useState } from 'react';
import { formatEventDate } from '../../shared/format.ts';
import type { ConflictEvent, EventsFile } from '../../shared/schema.ts';
import { type ColorMode, FILTER_MARK } from '../../state/store.ts';
import { ONLINE_STYLE_URL, offlineStyle } from './basemap-style.ts';
import {
  CLUSTER_LAYER,
  drawShape,
  EVENTS_SOURCE,
  eventLayers,
  eventsToGeoJson,
  POINT_LAYER,
  SHAPES,
} from './event-layers.ts';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The map, for end-to-end tests that click on the canvas. */
    __atlasMap?: MlMap;
  }
}

interface Props {
  data: EventsFile | undefined;
  /** The events to draw (the filtered set, plus a linked event the filters hide). */
  events: ConflictEvent[];
  colorMode: ColorMode;
  selected: ConflictEvent | null;
  flyRequest: number;
  onSelect: (id: string) => void;
  onPick: (ids: string[]) => void;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function MapView({ data, events, colorMode, selected, flyRequest, onSelect, onPick }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MlMap | null>(null);
  const [styleError, setStyleError] = useState<string | null>(null);
  const handlers = useRef({ onSelect, onPick, data });
  handlers.current = { onSelect, onPick, data };
  const hadHash = useRef(/^#\d/.test(window.location.hash));

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
    m.on('load', () => setMap(m));
    m.on('error', (e) => {
      // A basemap file that cannot load leaves the events usable; say so once.
      const url = (e as { sourceId?: string }).sourceId;
      if (url) setStyleError(`Part of the basemap (${url}) could not be loaded; the events still work.`);
    });
    return () => {
      m.remove();
      setMap(null);
    };
  }, []);

  // Events: source, layers, interaction. Re-run when the data or the colour mode changes.
  useEffect(() => {
    if (!map || !data) return;
    const geojson = eventsToGeoJson(events, data, colorMode);
    const existing = map.getSource(EVENTS_SOURCE) as GeoJSONSource | undefined;
    if (existing) {
      existing.setData(geojson);
      // A filter change is measured from the input to the map's next idle.
      if (performance.getEntriesByName(FILTER_MARK, 'mark').length) {
        map.once('idle', () => {
          if (!performance.getEntriesByName(FILTER_MARK, 'mark').length) return;
          performance.measure('filter', FILTER_MARK);
          performance.clearMarks(FILTER_MARK);
        });
      }
      return;
    }
    for (const shape of SHAPES) {
      if (!map.hasImage(`shape-${shape}`)) map.addImage(`shape-${shape}`, drawShape(shape), { sdf: true });
    }
    map.addSource(EVENTS_SOURCE, {
      type: 'geojson',
      data: geojson,
      cluster: true,
      clusterRadius: 36,
      clusterMaxZoom: 8,
    });
    for (const layer of eventLayers) map.addLayer(layer);
    map.once('idle', () => {
      if (!performance.getEntriesByName('events-ready').length) performance.measure('events-ready');
      map.getContainer().dataset.eventsReady = 'true';
    });
    if (!hadHash.current && !new URLSearchParams(window.location.search).has('event') && data.events.length) {
      const lons = data.events.map((e) => e.place.lon);
      const lats = data.events.map((e) => e.place.lat);
      map.fitBounds(
        [
          [Math.min(...lons), Math.min(...lats)],
          [Math.max(...lons), Math.max(...lats)],
        ],
        { padding: 60, maxZoom: 8, animate: false },
      );
    }
    const tooltip = new Popup({ closeButton: false, closeOnClick: false, className: 'event-tooltip' });
    const eventById = (id: unknown) => handlers.current.data?.events.find((e) => e.id === id);
    map.on('mousemove', POINT_LAYER, (ev) => {
      map.getCanvas().style.cursor = 'pointer';
      const e = eventById(ev.features?.[0]?.properties?.id);
      if (!e) return;
      const node = document.createElement('div');
      const typeName = handlers.current.data?.eventTypes.find((t) => t.id === e.type)?.name ?? e.type;
      node.textContent = `${formatEventDate(e)} · ${e.place.name} · ${typeName}`;
      tooltip.setLngLat([e.place.lon, e.place.lat]).setDOMContent(node).addTo(map);
    });
    map.on('mouseleave', POINT_LAYER, () => {
      map.getCanvas().style.cursor = '';
      tooltip.remove();
    });
    map.on('click', POINT_LAYER, (ev) => {
      const ids = [...new Set((ev.features ?? []).map((f: MapGeoJSONFeature) => String(f.properties?.id)))];
      if (ids.length === 1 && ids[0]) handlers.current.onSelect(ids[0]);
      else if (ids.length > 1) handlers.current.onPick(ids);
    });
    map.on('click', CLUSTER_LAYER, async (ev) => {
      const f = ev.features?.[0];
      const source = map.getSource(EVENTS_SOURCE) as GeoJSONSource;
      const clusterId = f?.properties?.cluster_id as number | undefined;
      if (clusterId === undefined || f?.geometry.type !== 'Point') return;
      const zoom = await source.getClusterExpansionZoom(clusterId);
      if (zoom > map.getMaxZoom() || zoom > 12) {
        const leaves = await source.getClusterLeaves(clusterId, 100, 0);
        handlers.current.onPick(leaves.map((l) => String(l.properties?.id)));
      } else {
        map.easeTo({
          center: f.geometry.coordinates as [number, number],
          zoom,
          animate: !reducedMotion(),
        });
      }
    });
    map.on('mouseenter', CLUSTER_LAYER, () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', CLUSTER_LAYER, () => {
      map.getCanvas().style.cursor = '';
    });
  }, [map, data, events, colorMode]);

  useEffect(() => {
    if (!map?.getLayer('event-selected')) return;
    map.setFilter('event-selected', [
      'all',
      ['!', ['has', 'point_count']],
      ['==', ['get', 'id'], selected?.id ?? ''],
    ]);
  }, [map, selected]);

  // Fly only when asked (a list choice or a link), once per request — also when the map or the data
  // of a linked event arrives after the request was made.
  const flownFor = useRef(0);
  useEffect(() => {
    if (!map || !selected || flyRequest === 0 || flownFor.current === flyRequest) return;
    flownFor.current = flyRequest;
    const target = {
      center: [selected.place.lon, selected.place.lat] as [number, number],
      zoom: Math.max(map.getZoom(), 9),
    };
    if (reducedMotion()) map.jumpTo(target);
    else map.flyTo({ ...target, duration: 800 });
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
