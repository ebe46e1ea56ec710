import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ConflictEvent, SCHEMA_VERSION } from '../shared/schema.ts';
import { checkOutput, hashFiles, syntheticArticle } from './kill-test.ts';
import { writeOutput } from './write-output.ts';

/** An output of one article and one event, told apart by its day. */
const generation = (dir: string, day: string) => {
  const article = { id: 'a1', title: day, outlet: null, author: null, url: null, published: day };
  const event: ConflictEvent = {
    id: 'e-1',
    type: 'battle',
    subtype: 'armed-clash',
    summary: 'Clashes in Mosul.',
    date: day,
    datePrecision: 'day',
    place: { name: 'Mosul', lat: 36.34, lon: 43.13, country: 'IQ', precision: 'town' },
    actors: [],
    sources: [{ articleId: 'a1', start: 0, end: 5, key: 'e-1' }],
  };
  writeOutput(dir, {
    data: {
      schemaVersion: SCHEMA_VERSION,
      generatedAt: `${day}T00:00:00Z`,
      actors: [],
      eventTypes: [{ id: 'battle', name: 'Battles', color: '#c0392b', acled: 'Battles' }],
      articles: [article],
      events: [event],
    },
    articles: [{ id: 'a1', json: JSON.stringify({ ...article, text: 'Text.' }) }],
  });
  return hashFiles(dir);
};

describe('the kill test check', () => {
  const root = mkdtempSync(join(tmpdir(), 'atlas-kill-check-'));
  const one = generation(join(root, 'one'), '2016-01-01');
  const two = generation(join(root, 'two'), '2016-02-01');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('knows a whole generation', () => {
    expect(checkOutput(join(root, 'two'), [one, two])).toEqual({ generation: 2, problems: [] });
  });

  it('catches a folder that mixes two generations', () => {
    copyFileSync(join(root, 'two', 'events.json'), join(root, 'one', 'events.json'));
    const c = checkOutput(join(root, 'one'), [one, two]);
    expect(c.generation).toBeNull();
    expect(c.problems).toContain(
      'events.arrow carries another envelope than events.json (another generation)',
    );
  });

  it('catches a missing article file', () => {
    rmSync(join(root, 'two', 'articles', 'a1.json'));
    expect(checkOutput(join(root, 'two'), [one, two]).problems[0]).toMatch(/^articles\/a1\.json: ENOENT/);
  });

  it('writes generations that differ in every article', () => {
    expect(syntheticArticle(7, 1)).not.toBe(syntheticArticle(7, 2));
    expect(syntheticArticle(7, 1)).toMatch(/^---\nid: kill-test-0007\n/);
  });
});
