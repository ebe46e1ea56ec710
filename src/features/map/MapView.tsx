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
import type { ColourKeys } from '../../data/color-keys.ts';
import type { EventTable } from '../../data/event-table.ts';
import { formatEventDate } from '../../shared/format.ts';
import type { ConflictEvent } from '../../shared/schema.ts';
import { FILTER_MARK } from '../../state/store.ts';
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
import { PointIndex } from './point-index.ts';
import { PointLayer } from './point-layer.ts';

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
  colour: ColourKeys | null;
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

/**
 * Up to this many events the map draws clustered symbols from a GeoJSON source (shapes per type,
 * counts per cluster); above it, one GPU point cloud (see point-layer.ts). Measured with npm run
 * bench: at 10,000 events the GeoJSON way already takes ~3.5 s to first draw and ~300 ms per filter
 * change here, re-tiling in MapLibre's worker; the point cloud takes ~1.3 s and ~50 ms.
 */
export const MARKER_LIMIT = 2_000;
const SELECTED_SOURCE = 'event-selected-point';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function showTooltip(map: MlMap, tooltip: Popup, table: EventTable, row: number, stacked = 1): void {
  if (!table.hasDetails) {
    const node = document.createElement('div');
    node.textContent = `${stacked.toLocaleString('en')} event(s) · details loading…`;
    tooltip
      .setLngLat([table.lon[row] as number, table.lat[row] as number])
      .setDOMContent(node)
      .addTo(map);
    return;
  }
  const e = table.event(row);
  const node = document.createElement('div');
  const typeName = table.meta.eventTypes.find((t) => t.id === e.type)?.name ?? e.type;
  node.textContent =
    stacked > 1
      ? `${stacked.toLocaleString('en')} events · ${e.place.name}`
      : `${formatEventDate(e)} · ${e.place.name} · ${typeName}`;
  tooltip.setLngLat([e.place.lon, e.place.lat]).setDOMContent(node).addTo(map);
}

/** Marks 'filter' done at the map's next idle after a filter change. */
function measureFilterAtIdle(map: MlMap): void {
  if (!performance.getEntriesByName(FILTER_MARK, 'mark').length) return;
  map.once('idle', () => {
    if (!performance.getEntriesByName(FILTER_MARK, 'mark').length) return;
    performance.measure('filter', FILTER_MARK);
    performance.clearMarks(FILTER_MARK);
  });
}

function markEventsReady(map: MlMap): void {
  if (!performance.getEntriesByName('events-ready').length) performance.measure('events-ready');
  map.once('idle', () => {
    map.getContainer().dataset.eventsReady = 'true';
  });
}

function fitToEvents(map: MlMap, table: EventTable): void {
  let west = 180;
  let east = -180;
  let south = 90;
  let north = -90;
  for (let i = 0; i < table.size; i++) {
    west = Math.min(west, table.lon[i] as number);
    east = Math.max(east, table.lon[i] as number);
    south = Math.min(south, table.lat[i] as number);
    north = Math.max(north, table.lat[i] as number);
  }
  map.fitBounds(
    [
      [west, south],
      [east, north],
    ],
    { padding: 60, maxZoom: 8, animate: false },
  );
}

