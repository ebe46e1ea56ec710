/** Small helpers of the sentence walk: items by sentence, comparing with the title, summaries, dates. */
import type { DatePrecision } from '../shared/schema.ts';
import type { Checkpoint } from './budget.ts';
import type { ResolvedDate } from './dates.ts';
import { analyse, type Sentence } from './nlp.ts';

/** A block of text as `analyse` parses it apart: lines up to a blank line (nlp.ts keeps the same rule). */
const BLOCK = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;

/**
 * `analyse(text)`, a block (paragraph) at a time with `checkpoint` called before each, so a time
 * budget can stop a long article here too: parsing is the largest share of an article's time. The
 * sentences are the same as one call's (a test holds the two to it).
 */
export function analyseInSteps(text: string, checkpoint?: Checkpoint): Sentence[] {
  if (!checkpoint) return analyse(text);
  const out: Sentence[] = [];
  let paragraph = 0;
  for (const b of text.matchAll(BLOCK)) {
    // A blank block is no paragraph; any other is one, sentences or not.
    if (!b[0].trim()) continue;
    checkpoint(b.index);
    for (const s of analyse(b[0])) {
      s.start += b.index;
      s.end += b.index;
      s.paragraph += paragraph;
      for (const t of s.tokens) {
        t.start += b.index;
        t.end += b.index;
      }
      out.push(s);
    }
    paragraph += 1;
  }
  return out;
}

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
