/** Planar geometry on lon/lat rings: centroids and point-in-polygon tests. */

export type Ring = [number, number][];

/** Area-weighted centroid of a (multi)polygon in lon/lat degrees (planar, fine at county size). */
export function centroid(polygons: Ring[][]): [number, number] {
  // Alaska's Aleutians cross the antimeridian: work in 0..360 when the shape straddles it.
  const lons = polygons.flat(2).map((p) => p[0]);
  const straddles = Math.max(...lons) - Math.min(...lons) > 180;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const poly of polygons) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const pi = ring[i];
        const pj = ring[j];
        if (!pi || !pj) continue;
        const xi = straddles && pi[0] < 0 ? pi[0] + 360 : pi[0];
        const xj = straddles && pj[0] < 0 ? pj[0] + 360 : pj[0];
        const f = xj * pi[1] - xi * pj[1];
        a += f;
        cx += (xj + xi) * f;
        cy += (pj[1] + pi[1]) * f;
      }
    }
  }
  if (a === 0) throw new Error('degenerate polygon');
  let lon = cx / (3 * a);
  const lat = cy / (3 * a);
  if (lon > 180) lon -= 360;
  return [lat, lon];
}

export function polygonsOf(g: GeoJSON.Geometry): Ring[][] {
  if (g.type === 'Polygon') return [g.coordinates as Ring[]];
  if (g.type === 'MultiPolygon') return g.coordinates as Ring[][];
  throw new Error(`unexpected geometry ${g.type}`);
}

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (!a || !b) continue;
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}
export function inPolygons(polys: Ring[][], lon: number, lat: number): boolean {
  return polys.some(
    (p) => p[0] !== undefined && inRing(lon, lat, p[0]) && !p.slice(1).some((h) => inRing(lon, lat, h)),
  );
}
