import { describe, expect, it } from 'vitest';
import { mainBounds } from './frame.ts';

const columns = (points: [number, number][]) => [points.map((p) => p[0]), points.map((p) => p[1])] as const;
// A war in northern Syria and Iraq.
const war: [number, number][] = [
  [37.05, 36.59], // Azaz
  [37.95, 36.53], // Manbij
  [38.01, 36.82], // Jarabulus
  [40.75, 36.5], // Hasakah
  [42.46, 37.34], // Silopi
  [43.13, 36.34], // Mosul
  [32.85, 39.93], // Ankara
  [38.0, 36.8],
  [38.0, 36.8],
  [43.1, 36.3],
  [43.2, 36.4],
  [37.1, 36.6],
];

describe('the first frame', () => {
  it('leaves a few far-off events out of the frame (statements from Washington and Moscow)', () => {
    const [lon, lat] = columns([...war, [-77.04, 38.9], [37.62, 55.75]]);
    expect(mainBounds(lon, lat)).toEqual([
      [32.85, 36.3],
      [43.2, 39.93],
    ]);
  });
  it('frames a data set spread over the world whole', () => {
    const spread: [number, number][] = [
      [-77, 38.9],
      [2.35, 48.86],
      [139.7, 35.7],
      [-58.4, -34.6],
      [36.8, -1.3],
      [77.2, 28.6],
      [-99.1, 19.4],
      [151.2, -33.9],
      [30, 31],
      [-43.2, -22.9],
    ];
    const [lon, lat] = columns(spread);
    expect(mainBounds(lon, lat)).toEqual([
      [-99.1, -34.6],
      [151.2, 48.86],
    ]);
  });
  it('frames one event, and nothing for none', () => {
    expect(mainBounds([44], [36])).toEqual([
      [44, 36],
      [44, 36],
    ]);
    expect(mainBounds([], [])).toBeNull();
  });
});
