/** Sentence segmentation with UTF-16 offsets into the stored text (Intl.Segmenter, ICU rules). */

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (block separated by a blank line or a line break) the sentence is in. */
  paragraph: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// ICU ends a sentence after these abbreviations; news text uses them mid-sentence.
const ABBREVIATION =
  /(?:\b(?:Gen|Lt|Col|Capt|Maj|Sgt|Dr|Mr|Mrs|Ms|St|Sept|Jan|Feb|Aug|Oct|Nov|Dec|No)|\bU\.S|\b[A-Z])\.\s*$/;

/**
 * Splits text into sentences. Paragraphs are lines; within a line ICU finds sentence ends. Offsets
 * exclude surrounding whitespace, so `text.slice(start, end)` is exactly the sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  const lineRe = /[^\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const lineStart = m.index;
    const line = m[0];
    if (!line.trim()) continue;
    let pending: { start: number; end: number } | null = null;
    for (const seg of segmenter.segment(line)) {
      const lead = seg.segment.length - seg.segment.trimStart().length;
      const s = lineStart + seg.index + lead;
      const e = lineStart + seg.index + seg.segment.trimEnd().length;
      if (e <= s) continue;
      if (pending) pending.end = e;
      else pending = { start: s, end: e };
      if (ABBREVIATION.test(text.slice(pending.start, pending.end))) continue;
      out.push({ ...pending, text: text.slice(pending.start, pending.end), paragraph });
      pending = null;
    }
    if (pending) out.push({ ...pending, text: text.slice(pending.start, pending.end), paragraph });
    paragraph += 1;
  }
  return out;
}
