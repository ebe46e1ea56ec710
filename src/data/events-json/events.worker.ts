/**
 * The events worker: reads an events.json file's bytes, posted chunk by chunk by the page, off the main
 * thread. JSON becomes columns as it arrives (read-events-json.ts) and the columns' buffers are
 * transferred back without a copy. Progress is posted every tenth of a second. (Arrow files are read on
 * the page: see read-in-worker.ts.)
 */
import type { JsonColumns } from './json-columns.ts';
import { DEFAULT_LIMITS, EventsJsonReader } from './read-events-json.ts';
import type { FromWorker, ToWorker } from './worker-messages.ts';

const scope = self as unknown as { postMessage(m: FromWorker, transfer: Transferable[]): void };
const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

const reader = new EventsJsonReader(DEFAULT_LIMITS);
let lastProgress = 0;
let failed = false;

function transferables(c: JsonColumns): Transferable[] {
  const buffers = new Set<ArrayBufferLike>();
  for (const v of [...Object.values(c), ...c.blocks]) if (ArrayBuffer.isView(v)) buffers.add(v.buffer);
  return [...buffers] as Transferable[];
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  if (failed) return;
  try {
    if (e.data.kind === 'chunk') {
      reader.push(e.data.chunk);
      const now = performance.now();
      if (now - lastProgress > 100) {
        lastProgress = now;
        post({ kind: 'progress', ...reader.progress });
      }
    } else {
      const columns = reader.finish();
      post({ kind: 'json', columns }, transferables(columns));
    }
  } catch (err) {
    failed = true;
    post({ kind: 'error', message: (err as Error).message });
  }
};
