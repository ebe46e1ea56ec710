/**
 * Cloud mode, for large data sets: one WebGL point cloud (point-layer.ts). A filter change uploads the
 * sites' counts, a color change their colors. Pointing uses a k-d tree over the positions.
 */
import type { MapMouseEvent, Map as MlMap } from 'maplibre-gl';
import type { Drawing, MapMode } from './modes.ts';
import { PointIndex } from './point-index.ts';
import { PointLayer } from './point-layer.ts';
import type { Pointer } from './pointer.ts';

export class CloudMode implements MapMode {
  private map: MlMap | null = null;
  private pointer: Pointer | null = null;
  private layer: PointLayer | null = null;
  private drawing: Drawing | null = null;
  private readonly off: (() => void)[] = [];
  private frame = 0;

  private prepared: { layer: PointLayer; drawing: Drawing } | null = null;

  /** Groups the rows into sites (a pass over every row) before the map needs the layer, so that the
   * shaders' compiling, when it is added, is another task. */
  prepare(drawing: Drawing): void {
    this.prepared = { layer: new PointLayer(drawing.table, drawing.color, drawing.rows), drawing };
  }

  attach(map: MlMap, pointer: Pointer, drawing: Drawing, beforeLayer: string): void {
    const made = this.prepared;
    this.prepared = null;
    const layer =
      made?.drawing === drawing ? made.layer : new PointLayer(drawing.table, drawing.color, drawing.rows);
    layer.onFirstDraw = () => pointer.eventsReady();
    map.addLayer(layer, beforeLayer);
    this.map = map;
    this.pointer = pointer;
    this.layer = layer;
    this.drawing = drawing;
    const index = new PointIndex(drawing.table);
    // A finger covers more than a mouse pointer: reach further on touch screens.
    const reach = window.matchMedia('(pointer: coarse)').matches ? 20 : 10;
    const under = (ev: MapMouseEvent) =>
      index.near(ev.lngLat.lng, ev.lngLat.lat, map.getZoom(), reach, (row) => layer.isOn(row));
    this.on('mousemove', (ev) => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        const hit = under(ev);
        pointer.cursor(hit.length > 0);
        if (hit[0] === undefined) pointer.hide();
        // The latest table: a split set's details arrive as a new table over the same columns.
        else pointer.show(this.drawing?.table ?? drawing.table, hit[0], hit.length);
      });
    });
    this.on('click', (ev) => pointer.choose(under(ev)));
  }

  update(drawing: Drawing): void {
    const { layer, map } = this;
    const before = this.drawing;
    this.drawing = drawing;
    if (!layer || !map || !before) return;
    if (before.color !== drawing.color) layer.setColors(drawing.color, drawing.rows);
    else if (before.rows !== drawing.rows) {
      layer.setRows(drawing.rows);
      this.pointer?.measureFilterAtIdle();
      // Draw the new state now, in this task, rather than after the list and counts have re-rendered.
      map.redraw();
    }
  }

  detach(): void {
    for (const off of this.off.splice(0)) off();
    cancelAnimationFrame(this.frame);
    if (this.map && this.layer && this.map.getLayer(this.layer.id)) this.map.removeLayer(this.layer.id);
    this.pointer?.hide();
    this.map = null;
    this.layer = null;
    this.pointer = null;
  }

  private on(type: 'mousemove' | 'click', listener: (ev: MapMouseEvent) => void): void {
    const map = this.map as MlMap;
    map.on(type, listener);
    this.off.push(() => map.off(type, listener));
  }
}
