/**
 * The words and forms that tell a place name from other capitalised words: the tokenizer, the patterns
 * around a name ("in X", "X police", "Matthew D. Flores"), and how an entry's own name is compared.
 */
import type { GazetteerEntry } from './gazetteer.ts';
import { normalizeName } from './gazetteer.ts';
import { PEOPLE_OF_A_PLACE } from './text-rules.ts';

export type PlaceRole = 'site' | 'origin' | 'reference' | 'dateline' | 'aside' | 'metonym' | 'demonym';

/** "CHARLESTON, W.Va. -", "BEIRUT (AP) —": a name in capitals opening a line, then its punctuation. */
export function isDateline(text: string, start: number, end: number): boolean {
  return (
    /^\p{Lu}[\p{Lu} .'-]+$/u.test(text.slice(start, end)) &&
    /(?:^|\n)\s*$/.test(text.slice(Math.max(0, start - 40), start)) &&
    /^\s*[,(—–-]/.test(text.slice(end, end + 3))
  );
}

export interface Token {
  start: number;
  end: number;
  text: string;
  /** The token as written, trailing dots included ("Ky."). */
  raw: string;
  cap: boolean;
}

export const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*/gu;
export const DIRECTION =
  /^(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest|upper|lower)$/i;
/** Arabic articles written before a name ("al-Bab", "Ar Raqqah"). */
export const ARTICLES = 'al|el|ad|ar|as|an|at|ash|az';
export const PREFIXED = new RegExp(`^(?:${ARTICLES})-\\p{Lu}`, 'u');
export const LEADING_ARTICLE = new RegExp(`^(?:${ARTICLES}|the) `);
/** Contractions are never names ("I've", "We'll"). */
export const CONTRACTION = /['’](?:ve|ll|re|d|m|t)$/i;
export const MONTH_OR_DAY =
  /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/i;
/** Nouns after a name that make it a place: its people, services or parts ("a Charleston man"). */
export const PLACE_NOUN_AFTER = new RegExp(
  `^(?:['’]s)?\\s+(?:${PEOPLE_OF_A_PLACE}|police|sheriff|firefighters|officials|authorities|county|city|area|neighborhood|neighbourhood|mayor|council|streets|city limits|downtown|suburbs?|outskirts)\\b`,
  'i',
);
/** The last word of a name that says it is a place: "County Road", "Coffman Park", "Flat Creek". */
export const PLACE_KIND_LAST =
  /\b(?:Road|Rd|Street|St|Avenue|Ave|Drive|Dr|Boulevard|Blvd|Lane|Highway|Park|Creek|River|Lake|Valley|Township|Village|County|Parish|Heights|Hills?|Springs?|Beach|Island|Bay|Trail)\.?$/;
/** Names no gazetteer will ever hold: a title or an abbreviation first, an institution's word after. */
export const NOT_A_PLACE_NAME =
  /^(?:\p{Lu}\p{Ll}?\.?|[\p{Lu}\d-]{2,}|(?:President|Congressman|Congresswoman|Councilman|Councilwoman|Superintendent|Senator|Sen|Rep|Gov|Governor|Judge|Mayor|Officer|Sgt|Lt|Capt|Chief|Dr|Mr|Mrs|Ms|Prof)\b.*)$|\b(?:Association|Council|Organization|Organisation|Way|Bank|Inn|Festival|Tournament|Ministry|Commission|Department|Products|Services|Project|Board|Force|Party|Movement|Day|Amphitheatre|Center|Centre|Racetrack|Reserve|Control|Affairs|Policy|Amendment|Custody|Arts|Season)\b/u;
export const OF_A_NAME_AFTER = /^ of \p{Lu}/u;
export const PERSON_AFTER = new RegExp(`^\\s+(?:${PEOPLE_OF_A_PLACE})\\b`, 'i');
/** Prepositions that make a name a place whatever else it could be ("according to Bell" does not). */
export const STRONG_LOCATIVE_BEFORE =
  /\b(?:in|at|near|outside|inside|within|throughout|across|city of|town of|village of|county of)\s+(?:the\s+)?$/i;
/** A capitalised word, a middle initial, and the surname it introduces. */
export const MIDDLE_INITIAL = /\b\p{Lu}\p{Ll}+ (?:\p{Lu}\. ){1,2}(\p{Lu}[\p{L}'’-]*\p{L})/gu;
/** What precedes a word that opens a sentence or a quotation. */
export const SENTENCE_OPENING = /(?:^|[.!?:]["'”’]?\s+|["“]|\n\s*)$/;
/** What separates the names of a list. */
export const LIST_GAP = /^\s*(?:,|and|or|, and|, or)\s*$/;
/** Words after a run that make it an organisation or a building, not the place it is named after. */
export const ORG_AFTER =
  /^\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Dr\.|Lane|Highway(?! Patrol)|Hwy|Rangers|United|FC|Corp|Inc)\b/;

export function withoutArticle(name: string): string {
  return name.replace(LEADING_ARTICLE, '');
}

/** The first-level area an entry is, or lies in ("US.KY"). */
export function areaOf(e: GazetteerEntry): string | undefined {
  return e.feature === 'ADM1' ? e.code : e.admin1;
}

/** An entry's own name, normalised once (resolution compares it for every mention). */
const ownKeys = new WeakMap<GazetteerEntry, string>();
export function ownKey(e: GazetteerEntry): string {
  let k = ownKeys.get(e);
  if (k === undefined) {
    k = withoutArticle(normalizeName(e.name));
    ownKeys.set(e, k);
  }
  return k;
}

/**
 * Whether `key` (normalised, no article) is the place's own name; a city of millions is called without
 * its "City" too ("New York"), but not where a country has the name ("Mexico").
 */
export function ownName(e: GazetteerEntry, key: string, countryNamed = false): boolean {
  const own = ownKey(e);
  return own === key || (!countryNamed && e.population >= 5_000_000 && own === `${key} city`);
}

const COMPOUND = /^(\p{Lu}[\p{L}.]*)-(\p{Ll}[\p{L}-]*)$/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    // Drop a possessive and trailing dots/hyphens: "Turkey's" → "Turkey".
    const whole = m[0].replace(/['’]s$/u, '').replace(/[.'’-]+$/u, '');
    if (!whole) continue;
    // "Muslim-majority", "Britain-based": a name and the lower-case word it makes an adjective of.
    const compound = COMPOUND.exec(whole);
    const word = compound?.[1] ?? whole;
    const first = word[0] ?? '';
    out.push({
      start: m.index,
      end: m.index + word.length,
      text: word,
      raw: m[0],
      cap: (first !== first.toLowerCase() || PREFIXED.test(word)) && !CONTRACTION.test(m[0]),
    });
    if (compound?.[2])
      out.push({
        start: m.index + word.length + 1,
        end: m.index + whole.length,
        text: compound[2],
        raw: compound[2],
        cap: false,
      });
  }
  return out;
}

/** Words the article itself writes in lower case: capitalised, they start a sentence, not a place. */
export function lowerVocabulary(text: string): Set<string> {
  const set = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}.])\p{Ll}[\p{Ll}'’-]*/gu)) set.add(m[0]);
  return set;
}

export const LARGE_FEATURES = new Set(['COUNTRY', 'ADM1', 'ADM2', 'CONT', 'RGN', 'CONFLICT']);
/** Features whose names and aliases come from curated lists, not from broad alternate-name data. */
export const CURATED_FEATURES = new Set(['COUNTRY', 'CONT', 'RGN', 'CONFLICT']);
/** Areas too broad to say where a neighbouring mention lies. */
export const BROAD_FEATURES = new Set(['COUNTRY', 'CONT', 'RGN']);

/** "Hasaka city", "the town of X": a populated place, not the province of the same name. */
export const TOWN_AFTER = /^\s+(?:city|town|village)\b/i;
export const TOWN_BEFORE = /\b(?:city|town|village) of\s+$/i;
/** "Rafah governorate", "the province of Kandahar": the area, not its seat of the same name. */
export const AREA_AFTER =
  /^\s+(?:province|governorate|state|region|district|county|oblast|prefecture|department)\b/i;
export const AREA_BEFORE =
  /\b(?:province|governorate|state|region|district|county|oblast|prefecture|department) of\s+$/i;
