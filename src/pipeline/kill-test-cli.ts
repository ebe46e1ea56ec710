/**
 * npm run kill-test [-- --articles 1500 --kills 20]
 * Does a pipeline run killed at any moment leave the output whole? Writes two generations of a
 * synthetic corpus, runs the pipeline over each into one output folder, then runs it again and again,
 * each time over the generation the folder does not hold, and SIGKILLs it: half the kills spread over
 * the whole run, half over the write phase (from the staging folder's appearance to the swap's end),
 * both as fractions of the last complete run, as the machine's load changes the times. After each
 * kill the folder must load (contract, article files, Arrow files of the same generation) and equal
 * one complete generation byte for byte; the run after it must complete the new one. Exit code 1 on
 * any inconsistency.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatSeconds } from './budget.ts';
import { checkOutput, hashFiles, writeCorpus } from './kill-test.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1500' },
    kills: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const kills = Number(values.kills);
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'atlas-kill-test-'));
const out = join(root, 'data');
const corpus = [join(root, 'corpus-1'), join(root, 'corpus-2')] as const;
const log = (line: string) => console.log(`kill-test: ${line}`);
const seconds = (ms: number) => `${formatSeconds(Math.round(ms / 100) / 10)} s`;

interface Run {
  /** From spawn to exit. */
  ms: number;
  /** When the staging folder appeared (ms after spawn), if it did. */
  stagedAt: number | null;
  /** When, after that, neither staging folder was left: the new output swapped in. */
  swappedAt: number | null;
  /** True if the run was killed before it exited by itself. */
  killed: boolean;
  code: number | null;
  output: string;
}

/** Runs the pipeline over a generation into `out`, and kills it at `kill` if it is still running. */
function run(generation: 1 | 2, kill?: { after: 'start' | 'staging'; ms: number }): Promise<Run> {
  return new Promise((done, fail) => {
    const start = performance.now();
    // Node itself, not npx: a kill must reach the process that writes. Its own group, killed whole.
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', cli, '--in', generation === 1 ? corpus[0] : corpus[1], '--out', out],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (b: Buffer) => {
      output += b;
    });
    child.stderr?.on('data', (b: Buffer) => {
      output += b;
    });
    let exited = false;
    let killed = false;
    let stagedAt: number | null = null;
    let swappedAt: number | null = null;
    const killNow = () => {
      if (exited || child.pid === undefined) return;
      killed = true;
      process.kill(-child.pid, 'SIGKILL');
    };
    let timer = kill?.after === 'start' ? setTimeout(killNow, kill.ms) : undefined;
    const watch = setInterval(() => {
      if (stagedAt === null) {
        if (!existsSync(`${out}.next`)) return;
        stagedAt = performance.now() - start;
        if (kill?.after === 'staging') timer = setTimeout(killNow, kill.ms);
      } else if (swappedAt === null && !existsSync(`${out}.next`) && !existsSync(`${out}.prev`))
        swappedAt = performance.now() - start;
    }, 1);
    child.on('error', fail);
    child.on('exit', (code) => {
      exited = true;
      clearInterval(watch);
      clearTimeout(timer);
      done({ ms: performance.now() - start, stagedAt, swappedAt, killed, code, output });
    });
  });
}

/** Where in the write a kill left things, told by the folders it left. */
function leftState(): string {
  const staged = existsSync(`${out}.next`);
  if (existsSync(`${out}.prev`))
    return existsSync(out) ? 'swapped, old copy not yet removed' : 'between the two renames';
  if (staged) return existsSync(join(`${out}.next`, '.complete')) ? 'staged whole, not swapped' : 'staging';
  return existsSync(join(out, '.complete')) ? 'swapped, marker not yet removed' : 'not writing';
}

let failures = 0;
const problem = (line: string) => {
  failures += 1;
  log(`FAIL ${line}`);
};

