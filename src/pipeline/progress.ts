/**
 * Progress as plain lines, for a log rather than a terminal: a line each tenth of the text walked,
 * a line when a long article starts (its whole-text passes give no progress of their own), and a
 * line now and then while one article takes long.
 */
import { formatSeconds } from './budget.ts';
import type { RunProgress } from './run.ts';

/** A corpus this big gets progress lines when stderr is not a terminal. */
export const BIG_CORPUS = { files: 200, bytes: 20_000_000 };
/** An article this long (characters) is named when it starts. */
export const LONG_ARTICLE = 1_000_000;

const count = (n: number) => n.toLocaleString('en-US');
const millions = (n: number) => (n / 1e6).toFixed(1);

/**
 * A progress listener that writes lines such as
 * `pipeline: 300 of 1,500 articles, 4.1 of 20.5 M characters (20 %), 41 s`.
 * `now` is the clock in milliseconds (for tests); times are counted from the listener's creation.
 */
export function progressLog(
  write: (line: string) => void,
  { now = () => performance.now(), slowMs = 10_000 }: { now?: () => number; slowMs?: number } = {},
): (p: RunProgress) => void {
  const start = now();
  let tenth = 0;
  let article: { id: string; since: number; told: number } | null = null;
  const elapsed = (t: number) => `${formatSeconds(Math.round((t - start) / 1000))} s`;
  return (p) => {
    const t = now();
    if (p.current && p.current.id !== article?.id) {
      article = { id: p.current.id, since: t, told: t };
      if (p.current.of >= LONG_ARTICLE)
        write(`pipeline: reading ${p.current.id}, ${count(p.current.of)} characters, ${elapsed(t)}`);
    } else if (p.current && article && t - article.told >= slowMs) {
      article.told = t;
      write(
        `pipeline: still reading ${p.current.id}, at character ${count(p.current.at)} of ${count(p.current.of)}, ${formatSeconds(Math.round((t - article.since) / 1000))} s on it`,
      );
    }
    if (!p.current) article = null;
    const reached = p.totalChars > 0 ? Math.floor((p.chars / p.totalChars) * 10) : 0;
    if (reached > tenth) {
      tenth = reached;
      write(
        `pipeline: ${count(p.done)} of ${count(p.total)} articles, ${millions(p.chars)} of ${millions(p.totalChars)} M characters (${Math.floor((p.chars / p.totalChars) * 100)} %), ${elapsed(t)}`,
      );
    }
  };
}
