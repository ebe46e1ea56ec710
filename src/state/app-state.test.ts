/** The app's state hooks, through the pure functions they are made of. */
import { describe, expect, it } from 'vitest';
import { tableFromFile } from '../data/table-from-columns.ts';
import type { Article } from '../shared/schema.ts';
import { seedEvents } from '../testing/seed-data.ts';
import { filterTable } from './filter-events.ts';
import { type Filters, hasFilters, NO_FILTERS } from './filter-table.ts';
import { notices } from './notices.ts';
import { MAX_SEARCHED_ARTICLES, searchContext, searchesPassages } from './search-context.ts';
import { pickedVisible } from './selection.ts';
import { type ShortcutContext, shortcutFor, stepRow } from './shortcuts.ts';
import { countLabel, withoutDates } from './visible-events.ts';

const table = tableFromFile(seedEvents);
const all = filterTable(table, NO_FILTERS).rows;

describe('visible events', () => {
  it('drops only the dates for the first step, keeping every other filter', () => {
    const f: Filters = {
      from: '2016-01-01',
      to: '2016-12-31',
      actors: ['turkey'],
      types: ['battle'],
      q: 'mosul',
      precisions: ['town'],
      outlets: ['x'],
      articles: ['a'],
    };
    const undated = withoutDates(f);
    expect(undated).toMatchObject({ from: null, to: null });
    for (const key of Object.keys(f) as (keyof Filters)[])
      if (key !== 'from' && key !== 'to') expect(undated[key]).toBe(f[key]);
  });
  it('counts "N of M" under filters, "M" without, and says when loading or failed', () => {
    expect(countLabel(1200, 1200, NO_FILTERS, false)).toBe('1,200 events');
    expect(countLabel(1200, 3, { ...NO_FILTERS, q: 'x' }, false)).toBe('3 of 1,200 events');
    expect(countLabel(undefined, 0, NO_FILTERS, false)).toBe('Loading events…');
    expect(countLabel(undefined, 0, NO_FILTERS, true)).toBe('No events');
  });
});

describe('selection', () => {
  it('keeps the picked rows the filters still show, sorted', () => {
    const rows = Uint32Array.from([1, 3, 5, 7]);
    expect(Array.from(pickedVisible([7, 2, 3], rows) ?? [])).toEqual([3, 7]);
    expect(pickedVisible(null, rows)).toBeNull();
  });
});

describe('notices', () => {
  const none = { urlNotices: [], missingEvent: null, searchWithoutPassages: false };
  it('says nothing when all is well', () => {
    expect(notices(none)).toEqual([]);
  });
  it('reports each problem with its reasons, link notices first', () => {
    const out = notices({
      urlNotices: ['Ignored the invalid “from” parameter in the link.'],
      dropped: { count: 2, reasons: [{ path: 'events[3].date', message: 'bad date' }] },
      badDetails: { count: 1, reasons: [{ path: 'e-1', message: 'no sources' }] },
      missingEvent: 'e-gone',
      searchWithoutPassages: true,
    });
    expect(out).toHaveLength(5);
    expect(out[0]).toContain('“from”');
    expect(out[1]).toBe('2 invalid event(s) in the data file were left out: events[3].date: bad date');
    expect(out[2]).toContain('e-gone');
    expect(out[3]).toContain('e-1: no sources');
    expect(out[4]).toContain(String(MAX_SEARCHED_ARTICLES));
  });
});

describe('keyboard shortcuts', () => {
  const calls: string[] = [];
  const ctx: ShortcutContext = {
    table,
    rows: all,
    selectedRow: -1,
    select: (id) => calls.push(id),
    dismiss: () => calls.push('dismiss'),
  };
  const plain = { editable: false, scrollable: false };
  it('steps through the rows, clamped at both ends', () => {
    const rows = Uint32Array.from([2, 4, 6]);
    expect(stepRow(rows, -1, 1)).toBe(2);
    expect(stepRow(rows, 4, 1)).toBe(6);
    expect(stepRow(rows, 6, 1)).toBe(6);
    expect(stepRow(rows, 4, -1)).toBe(2);
    expect(stepRow(rows, 2, -1)).toBe(2);
  });
  it('ignores keys typed into a field, and arrows where they scroll', () => {
    expect(shortcutFor('Escape', { editable: true, scrollable: false }, ctx)).toBeUndefined();
    expect(shortcutFor('ArrowDown', { editable: false, scrollable: true }, ctx)).toBeUndefined();
    expect(shortcutFor('x', plain, ctx)).toBeUndefined();
  });
  it('closes with Escape and selects the first event with ArrowDown', () => {
    calls.length = 0;
    shortcutFor('Escape', plain, ctx)?.perform('Escape', ctx);
    shortcutFor('ArrowDown', plain, ctx)?.perform('ArrowDown', ctx);
    expect(calls).toEqual(['dismiss', table.event(all[0] as number).id]);
  });
  it('has no arrow shortcut without events', () => {
    expect(shortcutFor('ArrowDown', plain, { ...ctx, rows: new Uint32Array(0) })).toBeUndefined();
  });
});

describe('search context', () => {
  it('searches passages only for a search, up to a number of articles', () => {
    expect(searchesPassages(table, '')).toBe(false);
    expect(searchesPassages(table, 'mosul')).toBe(table.meta.articles.length <= MAX_SEARCHED_ARTICLES);
  });
  it('adds actor names, and the passages once their articles are loaded', () => {
    const row = all[0] as number;
    const e = table.event(row);
    const names = e.actors.map((id) => seedEvents.actors.find((a) => a.id === id)?.name.toLowerCase());
    const bare = searchContext(table, new Map(), true).extraText?.(row) ?? '';
    for (const n of names) expect(bare).toContain(n);
    const source = e.sources[0];
    if (!source) throw new Error('an event has a source');
    // An article whose passage is all "P": the context holds it lower-cased.
    const passage = 'P'.repeat(source.end - source.start);
    const article = { id: source.articleId, text: `${'x'.repeat(source.start)}${passage}` } as Article;
    const withText = searchContext(table, new Map([[source.articleId, article]]), true).extraText?.(row);
    expect(withText).toContain(passage.toLowerCase());
  });
});

describe('whether filters are set', () => {
  it('sees every filter key, and nothing in the defaults', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    const set: { [K in keyof Filters]: Filters[K] } = {
      from: '2016-01-01',
      to: '2016-12-31',
      actors: ['a'],
      types: ['t'],
      q: 'x',
      precisions: ['town'],
      outlets: ['o'],
      articles: ['a'],
    };
    for (const key of Object.keys(NO_FILTERS) as (keyof Filters)[])
      expect(hasFilters({ ...NO_FILTERS, [key]: set[key] }), key).toBe(true);
  });
});
