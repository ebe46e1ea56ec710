/**
 * The gazetteer, built from data handed in as text (so it runs wherever the extraction runs, a Web
 * Worker included): GeoNames populated places (cities500, CC BY 4.0), countries (world-countries,
 * ODbL), first- and second-level administrative areas (seeds/gazetteer/admin-areas.tsv, ODbL),
 * continents, world regions and conflict regions (seeds/gazetteer/regions.csv, curated with a source
 * per row), abbreviations (AP style: "Ky.", "W.Va.", "U.S.") and a curated supplement
 * (seeds/gazetteer.csv). `gazetteer-files.ts` reads those files in Node.
 */
import { addCurated } from './gazetteer-curated.ts';
import {
  add,
  type CountryRecord,
  GEONAMES_COLUMNS as G,
  type GazetteerEntry,
  geonamesPrecision,
  LATIN,
  normalizeName,
  rows,
} from './gazetteer-entry.ts';

export { GEONAMES_COLUMNS, normalizeName } from './gazetteer-entry.ts';
export type { CountryRecord, GazetteerEntry };

/** The gazetteer's sources, as text or parsed JSON. */
export interface GazetteerSources {
  /** GeoNames cities500.txt. */
  cities: string;
  countries: CountryRecord[];
  /** admin-areas.tsv (# comments, header line). */
  adminAreas?: string;
  /** regions.csv. */
  regions?: string;
  /** abbreviations.csv. */
  abbreviations?: string;
  /** The curated supplement CSV, with its file name for messages. */
  supplement?: { name: string; text: string };
  /** Lower-case English words, one a line. */
  englishWords: string;
  /** Given names (capitalised), one a line. */
  firstNames?: string;
  minPopulation?: number;
}

export interface Gazetteer {
  /** Entries by normalised name. */
  byName: Map<string, GazetteerEntry[]>;
  countries: Map<string, GazetteerEntry>;
  /** The English names of each country (ISO code → names), e.g. TR → Turkey, Türkiye, Republic of Türkiye. */
  countryNames: Map<string, string[]>;
  /** Adjectives of nationality (lower case) → country code, from world-countries. */
  demonyms: Map<string, string>;
  /** Lower-case English words (word-list, MIT): capitalised, they are rarely places. */
  englishWords: Set<string>;
  /** Given names (normalised): a name followed by another capitalised word is a person. */
  firstNames: Set<string>;
  /** Plural demonyms too ("Palestinians" → PS). */
  demonymPlurals: Map<string, string>;
  /** Abbreviations as written ("Ky.", "U.S.") → the state or country. */
  abbreviations: Map<string, GazetteerEntry>;
  /** Longest indexed name, in words: bounds the n-gram search. */
  maxWords: number;
}

