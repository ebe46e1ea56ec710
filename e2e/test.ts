/**
 * The only importer of @playwright/test. Every test fails on any request that leaves localhost, and
 * gets the `atlas` driver with the app's verbs. Hosts under `.example` (reserved: they never resolve)
 * stand for other sites; a test serves them with page.route.
 */
import { test as base, chromium, expect, type Page } from '@playwright/test';
import { AtlasDriver } from './atlas-driver.ts';

export const test = base.extend<{ atlas: AtlasDriver; outsideRequests: string[] }>({
  outsideRequests: async ({ page }, use) => {
    const outside: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      const local = ['127.0.0.1', 'localhost'].includes(url.hostname) || url.hostname.endsWith('.example');
      if (!local && !['data:', 'blob:'].includes(url.protocol)) outside.push(req.url());
    });
    await use(outside);
    expect(outside, 'requests that left localhost').toEqual([]);
  },
  atlas: async ({ page, outsideRequests }, use) => {
    void outsideRequests;
    await use(new AtlasDriver(page));
  },
});
export type { Page };
export { chromium, expect };
