/** The map legend: a symbol per event type, the colors of the current mode, and place precision. */
import { memo, useMemo } from 'react';
import type { ColorMode } from '../../data/color-keys.ts';
import { COLORS } from '../../data/colors.ts';
import type { Envelope } from '../../shared/schema.ts';
import { drawShape, type Shape, shapeOfType } from './shapes.ts';

function shapeUrl(shape: Shape, color: string): string {
  const img = drawShape(shape, 24);
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return '';
  ctx.putImageData(img, 0, 0);
  ctx.globalCompositeOperation = 'source-in';
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, img.width, img.height);
  return canvas.toDataURL();
}

interface Props {
  data: Envelope;
  colorMode: ColorMode;
  /** The map aggregates events at one spot (large data sets): dots by color, not symbols by type. */
  aggregated: boolean;
}

export const Legend = memo(function Legend({ data, colorMode, aggregated }: Props) {
  const typeIcons = useMemo(() => {
    const shapes = shapeOfType(data.eventTypes);
    return data.eventTypes.map((t) => ({
      ...t,
      url: shapeUrl(
        aggregated ? 'circle' : (shapes.get(t.id) ?? 'circle'),
        colorMode === 'type' ? t.color : COLORS.neutral,
      ),
    }));
  }, [data, colorMode, aggregated]);
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Legend</h2>
      <h3>Event types</h3>
      <ul>
        {typeIcons.map((t) => (
          <li key={t.id}>
            <img src={t.url} alt="" width={16} height={16} /> {t.name}
          </li>
        ))}
      </ul>
      {colorMode === 'actor' && (
        <>
          <h3>Actors (colour)</h3>
          <ul>
            {data.actors.map((a) => (
              <li key={a.id}>
                <span className="swatch" style={{ background: a.color }} aria-hidden="true" /> {a.name}
              </li>
            ))}
          </ul>
        </>
      )}
      {aggregated ? (
        <>
          <h3>Several events at one spot</h3>
          <ul>
            <li>
              <span className="swatch dot aggregate" aria-hidden="true" /> a dark circle, larger for more
              events; point at it for the count, click it for the list
            </li>
            <li>
              <span className="swatch ring" aria-hidden="true" /> hollow: region or country (approximate)
            </li>
          </ul>
        </>
      ) : (
        <>
          <h3>Place precision</h3>
          <ul>
            <li>
              <span className="swatch dot" aria-hidden="true" /> symbol alone: town or more precise
            </li>
            <li>
              <span className="swatch ring" aria-hidden="true" /> symbol in a wide ring: region or country
              (approximate)
            </li>
          </ul>
        </>
      )}
    </section>
  );
});
