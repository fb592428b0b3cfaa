/**
 * A small seeded generator (sfc32, seeded through splitmix32): 32-bit state words, no allocation
 * per draw, the same sequence in every JavaScript engine for a given seed.
 */
const TWO_32 = 0x1_0000_0000;
const TWO_53 = 2 ** 53;

/** splitmix32 step: spreads consecutive seeds to unrelated words. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Prng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number) {
    this.reseed(seed);
  }

  reseed(seed: number): void {
    const s = (seed >>> 0) ^ Math.floor(seed / TWO_32);
    this.a = mix32(s);
    this.b = mix32(this.a);
    this.c = mix32(this.b);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextU32(); // leave the seeding pattern behind
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** An integer in [0, n) for n ≤ 2^53 (53 random bits, scaled: the bias is below 2^-53·n). */
  nextBelow(n: number): number {
    const high = this.nextU32() >>> 11; // 21 bits
    const r = high * TWO_32 + this.nextU32();
    return Math.floor((r / TWO_53) * n);
  }
}
