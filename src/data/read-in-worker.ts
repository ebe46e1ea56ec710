/**
 * An events file read in the events worker (events-json/events.worker.ts), started by the page's entry
 * script before the app's bundle has loaded: the worker downloads and reads the file while React and
 * MapLibre load, and the page is not involved until the columns (or an Arrow file's bytes) arrive. No
 * heavy imports here (the entry script uses it).
 */
import type { FromWorker, ToWorker } from './events-json/worker-messages.ts';
import { STALL_MS } from './fetch-stream.ts';

/** A worker silent this long (no progress, no answer) is stopped and its file reported: longer than a
 * download may stall (the worker reports that itself), so only a read that hangs meets it. */
export const WORKER_SILENCE_MS = STALL_MS + 15_000;

export interface LoadProgress {
  events: number;
  bytes: number;
  /** The file's size, when the server says it (not for a compressed transfer). */
  totalBytes?: number;
}

type Answer = Extract<FromWorker, { kind: 'arrow' | 'json' | 'error' }>;

export interface WorkerRead {
  /** The worker's answer: columns or Arrow bytes, or the reason the file was refused; rejects when the
   * file could not be fetched (the message says why). */
  answer: Promise<Answer>;
  /** Hears how far the file has been read (the latest at once, if any). */
  onProgress(listener: (p: LoadProgress) => void): void;
}

export function readInWorker(url: string): WorkerRead {
  const listeners = new Set<(p: LoadProgress) => void>();
  let latest: LoadProgress | undefined;
  const worker = new Worker(new URL('./events-json/events.worker.ts', import.meta.url), { type: 'module' });
  const answer = new Promise<Answer>((resolve, reject) => {
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        worker.terminate();
        resolve({
          kind: 'error',
          message: `not readable: its reader gave no sign of progress for ${WORKER_SILENCE_MS / 1000} s and was stopped`,
        });
      }, WORKER_SILENCE_MS);
    };
    watch();
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      watch();
      if (m.kind === 'progress') {
        latest = { events: m.events, bytes: m.bytes, totalBytes: m.totalBytes };
        for (const l of listeners) l(latest);
        return;
      }
      clearTimeout(watchdog);
      worker.terminate();
      if (m.kind === 'unreachable') reject(new Error(m.message));
      else resolve(m);
    };
    worker.onerror = (e) => {
      clearTimeout(watchdog);
      worker.terminate();
      resolve({ kind: 'error', message: `could not be read: ${e.message || 'the reader failed'}` });
    };
  });
  // The worker resolves URLs against its own script: it is given an absolute one.
  const message: ToWorker = { kind: 'read', url: new URL(url, document.baseURI).href };
  worker.postMessage(message);
  return {
    answer,
    onProgress(listener) {
      listeners.add(listener);
      if (latest) listener(latest);
    },
  };
}
