/**
 * Events grouped into map sites: one site per distinct position (to about a metre), so a million
 * events at a few thousand towns draw as a few thousand points. Pure, over the table's columns.
 */

export interface Sites {
  /** Site of each row. */
  siteOf: Int32Array;
  /** The first row at each site (its position is the site's). */
  first: number[];
}

/** A coordinate's cell, to about a metre: rows whose two cells are equal share a site. */
const cellOf = (degrees: number, offset: number) => Math.round((degrees + offset) * 1e5);

/**
 * Sites by an open-addressing hash over the cells (linear probing into a typed array): the grouping of a
 * Map keyed by the cells, about 2.5 times faster (Node, 10^6 synthetic rows: 26 ms against 67 ms).
 */
export function groupSites(lon: ArrayLike<number>, lat: ArrayLike<number>): Sites {
  const n = lon.length;
  const siteOf = new Int32Array(n);
  const first: number[] = [];
  const siteLat: number[] = [];
  const siteLon: number[] = [];
  let mask = 4095;
  let slots = new Int32Array(mask + 1).fill(-1);
  const slotOf = (a: number, b: number) => {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) & mask;
    for (;;) {
      const site = slots[h] as number;
      if (site < 0 || (siteLat[site] === a && siteLon[site] === b)) return h;
      h = (h + 1) & mask;
    }
  };
  for (let i = 0; i < n; i++) {
    const a = cellOf(lat[i] as number, 90);
    const b = cellOf(lon[i] as number, 180);
    const h = slotOf(a, b);
    let site = slots[h] as number;
    if (site < 0) {
      site = first.length;
      slots[h] = site;
      first.push(i);
      siteLat.push(a);
      siteLon.push(b);
      if (2 * first.length > mask) {
        // Half full: twice the slots, every site placed again.
        mask = 2 * mask + 1;
        slots = new Int32Array(mask + 1).fill(-1);
        for (let k = 0; k < first.length; k++) slots[slotOf(siteLat[k] as number, siteLon[k] as number)] = k;
      }
    }
    siteOf[i] = site;
  }
  return { siteOf, first };
}

export interface SiteCounts {
  /** Shown rows per site. */
  count: Float32Array;
  /** The last shown row of each site (the one a site of one event is colored by), -1 when none. */
  lastRow: Int32Array;
  /** 1 for each shown row. */
  shown: Uint8Array;
}

/** Counts the shown rows per site, into `out` (reused between filter changes: no allocation). */
export function countSites(siteOf: Int32Array, rows: Uint32Array, out: SiteCounts): SiteCounts {
  out.count.fill(0);
  out.lastRow.fill(-1);
  out.shown.fill(0);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const site = siteOf[i] as number;
    out.count[site] = (out.count[site] ?? 0) + 1;
    out.lastRow[site] = i;
    out.shown[i] = 1;
  }
  return out;
}

export function emptyCounts(sites: number, rows: number): SiteCounts {
  return { count: new Float32Array(sites), lastRow: new Int32Array(sites), shown: new Uint8Array(rows) };
}
