import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { listArticleFiles, loadToolkit, runPipeline, type Toolkit } from './run.ts';

let kit: Toolkit;
let seeds: string[];
beforeAll(() => {
  kit = loadToolkit({ dataDir: 'seeds' });
  seeds = listArticleFiles('seeds/articles').map((f) => readFileSync(f, 'utf8'));
}, 60_000);

/** A file a user might drop in the corpus by mistake: random bytes, random text, a truncated or damaged article. */
const badFile = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.string({ maxLength: 400 }),
  fc.tuple(fc.nat(4), fc.nat(7000)).map(([i, n]) => seeds[i % seeds.length]?.slice(0, n) ?? ''),
  fc.tuple(fc.nat(4), fc.nat(300), fc.string({ minLength: 1, maxLength: 3 })).map(([i, at, junk]) => {
    const s = seeds[i % seeds.length] ?? '';
    return s.slice(0, at) + junk + s.slice(at + junk.length);
  }),
  fc.constant(''),
);

describe('the pipeline under random, truncated and malformed files', () => {
  it('never crashes, and its report accounts for every input file', () => {
    fc.assert(
      fc.property(fc.array(badFile, { minLength: 1, maxLength: 6 }), (contents) => {
        const dir = mkdtempSync(join(tmpdir(), 'atlas-fuzz-'));
        try {
          for (const [i, c] of contents.entries()) writeFileSync(join(dir, `f${i}.md`), c);
          const files = listArticleFiles(dir);
          const r = runPipeline(files, kit);
          const rejected = new Set(r.report.problems.map((p) => p.file).filter((f) => files.includes(f)));
          expect(r.report.articlesRead + rejected.size).toBe(files.length);
          for (const e of r.data.events) for (const s of e.sources) expect(s.end).toBeGreaterThan(s.start);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('a very long article', () => {
  /** An article of about `size` characters: the seed paragraphs, repeated. */
  const long = (size: number) => {
    const body = (seeds[1] ?? '').split(/^---$/m).slice(2).join('---');
    const text = body.repeat(Math.ceil(size / body.length)).slice(0, size);
    return {
      id: 'long',
      title: 'Long',
      outlet: null,
      author: null,
      url: null,
      published: '2016-08-24',
      text,
    };
  };
  const time = (size: number) => {
    const a = long(size);
    const t = performance.now();
    kit.extractor.extract(a);
    return performance.now() - t;
  };
  // The fastest of three runs of each size: on a shared, loaded machine one run can take twice as
  // long for reasons that have nothing to do with the code.
  const fastest = (size: number) => Math.min(time(size), time(size), time(size));
  it('takes linear time: 1 MB costs about four times 250 kB, not sixteen', () => {
    time(50_000); // warm-up
    const quarter = fastest(250_000);
    const full = fastest(1_000_000);
    expect(full / quarter).toBeLessThan(8);
  }, 180_000);
});
