/** The gazetteer's entries and the small readers every part of its build shares. */
import Papa from 'papaparse';
import type { PlacePrecision } from '../shared/schema.ts';

/** The subset of a world-countries record the gazetteer reads. */
export interface CountryRecord {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: number[];
  demonyms?: { eng?: { m?: string; f?: string } };
}

export interface GazetteerEntry {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1?: string;
  precision: PlacePrecision;
  population: number;
  /** A first-level area's code in GeoNames' form ("US.KY"), where known: towns carry it as admin1. */
  code?: string;
  /**
   * GeoNames feature code (PPLC capital, PPLA admin seat…), or COUNTRY, ADM1, ADM2, CONT (continent),
   * RGN (world region), CONFLICT (conflict region) or CURATED.
   */
  feature: string;
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

export const LATIN = /^[\p{Script=Latin}\s'’‘`ʿʾ.\-()]+$/u;

export function add(index: Map<string, GazetteerEntry[]>, name: string, entry: GazetteerEntry): number {
  const key = normalizeName(name);
  if (key.length < 3) return 0;
  const list = index.get(key);
  if (!list) index.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
  return key.split(' ').length;
}

/** GeoNames feature classes that are towns and cities, with their precision. */
export function geonamesPrecision(feature: string): PlacePrecision {
  return feature.startsWith('PPLX') ? 'district' : 'town';
}

/** The columns of a GeoNames cities file (geonames.org/export/dump readme), by name. */
export const GEONAMES_COLUMNS = {
  id: 0,
  name: 1,
  ascii: 2,
  alt: 3,
  lat: 4,
  lon: 5,
  feature: 7,
  country: 8,
  admin1: 10,
  pop: 14,
} as const;

export function rows(text: string, delimiter: string): Record<string, string>[] {
  const body = text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  return Papa.parse<Record<string, string>>(body, {
    header: true,
    delimiter,
    skipEmptyLines: true,
    transform: (v) => v.trim(),
  }).data;
}

/** The country whose centre is nearest a point: where a region across borders is placed. */
export function nearestCountry(lat: number, lon: number, countries: CountryRecord[]): string {
  let best = '';
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of countries) {
    const dd = ((c.latlng[0] ?? 0) - lat) ** 2 + ((c.latlng[1] ?? 0) - lon) ** 2;
    if (dd < bestD) {
      bestD = dd;
      best = c.cca2;
    }
  }
  return best;
}
