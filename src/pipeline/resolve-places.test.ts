import { describe, expect, it } from 'vitest';
import type { GazetteerEntry } from './gazetteer.ts';
import { type Ambiguous, resolvePlaces } from './resolve-places.ts';

const entry = (
  e: Partial<GazetteerEntry> & Pick<GazetteerEntry, 'id' | 'name' | 'country'>,
): GazetteerEntry => ({
  lat: 0,
  lon: 0,
  precision: 'town',
  population: 0,
  feature: 'PPL',
  ...e,
});

// Two towns of one name, on two continents, and the areas around them.
const parisFr = entry({
  id: 'fr',
  name: 'Paris',
  country: 'FR',
  lat: 48.85,
  lon: 2.35,
  population: 2_100_000,
  feature: 'PPLC',
});
const parisTx = entry({
  id: 'tx',
  name: 'Paris',
  country: 'US',
  admin1: 'US.TX',
  lat: 33.66,
  lon: -95.56,
  population: 25_000,
});
const texas = entry({
  id: 'texas',
  name: 'Texas',
  country: 'US',
  code: 'US.TX',
  lat: 31.5,
  lon: -99.3,
  precision: 'region',
  feature: 'ADM1',
});
const dallas = entry({
  id: 'dallas',
  name: 'Dallas',
  country: 'US',
  admin1: 'US.TX',
  lat: 32.78,
  lon: -96.8,
  population: 1_300_000,
  feature: 'PPLA2',
});
const province = entry({
  id: 'prov',
  name: 'Hasaka',
  country: 'SY',
  precision: 'region',
  feature: 'ADM1',
  lat: 36.5,
  lon: 40.9,
});
// A town of the province's name that is not its seat.
const town = entry({
  id: 'town',
  name: 'Hasaka',
  country: 'SY',
  lat: 36.5,
  lon: 40.75,
  population: 5_000,
  feature: 'PPL',
});

const name = (entries: GazetteerEntry[], more: Partial<Ambiguous> = {}): Ambiguous => ({
  entries,
  name: entries[0]?.name.toLowerCase() ?? '',
  container: null,
  town: false,
  ...more,
});

describe('resolving a name among its candidates', () => {
  it('takes the big place when nothing in the article says otherwise', () => {
    expect(resolvePlaces([name([parisFr, parisTx])])[0]?.id).toBe('fr');
  });
  it('takes the one inside the area written after it ("Paris, Texas")', () => {
    expect(resolvePlaces([name([parisFr, parisTx], { container: texas })])[0]?.id).toBe('tx');
  });
  it("takes the one near the article's other places", () => {
    const out = resolvePlaces([name([dallas]), name([parisFr, parisTx]), name([dallas])]);
    expect(out.map((e) => e?.id)).toEqual(['dallas', 'tx', 'dallas']);
  });
  it('does not let repeats of one name vote for themselves', () => {
    // Five mentions of Paris alone stay in France, as one would.
    const out = resolvePlaces(Array.from({ length: 5 }, () => name([parisFr, parisTx])));
    expect(out.every((e) => e?.id === 'fr')).toBe(true);
  });
  it('takes the town over the province when the text says "city" or "the town of"', () => {
    expect(resolvePlaces([name([province, town])])[0]?.id).toBe('prov');
    expect(resolvePlaces([name([province, town], { town: true })])[0]?.id).toBe('town');
  });
  it("takes a province's seat of the same name for the bare name, and the province when the text says so", () => {
    const provinceOf = entry({
      id: 'kandahar-province',
      name: 'Kandahar',
      country: 'AF',
      precision: 'region',
      feature: 'ADM1',
      lat: 31.0,
      lon: 65.7,
    });
    const seat = entry({
      id: 'kandahar-city',
      name: 'Kandahār',
      country: 'AF',
      feature: 'PPLA',
      lat: 31.61,
      lon: 65.71,
      population: 50_000,
    });
    expect(resolvePlaces([name([provinceOf, seat])])[0]?.id).toBe('kandahar-city');
    expect(resolvePlaces([name([provinceOf, seat], { area: true })])[0]?.id).toBe('kandahar-province');
  });
  it('resolves nothing to nothing', () => {
    expect(resolvePlaces([])).toEqual([]);
    expect(resolvePlaces([name([])])).toEqual([null]);
  });
});
