/**
 * The packages the admin-area builder reads: their folders and versions (for the source column and
 * the file's header), the dr5hn states, ISO 3166-2 parents, CLDR English names and the valid
 * ISO 3166-1 codes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { iso31662 } from 'iso-3166';
import countries from 'world-countries';
import { normalizeName } from '../gazetteer.ts';

const require = createRequire(import.meta.url);

/** A package's folder: from its package.json, or (when its exports hide that) up from its entry point. */
export function pkgDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    let dir = dirname(require.resolve(name));
    for (;;) {
      const p = join(dir, 'package.json');
      if (existsSync(p) && (JSON.parse(readFileSync(p, 'utf8')) as { name?: string }).name === name)
        return dir;
      const up = dirname(dir);
      if (up === dir) throw new Error(`no package.json for ${name}`);
      dir = up;
    }
  }
}
export function pkgVersion(name: string): string {
  return (JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8')) as { version: string })
    .version;
}

const CSC = '@countrystatecity/countries';
export const CSC_SRC = `${CSC} ${pkgVersion(CSC)} (dr5hn countries-states-cities, ODbL)`;
export const ATLAS_SRC = `us-atlas ${pkgVersion('us-atlas')} (US Census 2017 cartographic boundaries), area-weighted centroid`;

export interface CscState {
  name: string;
  country_code: string;
  iso2: string | null;
  iso3166_2: string | null;
  type: string | null;
  latitude: string | null;
  longitude: string | null;
  native: string | null;
}

export const validCountries = new Set(countries.map((c) => c.cca2));
export const countryNames = new Set(
  countries.flatMap((c) => [c.name.common, c.name.official, ...c.altSpellings]).map((n) => normalizeName(n)),
);
export const isoByCode = new Map(iso31662.map((s) => [s.code, s]));

const cldrPath = join(pkgDir('cldr-subdivisions-full'), 'subdivisions', 'en', 'en.json');
export const cldr = (
  JSON.parse(readFileSync(cldrPath, 'utf8')) as {
    subdivisions: { localeDisplayNames: { subdivisions: Record<string, string> } };
  }
).subdivisions.localeDisplayNames.subdivisions;
export const CLDR_SRC = `cldr-subdivisions-full ${pkgVersion('cldr-subdivisions-full')}`;

export function loadCsc(): CscState[] {
  const dataDir = join(dirname(require.resolve(CSC)), 'data');
  const states: CscState[] = [];
  for (const d of readdirSync(dataDir).sort()) {
    const f = join(dataDir, d, 'states.json');
    if (existsSync(f)) states.push(...(JSON.parse(readFileSync(f, 'utf8')) as CscState[]));
  }
  return states;
}