export function buildGazetteer(src: GazetteerSources): Gazetteer {
  const byName = new Map<string, GazetteerEntry[]>();
  let maxWords = 1;
  const minPopulation = src.minPopulation ?? 0;
  // The people of each first-level area's towns: ranks two areas of one name ("Florida", the US state
  // and a municipality of Puerto Rico) when nothing else in the article tells them apart.
  const areaPopulation = new Map<string, number>();
  const text = src.cities;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const cols = text.slice(start, end).split('\t');
    start = end + 1;
    if (cols.length < 15) continue;
    const population = Number(cols[G.pop]) || 0;
    if (population < minPopulation) continue;
    const feature = cols[G.feature] ?? '';
    const country = cols[G.country] ?? '';
    const entry: GazetteerEntry = {
      id: `geonames:${cols[G.id]}`,
      name: cols[G.name] ?? '',
      lat: Number(cols[G.lat]),
      lon: Number(cols[G.lon]),
      country,
      admin1: cols[G.admin1] ? `${country}.${cols[G.admin1]}` : undefined,
      precision: geonamesPrecision(feature),
      population,
      feature,
    };
    if (entry.admin1) areaPopulation.set(entry.admin1, (areaPopulation.get(entry.admin1) ?? 0) + population);
    maxWords = Math.max(maxWords, add(byName, entry.name, entry), add(byName, cols[G.ascii] ?? '', entry));
    for (const alt of (cols[G.alt] ?? '').split(',')) {
      // Latin-script names only (articles are in English); skip airport and other all-caps codes.
      if (alt && LATIN.test(alt) && !/^[A-Z0-9]{2,5}$/.test(alt))
        maxWords = Math.max(maxWords, add(byName, alt, entry));
    }
  }

  const countryMap = new Map<string, GazetteerEntry>();
  const abbreviations = new Map<string, GazetteerEntry>();
  const demonyms = new Map<string, string>();
  const countryNames = new Map<string, string[]>();
  for (const c of src.countries) {
    const entry: GazetteerEntry = {
      id: `country:${c.cca2}`,
      name: c.name.common,
      lat: c.latlng[0] ?? 0,
      lon: c.latlng[1] ?? 0,
      country: c.cca2,
      precision: 'country',
      population: 0,
      feature: 'COUNTRY',
    };
    countryMap.set(c.cca2, entry);
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3)];
    // world-countries spells Turkey "Türkiye"; English-language news mostly still writes Turkey.
    if (c.cca2 === 'TR') names.push('Turkey');
    const latin = names.filter((n) => LATIN.test(n));
    countryNames.set(c.cca2, latin);
    for (const n of latin) maxWords = Math.max(maxWords, add(byName, n, entry));
    const d = c.demonyms?.eng;
    for (const form of [d?.m, d?.f]) if (form) demonyms.set(form.toLowerCase(), c.cca2);
  }
  const demonymPlurals = new Map<string, string>();
  for (const [d, code] of demonyms) {
    // "Americans", "Palestinians", "Iraqis"; not "Britishes" or "Chineses".
    if (!/(?:ish|ese|ch|ss)$/.test(d)) demonymPlurals.set(`${d}s`, code);
  }

  const firstLevel = new Map<string, GazetteerEntry>();
  const secondLevel: GazetteerEntry[] = [];
  for (const row of src.adminAreas ? rows(src.adminAreas, '\t') : []) {
    const lat = Number(row.lat);
    const lon = Number(row.lon);
    if (!row.name || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const level = row.level === 'admin2' ? 'ADM2' : 'ADM1';
    const entry: GazetteerEntry = {
      id: `admin:${row.country}:${normalizeName(row.admin1 ? `${row.admin1} ${row.name}` : row.name).replace(/ /g, '-')}`,
      name: row.name,
      lat,
      lon,
      country: row.country ?? '',
      ...(row.admin1 ? { admin1: row.admin1 } : { admin1: row.name }),
      precision: 'region',
      population: Number(row.population) || 0,
      feature: level,
    };
    // The ISO 3166-2 code, where the source names it: GeoNames gives US towns their state this way.
    const iso = /ISO 3166-2 ([A-Z]{2})-([A-Z0-9]{1,3})\b/.exec(row.source ?? '');
    if (level === 'ADM1' && iso) entry.code = `${iso[1]}.${iso[2]}`;
    if (entry.code && !entry.population) entry.population = areaPopulation.get(entry.code) ?? 0;
    if (level === 'ADM1') firstLevel.set(`${entry.country}:${row.name}`, entry);
    else secondLevel.push(entry);
    for (const n of [row.name, ...(row.aliases ?? '').split('|')])
      if (n) maxWords = Math.max(maxWords, add(byName, n, entry));
  }
  // A county names its state the way GeoNames' towns do ("US.AL"), so the two can be compared.
  for (const e of secondLevel) {
    const parent = firstLevel.get(`${e.country}:${e.admin1}`);
    if (parent?.code) e.admin1 = parent.code;
  }
  maxWords = Math.max(maxWords, addCurated(src, byName, countryMap, abbreviations));
  const englishWords = new Set(src.englishWords.split('\n'));
  const firstNames = new Set(
    (src.firstNames ?? '')
      .split('\n')
      .map((n) => normalizeName(n))
      .filter((n) => n.length > 2),
  );
  return {
    byName,
    countries: countryMap,
    countryNames,
    demonyms,
    englishWords,
    firstNames,
    demonymPlurals,
    abbreviations,
    maxWords: Math.min(maxWords, 6),
  };
}
