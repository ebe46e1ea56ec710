/**
 * Export of the filtered events: GeoJSON (the contract's fields as properties) and an ACLED-like CSV
 * with one row per event source (title, outlet, date and the passage text). Pure functions.
 */
import type { FeatureCollection } from 'geojson';
import Papa from 'papaparse';
import type { Article, ConflictEvent, Envelope } from '../../shared/schema.ts';

/** `dataSource`: the host of a data file from another site (its events are that file's claims), else null. */
export function toGeoJson(
  events: ConflictEvent[],
  data: Envelope,
  dataSource: string | null = null,
): FeatureCollection {
  const typeName = new Map(data.eventTypes.map((t) => [t.id, t.name]));
  return {
    type: 'FeatureCollection',
    features: events.map(({ place, ...e }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
      properties: {
        ...e,
        typeName: typeName.get(e.type) ?? e.type,
        placeName: place.name,
        country: place.country,
        admin1: place.admin1 ?? null,
        placePrecision: place.precision,
        gazetteerId: place.gazetteerId ?? null,
        ...(dataSource ? { dataSource } : {}),
      },
    })),
  };
}

export const CSV_COLUMNS = [
  'event_id',
  'event_date',
  'event_date_end',
  'date_precision',
  'event_type',
  'sub_event_type',
  'acled_event_type',
  'actor1',
  'actor2',
  'other_actors',
  'country',
  'country_code',
  'admin1',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
  'notes',
  'source_title',
  'source_outlet',
  'source_date',
  'source_url',
  'source_passage',
  'data_source',
] as const;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** A country's English name from its ISO 3166-1 code ("SY" → "Syria"); the code when none is known. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A byte-order mark first: without it Excel reads UTF-8 as a legacy code page ("ā" garbled). */
export const CSV_BOM = '\uFEFF';

/** CSV text; `texts` holds the article texts for passages (a missing article leaves its passage empty). */
export function toCsv(
  events: ConflictEvent[],
  data: Envelope,
  texts: Map<string, Article>,
  dataSource: string | null = null,
): string {
  const types = new Map(data.eventTypes.map((t) => [t.id, t]));
  const actors = new Map(data.actors.map((a) => [a.id, a.name]));
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const rows = events.flatMap((e) =>
    e.sources.map((s) => {
      const meta = articles.get(s.articleId);
      const names = e.actors.map((a) => actors.get(a) ?? a);
      const row: Record<(typeof CSV_COLUMNS)[number], string | number> = {
        event_id: e.id,
        event_date: e.date,
        event_date_end: e.dateEnd ?? '',
        date_precision: e.datePrecision,
        event_type: types.get(e.type)?.name ?? e.type,
        sub_event_type: e.subtype ?? '',
        acled_event_type: types.get(e.type)?.acled ?? '',
        actor1: names[0] ?? '',
        actor2: names[1] ?? '',
        other_actors: names.slice(2).join('; '),
        // ACLED writes the country's name; its ISO code follows.
        country: countryName(e.place.country),
        country_code: e.place.country,
        admin1: e.place.admin1 ?? '',
        location: e.place.name,
        latitude: e.place.lat,
        longitude: e.place.lon,
        geo_precision: e.place.precision,
        // Empty when the source states none (ACLED writes 0; an unstated toll is not a known zero).
        fatalities: e.fatalities ?? '',
        notes: e.summary,
        source_title: meta?.title ?? '',
        source_outlet: meta?.outlet ?? '',
        source_date: meta?.published ?? '',
        source_url: meta?.url ?? '',
        source_passage: texts.get(s.articleId)?.text.slice(s.start, s.end) ?? '',
        // Where the events file came from, when not this site: every field above is that file's claim.
        data_source: dataSource ?? '',
      };
      return CSV_COLUMNS.map((c) => row[c]);
    }),
  );
  // Formula-looking cells are escaped so a spreadsheet never runs them (CSV injection).
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: true });
}

/** Offers text as a file download. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
