/**
 * One event, many sources: candidates that report the same happening (same type, overlapping dates,
 * compatible places and actors) become one event. The event id is the passage key of its earliest
 * source, so it survives re-runs and the addition of later articles; every source keeps its key, so
 * an id that later becomes a secondary source still resolves in the app.
 */
import { isCoarse, precisionRank } from '../shared/place-precision.ts';
import type { ConflictEvent, DatePrecision, Place } from '../shared/schema.ts';
import type { Candidate } from './extract.ts';

const DATE_RANK: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, year: 3 };

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function placesCompatible(a: Place, b: Place): boolean {
  if (a.country !== b.country) return false;
  if (a.gazetteerId && a.gazetteerId === b.gazetteerId) return true;
  const coarse = isCoarse(a.precision) || isCoarse(b.precision);
  // A country or region contains the town reported elsewhere ("in Russia" / "to Moscow").
  if (coarse) return a.precision === 'country' || b.precision === 'country' || distanceKm(a, b) <= 300;
  return distanceKm(a, b) <= 25;
}

function oneCoarse(a: Place, b: Place): boolean {
  return isCoarse(a.precision) || isCoarse(b.precision);
}

function range(e: { date: string; dateEnd?: string }): [string, string] {
  return [e.date, e.dateEnd ?? e.date];
}

function datesOverlap(a: { date: string; dateEnd?: string }, b: { date: string; dateEnd?: string }): boolean {
  const [as, ae] = range(a);
  const [bs, be] = range(b);
  return as <= be && bs <= ae;
}

function actorsCompatible(a: string[], b: string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));
}

interface Draft {
  head: Candidate;
  members: Candidate[];
}

/** A toll or a headline: it tells part of a happening, told fully elsewhere in its article. */
function loose(c: Candidate): boolean {
  return c.outcome === true || c.headline === true;
}

function sameKind(a: Candidate, b: Candidate): boolean {
  if (a.type === b.type) return true;
  // A sentence that tells only a toll joins the violence told in its article at that place and day
  // (the types' `group` in seeds/event-types.yaml); a shelling and a clash told apart stay apart.
  return (
    a.articleId === b.articleId && (loose(a) || loose(b)) && a.group !== undefined && a.group === b.group
  );
}

function sameHappening(d: Draft, c: Candidate): boolean {
  return d.members.some(
    (m) =>
      sameKind(m, c) &&
      datesOverlap(m, c) &&
      // Within one article, different sentences are different facts unless they name the same place.
      // The same kind of event told again at a coarser place ("in Nigeria" after "in Port Harcourt")
      // is the same event.
      (m.articleId === c.articleId
        ? m.place.gazetteerId === c.place.gazetteerId ||
          ((m.subtype === c.subtype || m.type !== c.type || loose(m) || loose(c)) &&
            m.place.country === c.place.country &&
            oneCoarse(m.place, c.place))
        : placesCompatible(m.place, c.place)) &&
      // A toll names its victims, not the sides: it need not name the same actors.
      (actorsCompatible(m.actors, c.actors) || (m.articleId === c.articleId && (loose(m) || loose(c)))) &&
      // Undated sentences only join events of their own article: their date is a guess.
      (!(m.undated || c.undated) || m.articleId === c.articleId),
  );
}

function best<T>(items: T[], rank: (t: T) => number): T {
  return items.reduce((x, y) => (rank(y) < rank(x) ? y : x));
}

/** Merges candidates into events, deterministically (sorted input, sorted output). */
export function mergeCandidates(candidates: Candidate[]): ConflictEvent[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      a.published.localeCompare(b.published) || a.articleId.localeCompare(b.articleId) || a.start - b.start,
  );
  const drafts: Draft[] = [];
  for (const c of sorted) {
    const d = drafts.find((x) => sameHappening(x, c));
    if (d) d.members.push(c);
    else drafts.push({ head: c, members: [c] });
  }
  const events = drafts.map((d): ConflictEvent => {
    const place = best(d.members, (m) => precisionRank(m.place.precision)).place;
    const dated = d.members.filter((m) => !m.undated);
    const when = best(dated.length ? dated : d.members, (m) => DATE_RANK[m.datePrecision]);
    const actors = [...new Set(d.members.flatMap((m) => m.actors))];
    // The body tells what kind of event it was more exactly than a headline does.
    const told = d.members.find((m) => !m.headline) ?? d.head;
    // Conflicting tolls: the lowest stated (the ACLED rule).
    const tolls = d.members.flatMap((m) => (m.fatalities === undefined ? [] : [m.fatalities]));
    return {
      id: `e-${d.head.key}`,
      type: told.type,
      subtype: told.subtype,
      summary: told.summary,
      date: when.date,
      ...(when.dateEnd ? { dateEnd: when.dateEnd } : {}),
      datePrecision: when.datePrecision,
      place,
      actors,
      ...(tolls.length ? { fatalities: Math.min(...tolls) } : {}),
      sources: d.members.map((m) => ({
        articleId: m.articleId,
        start: m.start,
        end: m.end,
        key: `e-${m.key}`,
      })),
    };
  });
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
