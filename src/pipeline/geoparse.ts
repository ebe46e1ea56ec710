/**
 * Toponym recognition and resolution. Candidate names are runs of capitalised words (with an
 * optional direction word before them: "northern Syria"); the longest run that is a gazetteer name
 * wins. Names of actors, people and common words are not places; a country or capital is a place
 * only after a locative preposition ("in Syria", "to Moscow"), otherwise it is an actor speaking.
 * Ambiguous names resolve to the candidate in a country the article is about; a doubtful candidate
 * is left unresolved rather than guessed.
 */
import type { ActorMention } from './actors.ts';
import { type Gazetteer, type GazetteerEntry, normalizeName } from './gazetteer.ts';
import {
  ASIDE_BEFORE,
  LOCATIVE_BEFORE,
  NOT_PLACES,
  ORIGIN_BEFORE,
  REFERENCE_BEFORE,
  TITLE_BEFORE,
} from './text-rules.ts';

export type PlaceRole = 'site' | 'origin' | 'reference' | 'aside';

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

interface Token {
  start: number;
  end: number;
  text: string;
  cap: boolean;
}

const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*/gu;
const DIRECTION =
  /^(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest)$/i;
const PREFIXED = /^(?:al|el|ad|ar|as|an|at|ash|az)-\p{Lu}/u;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    // Drop a possessive and trailing dots/hyphens: "Turkey's" → "Turkey".
    const word = m[0].replace(/['’]s$/u, '').replace(/[.'’-]+$/u, '');
    if (!word) continue;
    const first = word[0] ?? '';
    out.push({
      start: m.index,
      end: m.index + word.length,
      text: word,
      cap: first !== first.toLowerCase() || PREFIXED.test(word),
    });
  }
  return out;
}

/** Words the article itself writes in lower case: capitalised, they start a sentence, not a place. */
function lowerVocabulary(text: string): Set<string> {
  const set = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}.])\p{Ll}[\p{Ll}'’-]*/gu)) set.add(m[0]);
  return set;
}

export interface GeoparseContext {
  gazetteer: Gazetteer;
  /** Actor mentions in the text: their spans are not places. */
  actorMentions: ActorMention[];
  /** Country codes the article is about (from country names, demonyms and state actors). */
  countries: Set<string>;
  /** Spans that are names of the outlet, author and the like. */
  extraMasks?: [number, number][];
}

function choose(
  candidates: GazetteerEntry[],
  countries: Set<string>,
): { entry: GazetteerEntry | null; reason?: string } {
  let best: GazetteerEntry | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const score =
      (countries.has(c.country) ? 10 : 0) +
      (c.feature === 'CURATED' ? 5 : 0) +
      (c.feature === 'PPLC' ? 3 : c.feature === 'PPLA' ? 2 : c.feature === 'PPLA2' ? 1 : 0) +
      Math.log10(c.population + 1);
    if (score > bestScore || (score === bestScore && best && c.id < best.id)) {
      best = c;
      bestScore = score;
    }
  }
  if (!best) return { entry: null, reason: 'not in the gazetteer' };
  // A country's name means the country, not a town abroad that shares it (Turkey, Texas).
  const country = candidates.find((c) => c.feature === 'COUNTRY');
  if (country) return { entry: country };
  if (best.feature === 'COUNTRY' || best.feature === 'CURATED' || countries.has(best.country))
    return { entry: best };
  // Outside the article's countries only a large, unambiguous city is a safe guess.
  if (best.population >= 1_000_000 || (countries.size === 0 && best.population >= 100_000))
    return { entry: best };
  return {
    entry: null,
    reason: `only candidate${candidates.length > 1 ? 's' : ''} outside the article's countries (${[
      ...new Set(candidates.map((c) => c.country)),
    ]
      .slice(0, 5)
      .join(', ')})`,
  };
}

