/**
 * Events grouped into map sites: one site per distinct position (to about a metre), so a million
 * events at a few thousand towns draw as a few thousand points. Pure, over the table's columns.
 */

/** A key per distinct position (to about a metre). */
export const spotKey = (lon: number, lat: number): number =>
  Math.round((lat + 90) * 1e5) * 4e7 + Math.round((lon + 180) * 1e5);

export interface Sites {
  /** Site of each row. */
  siteOf: Int32Array;
  /** The first row at each site (its position is the site's). */
  first: number[];
}

export function groupSites(lon: ArrayLike<number>, lat: ArrayLike<number>): Sites {
  const n = lon.length;
  const siteOf = new Int32Array(n);
  const index = new Map<number, number>();
  const first: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = spotKey(lon[i] as number, lat[i] as number);
    let site = index.get(key);
    if (site === undefined) {
      site = first.length;
      index.set(key, site);
      first.push(i);
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