export function MapView({
  table,
  rows,
  colour,
  selected,
  selectedRow,
  detailsReady,
  flyRequest,
  fitOnLoad,
  onSelect,
  onPick,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MlMap | null>(null);
  const [styleError, setStyleError] = useState<string | null>(null);
  const handlers = useRef({ onSelect, onPick, table });
  handlers.current = { onSelect, onPick, table };
  const cloud = useRef<{
    layer: PointLayer;
    table: EventTable;
    rows: Uint32Array;
    colour: ColourKeys;
  } | null>(null);
  const large = Boolean(table && table.size > MARKER_LIMIT);

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
    performance.mark('map-created');
    m.once('style.load', () => {
      performance.mark('map-style-loaded');
      setMap(m);
    });
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

  // Fit the view to the events once, unless the link brings a view or an event to fly to.
  useEffect(() => {
    if (!map || !table?.size) return;
    if (fitOnLoad) fitToEvents(map, table);
  }, [map, table, fitOnLoad]);

  // Small data sets: a clustered GeoJSON source, re-sent when the rows or colours change.
  useEffect(() => {
    if (!map || !table || !colour || large || !detailsReady) return;
    const drawn = Array.from(rows);
    if (selectedRow >= 0 && !drawn.includes(selectedRow)) drawn.push(selectedRow);
    const geojson = eventsToGeoJson(drawn, table, colour);
    const existing = map.getSource(EVENTS_SOURCE) as GeoJSONSource | undefined;
    if (existing) {
      existing.setData(geojson);
      // A filter change is measured from the input to the map's next idle.
      measureFilterAtIdle(map);
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
    const onRender = () => {
      if (!map.getSource(EVENTS_SOURCE) || !map.isSourceLoaded(EVENTS_SOURCE)) return;
      map.off('render', onRender);
      markEventsReady(map);
    };
    map.on('render', onRender);
    const tooltip = new Popup({ closeButton: false, closeOnClick: false, className: 'event-tooltip' });
    map.on('mousemove', POINT_LAYER, (ev) => {
      map.getCanvas().style.cursor = 'pointer';
      const row = ev.features?.[0]?.properties?.row;
      if (typeof row === 'number') showTooltip(map, tooltip, table, row);
    });
    map.on('mouseleave', POINT_LAYER, () => {
      map.getCanvas().style.cursor = '';
      tooltip.remove();
    });
    map.on('click', POINT_LAYER, (ev) => {
      const picked = [
        ...new Set((ev.features ?? []).map((f: MapGeoJSONFeature) => Number(f.properties?.row))),
      ];
      if (picked.length === 1 && picked[0] !== undefined) handlers.current.onSelect(picked[0]);
      else if (picked.length > 1) handlers.current.onPick(picked);
    });
    map.on('click', CLUSTER_LAYER, async (ev) => {
      const f = ev.features?.[0];
      const source = map.getSource(EVENTS_SOURCE) as GeoJSONSource;
      const clusterId = f?.properties?.cluster_id as number | undefined;
      if (clusterId === undefined || f?.geometry.type !== 'Point') return;
      const zoom = await source.getClusterExpansionZoom(clusterId);
      if (zoom > map.getMaxZoom() || zoom > 12) {
        const leaves = await source.getClusterLeaves(clusterId, 100, 0);
        handlers.current.onPick(leaves.map((l) => Number(l.properties?.row)));
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
  }, [map, table, rows, colour, large, selectedRow, detailsReady]);

  // Large data sets: one point cloud; a filter change uploads the on/off mask, a colour change the
  // colours. Pointing uses a k-d tree over the positions.
  useEffect(() => {
    if (!map || !table || !colour || !large) return;
    const current = cloud.current;
    if (current && current.table === table) {
      if (current.colour !== colour) current.layer.setColours(colour, rows);
      else if (current.rows !== rows) {
        current.layer.setRows(rows);
        measureFilterAtIdle(map);
        // Draw the new state now, in this task, rather than after the list and counts have re-rendered.
        map.redraw();
      }
      Object.assign(current, { rows, colour });
      return;
    }
    const layer = new PointLayer(table, colour, rows, () => markEventsReady(map));
    try {
      map.addLayer(layer);
    } catch (e) {
      // No WebGL2 point drawing here: say so; the list, timeline and filters still work.
      setStyleError(
        `The map cannot draw this many events here (${(e as Error).message}); the list still works.`,
      );
      return;
    }
    cloud.current = { layer, table, rows, colour };
    map.addSource(SELECTED_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: 'event-selected-ring',
      type: 'circle',
      source: SELECTED_SOURCE,
      paint: {
        'circle-radius': 12,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#111111',
        'circle-stroke-width': 3,
      },
    });
    const index = new PointIndex(table);
    // A finger covers more than a mouse pointer: reach further on touch screens.
    const reach = window.matchMedia('(pointer: coarse)').matches ? 20 : 10;
    const under = (ev: { lngLat: { lng: number; lat: number } }) =>
      index.near(ev.lngLat.lng, ev.lngLat.lat, map.getZoom(), reach, (row) => layer.isOn(row));
    const tooltip = new Popup({ closeButton: false, closeOnClick: false, className: 'event-tooltip' });
    let frame = 0;
    map.on('mousemove', (ev) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const hit = under(ev);
        map.getCanvas().style.cursor = hit.length ? 'pointer' : '';
        if (hit[0] === undefined) tooltip.remove();
        else showTooltip(map, tooltip, table, hit[0], hit.length);
      });
    });
    map.on('click', (ev) => {
      const hit = under(ev);
      if (hit.length === 1 && hit[0] !== undefined) handlers.current.onSelect(hit[0]);
      else if (hit.length > 1) handlers.current.onPick(hit);
    });
  }, [map, table, rows, colour, large]);

  useEffect(() => {
    const source = map?.getSource(SELECTED_SOURCE) as GeoJSONSource | undefined;
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
