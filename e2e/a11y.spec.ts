import AxeBuilder from '@axe-core/playwright';
import { seedData } from './fixtures.ts';
import { expect, type Page, test } from './test.ts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

test.describe('accessibility', () => {
  test('no serious or critical axe violations on the map with its list and timeline', async ({
    atlas,
    page,
  }) => {
    await atlas.open();
    await atlas.waitForEvents();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('no serious or critical axe violations with an event selected', async ({ atlas, page }) => {
    await atlas.open(`/?event=${seedData.events[0]?.id}`);
    await atlas.waitForEvents();
    await expect(page.locator('.source-card mark').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('no serious or critical axe violations with the filters open', async ({ atlas, page }) => {
    await atlas.open('/?types=battle');
    await atlas.waitForEvents();
    await atlas.openFilters();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('everything works from the keyboard, with a visible focus', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForEvents();
    const first = atlas.eventButtons().first();
    await first.focus();
    const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(atlas.panelTitle()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(atlas.eventButtons()).toHaveCount(seedData.events.length);
  });

  test('with reduced motion the map jumps instead of flying', async ({ atlas, page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await atlas.open();
    await atlas.waitForEvents();
    // An event alone at its place name, so its list entry is unambiguous.
    const target = seedData.events.find(
      (e) => seedData.events.filter((o) => o.place.name === e.place.name).length === 1,
    );
    await page
      .getByRole('button', { name: new RegExp(`^${target?.place.name}, `) })
      .first()
      .click();
    const moving = await atlas.mapIsMoving();
    expect(moving).toBe(false);
    const c = await atlas.view();
    expect(c?.lat).toBeCloseTo(target?.place.lat ?? 0, 1);
  });
});
