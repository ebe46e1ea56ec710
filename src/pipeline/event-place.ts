/** The event's place: which of a sentence's places is the site, and how a finer one refines it. */
import { isCoarse, precisionRank } from '../shared/place-precision.ts';
import type { Place } from '../shared/schema.ts';
import type { PlaceMention } from './geoparse.ts';
import { distanceKm } from './merge.ts';
import { PEOPLE_OF_A_PLACE } from './text-rules.ts';

const ROLE_RANK = {
  site: 0,
  origin: 1,
  reference: 2,
  dateline: 3,
  aside: 4,
  metonym: 5,
  demonym: 6,
} as const;

/** A finer place inside a coarse one: a town in the country or region an event was first placed at. */
export function refines(coarse: Place, fine: Place): boolean {
  return (
    fine.country === coarse.country &&
    isCoarse(coarse.precision) &&
    precisionRank(fine.precision) < precisionRank(coarse.precision) &&
    (coarse.precision === 'country' || distanceKm(coarse, fine) <= 300)
  );
}

/** A town after a person's name or age is their home: "Dunbar of Austin", "34, of Owerri". */
export const HOME_BEFORE = /(?:\b\p{Lu}[\p{L}'’-]+|\b\d{1,3}),?\s+of\s+$/u;
/** "a Kansas City man": the place someone is from, not where it happened. */
export const HOME_AFTER = new RegExp(`^(?:['’]s)?\\s+(?:${PEOPLE_OF_A_PLACE}|couple|family|student)\\b`, 'i');

/**
 * The event's place: a site over an origin over a reference point, then the most precise, then the
 * nearest to the trigger (places after it first: "moving on the town of Tal Afar").
 */
export function choosePlace(places: PlaceMention[], triggerAt: number): PlaceMention | undefined {
  const near = (p: PlaceMention) => (p.start >= triggerAt ? p.start - triggerAt : triggerAt - p.end + 40);
  const coarse = (p: PlaceMention) => (isCoarse(p.entry?.precision ?? 'country') ? 1 : 0);
  return [...places].sort(
    (a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || coarse(a) - coarse(b) || near(a) - near(b),
  )[0];
}

export function toPlace(m: PlaceMention): Place | null {
  const e = m.entry;
  if (!e) return null;
  return {
    name: e.name,
    lat: e.lat,
    lon: e.lon,
    country: e.country,
    ...(e.admin1 ? { admin1: e.admin1 } : {}),
    precision: e.precision,
    gazetteerId: e.id,
  };
}
