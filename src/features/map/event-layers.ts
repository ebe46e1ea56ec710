/**
 * Events as map data (pure) and the layers that draw them: clustered circles with counts, one colour
 * per type or actor, a hollow ring for region- and country-level places so nobody mistakes a centroid
 * for a precise location.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { ConflictEvent, EventsFile } from '../../shared/schema.ts';
import type { ColorMode } from '../../state/store.ts';

export const EVENTS_SOURCE = 'events';
export const POINT_LAYER = 'event-points';
export const CLUSTER_LAYER = 'event-clusters';

const COARSE = new Set(['region', 'country']);

/** One point per event; `color` is resolved here so the layer stays a plain lookup. */
export function eventsToGeoJson(
  events: ConflictEvent[],
  data: EventsFile,
  mode: ColorMode,
): GeoJSON.FeatureCollection {
  const typeColor = new Map(data.eventTypes.map((t) => [t.id, t.color]));
  const actorColor = new Map(data.actors.map((a) => [a.id, a.color]));
  return {
    type: 'FeatureCollection',
    features: events.map((e) => ({
      type: 'Feature',
      id: undefined,
      geometry: { type: 'Point', coordinates: [e.place.lon, e.place.lat] },
      properties: {
        id: e.id,
        type: e.type,
        coarse: COARSE.has(e.place.precision),
        color:
          mode === 'type'
            ? (typeColor.get(e.type) ?? '#555555')
            : (actorColor.get(
                e.actors.find((a) => actorColor.has(a) && a !== 'civilians') ?? e.actors[0] ?? '',
              ) ?? '#555555'),
      },
    })),
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
    id: POINT_LAYER,
    type: 'circle',
    source: EVENTS_SOURCE,
    filter: ['!', ['has', 'point_count']],
    paint: {
      // Precise places: filled dots. Region/country guesses: wide hollow rings.
      'circle-radius': ['case', ['get', 'coarse'], 13, 8],
      'circle-color': color,
      'circle-opacity': ['case', ['get', 'coarse'], 0.12, 0.95],
      'circle-stroke-color': ['case', ['get', 'coarse'], color, '#ffffff'],
      'circle-stroke-width': ['case', ['get', 'coarse'], 3, 1.5],
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
