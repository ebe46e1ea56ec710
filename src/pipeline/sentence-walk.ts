/** Small helpers of the sentence walk: items by sentence, comparing with the title, summaries, dates. */
import type { DatePrecision } from '../shared/schema.ts';
import type { ResolvedDate } from './dates.ts';
import type { Sentence } from './nlp.ts';

/** Gives an undated candidate the date a later sentence tells of it. */
export function datedBy(
  c: { date: string; dateEnd?: string; datePrecision: DatePrecision; undated: boolean },
  d: ResolvedDate,
): void {
  c.date = d.date;
  if (d.dateEnd) c.dateEnd = d.dateEnd;
  else delete c.dateEnd;
  c.datePrecision = d.precision;
  c.undated = false;
}

/** Items (sorted by start) inside each sentence, in one walk: linear in a long article. */
export function bySentence<T extends { start: number; end: number }>(
  items: T[],
  sentences: Sentence[],
): T[][] {
  const out: T[][] = sentences.map(() => []);
  let k = 0;
  for (const [i, s] of sentences.entries()) {
    while (k < items.length && (items[k] as T).start < s.start) k++;
    for (let j = k; j < items.length && (items[j] as T).start < s.end; j++) {
      const item = items[j] as T;
      if (item.end <= s.end) out[i]?.push(item);
    }
  }
  return out;
}

/** Lower case, single spaces, no closing punctuation: for comparing a sentence with the title. */
export function norm(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '')
    .trim()
    .toLowerCase();
}

export function summarize(sentence: string): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  return s.length > 240 ? `${s.slice(0, 239).replace(/\s\S*$/, '')}…` : s;
}
