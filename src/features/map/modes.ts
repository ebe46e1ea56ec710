/** The two ways the map draws events, behind one interface: markers (small sets) and a point cloud. */
import type { Map as MlMap } from 'maplibre-gl';
import type { ColorKeys } from '../../data/color-keys.ts';
import type { EventTable } from '../../data/event-table.ts';
import type { Pointer } from './pointer.ts';

export interface Drawing {
  table: EventTable;
  /** The filtered rows, in date order. */
  rows: Uint32Array;
  color: ColorKeys;
  /** The selected row (drawn even when the filters hide it), or -1. */
  selectedRow: number;
}

export interface MapMode {
  /** Does attach's work that needs no map (for a million events, a task of its own), if any. */
  prepare?(drawing: Drawing): void;
  /** Adds the mode's sources, layers and handlers, below `beforeLayer`, and draws. Throws when the map
   * cannot draw this way (no WebGL2). */
  attach(map: MlMap, pointer: Pointer, drawing: Drawing, beforeLayer: string): void;
  /** Draws a new state: rows, colors or selection. */
  update(drawing: Drawing): void;
  /** Removes everything attach added, handlers included. */
  detach(): void;
}

/**
 * Up to this many events the map draws clustered symbols from a GeoJSON source (shapes per type,
 * counts per cluster); above it, one GPU point cloud (see point-layer.ts). Measured with npm run
 * bench: at 10,000 events the GeoJSON way already takes ~3.5 s to first draw and ~300 ms per filter
 * change here, re-tiling in MapLibre's worker; the point cloud takes ~1.3 s and ~50 ms.
 */
export const MARKER_LIMIT = 2_000;
