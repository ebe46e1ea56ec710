/**
 * Every source and layer id the map uses, and the specs of the marker mode's layers and of the one
 * selection ring both modes share. Marker mode: clustered symbols from a GeoJSON source, a color per
 * type or actor, a hollow ring for region- and country-level places so nobody mistakes a centroid for
 * a precise location. Cloud mode: one custom WebGL layer (point-layer.ts).
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { COLORS } from '../../data/colors.ts';

export const EVENTS_SOURCE = 'events';
export const CLUSTER_LAYER = 'event-clusters';
export const CLUSTER_COUNT_LAYER = 'event-cluster-count';
export const COARSE_RING_LAYER = 'event-coarse-ring';
export const POINT_LAYER = 'event-points';
/** The point cloud's custom layer. */
export const CLOUD_LAYER = 'event-points-gpu';
export const SELECTED_SOURCE = 'event-selected-point';
export const SELECTED_LAYER = 'event-selected-ring';

/** The marker mode's source options: clustered up to zoom 8. */
export const CLUSTER_OPTIONS = { cluster: true, clusterRadius: 36, clusterMaxZoom: 8 } as const;

const color: ExpressionSpecification = ['get', 'color'];
const single: ExpressionSpecification = ['!', ['has', 'point_count']];

export const markerLayers: LayerSpecification[] = [
  {
    id: CLUSTER_LAYER,
    type: 'circle',
    source: EVENTS_SOURCE,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': COLORS.aggregate,
      'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 24],
      'circle-stroke-color': COLORS.halo,
      'circle-stroke-width': 2,
    },
  },
  {
    id: CLUSTER_COUNT_LAYER,
    type: 'symbol',
    source: EVENTS_SOURCE,
    filter: ['has', 'point_count'],
    layout: {
      'text-field': ['get', 'point_count_abbreviated'],
      'text-font': ['Noto Sans Bold'],
      'text-size': 12,
    },
    paint: { 'text-color': COLORS.halo },
  },
  {
    // Region/country guesses: a wide hollow ring around the symbol.
    id: COARSE_RING_LAYER,
    type: 'circle',
    source: EVENTS_SOURCE,
    filter: ['all', single, ['get', 'coarse']],
    paint: {
      'circle-radius': 16,
      'circle-color': color,
      'circle-opacity': 0.1,
      'circle-stroke-color': color,
      'circle-stroke-width': 2.5,
    },
  },
  {
    // One symbol per event type (the legend shows which), colored by type or actor.
    id: POINT_LAYER,
    type: 'symbol',
    source: EVENTS_SOURCE,
    filter: single,
    layout: {
      'icon-image': ['get', 'shape'],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'icon-size': ['case', ['get', 'coarse'], 0.6, 0.75],
    },
    paint: {
      'icon-color': color,
      'icon-halo-color': COLORS.halo,
      'icon-halo-width': 2,
      'icon-opacity': ['case', ['get', 'coarse'], 0.75, 1],
    },
  },
];

/** The ring around the selected event, above either mode's layers. */
export const selectedLayer: LayerSpecification = {
  id: SELECTED_LAYER,
  type: 'circle',
  source: SELECTED_SOURCE,
  paint: {
    'circle-radius': 14,
    'circle-color': 'rgba(0,0,0,0)',
    'circle-stroke-color': COLORS.selection,
    'circle-stroke-width': 3,
  },
};
