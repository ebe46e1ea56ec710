/**
 * The bench's page drivers: load a data set into the app or the naive page in a fresh browser context,
 * read its performance marks, make the filter changes, and measure panning and memory afterwards.
 */
import type { Browser, Page } from '@playwright/test';
import { rendererRss } from './serve.ts';

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

export interface Result {
  ready: number[];
  filters: number[];
  /** Each filter change until two frames after its measure: what a person sees, in software GL. */
  shown: number[];
  /** The longest main-thread task while the events loaded (until events-ready), per load. */
  longTask: number[];
  heapMb: number;
  rssMb: number;
  fps: number;
  /** The app only: a search every event matches, typed after the changes (filters cleared). */
  search?: { resultsMs: number; longestTaskMs: number };
  failed?: string;
}

/** A brush over [a, b] (fractions of the timeline's width; the app's resulting range is replayed in the
 * naive page) or an actor checkbox turned on or off. */
export type Change =
  | { brush: [number, number]; from?: string | null; to?: string | null }
  | { actor: string; on: boolean };

/** A fresh page as a first visit sees it (no service worker: every request reaches the server),
 * recording its long tasks. */
async function freshPage(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  await context.addInitScript(`window.__longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });`);
  return { context, page: await context.newPage() };
}

/** The longest task that started before events-ready. */
const LONGEST_TASK = `(() => {
  const ready = performance.getEntriesByName('events-ready')[0];
  const end = ready ? ready.startTime + ready.duration : Infinity;
  return Math.max(0, ...window.__longTasks.filter(([s]) => s < end).map(([, d]) => d));
})()`;

/** Waits for filter measure number `count`, then two frames more: both times, from the change. */
async function waitForFilter(page: Page, count: number, timeout: number): Promise<[number, number]> {
  const measured = await waitForMeasure(page, 'filter', count, timeout);
  const shown =
    (await page.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const m = performance.getEntriesByName('filter')[${count - 1}];
    done(performance.now() - m.startTime);
  })))`)) as number;
  return [measured, shown];
}

/** Panning, JS heap and renderer memory, once the filter changes are done. */
async function measureAfter(page: Page): Promise<Pick<Result, 'fps' | 'heapMb' | 'rssMb'>> {
  const fps = await panFps(page);
  // The live heap: garbage collected first (through the DevTools protocol), on every page alike, so
  // a page that has not yet collected what loading left behind is not counted for it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  const heap = await page.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
  );
  return { fps, heapMb: heap / 2 ** 20, rssMb: rendererRss() / 2 ** 20 };
}

export const NONE = { heapMb: 0, rssMb: 0, fps: 0 };

/** Where the pages are served, and how many times each is loaded. */
export interface BenchSite {
  base: string;
  loads: number;
}

/**
 * Opens a page `loads` times, timing each load; on the last, drives the filter changes and measures
 * memory and frame rate. `failures: 'report'` returns what was measured with the error instead of
 * throwing (the naive page may give up on large sets).
 */
async function measureLoads(
  { loads }: BenchSite,
  browser: Browser,
  load: (page: Page) => Promise<number>,
  /** Drives the changes, pushing each one's time as it is measured (kept if a later one fails). */
  drive: (page: Page, filters: number[], shown: number[]) => Promise<Result['search'] | undefined>,
  failures: 'throw' | 'report',
): Promise<Result> {
  const ready: number[] = [];
  const filters: number[] = [];
  const shown: number[] = [];
  const longTask: number[] = [];
  let after = NONE;
  let search: Result['search'];
  for (let k = 0; k < loads; k++) {
    const { context, page } = await freshPage(browser);
    try {
      ready.push(await load(page));
      longTask.push((await page.evaluate(LONGEST_TASK)) as number);
      if (k === loads - 1) {
        search = await drive(page, filters, shown);
        after = await measureAfter(page);
      }
    } catch (e) {
      if (failures === 'throw') throw e;
      return { ready, filters, shown, longTask, ...after, failed: (e as Error).message.split('\n')[0] };
    } finally {
      await context.close();
    }
  }
  return { ready, filters, shown, longTask, ...after, ...(search ? { search } : {}) };
}

/** Clears the filters, then types a query that every synthetic event matches: the time until the
 * header counts the results (the index is built first, in slices) and the longest main-thread task
 * meanwhile. */
async function measureSearch(page: Page, size: number): Promise<Result['search']> {
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await page
    .getByTestId('event-count')
    .filter({ hasText: /^[\d,]+ events$/ })
    .waitFor();
  const start = (await page.evaluate('performance.now()')) as number;
  await page.getByRole('searchbox', { name: 'Search' }).fill('near');
  const all = `${size.toLocaleString('en')} of ${size.toLocaleString('en')} events`;
  await page.getByTestId('event-count').filter({ hasText: all }).waitFor({ timeout: 120_000 });
  const end = (await page.evaluate('performance.now()')) as number;
  // Two frames more: the tasks that draw the results.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  const tasks = (await page.evaluate('window.__longTasks')) as [number, number][];
  return {
    resultsMs: end - start,
    longestTaskMs: Math.max(0, ...tasks.filter(([s]) => s >= start).map(([, d]) => d)),
  };
}

/** The app on one of a set's files: events.json or events.arrow. */
export function runApp(
  site: BenchSite,
  browser: Browser,
  size: number,
  changes: Change[],
  file: 'events.json' | 'events.arrow',
): Promise<Result> {
  return measureLoads(
    site,
    browser,
    async (page) => {
      await page.goto(`${site.base}/?data=/bench-data/${size}/${file}`);
      return waitForMeasure(page, 'events-ready', 1, 120_000);
    },
    async (page, filters, shown) => {
      await page.locator('[data-testid="map"][data-events-ready="true"]').waitFor({ timeout: 120_000 });
      const box = await page.locator('.timeline-svg').boundingBox();
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
        const [measured, seen] = await waitForFilter(page, filters.length + 1, 60_000);
        filters.push(measured);
        shown.push(seen);
      }
      return measureSearch(page, size);
    },
    'throw',
  );
}

/** A baseline page (src/bench/naive.html or deck.html) on a set's events.json. */
export function runBaseline(
  site: BenchSite,
  browser: Browser,
  size: number,
  changes: Change[],
  pagePath: string,
): Promise<Result> {
  return measureLoads(
    site,
    browser,
    async (page) => {
      await page.goto(`${site.base}/${pagePath}?data=/bench-data/${size}/events.json`);
      return waitForMeasure(page, 'events-ready', 1, 240_000);
    },
    async (page, filters, shown) => {
      for (const change of changes) {
        await page.evaluate((c) => {
          const naive = window.__naive as NonNullable<typeof window.__naive>;
          if ('brush' in c) naive.setRange(c.from ?? null, c.to ?? null);
          else naive.setActors(c.on ? [c.actor] : []);
        }, change);
        const [measured, seen] = await waitForFilter(page, filters.length + 1, 120_000);
        filters.push(measured);
        shown.push(seen);
      }
      return undefined;
    },
    'report',
  );
}
