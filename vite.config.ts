import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

/**
 * The production Content-Security-Policy: no inline script, no eval; data and the basemap from this
 * origin (https data files and an online basemap style may be opted into, hence `https:` for fetches).
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];
/** The policy as a header: no site may frame the app (frame-ancestors is ignored in a meta tag). */
export const CSP = [...POLICY, "frame-ancestors 'none'"].join('; ');

/** Headers a static host should send (frame-ancestors works only as a header; X-Frame-Options is its
 * older equivalent). */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Frame-Options': 'DENY',
};

/** Writes the policy into the built index.html (the dev server needs inline scripts, so only at build). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'conflict-atlas-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${POLICY.join('; ')}" />`,
      ),
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    contentSecurityPolicy(),
    // Offline after the first visit: the app, the basemap, the fonts and the articles are precached; the
    // events files are cached as they are loaded.
    VitePWA({
      injectRegister: null, // registered in src/main.tsx: no inline script under the CSP
      registerType: 'autoUpdate',
      manifest: {
        name: 'Conflict Atlas',
        short_name: 'Conflict Atlas',
        description: 'Reported conflict events on a map, each linked to the passage it came from.',
        start_url: '.',
        display: 'standalone',
        background_color: '#fafaf8',
        theme_color: '#1d1d1f',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        // The app, the basemap (GeoJSON and its places) and the articles. The events files are not
        // precached: a precached file is served from the cache until the next build, so a new events
        // file alone on the server would never be seen.
        globPatterns: ['**/*.{js,css,html,json,geojson,woff2,svg,webmanifest}'],
        globIgnores: ['data/events.*'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        runtimeCaching: [
          {
            // This site's events files: the network first (a changed file is seen on the next load),
            // the last copy when offline or when the server does not answer within 10 s.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/data\/events\.[^/]+$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'atlas-events', networkTimeoutSeconds: 10 },
          },
        ],
        // Events files from other sites (?data=) are not cached: they are shown for the session only,
        // as that file's claims, and never offline from this site's cache.
      },
    }),
  ],
  build: {
    chunkSizeWarningLimit: 2000,
    // `npm run bench` builds the naive baseline page beside the app (never in a normal build).
    ...(mode === 'bench'
      ? {
          manifest: true,
          rollupOptions: {
            input: { app: 'index.html', naive: 'src/bench/naive.html', deck: 'src/bench/deck.html' },
          },
        }
      : {}),
  },
  // The policy as headers from `npm start`; `npm run dev` is not framed either (its React refresh
  // preamble is an inline script, so the dev server cannot carry the script policy).
  preview: { port: 4173, strictPort: true, headers: SECURITY_HEADERS },
  server: { headers: { 'X-Frame-Options': 'DENY' } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // One worker that keeps its modules from file to file: the pipeline's gazetteer (200k places, ~4 s
    // to build) and its NLP models load once per run instead of once per file, and the app's test files
    // share their imports (43 s -> 18 s here). No test mocks a module or changes a global, which is
    // what isolating files would guard against.
    isolate: false,
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
}));
