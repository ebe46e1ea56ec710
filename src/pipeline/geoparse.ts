/**
 * Toponym recognition and resolution.
 *
 * Recognition: runs of capitalised words (with an optional direction word before them: "northern
 * Syria") are matched against the gazetteer, longest name first; abbreviations ("Ky.", "U.S.") and
 * adjectives of nationality ("Iraqi", "Palestinians") are mentions of their state or country. People
 * are not places: a run that starts with a given name or follows a title is a person, and that
 * person's surname stays a person later in the text; so are actors, the outlet and the author.
 *
 * Every mention gets a use: a `site` (where something may have happened), an `origin` ("from X"), a
 * `reference` point ("near X"), an `aside` ("agreed in X"), a `metonym` (a country or capital named as
 * its government: "Turkey said", "Ankara sees") or a `demonym` ("Iraqi forces"). The event stage only
 * places events at sites; the geoparse command reports them all.
 *
 * Resolution ranks candidates by feature (country > first-level area > town…), population, the
 * countries and areas the article's unambiguous places point to, closeness to those places, and an
 * explicit container ("Alexandria, La.", "Owerri, Imo State"). A place is never dropped because its
 * country goes unnamed: the best candidate is kept, flagged as a guess when it is weak.
 */
import type { ActorMention } from './actors.ts';
import { type Gazetteer, type GazetteerEntry, normalizeName } from './gazetteer.ts';
import { containerAfter, type Found, matchRun } from './match-names.ts';
import { placeVerdicts } from './place-verdicts.ts';
import {
  AREA_AFTER,
  AREA_BEFORE,
  DIRECTION,
  isDateline,
  LIST_GAP,
  lowerVocabulary,
  MIDDLE_INITIAL,
  NOT_A_PLACE_NAME,
  PERSON_AFTER,
  PLACE_KIND_LAST,
  PLACE_NOUN_AFTER,
  type PlaceRole,
  SENTENCE_OPENING,
  STRONG_LOCATIVE_BEFORE,
  TOWN_AFTER,
  TOWN_BEFORE,
  type Token,
  tokenize,
} from './place-words.ts';
import { resolvePlaces } from './resolve-places.ts';
import {
  ASIDE_BEFORE,
  INSTITUTION_AFTER,
  LOCATIVE_BEFORE,
  NOT_PLACES,
  ORIGIN_BEFORE,
  REFERENCE_BEFORE,
  TITLE_BEFORE,
} from './text-rules.ts';

export type { PlaceRole };

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  entry: GazetteerEntry | null;
  /** Why a recognised name stayed unresolved. */
  reason?: string;
  role: PlaceRole;
  /** True when a locative preposition introduces it ("in Mosul"). */
  locative: boolean;
}

export interface GeoparseContext {
  gazetteer: Gazetteer;
  /** Actor mentions in the text: their spans are not places (countries and capitals excepted). */
  actorMentions: ActorMention[];
  /** Spans that are names of the outlet, author and the like. */
  extraMasks?: [number, number][];
}

