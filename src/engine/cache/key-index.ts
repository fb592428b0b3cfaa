/**
 * An exact index over the keys of one set-associative array: for each hash bucket, how many valid
 * entries have a key in it and the XOR of their indices. No entry in the bucket proves a miss; one
 * entry is the only candidate (the XOR is its index); only a bucket shared by several entries
 * needs the ways scanned. A lookup then reads one or two entries instead of every way — most
 * lookups of a 32-way paging-structure cache or a 12-way STLB would otherwise read all of them.
 */

/** `candidate`: no valid entry has a key in this bucket. */
export const NO_CANDIDATE = -1;
/** `candidate`: several do — scan the set. */
export const MANY_CANDIDATES = -2;

/** Buckets per entry: few shared buckets, so a scan is rare. */
const BUCKETS_PER_ENTRY = 4;
/** At most 2^16 buckets (2 × 256 KiB): beyond that the index itself would miss in the data cache. */
const MAX_BUCKET_BITS = 16;
const MIN_BUCKET_BITS = 4;

export class KeyIndex {
  /** Valid entries per bucket. */
  private readonly counts: Int32Array;
  /** XOR of the indices of the valid entries in each bucket. */
  private readonly indexXor: Int32Array;
  /** The bucket of each entry's key (−1: the entry is invalid). */
  private readonly bucketOf: Int32Array;
  /** 32 − bucket bits: the hash's top bits pick the bucket. */
  private readonly shift: number;

  constructor(entries: number) {
    let bits = MIN_BUCKET_BITS;
    while (bits < MAX_BUCKET_BITS && 1 << bits < entries * BUCKETS_PER_ENTRY) bits++;
    this.counts = new Int32Array(1 << bits);
    this.indexXor = new Int32Array(1 << bits);
    this.bucketOf = new Int32Array(entries).fill(-1);
    this.shift = 32 - bits;
  }

  /**
   * The only valid entry whose key shares the bucket of the key with low 32 bits `keyLo`,
   * NO_CANDIDATE, or MANY_CANDIDATES. The low bits hold the level code and the low bits of the
   * number: enough to spread keys. An int32 argument, never a key above 2^31 that would be boxed.
   */
  candidate(keyLo: number): number {
    const bucket = this.bucket(keyLo);
    const count = this.counts[bucket]!;
    if (count === 1) return this.indexXor[bucket]!;
    return count === 0 ? NO_CANDIDATE : MANY_CANDIDATES;
  }

  /** The bucket of the key with low 32 bits `keyLo`. */
  bucket(keyLo: number): number {
    return Math.imul(keyLo, 0x9e37_79b1) >>> this.shift;
  }

  /** Entry i now holds a key of `bucket` (whatever it held before was removed). */
  add(i: number, bucket: number): void {
    this.bucketOf[i] = bucket;
    this.counts[bucket] = this.counts[bucket]! + 1;
    this.indexXor[bucket] = this.indexXor[bucket]! ^ i;
  }

  /** Entry i no longer holds a valid key. */
  remove(i: number): void {
    const bucket = this.bucketOf[i]!;
    if (bucket < 0) return;
    this.counts[bucket] = this.counts[bucket]! - 1;
    this.indexXor[bucket] = this.indexXor[bucket]! ^ i;
    this.bucketOf[i] = -1;
  }
}
