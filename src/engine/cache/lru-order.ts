/**
 * The recency order of each set's valid entries as a doubly linked list (most recent first), so
 * LRU replacement takes the tail instead of scanning every way's age — a 32-way paging-structure
 * cache is filled several times per walk. Entry indices are those of the SetAssoc (set · ways + way).
 */

const NONE = -1;

export class LruOrder {
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;

  constructor(entries: number, sets: number) {
    this.next = new Int32Array(entries).fill(NONE);
    this.prev = new Int32Array(entries).fill(NONE);
    this.head = new Int32Array(sets).fill(NONE);
    this.tail = new Int32Array(sets).fill(NONE);
  }

  /** The most recently used entry of `set` (−1: none). */
  mostRecent(set: number): number {
    return this.head[set]!;
  }

  /** The least recently used entry of `set` (a set with no valid entry has none: −1). */
  oldest(set: number): number {
    return this.tail[set]!;
  }

  /** Entry i of `set` was just used: it moves (or, newly valid, is added) to the front. */
  use(set: number, i: number): void {
    const head = this.head[set]!;
    if (head === i) return;
    if (this.prev[i] !== NONE) this.unlink(set, i); // in the order, not at its head
    this.prev[i] = NONE;
    this.next[i] = head;
    if (head !== NONE) this.prev[head] = i;
    else this.tail[set] = i;
    this.head[set] = i;
  }

  /** How many entries of `set` were used more recently than entry i (in the order). */
  rank(set: number, i: number): number {
    let rank = 0;
    for (let j = this.head[set]!; j !== i && j !== NONE; j = this.next[j]!) rank++;
    return rank;
  }

  /** Entry i of `set` became invalid: it leaves the order. */
  remove(set: number, i: number): void {
    if (this.head[set] === i || this.prev[i] !== NONE) this.unlink(set, i);
  }

  private unlink(set: number, i: number): void {
    const p = this.prev[i]!;
    const n = this.next[i]!;
    if (p !== NONE) this.next[p] = n;
    else this.head[set] = n;
    if (n !== NONE) this.prev[n] = p;
    else this.tail[set] = p;
    this.prev[i] = NONE;
    this.next[i] = NONE;
  }
}
