/**
 * A part of the page that fails says so and leaves the rest working. The failure here is real, not
 * staged: a browser without WebGL (blocked by policy, or an old GPU) cannot create the map.
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/testing/chromium.ts';
import { AtlasDriver } from './atlas-driver.ts';
import { seedData } from './fixtures.ts';
import { chromium, expect, test } from './test.ts';

test('without WebGL the map says it cannot be shown, and the list, the panel and the filters still work', async ({
  baseURL,
}) => {
  test.skip(Boolean(test.info().project.use.hasTouch), 'one browser without WebGL is enough');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS.filter((a) => !a.includes('angle') && !a.includes('swiftshader')),
      '--disable-3d-apis',
    ],
  });
  try {
    const page = await browser.newPage({ baseURL, serviceWorkers: 'block' });
    const atlas = new AtlasDriver(page);
    await atlas.open('/');
    await expect(page.getByRole('alert').filter({ hasText: 'The map could not be shown' })).toBeVisible();
    await expect(page.getByTestId('event-count')).toHaveText(`${seedData.events.length} events`);
    const first = atlas.eventButtons().first();
    await first.click();
    await expect(page.locator('.source-card').first()).toBeVisible();
    await atlas.openFilters();
    await expect(page.getByRole('checkbox').first()).toBeVisible();
  } finally {
    await browser.close();
  }
});

test('an events reader that hangs is stopped after 45 s without progress, and the file is reported', async ({
  atlas,
  page,
}) => {
  test.skip(Boolean(test.info().project.use.hasTouch), 'one hanging reader is enough');
  // A reader stuck in a loop (what a pathological file could do): it never answers nor reports. The
  // page's clock is fast-forwarded (it also runs in real time, hence the margins around 45 s).
  await page.route('**/events.worker-*.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => { for (;;) {} };' }),
  );
  await page.clock.install();
  await atlas.open('/');
  await expect(page.getByTestId('event-count')).toHaveText('Loading events…');
  await page.clock.fastForward(35_000);
  await expect(page.getByTestId('event-count')).toHaveText('Loading events…');
  await page.clock.fastForward(12_000);
  await expect(page.getByRole('alert')).toContainText(
    /The events file \S+ is not readable: its reader gave no sign of progress for 45 s and was stopped/,
  );
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});