/** The rest of an organisation's name after a place in it (up to two more capitalised words). */
const ORGANISATION_AFTER =
  /^(?:\s+\p{Lu}[\p{L}'’-]+){0,2}\s+(?:Movement|Party|Front|Alliance|Union|League|Congress|Association|Federation|Organi[sz]ation|Society|Company|Corporation|Corp|Inc|University|College|Institute|Foundation|Club)\b/u;

/** A possessive before another name: the name after it is the place, this one its container. */
const HOLDS_NEXT = /^['’]s\s+(?:(?:north|south|east|west)[a-z-]*\s+|central\s+)?\p{Lu}/u;

/** A surname after a given name and a particle: "da Costa", "van Dyke", "bin Laden". */
const NAME_PARTICLE =
  /^ (?:da|de|del|della|di|do|dos|du|van|von|der|den|ter|le|la|bin|ibn|al|el) (\p{Lu}[\p{L}'’-]+)/u;

/** Finds the place mentions in `text`, resolved or not, in order. */
export function geoparse(text: string, ctx: GeoparseContext): PlaceMention[] {
  const { gazetteer } = ctx;
  const masks: [number, number][] = [
    // A country or capital named as an actor is still a place mention: a metonym, resolved below.
    ...ctx.actorMentions
      .filter((a) => a.via !== 'capital' && a.via !== 'demonym' && !isCountryName(a.text))
      .map((a) => [a.start, a.end] as [number, number]),
    ...(ctx.extraMasks ?? []),
  ];
  // One flag a character, so a long article with many actor names stays linear.
  const maskedChar = new Uint8Array(text.length);
  for (const [s, e] of masks) maskedChar.fill(1, Math.max(0, s), Math.min(text.length, e));
  const masked = (t: Token) => {
    for (let k = t.start; k < t.end; k++) if (maskedChar[k]) return true;
    return false;
  };
  const lower = lowerVocabulary(text);
  const tokens = tokenize(text);
  const people = new Set<string>();
  // "Matthew D. Flores", "Capt. Roy A. Nelson": a middle initial makes the next word a surname.
  for (const m of text.matchAll(MIDDLE_INITIAL)) people.add(normalizeName(m[1] as string));
  const found: Found[] = [];
  const foundKeys = new WeakMap<Found, string>();
  const unknown: PlaceMention[] = [];

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (!t.cap || masked(t)) {
      i += 1;
      continue;
    }
    // Runs of capitalised, unmasked tokens separated only by spaces.
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1] as Token;
      const cur = tokens[j] as Token;
      if (!next.cap || masked(next) || !/^ +$/.test(text.slice(cur.end, next.start))) break;
      // "Louisville, Ky.": an abbreviation ends the run it follows.
      if (gazetteer.abbreviations.has(cur.raw)) break;
      j += 1;
    }
    const run = tokens.slice(i, j + 1);
    const before = text.slice(Math.max(0, t.start - 40), t.start);
    const firstKey = normalizeName(t.text);
    // A person: a title before, or a given name followed by another capitalised word ("Scott Wilson").
    const titled = TITLE_BEFORE.test(before);
    const namedPerson =
      run.length >= 2 &&
      gazetteer.firstNames.has(firstKey) &&
      !INSTITUTION_AFTER.test(text.slice(t.end, (run[1] as Token).end)) &&
      !gazetteer.byName.has(normalizeName(text.slice(t.start, (run[1] as Token).end)));
    // "Gilbert da Costa", "Ludwig van Beethoven": a given name, a particle, a surname.
    const particle =
      run.length === 1 && gazetteer.firstNames.has(firstKey)
        ? NAME_PARTICLE.exec(text.slice(t.end, t.end + 40))
        : null;
    if (particle?.[1]) people.add(normalizeName(particle[1]));
    if (titled || namedPerson || particle) {
      for (const p of run.slice(titled ? 0 : 1)) people.add(normalizeName(p.text));
      i = j + 1;
      continue;
    }
    const prev = tokens[i - 1];
    const hasDirection =
      prev !== undefined && DIRECTION.test(prev.text) && /^ +$/.test(text.slice(prev.end, t.start));
    const hits = matchRun(text, gazetteer, run, hasDirection ? prev : undefined);
    // A capitalised name right after "in", "city of"… that no gazetteer knows: report it, unresolved.
    // Only where the words around it leave no other reading: "in X", "the village of X", "to X Road".
    if (hits.length === 0 && run.length <= 3 && LOCATIVE_BEFORE.test(before)) {
      const last = run[run.length - 1] as Token;
      const key = normalizeName(text.slice(t.start, last.end));
      const surface = text.slice(t.start, last.end);
      if (
        (STRONG_LOCATIVE_BEFORE.test(before) || PLACE_KIND_LAST.test(surface)) &&
        !NOT_A_PLACE_NAME.test(surface) &&
        !gazetteer.demonyms.has(firstKey) &&
        !NOT_PLACES.has(key) &&
        !gazetteer.englishWords.has(key) &&
        !people.has(key) &&
        !/^\p{Lu}{2,6}$/u.test(t.text)
      ) {
        unknown.push({
          start: t.start,
          end: last.end,
          text: text.slice(t.start, last.end),
          entry: null,
          reason: 'not in the gazetteer',
          role: 'site',
          locative: true,
        });
      }
    }
    if (hits.length === 0 && run.length >= 2) people.add(normalizeName((run[run.length - 1] as Token).text));
    found.push(...hits);
    i = j + 1;
  }

  // A name kept for certain anywhere in the article ("in Charleston", "Charleston, W.Va.") is a place
  // wherever it appears; so is a doubtful one listed beside a place ("Becker, Clay and Douglas
  // counties") or naming the people and services of a place ("a Charleston man", "Roselle police").
  const { certain, keep } = placeVerdicts(text, gazetteer, lower, people, keyOf);
  const verdicts = found.map((f) => keep(f));
  const sure = new Set(found.filter((f, k) => verdicts[k] === 'place' && certain(f)).map((f) => keyOf(f)));
  const kept = found.filter((f, k) => {
    const v = verdicts[k];
    if (v !== 'doubt') return v === 'place';
    if (sure.has(keyOf(f))) return true;
    // "a Charleston man" names a place; "One man was arrested" opens a sentence with a number.
    const after = text.slice(f.end, f.end + 25);
    if (
      PLACE_NOUN_AFTER.test(after) &&
      !(PERSON_AFTER.test(after) && SENTENCE_OPENING.test(text.slice(Math.max(0, f.start - 3), f.start)))
    )
      return true;
    const listed = (j: number) => {
      const o = found[j];
      if (!o || verdicts[j] === 'not' || !sure.has(keyOf(o))) return false;
      return LIST_GAP.test(j < k ? text.slice(o.end, f.start) : text.slice(f.end, o.start));
    };
    return listed(k - 1) || listed(k + 1);
  });
  const entries = resolvePlaces(
    kept.map((f) => ({
      entries: f.entries,
      name: keyOf(f),
      container: containerAfter(text, gazetteer, f.end),
      town:
        TOWN_AFTER.test(text.slice(f.end, f.end + 10)) ||
        TOWN_BEFORE.test(text.slice(Math.max(0, f.start - 20), f.start)),
      area:
        AREA_AFTER.test(text.slice(f.end, f.end + 14)) ||
        AREA_BEFORE.test(text.slice(Math.max(0, f.start - 20), f.start)),
    })),
  );
  // Where the actor coder saw a capital standing for its government (a set: a search of the mentions
  // per place grew with the square of the text).
  const capitals = new Set(ctx.actorMentions.filter((a) => a.via === 'capital').map((a) => a.start));
  const resolved: PlaceMention[] = kept.map((f, k) => ({
    start: f.start,
    end: f.end,
    text: text.slice(f.start, f.end),
    entry: entries[k] ?? null,
    ...roleOf(f),
  }));
  const out = [...resolved, ...unknown].sort((a, b) => a.start - b.start);
  // "out of Ankara, Cankiri and Aksaray": a list shares the role of its first place.
  for (let k = 1; k < out.length; k++) {
    const prev = out[k - 1] as PlaceMention;
    const cur = out[k] as PlaceMention;
    if (
      cur.role === 'site' &&
      prev.role !== 'metonym' &&
      prev.role !== 'demonym' &&
      !cur.locative &&
      /^\s*(?:,|and|or|, and)\s*$/.test(text.slice(prev.end, cur.start))
    ) {
      cur.role = prev.role;
      cur.locative ||= prev.locative;
    }
  }
  return out;

  function isCountryName(name: string): boolean {
    return (
      gazetteer.abbreviations.has(name) ||
      Boolean(gazetteer.byName.get(normalizeName(name))?.some((e) => e.feature === 'COUNTRY'))
    );
  }

  /** A mention's normalised name, computed once: the verdicts and both resolution passes read it. */
  function keyOf(f: Found): string {
    let k = foundKeys.get(f);
    if (k === undefined) {
      k = normalizeName(text.slice(f.start, f.end));
      foundKeys.set(f, k);
    }
    return k;
  }

  function roleOf(f: Found): { role: PlaceRole; locative: boolean } {
    const before = text.slice(Math.max(0, f.start - 40), f.start);
    const locative = LOCATIVE_BEFORE.test(before);
    if (f.role) return { role: f.role, locative };
    // Where the report was filed: the event's place only when the text names no other.
    if (isDateline(text, f.start, f.end)) return { role: 'dateline', locative: false };
    // "Kenya's Lamu county", "Syria's northern Idlib": the country holds the place named next.
    if (HOLDS_NEXT.test(text.slice(f.end, f.end + 30))) return { role: 'aside', locative };
    // "the Orange Democratic Movement", "Oxford University": a name inside an organisation's name.
    if (ORGANISATION_AFTER.test(text.slice(f.end, f.end + 40))) return { role: 'aside', locative: false };
    const capital = capitals.has(f.start);
    const countryOnly = f.entries.some((e) => e.feature === 'COUNTRY');
    // Countries and capitals are their governments unless a preposition makes them places.
    if (!locative && (capital || countryOnly)) return { role: 'metonym', locative };
    const role: PlaceRole = ASIDE_BEFORE.test(before)
      ? 'aside'
      : REFERENCE_BEFORE.test(before)
        ? 'reference'
        : ORIGIN_BEFORE.test(before)
          ? 'origin'
          : 'site';
    return { role, locative };
  }
}
