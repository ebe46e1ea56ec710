/** Names in a run of capitalised words: gazetteer names (longest first), abbreviations, demonyms. */
import { type Gazetteer, type GazetteerEntry, normalizeName } from './gazetteer.ts';
import { DIRECTION, type PlaceRole, type Token } from './place-words.ts';
import { FUNCTION_WORDS } from './text-rules.ts';

/** A name the gazetteer knows, with its candidates, before any verdict. */
export interface Found {
  start: number;
  end: number;
  entries: GazetteerEntry[];
  words: number;
  /** Certain by its form: an abbreviation or a demonym. */
  fixed?: boolean;
  role?: PlaceRole;
}

export function matchRun(text: string, gazetteer: Gazetteer, run: Token[], direction?: Token): Found[] {
  const out: Found[] = [];
  // With a direction word, first try "northern Syria" as one name.
  if (direction) {
    for (let n = Math.min(run.length, gazetteer.maxWords - 1); n >= 1; n--) {
      const last = run[n - 1] as Token;
      const hit = gazetteer.byName.get(normalizeName(text.slice(direction.start, last.end)));
      if (hit) return [{ start: direction.start, end: last.end, entries: hit, words: n + 1 }];
    }
  }
  let k = 0;
  while (k < run.length) {
    const first = run[k] as Token;
    // An abbreviation as written: "Ky.", "U.S.", "W.Va.".
    const abbr = gazetteer.abbreviations.get(first.raw) ?? gazetteer.abbreviations.get(first.text);
    if (abbr && (first.raw.includes('.') || /^[A-Z]{2,3}$/.test(first.text) || abbr.feature === 'COUNTRY')) {
      out.push({
        start: first.start,
        end: first.start + first.raw.length,
        entries: [abbr],
        words: 1,
        fixed: true,
      });
      k += 1;
      continue;
    }
    let matched = false;
    const single = normalizeName(first.text);
    const demonymCode = gazetteer.demonyms.get(single) ?? gazetteer.demonymPlurals.get(single);
    for (let n = Math.min(run.length - k, gazetteer.maxWords); n >= (demonymCode ? 2 : 1); n--) {
      const last = run[k + n - 1] as Token;
      const key = normalizeName(text.slice(first.start, last.end));
      const hit = gazetteer.byName.get(key);
      if (hit) {
        out.push({ start: first.start, end: last.end, entries: hit, words: n });
        k += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // "Iraqi", "Palestinians", "Sri Lankan": the country, as an adjective or its people.
    const second = run[k + 1];
    const pair = second ? normalizeName(text.slice(first.start, second.end)) : '';
    const twoWords =
      second !== undefined && (gazetteer.demonyms.has(pair) || gazetteer.demonymPlurals.has(pair));
    const key = twoWords ? pair : normalizeName(first.text);
    const code = gazetteer.demonyms.get(key) ?? gazetteer.demonymPlurals.get(key);
    const country = code ? gazetteer.countries.get(code) : undefined;
    if (country) {
      out.push({
        start: first.start,
        end: twoWords && second ? second.end : first.end,
        entries: [country],
        words: 1,
        fixed: true,
        role: 'demonym',
      });
      if (twoWords) k += 1;
    }
    // A name later in a run ("President Erdogan", "Mosul Stronghold" in a headline) belongs to it.
    // "In Georgia", "At Mosul": a function word opening the run does not make it one name.
    if (k === 0 && !country && !FUNCTION_WORDS.has(key) && !DIRECTION.test(key)) break;
    k += 1;
  }
  return out;
}

/** Whether one of the candidates lies in the container. */
export function within(entries: GazetteerEntry[], container: GazetteerEntry | null): boolean {
  if (!container) return false;
  return entries.some(
    (c) =>
      c !== container &&
      ((container.feature === 'COUNTRY' && c.country === container.country) ||
        (container.code !== undefined && c.admin1 === container.code)),
  );
}

/** "Alexandria, La.", "Owerri, Imo State", "Paris, Texas": the area written right after a name. */
export function containerAfter(text: string, gazetteer: Gazetteer, end: number): GazetteerEntry | null {
  const m = /^,\s*((?:\p{Lu}[\p{L}.]*\.?)(?:\s+\p{Lu}[\p{L}.]*\.?){0,2})/u.exec(text.slice(end, end + 40));
  if (!m?.[1]) return null;
  const raw = m[1].trim();
  const abbr = gazetteer.abbreviations.get(raw) ?? gazetteer.abbreviations.get(raw.replace(/\s+/g, ''));
  if (abbr) return abbr;
  const words = raw.replace(/\.$/, '').split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const key = normalizeName(
      words
        .slice(0, n)
        .join(' ')
        .replace(/\s+(?:State|Province|Governorate|Region)$/i, ''),
    );
    const hit = gazetteer.byName.get(key)?.find((e) => e.feature === 'ADM1' || e.feature === 'COUNTRY');
    if (hit) return hit;
  }
  return null;
}
