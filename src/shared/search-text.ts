/**
 * Text as search compares it: lower case, accents and other marks removed, and the Latin letters that
 * do not decompose written plainly, so "Jarabulus" finds "Jarābulus", "erdogan" finds "Erdoğan" and
 * "karkamis" finds "Karkamış". Applied to the searched text and the query alike. ASCII text (most of
 * it) takes the fast path.
 */
const PLAIN: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe' };
const NOT_ASCII = /[^ -~\t\n\r]/;

export function searchFold(text: string): string {
  const lower = text.toLowerCase();
  if (!NOT_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ıłøđħßæœ]/g, (c) => PLAIN[c] ?? c);
}

/** A search box's text as the index is searched for it: trimmed and folded (no NUL: rows are NUL-separated). */
export function searchQuery(text: string): string {
  return searchFold(text.trim()).replaceAll('\u0000', '');
}
