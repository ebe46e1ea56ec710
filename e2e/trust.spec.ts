import { readFileSync } from 'node:fs';
import { seedData } from './fixtures.ts';
import { expect, type Page, test } from './test.ts';

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

/** A data set whose every text field carries markup and script, plus invalid events: a latitude out of
 * range, no source, a day that does not exist, an end before the start, a second event with one id. */
async function serveHostile(page: Page) {
  const articles = seedData.articles.map((a) => ({
    ...a,
    title: `${XSS} ${a.title}`,
    outlet: `${XSS}Outlet`,
    author: XSS,
    url: 'javascript:window.__pwned=1',
  }));
  const events = seedData.events.map((e) => ({
    ...e,
    summary: `${XSS} ${e.summary}`,
    place: { ...e.place, name: `<b onmouseover="window.__pwned=1">${e.place.name}</b>` },
  }));
  const broken = [
    { ...seedData.events[0], id: 'bad-lat', place: { ...seedData.events[0]?.place, lat: 999 } },
    { ...seedData.events[0], id: 'bad-sources', sources: [] },
    { ...seedData.events[0], id: 'bad-day', date: '2016-02-30' },
    { ...seedData.events[0], id: 'bad-end', date: '2016-05-02', dateEnd: '2016-05-01' },
    { ...seedData.events[1], summary: 'A second event under an id already used' },
  ];
  const data = {
    ...seedData,
    actors: seedData.actors.map((a) => ({ ...a, name: `${XSS}${a.name}` })),
    eventTypes: seedData.eventTypes.map((t) => ({ ...t, name: `${XSS}${t.name}` })),
    articles,
    events: [...events, ...broken],
  };
  await page.route(
    (url) => url.pathname === '/hostile/events.json',
    (route) => route.fulfill({ json: data }),
  );
  await page.route(
    (url) => url.pathname.startsWith('/hostile/articles/'),
    (route) => {
      const id = new URL(route.request().url()).pathname.split('/').pop()?.replace('.json', '');
      const a = articles.find((x) => x.id === id);
      return route.fulfill({ json: { ...a, text: `${XSS}\n${'x'.repeat(0)}` } });
    },
  );
  return { valid: events.length, invalid: broken.length };
}

test.describe('trust', () => {
  test('text from a hostile data set is shown as text, never run, and javascript: URLs are no links', async ({
    atlas,
    page,
  }) => {
    const { valid, invalid } = await serveHostile(page);
    await atlas.open('/?data=/hostile/events.json');
    await atlas.waitForEvents();
    await expect(page.getByTestId('event-count')).toHaveText(`${valid} events`);
    await expect(page.getByText(`${invalid} invalid event(s) in the data file were left out`)).toBeVisible();
    await expect(page.getByText('A second event under an id already used')).toHaveCount(0);
    await expect(page.locator('.event-item').first()).toContainText('<script>window.__pwned=1</script>');
    await atlas.eventButtons().first().click();
    await expect(page.locator('.source-card').first()).toContainText('Outlet');
    await atlas.openFilters();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
    await expect(page.locator('.panel img[src="x"], .panel script')).toHaveCount(0);
  });

  test('a data URL from another origin over plain http is refused', async ({ atlas, page }) => {
    await atlas.open('/?data=http://example.org/events.json');
    await expect(page.getByText('Ignored the invalid “data” parameter in the link.')).toBeVisible();
    await atlas.waitForEvents();
    await expect(page.getByTestId('event-count')).toHaveText(`${seedData.events.length} events`);
  });

  test('events from another site are announced before they are shown, and marked as its claims', async ({
    atlas,
    page,
  }) => {
    // The file (and its articles) come from another origin; nothing on it is this site's.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route('https://elsewhere.example/data/events.json', async (route) => {
      await held;
      await route.fulfill({ json: seedData, headers: { 'access-control-allow-origin': '*' } });
    });
    await page.route('https://elsewhere.example/data/articles/*', (route) => {
      const id = new URL(route.request().url()).pathname.split('/').pop()?.replace('.json', '') ?? '';
      return route.fulfill({
        path: `public/data/articles/${id}.json`,
        headers: { 'access-control-allow-origin': '*' },
      });
    });
    await atlas.open('/?data=https://elsewhere.example/data/events.json');
    const banner = page
      .getByRole('note')
      .filter({ hasText: 'Events from elsewhere.example, not from this site' });
    await expect(banner).toBeVisible();
    await expect(atlas.eventButtons()).toHaveCount(0);
    release();
    await atlas.waitForEvents();
    await expect(banner).toBeVisible();
    await atlas.eventButtons().first().click();
    await expect(page.locator('.source-card').first()).toContainText(
      'come from a data file on elsewhere.example, not from this site',
    );
    await page.getByRole('button', { name: '← All events' }).click();
    await atlas.openFilters();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const lines = readFileSync((await csv.path()) ?? '', 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/,data_source$/);
    expect(lines[1]).toMatch(/,elsewhere\.example$/);
  });

  test('the production build ships a Content-Security-Policy and runs under it', async ({ atlas, page }) => {
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      );
    });
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // No site may frame the app: the header says so (a meta tag cannot), and so does the older header.
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
      'content',
      /script-src 'self'/,
    );
    // (frame-ancestors is ignored, with a warning, in a meta tag: it is left out there.)
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).not.toHaveAttribute(
      'content',
      /frame-ancestors/,
    );
    await atlas.waitForEvents();
    await atlas.eventButtons().first().click();
    await expect(page.locator('.source-card mark').first()).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('after a first visit, a shared link opens without a network', async ({ atlas, page, context }) => {
    await atlas.open('/');
    await atlas.waitForEvents();
    // The service worker has precached the app, the basemap and the articles once it is active, and
    // the page fetches the events file through it once it has taken control.
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (!reg.active) throw new Error('no active service worker');
    });
    await page.waitForFunction(async () => (await (await caches.open('atlas-events')).keys()).length > 0);
    await context.setOffline(true);
    const e = seedData.events.find((x) => x.sources.length > 1) ?? seedData.events[0];
    await page.goto(`/?event=${e?.id}`);
    await expect(atlas.panelTitle()).toHaveText(e?.summary ?? '');
    await expect(page.locator('.source-card mark').first()).toBeVisible();
    await atlas.waitForEvents();
  });

  test('an events file changed on the server is shown on the next load, not the cached one', async ({
    atlas,
    page,
    context,
  }) => {
    await atlas.open('/');
    await atlas.waitForEvents();
    await page.waitForFunction(async () => (await (await caches.open('atlas-events')).keys()).length > 0);
    // The server now has a file with one event fewer (routed on the context: the worker's requests too).
    await context.route('**/data/events.json', (route) =>
      route.fulfill({ json: { ...seedData, events: seedData.events.slice(1) } }),
    );
    await page.reload();
    await atlas.waitForEvents();
    await expect(page.getByTestId('event-count')).toHaveText(`${seedData.events.length - 1} events`);
  });
});