/** Finds the place mentions in `text`, resolved or not, in order. */
export function geoparse(text: string, ctx: GeoparseContext): PlaceMention[] {
  const { gazetteer } = ctx;
  const masks: [number, number][] = [
    ...ctx.actorMentions.filter((a) => a.via !== 'capital').map((a) => [a.start, a.end] as [number, number]),
    ...(ctx.extraMasks ?? []),
  ];
  const masked = (t: Token) => masks.some(([s, e]) => t.start < e && t.end > s);
  const lower = lowerVocabulary(text);
  const tokens = tokenize(text);
  const people = new Set<string>();
  const out: PlaceMention[] = [];

  // Runs of capitalised, unmasked tokens separated only by spaces.
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t?.cap || masked(t)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1];
      const cur = tokens[j];
      if (!next || !cur || !next.cap || masked(next) || !/^ +$/.test(text.slice(cur.end, next.start))) break;
      j += 1;
    }
    const prev = tokens[i - 1];
    const hasDirection =
      prev !== undefined && DIRECTION.test(prev.text) && /^ +$/.test(text.slice(prev.end, t.start));
    const run = tokens.slice(i, j + 1);
    const found = matchRun(run, hasDirection ? prev : undefined);
    if (found.length === 0 && run.length >= 2) people.add(normalizeName(run[run.length - 1]?.text ?? ''));
    // A capitalised name right after "in", "city of"… that no gazetteer knows: report it, unresolved.
    const first = run[0];
    if (
      found.length === 0 &&
      first &&
      run.length <= 3 &&
      LOCATIVE_BEFORE.test(text.slice(Math.max(0, first.start - 40), first.start))
    ) {
      const last = run[run.length - 1] ?? first;
      const key = normalizeName(text.slice(first.start, last.end));
      const adjective = gazetteer.demonyms.has(normalizeName(first.text));
      if (
        !adjective &&
        !NOT_PLACES.has(key) &&
        !gazetteer.englishWords.has(key) &&
        !/^\p{Lu}{2,6}$/u.test(first.text)
      ) {
        out.push({
          start: first.start,
          end: last.end,
          text: text.slice(first.start, last.end),
          entry: null,
          reason: 'not in the gazetteer',
          role: 'site',
          locative: true,
        });
      }
    }
    for (const f of found) {
      const mention = resolve(f.start, f.end, f.entries, f.words === 1);
      if (mention) out.push(mention);
    }
    i = j + 1;
  }
  // "out of Ankara, Cankiri and Aksaray": a list shares the role of its first place.
  for (let k = 1; k < out.length; k++) {
    const prev = out[k - 1];
    const cur = out[k];
    if (prev && cur && /^\s*(?:,|and|or|, and)\s*$/.test(text.slice(prev.end, cur.start))) {
      cur.role = prev.role;
      cur.locative ||= prev.locative;
    }
  }
  return out;

  function matchRun(run: Token[], direction?: Token) {
    const found: { start: number; end: number; entries: GazetteerEntry[]; words: number }[] = [];
    // With a direction word, first try "northern Syria" as one name.
    if (direction) {
      for (let n = Math.min(run.length, gazetteer.maxWords - 1); n >= 1; n--) {
        const last = run[n - 1];
        if (!last) continue;
        const hit = gazetteer.byName.get(normalizeName(text.slice(direction.start, last.end)));
        if (hit) return [{ start: direction.start, end: last.end, entries: hit, words: n + 1 }];
      }
    }
    // Otherwise the longest name at the start of the run; a name later in a run ("President Erdogan",
    // "Mosul Stronghold" in a headline) is part of another name.
    for (let n = Math.min(run.length, gazetteer.maxWords); n >= 1; n--) {
      const first = run[0];
      const last = run[n - 1];
      if (!first || !last) continue;
      const key = normalizeName(text.slice(first.start, last.end));
      const hit = gazetteer.byName.get(key);
      if (hit) {
        found.push({ start: first.start, end: last.end, entries: hit, words: n });
        break;
      }
    }
    return found;
  }

  function resolve(
    start: number,
    end: number,
    entries: GazetteerEntry[],
    single: boolean,
  ): PlaceMention | null {
    const surface = text.slice(start, end);
    const key = normalizeName(surface);
    const before = text.slice(Math.max(0, start - 40), start);
    const locative = LOCATIVE_BEFORE.test(before);
    // "Red Cross", "Middle East": names made of English words are places only after a preposition.
    if (!single && !locative && key.split(' ').every((w) => gazetteer.englishWords.has(w))) return null;
    if (single) {
      if (NOT_PLACES.has(key) || gazetteer.demonyms.has(key) || lower.has(key)) return null;
      // The surname of a person named earlier ("Hulusi Akar" … "Akar"), unless it is a well-known place.
      if (people.has(key) && !entries.some((e) => e.population >= 100_000 || e.feature === 'CURATED'))
        return null;
      if (TITLE_BEFORE.test(before)) return null;
      // An English word ("White", "Grants", "Over") is a place only where a preposition says so.
      if (!locative && gazetteer.englishWords.has(key)) return null;
      // An acronym (NATO, NTV) is an organisation unless a preposition makes it a place.
      if (!locative && /^\p{Lu}{2,6}$/u.test(surface)) return null;
    }
    const capitalActor = ctx.actorMentions.some((a) => a.via === 'capital' && a.start === start);
    // Countries and capitals are actors unless a preposition makes them places.
    if (capitalActor) return null;
    if (!locative && entries.every((e) => e.feature === 'COUNTRY')) return null;
    // A possessive country is its government or people ("from Iraq's prime minister").
    if (/^['’]s\b/.test(text.slice(end, end + 3)) && entries.some((e) => e.feature === 'COUNTRY'))
      return null;
    const role: PlaceRole = ASIDE_BEFORE.test(before)
      ? 'aside'
      : REFERENCE_BEFORE.test(before)
        ? 'reference'
        : ORIGIN_BEFORE.test(before)
          ? 'origin'
          : 'site';
    let { entry, reason } = choose(entries, ctx.countries);
    // "Idlib province": the name of a region whose seat shares its name.
    if (
      entry &&
      entry.precision === 'town' &&
      /^\s+(?:province|governorate|region)\b/i.test(text.slice(end, end + 15))
    ) {
      entry = { ...entry, precision: 'region' };
    }
    return { start, end, text: surface, entry, ...(reason ? { reason } : {}), role, locative };
  }
}

/** Countries an article is about: named countries, demonyms and state actors it mentions. */
export function articleCountries(
  text: string,
  gazetteer: Gazetteer,
  actorMentions: ActorMention[],
  actorCountry: (actorId: string) => string | undefined,
): Set<string> {
  const set = new Set<string>();
  for (const a of actorMentions) {
    const c = actorCountry(a.actorId);
    if (c) set.add(c);
  }
  for (const m of text.matchAll(/\p{Lu}[\p{L}-]+/gu)) {
    const key = normalizeName(m[0]);
    const demonym = gazetteer.demonyms.get(key);
    if (demonym) set.add(demonym);
    const hit = gazetteer.byName.get(key)?.find((e) => e.feature === 'COUNTRY');
    if (hit) set.add(hit.country);
  }
  return set;
}
