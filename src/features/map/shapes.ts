/** Marker shapes: one per event type (in the order of the data file's types), drawn as masks. */
import type { EventType } from '../../shared/schema.ts';

export const SHAPES = ['circle', 'triangle', 'square', 'diamond', 'star', 'cross', 'hexagon'] as const;
export type Shape = (typeof SHAPES)[number];

/** The shape of each event type: the map and the legend both ask here. */
export function shapeOfType(eventTypes: readonly Pick<EventType, 'id'>[]): Map<string, Shape> {
  return new Map(eventTypes.map((t, i) => [t.id, SHAPES[i % SHAPES.length] ?? 'circle']));
}

/** The name of a shape's image in the map style. */
export const shapeImage = (shape: Shape): string => `shape-${shape}`;

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
  ctx.fillStyle = '#ffffff'; // a mask: white is 'fully on', whatever the marker's color
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
