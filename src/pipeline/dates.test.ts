import { describe, expect, it } from 'vitest';
import { findDateLine, resolveDates } from './dates.ts';
import { fatalitiesIn } from './fatalities.ts';

describe('dates, resolved against the publication date', () => {
  const one = (text: string, published = '2016-11-01') => resolveDates(text, published)[0];
  it('reads a bare weekday as the most recent one, publication day included', () => {
    expect(one('Turkey on Tuesday started moving tanks')?.date).toBe('2016-11-01');
    expect(one('at around 01:00 GMT Wednesday', '2016-11-01')?.date).toBe('2016-10-26');
    expect(one('said on Monday', '2016-11-02')).toMatchObject({ date: '2016-10-31', precision: 'day' });
  });
  it('gives a day without a year the most recent past year', () => {
    expect(one('launched on 24 August in northern Syria')).toMatchObject({
      date: '2016-08-24',
      precision: 'day',
    });
    expect(one('on 24 December', '2017-01-05')?.date).toBe('2016-12-24');
  });
  it('turns months into ranges', () => {
    expect(one('captured it last month', '2016-10-11')).toMatchObject({
      date: '2016-09-01',
      dateEnd: '2016-09-30',
      precision: 'month',
    });
    expect(one('earlier this month', '2016-08-24')).toMatchObject({
      date: '2016-08-01',
      dateEnd: '2016-08-23',
      precision: 'month',
    });
    expect(one('a failed July coup', '2016-08-24')).toMatchObject({ date: '2016-07-01', precision: 'month' });
  });
  it('resolves "about two weeks ago" to a week', () => {
    expect(one('since the start of the offensive about two weeks ago')).toMatchObject({
      precision: 'week',
      date: '2016-10-15',
    });
  });
  it('never dates a report after its publication ("a week after a meeting")', () => {
    expect(resolveDates('on Friday, a week after a meeting', '2022-04-04').map((d) => d.text)).toEqual([
      'on Friday,',
    ]);
  });
  it('ignores the modal "may" and words that are no date', () => {
    expect(resolveDates('Turkey may act from now on', '2016-11-01')).toEqual([]);
  });
  it('reads a date line with a two-digit year', () => {
    expect(findDateLine("Title\n\nBy Cheri Cheng - 16 Feb '16 12:41PM\nClose")).toBe('2016-02-16');
  });
});

describe('fatalities', () => {
  it('reads the tolls a sentence states, the lowest where it gives several, and none where it states none', () => {
    expect(fatalitiesIn('Gunmen shot dead three people in Owerri.')).toBe(3);
    expect(fatalitiesIn('The blast killed at least 12 people.')).toBe(12);
    expect(fatalitiesIn('Three soldiers were killed and the death toll rose to 30.')).toBe(3);
    expect(fatalitiesIn('The attack left five dead.')).toBe(5);
    expect(fatalitiesIn('Police arrested 4 men in 2009.')).toBeUndefined();
    expect(fatalitiesIn('The 2009 attack killed nobody.')).toBeUndefined();
  });
});
