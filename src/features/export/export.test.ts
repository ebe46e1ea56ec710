import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Article, ConflictEvent } from '../../shared/schema.ts';
import { multiSource, seedEvents } from '../../testing/seed-data.ts';
import { CSV_COLUMNS, countryName, toCsv, toGeoJson } from './export.ts';

const event = multiSource as ConflictEvent;

describe('GeoJSON export', () => {
  it('is one point per event with the contract fields as properties', () => {
    const fc = toGeoJson(seedEvents.events, seedEvents);
    expect(fc.features).toHaveLength(seedEvents.events.length);
    const f = fc.features.find((x) => x.properties?.id === event.id);
    expect(f?.geometry).toEqual({ type: 'Point', coordinates: [event.place.lon, event.place.lat] });
    expect(f?.properties).toMatchObject({
      summary: event.summary,
      placeName: event.place.name,
      placePrecision: event.place.precision,
      typeName: seedEvents.eventTypes.find((t) => t.id === event.type)?.name,
    });
  });
});

describe('CSV export', () => {
  const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true }).data;
  it('has the ACLED-like columns and one row per source', () => {
    const rows = parse(toCsv([event], seedEvents, new Map()));
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(event.sources.length);
    expect(rows[0]?.event_id).toBe(event.id);
    expect(rows[0]?.source_passage).toBe('');
  });
  it("writes the country's English name, as ACLED does, and its ISO code beside it", () => {
    const row = parse(toCsv([event], seedEvents, new Map()))[0];
    expect(row?.country_code).toBe(event.place.country);
    expect(row?.country).toBe(countryName(event.place.country));
    expect(countryName('SY')).toBe('Syria');
    expect(countryName('IQ')).toBe('Iraq');
    expect(countryName('QX')).toBe('QX');
  });
  it('carries the passage text of a loaded article', () => {
    const s = event.sources[0];
    if (!s) throw new Error('a source');
    const text = `${'.'.repeat(s.start)}${'w'.repeat(s.end - s.start)}`;
    const texts = new Map([[s.articleId, { id: s.articleId, text } as Article]]);
    expect(parse(toCsv([event], seedEvents, texts))[0]?.source_passage).toBe('w'.repeat(s.end - s.start));
  });
  it('escapes cells a spreadsheet would run as a formula', () => {
    const hostile = {
      ...event,
      summary: '=HYPERLINK("http://evil","x")',
      sources: event.sources.slice(0, 1),
    };
    const notes = parse(toCsv([hostile], seedEvents, new Map()))[0]?.notes;
    expect(notes).toBe(`'=HYPERLINK("http://evil","x")`);
    for (const lead of ['+', '-', '@']) {
      const cell = parse(toCsv([{ ...hostile, summary: `${lead}1` }], seedEvents, new Map()))[0]?.notes;
      expect(cell?.startsWith("'")).toBe(true);
    }
  });
});
