import { describe, expect, it } from 'vitest';
import { parseArticleFile } from './corpus.ts';

const read = (frontMatter: string, body = 'Turkish tanks shelled Jarablus on Tuesday.') =>
  parseArticleFile('a.md', new TextEncoder().encode(`---\n${frontMatter}\n---\n${body}\n`), []);

describe('front matter of any shape is named, never thrown', () => {
  it('refuses a list or a mapping where text belongs, naming the field', () => {
    for (const [field, value, shape] of [
      ['title', '{toString: 1}', 'a mapping'],
      ['outlet', '[a, b]', 'a list'],
      ['id', '{a: 1}', 'a mapping'],
      ['published', '[2016-11-01]', 'a list'],
    ] as const) {
      const fields: Record<string, string> = {
        id: 't1',
        title: 'T',
        published: '2016-11-01',
        [field]: value,
      };
      const meta = Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n');
      const r = read(meta);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.problem).toBe(`front matter: \`${field}\` must be text, not ${shape}`);
    }
  });
  it('refuses a publication year the date arithmetic cannot hold ("two years ago" in year 1)', () => {
    const r = read('id: old\ntitle: Old\npublished: 0001-01-05', 'Two years ago, gunmen attacked a village.');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.problem).toMatch(/outside the years 1000–9999/);
  });
  it('refuses an id too long to name its stored file', () => {
    const r = read(`id: ${'a'.repeat(252)}\ntitle: T\npublished: 2016-11-01`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.problem).toMatch(/is 252 characters; the limit is 100/);
  });
  it('still reads numbers and dates as text', () => {
    const r = read('id: 42\ntitle: 2016\npublished: 2016-11-01');
    expect(r.ok && [r.article.id, r.article.title, r.article.published]).toEqual([
      '42',
      '2016',
      '2016-11-01',
    ]);
  });
});
