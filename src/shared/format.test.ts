import { describe, expect, it } from 'vitest';
import { formatDay, formatEventDate } from './format.ts';

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
