/**
 * Which place each recognised name means: every candidate scored by its kind, its people, the
 * article's countries and areas, the area written after it and its neighbours in the text.
 */
import type { GazetteerEntry } from './gazetteer.ts';
import { distanceKm } from './merge.ts';
import { areaOf, BROAD_FEATURES, CURATED_FEATURES, ownKey, ownName, withoutArticle } from './place-words.ts';

/** A name to resolve, with what its setting says about it. */
export interface Ambiguous {
  /** The gazetteer's candidates. */
  entries: GazetteerEntry[];
  /** The name, normalised: repeats of one name are not evidence for each other. */
  name: string;
  /** The area written right after it ("Paris, Texas"), if any. */
  container: GazetteerEntry | null;
  /** "Hasaka city", "the town of X": a populated place, not the province of the same name. */
  town: boolean;
  /** "Rafah governorate", "the province of Kandahar": the area, not its seat of the same name. */
  area?: boolean;
}

/** How many mentions on each side count as a mention's neighbours. */
const NEIGHBOURS = 40;
/** How far from an area's point its seat of the same name may lie. */
const SEAT_KM = 150;
/** Seats of government: of a country, a first- or a second-level area. */
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2']);

/** One name in two spellings: "Raqqa" and "Ar Raqqah" (articles dropped), not "Oklahoma City". */
function sameName(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= 2 && (a.includes(b) || b.includes(a));
}

/**
 * Two passes. The first resolves each mention from what the unambiguous mentions point to; the
 * second again, from what the first pass chose everywhere else in the article: the states and
 * countries it settled on, and its places near each mention. A mention never counts as its own
 * evidence: repeats of the same name are left out of each other's context.
 */
