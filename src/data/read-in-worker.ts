/**
 * An events file read in the events worker (events-json/events.worker.ts), started by the page's entry
 * script before the app's bundle has loaded: the worker reads while React and MapLibre load. The page
 * only passes the bytes along as they arrive; an Arrow file (told by its first bytes) is gathered here
 * instead and read on the page. A response that stops sending for STALL_MS is abandoned
 * with a message. No heavy imports here (the entry script uses it).
 */
import { isArrowBytes } from '../shared/arrow-magic.ts';
import { concatBytes } from './events-json/byte-store.ts';
import type { FromWorker, ToWorker } from './events-json/worker-messages.ts';

const STALL_MS = 30_000;

export interface LoadProgress {
  events: number;
  bytes: number;
  /** The file's size, when the server says it (not for a compressed transfer). */
  totalBytes?: number;
}

export interface WorkerRead {
  /** The worker's answer: columns or Arrow bytes, or the reason the file was refused; rejects when the
   * file could not be fetched (the message says why). */
  answer: Promise<Exclude<FromWorker, { kind: 'progress' }> | { kind: 'arrow'; bytes: Uint8Array }>;
  /** Hears how far the file has been read (the latest at once, if any). */
  onProgress(listener: (p: LoadProgress) => void): void;
}

/** A successful response, or an error that says which file could not be reached or loaded. */
export async function fetchOk(url: string, what: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new Error(`Could not reach ${what} at ${url}.`);
  }
  if (!res.ok) throw new Error(`Could not load ${what} (${url}): HTTP ${res.status}.`);
  return res;
}

/** The next chunk, or an error when none comes for STALL_MS. */
function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`stalled: no data arrived for ${STALL_MS / 1000} s`)),
      STALL_MS,
    );
  });
  return Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer));
}

/** An Arrow file's bytes, whole, up to MAX_ARROW_BYTES. */
async function gather(reader: ReadableStreamDefaultReader<Uint8Array>, first: Uint8Array) {
  const parts = [first];
  let total = first.length;
  try {
    for (;;) {
      const { value, done } = await readWithin(reader);
      if (done) break;
      total += value.length;
      if (total > MAX_ARROW_BYTES) {
        void reader.cancel().catch(() => undefined);
        return { kind: 'error' as const, message: `too large: more than ${MAX_ARROW_BYTES / 2 ** 20} MB` };
      }
      parts.push(value);
    }
  } catch (e) {
    return { kind: 'error' as const, message: (e as Error).message };
  }
  return { kind: 'arrow' as const, bytes: concatBytes(parts, total) };
}

/** The largest Arrow events file read (a core file of 10^6 events is about 40 MB). */
export const MAX_ARROW_BYTES = 1536 * 2 ** 20;

export function readInWorker(url: string): WorkerRead {
  const listeners = new Set<(p: LoadProgress) => void>();
  let latest: LoadProgress | undefined;
  const answer = (async () => {
    const res = await fetchOk(url, 'the events file');
    const compressed = Boolean(res.headers.get('content-encoding'));
    const totalBytes = compressed ? undefined : Number(res.headers.get('content-length')) || undefined;
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    // Arrow needs no worker: its bytes are gathered here and read on the page (mostly views, no parse).
    const head = await readWithin(reader).catch((e: Error) => e);
    if (head instanceof Error) return { kind: 'error' as const, message: head.message };
    if (head.done) return { kind: 'error' as const, message: 'empty' };
    if (isArrowBytes(head.value)) return gather(reader, head.value);
    const worker = new Worker(new URL('./events-json/events.worker.ts', import.meta.url), { type: 'module' });
    const send = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
    let settle: ((m: Awaited<WorkerRead['answer']>) => void) | undefined;
    let done = false;
    const reply = new Promise<Awaited<WorkerRead['answer']>>((resolve) => {
      settle = (m) => {
        done = true;
        resolve(m);
      };
    });
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.kind !== 'progress') return settle?.(e.data);
      latest = { events: e.data.events, bytes: e.data.bytes, totalBytes };
      for (const l of listeners) l(latest);
    };
    worker.onerror = (e) =>
      settle?.({ kind: 'error', message: `could not be read: ${e.message || 'the reader failed'}` });
    try {
      try {
        let next: Uint8Array | null = head.value;
        while (!done) {
          if (!next) {
            const { value, done: end } = await readWithin(reader);
            if (end) break;
            next = value;
          }
          const value = next;
          next = null;
          // A chunk that is a view into a larger buffer is copied (transferring would take the rest).
          const chunk =
            value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : value.slice();
          send({ kind: 'chunk', chunk }, [chunk.buffer]);
        }
      } catch (e) {
        return { kind: 'error' as const, message: (e as Error).message };
      } finally {
        if (done) void reader.cancel().catch(() => undefined);
      }
      send({ kind: 'end' });
      return await reply;
    } finally {
      worker.terminate();
    }
  })();
  return {
    answer,
    onProgress(listener) {
      listeners.add(listener);
      if (latest) listener(latest);
    },
  };
}
