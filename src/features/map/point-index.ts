/** Which events lie under the pointer, for the point-cloud view: a k-d tree (kdbush) over the events'
 * Web Mercator positions, built on first use. */
import KDBush from 'kdbush';
import type { EventTable } from '../../data/event-table.ts';
import { mercator } from './point-layer.ts';

export class PointIndex {
  private index: KDBush | null = null;
  private x: Float64Array;
  private y: Float64Array;

  constructor(private readonly table: EventTable) {
    this.x = new Float64Array(table.size);
    this.y = new Float64Array(table.size);
  }

  private build(): KDBush {
    const t = this.table;
    const index = new KDBush(Math.max(1, t.size), 64, Float64Array);
    for (let i = 0; i < t.size; i++) {
      const [x, y] = mercator(t.lon[i] as number, t.lat[i] as number);
      this.x[i] = x;
      this.y[i] = y;
      index.add(x, y);
    }
    if (!t.size) index.add(-1, -1);
    index.finish();
    return index;
  }

  /**
   * The shown rows at the spot nearest to (lon, lat) within radiusPx at this zoom: one row, or all the
   * rows stacked at that spot (within a pixel of it), in row (date) order.
   */
  near(lon: number, lat: number, zoom: number, radiusPx: number, shown: (row: number) => boolean): number[] {
    this.index ??= this.build();
    const perPx = 1 / (512 * 2 ** zoom);
    const [qx, qy] = mercator(lon, lat);
    const hits = this.index.within(qx, qy, radiusPx * perPx).filter((i) => i < this.table.size && shown(i));
    if (!hits.length) return [];
    const dist = hits.map((i) => Math.hypot((this.x[i] as number) - qx, (this.y[i] as number) - qy));
    let best = Number.POSITIVE_INFINITY;
    for (const d of dist) best = Math.min(best, d);
    // A typed-array sort: a busy town can stack 10^5 events under the pointer.
    return Array.from(Uint32Array.from(hits.filter((_, k) => (dist[k] as number) <= best + perPx)).sort());
  }
}
