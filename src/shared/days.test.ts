import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOf, isIsoDay, isoOfDay } from './days.ts';

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
  });
});
