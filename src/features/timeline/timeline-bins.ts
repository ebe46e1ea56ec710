/** Time buckets for the timeline histogram (pure). Day-precise events are counted in buckets;
 * events with a range (week, month, year precision) are drawn as ranges, not points. */
import type { ConflictEvent } from '../../shared/schema.ts';

const DAY = 86_400_000;
export const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
export const toIso = (t: number) => new Date(t).toISOString().slice(0, 10);

export interface Domain {
  start: number;
  end: number;
}

export function eventsDomain(events: ConflictEvent[]): Domain | null {
  if (!events.length) return null;
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    start = Math.min(start, toTime(e.date));
    end = Math.max(end, toTime(e.dateEnd ?? e.date));
  }
  // A little room on both sides, and at least a fortnight.
  const pad = Math.max(3 * DAY, (end - start) * 0.03);
  return { start: start - pad, end: Math.max(end + pad + DAY, start + 14 * DAY) };
}

export interface Bucket {
  start: number;
  end: number;
  /** Counts per colour key, in key order. */
  stacks: { key: string; count: number }[];
  total: number;
}

/** Weekly buckets for spans up to ~8 months, else monthly; only day-precise events are counted. */
export function buildBuckets(
  events: ConflictEvent[],
  domain: Domain,
  colorKey: (e: ConflictEvent) => string,
): Bucket[] {
  const span = domain.end - domain.start;
  const edges: number[] = [];
  if (span <= 240 * DAY) {
    for (let t = domain.start; t < domain.end; t += 7 * DAY) edges.push(t);
  } else {
    const d = new Date(domain.start);
    let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    while (t < domain.end) {
      edges.push(Math.max(t, domain.start));
      const n = new Date(t);
      t = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + 1, 1);
    }
  }
  const buckets: Bucket[] = edges.map((start, i) => ({
    start,
    end: edges[i + 1] ?? domain.end,
    stacks: [],
    total: 0,
  }));
  for (const e of events) {
    if (e.dateEnd && e.dateEnd !== e.date) continue;
    const t = toTime(e.date);
    const b = buckets.find((x) => t >= x.start && t < x.end);
    if (!b) continue;
    const key = colorKey(e);
    const s = b.stacks.find((x) => x.key === key);
    if (s) s.count += 1;
    else b.stacks.push({ key, count: 1 });
    b.total += 1;
  }
  for (const b of buckets) b.stacks.sort((x, y) => x.key.localeCompare(y.key));
  return buckets;
}

/** Events with a date range, each on the first lane where it does not overlap another. */
export function rangeLanes(events: ConflictEvent[]): { event: ConflictEvent; lane: number }[] {
  const ranged = events
    .filter((e) => e.dateEnd && e.dateEnd !== e.date)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const laneEnds: string[] = [];
  return ranged.map((event) => {
    let lane = laneEnds.findIndex((end) => end < event.date);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = event.dateEnd ?? event.date;
    return { event, lane };
  });
}
