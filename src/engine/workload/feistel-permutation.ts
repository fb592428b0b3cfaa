/**
 * A pseudorandom permutation of [0, n) computed per element, never stored: a 4-round Feistel
 * network over k bits (2^k ≥ n, halves of ⌊k/2⌋ and ⌈k/2⌉ bits that swap roles every round), with
 * cycle-walking — re-applying it until the value lands in [0, n), which stays a permutation of
 * [0, n) and takes fewer than two rounds on average since 2^k < 2n.
 */
import { mix32 } from './prng';

export class FeistelPermutation {
  readonly size: number;
  // Half widths: `a` = ⌊k/2⌋, `b` = k − a. Rounds alternate (low a bits | high b bits) and the reverse.
  private readonly spanA: number;
  private readonly spanB: number;
  private readonly k0: number;
  private readonly k1: number;
  private readonly k2: number;
  private readonly k3: number;
  /** Half widths in bits, and whether 2^k fits in 31 bits: then every round runs on int32 operations. */
  private readonly bitsA: number;
  private readonly bitsB: number;
  private readonly small: boolean;

  constructor(size: number, seed: number) {
    if (!Number.isSafeInteger(size) || size < 1)
      throw new Error(`permutation size must be a positive integer, got ${size}`);
    if (size > 2 ** 52) throw new Error('permutation size above 2^52');
    this.size = size;
    let bits = 2;
    while (2 ** bits < size) bits++;
    this.bitsA = bits >>> 1;
    this.bitsB = bits - this.bitsA;
    this.spanA = 2 ** this.bitsA;
    this.spanB = 2 ** this.bitsB;
    this.small = bits <= 31;
    const s = seed >>> 0;
    this.k0 = mix32(s) | 0;
    this.k1 = mix32(this.k0 + 1) | 0;
    this.k2 = mix32(this.k1 + 2) | 0;
    this.k3 = mix32(this.k2 + 3) | 0;
  }

  /** The image of x (0 ≤ x < size). */
  apply(x: number): number {
    if (this.small) {
      let y = this.smallNetwork(x);
      while (y >= this.size) y = this.smallNetwork(y);
      return y;
    }
    let y = this.network(x);
    while (y >= this.size) y = this.network(y);
    return y;
  }

  /**
   * The same 4 rounds by shifts and masks, for 2^k ≤ 2^31 (a 64 GiB heap of 64-byte objects is
   * 2^30): a float division per round was most of the cost of a step of the chase.
   */
  private smallNetwork(x: number): number {
    const { bitsA, bitsB } = this;
    x = smallRound(x, bitsA, bitsB, this.k0);
    x = smallRound(x, bitsB, bitsA, this.k1);
    x = smallRound(x, bitsA, bitsB, this.k2);
    return smallRound(x, bitsB, bitsA, this.k3);
  }

  /** One pass of the 4 rounds over [0, 2^bits): a bijection. */
  private network(x: number): number {
    const { spanA, spanB } = this;
    // Round: split x into (high, low) with a low part of `lowSpan`; result = low·highSpan + (high ⊕ F(low)).
    x = feistelRound(x, spanA, spanB, this.k0);
    x = feistelRound(x, spanB, spanA, this.k1);
    x = feistelRound(x, spanA, spanB, this.k2);
    return feistelRound(x, spanB, spanA, this.k3);
  }
}

/** feistelRound for x < 2^31: identical results with int32 operations. */
function smallRound(x: number, lowBits: number, highBits: number, key: number): number {
  const high = x >>> lowBits;
  const low = x & ((1 << lowBits) - 1);
  let h = Math.imul(low ^ key, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (low << highBits) | (high ^ (h & ((1 << highBits) - 1)));
}

function feistelRound(x: number, lowSpan: number, highSpan: number, key: number): number {
  const high = Math.floor(x / lowSpan);
  const low = x - high * lowSpan;
  let h = Math.imul(low ^ key, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  // highSpan is a power of two ≤ 2^26, so the mask keeps the value a small non-negative integer.
  return low * highSpan + ((high ^ (h & (highSpan - 1))) >>> 0);
}
