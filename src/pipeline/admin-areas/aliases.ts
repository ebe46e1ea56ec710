/** The aliases of an admin area: spellings without diacritics or the Arabic article, Latin only, no repeats. */
import { normalizeName } from '../gazetteer.ts';

export const LATIN = /^[\p{Script=Latin}\s'’‘`ʿʾ.\-()]+$/u;

/** Arabic articles: "Al-Hasakah" is also written "Hasakah", "Al Anbar" "Anbar". */
const ARTICLE = /^(?:Al-|Al |Ar-|As-|Ash-|Ad-|Ad |An-|Az-|El-|Ez-)(.{4,})$/;

export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .replace(/[ʿʾ’‘]/g, "'")
    .normalize('NFC');
}

export function finishAliases(name: string, raw: string[]): string[] {
  const forms: string[] = [];
  const all = [name, ...raw];
  for (const a of all) {
    const t = a.trim().replace(/\s+/g, ' ');
    if (!t) continue;
    forms.push(t, stripDiacritics(t));
  }
  for (const f of [...forms]) {
    const m = ARTICLE.exec(f);
    if (m?.[1]) forms.push(m[1].charAt(0).toUpperCase() + m[1].slice(1));
  }
  const seen = new Set([normalizeName(name)]);
  const out: string[] = [];
  for (const f of forms) {
    const key = normalizeName(f);
    if (key.length < 3 || seen.has(key) || f.includes('|') || f.includes('\t')) continue;
    if (!LATIN.test(f)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
