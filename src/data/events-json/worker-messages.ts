/** What the page and the events worker say to each other. */
import type { JsonColumns } from './json-columns.ts';

export type ToWorker = { kind: 'chunk'; chunk: Uint8Array } | { kind: 'end' };

export type FromWorker =
  | { kind: 'progress'; events: number; bytes: number }
  | { kind: 'json'; columns: JsonColumns }
  | { kind: 'error'; message: string };
