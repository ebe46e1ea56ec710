/** A row of seeds/gazetteer/admin-areas.tsv, as the builder's parts hand it on. */

export type Level = 'admin1' | 'admin2';
export interface Row {
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
