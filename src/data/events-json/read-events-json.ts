/**
 * An events.json file, read as its bytes arrive: split into elements (split-events.ts), parsed a batch
 * at a time, checked and put into columns (json-columns.ts). No array of event objects is ever built:
 * each batch's objects are garbage as soon as their values are in the columns. Runs in the events
 * worker (events.worker.ts); tests call it directly.
 */
import { z } from 'zod';
import { type Envelope, eventsFileSchema, SCHEMA_VERSION } from '../../shared/schema.ts';
import { ColumnsBuilder, type JsonColumns } from './json-columns.ts';
import { type Batch, EventsSplitter } from './split-events.ts';

export interface ReadLimits {
  /** Largest events list, in bytes (the list's bytes are kept: an event is read back from them). */
  maxBytes: number;
  /** Largest remainder (dictionaries, articles). */
  maxEnvelopeBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 1536 * 2 ** 20, maxEnvelopeBytes: 64 * 2 ** 20 };

export interface Progress {
  events: number;
  bytes: number;
}

const envelopeSchema = eventsFileSchema.extend({ events: z.array(z.unknown()).length(0) });

/** The envelope from its text, validated; throws with the first problems. */
function readEnvelope(text: string): Envelope {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `not a Conflict Atlas events file (schemaVersion ${SCHEMA_VERSION}): ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}`,
    );
  const { events: _events, ...meta } = parsed.data;
  return meta;
}

export class EventsJsonReader {
  private splitter: EventsSplitter;
  private builder = new ColumnsBuilder();
  private decoder = new TextDecoder();
  bytes = 0;

  constructor(limits: ReadLimits = DEFAULT_LIMITS) {
    this.splitter = new EventsSplitter({
      maxStoreBytes: limits.maxBytes,
      maxEnvelopeBytes: limits.maxEnvelopeBytes,
    });
  }

  get progress(): Progress {
    return { events: this.builder.read, bytes: this.bytes };
  }

  push(chunk: Uint8Array) {
    this.bytes += chunk.length;
    const batch = this.splitter.push(chunk);
    if (batch) this.parse(batch);
  }

  finish(): JsonColumns {
    const meta = readEnvelope(this.splitter.finish());
    return this.builder.finish(meta, this.splitter.store);
  }

  /**
   * A batch, run by run: the elements that lie in one chunk are parsed as one JSON array (the engine's
   * parser, at full speed, over a view of the chunk); an element split across chunks is parsed alone.
   * If a run fails, element by element, so one malformed event is reported and the others kept.
   */
  private parse({ starts, ends }: Batch) {
    const store = this.splitter.store;
    let k = 0;
    while (k < starts.length) {
      const block = store.blockOf(starts[k] as number);
      const blockEnd = store.endOf(block);
      let last = k;
      while (last + 1 < starts.length && (ends[last + 1] as number) <= blockEnd) last += 1;
      let values: unknown[] | null = null;
      try {
        const text = this.decoder.decode(store.bytes(starts[k] as number, ends[last] as number));
        values = JSON.parse(`[${text}]`) as unknown[];
      } catch {
        values = null;
      }
      for (let e = k; e <= last; e++) {
        const start = starts[e] as number;
        const end = ends[e] as number;
        if (values) {
          this.builder.add(values[e - k], start, end);
          continue;
        }
        let value: unknown;
        try {
          value = JSON.parse(this.decoder.decode(store.bytes(start, end)));
        } catch (err) {
          this.builder.skip({ path: '', message: `not valid JSON: ${(err as Error).message}` });
          continue;
        }
        this.builder.add(value, start, end);
      }
      k = last + 1;
    }
  }
}
