/**
 * The events list's bytes as the chunks they arrived in (no copy, no growing buffer): byte positions
 * run on across chunks, and a range is a view into its chunk, or a copy when it spans two (about one
 * element per chunk). Passed from the worker to the page as the chunks' buffers.
 */
export class ByteStore {
  length = 0;
  constructor(
    readonly blocks: Uint8Array[] = [],
    /** Position of each block's first byte. */
    readonly starts: number[] = [],
  ) {
    const last = blocks.length - 1;
    if (last >= 0) this.length = (starts[last] as number) + (blocks[last] as Uint8Array).length;
  }

  append(bytes: Uint8Array) {
    if (bytes.length === 0) return;
    this.blocks.push(bytes);
    this.starts.push(this.length);
    this.length += bytes.length;
  }

  /** The block holding position `at`. */
  blockOf(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Where block b ends. */
  endOf(b: number): number {
    return (this.starts[b] as number) + (this.blocks[b] as Uint8Array).length;
  }

  /** Bytes [from, to): a view when they lie in one block. */
  bytes(from: number, to: number): Uint8Array {
    let b = this.blockOf(from);
    const first = this.blocks[b] as Uint8Array;
    const offset = from - (this.starts[b] as number);
    if (to <= this.endOf(b)) return first.subarray(offset, offset + to - from);
    const out = new Uint8Array(to - from);
    let at = 0;
    let pos = from;
    while (pos < to) {
      const block = this.blocks[b] as Uint8Array;
      const local = pos - (this.starts[b] as number);
      const take = Math.min(block.length - local, to - pos);
      out.set(block.subarray(local, local + take), at);
      at += take;
      pos += take;
      b += 1;
    }
    return out;
  }
}

/** Parts (of `total` bytes together) as one array. */
export function concatBytes(
  parts: Uint8Array[],
  total = parts.reduce((n, p) => n + p.length, 0),
): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
