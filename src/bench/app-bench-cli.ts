/**
 * npm run bench [-- --sizes 10000,100000,1000000 --loads 3 --changes 8 --naive-max 1000000]
 *
 * Synthetic data sets (made once, cached in node_modules/.cache) are loaded through ?data= into the
 * built app (from events.json and from events.arrow) and into two baseline pages on events.json: a
 * deck.gl ScatterplotLayer with GPU filtering (src/bench/deck.ts) and a naive clustered GeoJSON source
 * (src/bench/naive.ts), side by side in one headless Chromium with software WebGL. For each:
 * events-ready (navigation → first frame with the events), the longest main-thread task while loading,
 * filter changes (input → the page's measure; timeline brushes and actor toggles in the app, the same
 * date ranges and actors in the baselines) and "shown" (two frames after), panning frame rate, JS
 * heap, renderer memory and the gzip size of what each page loads. Prints one Markdown table with
 * medians and ratios.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../testing/chromium.ts';
import { ensureDataset } from './datasets.ts';
import { type Change, NONE, type Result, runApp, runBaseline } from './drive.ts';
import { bundleGzip, serveStatic } from './serve.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    loads: { type: 'string', default: '3' },
    changes: { type: 'string', default: '8' },
    port: { type: 'string', default: '4180' },
    /** Largest set the naive page is run on (past it, it takes minutes or runs out of memory). */
    'naive-max': { type: 'string', default: '1000000' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const LOADS = Number(values.loads);
const CHANGES = Number(values.changes);
const PORT = Number(values.port);
const NAIVE_MAX = Number(values['naive-max']);
const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/conflict-atlas-bench');
const DIST = join(CACHE, 'dist');
const site = { base: `http://127.0.0.1:${PORT}`, loads: LOADS };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : Number.NaN;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] as number) : Number.NaN;
};

async function main() {
  console.error('Building the app and the naive page (vite build --mode bench)…');
  execFileSync('npx', ['vite', 'build', '--mode', 'bench', '--outDir', DIST, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!existsSync(join(DIST, 'bench-data'))) symlinkSync(CACHE, join(DIST, 'bench-data'));
  for (const size of sizes) {
    console.error(`Data set of ${size} events…`);
    const dir = await ensureDataset(CACHE, size);
    const link = join(CACHE, String(size));
    if (!existsSync(link)) symlinkSync(dir, link);
  }
  const server = await serveStatic(DIST, PORT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  const appKb = bundleGzip(DIST, 'index.html') / 1024;
  const naiveKb = bundleGzip(DIST, 'src/bench/naive.html') / 1024;
  const deckKb = bundleGzip(DIST, 'src/bench/deck.html') / 1024;
  const rows: string[] = [];
  const searches: string[] = [];
  const fmt = (ms: number) =>
    Number.isNaN(ms) ? '–' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
  for (const size of sizes) {
    const changes: Change[] = [];
    const actors = ['Islamic State', 'Turkey', 'YPG', 'Russia'];
    for (let i = 0; i < CHANGES; i++) {
      // Brushes over different stretches of the timeline, a tenth to a half of it.
      const a = 0.05 + ((i * 0.17) % 0.45);
      changes.push({ brush: [a, a + 0.1 + (i % 5) * 0.1] });
    }
    for (let i = 0; i < CHANGES; i++)
      changes.push({ actor: actors[Math.floor(i / 2) % actors.length] as string, on: i % 2 === 0 });
    const notRun = (why: string): Result => ({
      ready: [],
      filters: [],
      shown: [],
      longTask: [],
      ...NONE,
      failed: why,
    });
    console.error(`  app (JSON), ${size} events…`);
    const appJson = await runApp(site, browser, size, changes, 'events.json');
    console.error(`  app (Arrow), ${size} events…`);
    const appArrow = await runApp(site, browser, size, changes, 'events.arrow');
    console.error(`  deck.gl, ${size} events…`);
    const deck = await runBaseline(site, browser, size, changes, 'src/bench/deck.html');
    console.error(`  naive, ${size} events…`);
    const naive =
      size > NAIVE_MAX
        ? notRun('not run (--naive-max)')
        : await runBaseline(
            { ...site, loads: size >= 1_000_000 ? 1 : LOADS },
            browser,
            size,
            changes,
            'src/bench/naive.html',
          );
    for (const [name, r, kb] of [
      ['Conflict Atlas, events.json', appJson, appKb],
      ['Conflict Atlas, events.arrow', appArrow, appKb],
      ['deck.gl, events.json', deck, deckKb],
      ['naive, events.json', naive, naiveKb],
    ] as const) {
      rows.push(
        `| ${size.toLocaleString('en')} | ${name} | ${fmt(median(r.ready))} | ${fmt(Math.max(0, ...r.longTask))} | ${fmt(median(r.filters))} | ${fmt(p95(r.filters))} | ${fmt(median(r.shown))} | ${r.fps ? r.fps.toFixed(0) : '–'} | ${r.heapMb ? r.heapMb.toFixed(0) : '–'} MB | ${r.rssMb ? r.rssMb.toFixed(0) : '–'} MB | ${kb.toFixed(0)} kB |${r.failed ? ` failed: ${r.failed}` : ''}`,
      );
    }
    for (const [name, r] of [
      ['events.json', appJson],
      ['events.arrow', appArrow],
    ] as const)
      if (r.search)
        searches.push(
          `| ${size.toLocaleString('en')} | ${name} | ${fmt(r.search.resultsMs)} | ${fmt(r.search.longestTaskMs)} |`,
        );
    const ratio = (a: number, b: number) => (Number.isFinite(b / a) ? `${(b / a).toFixed(2)}×` : '–');
    rows.push(
      `| ${size.toLocaleString('en')} | **deck.gl ÷ app (JSON)** | **${ratio(median(appJson.ready), median(deck.ready))}** | | ${ratio(median(appJson.filters), median(deck.filters))} | | ${ratio(median(appJson.shown), median(deck.shown))} | | **${ratio(appJson.heapMb, deck.heapMb)}** | | |`,
      `| ${size.toLocaleString('en')} | **naive ÷ app (Arrow)** | **${ratio(median(appArrow.ready), median(naive.ready))}** | | **${ratio(median(appArrow.filters), median(naive.filters))}** | ${ratio(p95(appArrow.filters), p95(naive.filters))} | | | | | |`,
    );
  }
  const version = browser.version();
  await browser.close();
  server.close();
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU';
  console.log(
    `\n${new Date().toISOString().slice(0, 10)} · ${cpu}, ${(await import('node:os')).cpus().length} cores · headless Chromium ${version}, SwiftShader WebGL · ${LOADS} loads, ${CHANGES} brushes + ${CHANGES} actor toggles per size (medians)\n`,
  );
  console.log(
    '| events | page | events-ready | longest task while loading | filter p50 | filter p95 | shown p50 | pan fps | JS heap | renderer RSS | JS+CSS gzip |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('\nSearch (the app, filters cleared, a query every event matches; the last load):\n');
  console.log('| events | file | results after | longest task from the keystroke |');
  console.log('|---|---|---|---|');
  for (const r of searches) console.log(r);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
