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
import { distanceKm } from './merge.ts';
import {
  ASIDE_BEFORE,
  FUNCTION_WORDS,
  INSTITUTION_AFTER,
  LOCATIVE_BEFORE,
  NOT_PLACES,
  ORIGIN_BEFORE,
  PEOPLE_OF_A_PLACE,
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

interface Token {
  start: number;
  end: number;
  text: string;
  /** The token as written, trailing dots included ("Ky."). */
  raw: string;
  cap: boolean;
}

const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*/gu;
const DIRECTION =
  /^(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest|upper|lower)$/i;
/** Arabic articles written before a name ("al-Bab", "Ar Raqqah"). */
const ARTICLES = 'al|el|ad|ar|as|an|at|ash|az';
const PREFIXED = new RegExp(`^(?:${ARTICLES})-\\p{Lu}`, 'u');
const LEADING_ARTICLE = new RegExp(`^(?:${ARTICLES}|the) `);
/** Contractions are never names ("I've", "We'll"). */
const CONTRACTION = /['’](?:ve|ll|re|d|m|t)$/i;
const MONTH_OR_DAY =
  /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/i;
/** Nouns after a name that make it a place: its people, services or parts ("a Charleston man"). */
const PLACE_NOUN_AFTER = new RegExp(
  `^(?:['’]s)?\\s+(?:${PEOPLE_OF_A_PLACE}|police|sheriff|firefighters|officials|authorities|county|city|area|neighborhood|neighbourhood|mayor|council|streets|city limits|downtown|suburbs?|outskirts)\\b`,
  'i',
);
/** The last word of a name that says it is a place: "County Road", "Coffman Park", "Flat Creek". */
const PLACE_KIND_LAST =
  /\b(?:Road|Rd|Street|St|Avenue|Ave|Drive|Dr|Boulevard|Blvd|Lane|Highway|Park|Creek|River|Lake|Valley|Township|Village|County|Parish|Heights|Hills?|Springs?|Beach|Island|Bay|Trail)\.?$/;
/** Names no gazetteer will ever hold: a title or an abbreviation first, an institution's word after. */
const NOT_A_PLACE_NAME =
  /^(?:\p{Lu}\p{Ll}?\.?|[\p{Lu}\d-]{2,}|(?:President|Congressman|Congresswoman|Councilman|Councilwoman|Superintendent|Senator|Sen|Rep|Gov|Governor|Judge|Mayor|Officer|Sgt|Lt|Capt|Chief|Dr|Mr|Mrs|Ms|Prof)\b.*)$|\b(?:Association|Council|Organization|Organisation|Way|Bank|Inn|Festival|Tournament|Ministry|Commission|Department|Products|Services|Project|Board|Force|Party|Movement|Day|Amphitheatre|Center|Centre|Racetrack|Reserve|Control|Affairs|Policy|Amendment|Custody|Arts|Season)\b/u;
const OF_A_NAME_AFTER = /^ of \p{Lu}/u;
const PERSON_AFTER = new RegExp(`^\\s+(?:${PEOPLE_OF_A_PLACE})\\b`, 'i');
/** Prepositions that make a name a place whatever else it could be ("according to Bell" does not). */
const STRONG_LOCATIVE_BEFORE =
  /\b(?:in|at|near|outside|inside|within|throughout|across|city of|town of|village of|county of)\s+(?:the\s+)?$/i;
/** A capitalised word, a middle initial, and the surname it introduces. */
const MIDDLE_INITIAL = /\b\p{Lu}\p{Ll}+ (?:\p{Lu}\. ){1,2}(\p{Lu}[\p{L}'’-]*\p{L})/gu;
/** What precedes a word that opens a sentence or a quotation. */
const SENTENCE_OPENING = /(?:^|[.!?:]["'”’]?\s+|["“]|\n\s*)$/;
/** What separates the names of a list. */
const LIST_GAP = /^\s*(?:,|and|or|, and|, or)\s*$/;
/** Words after a run that make it an organisation or a building, not the place it is named after. */
const ORG_AFTER =
  /^\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Dr\.|Lane|Highway(?! Patrol)|Hwy|Rangers|United|FC|Corp|Inc)\b/;

function withoutArticle(name: string): string {
  return name.replace(LEADING_ARTICLE, '');
}

/** The first-level area an entry is, or lies in ("US.KY"). */
function areaOf(e: GazetteerEntry): string | undefined {
  return e.feature === 'ADM1' ? e.code : e.admin1;
}

/** An entry's own name, normalised once (resolution compares it for every mention). */
const ownKeys = new WeakMap<GazetteerEntry, string>();
function ownKey(e: GazetteerEntry): string {
  let k = ownKeys.get(e);
  if (k === undefined) {
    k = withoutArticle(normalizeName(e.name));
    ownKeys.set(e, k);
  }
  return k;
}

/** Whether `key` (normalised, no article) is the place's own name: "New York" for New York City too. */
function ownName(e: GazetteerEntry, key: string): boolean {
  const own = ownKey(e);
  return own === key || own === `${key} city`;
}

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
      raw: m[0],
      cap: (first !== first.toLowerCase() || PREFIXED.test(word)) && !CONTRACTION.test(m[0]),
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

/** How many place mentions either side give context for resolving one. */
const NEIGHBOURS = 40;

const LARGE_FEATURES = new Set(['COUNTRY', 'ADM1', 'ADM2', 'CONT', 'RGN', 'CONFLICT']);
/** Features whose names and aliases come from curated lists, not from broad alternate-name data. */
const CURATED_FEATURES = new Set(['COUNTRY', 'CONT', 'RGN', 'CONFLICT']);
/** Areas too broad to say where a neighbouring mention lies. */
const BROAD_FEATURES = new Set(['COUNTRY', 'CONT', 'RGN']);

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
  const resolved = resolveAll(kept);
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

  /**
   * Two passes. The first resolves each mention from what the unambiguous mentions point to; the
   * second again, from what the first pass chose everywhere else in the article: the states and
   * countries it settled on, and its places near each mention. A mention never counts as its own
   * evidence: repeats of the same name are left out of each other's context.
   */
  function resolveAll(list: Found[]): PlaceMention[] {
    const containers = list.map((f) => containerAfter(f.end));
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

    const names = list.map(keyOf);
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
    return list.map((f, k) => {
      const { role, locative } = roleOf(f);
      const best = pick(
        f,
        k,
        { ...contextWithout(names[k] as string), anchors },
        (j) => names[j] !== names[k],
      );
      return { start: f.start, end: f.end, text: text.slice(f.start, f.end), entry: best, role, locative };
    });

    function pick(
      f: Found,
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
      const key = keyOf(f);
      // "Hasaka city", "the town of X": a populated place, not the province of the same name.
      const town =
        /^\s+(?:city|town|village)\b/i.test(text.slice(f.end, f.end + 10)) ||
        /\b(?:city|town|village) of\s+$/i.test(text.slice(Math.max(0, f.start - 20), f.start));
      for (const e of f.entries) {
        let s = score(e, containers[k] ?? null, near, c.votes, topVote, c.areas);
        if (town) s += e.precision === 'town' || e.precision === 'district' ? 3 : -3;
        // Named by its own name, not one of the alternate names broad lists give ("Africa" is also a
        // name of Mahdia, Tunisia).
        if (CURATED_FEATURES.has(e.feature) || ownName(e, withoutArticle(key))) s += 4;
        if (s > bestScore || (s === bestScore && best && e.id < best.id)) {
          best = e;
          bestScore = s;
        }
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
            : c.feature === 'CONT' ||
                c.feature === 'RGN' ||
                c.feature === 'CONFLICT' ||
                c.feature === 'CURATED'
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
