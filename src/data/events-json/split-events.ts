/**
 * Splits an events file's bytes, chunk by chunk as they arrive, into the elements of its top-level
 * "events" array and the rest (the envelope). One pass over the bytes that tracks only strings and
 * nesting: no value is built here. The list's bytes are kept as they arrived (byte-store.ts: an event is
 * read back from its own bytes when someone opens it); complete elements are handed out in batches.
 */

import { ByteStore, concatBytes } from './byte-store.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const EVENTS_KEY = [0x65, 0x76, 0x65, 0x6e, 0x74, 0x73]; // events

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Bytes that matter inside an element: quotes and brackets (1); every other byte is 0. */
const MATTERS = new Uint8Array(256);
for (const b of [QUOTE, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET]) MATTERS[b] = 1;

/** Complete elements: each one's [start, end) in the store. */
export interface Batch {
  starts: number[];
  ends: number[];
}

export class EventsSplitter {
  /** The events array's bytes (elements with their separators), in arrival order. */
  readonly store = new ByteStore();
  private envelope: Uint8Array[] = [];
  private envelopeBytes = 0;
  private depth = 0;
  private inString = false;
  private escape = false;
  /** Where the current depth-1 string (a key, perhaps "events") started in the input, as matched so far. */
  private keyMatch = -1;
  private awaitingEventsValue = 0; // 0 no; 1 after the "events" key; 2 after its colon
  private inEvents = false;
  private sawEvents = false;
  private elementStart = -1;
  private starts: number[] = [];
  private ends: number[] = [];
  private offset = 0; // bytes seen before this chunk
  private started = false;
  private ended = false;
  /** Elements handed out so far. */
  counted = 0;

  constructor(private readonly limits: { maxEnvelopeBytes: number; maxStoreBytes: number }) {}

  /** Reads one chunk; returns the complete elements it finished (possibly none). */
  push(chunk: Uint8Array): Batch | null {
    let i = 0;
    while (i < chunk.length) i = this.inEvents ? this.scanEvents(chunk, i) : this.scanEnvelope(chunk, i);
    this.offset += chunk.length;
    return this.takeBatch();
  }

  /**
   * Past the end of a string that starts (or, from the last chunk, continues) at chunk[i]: the index
   * after its closing quote, or the chunk's length when it goes on.
   */
  private skipString(chunk: Uint8Array, i: number): number {
    if (this.escape) {
      this.escape = false;
      i += 1;
    }
    const n = chunk.length;
    for (; i < n; i++) {
      const b = chunk[i];
      if (b === BACKSLASH) {
        if (i + 1 === n) {
          this.escape = true;
          return n;
        }
        i += 1;
      } else if (b === QUOTE) {
        this.inString = false;
        return i + 1;
      }
    }
    return n;
  }

