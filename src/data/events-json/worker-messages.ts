/** What the page and the events worker say to each other. */
import type { JsonColumns } from './json-columns.ts';

/** Read the events file at this (absolute) URL. */
export type ToWorker = { kind: 'read'; url: string };

export type FromWorker =
  | { kind: 'progress'; events: number; bytes: number; totalBytes?: number }
  /** An Arrow file, told by its first bytes: its bytes, read on the page (mostly views, no parse). */
  | { kind: 'arrow'; bytes: Uint8Array }
  | { kind: 'json'; columns: JsonColumns }
  /** The file was reached but refused (the message says why). */
  | { kind: 'error'; message: string }
  /** The file could not be fetched (the message says which and why). */
  | { kind: 'unreachable'; message: string };
