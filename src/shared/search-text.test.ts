import { describe, expect, it } from 'vitest';
import { searchFold } from './search-text.ts';

describe('searchFold', () => {
  it('makes accented and plain spellings meet', () => {
    expect(searchFold('Jarābulus')).toBe(searchFold('Jarabulus'));
    expect(searchFold('Erdoğan')).toBe('erdogan');
    expect(searchFold('KARKAMIŞ')).toBe('karkamis');
    expect(searchFold('Karkamış')).toBe('karkamis');
    expect(searchFold('Łódź Straße')).toBe('lodz strasse');
  });
  it('leaves other scripts searchable as they are (less their vowel marks)', () => {
    expect(searchFold('الموصل')).toBe('الموصل');
    expect(searchFold('Мосул')).toBe('мосул');
  });
  it('keeps plain text as it is, but for case', () => {
    expect(searchFold('Mosul, 12 Oct')).toBe('mosul, 12 oct');
  });
});
