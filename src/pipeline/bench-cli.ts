/**
 * npm run -s bench:pipeline [-- --articles 1000]
 * Speed after start-up: a corpus of N articles made by repeating seeds/ under new ids, processed in
 * one process on one core; prints start-up time, articles per second (median of 3 runs).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { listArticleFiles, loadToolkit, runPipeline } from './run.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' } } });
const n = Number(values.articles);
const seeds = listArticleFiles('seeds/articles');
const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
mkdirSync(dir, { recursive: true });
for (let i = 0; i < n; i++) {
  const src = seeds[i % seeds.length] ?? '';
  const text = readFileSync(src, 'utf8').replace(/^id: (.*)$/m, `id: $1-${i}`);
  writeFileSync(join(dir, `${String(i).padStart(5, '0')}-${basename(src)}`), text);
}
const t0 = performance.now();
const kit = loadToolkit({ dataDir: 'seeds' });
const startup = performance.now() - t0;
const files = listArticleFiles(dir);
const rates: number[] = [];
let events = 0;
for (let run = 0; run < 3; run++) {
  const t = performance.now();
  const r = runPipeline(files, kit);
  rates.push(files.length / ((performance.now() - t) / 1000));
  events = r.report.eventsWritten;
}
rates.sort((a, b) => a - b);
rmSync(dir, { recursive: true, force: true });
console.log(
  `articles: ${files.length}, events: ${events}, start-up: ${(startup / 1000).toFixed(1)} s, ` +
    `articles/s (median of 3): ${rates[1]?.toFixed(0)} [${rates.map((r) => r.toFixed(0)).join(', ')}]`,
);
