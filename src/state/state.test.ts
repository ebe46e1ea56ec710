import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placePrecisions } from '../shared/schema.ts';
import { seedEvents } from '../shared/test-data.ts';
import { filterEvents, inDateRange } from './filter-events.ts';
import { NO_FILTERS } from './store.ts';
import {
  DEFAULT_STATE,
  decodeSearch,
  encodeSearch,
  isDiscreteChange,
  type ShareableState,
} from './url-state.ts';

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
    expect(decodeSearch(encodeSearch('', state))).toEqual({ state, notices: [] });
  });
  it('drops invalid values with a notice and keeps the rest', () => {
    const { state, notices } = decodeSearch(
      '?from=2016-02-30&to=2016-11-01&types=<script>&event=e-1&precision=street',
    );
    expect(state).toMatchObject({ from: null, to: '2016-11-01', types: [], event: 'e-1', precisions: [] });
    expect(notices).toHaveLength(3);
  });
  it('drops a range that ends before it starts', () => {
    expect(decodeSearch('?from=2016-11-01&to=2016-01-01').state).toMatchObject({ from: null, to: null });
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
        const { state } = decodeSearch(search);
        expect(state.from === null || /^\d{4}-\d{2}-\d{2}$/.test(state.from)).toBe(true);
        expect(state.event === null || /^[A-Za-z0-9_-]+$/.test(state.event)).toBe(true);
        expect(state.actors.every((a) => /^[A-Za-z0-9_-]+$/.test(a))).toBe(true);
        expect(state.precisions.every((p) => (placePrecisions as readonly string[]).includes(p))).toBe(true);
        expect(['type', 'actor']).toContain(state.color);
        // And what it encodes decodes to the same state.
        expect(decodeSearch(encodeSearch('', state)).state).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });
});

describe('filtering', () => {
  const ctx = { articles: seedEvents.articles };
  const all = seedEvents.events;
  it('keeps everything without filters', () => {
    expect(filterEvents(all, NO_FILTERS, ctx)).toHaveLength(all.length);
  });
  it('matches date ranges by overlap, either end open', () => {
    expect(inDateRange({ date: '2016-08-01', dateEnd: '2016-08-31' }, '2016-08-24', null)).toBe(true);
    expect(inDateRange({ date: '2016-08-01', dateEnd: '2016-08-31' }, '2016-09-01', null)).toBe(false);
    expect(inDateRange({ date: '2016-11-01' }, null, '2016-10-31')).toBe(false);
  });
  it('combines actors (any of), types, precision and outlets', () => {
    const f = {
      ...NO_FILTERS,
      actors: ['turkey', 'russia'],
      types: ['diplomacy'],
      precisions: ['town' as const],
    };
    const out = filterEvents(all, f, ctx);
    expect(out.length).toBeGreaterThan(0);
    for (const e of out) {
      expect(e.type).toBe('diplomacy');
      expect(e.actors.some((a) => a === 'turkey' || a === 'russia')).toBe(true);
      expect(e.place.precision).toBe('town');
    }
    const outlet = filterEvents(all, { ...NO_FILTERS, outlets: ['Bloomberg'] }, ctx);
    const bloomberg = seedEvents.articles.find((a) => a.outlet === 'Bloomberg')?.id;
    expect(outlet.every((e) => e.sources.some((s) => s.articleId === bloomberg))).toBe(true);
    const byArticle = filterEvents(all, { ...NO_FILTERS, articles: [bloomberg ?? ''] }, ctx);
    expect(byArticle.map((e) => e.id)).toEqual(outlet.map((e) => e.id));
  });
  it('searches summaries and places, case-insensitively, and extra text given to it', () => {
    expect(filterEvents(all, { ...NO_FILTERS, q: 'kokjali' }, ctx).map((e) => e.place.name)).toEqual([
      'Kokjali',
    ]);
    const byPassage = filterEvents(
      all,
      { ...NO_FILTERS, q: 'zzz-passage' },
      { ...ctx, extraText: (e) => (e.id === all[0]?.id ? 'ZZZ-passage' : '') },
    );
    expect(byPassage.map((e) => e.id)).toEqual([all[0]?.id]);
  });
});
