import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-countries';
import { GEONAMES_COLUMNS as G, normalizeName } from '../gazetteer.ts';
import { geonamesFile } from '../gazetteer-files.ts';
import { inPolygons, polygonsOf, type Ring } from './geometry.ts';
import type { Row } from './row.ts';
import { pkgDir } from './sources.ts';

/** Areas whose 1:50m outline is another country's (annexed, claimed or enclave). */
const DISPUTED = new Set([
  'UA-40',
  'UA-43',
  'ES-ML',
  'ES-CE',
  'MA-11',
  'MA-12',
  'TW-LIE',
  'TW-KIN',
  'AZ-XA',
  'AZ-XVD',
]);

/**
 * Drops or repairs rows whose point is not in (or within about a degree of) their country's
 * Natural Earth 1:50m outline (world-atlas): the database geocoded some generic names ("Central",
 * "Western", "South") to the wrong continent. A row is moved to the most populous GeoNames town of
 * the same name in the same country when there is one inside the country; otherwise it is dropped.
 * Countries too small for the 1:50m outline are left alone.
 */
export function checkCountries(rows: Row[]): Row[] {
  const topo = JSON.parse(
    readFileSync(join(pkgDir('world-atlas'), 'countries-50m.json'), 'utf8'),
  ) as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const byNumeric = new Map<string, Ring[][]>();
  for (const f of feature(topo, topo.objects.countries).features) {
    if (f.id === undefined) continue;
    const list = byNumeric.get(String(f.id)) ?? [];
    list.push(...polygonsOf(f.geometry));
    byNumeric.set(String(f.id), list);
  }
  // Russia's and Fiji's outlines cross the antimeridian: test them in 0..360° longitude.
  for (const [id, polys] of byNumeric) {
    const lons = polys.flatMap((p) => (p[0] ?? []).map((q) => q[0]));
    if (Math.max(...lons) - Math.min(...lons) > 180)
      byNumeric.set(
        id,
        polys.map((p) => p.map((ring) => ring.map(([x, y]) => [x < 0 ? x + 360 : x, y] as [number, number]))),
      );
  }
  const numeric = new Map(countries.map((c) => [c.cca2, c.ccn3]));
  const inside = (polys: Ring[][], lat: number, lon: number): boolean =>
    inPolygons(polys, lon, lat) || inPolygons(polys, lon + 360, lat);
  /** In the outline, within half a degree of it, or within 150 km of one of its vertices (small islands). */
  const near = (polys: Ring[][], lat: number, lon: number): boolean => {
    for (const d of [0, 0.25, 0.5])
      for (const [dx, dy] of [
        [0, 0],
        [d, 0],
        [-d, 0],
        [0, d],
        [0, -d],
      ] as const)
        if (inside(polys, lat + dy, lon + dx)) return true;
    const k = Math.cos((lat * Math.PI) / 180);
    for (const p of polys)
      for (const ring of p)
        for (const [x, y] of ring) {
          const dx = (((x - lon + 540) % 360) - 180) * k;
          if ((dx * dx + (y - lat) ** 2) * 111.2 ** 2 < 150 ** 2) return true;
        }
    return false;
  };
  let towns: Map<string, { lat: number; lon: number; pop: number }> | undefined;
  const kept: Row[] = [];
  for (const r of rows) {
    const polys = byNumeric.get(numeric.get(r.country) ?? '');
    if (!polys || near(polys, r.lat, r.lon) || DISPUTED.has(r.code)) {
      kept.push(r);
      continue;
    }
    // Off the outline but in no other country: a small island the 1:50m outline lacks.
    const elsewhere = [...byNumeric].find(
      ([id, p]) => id !== numeric.get(r.country) && inside(p, r.lat, r.lon),
    );
    if (!elsewhere) {
      kept.push(r);
      continue;
    }
    if (!towns) {
      towns = new Map();
      for (const line of readFileSync(geonamesFile(), 'utf8').split('\n')) {
        const c = line.split('\t');
        if (c.length < 15) continue;
        const key = `${c[G.country]}:${normalizeName(c[G.name] ?? '')}`;
        const pop = Number(c[G.pop]) || 0;
        const old = towns.get(key);
        if (!old || pop > old.pop) towns.set(key, { lat: Number(c[G.lat]), lon: Number(c[G.lon]), pop });
      }
    }
    const t = towns.get(`${r.country}:${normalizeName(r.name)}`);
    if (t && near(polys, t.lat, t.lon)) {
      console.warn(
        `moved ${r.country} ${r.name} from ${r.lat},${r.lon} (outside the country) to its namesake town`,
      );
      kept.push({
        ...r,
        lat: t.lat,
        lon: t.lon,
        source: `${r.source}; lat/lon of the namesake GeoNames town (database point was outside the country)`,
      });
    } else {
      console.warn(
        `dropped ${r.country} ${r.level} ${r.name}: ${r.lat},${r.lon} is in another country (${elsewhere[0]})`,
      );
    }
  }
  return kept;
}
