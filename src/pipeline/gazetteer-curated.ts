/**
 * The curated parts of the gazetteer: continents, world and conflict regions and country points
 * (regions.csv), abbreviations (abbreviations.csv) and the supplement (gazetteer.csv), each row with
 * a source.
 */
import type { PlacePrecision } from '../shared/schema.ts';
import {
  add,
  type CountryRecord,
  type GazetteerEntry,
  nearestCountry,
  normalizeName,
  rows,
} from './gazetteer-entry.ts';

/** Adds the curated rows to the index; returns the longest name added, in words. */
export function addCurated(
  src: {
    regions?: string;
    abbreviations?: string;
    supplement?: { name: string; text: string };
    countries: CountryRecord[];
  },
  byName: Map<string, GazetteerEntry[]>,
  countryMap: Map<string, GazetteerEntry>,
  abbreviations: Map<string, GazetteerEntry>,
): number {
  let maxWords = 1;
  for (const row of src.regions ? rows(src.regions, ',') : []) {
    const lat = row.lat ? Number(row.lat) : Number.NaN;
    const lon = row.lon ? Number(row.lon) : Number.NaN;
    // A country row gives a country the names news uses that the country list lacks ("Britain"),
    // and moves its point to the one the standard gazetteers give, where it has one.
    if (row.level === 'country') {
      const country = countryMap.get(row.country ?? '');
      if (!country) continue;
      if (Number.isFinite(lat) && Number.isFinite(lon)) Object.assign(country, { lat, lon });
      for (const n of (row.aliases ?? '').split('|'))
        if (n) maxWords = Math.max(maxWords, add(byName, n, country));
      continue;
    }
    if (!row.name || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const feature = row.level === 'continent' ? 'CONT' : row.level === 'conflict-region' ? 'CONFLICT' : 'RGN';
    const entry: GazetteerEntry = {
      id: `region:${normalizeName(row.name).replace(/ /g, '-')}`,
      name: row.name,
      lat,
      lon,
      // A region across borders has no one country: it is placed in the one nearest its centre.
      country: row.country || nearestCountry(lat, lon, src.countries),
      precision: 'region',
      population: 0,
      feature,
    };
    for (const n of [row.name, ...(row.aliases ?? '').split('|')])
      if (n) maxWords = Math.max(maxWords, add(byName, n, entry));
  }
  for (const row of src.abbreviations ? rows(src.abbreviations, ',') : []) {
    const target =
      byName
        .get(normalizeName(row.name ?? ''))
        ?.find((e) => e.country === row.country && (e.feature === 'COUNTRY' || e.feature === 'ADM1')) ?? null;
    if (target && row.abbreviation) abbreviations.set(row.abbreviation, target);
  }

  if (src.supplement) {
    const file = src.supplement.name;
    rows(src.supplement.text, ',').forEach((row, i) => {
      const lat = Number(row.lat);
      const lon = Number(row.lon);
      if (
        !row.name ||
        !Number.isFinite(lat) ||
        !Number.isFinite(lon) ||
        !/^[A-Z]{2}$/.test(row.country ?? '')
      ) {
        throw new Error(`${file}: row ${i + 2}: needs name, lat, lon and a two-letter country`);
      }
      if (!row.source)
        throw new Error(`${file}: row ${i + 2} (${row.name}): cite a source for its coordinates`);
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
  return maxWords;
}
