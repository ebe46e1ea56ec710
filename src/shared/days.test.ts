import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOf, dayOfIsoChecked, isIsoDay, isoOfDay } from './days.ts';

describe('days', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayOf('1970-01-01')).toBe(0);
    expect(dayOf('2016-03-01') - dayOf('2016-02-28')).toBe(2);
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
  });
  it('round-trips every day number', () => {
    fc.assert(fc.property(fc.integer({ min: -100_000, max: 100_000 }), (d) => dayOf(isoOfDay(d)) === d));
  });
  it('knows a real calendar day', () => {
    expect(isIsoDay('2016-02-29')).toBe(true);
    expect(isIsoDay('2015-02-29')).toBe(false);
    expect(isIsoDay('2016-2-1')).toBe(false);
    for (const bad of [
      '2016-13-01',
      '2016-00-10',
      '2016-04-31',
      '1900-02-29',
      '0000-00-00',
      '2016-01-0a',
      ' 2016-01-01',
    ])
      expect(isIsoDay(bad), bad).toBe(false);
    expect(isIsoDay('2000-02-29')).toBe(true);
  });
  it('counts days from the characters exactly as from a Date, for any day of years 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayOf('0000-01-01'), max: dayOf('9999-12-31') }), (d) => {
        expect(dayOfIsoChecked(isoOfDay(d))).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });
});
