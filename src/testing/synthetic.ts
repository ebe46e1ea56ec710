/**
 * Synthetic events in the data contract, for benchmarks and scale tests: events clustered at towns
 * (a few big cities take most), skewed in time (conflict grows, with bursts), several actors and
 * types, some coarse places and date ranges, one or two sources each. Deterministic for a seed.
 */
import { DAY_MS as DAY } from '../shared/days.ts';
import type { ConflictEvent, EventsFile } from '../shared/schema.ts';

/** mulberry32: a small seeded PRNG, so every run benchmarks the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTORS = [
  ['turkey', 'Turkey', 'state', '#c0392b'],
  ['islamic-state', 'Islamic State', 'armed group', '#2c3e50'],
  ['ypg', 'YPG', 'armed group', '#8e44ad'],
  ['iraq', 'Iraq', 'state', '#16a085'],
  ['syria', 'Syria', 'state', '#d35400'],
  ['russia', 'Russia', 'state', '#2980b9'],
  ['united-states', 'United States', 'state', '#27ae60'],
  ['civilians', 'Civilians', 'civilians', '#7f8c8d'],
] as const;
const TYPES = [
  ['battle', 'Battle', '#b03a2e'],
  ['explosion', 'Explosion / remote violence', '#d68910'],
  ['violence-against-civilians', 'Violence against civilians', '#6c3483'],
  ['strategic-development', 'Strategic development', '#1f618d'],
  ['diplomacy', 'Diplomacy', '#117a65'],
  ['protest', 'Protest', '#7d6608'],
] as const;

const START = Date.UTC(2014, 0, 1);
const SPAN_DAYS = 3 * 365;

export interface SyntheticOptions {
  events: number;
  seed?: number;
  towns?: number;
  articles?: number;
}

/** The envelope and a generator of the events one by one (a million objects need not be held at once). */
export function synthetic({
  events: n,
  seed = 1,
  towns: townCount = 3000,
  articles = 2000,
}: SyntheticOptions) {
  const rnd = random(seed);
  const towns = Array.from({ length: townCount }, (_, i) => ({
    name: `Town ${i + 1}`,
    lat: 31 + rnd() * 7,
    lon: 36 + rnd() * 12,
    country: rnd() < 0.5 ? 'IQ' : 'SY',
  }));
  // Zipf-like: town k is picked with weight 1/(k+1).
  const weights = towns.map((_, k) => 1 / (k + 1));
  const cumulative: number[] = [];
  weights.reduce((sum, w, k) => {
    cumulative[k] = sum + w;
    return sum + w;
  }, 0);
  const total = cumulative[cumulative.length - 1] ?? 1;
  const pickTown = () => {
    const r = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return towns[lo] as (typeof towns)[number];
  };
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const envelope: Omit<EventsFile, 'events'> = {
    schemaVersion: 1,
    // As the pipeline sets it: the newest article's day (events may not be later than a year after it).
    generatedAt: iso(START + SPAN_DAYS * DAY),
    actors: ACTORS.map(([id, name, kind, color]) => ({ id, name, kind, color, aliases: [] })),
    eventTypes: TYPES.map(([id, name, color]) => ({ id, name, color })),
    articles: Array.from({ length: articles }, (_, i) => ({
      id: `synthetic-${i}`,
      title: `Synthetic report ${i}`,
      outlet: `Outlet ${i % 12}`,
      author: null,
      url: null,
      published: iso(START + Math.floor((i / articles) * SPAN_DAYS) * DAY),
    })),
  };
  function* events(): Generator<ConflictEvent> {
    for (let i = 0; i < n; i++) {
      // Time: growing intensity (square-root inverse CDF) plus bursts around a few dates.
      const u = rnd();
      const burst = rnd() < 0.25 ? Math.floor(rnd() * 6) : -1;
      const dayIndex =
        burst >= 0
          ? Math.min(SPAN_DAYS - 1, Math.floor(((burst + 0.5) / 6) * SPAN_DAYS + (rnd() - 0.5) * 20))
          : Math.floor(Math.sqrt(u) * SPAN_DAYS);
      const date = START + Math.max(0, dayIndex) * DAY;
      const town = pickTown();
      const coarse = rnd() < 0.05;
      const precision = rnd() < 0.9 ? 'day' : rnd() < 0.7 ? 'week' : 'month';
      const span = precision === 'day' ? 0 : precision === 'week' ? 6 : 29;
      const type = TYPES[Math.floor(rnd() ** 1.5 * TYPES.length)]?.[0] ?? 'battle';
      const a = ACTORS[Math.floor(rnd() * 7)]?.[0] ?? 'turkey';
      const b = ACTORS[Math.floor(rnd() * ACTORS.length)]?.[0] ?? 'civilians';
      const article = Math.floor((dayIndex / SPAN_DAYS) * articles);
      const sources = [{ articleId: `synthetic-${Math.min(articles - 1, article)}`, start: 0, end: 120 }];
      if (rnd() < 0.2)
        sources.push({ articleId: `synthetic-${Math.floor(rnd() * articles)}`, start: 40, end: 200 });
      yield {
        id: `e-s${seed}-${i.toString(36)}`,
        type,
        summary: `${type.replace(/-/g, ' ')} involving ${a} and ${b} near ${town.name}`,
        date: iso(date),
        ...(span ? { dateEnd: iso(date + span * DAY) } : {}),
        datePrecision: precision,
        place: {
          name: coarse ? (town.country === 'IQ' ? 'Iraq' : 'Syria') : town.name,
          lat: coarse ? (town.country === 'IQ' ? 33.2 : 35) : town.lat,
          lon: coarse ? (town.country === 'IQ' ? 43.7 : 38.5) : town.lon,
          country: town.country,
          precision: coarse ? 'country' : 'town',
        },
        actors: a === b ? [a] : [a, b],
        sources,
      };
    }
  }
  return { envelope, events };
}
