import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

type Policy = Record<string, readonly string[]>;

/**
 * The production Content-Security-Policy: no inline script, no eval; data and the basemap from this
 * origin (https data files and an online basemap style may be opted into, hence `https:` for fetches).
 */
const POLICY: Policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'https:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

const serialize = (policy: Policy): string =>
  Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');

/** The policy as a `<meta>` tag carries it (frame-ancestors is ignored there: only a header can say it). */
export const META_POLICY = serialize(POLICY);

/** A host name in an allowed frame ancestor: letters, digits, hyphens and dots only (the URL parser lets
 * `;`, `,`, `*` and quotes through, which would end or widen the directive). */
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * The sites that may frame the app, from ATLAS_FRAME_ANCESTORS (space-separated `https://` origins or
 * `'self'`). Unset or empty: none. Anything else throws, so a typo fails the build or the server's start
 * instead of shipping a policy that frames too much or nothing.
 */
export function frameAncestors(raw: string | undefined): string[] {
  const tokens = (raw ?? '').split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return ["'none'"];
  return [...new Set(tokens.map(frameAncestor))];
}

function frameAncestor(token: string): string {
  if (token === "'self'") return token;
  let url: URL | null = null;
  try {
    url = new URL(token);
  } catch {
    /* reported below */
  }
  const origin =
    url?.protocol === 'https:' &&
    HOST.test(url.hostname) &&
    !url.username &&
    !url.password &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash &&
    !token.endsWith('?') &&
    !token.endsWith('#');
  if (url && origin) return url.origin;
  throw new Error(
    `ATLAS_FRAME_ANCESTORS: "${token}" is neither an https origin (like https://news.example, no path or ` +
      `wildcard) nor 'self' (with its quotes). List the sites that may frame the atlas separated by ` +
      "spaces, or leave the variable unset so that none may (frame-ancestors 'none').",
  );
}

/** X-Frame-Options for the same ancestors, where it can say them: it has no list of sites. */
function xFrameOptions(ancestors: readonly string[]): string | null {
  if (ancestors.length === 1 && ancestors[0] === "'none'") return 'DENY';
  if (ancestors.length === 1 && ancestors[0] === "'self'") return 'SAMEORIGIN';
  return null;
}

/**
 * The headers a server or static host sends with the app, for the value of ATLAS_FRAME_ANCESTORS:
 * the policy with frame-ancestors (which works only as a header), and X-Frame-Options, its older
 * equivalent, when it can express the same (DENY, SAMEORIGIN; a list of sites it cannot, so it is left
 * out and frame-ancestors alone decides). `policy`: the dev server's, which adds what its page needs.
 */
export function securityHeaders(frameAncestorsEnv: string | undefined, policy: Policy = POLICY) {
  const ancestors = frameAncestors(frameAncestorsEnv);
  const headers: Record<string, string> = {
    'Content-Security-Policy': serialize({ ...policy, 'frame-ancestors': ancestors }),
  };
  const xfo = xFrameOptions(ancestors);
  if (xfo) headers['X-Frame-Options'] = xfo;
  return headers;
}

/** The default headers (no site may frame the app), as a static host should send them. */
export const SECURITY_HEADERS = securityHeaders(undefined);
/** The default policy as a header. */
export const CSP = SECURITY_HEADERS['Content-Security-Policy'] as string;

/** CSP sources for the inline scripts of a page: the sha256 of each one's text, as the browser hashes it. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attrs = '', text = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(attrs)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * The dev server's policy: production's, plus only what the dev page needs. React's refresh preamble
 * is an inline script, allowed by its hash (never 'unsafe-inline'); Vite injects the CSS modules as
 * `<style>` elements, allowed by the server's nonce; HMR talks over a websocket to the server.
 */
export function devPolicy(scriptHashes: Iterable<string>, styleNonce: string, websocket: string): Policy {
  const with_ = (d: string, more: Iterable<string>) => [...new Set([...(POLICY[d] ?? []), ...more])];
  return {
    ...POLICY,
    'script-src': with_('script-src', scriptHashes),
    'style-src': with_('style-src', [`'nonce-${styleNonce}'`]),
    'connect-src': with_('connect-src', [websocket]),
  };
}

/** The HMR websocket's address: the page's host and port (the Host header, when it is one) unless
 * server.hmr names others. */
export function hmrSource(
  hostHeader: string | undefined,
  secure: boolean,
  hmr: { host?: string; port?: number; clientPort?: number },
): string {
  const page = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i.exec(hostHeader ?? '');
  const host = hmr.host ?? page?.[1] ?? 'localhost';
  const port = hmr.clientPort ?? hmr.port ?? page?.[2];
  return `${secure ? 'wss' : 'ws'}://${host}${port ? `:${port}` : ''}`;
}

/** Runs `set` just before a response's headers go out (after the page it carries has been made). */
function beforeHeaders(res: ServerResponse, set: () => void): void {
  // The same hook as the `on-headers` package: Node writes the head through writeHead, also implicitly.
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    set();
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}

/** Writes the policy into the built index.html (the dev server's page has an inline script, so only at build). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'conflict-atlas-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${META_POLICY}" />`,
      ),
  };
}

/**
 * `npm run dev` sends production's policy as a header, adapted by devPolicy. The page's inline scripts
 * are hashed as it is made (the last HTML transform) and the header is written after that, so it names
 * the scripts of the page it comes with.
 */
function devContentSecurityPolicy(frameAncestorsEnv: string | undefined): Plugin {
  const scriptHashes = new Set<string>();
  // One per server start: Vite puts it on the <style> elements it injects (html.cspNonce).
  const styleNonce = randomBytes(16).toString('base64');
  return {
    name: 'conflict-atlas-dev-csp',
    apply: 'serve',
    config: () => ({ html: { cspNonce: styleNonce } }),
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        for (const hash of inlineScriptHashes(html)) scriptHashes.add(hash);
      },
    },
    configureServer(server) {
      const secure = Boolean(server.config.server.https);
      const hmr = typeof server.config.server.hmr === 'object' ? server.config.server.hmr : {};
      server.middlewares.use((req, res, next) => {
        const websocket = hmrSource(req.headers.host, secure, hmr);
        beforeHeaders(res, () => {
          const headers = securityHeaders(frameAncestorsEnv, devPolicy(scriptHashes, styleNonce, websocket));
          for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        });
        next();
      });
    },
  };
}

export default defineConfig(({ mode }) => {
  // Read once: a malformed value stops the build, the dev server and the preview with its reason.
  const frameAncestorsEnv = process.env.ATLAS_FRAME_ANCESTORS;
  return {
    plugins: [
      react(),
      contentSecurityPolicy(),
      devContentSecurityPolicy(frameAncestorsEnv),
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
    // The policy as headers from `npm start` (the dev server's come from devContentSecurityPolicy).
    preview: { port: 4173, strictPort: true, headers: securityHeaders(frameAncestorsEnv) },
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
  };
});
