/**
 * Synthetic data sets on disk (events.json, and events.arrow with events.details.arrow; each with a
 * gzip copy, as a static host
 * or CDN serves them precompressed), made once per size and kept in a cache.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { DETAILS_FILE, eventsToArrowFiles } from '../shared/events-arrow.ts';
import { synthetic } from '../testing/synthetic.ts';

/** Bump when src/testing/synthetic.ts changes what it generates. */
const GENERATOR_VERSION = 4;

export async function ensureDataset(cacheDir: string, events: number): Promise<string> {
  const dir = join(cacheDir, `synthetic-${events}-v${GENERATOR_VERSION}`);
  if (existsSync(join(dir, 'events.arrow.gz')) && existsSync(join(dir, 'events.json.gz'))) return dir;
  // (events.arrow.gz is written last: its presence means the set is complete.)
  mkdirSync(dir, { recursive: true });
  const { envelope, events: generate } = synthetic({ events });
  const all = [...generate()];
  // JSON streamed: a million events are more text than one string may hold.
  const jsonTmp = join(dir, 'events.json.tmp');
  const out = createWriteStream(jsonTmp);
  out.write(`${JSON.stringify(envelope).slice(0, -1)},"events":[`);
  for (let i = 0; i < all.length; i += 10_000) {
    const chunk = all.slice(i, i + 10_000).map((e) => JSON.stringify(e));
    out.write((i ? ',' : '') + chunk.join(','));
  }
  out.end(']}');
  await finished(out);
  renameSync(jsonTmp, join(dir, 'events.json'));
  const arrow = eventsToArrowFiles({ ...envelope, events: all });
  writeFileSync(join(dir, DETAILS_FILE), arrow.details);
  writeFileSync(join(dir, 'events.arrow.tmp'), arrow.core);
  renameSync(join(dir, 'events.arrow.tmp'), join(dir, 'events.arrow'));
  for (const name of ['events.json', DETAILS_FILE, 'events.arrow']) {
    await pipeline(
      createReadStream(join(dir, name)),
      createGzip({ level: 6 }),
      createWriteStream(join(dir, `${name}.gz.tmp`)),
    );
    renameSync(join(dir, `${name}.gz.tmp`), join(dir, `${name}.gz`));
  }
  return dir;
}
