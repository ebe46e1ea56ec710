import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_URL, dataUrlOf, decodeDataUrl } from './data-url.ts';

const PAGE = 'http://127.0.0.1:4173/?event=e-1';

describe('data URL of a link', () => {
  it('resolves a same-origin path against the page', () => {
    expect(decodeDataUrl('/big/events.arrow', PAGE)).toBe('http://127.0.0.1:4173/big/events.arrow');
  });
  it('takes https from elsewhere, never plain http or script URLs', () => {
    expect(decodeDataUrl('https://example.org/events.json', PAGE)).toBe('https://example.org/events.json');
    expect(decodeDataUrl('http://example.org/events.json', PAGE)).toBeUndefined();
    expect(decodeDataUrl('javascript:alert(1)', PAGE)).toBeUndefined();
  });
  it('falls back to the built-in data without a valid ?data=', () => {
    expect(dataUrlOf(PAGE)).toBe(DEFAULT_DATA_URL);
    expect(dataUrlOf(`${PAGE}&data=http://example.org/x.json`)).toBe(DEFAULT_DATA_URL);
    expect(dataUrlOf(`${PAGE}&data=/x.json`)).toBe('http://127.0.0.1:4173/x.json');
  });
});
