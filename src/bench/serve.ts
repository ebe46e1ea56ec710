/**
 * The bench's side of the machine: the built pages and data served as a static host or CDN serves
 * them, the gzip size of what a page loads, and the memory of Chromium's renderer.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CSP } from '../../vite.config.ts';

/** gzip bytes of an entry's JS and CSS (with its static and dynamic imports) and the MapLibre worker. */
export function bundleGzip(dist: string, entry: string): number {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; assets?: string[] }
  >;
  const files = new Set<string>();
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const c of chunk.css ?? []) files.add(c);
    for (const a of chunk.assets ?? []) if (a.includes('maplibre-gl-worker')) files.add(a);
    for (const i of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) walk(i);
  };
  walk(entry);
  return [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
}

/** Resident memory of the largest Chromium renderer process (the tab under test), in bytes. */
export function rendererRss(): number {
  const out = execFileSync('ps', ['-eo', 'rss,args', '--no-headers'], { encoding: 'utf8' });
  let max = 0;
  for (const line of out.trim().split('\n')) {
    const [rss, ...args] = line.trim().split(/\s+/);
    const cmd = args.join(' ');
    if (cmd.includes('--type=renderer') && cmd.includes('chrom')) max = Math.max(max, Number(rss) * 1024);
  }
  return max;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.arrow': 'application/vnd.apache.arrow.file',
};

/**
 * The built pages and the data, as a static host or CDN serves them: precompressed copies where they
 * exist, no compression on the fly (vite preview gzips every response, which alone takes seconds for
 * a 366 MB JSON file and would measure the test server, not the page).
 */
export function serveStatic(root: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // A precompressed copy beside the file is served as such (gzip_static, as CDNs do).
    const gz = `${file}.gz`;
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'])) && existsSync(gz);
    const body = gzip ? gz : file;
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': statSync(body).size,
      'Content-Security-Policy': CSP,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    createReadStream(body).pipe(res);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}
