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
import {
  CURATED_FEATURES,
  DIRECTION,
  LARGE_FEATURES,
  LIST_GAP,
  lowerVocabulary,
  MIDDLE_INITIAL,
  MONTH_OR_DAY,
  NOT_A_PLACE_NAME,
  OF_A_NAME_AFTER,
  ORG_AFTER,
  ownName,
  PERSON_AFTER,
  PLACE_KIND_LAST,
  PLACE_NOUN_AFTER,
  SENTENCE_OPENING,
  STRONG_LOCATIVE_BEFORE,
  TOWN_AFTER,
  TOWN_BEFORE,
  type Token,
  tokenize,
  withoutArticle,
} from './place-words.ts';
import { resolvePlaces } from './resolve-places.ts';
import {
  ASIDE_BEFORE,
  FUNCTION_WORDS,
  INSTITUTION_AFTER,
  LOCATIVE_BEFORE,
  NOT_PLACES,
  ORIGIN_BEFORE,
  REFERENCE_BEFORE,
  TITLE_BEFORE,
} from './text-rules.ts';

export type PlaceRole = 'site' | 'origin' | 'reference' | 'aside' | 'metonym' | 'demonym';

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

interface Found {
  start: number;
  end: number;
  entries: GazetteerEntry[];
  words: number;
  /** Certain by its form: an abbreviation or a demonym. */
  fixed?: boolean;
  role?: PlaceRole;
}

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
    if (titled || namedPerson) {
      for (const p of run.slice(titled ? 0 : 1)) people.add(normalizeName(p.text));
      i = j + 1;
      continue;
    }
    const prev = tokens[i - 1];
    const hasDirection =
      prev !== undefined && DIRECTION.test(prev.text) && /^ +$/.test(text.slice(prev.end, t.start));
    const hits = matchRun(run, hasDirection ? prev : undefined);
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
      container: containerAfter(f.end),
      town:
        TOWN_AFTER.test(text.slice(f.end, f.end + 10)) ||
        TOWN_BEFORE.test(text.slice(Math.max(0, f.start - 20), f.start)),
    })),
  );
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

  function matchRun(run: Token[], direction?: Token): Found[] {
    const out: Found[] = [];
    // With a direction word, first try "northern Syria" as one name.
    if (direction) {
      for (let n = Math.min(run.length, gazetteer.maxWords - 1); n >= 1; n--) {
        const last = run[n - 1] as Token;
        const hit = gazetteer.byName.get(normalizeName(text.slice(direction.start, last.end)));
        if (hit) return [{ start: direction.start, end: last.end, entries: hit, words: n + 1 }];
      }
    }
    let k = 0;
    while (k < run.length) {
      const first = run[k] as Token;
      // An abbreviation as written: "Ky.", "U.S.", "W.Va.".
      const abbr = gazetteer.abbreviations.get(first.raw) ?? gazetteer.abbreviations.get(first.text);
      if (
        abbr &&
        (first.raw.includes('.') || /^[A-Z]{2,3}$/.test(first.text) || abbr.feature === 'COUNTRY')
      ) {
        out.push({
          start: first.start,
          end: first.start + first.raw.length,
          entries: [abbr],
          words: 1,
          fixed: true,
        });
        k += 1;
        continue;
      }
      let matched = false;
      const single = normalizeName(first.text);
      const demonymCode = gazetteer.demonyms.get(single) ?? gazetteer.demonymPlurals.get(single);
      for (let n = Math.min(run.length - k, gazetteer.maxWords); n >= (demonymCode ? 2 : 1); n--) {
        const last = run[k + n - 1] as Token;
        const key = normalizeName(text.slice(first.start, last.end));
        const hit = gazetteer.byName.get(key);
        if (hit) {
          out.push({ start: first.start, end: last.end, entries: hit, words: n });
          k += n;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      // "Iraqi", "Palestinians", "Sri Lankan": the country, as an adjective or its people.
      const second = run[k + 1];
      const pair = second ? normalizeName(text.slice(first.start, second.end)) : '';
      const twoWords =
        second !== undefined && (gazetteer.demonyms.has(pair) || gazetteer.demonymPlurals.has(pair));
      const key = twoWords ? pair : normalizeName(first.text);
      const code = gazetteer.demonyms.get(key) ?? gazetteer.demonymPlurals.get(key);
      const country = code ? gazetteer.countries.get(code) : undefined;
      if (country) {
        out.push({
          start: first.start,
          end: twoWords && second ? second.end : first.end,
          entries: [country],
          words: 1,
          fixed: true,
          role: 'demonym',
        });
        if (twoWords) k += 1;
      }
      // A name later in a run ("President Erdogan", "Mosul Stronghold" in a headline) belongs to it.
      // "In Georgia", "At Mosul": a function word opening the run does not make it one name.
      if (k === 0 && !country && !FUNCTION_WORDS.has(key) && !DIRECTION.test(key)) break;
      k += 1;
    }
    return out;
  }

  /** Said to be a place by its setting: "in X", "X, Ky.", a dateline, or a name of several words. */
  function certain(f: Found): boolean {
    const before = text.slice(Math.max(0, f.start - 40), f.start);
    return (
      f.words > 1 ||
      STRONG_LOCATIVE_BEFORE.test(before) ||
      within(f.entries, containerAfter(f.end)) ||
      (/(?:^|\n)\s*$/.test(before) && /^\s*[,(—–-]/.test(text.slice(f.end, f.end + 3)))
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

  /**
   * Whether a recognised name is a place mention: certainly, not at all, or in doubt (a common word
   * or a given name with nothing around it saying it is a place), which the article may settle.
   */
  function keep(f: Found): 'place' | 'doubt' | 'not' {
    const verdict = keepOne(f);
    return verdict === true ? 'place' : verdict === false ? 'not' : 'doubt';
  }

  function keepOne(f: Found): boolean | 'doubt' {
    if (f.fixed) return true;
    const surface = text.slice(f.start, f.end);
    const key = keyOf(f);
    const before = text.slice(Math.max(0, f.start - 40), f.start);
    const locative = LOCATIVE_BEFORE.test(before);
    // A country, region or area by its own name: an area's alternate names ("Public" for a district in
    // Uganda) come from broad lists and prove nothing.
    // A district called "Most" or a sheading called "Middle" does not make the English word a place.
    const word = gazetteer.englishWords.has(key);
    const large = f.entries.some(
      (e) =>
        LARGE_FEATURES.has(e.feature) &&
        (CURATED_FEATURES.has(e.feature) ||
          (ownName(e, withoutArticle(key)) && !(word && e.feature !== 'ADM1'))),
    );
    // "Red Cross", "Rock Hill": a name made of English words is a place only after a preposition, or
    // where the article settles it ("a Rock Hill woman", "Rock Hill, S.C." elsewhere).
    if (f.words > 1 && !locative && !large && key.split(' ').every((w) => gazetteer.englishWords.has(w)))
      return 'doubt';
    // "Oxford University", "Dallas Police", "Springfield High": an organisation named after a place.
    if (!locative && ORG_AFTER.test(text.slice(f.end, f.end + 20))) return false;
    // "Charleston, W.Va.", and a dateline ("CHARLESTON, W.Va. -", "BEIRUT (AP) —"): certainly a place.
    const dateline =
      /^\p{Lu}[\p{Lu} .'-]+$/u.test(surface) &&
      /(?:^|\n)\s*$/.test(before) &&
      /^\s*[,(—–-]/.test(text.slice(f.end, f.end + 3));
    if (dateline || within(f.entries, containerAfter(f.end))) return true;
    if (f.words === 1) {
      if (NOT_PLACES.has(key) || MONTH_OR_DAY.test(key)) return false;
      if (lower.has(key) && !large) return 'doubt';
      // The surname of a person named earlier ("Hulusi Akar" … "Akar"), unless it is a well-known place.
      if (
        people.has(key) &&
        !f.entries.some((e) => CURATED_FEATURES.has(e.feature)) &&
        ownPopulation(f) < 100_000
      )
        return false;
      // "the University of Rochester", "Bank of America": an institution of the place named after it.
      if (gazetteer.englishWords.has(key) && OF_A_NAME_AFTER.test(text.slice(f.end, f.end + 4))) return false;
      if (TITLE_BEFORE.test(before)) return false;
      // A given name ("Lincoln", "Linda") or an English word ("White", "Over") is a place only where a
      // preposition says so, unless it names a country or a state.
      // A big city counts only by its own name: "Man" is an alternate name of Amman.
      const pop = Math.max(0, ...f.entries.map((e) => e.population));
      const ownPop = ownPopulation(f);
      // A small place known only by an alternate name ("Wagner" for Talent, Oregon) needs a preposition.
      const byOwnName = f.entries.some((e) => ownName(e, withoutArticle(key)));
      if (
        !locative &&
        !large &&
        ((!byOwnName && pop < 100_000) ||
          (word && ownPop < 1_000_000) ||
          (gazetteer.firstNames.has(key) && pop < 100_000))
      )
        return 'doubt';
      // An acronym (NATO, NTV) is an organisation unless a preposition makes it a place.
      if (!locative && /^\p{Lu}{2,6}$/u.test(surface)) return false;
    }
    return true;
  }

  /** The largest population among the places that bear this name as their own. */
  function ownPopulation(f: Found): number {
    const key = withoutArticle(keyOf(f));
    return Math.max(0, ...f.entries.filter((e) => ownName(e, key)).map((e) => e.population));
  }

  function roleOf(f: Found): { role: PlaceRole; locative: boolean } {
    const before = text.slice(Math.max(0, f.start - 40), f.start);
    const locative = LOCATIVE_BEFORE.test(before);
    if (f.role) return { role: f.role, locative };
    const capital = ctx.actorMentions.some((a) => a.via === 'capital' && a.start === f.start);
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

  /** Whether one of the candidates lies in the container. */
  function within(entries: GazetteerEntry[], container: GazetteerEntry | null): boolean {
    if (!container) return false;
    return entries.some(
      (c) =>
        c !== container &&
        ((container.feature === 'COUNTRY' && c.country === container.country) ||
          (container.code !== undefined && c.admin1 === container.code)),
    );
  }

  /** "Alexandria, La.", "Owerri, Imo State", "Paris, Texas": the area written right after a name. */
  function containerAfter(end: number): GazetteerEntry | null {
    const m = /^,\s*((?:\p{Lu}[\p{L}.]*\.?)(?:\s+\p{Lu}[\p{L}.]*\.?){0,2})/u.exec(text.slice(end, end + 40));
    if (!m?.[1]) return null;
    const raw = m[1].trim();
    const abbr = gazetteer.abbreviations.get(raw) ?? gazetteer.abbreviations.get(raw.replace(/\s+/g, ''));
    if (abbr) return abbr;
    const words = raw.replace(/\.$/, '').split(/\s+/);
    for (let n = words.length; n >= 1; n--) {
      const key = normalizeName(
        words
          .slice(0, n)
          .join(' ')
          .replace(/\s+(?:State|Province|Governorate|Region)$/i, ''),
      );
      const hit = gazetteer.byName.get(key)?.find((e) => e.feature === 'ADM1' || e.feature === 'COUNTRY');
      if (hit) return hit;
    }
    return null;
  }
}
