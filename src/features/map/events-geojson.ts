/** Events as GeoJSON for the marker mode (pure): one point per row, its look resolved here so the
 * layers stay plain lookups. */
import type { FeatureCollection } from 'geojson';
import { type ColorKeys, FALLBACK_COLOR } from '../../data/color-keys.ts';
import type { EventTable } from '../../data/event-table.ts';
import { isCoarse } from '../../shared/place-precision.ts';
import { shapeImage, shapeOfType } from './shapes.ts';

export function eventsToGeoJson(rows: number[], table: EventTable, color: ColorKeys): FeatureCollection {
  const typeShape = shapeOfType(table.meta.eventTypes);
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
          shape: shapeImage(typeShape.get(e.type) ?? 'circle'),
          coarse: isCoarse(e.place.precision),
          color: color.colors[color.code[row] as number] ?? FALLBACK_COLOR,
        },
      };
    }),
  };
}