export function resolvePlaces(list: Ambiguous[]): (GazetteerEntry | null)[] {
  const containers = list.map((f) => f.container);
  const firstVotes = new Map<string, number>();
  const firstAnchors: (GazetteerEntry | undefined)[] = [];
  const firstAreas = new Map<string, number>();
  for (const [k, f] of list.entries()) {
    const countries = new Set(f.entries.map((e) => e.country));
    for (const c of countries) firstVotes.set(c, (firstVotes.get(c) ?? 0) + 1 / countries.size);
    if (f.entries.length === 1) {
      const e = f.entries[0] as GazetteerEntry;
      if (e.feature === 'ADM1' && e.code) firstAreas.set(e.code, (firstAreas.get(e.code) ?? 0) + 1);
      if (!BROAD_FEATURES.has(e.feature)) firstAnchors[k] = e;
    }
    const container = containers[k];
    if (container?.code) firstAreas.set(container.code, (firstAreas.get(container.code) ?? 0) + 1);
  }
  const first = list.map((f, k) =>
    pick(f, k, { votes: firstVotes, anchors: firstAnchors, areas: firstAreas }),
  );

  const names = list.map((f) => f.name);
  const votes = new Map<string, number>();
  const areas = new Map<string, number>();
  const anchors: (GazetteerEntry | undefined)[] = [];
  for (const [k, e] of first.entries()) {
    if (!e) continue;
    votes.set(e.country, (votes.get(e.country) ?? 0) + 1);
    const area = areaOf(e);
    if (area) areas.set(area, (areas.get(area) ?? 0) + 1);
    if (!BROAD_FEATURES.has(e.feature)) anchors[k] = e;
  }
  // This mention's own name, wherever it occurs, is not evidence for itself.
  const ownPicks = new Map<string, GazetteerEntry[]>();
  for (const [j, e] of first.entries()) {
    if (!e) continue;
    const name = names[j] as string;
    const picks = ownPicks.get(name);
    if (picks) picks.push(e);
    else ownPicks.set(name, [e]);
  }
  const without = new Map<string, { votes: Map<string, number>; areas: Map<string, number> }>();
  const contextWithout = (name: string) => {
    let c = without.get(name);
    if (!c) {
      const less = (m: Map<string, number>, key: (e: GazetteerEntry) => string | undefined) => {
        const out = new Map(m);
        for (const e of ownPicks.get(name) ?? []) {
          const x = key(e);
          if (x) out.set(x, (out.get(x) ?? 0) - 1);
        }
        return out;
      };
      c = {
        votes: less(votes, (e) => e.country),
        areas: less(areas, areaOf),
      };
      without.set(name, c);
    }
    return c;
  };
  return list.map((f, k) =>
    pick(f, k, { ...contextWithout(names[k] as string), anchors }, (j) => names[j] !== names[k]),
  );

  function pick(
    f: Ambiguous,
    k: number,
    c: { votes: Map<string, number>; areas: Map<string, number>; anchors: (GazetteerEntry | undefined)[] },
    counts: (j: number) => boolean = () => true,
  ): GazetteerEntry | null {
    const near: GazetteerEntry[] = [];
    for (let j = Math.max(0, k - NEIGHBOURS); j <= Math.min(c.anchors.length - 1, k + NEIGHBOURS); j++) {
      const a = c.anchors[j];
      if (a && counts(j)) near.push(a);
    }
    const topVote = Math.max(1, ...c.votes.values());
    let best: GazetteerEntry | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    const key = f.name;
    const countryNamed = f.entries.some((e) => e.feature === 'COUNTRY');
    for (const e of f.entries) {
      let s = score(e, containers[k] ?? null, near, c.votes, topVote, c.areas);
      if (f.town) s += e.precision === 'town' || e.precision === 'district' ? 3 : -3;
      // Named by its own name, not one of the alternate names broad lists give ("Africa" is also a
      // name of Mahdia, Tunisia).
      if (CURATED_FEATURES.has(e.feature) || ownName(e, withoutArticle(key), countryNamed)) s += 4;
      if (s > bestScore || (s === bestScore && best && e.id < best.id)) {
        best = e;
        bestScore = s;
      }
    }
    // "Rafah", "Kandahar": an area and its seat of one name are, bare, the town (news names the area
    // as such: "Kandahar province"); the seat lies in the area, so the context that chose it holds.
    const area = best;
    if (area?.feature === 'ADM1' && !f.area) {
      const seat = f.entries.find(
        (e) =>
          SEATS.has(e.feature) &&
          e.country === area.country &&
          distanceKm(e, area) < SEAT_KM &&
          sameName(ownKey(e), withoutArticle(key)),
      );
      if (seat) return seat;
    }
    return best;
  }

  function score(
    c: GazetteerEntry,
    container: GazetteerEntry | null,
    anchors: GazetteerEntry[],
    countryVotes: Map<string, number>,
    topVote: number,
    areas: Map<string, number>,
  ): number {
    // An area's people only break ties between areas of one name: its feature weighs for it below.
    let s = (c.feature === 'ADM1' ? 0.1 : 1) * Math.log10(c.population + 1);
    s +=
      c.feature === 'COUNTRY'
        ? 9
        : c.feature === 'ADM1'
          ? 6.5
          : c.feature === 'CONT' || c.feature === 'RGN' || c.feature === 'CONFLICT' || c.feature === 'CURATED'
            ? 6
            : c.feature === 'ADM2'
              ? 4.5
              : c.feature === 'PPLC'
                ? 2
                : c.feature === 'PPLA'
                  ? 1.5
                  : c.feature === 'PPLA2'
                    ? 1
                    : 0;
    s += 6 * (Math.max(0, countryVotes.get(c.country) ?? 0) / topVote);
    // "New York" in the news is the city; a city of millions outranks the state it names.
    if (c.population >= 1_000_000 && c.feature !== 'ADM1') s += 2.5;
    // Other mentions in the same first-level area (or, for an area, inside it).
    const area = areaOf(c);
    if (area && (areas.get(area) ?? 0) > 0) s += 3;
    if (container) {
      const inside =
        (container.feature === 'COUNTRY' && c.country === container.country) ||
        (container.code !== undefined && c.admin1 === container.code) ||
        (container.feature === 'ADM1' && c.country === container.country && distanceKm(c, container) < 400);
      s += inside ? 12 : -4;
    }
    let nearest = Number.POSITIVE_INFINITY;
    for (const a of anchors)
      if (a !== c) nearest = Math.min(nearest, c.code && a.admin1 === c.code ? 0 : distanceKm(a, c));
    if (nearest < 100) s += 3;
    else if (nearest < 300) s += 2;
    else if (nearest < 800) s += 1;
    return s;
  }
}
