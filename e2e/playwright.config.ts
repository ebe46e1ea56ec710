import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/testing/chromium.ts';

// E2E_PORT lets a second checkout run its own server beside one already on 4174 (reuseExistingServer).
const PORT = Number(process.env.E2E_PORT ?? 4174);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Software WebGL on one loaded core can take most of a minute to draw the first frame of 50,000 events.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // Never retry: a retry hides the next race instead of finding it.
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    // Routes must see every request; the offline test turns the service worker back on.
    serviceWorkers: 'block',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], channel: undefined, viewport: { width: 1280, height: 800 } },
    },
    // The main stories again on a phone-sized screen with touch.
    {
      name: 'mobile',
      testMatch: ['map.spec.ts', 'explore.spec.ts', 'scale.spec.ts'],
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
  ],
  webServer: {
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
