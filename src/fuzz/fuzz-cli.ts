/**
 * npm run fuzz [-- --cases 10000 --seed 1 --timeout 10]
 *
 * The readers' mutation fuzzer, long run (the unit tests run a few cases of the same generator): damaged
 * JSON, Arrow and split-Arrow files (fuzz-files.ts) are read as the app reads them, in a child process
 * that reports each case's outcome, time and peak memory. A case that takes longer than --timeout
 * seconds is a hang; a child that dies (out of memory) is a crash; either way the run goes on with the
 * next case in a new child. Prints a summary and every failing case (reproducible from seed and index);
 * exits 1 if any case crashed, hung, took over 2 s or peaked over 512 MB above the child's baseline.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { BASE, damage, type FileKind, mutationsArb, readCase } from './fuzz-files.ts';

const KINDS: FileKind[] = ['json', 'arrow', 'arrow-core', 'arrow-details'];
const SLOW_MS = 2000;
const MEMORY_MB = 512;

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '10' },
    child: { type: 'boolean', default: false },
    from: { type: 'string', default: '0' },
  },
});
const CASES = Number(values.cases);
const SEED = Number(values.seed);

/** The case list: the same for parent and child, given cases and seed. */
const mutations = () => fc.sample(mutationsArb, { numRuns: CASES, seed: SEED });
const kindOf = (i: number) => KINDS[i % KINDS.length] as FileKind;

/** Resident memory now and at its peak since the last reset, in MB (Linux /proc). */
function memory(): { rss: number; peak: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}
const resetPeak = () => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the peak then runs from the child's start.
  }
};

interface CaseLine {
  i: number;
  kind: FileKind;
  ms: number;
  /** Peak resident memory during the case above what the child held before it, in MB. */
  growthMb: number;
  outcome: string;
}

function child() {
  const all = mutations();
  for (let i = Number(values.from); i < CASES; i++) {
    const kind = kindOf(i);
    const bytes = damage(BASE[kind], all[i] ?? []);
    if (global.gc) global.gc();
    const before = memory().rss;
    resetPeak();
    const t0 = performance.now();
    let outcome: string;
    try {
      const o = readCase(kind, bytes);
      outcome = o.kind === 'read' ? 'read' : o.clear ? 'refused' : `unclear: ${o.message}`;
    } catch (e) {
      outcome = `crash: ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}`;
    }
    const line: CaseLine = {
      i,
      kind,
      ms: performance.now() - t0,
      growthMb: memory().peak - before,
      outcome: outcome.slice(0, 300),
    };
    process.send?.(line);
  }
}

async function parent() {
  const timeoutMs = Number(values.timeout) * 1000;
  const all = mutations();
  const lines: CaseLine[] = [];
  let next = 0;
  const started = performance.now();
  while (next < CASES) {
    const from = next;
    const proc: ChildProcess = fork(
      import.meta.filename,
      ['--child', '--cases', String(CASES), '--seed', String(SEED), '--from', String(from)],
      {
        execArgv: ['--import', 'tsx', '--expose-gc'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      },
    );
    let stderr = '';
    if (proc.stderr)
      createInterface({ input: proc.stderr }).on('line', (l) => (stderr = `${stderr}\n${l}`.slice(-2000)));
    const ended = await new Promise<string | null>((resolve) => {
      let timer = setTimeout(() => resolve('hang'), timeoutMs * 3); // start-up included
      proc.on('message', (m: CaseLine) => {
        lines.push(m);
        next = m.i + 1;
        clearTimeout(timer);
        timer = setTimeout(() => resolve('hang'), timeoutMs);
        if (next % 500 === 0)
          console.error(
            `fuzz: ${next} of ${CASES} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`,
          );
      });
      proc.on('exit', () => {
        clearTimeout(timer);
        resolve(next >= CASES ? null : 'died');
      });
    });
    proc.kill('SIGKILL');
    if (ended) {
      const why =
        ended === 'hang'
          ? `hang: no answer in ${values.timeout} s`
          : `crash: the reader's process died (${stderr.includes('heap out of memory') ? 'out of memory' : stderr.trim().split('\n').pop()})`;
      lines.push({ i: next, kind: kindOf(next), ms: Number.NaN, growthMb: Number.NaN, outcome: why });
      next += 1;
    }
  }
  const failures = lines.filter(
    (l) =>
      l.outcome.startsWith('crash') ||
      l.outcome.startsWith('hang') ||
      l.ms > SLOW_MS ||
      l.growthMb > MEMORY_MB,
  );
  const count = (p: string) => lines.filter((l) => l.outcome.startsWith(p)).length;
  const times = lines
    .map((l) => l.ms)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const growth = Math.max(0, ...lines.map((l) => l.growthMb).filter(Number.isFinite));
  console.log(
    `fuzz: ${lines.length} cases (seed ${SEED}; ${KINDS.join(', ')} in turn) in ${((performance.now() - started) / 1000).toFixed(0)} s: ${count('read')} read, ${count('refused')} refused with the reader's message, ${count('unclear')} refused with an engine's message, ${count('crash')} crashed, ${count('hang')} hung; slowest case ${times.at(-1)?.toFixed(0)} ms (p99 ${times[Math.floor(times.length * 0.99)]?.toFixed(0)} ms); largest memory growth in a case ${growth.toFixed(0)} MB`,
  );
  for (const l of lines.filter((x) => x.outcome.startsWith('unclear')).slice(0, 10))
    console.log(`  unclear #${l.i} ${l.kind}: ${l.outcome}`);
  for (const l of failures.slice(0, 40))
    console.log(
      `  FAILED #${l.i} ${l.kind} ${l.ms.toFixed(0)} ms +${l.growthMb.toFixed(0)} MB: ${l.outcome} ${JSON.stringify(all[l.i], (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`,
    );
  process.exit(failures.length ? 1 : 0);
}

if (values.child) child();
else void parent();
