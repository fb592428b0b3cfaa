import type { EnumerableMemory } from './physical-memory';

const EMPTY = 0xffff_ffff; // no word index has a high half this large (addresses are ≤ 52 bits)
const TWO_32 = 0x1_0000_0000;

/**
 * Sparse physical memory: an open-addressing hash table over typed arrays, keyed by word index.
 * Why not a Map: addresses above 2^31 are not small integers, and a Map lookup would box them —
 * an allocation per memory reference on the hot path.
 */
export class SparseMemory implements EnumerableMemory {
  lo = 0;
  hi = 0;
  private keyHi: Uint32Array;
  private keyLo: Uint32Array;
  private valLo: Uint32Array;
  private valHi: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keyHi = new Uint32Array(capacity).fill(EMPTY);
    this.keyLo = new Uint32Array(capacity);
    this.valLo = new Uint32Array(capacity);
    this.valHi = new Uint32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Slot of the word at `addr`, or the empty slot where it would go. */
  private slot(addr: number): number {
    const index = addr / 8;
    const kHi = (index / TWO_32) >>> 0;
    const kLo = index >>> 0;
    let s = (Math.imul(kLo ^ Math.imul(kHi, 0x27d4eb2d), 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const h = this.keyHi[s]!;
      if (h === EMPTY || (h === kHi && this.keyLo[s] === kLo)) return s;
      s = (s + 1) & this.mask;
    }
  }

  load(addr: number): void {
    const s = this.slot(addr);
    if (this.keyHi[s] === EMPTY) {
      this.lo = 0;
      this.hi = 0;
    } else {
      this.lo = this.valLo[s]!;
      this.hi = this.valHi[s]!;
    }
  }

  has(addr: number): boolean {
    return this.keyHi[this.slot(addr)] !== EMPTY;
  }

  store(addr: number, lo: number, hi: number): void {
    let s = this.slot(addr);
    if (this.keyHi[s] === EMPTY) {
      if ((this.count + 1) * 2 > this.mask + 1) {
        this.grow();
        s = this.slot(addr);
      }
      const index = addr / 8;
      this.keyHi[s] = (index / TWO_32) >>> 0;
      this.keyLo[s] = index >>> 0;
      this.count++;
    }
    this.valLo[s] = lo >>> 0;
    this.valHi[s] = hi >>> 0;
  }

  forEachWord(visit: (addr: number, lo: number, hi: number) => void): void {
    const slots: number[] = [];
    for (let s = 0; s <= this.mask; s++) if (this.keyHi[s] !== EMPTY) slots.push(s);
    const addrOf = (s: number) => (this.keyHi[s]! * TWO_32 + this.keyLo[s]!) * 8;
    slots.sort((a, b) => addrOf(a) - addrOf(b));
    for (const s of slots) visit(addrOf(s), this.valLo[s]!, this.valHi[s]!);
  }

  clone(): SparseMemory {
    const copy = new SparseMemory(this.count + 1);
    this.forEachWord((addr, lo, hi) => copy.store(addr, lo, hi));
    return copy;
  }

  private grow(): void {
    const { keyHi, keyLo, valLo, valHi } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.keyHi = new Uint32Array(capacity).fill(EMPTY);
    this.keyLo = new Uint32Array(capacity);
    this.valLo = new Uint32Array(capacity);
    this.valHi = new Uint32Array(capacity);
    for (let s = 0; s < keyHi.length; s++) {
      if (keyHi[s] === EMPTY) continue;
      let t = (Math.imul(keyLo[s]! ^ Math.imul(keyHi[s]!, 0x27d4eb2d), 0x9e3779b1) >>> 0) & this.mask;
      while (this.keyHi[t] !== EMPTY) t = (t + 1) & this.mask;
      this.keyHi[t] = keyHi[s]!;
      this.keyLo[t] = keyLo[s]!;
      this.valLo[t] = valLo[s]!;
      this.valHi[t] = valHi[s]!;
    }
  }
}
