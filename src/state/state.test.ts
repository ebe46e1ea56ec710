import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableFromFile } from '../data/table-from-columns.ts';
import { addDays } from '../shared/days.ts';
import type { ConflictEvent } from '../shared/schema.ts';
import { placePrecisions } from '../shared/schema.ts';
import { seedEvents } from '../testing/seed-data.ts';
import { facetCounts, filterTable, withinDates } from './filter-events.ts';
import { type Filters, NO_FILTERS, unknownFacetValues } from './filter-table.ts';
import {
  DEFAULT_STATE,
  decodeSearch,
  encodeSearch,
  isDiscreteChange,
  type ShareableState,
} from './url-state.ts';

/** The page the links are read on (resolves a relative ?data=). */
const PAGE = 'http://127.0.0.1:4173/';

describe('URL state', () => {
  it('round-trips every shareable key', () => {
    const state: ShareableState = {
      ...DEFAULT_STATE,
      event: 'e-71dcd463e2c6',
      from: '2016-08-01',
      to: '2016-11-02',
      actors: ['turkey', 'pmu'],
      types: ['battle'],
      q: 'Mosul & co, "quoted"',
      precisions: ['town', 'district'],
      outlets: ['Middle East Eye', 'FRANCE 24'],
      articles: ['bf0acc9d5223b784'],
      color: 'actor',
    };
    expect(decodeSearch(encodeSearch('', state), PAGE)).toEqual({ state, notices: [] });
  });
  it('drops invalid values with a notice and keeps the rest', () => {
    const { state, notices } = decodeSearch(
      '?from=2016-02-30&to=2016-11-01&types=<script>&event=e-1&precision=street',
      PAGE,
    );
    expect(state).toMatchObject({ from: null, to: '2016-11-01', types: [], event: 'e-1', precisions: [] });
    expect(notices).toHaveLength(3);
  });
  it('drops a range that ends before it starts', () => {
    expect(decodeSearch('?from=2016-11-01&to=2016-01-01', PAGE).state).toMatchObject({
      from: null,
      to: null,
    });
  });
  it('keeps parameters it does not own', () => {
    expect(encodeSearch('?utm=x&event=a', { event: 'b' })).toBe('?utm=x&event=b');
  });
  it('pushes history only for discrete changes', () => {
    expect(isDiscreteChange({ event: 'a' }, { event: 'b' })).toBe(true);
    expect(isDiscreteChange({ ...DEFAULT_STATE, q: 'a' }, { ...DEFAULT_STATE, q: 'ab' })).toBe(false);
  });
  it('turns any string in any parameter into a valid state (property)', () => {
    const params = [
      'event',
      'from',
      'to',
      'actors',
      'types',
      'q',
      'precision',
      'outlets',
      'articles',
      'color',
      'zzz',
    ];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...params), fc.string({ unit: 'binary' })), (dict) => {
        const search = `?${new URLSearchParams(dict).toString()}`;
        const { state } = decodeSearch(search, PAGE);
        expect(state.from === null || /^\d{4}-\d{2}-\d{2}$/.test(state.from)).toBe(true);
        expect(state.event === null || /^[A-Za-z0-9_-]+$/.test(state.event)).toBe(true);
        expect(state.actors.every((a) => /^[A-Za-z0-9_-]+$/.test(a))).toBe(true);
        expect(state.precisions.every((p) => (placePrecisions as readonly string[]).includes(p))).toBe(true);
        expect(['type', 'actor']).toContain(state.color);
        // And what it encodes decodes to the same state.
        expect(decodeSearch(encodeSearch('', state), PAGE).state).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });
});

