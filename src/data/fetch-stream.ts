/**
 * Downloads that say what went wrong: a response that is not OK, a host that cannot be reached, a
 * response that stops sending for STALL_MS, a file past a size cap. Used by the events worker (which
 * reads the events file itself, off the page) and by the page for the smaller files.
 */
import { concatBytes } from './events-json/byte-store.ts';

export const STALL_MS = 30_000;

/** The largest Arrow events file read (a core file of 10^6 events is about 40 MB). */
export const MAX_ARROW_BYTES = 1536 * 2 ** 20;

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
export function readWithin(
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

/** The rest of a download after its first chunk, whole, up to `max` bytes; `onBytes` hears the total
 * so far after each chunk. */
export async function gather(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  first: Uint8Array,
  max = MAX_ARROW_BYTES,
  onBytes?: (total: number) => void,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  let next: ReadableStreamReadResult<Uint8Array> = { done: false, value: first };
  while (!next.done) {
    total += next.value.length;
    onBytes?.(total);
    if (total > max) {
      void reader.cancel().catch(() => undefined);
      throw new Error(`too large: more than ${max / 2 ** 20} MB`);
    }
    parts.push(next.value);
    next = await readWithin(reader);
  }
  return concatBytes(parts, total);
}

/** A whole file, with the stall timeout and size cap of `gather`: an empty body is empty bytes. */
export async function fetchCapped(url: string, what: string, max = MAX_ARROW_BYTES): Promise<Uint8Array> {
  const res = await fetchOk(url, what);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  try {
    const head = await readWithin(reader);
    return head.done ? new Uint8Array(0) : await gather(reader, head.value, max);
  } catch (e) {
    void reader.cancel().catch(() => undefined);
    throw new Error(`Could not load ${what} (${url}): ${(e as Error).message}.`);
  }
}
