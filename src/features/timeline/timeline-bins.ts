/** Time buckets for the timeline histogram (pure, over table rows). Single-day events are counted in
 * buckets; events with a range (week, month, year precision) are drawn as ranges, not points. */
import type { ColorKeys } from '../../data/color-keys.ts';
import type { EventTable } from '../../data/event-table.ts';
import { DAY_MS as DAY } from '../../shared/days.ts';

export interface Domain {
  start: number;
  end: number;
}

export function eventsDomain(t: EventTable): Domain | null {
  if (!t.size) return null;
  // Rows are in date order: the first starts earliest; the latest end needs a pass.
  const start = (t.day[0] as number) * DAY;
  let endDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < t.size; i++) endDay = Math.max(endDay, t.dayEnd[i] as number);
  const end = endDay * DAY;
  // A little room on both sides, and at least a fortnight.
  const pad = Math.max(3 * DAY, (end - start) * 0.03);
  return { start: start - pad, end: Math.max(end + pad + DAY, start + 14 * DAY) };
}

export interface Bucket {
  start: number;
  end: number;
  /** Counts per color key, in key order. */
  stacks: { key: string; count: number }[];
  total: number;
}

/** The time at which month number m (year × 12 + month) starts (Date.UTC would take years 0–99 for
 * 1900–1999). */
function monthStart(m: number): number {
  const d = new Date(0);
  d.setUTCFullYear(Math.floor(m / 12), ((m % 12) + 12) % 12, 1);
  return d.getTime();
}

/** Most buckets drawn, whatever the span: a century of data is not 1,200 monthly bars. */
export const MAX_BUCKETS = 160;
/** Bucket lengths in months past weekly buckets: month, quarter, half-year, year, then 2, 5, 10… years. */
const MONTH_STEPS = [1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000];

/** Weekly buckets for spans up to ~8 months, else the shortest run of months that keeps the count at
 * most MAX_BUCKETS; only single-day events are counted. */
export function buildBuckets(t: EventTable, rows: Uint32Array, domain: Domain, color: ColorKeys): Bucket[] {
  const span = domain.end - domain.start;
  const edges: number[] = [];
  if (span <= 240 * DAY) {
    for (let x = domain.start; x < domain.end; x += 7 * DAY) edges.push(x);
  } else {
    const months = span / (30.44 * DAY);
    const step = MONTH_STEPS.find((m) => months / m <= MAX_BUCKETS - 1) ?? (MONTH_STEPS.at(-1) as number);
    const d = new Date(domain.start);
    // Aligned to the step (quarters start in January, April…; decades in years ending in 0).
    const first = d.getUTCFullYear() * 12 + d.getUTCMonth();
    let m = first - (((first % step) + step) % step);
    let x = monthStart(m);
    while (x < domain.end && edges.length <= MAX_BUCKETS) {
      edges.push(Math.max(x, domain.start));
      m += step;
      x = monthStart(m);
    }
  }
  // Day → bucket, as a lookup over the domain's days.
  const firstDay = Math.floor(domain.start / DAY);
  const dayCount = Math.ceil(domain.end / DAY) - firstDay + 1;
  const bucketOfDay = new Int32Array(dayCount).fill(-1);
  edges.forEach((start, b) => {
    const end = edges[b + 1] ?? domain.end;
    for (let d = Math.ceil(start / DAY); d * DAY < end; d++) bucketOfDay[d - firstDay] = b;
  });
  const perKey = edges.map(() => new Map<number, number>());
  const totals = new Float64Array(edges.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const day = t.day[i] as number;
    if (t.dayEnd[i] !== day) continue;
    const b = bucketOfDay[day - firstDay] ?? -1;
    if (b < 0) continue;
    const key = color.code[i] as number;
    const m = perKey[b] as Map<number, number>;
    m.set(key, (m.get(key) ?? 0) + 1);
    totals[b] = (totals[b] ?? 0) + 1;
  }
  return edges.map((start, b) => ({
    start,
    end: edges[b + 1] ?? domain.end,
    stacks: [...(perKey[b] as Map<number, number>)]
      .map(([key, count]) => ({ key: color.keys[key] ?? '', count }))
      .sort((x, y) => x.key.localeCompare(y.key)),
    total: totals[b] ?? 0,
  }));
}

/** Most date ranges drawn as bars; past that the bars would be noise (and thousands of SVG nodes). */
export const MAX_RANGES = 400;

/** Rows with a date range, each on the first lane where it does not overlap another. */
export function rangeLanes(t: EventTable, rows: Uint32Array): { row: number; lane: number }[] {
  const laneEnds: number[] = [];
  const out: { row: number; lane: number }[] = [];
  for (let k = 0; k < rows.length && out.length < MAX_RANGES; k++) {
    const row = rows[k] as number;
    const start = t.day[row] as number;
    const end = t.dayEnd[row] as number;
    if (end === start) continue;
    let lane = laneEnds.findIndex((e) => e < start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = end;
    out.push({ row, lane });
  }
  return out;
}

/**
 * Where the player's next window starts: at `next` when an event of `rows` (in date order) starts
 * within the window, else at the next event's day, so empty stretches are skipped rather than played
 * through; null when no event starts at or after `next` (the player stops on its last full window).
 */
export function nextWindowStart(
  t: EventTable,
  rows: Uint32Array,
  next: number,
  windowMs: number,
): number | null {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t.day[rows[mid] as number] as number) * DAY < next) lo = mid + 1;
    else hi = mid;
  }
  if (lo === rows.length) return null;
  const first = (t.day[rows[lo] as number] as number) * DAY;
  return first < next + windowMs ? next : first;
}
