/**
 * Free-text search over every row as an index: each row's searchable text (folded: lower case, no accents) (summary, place
 * name, actor names, loaded passages) is written once into a few large strings, and a query is one
 * `indexOf` walk over them instead of a test per row that reads the event back. Building reads every
 * event once, so for a large table it is done in slices of a few milliseconds between frames (the page
 * never freezes; a million rows take a few seconds once), and every later query costs a scan.
 */

/** Rows per block: a block is one string, searched by indexOf; its rows' starts place each hit. */
const BLOCK_ROWS = 4096;
/** Between rows: no query can match across two rows (queries are trimmed and have no NUL). */
const SEPARATOR = '\u0000';

export class SearchIndex {
  private blocks: string[] = [];
  /** Per block, each row's first character in the block's string (one more than rows: the end). */
  private starts: Uint32Array[] = [];
  private pending: string[] = [];
  private pendingStarts: number[] = [0];
  private pendingLength = 0;
  /** Rows written so far. */
  built = 0;

  constructor(
    readonly size: number,
    /** Row i's searchable text, folded. */
    private readonly textOf: (row: number) => string,
  ) {}

  get ready(): boolean {
    return this.built === this.size;
  }

  /** Writes rows until `budgetMs` has passed (Infinity: all); returns whether the index is complete. */
  build(budgetMs = Number.POSITIVE_INFINITY): boolean {
    const stop = performance.now() + budgetMs;
    while (this.built < this.size) {
      // The clock is read every 64 rows: a row costs microseconds.
      for (let k = 0; k < 64 && this.built < this.size; k++) this.add(this.textOf(this.built));
      if (performance.now() >= stop) break;
    }
    if (this.ready && this.pending.length) this.closeBlock();
    return this.ready;
  }

  private add(text: string) {
    this.built += 1;
    this.pending.push(text);
    this.pendingLength += text.length + 1;
    this.pendingStarts.push(this.pendingLength);
    if (this.pending.length === BLOCK_ROWS) this.closeBlock();
  }

  private closeBlock() {
    // Joined with a last empty row, so the block ends with the separator and is one flat string (a
    // concatenation would leave a rope that the first query flattens).
    this.pending.push('');
    this.blocks.push(this.pending.join(SEPARATOR));
    this.starts.push(Uint32Array.from(this.pendingStarts));
    this.pending = [];
    this.pendingStarts = [0];
    this.pendingLength = 0;
  }

  /** Per row, 1 when its text contains `q` (already trimmed and folded). */
  matches(q: string): Uint8Array {
    const scan = this.scan(q);
    scan.step();
    return scan.hits;
  }

  /** A scan for `q` that can be run in slices: `step(budgetMs)` goes on until the budget is spent and
   * says whether every block is done; `hits` is complete once it is. */
  scan(q: string): { hits: Uint8Array; step(budgetMs?: number): boolean } {
    if (!this.ready) throw new Error('the search index is not complete');
    const hits = new Uint8Array(this.size);
    let block = 0;
    return {
      hits,
      step: (budgetMs = Number.POSITIVE_INFINITY) => {
        const stop = performance.now() + budgetMs;
        while (block < this.blocks.length) {
          this.scanBlock(q, block++, hits);
          if (performance.now() >= stop) break;
        }
        return block === this.blocks.length;
      },
    };
  }

  private scanBlock(q: string, b: number, hit: Uint8Array) {
    const text = this.blocks[b] as string;
    const starts = this.starts[b] as Uint32Array;
    const first = b * BLOCK_ROWS;
    let at = text.indexOf(q);
    let row = 0;
    while (at >= 0) {
      // The row holding position `at`: hits come in order, so the rows are walked forward.
      while ((starts[row + 1] as number) <= at) row += 1;
      hit[first + row] = 1;
      // One hit a row is enough: go on from the next row.
      at = text.indexOf(q, starts[row + 1] as number);
    }
  }
}
