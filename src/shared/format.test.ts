import { describe, expect, it } from 'vitest';
import { countOf, formatDay, formatEventDate, sourcesLabel } from './format.ts';

describe('event dates at their precision', () => {
  it('shows a day, or a range of days', () => {
    expect(formatEventDate({ date: '2016-08-24', datePrecision: 'day' })).toBe('24 August 2016');
    expect(formatEventDate({ date: '2016-08-24', dateEnd: '2016-08-26', datePrecision: 'day' })).toBe(
      '24 August 2016 – 26 August 2016',
    );
    expect(formatEventDate({ date: '2016-08-24', dateEnd: '2016-08-24', datePrecision: 'day' })).toBe(
      '24 August 2016',
    );
  });
  it('never shows a month or a year as a day', () => {
    expect(formatEventDate({ date: '2016-08-01', dateEnd: '2016-08-31', datePrecision: 'month' })).toBe(
      'August 2016',
    );
    expect(formatEventDate({ date: '2016-07-01', dateEnd: '2016-08-31', datePrecision: 'month' })).toBe(
      'July 2016 – August 2016',
    );
    expect(formatEventDate({ date: '2016-01-01', dateEnd: '2016-12-31', datePrecision: 'year' })).toBe(
      '2016',
    );
  });
  it('says "week of" for a week', () => {
    expect(formatEventDate({ date: '2016-02-09', dateEnd: '2016-02-16', datePrecision: 'week' })).toBe(
      'week of 9 February 2016 – 16 February 2016',
    );
    expect(formatEventDate({ date: '2016-02-09', datePrecision: 'week' })).toBe('week of 9 February 2016');
  });
  it('formats a bare day', () => {
    expect(formatDay('2016-12-01')).toBe('1 December 2016');
  });
});

describe('countOf', () => {
  it('says one thing in the singular and any other count in the plural, with thousands marked', () => {
    expect(countOf(1, 'event')).toBe('1 event');
    expect(countOf(0, 'event')).toBe('0 events');
    expect(countOf(12_345, 'event')).toBe('12,345 events');
    expect(countOf(2, 'passage', 'passages of it')).toBe('2 passages of it');
  });
});

describe('sourcesLabel', () => {
  const outlet = (id: string) => ({ a: 'Reuters', b: 'Reuters', c: 'AP' })[id] ?? null;
  it('counts passages of one article as one report, and articles of one outlet as one voice', () => {
    expect(sourcesLabel([{ articleId: 'a' }], outlet)).toBe('1 article');
    expect(sourcesLabel([{ articleId: 'a' }, { articleId: 'a' }], outlet)).toBe('2 passages in 1 article');
    expect(sourcesLabel([{ articleId: 'a' }, { articleId: 'c' }], outlet)).toBe('2 articles');
    expect(sourcesLabel([{ articleId: 'a' }, { articleId: 'b' }, { articleId: 'c' }], outlet)).toBe(
      '3 articles from 2 outlets',
    );
    expect(sourcesLabel([{ articleId: 'x' }, { articleId: 'y' }], () => null)).toBe('2 articles');
  });
});
