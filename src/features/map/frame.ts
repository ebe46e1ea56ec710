/**
 * The first frame of the map: where most events are. An event far from the middle of the others (the
 * median spot) is left out of the frame, not off the map, so two reports filed from Washington do not
 * pull a war in Syria out to a view of the whole world. Pure, over the coordinate columns.
 */

/** Far means beyond this many times the median distance to the middle… */
const FAR = 4;
/** …and beyond this (km): the events of one war are never split. */
const MIN_KM = 1_000;
/** Left out only when they are few: a truly spread data set is framed whole. */
const MAX_LEFT_OUT = 0.2;
/** Rows sampled for the middle and the median distance (a pass over every row decides the frame). */
const SAMPLE = 20_000;

export type Bounds = [[number, number], [number, number]];

const median = (xs: Float64Array): number => {
  xs.sort();
  return xs[Math.floor(xs.length / 2)] as number;
};

export function mainBounds(lon: ArrayLike<number>, lat: ArrayLike<number>): Bounds | null {
  const n = lon.length;
  if (!n) return null;
  const step = Math.max(1, Math.floor(n / SAMPLE));
  const picked = Math.ceil(n / step);
  const sampleLon = new Float64Array(picked);
  const sampleLat = new Float64Array(picked);
  for (let k = 0; k < picked; k++) {
    sampleLon[k] = lon[k * step] as number;
    sampleLat[k] = lat[k * step] as number;
  }
  const lon0 = median(sampleLon.slice());
  const lat0 = median(sampleLat.slice());
  const cos = Math.cos((lat0 * Math.PI) / 180);
  const km = (x: number, y: number) =>
    Math.hypot((((x - lon0 + 540) % 360) - 180) * cos * 111.2, (y - lat0) * 111.2);
  const distances = Float64Array.from(sampleLon, (x, k) => km(x, sampleLat[k] as number));
  const reach = Math.max(MIN_KM, FAR * median(distances));
  let [west, south, east, north] = [180, 90, -180, -90];
  let [allWest, allSouth, allEast, allNorth] = [180, 90, -180, -90];
  let out = 0;
  for (let i = 0; i < n; i++) {
    const x = lon[i] as number;
    const y = lat[i] as number;
    [allWest, allEast, allSouth, allNorth] = [
      Math.min(allWest, x),
      Math.max(allEast, x),
      Math.min(allSouth, y),
      Math.max(allNorth, y),
    ];
    if (km(x, y) > reach) {
      out += 1;
      continue;
    }
    [west, east, south, north] = [
      Math.min(west, x),
      Math.max(east, x),
      Math.min(south, y),
      Math.max(north, y),
    ];
  }
  return out > MAX_LEFT_OUT * n
    ? [
        [allWest, allSouth],
        [allEast, allNorth],
      ]
    : [
        [west, south],
        [east, north],
      ];
}