describe('filtering', () => {
  const table = tableFromFile(seedEvents);
  const all = (rows: Uint32Array) => Array.from(rows, (i) => table.event(i));
  it('keeps everything without filters, in date order', () => {
    const { rows } = filterTable(table, NO_FILTERS);
    expect(rows).toHaveLength(seedEvents.events.length);
    const dates = all(rows).map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });
  it('matches date ranges by overlap, either end open', () => {
    const ranged = seedEvents.events.find((e) => e.dateEnd && e.dateEnd > e.date);
    expect(ranged).toBeDefined();
    const { date, dateEnd = date, id } = ranged as ConflictEvent;
    const ids = (f: Partial<Filters>) =>
      all(filterTable(table, { ...NO_FILTERS, ...f }).rows).map((e) => e.id);
    expect(ids({ from: dateEnd })).toContain(id);
    expect(ids({ to: date })).toContain(id);
    expect(ids({ from: addDays(dateEnd, 1) })).not.toContain(id);
  });
  it('combines actors (any of), types, precision and outlets', () => {
    const f = {
      ...NO_FILTERS,
      actors: ['turkey', 'russia'],
      types: ['battle'],
      precisions: ['town' as const],
    };
    const out = all(filterTable(table, f).rows);
    expect(out.length).toBeGreaterThan(0);
    for (const e of out) {
      expect(e.type).toBe('battle');
      expect(e.actors.some((a) => a === 'turkey' || a === 'russia')).toBe(true);
      expect(e.place.precision).toBe('town');
    }
    const outlet = all(filterTable(table, { ...NO_FILTERS, outlets: ['FRANCE 24'] }).rows);
    const outletArticle = seedEvents.articles.find((a) => a.outlet === 'FRANCE 24')?.id;
    expect(outlet.length).toBeGreaterThan(0);
    expect(outlet.every((e) => e.sources.some((s) => s.articleId === outletArticle))).toBe(true);
    const byArticle = all(filterTable(table, { ...NO_FILTERS, articles: [outletArticle ?? ''] }).rows);
    expect(byArticle.map((e) => e.id)).toEqual(outlet.map((e) => e.id));
  });
  it('searches summaries and places, case-insensitively, and extra text given to it', () => {
    // A place only one seed event has, asked for in capitals: that event, and only events naming it.
    const target = seedEvents.events.find(
      (e) => seedEvents.events.filter((x) => x.place.name === e.place.name).length === 1,
    ) as ConflictEvent;
    const found = all(filterTable(table, { ...NO_FILTERS, q: target.place.name.toUpperCase() }).rows);
    expect(found.map((e) => e.id)).toContain(target.id);
    for (const e of found)
      expect(`${e.summary}\n${e.place.name}`.toLowerCase()).toContain(target.place.name.toLowerCase());
    const byPassage = filterTable(
      table,
      { ...NO_FILTERS, q: 'zzz-passage' },
      {
        extraText: (row) => (row === 3 ? 'zzz-passage' : ''),
      },
    );
    expect(Array.from(byPassage.rows)).toEqual([3]);
  });

  // The columnar filter and its one-pass facet counts against the obvious object-by-object way.
  const outletOf = (articleId: string) => seedEvents.articles.find((a) => a.id === articleId)?.outlet ?? '';
  const naive = (f: Filters) =>
    seedEvents.events.filter(
      (e) =>
        (!f.q.trim() || `${e.summary}\n${e.place.name}`.toLowerCase().includes(f.q.trim().toLowerCase())) &&
        (!f.from || (e.dateEnd ?? e.date) >= f.from) &&
        (!f.to || e.date <= f.to) &&
        (!f.types.length || f.types.includes(e.type)) &&
        (!f.actors.length || e.actors.some((a) => f.actors.includes(a))) &&
        (!f.precisions.length || f.precisions.includes(e.place.precision)) &&
        (!f.articles.length || e.sources.some((s) => f.articles.includes(s.articleId))) &&
        (!f.outlets.length || e.sources.some((s) => f.outlets.includes(outletOf(s.articleId)))),
    );
  // Search words: pieces of summaries and place names (so some match), in any case, or any text at all.
  const words = seedEvents.events.flatMap((e) => `${e.summary} ${e.place.name}`.split(/\s+/)).filter(Boolean);
  const queryArb = fc.oneof(
    fc.constant(''),
    fc.constantFrom(...words).map((w) => w.toUpperCase()),
    fc
      .tuple(fc.constantFrom(...seedEvents.events), fc.nat(), fc.integer({ min: 1, max: 12 }))
      .map(([e, at, n]) => e.summary.slice(at % e.summary.length, (at % e.summary.length) + n)),
    fc.string({ maxLength: 6 }),
  );
  const dates = [...new Set(seedEvents.events.flatMap((e) => [e.date, e.dateEnd ?? e.date]))];
  const filtersArb: fc.Arbitrary<Filters> = fc.record({
    from: fc.option(fc.constantFrom(...dates), { nil: null }),
    to: fc.option(fc.constantFrom(...dates), { nil: null }),
    q: queryArb,
    types: fc.subarray([...seedEvents.eventTypes.map((t) => t.id), 'no-such-type']),
    actors: fc.subarray(seedEvents.actors.map((a) => a.id)),
    precisions: fc.subarray([...placePrecisions]),
    outlets: fc.subarray([...new Set(seedEvents.articles.map((a) => a.outlet ?? ''))]),
    articles: fc.subarray(seedEvents.articles.map((a) => a.id)),
  });
  it('returns the same events as filtering object by object, for any filters', () => {
    fc.assert(
      fc.property(filtersArb, (f) => {
        const got = all(filterTable(table, f).rows)
          .map((e) => e.id)
          .sort();
        expect(got).toEqual(
          naive(f)
            .map((e) => e.id)
            .sort(),
        );
        // A date brush narrows the rows that pass the other filters, to the same result.
        const undated = filterTable(table, { ...f, from: null, to: null }).rows;
        expect(Array.from(withinDates(table, undated, f.from, f.to))).toEqual(
          Array.from(filterTable(table, f).rows),
        );
      }),
      { numRuns: 300 },
    );
  });
  it('counts each facet over the events passing every other filter', () => {
    fc.assert(
      fc.property(filtersArb, (f) => {
        const counts = facetCounts(table, f);
        for (const t of seedEvents.eventTypes)
          expect(counts.types.get(t.id)).toBe(
            naive({ ...f, types: [] }).filter((e) => e.type === t.id).length,
          );
        for (const a of seedEvents.actors)
          expect(counts.actors.get(a.id)).toBe(
            naive({ ...f, actors: [] }).filter((e) => e.actors.includes(a.id)).length,
          );
        for (const a of seedEvents.articles)
          expect(counts.articles.get(a.id)).toBe(
            naive({ ...f, articles: [] }).filter((e) => e.sources.some((s) => s.articleId === a.id)).length,
          );
        for (const p of placePrecisions)
          expect(counts.precisions.get(p)).toBe(
            naive({ ...f, precisions: [] }).filter((e) => e.place.precision === p).length,
          );
        for (const o of new Set(seedEvents.articles.map((a) => a.outlet ?? '')))
          expect(counts.outlets.get(o)).toBe(
            naive({ ...f, outlets: [] }).filter((e) => e.sources.some((s) => outletOf(s.articleId) === o))
              .length,
          );
        // Every facet of FacetCounts is checked above: a new facet must be added here.
        expect(Object.keys(counts).sort()).toEqual(['actors', 'articles', 'outlets', 'precisions', 'types']);
      }),
      { numRuns: 150 },
    );
  });
});

describe('facet values a link names that the data does not have', () => {
  const table = tableFromFile(seedEvents);
  it('are found per facet, with the parameter that named them; known ones are not', () => {
    const actor = table.actorIds[0] as string;
    const found = unknownFacetValues(table, {
      ...NO_FILTERS,
      actors: [actor, 'nobody'],
      types: ['no-such-type'],
      outlets: ['Nowhere Daily'],
    });
    expect(found).toEqual([
      { key: 'actors', param: 'actors', values: ['nobody'] },
      { key: 'types', param: 'types', values: ['no-such-type'] },
      { key: 'outlets', param: 'outlets', values: ['Nowhere Daily'] },
    ]);
    expect(unknownFacetValues(table, { ...NO_FILTERS, actors: [actor] })).toEqual([]);
  });
});
