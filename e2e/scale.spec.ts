/**
 * A large data set (synthetic, 50,000 events, in the Arrow companion format) behaves like the seeds:
 * counted, drawn, filtered, pointed at and linked to — through the point-cloud view the map switches
 * to above its marker limit.
 */

import { DETAILS_FILE, eventsToArrowFiles } from '../src/shared/events-arrow.ts';
import type { ConflictEvent } from '../src/shared/schema.ts';
import { synthetic } from '../src/testing/synthetic.ts';
import { expect, test } from './test.ts';

const SIZE = 50_000;
const touch = () => Boolean(test.info().project.use.hasTouch);
const { envelope, events: generate } = synthetic({ events: SIZE, seed: 7 });
const events = [...generate()];
const files = eventsToArrowFiles({ ...envelope, events });
const arrow = Buffer.from(files.core);
const details = Buffer.from(files.details);
const URL_PATH = '/scale/events.arrow';

/** Events per exact spot: a spot that holds one event, and the busiest one. */
const bySpot = new Map<string, ConflictEvent[]>();
for (const e of events) {
  const key = `${e.place.lon},${e.place.lat}`;
  bySpot.set(key, [...(bySpot.get(key) ?? []), e]);
}
const spots = [...bySpot.values()];
const lone = spots.find((s) => s.length === 1)?.[0] as ConflictEvent;
const busiest = spots.reduce((a, b) => (b.length > a.length ? b : a));

