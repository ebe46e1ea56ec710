import { describe, expect, it } from 'vitest';
import { colorKeys } from '../../data/color-keys.ts';
import { tableFromFile } from '../../data/table-from-columns.ts';
import { isCoarse } from '../../shared/place-precision.ts';
import { seedEvents } from '../../testing/seed-data.ts';
import { eventsToGeoJson } from './events-geojson.ts';
import { SHAPES } from './shapes.ts';

describe('events as GeoJSON for the marker map', () => {
  const t = tableFromFile(seedEvents);
  const keys = colorKeys(t, 'type');
  const rows = Array.from({ length: t.size }, (_, i) => i);
  const fc = eventsToGeoJson(rows, t, keys);
  it('has one point per row at its place, with the row, id, color, shape and coarseness', () => {
    expect(fc.features).toHaveLength(t.size);
    for (const [k, f] of fc.features.entries()) {
      const e = t.event(k);
      expect(f.geometry).toEqual({ type: 'Point', coordinates: [e.place.lon, e.place.lat] });
      expect(f.properties).toMatchObject({
        id: e.id,
        row: k,
        type: e.type,
        coarse: isCoarse(e.place.precision),
        color: keys.colors[keys.code[k] as number],
      });
      expect(SHAPES.map((s) => `shape-${s}`)).toContain(f.properties?.shape);
    }
  });
  it('gives each event type its own shape', () => {
    const shapeOf = new Map(fc.features.map((f) => [f.properties?.type, f.properties?.shape]));
    const types = [...shapeOf.keys()];
    expect(new Set(types.map((x) => shapeOf.get(x))).size).toBe(Math.min(types.length, SHAPES.length));
  });
});
