import { loneEvent, multiSource, seedData } from './fixtures.ts';
import { expect, test } from './test.ts';

test.describe('the map and its source passages', () => {
  test('the page opens with every event listed and the basemap drawn offline', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForEvents();
    await expect(page.getByText(`${seedData.events.length} events`, { exact: true })).toBeVisible();
    await expect(atlas.eventButtons()).toHaveCount(seedData.events.length);
    const measured = await atlas.measured('events-ready');
    expect(measured).toBe(1);
    await expect(page.getByText(/Natural Earth/)).toBeVisible();
    // The basemap really drew: land, borders and place labels are on screen (from this origin only).
    const drawn = await atlas.basemapFeatures();
    expect(drawn.land).toBeGreaterThan(0);
    expect(drawn.borders).toBeGreaterThan(0);
    expect(drawn.labels).toBeGreaterThan(0);
  });

  test('clicking a marker on the map canvas opens its passage', async ({ atlas, page }) => {
    const target = loneEvent;
    expect(target, 'a seed event alone at its place').toBeTruthy();
    if (!target) return;
    await atlas.open();
    await atlas.waitForEvents();
    await atlas.zoomTo(target.place.lon, target.place.lat, 10);
    const p = await atlas.markerPoint(target.id);
    // On the phone-sized project the marker is tapped with a finger, on desktop clicked.
    await atlas.press(p, Boolean(test.info().project.use.hasTouch));
    await expect(atlas.panelTitle()).toHaveText(target.summary);
    const source = target.sources[0];
    const text = await atlas.articleText(source?.articleId ?? '');
    await expect(atlas.mark()).toHaveText(text.slice(source?.start, source?.end));
    // The event's summary stays in view; on a desktop the passage is too, on a phone's half-height
    // sheet it is one scroll below the facts.
    await expect(atlas.panelTitle()).toBeInViewport();
    if (!test.info().project.use.hasTouch) await expect(atlas.mark()).toBeInViewport();
    await expect(page).toHaveURL(new RegExp(`[?&]event=${target.id}`));
  });

  test('an event reported by two passages lists both sources', async ({ atlas, page }) => {
    expect(multiSource, 'the seeds hold an event reported twice').toBeTruthy();
    await atlas.open(`/?event=${multiSource?.id}`);
    await expect(page.locator('.source-card')).toHaveCount(multiSource?.sources.length ?? 0);
    await expect(page.locator('.source-card mark')).toHaveCount(multiSource?.sources.length ?? 0);
    // Passages of one article are not counted as separate sources.
    const articles = new Set(multiSource?.sources.map((s) => s.articleId)).size;
    await expect(page.getByRole('heading', { name: /^Sources: / })).toContainText(
      `${articles} article${articles === 1 ? '' : 's'}`,
    );
  });

  test('an event whose passage is deep in its article opens with its summary in view and the passage centred in its box', async ({
    atlas,
    page,
  }) => {
    const deepest = [...seedData.events].sort(
      (a, b) => (b.sources[0]?.start ?? 0) - (a.sources[0]?.start ?? 0),
    )[0];
    await atlas.open(`/?event=${deepest?.id}`);
    const mark = page.locator('.source-card mark').first();
    await expect(mark).toBeVisible();
    await expect(atlas.panelTitle()).toBeInViewport();
    await expect(page.getByRole('button', { name: '← All events' })).toBeInViewport();
    // The passage's box scrolled to it (the box itself may be one scroll of the panel away).
    const box = page.locator('.source-card .article-text').first();
    const [m, b] = [await mark.boundingBox(), await box.boundingBox()];
    expect(m && b && m.y >= b.y && m.y < b.y + b.height).toBe(true);
  });

  test('a deep link restores the event and the view', async ({ atlas }) => {
    const e = seedData.events[0];
    await atlas.open(`/?event=${e?.id}#7/36.2/38.5`);
    await atlas.waitForEvents();
    await expect(atlas.panelTitle()).toHaveText(e?.summary ?? '');
    const view = await atlas.view();
    expect(view?.z).toBeCloseTo(7, 1);
    expect(view?.lat).toBeCloseTo(36.2, 1);
    expect(view?.lng).toBeCloseTo(38.5, 1);
  });

  test('list choice, arrow keys, Escape, and Back/Forward', async ({ atlas, page }) => {
    const sorted = [...seedData.events].sort(
      (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
    );
    await atlas.open();
    await atlas.waitForEvents();
    const first = sorted[0];
    await page
      .getByRole('button', { name: new RegExp(`^${first?.place.name}, `) })
      .first()
      .click();
    await expect(atlas.panelTitle()).toHaveText(first?.summary ?? '');
    await page.keyboard.press('ArrowDown');
    await expect(atlas.panelTitle()).toHaveText(sorted[1]?.summary ?? '');
    await expect(page).toHaveURL(new RegExp(`event=${sorted[1]?.id}`));
    await page.goBack();
    await expect(atlas.panelTitle()).toHaveText(first?.summary ?? '');
    await page.goForward();
    await expect(atlas.panelTitle()).toHaveText(sorted[1]?.summary ?? '');
    await page.keyboard.press('Escape');
    await expect(atlas.eventButtons()).toHaveCount(seedData.events.length);
    await expect(page).not.toHaveURL(/event=/);
  });

  test('a date at month precision is not shown as a day', async ({ atlas, page }) => {
    const month = seedData.events.find((e) => e.datePrecision === 'month');
    expect(month).toBeTruthy();
    await atlas.open(`/?event=${month?.id}`);
    await expect(page.getByTestId('event-date')).toContainText(/^[A-Z][a-z]+ \d{4}/);
  });

  test('a broken data file shows a clear message and the map still works', async ({ atlas, page }) => {
    await page.route(
      (url) => url.pathname === '/broken/events.json',
      (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: '{"schemaVersion": 1, "events": 5',
        }),
    );
    await atlas.open('/?data=/broken/events.json');
    await expect(page.getByRole('alert')).toContainText(
      /The events file http:\/\/[^ ]+\/broken\/events\.json is not an events file: its "events" is not a list/,
    );
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.getByText('No events')).toBeVisible();
    await expect(page.locator('.maplibregl-canvas')).toBeVisible();
  });

  test('a missing article shows an error in its card and the rest keeps working', async ({ atlas, page }) => {
    const e = seedData.events[0];
    await page.route(
      (url) => url.pathname === `/data/articles/${e?.sources[0]?.articleId}.json`,
      (route) => route.fulfill({ status: 404, body: 'nope' }),
    );
    await atlas.open(`/?event=${e?.id}`);
    await expect(page.locator('.source-card').first().getByRole('alert')).toContainText('HTTP 404');
    await expect(atlas.panelTitle()).toHaveText(e?.summary ?? '');
  });

  test('events at one place stay reachable: a click on stacked markers lists them', async ({
    atlas,
    page,
  }) => {
    const key = (e: (typeof seedData.events)[number]) => `${e.place.lat},${e.place.lon}`;
    const stacked = seedData.events.filter(
      (e) => seedData.events.filter((o) => key(o) === key(e)).length > 1,
    );
    const first = stacked[0];
    expect(first, 'the seeds hold several events at one place').toBeTruthy();
    if (!first) return;
    const here = seedData.events.filter((o) => key(o) === key(first));
    await atlas.open();
    await atlas.waitForEvents();
    await atlas.zoomTo(first.place.lon, first.place.lat, 12);
    const p = await atlas.markerPoint(first.id);
    await atlas.press(p, Boolean(test.info().project.use.hasTouch));
    await expect(page.getByRole('heading', { name: `${here.length} events at this place` })).toBeVisible();
    await expect(atlas.eventButtons()).toHaveCount(here.length);
  });

  test('hovering a marker shows its date, place and type', async ({ atlas, page }) => {
    test.skip(Boolean(test.info().project.use.hasTouch), 'no hover on a touch screen');
    const target = loneEvent;
    if (!target) return;
    await atlas.open();
    await atlas.waitForEvents();
    await atlas.zoomTo(target.place.lon, target.place.lat, 10);
    const p = await atlas.markerPoint(target.id);
    await page.mouse.move(p.x, p.y);
    const tooltip = page.locator('.event-tooltip');
    await expect(tooltip).toContainText(target.place.name);
    await expect(tooltip).toContainText(seedData.eventTypes.find((t) => t.id === target.type)?.name ?? '');
  });

  test('arrow keys on the focused map pan it; elsewhere they step through the events', async ({
    atlas,
    page,
  }) => {
    test.skip(Boolean(test.info().project.use.hasTouch), 'a keyboard test');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await atlas.open();
    await atlas.waitForEvents();
    const before = await atlas.view();
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await atlas.view())?.lng).not.toBe(before?.lng);
    expect(new URL(page.url()).searchParams.get('event')).toBeNull();
    await page.locator('.maplibregl-canvas').blur();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/[?&]event=/);
  });

  test('markers can be coloured by actor, with a matching legend and link', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForEvents();
    await page.getByLabel('Colour by').selectOption('actor');
    await expect(page.getByRole('heading', { name: 'Actors (colour)' })).toBeVisible();
    await expect(page).toHaveURL(/color=actor/);
    // The list's swatches follow: each event's main actor (the first with a colour, not civilians).
    const rgb = (hex: string) =>
      `rgb(${[1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;
    const items = atlas.eventButtons();
    for (let i = 0; i < (await items.count()); i++) {
      const id = await items.nth(i).getAttribute('data-event-id');
      const event = seedData.events.find((x) => x.id === id);
      const main = event?.actors
        .map((a) => seedData.actors.find((x) => x.id === a))
        .find((a) => a?.color && a.kind !== 'civilians');
      if (!main?.color) continue;
      await expect(items.nth(i).locator('.swatch')).toHaveCSS('background-color', rgb(main.color));
    }
    await page.reload();
    await expect(page.getByLabel('Colour by')).toHaveValue('actor');
  });

  test('an event placed only to its country is shown at country scale, not at town scale', async ({
    atlas,
    page,
  }) => {
    const target = seedData.events[0];
    const data = {
      ...seedData,
      events: seedData.events.map((e) =>
        e.id === target?.id ? { ...e, place: { ...e.place, precision: 'country' } } : e,
      ),
    };
    await page.route(
      (url) => url.pathname === '/coarse/events.json',
      (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) }),
    );
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await atlas.open('/?data=/coarse/events.json');
    await atlas.waitForEvents();
    await atlas
      .eventButtons()
      .filter({ hasText: target?.summary ?? '' })
      .first()
      .click();
    await expect.poll(async () => (await atlas.view())?.z ?? 0).toBeCloseTo(4.5, 1);
  });

  test('a deep link centres on its event even when the data arrives after the map', async ({
    atlas,
    page,
  }) => {
    const target = seedData.events.find((e) => e.place.country === 'RU') ?? seedData.events[0];
    await atlas.deliverEventsAfterTheMap();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await atlas.open(`/?event=${target?.id}`);
    await expect(atlas.panelTitle()).toHaveText(target?.summary ?? '');
    await expect.poll(async () => (await atlas.view())?.lat ?? 0).toBeCloseTo(target?.place.lat ?? 0, 1);
  });
});
