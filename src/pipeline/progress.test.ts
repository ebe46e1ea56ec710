import { describe, expect, it } from 'vitest';
import { progressLog } from './progress.ts';
import type { RunProgress } from './run.ts';

describe('progress lines for a log', () => {
  const lines = (steps: [number, RunProgress][]) => {
    let t = 0;
    const out: string[] = [];
    const log = progressLog((l) => out.push(l), { now: () => t });
    for (const [at, p] of steps) {
      t = at;
      log(p);
    }
    return out;
  };
  const done = (n: number): RunProgress => ({
    done: n,
    total: 1500,
    chars: n * 1000,
    totalChars: 1_500_000,
    current: null,
  });

  it('writes a line each tenth of the corpus', () => {
    const steps = Array.from({ length: 1500 }, (_, i) => [i * 30, done(i + 1)] as [number, RunProgress]);
    const out = lines(steps);
    expect(out).toHaveLength(10);
    expect(out[1]).toBe('pipeline: 300 of 1,500 articles, 0.3 of 1.5 M characters (20 %), 9 s');
    expect(out[9]).toMatch(/1,500 of 1,500 articles.*\(100 %\)/);
  });

  it('names a long article as it starts and while it takes long', () => {
    const reading = (at: number): RunProgress => ({
      done: 0,
      total: 1,
      chars: at,
      totalChars: 50_000_000,
      current: { id: 'big', at, of: 50_000_000 },
    });
    const out = lines([
      [0, reading(0)],
      [90_000, reading(1_000_000)],
      [95_000, reading(2_000_000)],
      [101_000, reading(6_000_000)],
    ]);
    expect(out).toEqual([
      'pipeline: reading big, 50,000,000 characters, 0 s',
      'pipeline: still reading big, at character 1,000,000 of 50,000,000, 90 s on it',
      'pipeline: still reading big, at character 6,000,000 of 50,000,000, 101 s on it',
      'pipeline: 0 of 1 articles, 6.0 of 50.0 M characters (12 %), 101 s',
    ]);
  });
});
