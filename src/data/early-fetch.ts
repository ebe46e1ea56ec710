/**
 * The events file's read, started by the page's tiny entry script (src/main.tsx) before the app's
 * bundle (MapLibre, React) has even loaded: the file downloads and the worker reads it while the app
 * loads, a good part of a second for a large file. The app takes the read over; a retry reads afresh.
 * No heavy imports here.
 */
import { readInWorker, type WorkerRead } from './read-in-worker.ts';

const early = new Map<string, WorkerRead>();

export function startRead(url: string): void {
  if (!early.has(url)) early.set(url, readInWorker(url));
}

/** The early read of url once, then fresh reads. */
export function takeRead(url: string): WorkerRead {
  const started = early.get(url);
  early.delete(url);
  return started ?? readInWorker(url);
}
