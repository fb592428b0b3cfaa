import type { EnumerableMemory } from './physical-memory';

const EMPTY = 0xffff_ffff; // no word index has a high half this large (addresses are ≤ 52 bits)
const TWO_32 = 0x1_0000_0000;
/** Each slot holds four 32-bit words side by side: key high, key low, value low, value high. */
const STRIDE = 4;

const INV_TWO_32 = 1 / TWO_32;

/** Consecutive words that share a home: four slots of 16 bytes, one cache line. */
const GROUP_BITS = 2;
const GROUP_MASK = (1 << GROUP_BITS) - 1;

/**
 * Sparse physical memory: an open-addressing hash table over one typed array, keyed by word index.
 * Why not a Map: addresses above 2^31 are not small integers, and a Map lookup would box them —
 * an allocation per memory reference on the hot path. Why one array: a lookup touches one cache
 * line instead of four, which is most of the cost of a walk over a large table set.
 */
export class SparseMemory implements EnumerableMemory {
  lo = 0;
  hi = 0;
  private slots: Uint32Array;
  private mask: number;
  /** 32 − log2(groups): the hash's top bits pick a group. */
  private groupShift: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.groupShift = SparseMemory.groupShiftOf(capacity);
    this.slots = SparseMemory.emptySlots(capacity);
  }

  private static groupShiftOf(capacity: number): number {
    return 32 - (Math.log2(capacity) - GROUP_BITS);
  }

  /**
   * Home slot of a word index: its group of four consecutive words hashed (multiplicative, the
   * product's top bits), plus its place in the group. Neighbouring entries of a table — most of an
   * upper level, the EPT entries mapping the guest's own table frames — then share cache lines,
   * which is what a walk over a large table set mostly waits for.
   */
  private homeSlot(kHi: number, kLo: number): number {
    const groupLo = (kLo >>> GROUP_BITS) | (kHi << (32 - GROUP_BITS));
    const group =
      Math.imul(groupLo ^ Math.imul(kHi >>> GROUP_BITS, 0x27d4eb2d), 0x9e3779b1) >>> this.groupShift;
    return (group << GROUP_BITS) | (kLo & GROUP_MASK);
  }

  get size(): number {
    return this.count;
  }

  private static emptySlots(capacity: number): Uint32Array {
    const slots = new Uint32Array(capacity * STRIDE);
    for (let i = 0; i < slots.length; i += STRIDE) slots[i] = EMPTY;
    return slots;
  }

  /**
   * Offset (in words) of the slot holding the word at hi · 2^32 + lo, or of the empty slot where it
   * would go. Address halves, not a double: the word index comes from shifts, with no conversion.
   */
  private find(hi: number, lo: number): number {
    const kHi = hi >>> 3;
    const kLo = ((lo >>> 3) | (hi << 29)) >>> 0;
    const slots = this.slots;
    let s = this.homeSlot(kHi, kLo);
    for (;;) {
      const at = s * STRIDE;
      const h = slots[at]!;
      if (h === EMPTY || (h === kHi && slots[at + 1] === kLo)) return at;
      s = (s + 1) & this.mask;
    }
  }

  load(addr: number): void {
    this.loadWord((addr * INV_TWO_32) >>> 0, addr >>> 0);
  }

  loadWord(hi: number, lo: number): void {
    const at = this.find(hi, lo);
    const slots = this.slots;
    if (slots[at] === EMPTY) {
      this.lo = 0;
      this.hi = 0;
    } else {
      this.lo = slots[at + 2]!;
      this.hi = slots[at + 3]!;
    }
  }

  has(addr: number): boolean {
    return this.slots[this.find((addr * INV_TWO_32) >>> 0, addr >>> 0)] !== EMPTY;
  }

  store(addr: number, lo: number, hi: number): void {
    const aHi = (addr * INV_TWO_32) >>> 0;
    const aLo = addr >>> 0;
    let at = this.find(aHi, aLo);
    if (this.slots[at] === EMPTY) {
      if ((this.count + 1) * 2 > this.mask + 1) {
        this.grow();
        at = this.find(aHi, aLo);
      }
      this.slots[at] = aHi >>> 3;
      this.slots[at + 1] = ((aLo >>> 3) | (aHi << 29)) >>> 0;
      this.count++;
    }
    this.slots[at + 2] = lo >>> 0;
    this.slots[at + 3] = hi >>> 0;
  }

  forEachWord(visit: (addr: number, lo: number, hi: number) => void): void {
    const slots = this.slots;
    const used: number[] = [];
    for (let at = 0; at < slots.length; at += STRIDE) if (slots[at] !== EMPTY) used.push(at);
    const addrOf = (at: number) => (slots[at]! * TWO_32 + slots[at + 1]!) * 8;
    used.sort((a, b) => addrOf(a) - addrOf(b));
    for (const at of used) visit(addrOf(at), slots[at + 2]!, slots[at + 3]!);
  }

  clone(): SparseMemory {
    const copy = new SparseMemory(this.count + 1);
    this.forEachWord((addr, lo, hi) => copy.store(addr, lo, hi));
    return copy;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.groupShift = SparseMemory.groupShiftOf(capacity);
    const slots = SparseMemory.emptySlots(capacity);
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at] === EMPTY) continue;
      let s = this.homeSlot(old[at]!, old[at + 1]!);
      while (slots[s * STRIDE] !== EMPTY) s = (s + 1) & this.mask;
      slots.set(old.subarray(at, at + STRIDE), s * STRIDE);
    }
    this.slots = slots;
  }
}
