/** Codes for ids: each id's place in a list, an id not yet in it appended (to the list given). */
export class Codes {
  private readonly index: Map<string, number>;
  constructor(readonly ids: string[] = []) {
    this.index = new Map(ids.map((id, i) => [id, i]));
  }
  code(id: string): number {
    let c = this.index.get(id);
    if (c === undefined) {
      c = this.ids.length;
      this.ids.push(id);
      this.index.set(id, c);
    }
    return c;
  }
}
