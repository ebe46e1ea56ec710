/**
 * The events worker: reads an events file's bytes, posted chunk by chunk by the page, off the main
 * thread. JSON becomes columns as it arrives (read-events-json.ts) and the columns' buffers are
 * transferred back without a copy; Arrow bytes are gathered and handed back whole (the page reads
 * Arrow in well under a second at a million rows). Progress is posted every tenth of a second.
 */
import { isArrowBytes } from '../../shared/events-arrow.ts';
import type { JsonColumns } from './json-columns.ts';
import { DEFAULT_LIMITS, EventsJsonReader } from './read-events-json.ts';
import type { FromWorker, ToWorker } from './worker-messages.ts';

const scope = self as unknown as { postMessage(m: FromWorker, transfer: Transferable[]): void };
const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

let reader: EventsJsonReader | null = null;
let arrow: Uint8Array[] | null = null;
let arrowBytes = 0;
let lastProgress = 0;

function transferables(c: JsonColumns): Transferable[] {
  const buffers = new Set<ArrayBufferLike>();
  for (const v of [...Object.values(c), ...c.blocks]) if (ArrayBuffer.isView(v)) buffers.add(v.buffer);
  return [...buffers] as Transferable[];
}

function take(chunk: Uint8Array) {
  if (!reader && !arrow) {
    if (isArrowBytes(chunk)) arrow = [];
    else reader = new EventsJsonReader(DEFAULT_LIMITS);
  }
  if (arrow) {
    arrowBytes += chunk.length;
    if (arrowBytes > DEFAULT_LIMITS.maxBytes)
      throw new Error(`too large: more than ${DEFAULT_LIMITS.maxBytes} bytes`);
    arrow.push(chunk);
    return;
  }
  (reader as EventsJsonReader).push(chunk);
  const now = performance.now();
  if (now - lastProgress > 100) {
    lastProgress = now;
    post({ kind: 'progress', ...(reader as EventsJsonReader).progress });
  }
}

function finish() {
  if (arrow) {
    const all = new Uint8Array(arrowBytes);
    let at = 0;
    for (const c of arrow) {
      all.set(c, at);
      at += c.length;
    }
    post({ kind: 'arrow', bytes: all }, [all.buffer]);
    return;
  }
  if (!reader) throw new Error('empty');
  const columns = reader.finish();
  post({ kind: 'json', columns }, transferables(columns));
}

let failed = false;
self.onmessage = (e: MessageEvent<ToWorker>) => {
  if (failed) return;
  try {
    const m = e.data;
    if (m.kind === 'chunk') take(m.chunk);
    else finish();
  } catch (err) {
    failed = true;
    post({ kind: 'error', message: (err as Error).message });
  }
};