  /** Inside the events list: finds where elements start and end, until the list closes. */
  private scanEvents(chunk: Uint8Array, from: number): number {
    const n = chunk.length;
    let depth = this.depth;
    let i = from;
    const done = (at: number) => {
      this.depth = depth;
      this.append(chunk, from, at);
      return at;
    };
    if (this.inString) i = this.skipString(chunk, i);
    while (i < n) {
      if (depth > 2) {
        // Inside an element: only quotes and brackets count.
        while (i < n && MATTERS[chunk[i] as number] === 0) i += 1;
        if (i === n) break;
      }
      const b = chunk[i] as number;
      if (depth === 2) {
        if (b === COMMA || b === CLOSE_BRACKET) {
          if (this.elementStart >= 0) {
            this.starts.push(this.elementStart);
            this.ends.push(this.store.length + (i - from));
            this.elementStart = -1;
          } else if (b === COMMA || this.counted + this.starts.length > 0)
            throw new Error(this.at(i, 'not valid JSON: an empty element in "events"'));
          if (b === CLOSE_BRACKET) {
            done(i);
            this.inEvents = false;
            return i; // the envelope reads (and keeps) the closing bracket
          }
          i += 1;
          continue;
        }
        if (isSpace(b)) {
          i += 1;
          continue;
        }
        if (this.elementStart < 0) this.elementStart = this.store.length + (i - from);
      }
      if (b === QUOTE) {
        this.inString = true;
        i = this.skipString(chunk, i + 1);
        continue;
      }
      if (b === OPEN_BRACE || b === OPEN_BRACKET) depth += 1;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        depth -= 1;
        if (depth < 2) throw new Error(this.at(i, 'not valid JSON: it closes more brackets than it opens'));
      }
      i += 1;
    }
    return done(n);
  }

  /** Outside the events list (the envelope: small), byte by byte, looking for the "events" key. */
  private scanEnvelope(chunk: Uint8Array, from: number): number {
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      const b = chunk[i] as number;
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (b === BACKSLASH) {
          this.escape = true;
          this.keyMatch = -1;
        } else if (b === QUOTE) {
          this.inString = false;
          if (this.keyMatch === EVENTS_KEY.length) this.awaitingEventsValue = 1;
          this.keyMatch = -1;
        } else if (this.keyMatch >= 0)
          this.keyMatch = EVENTS_KEY[this.keyMatch] === b ? this.keyMatch + 1 : -1;
        continue;
      }
      if (isSpace(b)) continue;
      if (!this.started) {
        if (b !== OPEN_BRACE) throw new Error(this.at(i, 'not a JSON object'));
        this.started = true;
      } else if (this.ended) throw new Error(this.at(i, 'not valid JSON: it goes on after its object ends'));
      if (this.awaitingEventsValue === 1) {
        this.awaitingEventsValue = b === COLON ? 2 : 0;
        if (b === COLON) continue;
      } else if (this.awaitingEventsValue === 2) {
        this.awaitingEventsValue = 0;
        if (b !== OPEN_BRACKET) throw new Error(this.at(i, 'not an events file: its "events" is not a list'));
        if (this.sawEvents) throw new Error(this.at(i, 'not an events file: it has two "events" lists'));
        this.sawEvents = true;
        this.inEvents = true;
        this.depth = 2;
        this.keep(chunk, from, i + 1);
        return i + 1;
      }
      if (b === QUOTE) {
        this.inString = true;
        this.keyMatch = this.depth === 1 ? 0 : -1;
      } else if (b === OPEN_BRACE || b === OPEN_BRACKET) this.depth += 1;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        this.depth -= 1;
        if (this.depth < 0)
          throw new Error(this.at(i, 'not valid JSON: it closes more brackets than it opens'));
        if (this.depth === 0) this.ended = true;
      }
    }
    this.keep(chunk, from, n);
    return n;
  }

  /** The envelope (the file with its events list emptied), once every byte has been read. */
  finish(): string {
    if (!this.started) throw new Error('empty');
    if (!this.ended || this.inString)
      throw new Error(`cut short: it ends after ${this.offset} bytes, mid-value`);
    if (!this.sawEvents) throw new Error('not a Conflict Atlas events file: it has no "events" list');
    return new TextDecoder().decode(concatBytes(this.envelope, this.envelopeBytes));
  }

  private takeBatch(): Batch | null {
    if (this.starts.length === 0) return null;
    const batch = { starts: this.starts, ends: this.ends };
    this.counted += this.starts.length;
    this.starts = [];
    this.ends = [];
    return batch;
  }

  private keep(chunk: Uint8Array, from: number, to: number) {
    if (from < 0 || to <= from) return;
    this.envelopeBytes += to - from;
    if (this.envelopeBytes > this.limits.maxEnvelopeBytes)
      throw new Error(`too large: more than ${mb(this.limits.maxEnvelopeBytes)} outside its events list`);
    this.envelope.push(chunk.slice(from, to));
  }

  private append(chunk: Uint8Array, from: number, to: number) {
    if (to <= from) return;
    if (this.store.length + to - from > this.limits.maxStoreBytes)
      throw new Error(`too large: its events list passes ${mb(this.limits.maxStoreBytes)}`);
    this.store.append(chunk.subarray(from, to));
  }

  private at(i: number, what: string): string {
    return `${what} (at byte ${this.offset + i})`;
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
