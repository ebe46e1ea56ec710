/** US states and counties from us-atlas (Census boundaries), each at its area-weighted centroid. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { finishAliases } from './aliases.ts';
import { centroid, polygonsOf } from './geometry.ts';
import { OVERRIDES } from './overrides.ts';
import type { Row } from './row.ts';
import { ATLAS_SRC, loadCsc, pkgDir } from './sources.ts';

/** Alaska's county equivalents (2017): boroughs unless listed here. */
const ALASKA: Record<string, string> = {
  Anchorage: 'Municipality of Anchorage',
  Juneau: 'City and Borough of Juneau',
  Sitka: 'City and Borough of Sitka',
  Wrangell: 'City and Borough of Wrangell',
  Yakutat: 'City and Borough of Yakutat',
  Skagway: 'Municipality of Skagway Borough',
};
const ALASKA_CENSUS_AREAS = new Set([
  'Aleutians West',
  'Bethel',
  'Dillingham',
  'Hoonah-Angoon',
  'Kusilvak',
  'Nome',
  'Prince of Wales-Hyder',
  'Southeast Fairbanks',
  'Valdez-Cordova',
  'Yukon-Koyukuk',
]);

function countyName(
  stateFips: string,
  countyFips: string,
  name: string,
): { name: string; aliases: string[] } | undefined {
  if (stateFips === '11') return undefined; // District of Columbia is the state row.
  // Independent cities (Virginia, Baltimore, St. Louis, Carson City) are towns in GeoNames already.
  if (Number(countyFips) >= 500 && ['51', '24', '29', '32'].includes(stateFips)) return undefined;
  if (stateFips === '22') return { name: `${name} Parish`, aliases: [] };
  if (stateFips === '02') {
    const special = ALASKA[name];
    if (special) return { name: special, aliases: [`${name} Borough`] };
    if (ALASKA_CENSUS_AREAS.has(name)) return { name: `${name} Census Area`, aliases: [] };
    return { name: `${name} Borough`, aliases: [] };
  }
  return { name: `${name} County`, aliases: [] };
}

export function usRows(): Row[] {
  const topo = JSON.parse(
    readFileSync(join(pkgDir('us-atlas'), 'counties-10m.json'), 'utf8'),
  ) as unknown as Topology<{
    counties: GeometryCollection<{ name: string }>;
    states: GeometryCollection<{ name: string }>;
  }>;
  const rows: Row[] = [];
  const stateNames = new Map<string, string>();
  const cscUs = new Map(
    loadCsc()
      .filter((s) => s.country_code === 'US' && s.iso3166_2)
      .map((s) => [s.name, s]),
  );
  const states = feature(topo, topo.objects.states);
  for (const f of states.features) {
    const fips = String(f.id);
    const name = f.properties.name;
    stateNames.set(fips, name);
    if (Number(fips) > 56) continue; // Puerto Rico and other territories: countries in ISO 3166-1.
    const [lat, lon] = centroid(polygonsOf(f.geometry));
    const code = cscUs.get(name)?.iso3166_2 ?? '';
    const ov = OVERRIDES[code] ?? {};
    const aliases = [...(ov.aliases ?? [])];
    // 'Missouri State' is a university: only these two are called '... State' to tell them from a city.
    if (name === 'New York' || name === 'Washington') aliases.push(`${name} State`);
    rows.push({
      name: ov.name ?? name,
      aliases: finishAliases(ov.name ?? name, aliases),
      lat,
      lon,
      country: 'US',
      admin1: '',
      level: 'admin1',
      population: 0,
      code,
      source: `${ATLAS_SRC}; ISO 3166-2 ${code}`,
    });
  }
  const counties = feature(topo, topo.objects.counties);
  for (const f of counties.features) {
    const fips = String(f.id);
    const st = fips.slice(0, 2);
    if (Number(st) > 56) continue;
    const named = countyName(st, fips.slice(2), f.properties.name);
    if (!named) continue;
    const [lat, lon] = centroid(polygonsOf(f.geometry));
    rows.push({
      name: named.name,
      aliases: finishAliases(named.name, named.aliases),
      lat,
      lon,
      country: 'US',
      admin1: stateNames.get(st) ?? '',
      level: 'admin2',
      population: 0,
      code: fips,
      source: `${ATLAS_SRC}; FIPS ${fips}`,
    });
  }
  return rows;
}
