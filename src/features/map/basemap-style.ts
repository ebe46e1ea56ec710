/**
 * The offline basemap: Natural Earth land, borders, rivers and lakes and GeoNames place labels, as
 * GeoJSON files served from this origin (made by `npm run basemap`; MapLibre parses them in its
 * worker). Labels are drawn from the @fontsource web fonts the page loads (MapLibre renders text
 * locally when the style has no `glyphs` URL), so no request leaves the machine.
 * VITE_BASEMAP_STYLE_URL switches to any online MapLibre style.
 */
import type { StyleSpecification } from 'maplibre-gl';

export const ONLINE_STYLE_URL: string | undefined = import.meta.env.VITE_BASEMAP_STYLE_URL || undefined;
export const LABEL_FONT = ['Noto Sans Regular', 'Noto Sans Arabic Regular'];

const file = (name: string) => new URL(`${import.meta.env.BASE_URL}basemap/${name}`, document.baseURI).href;
const ATTRIBUTION =
  'Natural Earth (public domain) · GeoNames (CC BY 4.0) · <a href="https://maplibre.org/">MapLibre</a>';

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Conflict Atlas offline',
    sources: {
      land: { type: 'geojson', data: file('land.geojson'), attribution: ATTRIBUTION },
      borders: { type: 'geojson', data: file('borders.geojson') },
      rivers: { type: 'geojson', data: file('rivers.geojson') },
      lakes: { type: 'geojson', data: file('lakes.geojson') },
      places: { type: 'geojson', data: file('places.json') },
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
        // Bigger places first, smaller ones as the map zooms in: fewer labels to place and draw per frame.
        filter: ['>=', ['get', 'pop'], ['step', ['zoom'], 1_000_000, 5, 200_000, 6, 50_000, 7, 15_000, 8, 0]],
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
