/**
 * The per-article time budget: a runaway article is stopped, reported and skipped, and the run goes
 * on. Cooperative: the extractor calls a checkpoint at each paragraph it parses, after each
 * whole-text pass and at each sentence it walks, and the checkpoint throws {@link OverBudget} once the
 * article's time is up. Reading the clock costs well under a microsecond, next to the tens of
 * microseconds a sentence takes to parse. The passes over the whole text (actors, places) cannot be
 * stopped inside: an article can overrun by as long as they take.
 */

/** Called by the extractor as it walks an article, with the character offset reached; may throw. */
export type Checkpoint = (at: number) => void;

/** Thrown at a checkpoint once an article has used up its time. */
export class OverBudget extends Error {
  constructor(
    /** The budget, in seconds. */
    readonly seconds: number,
    /** The character offset the extractor had reached. */
    readonly at: number,
    /** The article's length in characters. */
    readonly of: number,
    /** Seconds spent on the article when it was stopped. */
    readonly spent: number,
  ) {
    super(
      `over the ${formatSeconds(seconds)} s time budget (stopped at character ${count(at)} of ${count(of)}, after ${formatSeconds(spent)} s)`,
    );
    this.name = 'OverBudget';
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** "60", "0.001", "61.2": whole seconds as they are, others to three significant digits. */
export function formatSeconds(s: number): string {
  if (Number.isInteger(s)) return count(s);
  return s >= 100 ? count(Math.round(s)) : String(Number(s.toPrecision(3)));
}

/**
 * A checkpoint for one article of `length` characters that throws once `seconds` have passed since
 * it was made, and calls `onWalk` with the offset reached at most every `everyMs` milliseconds (to
 * show progress inside a long article). `now` is the clock in milliseconds (for tests).
 */
export function articleBudget(
  seconds: number,
  length: number,
  onWalk?: (at: number) => void,
  { everyMs = 1000, now = () => performance.now() }: { everyMs?: number; now?: () => number } = {},
): Checkpoint {
  const start = now();
  const deadline = start + seconds * 1000;
  let lastWalk = start;
  return (at) => {
    const t = now();
    if (t > deadline) throw new OverBudget(seconds, at, length, (t - start) / 1000);
    if (onWalk && t - lastWalk >= everyMs) {
      lastWalk = t;
      onWalk(at);
    }
  };
}
