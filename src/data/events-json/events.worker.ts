/**
 * The events worker: downloads an events file and reads it, off the main thread, while the page loads
 * the app. JSON becomes columns as its bytes arrive (read-events-json.ts) and the columns' buffers are
 * transferred to the page without a copy; an Arrow file (told by its first bytes) is gathered whole
 * and its bytes transferred (the page reads it: mostly views, no parse). Progress is posted at most
 * every tenth of a second while bytes arrive: the page stops a worker that stays silent
 * (read-in-worker.ts).
 */

import { arrowLayoutProblem } from '../../shared/arrow-ipc-check.ts';
import { isArrowBytes } from '../../shared/arrow-magic.ts';
import { fetchOk, gather, readWithin } from '../fetch-stream.ts';
import type { JsonColumns } from './json-columns.ts';
import { DEFAULT_LIMITS, EventsJsonReader } from './read-events-json.ts';
import type { FromWorker, ToWorker } from './worker-messages.ts';

const scope = self as unknown as { postMessage(m: FromWorker, transfer: Transferable[]): void };
const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

function transferables(c: JsonColumns): Transferable[] {
  const buffers = new Set<ArrayBufferLike>();
  for (const v of [...Object.values(c), ...c.blocks]) if (ArrayBuffer.isView(v)) buffers.add(v.buffer);
  return [...buffers] as Transferable[];
}

async function read(url: string): Promise<void> {
  let res: Response;
  try {
    res = await fetchOk(url, 'the events file');
  } catch (e) {
    return post({ kind: 'unreachable', message: (e as Error).message });
  }
  const compressed = Boolean(res.headers.get('content-encoding'));
  const totalBytes = compressed ? undefined : Number(res.headers.get('content-length')) || undefined;
  const stream = (res.body as ReadableStream<Uint8Array>).getReader();
  try {
    const head = await readWithin(stream);
    if (head.done) throw new Error('empty');
    let lastProgress = 0;
    const progress = (events: number, bytes: number) => {
      const now = performance.now();
      if (now - lastProgress <= 100) return;
      lastProgress = now;
      post({ kind: 'progress', events, bytes, totalBytes });
    };
    if (isArrowBytes(head.value)) {
      const bytes = await gather(stream, head.value, undefined, (n) => progress(0, n));
      // Its layout is checked here first, under the page's watch (a damaged footer is refused before
      // the page meets it); the page checks it again (cheap) as it does every Arrow file.
      const layout = arrowLayoutProblem(bytes);
      if (layout) return post({ kind: 'error', message: `not a readable Arrow file (${layout})` });
      return post({ kind: 'arrow', bytes }, [bytes.buffer]);
    }
    const reader = new EventsJsonReader(DEFAULT_LIMITS);
    let next: ReadableStreamReadResult<Uint8Array> = head;
    while (!next.done) {
      reader.push(next.value);
      progress(reader.progress.events, reader.progress.bytes);
      next = await readWithin(stream);
    }
    const columns = reader.finish();
    post({ kind: 'json', columns }, transferables(columns));
  } catch (err) {
    void stream.cancel().catch(() => undefined);
    post({ kind: 'error', message: (err as Error).message });
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  void read(e.data.url);
};
