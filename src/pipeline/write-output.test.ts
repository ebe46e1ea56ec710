import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../shared/schema.ts';
import type { RunResult } from './run.ts';
import { recoverOutput, writeOutput } from './write-output.ts';

// Two articles and no events: what is written, not what is extracted, is under test here.
const result: Pick<RunResult, 'data' | 'articles'> = {
  data: {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: '2016-08-24T00:00:00Z',
    actors: [],
    eventTypes: [],
    articles: [],
    events: [],
  },
  articles: [
    { id: 'a1', json: '{}' },
    { id: 'a2', json: '{}' },
  ],
};

describe('writing the output', () => {
  it('replaces its own files, drops stale article files and keeps what it does not own', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-out-')), 'data');
    mkdirSync(join(out, 'articles'), { recursive: true });
    writeFileSync(join(out, 'articles', 'gone.json'), '{}');
    writeFileSync(join(out, 'README.txt'), 'mine');
    writeOutput(out, result);
    expect(readdirSync(out).sort()).toEqual([
      'README.txt',
      'articles',
      'events.arrow',
      'events.details.arrow',
      'events.json',
    ]);
    expect(readdirSync(join(out, 'articles')).sort()).toEqual(['a1.json', 'a2.json']);
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toBe('mine');
  });
  const killed = (staged: 'complete' | 'half') => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-out-')), 'data');
    for (const [dir, version] of [
      [`${out}.prev`, 'old'],
      [`${out}.next`, 'new'],
    ] as const) {
      mkdirSync(join(dir, 'articles'), { recursive: true });
      writeFileSync(join(dir, 'events.json'), version);
    }
    if (staged === 'complete') writeFileSync(join(`${out}.next`, '.complete'), '');
    recoverOutput(out);
    return { version: readFileSync(join(out, 'events.json'), 'utf8'), entries: readdirSync(out) };
  };
  it('after a run killed between its two renames, takes the new output if it was written whole', () => {
    expect(killed('complete')).toEqual({ version: 'new', entries: ['articles', 'events.json'] });
  });
  it('after a run killed while writing, keeps the old output', () => {
    expect(killed('half').version).toBe('old');
  });
  it('leaves no staging folder behind', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-out-')), 'data');
    mkdirSync(`${out}.next`, { recursive: true });
    writeFileSync(join(`${out}.next`, 'events.json'), 'half');
    writeOutput(out, result);
    expect(existsSync(`${out}.next`)).toBe(false);
    expect(existsSync(`${out}.prev`)).toBe(false);
    expect(readdirSync(out)).not.toContain('.complete');
  });
});
