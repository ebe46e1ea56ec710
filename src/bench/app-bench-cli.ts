/**
 * npm run bench [-- --sizes 10000,100000,1000000 --loads 3 --changes 8 --naive-max 1000000]
 *
 * Synthetic data sets (made once, cached in node_modules/.cache) are loaded through ?data= into the
 * built app and into a naive baseline page (src/bench/naive.ts), side by side in one headless
 * Chromium with software WebGL. For each: events-ready (navigation → first frame with the events),
 * filter changes (input → map idle; timeline brushes and actor toggles in the app, the same date
 * ranges and actors in the naive page), panning frame rate, JS heap, renderer memory and the gzip
 * size of what each page loads. Prints one Markdown table with medians and ratios.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CSP } from '../../vite.config.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../testing/chromium.ts';
import { ensureDataset } from './datasets.ts';

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
const BASE = `http://127.0.0.1:${PORT}`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : Number.NaN;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] as number) : Number.NaN;
};

/** gzip bytes of an entry's JS and CSS (with its static and dynamic imports) and the MapLibre worker. */
function bundleGzip(entry: string): number {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; assets?: string[] }
  >;
  const files = new Set<string>();
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const c of chunk.css ?? []) files.add(c);
    for (const a of chunk.assets ?? []) if (a.includes('maplibre-gl-worker')) files.add(a);
    for (const i of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) walk(i);
  };
  walk(entry);
  return [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f))).length, 0);
}

/** Resident memory of the largest Chromium renderer process (the tab under test), in bytes. */
function rendererRss(): number {
  const out = execFileSync('ps', ['-eo', 'rss,args', '--no-headers'], { encoding: 'utf8' });
  let max = 0;
  for (const line of out.trim().split('\n')) {
    const [rss, ...args] = line.trim().split(/\s+/);
    const cmd = args.join(' ');
    if (cmd.includes('--type=renderer') && cmd.includes('chrom')) max = Math.max(max, Number(rss) * 1024);
  }
  return max;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.arrow': 'application/vnd.apache.arrow.file',
};

/**
 * The built pages and the data, as a static host or CDN serves them: precompressed copies where they
 * exist, no compression on the fly (vite preview gzips every response, which alone takes seconds for
 * a 366 MB JSON file and would measure the test server, not the page).
 */
function serveStatic(root: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // A precompressed copy beside the file is served as such (gzip_static, as CDNs do).
    const gz = `${file}.gz`;
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'])) && existsSync(gz);
    const body = gzip ? gz : file;
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': statSync(body).size,
      'Content-Security-Policy': CSP,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    createReadStream(body).pipe(res);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

async function waitForMeasure(page: Page, name: string, count: number, timeout: number): Promise<number> {
  await page.waitForFunction(
    ([n, c]) => performance.getEntriesByName(n as string).length >= (c as number),
    [name, count],
    { timeout, polling: 20 },
  );
  return page.evaluate(
    ([n, c]) => (performance.getEntriesByName(n as string)[(c as number) - 1] as PerformanceEntry).duration,
    [name, count],
  );
}

/** Frames per second while the map pans for two seconds. (A string: tsx would wrap a function's
 * inner closures in a helper that does not exist in the page.) */
const PAN_FPS = `new Promise((done) => {
  const map = window.__atlasMap;
  let frames = 0;
  const count = () => { frames += 1; };
  map.on('render', count);
  const start = performance.now();
  map.panBy([400, 150], { duration: 2000, easing: (t) => t });
  setTimeout(() => { map.off('render', count); done((frames * 1000) / (performance.now() - start)); }, 2000);
})`;
const panFps = (page: Page): Promise<number> => page.evaluate(PAN_FPS) as Promise<number>;

interface Result {
  ready: number[];
  filters: number[];
  heapMb: number;
  rssMb: number;
  fps: number;
  failed?: string;
}

/** A brush over [a, b] (fractions of the timeline's width; the app's resulting range is replayed in the
 * naive page) or an actor checkbox turned on or off. */
type Change =
  | { brush: [number, number]; from?: string | null; to?: string | null }
  | { actor: string; on: boolean };

/** A fresh page as a first visit sees it (no service worker: every request reaches the server). */
async function freshPage(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  return { context, page: await context.newPage() };
}

/** Panning, JS heap and renderer memory, once the filter changes are done. */
async function measureAfter(page: Page): Promise<Pick<Result, 'fps' | 'heapMb' | 'rssMb'>> {
  const fps = await panFps(page);
  const heap = await page.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
  );
  return { fps, heapMb: heap / 2 ** 20, rssMb: rendererRss() / 2 ** 20 };
}

