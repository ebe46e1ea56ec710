/**
 * Events as map data (pure) and the layers that draw them: clustered circles with counts, one colour
 * per type or actor, a hollow ring for region- and country-level places so nobody mistakes a centroid
 * for a precise location.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { type ColourKeys, FALLBACK_COLOUR } from '../../data/color-keys.ts';
import type { EventTable } from '../../data/event-table.ts';

export const EVENTS_SOURCE = 'events';
export const SHAPES = ['circle', 'triangle', 'square', 'diamond', 'star', 'cross', 'hexagon'] as const;
export type Shape = (typeof SHAPES)[number];
export const POINT_LAYER = 'event-points';
export const CLUSTER_LAYER = 'event-clusters';

const COARSE = new Set(['region', 'country']);

/** One point per row; `color` is resolved here so the layer stays a plain lookup. */
export function eventsToGeoJson(rows: number[], table: EventTable, colour: ColourKeys): FeatureCollection {
  const typeShape = new Map(table.meta.eventTypes.map((t, i) => [t.id, SHAPES[i % SHAPES.length]]));
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => {
      const e = table.event(row);
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [e.place.lon, e.place.lat] },
        properties: {
          id: e.id,
          row,
          type: e.type,
          shape: `shape-${typeShape.get(e.type) ?? 'circle'}`,
          coarse: COARSE.has(e.place.precision),
          color: colour.colors[colour.code[row] as number] ?? FALLBACK_COLOUR,
        },
      };
    }),
  };
}

const color: ExpressionSpecification = ['get', 'color'];

export const eventLayers: LayerSpecification[] = [
  {
    id: CLUSTER_LAYER,
    type: 'circle',
    source: EVENTS_SOURCE,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': '#33415c',
      'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 24],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
  {
    id: 'event-cluster-count',
    type: 'symbol',
    source: EVENTS_SOURCE,
    filter: ['has', 'point_count'],
    layout: {
      'text-field': ['get', 'point_count_abbreviated'],
      'text-font': ['Noto Sans Bold'],
      'text-size': 12,
    },
    paint: { 'text-color': '#ffffff' },
  },
  {
    // Region/country guesses: a wide hollow ring around the symbol.
    id: 'event-coarse-ring',
    type: 'circle',
    source: EVENTS_SOURCE,
    filter: ['all', ['!', ['has', 'point_count']], ['get', 'coarse']],
    paint: {
      'circle-radius': 16,
      'circle-color': color,
      'circle-opacity': 0.1,
      'circle-stroke-color': color,
      'circle-stroke-width': 2.5,
    },
  },
  {
    // One symbol per event type (the legend shows which), coloured by type or actor.
    id: POINT_LAYER,
    type: 'symbol',
    source: EVENTS_SOURCE,
    filter: ['!', ['has', 'point_count']],
    layout: {
      'icon-image': ['get', 'shape'],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'icon-size': ['case', ['get', 'coarse'], 0.6, 0.75],
    },
    paint: {
      'icon-color': color,
      'icon-halo-color': '#ffffff',
      'icon-halo-width': 2,
      'icon-opacity': ['case', ['get', 'coarse'], 0.75, 1],
    },
  },
  {
    id: 'event-selected',
    type: 'circle',
    source: EVENTS_SOURCE,
    filter: ['==', ['get', 'id'], ''],
    paint: {
      'circle-radius': 14,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': '#111111',
      'circle-stroke-width': 3,
    },
  },
];

/** Draws a marker shape as a white alpha mask (MapLibre tints it with icon-color). */
export function drawShape(shape: Shape, size = 32): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  // A software canvas: reading pixels back from a GPU one costs tens of milliseconds per icon.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d canvas');
  const c = size / 2;
  const r = size * 0.36;
  const polygon = (points: [number, number][]) => {
    ctx.beginPath();
    for (const [i, [x, y]] of points.entries()) {
      if (i) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
    }
    ctx.closePath();
    ctx.fill();
  };
  const around = (n: number, radius: (i: number) => number, turn = -Math.PI / 2) =>
    Array.from({ length: n }, (_, i): [number, number] => [
      c + radius(i) * Math.cos(turn + (i * 2 * Math.PI) / n),
      c + radius(i) * Math.sin(turn + (i * 2 * Math.PI) / n),
    ]);
  ctx.fillStyle = '#ffffff';
  if (shape === 'circle') {
    ctx.beginPath();
    ctx.arc(c, c, r, 0, 2 * Math.PI);
    ctx.fill();
  } else if (shape === 'triangle') polygon(around(3, () => r * 1.15));
  else if (shape === 'square') polygon(around(4, () => r * 1.2, -Math.PI / 4));
  else if (shape === 'diamond') polygon(around(4, () => r * 1.2));
  else if (shape === 'star') polygon(around(10, (i) => (i % 2 ? r * 0.5 : r * 1.2)));
  else if (shape === 'hexagon') polygon(around(6, () => r * 1.1));
  else {
    const w = r * 0.7;
    ctx.fillRect(c - w / 2, c - r, w, 2 * r);
    ctx.fillRect(c - r, c - w / 2, 2 * r, w);
  }
  return ctx.getImageData(0, 0, size, size);
}