test.describe('a data set of 50,000 events', () => {
  test.beforeEach(async ({ page }) => {
    await page.route(
      (url) => url.pathname === URL_PATH,
      (route) => route.fulfill({ body: arrow, contentType: 'application/vnd.apache.arrow.file' }),
    );
    await page.route(
      (url) => url.pathname === `/scale/${DETAILS_FILE}`,
      (route) => route.fulfill({ body: details, contentType: 'application/vnd.apache.arrow.file' }),
    );
  });

  test('loads from Arrow, is drawn, and a date brush and an actor filter narrow it', async ({
    atlas,
    page,
  }) => {
    await atlas.open(`/?data=${URL_PATH}`);
    await atlas.waitForEvents();
    await expect(page.getByTestId('event-count')).toHaveText('50,000 events');
    expect(await atlas.drawsPointCloud()).toBe(true);
    await expect(page.getByRole('heading', { name: 'Several events at one spot' })).toBeVisible();

    await atlas.openTimeline();
    const box = await page.locator('.timeline-svg').boundingBox();
    if (!box) throw new Error('no timeline');
    await page.mouse.move(box.x + box.width * 0.3, box.y + 30);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + 30, { steps: 4 });
    await page.mouse.up();
    await expect(page.getByTestId('event-count')).toHaveText(/^[\d,]+ of 50,000 events$/);
    const url = new URL(page.url());
    const [from, to] = [url.searchParams.get('from') ?? '', url.searchParams.get('to') ?? ''];
    const inRange = events.filter((e) => (e.dateEnd ?? e.date) >= from && e.date <= to).length;
    await expect(page.getByTestId('event-count')).toHaveText(
      `${inRange.toLocaleString('en')} of 50,000 events`,
    );

    await atlas.openFilters();
    await page.getByRole('checkbox', { name: /^Russia/ }).check();
    const both = events.filter(
      (e) => (e.dateEnd ?? e.date) >= from && e.date <= to && e.actors.includes('russia'),
    ).length;
    await expect(page.getByTestId('event-count')).toHaveText(`${both.toLocaleString('en')} of 50,000 events`);
    await expect.poll(() => atlas.measured('filter')).toBeGreaterThan(1);
  });

  test('search finds exactly the events whose summary or place holds the words, once its index is built', async ({
    atlas,
    page,
  }) => {
    // Words of the lone event's summary: its place and the first actor named.
    const q = lone.summary.split(' near ')[1] as string;
    const want = events.filter((e) =>
      `${e.summary}\n${e.place.name}`.toLowerCase().includes(q.toLowerCase()),
    );
    expect(want.length).toBeGreaterThan(0);
    await atlas.open(`/?data=${URL_PATH}`);
    await atlas.waitForEvents();
    await atlas.openFilters();
    await page.getByRole('searchbox', { name: 'Search' }).fill(q.toUpperCase());
    await expect(page.getByTestId('event-count')).toHaveText(
      `${want.length.toLocaleString('en')} of 50,000 events`,
      { timeout: 30_000 },
    );
    await expect(page.getByText(/Searching 50,000 events/)).toHaveCount(0);
  });

  test('a facet of 2,000 articles lists its 12 most frequent until "Show all"; a chosen one stays listed', async ({
    atlas,
    page,
  }) => {
    // Events per article, as the panel counts them (an event once per article it cites).
    const perArticle = new Map<string, number>(envelope.articles.map((a) => [a.id, 0]));
    for (const e of events)
      for (const id of new Set(e.sources.map((s) => s.articleId)))
        perArticle.set(id, (perArticle.get(id) ?? 0) + 1);
    const byCount = [...perArticle].sort((a, b) => b[1] - a[1]);
    const [topId, topCount] = byCount[0] as [string, number];
    const [rareId, rareCount] = byCount[byCount.length - 1] as [string, number];
    const title = (id: string) => envelope.articles.find((a) => a.id === id)?.title as string;
    await atlas.open(`/?data=${URL_PATH}`);
    await atlas.waitForEvents();
    await atlas.openFilters();
    const articles = page.getByRole('group', { name: 'Articles' });
    await expect(articles.getByRole('checkbox')).toHaveCount(12);
    await expect(articles.getByRole('checkbox').first()).toHaveAccessibleName(
      new RegExp(`^${title(topId)} \\(.* ${topCount}$`),
    );
    await articles.getByRole('button', { name: 'Show all 2,000' }).click();
    await expect(articles.getByRole('checkbox')).toHaveCount(2000);
    await articles.getByRole('checkbox', { name: new RegExp(`^${title(rareId)} \\(`) }).check();
    await expect(page.getByTestId('event-count')).toHaveText(`${rareCount} of 50,000 events`);
    await articles.getByRole('button', { name: 'Show the most frequent' }).click();
    await expect(articles.getByRole('checkbox')).toHaveCount(13);
    await expect(articles.getByRole('checkbox', { name: new RegExp(`^${title(rareId)} \\(`) })).toBeChecked();
  });

  test('a click on a spot with one event opens it; a busy spot lists its events', async ({ atlas, page }) => {
    await atlas.open(`/?data=${URL_PATH}`);
    await atlas.waitForEvents();
    await atlas.zoomTo(lone.place.lon, lone.place.lat, 12);
    await atlas.press(await atlas.screenPoint(lone.place.lon, lone.place.lat), touch());
    await expect(atlas.panelTitle()).toHaveText(lone.summary);
    expect(new URL(page.url()).searchParams.get('event')).toBe(lone.id);

    await page.keyboard.press('Escape');
    const first = busiest[0] as ConflictEvent;
    // Not where the first tap was: two taps within 30 px and 500 ms are one double-tap to MapLibre
    // (it zooms in, and no click reaches the app), which a fast machine made of these two taps.
    await atlas.zoomTo(first.place.lon, first.place.lat, 12, [0, -80]);
    await atlas.press(await atlas.screenPoint(first.place.lon, first.place.lat), touch());
    await expect(
      page.getByRole('heading', { name: `${busiest.length.toLocaleString('en')} events at this place` }),
    ).toBeVisible();
    await expect(atlas.eventButtons()).toHaveCount(Math.min(200, busiest.length));
  });

  test('a shared link to one of its events reopens that event', async ({ atlas }) => {
    const target = events[31_337] as ConflictEvent;
    await atlas.open(`/?data=${URL_PATH}&event=${target.id}`);
    await expect(atlas.panelTitle()).toHaveText(target.summary);
  });

  test('a click made while the details are loading is answered when they arrive', async ({ atlas, page }) => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route(
      (url) => url.pathname === `/scale/${DETAILS_FILE}`,
      async (route) => {
        await held;
        await route.fulfill({ body: details });
      },
    );
    await atlas.open(`/?data=${URL_PATH}`);
    await expect(page.getByText('Loading event details…')).toBeVisible();
    await atlas.zoomTo(lone.place.lon, lone.place.lat, 12);
    const p = await atlas.screenPoint(lone.place.lon, lone.place.lat);
    await atlas.press(p, touch());
    release();
    await expect(atlas.panelTitle()).toHaveText(lone.summary);
  });

  test('events whose details break the contract are left out when the details arrive, and the notice says why', async ({
    atlas,
    page,
  }) => {
    // Three events' passages run backwards in the details file (the core file is sound).
    const broken = new Set([events[5]?.id, events[500]?.id, events[40_000]?.id]);
    const damaged = events.map((e) =>
      broken.has(e.id) ? { ...e, sources: e.sources.map((s) => ({ ...s, start: s.end, end: s.start })) } : e,
    );
    const badDetails = Buffer.from(eventsToArrowFiles({ ...envelope, events: damaged }).details);
    await page.route(
      (url) => url.pathname === `/scale/${DETAILS_FILE}`,
      (route) => route.fulfill({ body: badDetails }),
    );
    await atlas.open(`/?data=${URL_PATH}`);
    await expect(page.getByTestId('event-count')).toHaveText('49,997 events');
    await expect(
      page.getByText(/3 event\(s\) have invalid details and were left out: .*source end must be after start/),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  });

  test('a missing details file is reported; the map and the counts still work', async ({ atlas, page }) => {
    await page.route(
      (url) => url.pathname === `/scale/${DETAILS_FILE}`,
      (route) => route.fulfill({ status: 404, body: 'not here' }),
    );
    await atlas.open(`/?data=${URL_PATH}`);
    await expect(page.getByRole('alert')).toContainText('Could not load the event details file');
    await expect(page.getByTestId('event-count')).toHaveText('50,000 events');
  });

  test('a broken Arrow file is reported, and the map stays usable', async ({ atlas, page }) => {
    await page.route(
      (url) => url.pathname === '/scale/broken.arrow',
      (route) => route.fulfill({ body: arrow.subarray(0, 5000) }),
    );
    await atlas.open('/?data=/scale/broken.arrow');
    await expect(page.getByRole('alert')).toContainText('is not a readable Arrow file');
    await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  });
});
