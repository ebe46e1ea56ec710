/**
 * Admin rows of every country but the US from the dr5hn database: admin1 or admin2 by the ISO 3166-2
 * parent, UK counties in their nation, names and aliases corrected by the overrides.
 */
import { readFileSync } from 'node:fs';
import { GEONAMES_COLUMNS as G, normalizeName } from '../gazetteer.ts';
import { geonamesFile } from '../gazetteer-files.ts';
import { finishAliases, LATIN, stripDiacritics } from './aliases.ts';
import { COORDS, OVERRIDES, TYPE_SUFFIX } from './overrides.ts';
import type { Level, Row } from './row.ts';
import { CLDR_SRC, CSC_SRC, cldr, countryNames, isoByCode, loadCsc, validCountries } from './sources.ts';

// ---- GeoNames towns of Great Britain, to put UK counties in their nation -------------------------

const UK_NATIONS: Record<string, string> = {
  ENG: 'England',
  SCT: 'Scotland',
  WLS: 'Wales',
  NIR: 'Northern Ireland',
};
function ukTowns(): { lat: number; lon: number; nation: string }[] {
  const out: { lat: number; lon: number; nation: string }[] = [];
  for (const line of readFileSync(geonamesFile(), 'utf8').split('\n')) {
    const c = line.split('\t');
    if (c[G.country] !== 'GB') continue;
    const nation = UK_NATIONS[c[G.admin1] ?? ''];
    if (nation) out.push({ lat: Number(c[G.lat]), lon: Number(c[G.lon]), nation });
  }
  return out;
}
function nearestNation(
  towns: { lat: number; lon: number; nation: string }[],
  lat: number,
  lon: number,
): string {
  let best = '';
  let bestD = Number.POSITIVE_INFINITY;
  const k = Math.cos((lat * Math.PI) / 180);
  for (const t of towns) {
    const d = (t.lat - lat) ** 2 + ((t.lon - lon) * k) ** 2;
    if (d < bestD) {
      bestD = d;
      best = t.nation;
    }
  }
  return best;
}

export function cscRows(): Row[] {
  const states = loadCsc();
  const rows: Row[] = [];
  // dr5hn name by ISO code, to name an admin2 row's parent.
  const nameByCode = new Map<string, string>();
  for (const s of states)
    if (s.iso3166_2) nameByCode.set(s.iso3166_2, OVERRIDES[s.iso3166_2]?.name ?? s.name.trim());
  const namesByCountry = new Map<string, Set<string>>();
  for (const s of states) {
    const set = namesByCountry.get(s.country_code) ?? new Set<string>();
    set.add(normalizeName(s.name));
    namesByCountry.set(s.country_code, set);
  }
  let towns: { lat: number; lon: number; nation: string }[] | undefined;

  for (const s of states) {
    const code = s.iso3166_2 ?? '';
    const ov = OVERRIDES[code] ?? {};
    if (ov.drop) continue;
    if (!code || s.type === 'military postal region') continue;
    if (s.type === 'outlying area') continue; // US territories are countries in ISO 3166-1.
    // French overseas parts that are countries in ISO 3166-1 (and world-countries): GF, PF, GP...
    if (s.country_code === 'FR' && countryNames.has(normalizeName(s.name))) continue;
    // Kosovo as Serbia's province: Kosovo (XK) has its own districts.
    if (code === 'RS-KM' || isoByCode.get(code)?.parent === 'RS-KM') continue;
    // US states: coordinates from the Census boundaries instead (see usRows).
    if (s.country_code === 'US') continue;
    const country = s.country_code;
    if (!validCountries.has(country)) {
      console.warn(`skip ${s.name}: country ${country} not in world-countries`);
      continue;
    }
    const fixed = COORDS[code];
    const lat = fixed ? fixed[0] : Number(s.latitude);
    const lon = fixed ? fixed[1] : Number(s.longitude);
    if (!s.latitude || !s.longitude || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      console.warn(`skip ${code} ${s.name}: no coordinates`);
      continue;
    }
    const iso = isoByCode.get(code);
    let level: Level = 'admin1';
    let admin1 = '';
    if (country === 'GB') {
      if (['GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR'].includes(code)) level = 'admin1';
      else {
        level = 'admin2';
        towns ??= ukTowns();
        admin1 = nearestNation(towns, lat, lon);
      }
    } else if (iso?.parent?.startsWith(`${country}-`) && !(country === 'IQ' && iso.parent === 'IQ-KR')) {
      level = 'admin2';
      admin1 = nameByCode.get(iso.parent) ?? isoByCode.get(iso.parent)?.name ?? '';
    }

    let name = (ov.name ?? s.name).trim().replace(/\s+/g, ' ');
    const aliases: string[] = [];
    if (ov.name && ov.name !== s.name.trim()) aliases.push(s.name.trim());
    // "Kunduz Province", "Jonglei State": news writes the bare name too; keep the bare one as name.
    const suffix = TYPE_SUFFIX[s.type ?? ''];
    // Not when the rest is a bare compass word ("North Province") or names a city too (Taiwan's counties).
    const bare = suffix ? name.slice(0, -suffix.length - 1) : '';
    if (
      !ov.name &&
      suffix &&
      name.endsWith(` ${suffix}`) &&
      bare.length > 4 &&
      !/^(North|South|East|West|Central)(ern)?$/.test(bare) &&
      country !== 'TW'
    ) {
      aliases.push(name);
      name = name.slice(0, -suffix.length - 1);
    }
    if (ov.aliases) aliases.push(...ov.aliases);
    if (suffix && !name.endsWith(suffix) && !ov.aliases) aliases.push(`${name} ${suffix}`);
    // CLDR's English name, unless CLDR's code for it means another subdivision (CLDR still uses
    // Iran's old province numbers, for one).
    const cldrName = cldr[code.replace('-', '').toLowerCase()];
    if (
      cldrName &&
      !(
        namesByCountry.get(country)?.has(normalizeName(cldrName)) &&
        normalizeName(cldrName) !== normalizeName(s.name)
      ) &&
      !cldrName.includes(',')
    ) {
      aliases.push(cldrName);
    }
    // ISO 3166-2's romanised local name ("Guangxi Zhuangzu Zizhiqu", "Al Ḩasakah").
    if (iso?.name && !iso.name.includes(',') && !iso.name.includes('('))
      aliases.push(stripDiacritics(iso.name));
    if (s.native && LATIN.test(s.native)) aliases.push(s.native);

    rows.push({
      name,
      aliases: finishAliases(name, aliases),
      lat,
      lon,
      country,
      admin1,
      level,
      population: 0,
      code,
      source: `${CSC_SRC}; ISO 3166-2 ${code}${fixed ? '; lat/lon hand-set (approximate centroid)' : ''}${iso?.parent ? ` (parent ${iso.parent})` : ''}; aliases ${CLDR_SRC}`,
    });
  }
  return rows;
}
