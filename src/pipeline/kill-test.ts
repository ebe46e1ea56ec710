/**
 * The parts of the kill test (npm run kill-test) that need no child process: a synthetic corpus in
 * two generations, and a check that an output folder is one whole generation.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DETAILS_FILE, readDetailsArrow, readEventsArrow } from '../shared/events-arrow.ts';
import { parseEventsFile } from '../shared/schema.ts';

/** Places the gazetteer knows without doubt, so the articles give events. */
const PLACES = [
  'Mosul',
  'Aleppo',
  'Kabul',
  'Lagos',
  'Raqqa',
  'Kandahar',
  'Maiduguri',
  'Homs',
  'Idlib',
  'Jarablus',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const EVENTS = [
  (place: string, day: string, n: number) =>
    `Gunmen attacked a checkpoint in ${place} on ${day}, killing ${n} soldiers, officials said.`,
  (place: string, day: string, n: number) =>
    `An air strike hit a market in ${place} on ${day}, killing ${n} civilians.`,
  (place: string, day: string, n: number) => `Police arrested ${n} protesters in ${place} on ${day}.`,
  (place: string, day: string, n: number) =>
    `A car bomb exploded near a mosque in ${place} on ${day}, killing ${n} people.`,
];

/**
 * Article `i` of a generation, as a file in the corpus format (front matter, then the text).
 * Generation 2 tells the same with other numbers and a note, so every output file differs.
 */
export function syntheticArticle(i: number, generation: 1 | 2): string {
  const place = PLACES[i % PLACES.length] as string;
  const other = PLACES[(i * 7 + 3) % PLACES.length] as string;
  const day = WEEKDAYS[i % WEEKDAYS.length] as string;
  const month = String(1 + (i % 12)).padStart(2, '0');
  const date = String(1 + (i % 28)).padStart(2, '0');
  const n = 2 + (i % 9) + (generation === 2 ? 10 : 0);
  const tell = EVENTS[i % EVENTS.length] as (p: string, d: string, n: number) => string;
  const title = `Violence in ${place}${generation === 2 ? ', updated' : ''}`;
  return [
    '---',
    `id: kill-test-${String(i).padStart(4, '0')}`,
    `title: "${title}"`,
    'outlet: "Kill Test Wire"',
    'author: null',
    'url: null',
    `published: 2016-${month}-${date}`,
    'language: en',
    '---',
    '',
    title,
    '',
    `${tell(place, day, n)} Residents said the fighting in ${other} had eased.`,
    '',
    `${(EVENTS[(i + 1) % EVENTS.length] as typeof tell)(other, WEEKDAYS[(i + 3) % 7] as string, n + 1)}`,
    '',
    generation === 2 ? 'This report was updated with new figures.\n' : '',
  ].join('\n');
}

/** Writes `count` synthetic articles of a generation into `dir`. */
export function writeCorpus(dir: string, count: number, generation: 1 | 2): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++)
    writeFileSync(join(dir, `kill-test-${String(i).padStart(4, '0')}.md`), syntheticArticle(i, generation));
}

/** The marker write-output leaves in a staged folder; not part of a generation. */
const COMPLETE = '.complete';

/** SHA-256 of every file under `dir` (paths relative to it, `/`-separated), the marker left out. */
export function hashFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== COMPLETE || d !== dir)
        out.set(
          relative(dir, p).split('\\').join('/'),
          createHash('sha256').update(readFileSync(p)).digest('hex'),
        );
    }
  };
  walk(dir);
  return out;
}

/** The files where two hashed folders differ (missing on one side, or other bytes). */
export function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((n) => a.get(n) !== b.get(n));
}

export interface OutputCheck {
  /** The generation the folder equals byte for byte, or null. */
  generation: number | null;
  /** What makes the folder not load, or not one whole generation. */
  problems: string[];
}

/**
 * Checks an output folder as the app would load it, and against the complete generations: events.json
 * passes the contract, every article it lists has its file (and no other article file is there), the
 * Arrow files carry the same envelope and events, and the whole folder equals one generation.
 */
export function checkOutput(dir: string, generations: Map<string, string>[]): OutputCheck {
  const problems: string[] = [];
  if (!existsSync(dir)) return { generation: null, problems: [`${dir} does not exist`] };
  const fail = (what: string, e: unknown) => problems.push(`${what}: ${(e as Error).message}`);
  try {
    const raw = JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8')) as Record<string, unknown>;
    const parsed = parseEventsFile(raw);
    if (parsed.dropped.count) problems.push(`events.json: ${parsed.dropped.count} events break the contract`);
    const articleIds = new Set(parsed.data.articles.map((a) => a.id));
    for (const id of articleIds) {
      try {
        const a = JSON.parse(readFileSync(join(dir, 'articles', `${id}.json`), 'utf8')) as { id?: unknown };
        if (a.id !== id) problems.push(`articles/${id}.json holds article ${String(a.id)}`);
      } catch (e) {
        fail(`articles/${id}.json`, e);
      }
    }
    const files = existsSync(join(dir, 'articles')) ? readdirSync(join(dir, 'articles')) : [];
    const stray = files.filter((f) => !articleIds.has(f.replace(/\.json$/, '')));
    if (stray.length)
      problems.push(`article files events.json does not list: ${stray.slice(0, 3).join(', ')}`);
    for (const e of parsed.data.events)
      for (const s of e.sources)
        if (!articleIds.has(s.articleId))
          problems.push(`event ${e.id} cites unlisted article ${s.articleId}`);
    try {
      const core = readEventsArrow(readFileSync(join(dir, 'events.arrow')));
      const { events: _events, ...envelope } = raw;
      if (JSON.stringify(core.envelope) !== JSON.stringify(envelope))
        problems.push('events.arrow carries another envelope than events.json (another generation)');
      if (core.table.numRows !== parsed.data.events.length)
        problems.push(
          `events.arrow has ${core.table.numRows} events, events.json ${parsed.data.events.length}`,
        );
      const details = readDetailsArrow(readFileSync(join(dir, DETAILS_FILE)), core.table.numRows);
      const ids = [...(details.getChild('id') ?? [])].map(String);
      if (ids.join('\n') !== parsed.data.events.map((e) => e.id).join('\n'))
        problems.push(`${DETAILS_FILE} lists other events than events.json`);
    } catch (e) {
      fail('Arrow files', e);
    }
  } catch (e) {
    fail('events.json', e);
  }
  const hashes = hashFiles(dir);
  const index = generations.findIndex((g) => differences(g, hashes).length === 0);
  if (index < 0) {
    const nearest = generations
      .map((g, k) => ({ k, diff: differences(g, hashes) }))
      .sort((a, b) => a.diff.length - b.diff.length)[0];
    problems.push(
      `equals no whole generation: ${nearest?.diff.length} files differ from generation ${(nearest?.k ?? 0) + 1} (${nearest?.diff.slice(0, 3).join(', ')})`,
    );
  }
  return { generation: index < 0 ? null : index + 1, problems };
}
