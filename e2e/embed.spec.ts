/**
 * The embedded view (?embed=1) and who may frame the app: nobody by default; the sites a deployer lists
 * in ATLAS_FRAME_ANCESTORS when the server starts. Sites under .example are served by page.route.
 */
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { preview } from 'vite';
import { seedData } from './fixtures.ts';
import { expect, type Page, test } from './test.ts';

const openLink = (page: Page) => page.getByRole('link', { name: /^Open in Conflict Atlas/ });

/** Serves `https://<host>/` as a page that frames `src` (an article embedding the atlas). The page is
 * let reach this machine: Chrome's local network access otherwise blocks a public site's frame of it. */
async function framingPage(page: Page, host: string, src: string) {
  await page.context().grantPermissions(['local-network-access'], { origin: `https://${host}` });
  await page.route(`https://${host}/`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>News</title><iframe title="Conflict Atlas map" src="${src}" width="900" height="560"></iframe>`,
    }),
  );
}

/** Resolves when the browser refuses to show a page in a frame for its frame-ancestors. */
const refusedFrame = (page: Page) =>
  page.waitForEvent('console', (m) =>
    /violates .*Content Security Policy directive: "frame-ancestors/.test(m.text()),
  );

test.describe('embed', () => {
  test('shows the map with a link that opens the same view in the full app, in a new tab', async ({
    atlas,
    page,
  }) => {
    await atlas.open('/?embed=1&types=battle');
    await atlas.waitForEvents();
    const link = openLink(page);
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /\bnoopener\b/);
    const href = new URL((await link.getAttribute('href')) ?? '');
    expect(href.origin).toBe(new URL(page.url()).origin);
    expect(href.searchParams.get('types')).toBe('battle');
    expect(href.searchParams.has('embed')).toBe(false);
    // Compact: the filters, the timeline and the view's share button stay in the full app.
    await expect(page.getByText('Filters and export')).toHaveCount(0);
    await expect(page.locator('details.timeline')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Copy link to this view' })).toHaveCount(0);
  });

  test('shows the selected event’s sources, keeps embed in its own address and leaves it out of links', async ({
    atlas,
    page,
  }) => {
    const e = seedData.events.find((x) => x.sources.length > 0) ?? seedData.events[0];
    await atlas.open('/?embed=1');
    await atlas.waitForEvents();
    await page.getByText(/^List of \d+ events?$/).click();
    await page.locator(`button.event-item[data-event-id="${e?.id}"]`).click();
    await expect(atlas.panelTitle()).toHaveText(e?.summary ?? '');
    await expect(atlas.mark()).toBeVisible();
    expect(new URL(page.url()).searchParams.get('embed')).toBe('1');
    const href = new URL((await openLink(page).getAttribute('href')) ?? '');
    expect(href.searchParams.get('event')).toBe(e?.id);
    expect(href.searchParams.has('embed')).toBe(false);
  });

  test('a link copied in the embed opens the full app', async ({ atlas, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const e = seedData.events[0];
    await atlas.open(`/?embed=1&event=${e?.id}`);
    await expect(atlas.panelTitle()).toHaveText(e?.summary ?? '');
    await page.getByRole('button', { name: 'Copy link to this event' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.searchParams.get('event')).toBe(e?.id);
    expect(copied.searchParams.has('embed')).toBe(false);
  });

  test('choosing events in the embed adds no entries to the history of the page around it', async ({
    atlas,
    page,
  }) => {
    await atlas.open('/?embed=1');
    await atlas.waitForEvents();
    const before = await page.evaluate(() => history.length);
    await page.getByText(/^List of \d+ events?$/).click();
    await atlas.eventButtons().first().click();
    await expect(atlas.panelTitle()).toBeVisible();
    await page.getByRole('button', { name: '← All events' }).click();
    await atlas.eventButtons().nth(1).click();
    await expect(atlas.panelTitle()).toBeVisible();
    expect(await page.evaluate(() => history.length)).toBe(before);
  });

  test('works from the keyboard and names its parts', async ({ atlas, page }) => {
    await atlas.open('/?embed=1');
    await atlas.waitForEvents();
    await expect(page.getByRole('banner')).toContainText('Conflict Atlas');
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Events and sources' })).toBeVisible();
    await expect(openLink(page)).toHaveAccessibleName('Open in Conflict Atlas (opens in a new tab)');
    // The way out comes first; then the map, then the list.
    await page.keyboard.press('Tab');
    await expect(openLink(page)).toBeFocused();
    const summary = page.getByText(/^List of \d+ events?$/);
    for (let i = 0; i < 20 && !(await summary.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(summary).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(atlas.eventButtons().first()).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(atlas.eventButtons().first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(atlas.panelTitle()).toBeFocused();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  test('refuses events from another site, says why, and the link out shows them announced', async ({
    atlas,
    page,
  }) => {
    const asked: string[] = [];
    await page.route('https://elsewhere.example/data/**', (route) => {
      asked.push(route.request().url());
      return route.fulfill({ json: seedData, headers: { 'access-control-allow-origin': '*' } });
    });
    await atlas.open('/?embed=1&data=https://elsewhere.example/data/events.json');
    await expect(page.getByRole('alert')).toContainText(
      'This embedded map does not show events from another site: the link asks for a data file on elsewhere.example',
    );
    await expect(page.getByTestId('map')).toHaveCount(0);
    const href = (await openLink(page).getAttribute('href')) ?? '';
    expect(new URL(href).searchParams.get('data')).toBe('https://elsewhere.example/data/events.json');
    expect(new URL(href).searchParams.has('embed')).toBe(false);
    expect(asked).toEqual([]);
    await atlas.open(href);
    await expect(page.getByRole('note')).toContainText('Events from elsewhere.example, not from this site');
  });

  test('an invalid embed value is reported, and the full app is shown', async ({ atlas, page }) => {
    await atlas.open('/?embed=yes');
    await expect(page.getByText('Ignored the invalid “embed” parameter in the link.')).toBeVisible();
    await atlas.waitForEvents();
    await expect(page.getByRole('button', { name: 'Copy link to this view' })).toBeVisible();
    await expect(openLink(page)).toHaveCount(0);
  });
});

test.describe('framing', () => {
  test('by default no site may frame the app', async ({ page, baseURL }) => {
    const response = await page.goto('/?embed=1');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    await framingPage(page, 'news.example', `${baseURL}/?embed=1`);
    const refused = refusedFrame(page);
    await page.goto('https://news.example/');
    await refused;
    await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Conflict Atlas' })).toHaveCount(0);
  });

  test.describe('with ATLAS_FRAME_ANCESTORS', () => {
    let origin = '';
    let close: () => Promise<void> = async () => undefined;
    test.beforeAll(async () => {
      // A second server over the same build, started as a deployer would with the variable set.
      process.env.ATLAS_FRAME_ANCESTORS = 'https://news.example';
      try {
        const server = await preview({
          root: fileURLToPath(new URL('..', import.meta.url)),
          logLevel: 'silent',
          preview: { host: '127.0.0.1', port: 0, strictPort: false },
        });
        origin = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
        close = () => server.close();
      } finally {
        delete process.env.ATLAS_FRAME_ANCESTORS;
      }
    });
    test.afterAll(() => close());

    test('the listed site may frame the embed; X-Frame-Options, which cannot list it, is left out', async ({
      page,
    }) => {
      const response = await page.request.get(`${origin}/?embed=1`);
      expect(response.headers()['content-security-policy']).toContain('frame-ancestors https://news.example');
      expect(response.headers()['x-frame-options']).toBeUndefined();
      await framingPage(page, 'news.example', `${origin}/?embed=1`);
      await page.goto('https://news.example/');
      const frame = page.frameLocator('iframe');
      await expect(frame.getByRole('link', { name: /^Open in Conflict Atlas/ })).toBeVisible();
      await frame.locator('[data-testid="map"][data-events-ready="true"]').waitFor({ timeout: 60_000 });
    });

    test('a site it does not list may not', async ({ page }) => {
      await framingPage(page, 'other.example', `${origin}/?embed=1`);
      const refused = refusedFrame(page);
      await page.goto('https://other.example/');
      await refused;
      await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Conflict Atlas' })).toHaveCount(
        0,
      );
    });
  });
});