const NONE = { heapMb: 0, rssMb: 0, fps: 0 };

async function runApp(browser: Browser, size: number, changes: Change[]): Promise<Result> {
  const ready: number[] = [];
  const filters: number[] = [];
  let after = NONE;
  for (let load = 0; load < LOADS; load++) {
    const { context, page } = await freshPage(browser);
    await page.goto(`${BASE}/?data=/bench-data/${size}/events.arrow`);
    ready.push(await waitForMeasure(page, 'events-ready', 1, 120_000));
    if (load === LOADS - 1) {
      await page.locator('[data-testid="map"][data-events-ready="true"]').waitFor({ timeout: 120_000 });
      const box = await page.locator('.timeline-svg').boundingBox();
      let n = 0;
      for (const change of changes) {
        if ('brush' in change) {
          if (!box) throw new Error('no timeline');
          const [a, b] = change.brush;
          await page.mouse.move(box.x + box.width * a, box.y + 30);
          await page.mouse.down();
          await page.mouse.move(box.x + box.width * b, box.y + 30, { steps: 3 });
          await page.mouse.up();
          // The naive page gets the range the brush made.
          const url = new URL(page.url());
          change.from = url.searchParams.get('from');
          change.to = url.searchParams.get('to');
        } else {
          if (!(await page.locator('details.filters-box[open]').count()))
            await page.getByText('Filters and export').click();
          await page.getByRole('checkbox', { name: new RegExp(change.actor) }).click();
        }
        n += 1;
        filters.push(await waitForMeasure(page, 'filter', n, 60_000));
      }
      after = await measureAfter(page);
    }
    await context.close();
  }
  return { ready, filters, ...after };
}

async function runNaive(browser: Browser, size: number, changes: Change[], loads: number): Promise<Result> {
  const ready: number[] = [];
  const filters: number[] = [];
  let after = NONE;
  for (let load = 0; load < loads; load++) {
    const { context, page } = await freshPage(browser);
    try {
      await page.goto(`${BASE}/src/bench/naive.html?data=/bench-data/${size}/events.json`);
      ready.push(await waitForMeasure(page, 'events-ready', 1, 240_000));
      if (load === loads - 1) {
        let n = 0;
        for (const change of changes) {
          await page.evaluate((c) => {
            const naive = window.__naive as NonNullable<typeof window.__naive>;
            if ('brush' in c) naive.setRange(c.from ?? null, c.to ?? null);
            else naive.setActors(c.on ? [c.actor] : []);
          }, change);
          n += 1;
          filters.push(await waitForMeasure(page, 'filter', n, 120_000));
        }
        after = await measureAfter(page);
      }
    } catch (e) {
      await context.close();
      return { ready, filters, ...after, failed: (e as Error).message.split('\n')[0] };
    }
    await context.close();
  }
  return { ready, filters, ...after };
}

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
  const appKb = bundleGzip('index.html') / 1024;
  const naiveKb = bundleGzip('src/bench/naive.html') / 1024;
  const rows: string[] = [];
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
    console.error(`  app, ${size} events…`);
    const app = await runApp(browser, size, changes);
    console.error(`  naive, ${size} events…`);
    const naive =
      size > NAIVE_MAX
        ? { ready: [], filters: [], ...NONE, failed: 'not run (--naive-max)' }
        : await runNaive(browser, size, changes, size >= 1_000_000 ? 1 : LOADS);
    for (const [name, r, kb] of [
      ['Conflict Atlas', app, appKb],
      ['naive', naive, naiveKb],
    ] as const) {
      rows.push(
        `| ${size.toLocaleString('en')} | ${name} | ${fmt(median(r.ready))} | ${fmt(median(r.filters))} | ${fmt(p95(r.filters))} | ${r.fps ? r.fps.toFixed(0) : '–'} | ${r.heapMb ? r.heapMb.toFixed(0) : '–'} MB | ${r.rssMb ? r.rssMb.toFixed(0) : '–'} MB | ${kb.toFixed(0)} kB |${r.failed ? ` failed: ${r.failed}` : ''}`,
      );
    }
    const ratio = (a: number, b: number) => (Number.isFinite(b / a) ? `${(b / a).toFixed(1)}×` : '–');
    rows.push(
      `| ${size.toLocaleString('en')} | **ratio** | **${ratio(median(app.ready), median(naive.ready))}** | **${ratio(median(app.filters), median(naive.filters))}** | ${ratio(p95(app.filters), p95(naive.filters))} | | | | |`,
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
    '| events | page | events-ready | filter p50 | filter p95 | pan fps | JS heap | renderer RSS | JS+CSS gzip |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