try {
  let t = performance.now();
  writeCorpus(corpus[0], articles, 1);
  writeCorpus(corpus[1], articles, 2);
  log(`${articles} articles a generation written in ${seconds(performance.now() - t)} (${root})`);

  const first = await run(1);
  if (first.code !== 0) throw new Error(`generation 1 run failed:\n${first.output}`);
  const generations = [hashFiles(out)];
  const check1 = checkOutput(out, generations);
  if (check1.problems.length) throw new Error(`generation 1 does not pass the check: ${check1.problems}`);
  const timed = await run(2);
  if (timed.code !== 0) throw new Error(`generation 2 run failed:\n${timed.output}`);
  generations.push(hashFiles(out));
  const events = (g: number) => /events written: (\d+)/.exec(g === 1 ? first.output : timed.output)?.[1];
  /** The write phase of a complete run, in ms: from the staging folder's appearance to the swap's end. */
  const writePhase = (r: Run) => (r.swappedAt ?? r.ms) - (r.stagedAt ?? 0);
  log(
    `full runs: ${seconds(first.ms)} and ${seconds(timed.ms)}; the write phase ${seconds(writePhase(timed))} (from ${seconds(timed.stagedAt ?? 0)}); ${generations[0]?.size} files a generation; events ${events(1)} and ${events(2)}`,
  );
  const check2 = checkOutput(out, generations);
  if (check2.generation !== 2 || check2.problems.length)
    throw new Error(`generation 2 does not pass the check: ${check2.problems}`);

  // Half the kills over the whole run, half over the write phase; alternating, so both get all sizes.
  const whole = Math.ceil(kills / 2);
  const inWrite = kills - whole;
  const points = Array.from({ length: kills }, (_, i) =>
    i % 2 === 0 && i / 2 < whole
      ? { after: 'start' as const, fraction: (i / 2 + 0.5) / whole }
      : { after: 'staging' as const, fraction: ((i - 1) / 2 + 0.5) / inWrite },
  );
  let last = timed;
  let holds: 1 | 2 = 2;
  const tally = { old: 0, new: 0, missed: 0, completed: 0 };
  const states = new Map<string, number>();
  // A run that finishes before its kill (the machine's load changes run times) is checked, and the
  // point tried again, up to twice, timed on that run.
  for (let i = 0, attempt = 0; i < points.length; ) {
    const point = points[i] as (typeof points)[number];
    const next: 1 | 2 = holds === 1 ? 2 : 1;
    t = performance.now();
    const ms = point.fraction * (point.after === 'start' ? last.ms : writePhase(last));
    const killed = await run(next, { after: point.after, ms });
    const c = checkOutput(out, generations);
    const left = leftState();
    const state = !killed.killed
      ? 'finished before the kill'
      : left !== 'not writing'
        ? left
        : c.generation === next
          ? 'after the swap'
          : 'before the write';
    const when = `${seconds(ms)} after ${point.after === 'start' ? 'the start' : 'staging began'}`;
    const label = `kill ${i + 1}/${kills} at ${when} (${state})`;
    if (c.problems.length || c.generation === null) problem(`${label}: ${c.problems.join('; ')}`);
    else if (c.generation !== holds && c.generation !== next)
      problem(`${label}: generation ${c.generation}?`);
    if (!killed.killed) {
      if (killed.code !== 0 || c.generation !== next)
        problem(`${label}: a run that finished left generation ${c.generation}, exit ${killed.code}`);
      log(`${label}: generation ${c.generation ?? '?'}${attempt < 2 ? '; trying again' : ''}`);
      if (killed.code === 0) last = killed;
      holds = next;
      if (attempt < 2) {
        attempt += 1;
        continue;
      }
      tally.missed += 1;
    } else {
      states.set(state, (states.get(state) ?? 0) + 1);
      if (c.generation === holds) tally.old += 1;
      else if (c.generation === next) tally.new += 1;
      const after = await run(next);
      if (after.code === 0) last = after;
      const c2 = checkOutput(out, generations);
      const clean = !existsSync(`${out}.next`) && !existsSync(`${out}.prev`);
      if (after.code !== 0 || c2.generation !== next || c2.problems.length || !clean)
        problem(
          `${label}: the next run left generation ${c2.generation} (wanted ${next}), exit ${after.code}${clean ? '' : ', staging folders left'}: ${c2.problems.join('; ')}`,
        );
      else tally.completed += 1;
      log(
        `${label}: generation ${c.generation ?? '?'} (${c.generation === holds ? 'old' : 'new'}); the next run: generation ${c2.generation ?? '?'}; ${seconds(performance.now() - t)}`,
      );
      holds = next;
    }
    i += 1;
    attempt = 0;
  }
  const landed = kills - tally.missed;
  log(`where the kills landed: ${[...states].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  log(
    `${landed} kills, ${tally.old + tally.new} left one whole generation (${tally.old} the old, ${tally.new} the new), ${failures} inconsistent; ${tally.completed} of ${landed} following runs completed the new generation${tally.missed ? `; ${tally.missed} points missed (the run finished first three times)` : ''}`,
  );
} catch (e) {
  problem((e as Error).message);
} finally {
  if (failures === 0 && !values.keep) rmSync(root, { recursive: true, force: true });
  else log(`kept ${root}`);
}
process.exit(failures ? 1 : 0);
