/**
 * A counting filter over the keys of one set-associative array: how many valid entries hash to
 * each bucket. An empty bucket proves a miss without scanning the ways — most lookups of a wide
 * structure (a 32-way PDE cache, a 12-way STLB) miss, and each would otherwise read every way.
 * Narrow sets are scanned as fast as a key is hashed: SetAssoc filters only from FILTER_MIN_WAYS.
 * Exact, not probabilistic: a non-empty bucket only means "scan as before".
 */

/** Sets at least this wide get a filter. */
export const FILTER_MIN_WAYS = 8;
/** Buckets per entry: few collisions, so a miss is nearly always proven by one read. */
const BUCKETS_PER_ENTRY = 4;
/** At most 2^16 buckets (256 KiB): beyond that, the filter itself would miss in the data cache. */
const MAX_BUCKET_BITS = 16;
const MIN_BUCKET_BITS = 6;

export class KeyFilter {
  /** Valid entries per bucket. */
  readonly counts: Int32Array;
  /** The bucket of each entry's key (−1: the entry is invalid). */
  readonly bucketOf: Int32Array;
  /** 32 − bucket bits: the hash's top bits pick the bucket. */
  readonly shift: number;

  constructor(entries: number) {
    let bits = MIN_BUCKET_BITS;
    while (bits < MAX_BUCKET_BITS && 1 << bits < entries * BUCKETS_PER_ENTRY) bits++;
    this.counts = new Int32Array(1 << bits);
    this.bucketOf = new Int32Array(entries).fill(-1);
    this.shift = 32 - bits;
  }

  /** The bucket of a key (its low 32 bits hold the level code and the low bits of its number). */
  bucket(key: number): number {
    return Math.imul(key >>> 0, 0x9e37_79b1) >>> this.shift;
  }

  /** Entry i now holds a key of `bucket` (any key it held before was removed). */
  add(i: number, bucket: number): void {
    this.bucketOf[i] = bucket;
    this.counts[bucket] = this.counts[bucket]! + 1;
  }

  /** Entry i no longer holds a valid key. */
  remove(i: number): void {
    const bucket = this.bucketOf[i]!;
    if (bucket < 0) return;
    this.counts[bucket] = this.counts[bucket]! - 1;
    this.bucketOf[i] = -1;
  }
}
