/**
 * The headers the servers send and a static host should send (vite.config.ts): who may frame the app,
 * from ATLAS_FRAME_ANCESTORS, and the dev server's policy beside production's.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CSP,
  devPolicy,
  frameAncestors,
  hmrSource,
  inlineScriptHashes,
  META_POLICY,
  SECURITY_HEADERS,
  securityHeaders,
} from '../../vite.config.ts';

/** The directives of a policy by name. */
const directives = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );

describe('security headers', () => {
  it('forbid every frame by default, in both headers', () => {
    for (const unset of [undefined, '', '   ']) {
      const headers = securityHeaders(unset);
      expect(directives(headers['Content-Security-Policy'] ?? '').get('frame-ancestors')).toEqual(["'none'"]);
      expect(headers['X-Frame-Options']).toBe('DENY');
    }
    expect(SECURITY_HEADERS).toEqual({ 'Content-Security-Policy': CSP, 'X-Frame-Options': 'DENY' });
  });

  it('keep the built page’s policy as it was, and add frame-ancestors only in the header', () => {
    expect(META_POLICY).toBe(
      "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' https:; object-src 'none'; base-uri 'self'; form-action 'none'",
    );
    expect(CSP).toBe(`${META_POLICY}; frame-ancestors 'none'`);
  });

  it('let the listed https sites frame the app, and leave X-Frame-Options out (it has no list)', () => {
    const headers = securityHeaders(' https://news.example  https://blog.example:8443 ');
    expect(headers['Content-Security-Policy']).toBe(
      `${META_POLICY}; frame-ancestors https://news.example https://blog.example:8443`,
    );
    expect(headers).not.toHaveProperty('X-Frame-Options');
  });

  it("say SAMEORIGIN in X-Frame-Options when only 'self' may frame the app", () => {
    const headers = securityHeaders("'self'");
    expect(directives(headers['Content-Security-Policy'] ?? '').get('frame-ancestors')).toEqual(["'self'"]);
    expect(headers['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(securityHeaders("'self' https://news.example")).not.toHaveProperty('X-Frame-Options');
  });

  it('write each origin as an origin, once', () => {
    expect(
      frameAncestors("HTTPS://News.Example/ https://news.example:443 https://bücher.example 'self'"),
    ).toEqual(['https://news.example', 'https://xn--bcher-kva.example', "'self'"]);
  });

  it.each([
    ['http://news.example', 'not https'],
    ['news.example', 'no scheme'],
    ['self', "'self' without its quotes"],
    ["'none'", "'none' in a list: unset the variable instead"],
    ["'unsafe-inline'", 'another keyword'],
    ['*', 'a wildcard'],
    ['https://*.example', 'a wildcard host'],
    ['https://news.example/embed', 'a path'],
    ['https://user@news.example', 'credentials'],
    ['https://news.example;script-src', 'a second directive'],
    ['https://news.example,https://blog.example', 'a comma instead of a space'],
    ["https://news.example'", 'a quote'],
    ['javascript:alert(1)', 'another scheme'],
  ])('refuse %s (%s) with a message that says what is allowed', (value) => {
    expect(() => securityHeaders(`https://ok.example ${value}`)).toThrow(
      `ATLAS_FRAME_ANCESTORS: "${value}" is neither an https origin (like https://news.example, no path or wildcard) nor 'self'`,
    );
  });
});

describe('the dev server’s policy', () => {
  const preamble = 'import { injectIntoGlobalHook } from "/@react-refresh";\ninjectIntoGlobalHook(window);';
  const page = `<head><script type="module" src="/@vite/client"></script><script type="module">${preamble}</script></head>`;

  it('hashes each inline script as the browser does, and no script with a src', () => {
    const sha = createHash('sha256').update(preamble).digest('base64');
    expect(inlineScriptHashes(page)).toEqual([`'sha256-${sha}'`]);
  });

  it('adds to production’s only the preamble’s hash, a style nonce and the HMR websocket', () => {
    const hashes = inlineScriptHashes(page);
    const policy = securityHeaders(
      undefined,
      devPolicy(hashes, 'n0nce', hmrSource('localhost:5199', false, {})),
    )['Content-Security-Policy'] as string;
    const dev = directives(policy);
    const prod = directives(CSP);
    expect(dev.get('script-src')).toEqual(["'self'", ...hashes]);
    expect(dev.get('style-src')).toEqual(["'self'", "'nonce-n0nce'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'https:', 'ws://localhost:5199']);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    for (const [name, sources] of prod)
      if (!['script-src', 'style-src', 'connect-src'].includes(name)) expect(dev.get(name)).toEqual(sources);
  });

  it('follows the frame ancestors of the environment like the preview server', () => {
    const headers = securityHeaders('https://news.example', devPolicy([], 'n', 'ws://localhost:5173'));
    expect(headers['Content-Security-Policy']).toContain('frame-ancestors https://news.example');
    expect(headers).not.toHaveProperty('X-Frame-Options');
  });

  it('names the websocket by the page’s host, or by server.hmr, and never by a host that is no host', () => {
    expect(hmrSource('127.0.0.1:5199', false, {})).toBe('ws://127.0.0.1:5199');
    expect(hmrSource('[::1]:5173', true, {})).toBe('wss://[::1]:5173');
    expect(hmrSource('localhost:5173', false, { clientPort: 443, host: 'dev.example' })).toBe(
      'ws://dev.example:443',
    );
    expect(hmrSource("evil;script-src 'unsafe-inline'", false, {})).toBe('ws://localhost');
    expect(hmrSource(undefined, false, {})).toBe('ws://localhost');
  });
});
