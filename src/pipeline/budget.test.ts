import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../shared/schema.ts';
import { articleBudget, OverBudget } from './budget.ts';
import { analyse } from './nlp.ts';
import { listArticleFiles, loadToolkit, runArticles, type Toolkit } from './run.ts';
import { analyseInSteps } from './sentence-walk.ts';

let kit: Toolkit;
let seed: Article;
beforeAll(() => {
  kit = loadToolkit({ dataDir: 'seeds' });
  const file = listArticleFiles('seeds/articles')[1] ?? '';
  const text = readFileSync(file, 'utf8').split(/^---$/m).slice(2).join('---').trim();
  seed = { id: 'seed', title: 'Seed', outlet: null, author: null, url: null, published: '2016-08-24', text };
  kit.extractor.extract(seed); // warm-up: the first extraction pays for lazy set-up
}, 60_000);

/** The seed article's text repeated to about `size` characters. */
const long = (size: number): Article => ({
  ...seed,
  id: 'long',
  text: seed.text.repeat(Math.ceil(size / seed.text.length)).slice(0, size),
});

describe('the per-article time budget', () => {
  it('reports and skips an article over the budget, and keeps the others of the run', () => {
    // 4 MB takes many seconds to extract and the seed article tens of milliseconds: two seconds part
    // them with room to spare on a busy machine (half a second once skipped the seed too).
    const r = runArticles([long(4_000_000), seed], kit, { fileBudget: 2 });
    expect(r.report.problems).toEqual([
      {
        file: 'long',
        problem: expect.stringMatching(
          /^skipped: over the 2 s time budget \(stopped at character [1-9][\d,]* of 4,000,000, after [\d.]+ s\)$/,
        ),
      },
    ]);
    expect(r.data.articles.map((a) => a.id)).toEqual(['seed']);
    expect(r.articles.map((a) => a.id)).toEqual(['seed']);
    expect(r.data.events.length).toBeGreaterThan(0);
    expect(r.data.events.every((e) => e.sources.every((s) => s.articleId === 'seed'))).toBe(true);
  }, 60_000);

  it('changes nothing for an article within the budget', () => {
    const within = runArticles([seed], kit, { fileBudget: 60 });
    expect(within).toEqual(runArticles([seed], kit));
  });

  it('is checked at each paragraph as it parses, and at each sentence as it walks', () => {
    const offsets: number[] = [];
    kit.extractor.extract(seed, (at) => offsets.push(at));
    const sentences = analyse(seed.text);
    const paragraphs = new Set(sentences.map((s) => s.paragraph)).size;
    expect(offsets.length).toBeGreaterThanOrEqual(paragraphs + sentences.length);
    expect(offsets.every((at) => at >= 0 && at <= seed.text.length)).toBe(true);
  });

  it('parses a paragraph at a time into the same sentences as at once', () => {
    const texts = [
      ...listArticleFiles('seeds/articles').map((f) => readFileSync(f, 'utf8')),
      'Headline\n\n  \nGunmen killed five in Kabul.\nHard-wrapped line.\n \t\n\n\nLast words',
      '\n\nA.\n   \n',
    ];
    for (const text of texts) expect(analyseInSteps(text, () => {})).toEqual(analyse(text));
  });

  it('throws once the time is up, saying where it stopped, and tells progress meanwhile', () => {
    let t = 0;
    const walked: number[] = [];
    const check = articleBudget(2, 5000, (at) => walked.push(at), { everyMs: 500, now: () => t });
    for (const at of [100, 200, 300]) {
      t += 600;
      check(at);
    }
    expect(walked).toEqual([100, 200, 300]);
    t = 2001;
    expect(() => check(1234)).toThrow(OverBudget);
    expect(() => check(1234)).toThrow(
      'over the 2 s time budget (stopped at character 1,234 of 5,000, after 2 s)',
    );
  });
});
