/**
 * An events file's response, read in the events worker (events-json/events.worker.ts): the page only
 * passes the bytes along as they arrive, so parsing a large JSON file never blocks the map or the
 * controls. A response that stops sending for STALL_MS is abandoned with a message, and so is a file
 * the worker refuses (too large, not JSON, not the contract); the worker is gone once the table is made.
 */
import type { LoadedTable } from './event-table.ts';
import type { FromWorker, ToWorker } from './events-json/worker-messages.ts';
import { tableFromArrow } from './table-from-arrow.ts';
import { tableFromColumns } from './table-from-columns.ts';

export const STALL_MS = 30_000;

export interface LoadProgress {
  events: number;
  bytes: number;
  /** The file's size, when the server says it (not for a compressed transfer). */
  totalBytes?: number;
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

export async function loadEventsResponse(
  res: Response,
  onProgress?: (p: LoadProgress) => void,
): Promise<LoadedTable> {
  const compressed = Boolean(res.headers.get('content-encoding'));
  const length = Number(res.headers.get('content-length')) || undefined;
  const totalBytes = compressed ? undefined : length;
  const worker = new Worker(new URL('./events-json/events.worker.ts', import.meta.url), { type: 'module' });
  const send = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  let settle: ((m: FromWorker) => void) | undefined;
  const answer = new Promise<FromWorker>((resolve) => {
    settle = resolve;
  });
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    if (e.data.kind === 'progress') onProgress?.({ events: e.data.events, bytes: e.data.bytes, totalBytes });
    else settle?.(e.data);
  };
  worker.onerror = (e) =>
    settle?.({ kind: 'error', message: `could not be read: ${e.message || 'the reader failed'}` });
  let done = false;
  void answer.then(() => {
    done = true;
  });
  try {
    send({ kind: 'start', sizeHint: totalBytes });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    try {
      while (!done) {
        const { value, done: end } = await readWithin(reader);
        if (end) break;
        // A chunk that is a view into a larger buffer is copied (transferring would take the rest).
        const chunk =
          value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : value.slice();
        send({ kind: 'chunk', chunk }, [chunk.buffer]);
      }
    } finally {
      if (done) void reader.cancel().catch(() => undefined);
    }
    send({ kind: 'end' });
    const m = await answer;
    if (m.kind === 'error') throw new Error(m.message);
    if (m.kind === 'arrow') return tableFromArrow(m.bytes);
    if (m.kind === 'json') return tableFromColumns(m.columns);
    throw new Error('could not be read');
  } finally {
    worker.terminate();
  }
}
