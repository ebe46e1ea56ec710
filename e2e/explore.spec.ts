import { readFileSync } from 'node:fs';
import { seedData } from './fixtures.ts';
import { expect, test } from './test.ts';

const total = seedData.events.length;
const countOf = (pred: (e: (typeof seedData.events)[number]) => boolean) =>
  seedData.events.filter(pred).length;

test.describe('explore and share', () => {
  test('an event-type filter changes map, list, count and URL, and survives a reload', async ({
    atlas,
    page,
  }) => {
    await atlas.open();
    await atlas.waitForEvents();
    await atlas.openFilters();
    await page.getByRole('checkbox', { name: /^Battle/ }).check();
    const n = countOf((e) => e.type === 'battle');
    await expect(page.getByTestId('event-count')).toHaveText(`${n} of ${total} events`);
    await expect(atlas.eventButtons()).toHaveCount(n);
    await expect(page).toHaveURL(/[?&]types=battle(&|#|$)/);
    await expect.poll(() => atlas.renderedEventCount()).toBe(n);
    await expect.poll(() => atlas.measured('filter')).toBeGreaterThan(0);
    await page.reload();
    await atlas.waitForEvents();
    await expect(page.getByTestId('event-count')).toHaveText(`${n} of ${total} events`);
    await expect(page.getByRole('checkbox', { name: /^Battle/ })).toBeChecked();
  });

  test('actor, precision and outlet filters combine; one control clears them', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForEvents();
    await atlas.openFilters();
    // An actor of some town-level event, and the outlet of one of that actor's articles: taken from
    // the seed data, which changes whenever the extraction rules improve.
    const actor = seedData.actors.find((a) =>
      seedData.events.some((e) => e.actors.includes(a.id) && e.place.precision === 'town'),
    );
    if (!actor) throw new Error('the seed data has no actor at a town');
    // A facet's checkbox is named by its value and its count ("Turkey 7"), not by an article title.
    const facet = (value: string) =>
      page.getByRole('checkbox', {
        name: new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d`),
      });
    await facet(actor.name).check();
    await page.getByRole('checkbox', { name: /^town/ }).check();
    const n = countOf((e) => e.actors.includes(actor.id) && e.place.precision === 'town');
    await expect(page.getByTestId('event-count')).toHaveText(`${n} of ${total} events`);
    await expect(page).toHaveURL(new RegExp(`actors=${actor.id}`));
    await expect(page).toHaveURL(/precision=town/);
    const source = seedData.events
      .filter((e) => e.actors.includes(actor.id))
      .flatMap((e) => e.sources)
      .map((s) => seedData.articles.find((a) => a.id === s.articleId))
      .find((a) => a?.outlet);
    const outlet = source?.outlet ?? '';
    await facet(outlet).check();
    const fromOutlet = new Set(seedData.articles.filter((a) => a.outlet === outlet).map((a) => a.id));
    const m = countOf(
      (e) =>
        e.actors.includes(actor.id) &&
        e.place.precision === 'town' &&
        e.sources.some((s) => fromOutlet.has(s.articleId)),
    );
    await expect(page.getByTestId('event-count')).toHaveText(`${m} of ${total} events`);
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await expect(page.getByTestId('event-count')).toHaveText(`${total} events`);
    await expect(page).not.toHaveURL(/actors=|precision=|outlets=/);
    // One article: the events it reports.
    const article = seedData.articles[0];
    await page.getByRole('checkbox', { name: article?.title ?? '' }).check();
    await expect(page).toHaveURL(new RegExp(`articles=${article?.id}`));
    const k = countOf((e) => e.sources.some((s) => s.articleId === article?.id));
    await expect(page.getByTestId('event-count')).toHaveText(`${k} of ${total} events`);
  });

  test('brushing the timeline picks a date range', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForEvents();
    await atlas.openTimeline();
    const box = await page.locator('.timeline-svg').boundingBox();
    if (!box) throw new Error('no timeline');
    await page.mouse.move(box.x + box.width * 0.55, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.98, box.y + 20, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    const url = new URL(page.url());
    const from = url.searchParams.get('from') ?? '';
    const to = url.searchParams.get('to') ?? '';
    const n = countOf((e) => (e.dateEnd ?? e.date) >= from && e.date <= to);
    expect(n).toBeLessThan(total);
    await expect(page.getByTestId('event-count')).toHaveText(`${n} of ${total} events`);
  });

  test('search covers summaries, places and passages', async ({ atlas, page }) => {
    // A word that is in a passage of some event but in no summary or place name.
    const texts = new Map(
      seedData.articles.map((a) => [
        a.id,
        (JSON.parse(readFileSync(`public/data/articles/${a.id}.json`, 'utf8')) as { text: string }).text,
      ]),
    );
    const haystack = (e: (typeof seedData.events)[number]) => `${e.summary} ${e.place.name}`.toLowerCase();
    let word = '';
    let expected = 0;
    for (const e of seedData.events) {
      for (const s of e.sources) {
        const w = (texts.get(s.articleId) ?? '')
          .slice(s.start, s.end)
          .match(/\b[A-Za-z]{6,}\b/g)
          ?.find((x) => !seedData.events.some((o) => haystack(o).includes(x.toLowerCase())));
        if (w && !word) word = w;
      }
    }
    expect(word, 'a passage-only word in the seed data').not.toBe('');
    expected = seedData.events.filter((e) =>
      e.sources.some((s) =>
        (texts.get(s.articleId) ?? '').slice(s.start, s.end).toLowerCase().includes(word.toLowerCase()),
      ),
    ).length;
    await atlas.open();
    await atlas.waitForEvents();
    await atlas.openFilters();
    await page.getByRole('searchbox', { name: 'Search' }).fill(word);
    await expect(page.getByTestId('event-count')).toHaveText(`${expected} of ${total} events`);
    await expect(page).toHaveURL(new RegExp(`q=${word}`));
    await page.getByRole('searchbox', { name: 'Search' }).fill('Kokjali');
    await expect(page.getByTestId('event-count')).toHaveText(
      `${countOf((e) => haystack(e).includes('kokjali'))} of ${total} events`,
    );
  });

  test('search finds a place written without its accents, and an actor by an alias', async ({
    atlas,
    page,
  }) => {
    const accented = seedData.events.filter((e) => e.place.name === 'Jarābulus').length;
    const islamicState = seedData.events.filter((e) => e.actors.includes('islamic-state')).length;
    expect(accented).toBeGreaterThan(0);
    await atlas.open();
    await atlas.waitForEvents();
    await atlas.openFilters();
    const search = page.getByRole('searchbox', { name: 'Search' });
    const shown = async () => Number((await page.getByTestId('event-count').textContent())?.split(' ')[0]);
    await search.fill('jarabulus');
    // Every event at Jarābulus, and any other whose summary or passage names it.
    await expect.poll(shown).toBeGreaterThanOrEqual(accented);
    await expect(page.locator('.item-place', { hasText: 'Jarābulus' })).toHaveCount(accented);
    await search.fill('ISIS');
    await expect.poll(shown).toBeGreaterThanOrEqual(islamicState);
  });

  test('exports the filtered events as GeoJSON and CSV with their passages', async ({ atlas, page }) => {
    // The rarest event type of the seed data: a filtered export smaller than the whole.
    const counts = new Map<string, number>();
    for (const e of seedData.events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    const rare = [...counts].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
    await atlas.open(`/?types=${rare}`);
    await atlas.waitForEvents();
    await atlas.openFilters();
    const events = seedData.events.filter((e) => e.type === rare);
    const [geo] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export GeoJSON' }).click(),
    ]);
    const fc = JSON.parse(readFileSync((await geo.path()) ?? '', 'utf8')) as {
      features: { properties: { id: string } }[];
    };
    expect(fc.features.map((f) => f.properties.id).sort()).toEqual(events.map((e) => e.id).sort());
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const text = readFileSync((await csv.path()) ?? '', 'utf8');
    // A byte-order mark first, so that Excel reads the file as UTF-8.
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^event_id,event_date,/);
    expect(lines).toHaveLength(1 + events.reduce((n, e) => n + e.sources.length, 0));
    const s = events[0]?.sources[0];
    const article = JSON.parse(readFileSync(`public/data/articles/${s?.articleId}.json`, 'utf8')) as {
      text: string;
      title: string;
    };
    expect(text).toContain(article.text.slice(s?.start, s?.end).slice(0, 40));
    expect(text).toContain(article.title);
  });

  test('a linked event that the linked filters hide is still shown, with a note', async ({ atlas, page }) => {
    const e = seedData.events.find((x) => x.type !== 'battle');
    await atlas.open(`/?event=${e?.id}&types=battle`);
    await expect(atlas.panelTitle()).toHaveText(e?.summary ?? '');
    await expect(page.getByText('This event lies outside the current filters')).toBeVisible();
  });

  test('invalid parameters are ignored with a notice', async ({ atlas, page }) => {
    await atlas.open('/?from=2016-13-45&types=battle');
    await expect(page.getByText('Ignored the invalid “from” parameter in the link.')).toBeVisible();
    await expect(page.getByTestId('event-count')).toHaveText(
      `${countOf((x) => x.type === 'battle')} of ${total} events`,
    );
  });

  test('values a link names that the data does not have are ignored with a notice', async ({
    atlas,
    page,
  }) => {
    await atlas.open('/?actors=nobody&types=battle');
    await expect(
      page.getByText('Ignored “actors” values not in this data set: nobody.', { exact: true }),
    ).toBeVisible();
    await expect(page.getByTestId('event-count')).toHaveText(
      `${countOf((x) => x.type === 'battle')} of ${total} events`,
    );
    await expect(page).not.toHaveURL(/actors=/);
  });

  test('a search that finds nothing says so in the list and offers every event back', async ({
    atlas,
    page,
  }) => {
    await atlas.open('/?q=zzqqxx');
    await expect(page.getByTestId('event-count')).toHaveText(`0 of ${total} events`);
    await expect(page.getByText('No events match these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Show all events' }).click();
    await expect(page.getByTestId('event-count')).toHaveText(`${total} events`);
    await expect(atlas.eventButtons()).toHaveCount(total);
  });

  test('Back and Forward follow selections, filters stay in the URL', async ({ atlas, page }) => {
    await atlas.open('/?types=battle');
    await atlas.waitForEvents();
    const first = atlas.eventButtons().first();
    const name = await first.getAttribute('data-event-id');
    await first.click();
    await expect(page).toHaveURL(new RegExp(`event=${name}`));
    await page.goBack();
    await expect(page).not.toHaveURL(/event=/);
    await expect(page).toHaveURL(/types=battle/);
    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`event=${name}`));
    await expect(atlas.panelTitle()).toBeVisible();
  });

  test('Play slides a window through time and Pause keeps it', async ({ atlas, page }) => {
    await atlas.controlTime();
    await atlas.open();
    await atlas.waitForEvents();
    await atlas.openTimeline();
    await page.getByLabel('Speed').selectOption('4');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=/);
    const firstFrom = new URL(page.url()).searchParams.get('from') ?? '';
    await expect.poll(() => new URL(page.url()).searchParams.get('from') ?? '').not.toBe(firstFrom);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = page.url();
    await atlas.letTimePass(800);
    expect(page.url()).toBe(paused);
    await expect(page.getByTestId('event-count')).toContainText(`of ${total} events`);
  });

  test('a large data set lists its events a page at a time', async ({ atlas, page }) => {
    const events = Array.from({ length: 1000 }, (_, i) => {
      const e = seedData.events[i % seedData.events.length];
      return { ...e, id: `big-${i}` };
    });
    await page.route(
      (url) => url.pathname === '/big/events.json',
      (route) => route.fulfill({ json: { ...seedData, events } }),
    );
    await atlas.open('/?data=/big/events.json');
    await atlas.waitForEvents();
    await expect(page.getByTestId('event-count')).toHaveText('1,000 events');
    await expect(atlas.eventButtons()).toHaveCount(200);
    await page.getByRole('button', { name: 'Show 200 more of 800 not shown' }).click();
    await expect(atlas.eventButtons()).toHaveCount(400);
  });
});
