/** Marker mode: clustered symbols from a GeoJSON source, re-sent when the rows, colors or selection
 * change. */
import type { GeoJSONSource, MapGeoJSONFeature, MapLayerMouseEvent, Map as MlMap } from 'maplibre-gl';
import { eventsToGeoJson } from './events-geojson.ts';
import { CLUSTER_LAYER, CLUSTER_OPTIONS, EVENTS_SOURCE, markerLayers, POINT_LAYER } from './layers.ts';
import type { Drawing, MapMode } from './modes.ts';
import type { Pointer } from './pointer.ts';
import { drawShape, SHAPES, shapeImage } from './shapes.ts';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function geojson(d: Drawing) {
  const drawn = Array.from(d.rows);
  if (d.selectedRow >= 0 && !drawn.includes(d.selectedRow)) drawn.push(d.selectedRow);
  return eventsToGeoJson(drawn, d.table, d.color);
}

export class MarkerMode implements MapMode {
  private map: MlMap | null = null;
  private pointer: Pointer | null = null;
  private drawing: Drawing | null = null;
  private readonly off: (() => void)[] = [];

  attach(map: MlMap, pointer: Pointer, drawing: Drawing, beforeLayer: string): void {
    this.map = map;
    this.pointer = pointer;
    this.drawing = drawing;
    for (const shape of SHAPES)
      if (!map.hasImage(shapeImage(shape))) map.addImage(shapeImage(shape), drawShape(shape), { sdf: true });
    map.addSource(EVENTS_SOURCE, { type: 'geojson', data: geojson(drawing), ...CLUSTER_OPTIONS });
    for (const layer of markerLayers) map.addLayer(layer, beforeLayer);

    const onRender = () => {
      if (!map.getSource(EVENTS_SOURCE) || !map.isSourceLoaded(EVENTS_SOURCE)) return;
      map.off('render', onRender);
      pointer.eventsReady();
    };
    this.on('render', onRender);
    this.onLayer('mousemove', POINT_LAYER, (ev) => {
      pointer.cursor(true);
      const row = ev.features?.[0]?.properties?.row;
      if (typeof row === 'number' && this.drawing) pointer.show(this.drawing.table, row);
    });
    this.onLayer('mouseleave', POINT_LAYER, () => {
      pointer.cursor(false);
      pointer.hide();
    });
    this.onLayer('click', POINT_LAYER, (ev) => {
      pointer.choose([
        ...new Set((ev.features ?? []).map((f: MapGeoJSONFeature) => Number(f.properties?.row))),
      ]);
    });
    this.onLayer('click', CLUSTER_LAYER, (ev) => void this.openCluster(ev));
    this.onLayer('mouseenter', CLUSTER_LAYER, () => pointer.cursor(true));
    this.onLayer('mouseleave', CLUSTER_LAYER, () => pointer.cursor(false));
  }

  update(drawing: Drawing): void {
    this.drawing = drawing;
    const source = this.map?.getSource(EVENTS_SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    source.setData(geojson(drawing));
    // A filter change is measured from the input to the map's next idle.
    this.pointer?.measureFilterAtIdle();
  }

  detach(): void {
    for (const off of this.off.splice(0)) off();
    const map = this.map;
    if (map) {
      for (const layer of markerLayers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      if (map.getSource(EVENTS_SOURCE)) map.removeSource(EVENTS_SOURCE);
    }
    this.pointer?.hide();
    this.map = null;
    this.pointer = null;
  }

  /** A cluster zooms in; one that cannot be split any further lists its events. */
  private async openCluster(ev: MapLayerMouseEvent): Promise<void> {
    const map = this.map;
    const f = ev.features?.[0];
    const source = map?.getSource(EVENTS_SOURCE) as GeoJSONSource | undefined;
    const clusterId = f?.properties?.cluster_id as number | undefined;
    if (!map || !source || clusterId === undefined || f?.geometry.type !== 'Point') return;
    const zoom = await source.getClusterExpansionZoom(clusterId);
    if (zoom > map.getMaxZoom() || zoom > 12) {
      const leaves = await source.getClusterLeaves(clusterId, 100, 0);
      this.pointer?.choose(leaves.map((l) => Number(l.properties?.row)));
    } else {
      map.easeTo({ center: f.geometry.coordinates as [number, number], zoom, animate: !reducedMotion() });
    }
  }

  private on(type: 'render', listener: () => void): void {
    const map = this.map as MlMap;
    map.on(type, listener);
    this.off.push(() => map.off(type, listener));
  }

  private onLayer(
    type: 'mousemove' | 'mouseleave' | 'mouseenter' | 'click',
    layer: string,
    listener: (ev: MapLayerMouseEvent) => void,
  ): void {
    const map = this.map as MlMap;
    map.on(type, layer, listener);
    this.off.push(() => map.off(type, layer, listener));
  }
}
