/**
 * Physical memory as the walkers see it: 8-byte little-endian words.
 * `load` leaves the word in `lo`/`hi` instead of returning an object, so a walk allocates nothing.
 */
export interface PhysicalMemory {
  /** Loads the 8-byte word at `addr` (8-byte aligned) into `lo` and `hi`. Unlisted memory reads as 0. */
  load(addr: number): void;
  /** The same for the address hi · 2^32 + lo (unsigned 32-bit halves): walkers keep table addresses so. */
  loadWord(hi: number, lo: number): void;
  /** Low and high 32 bits (unsigned) of the word last loaded. */
  lo: number;
  hi: number;
  /** Stores a word (used for A/D updates and by builders). */
  store(addr: number, lo: number, hi: number): void;
}

/** A memory whose words can be listed (for snapshots and the trace's `memory`). */
export interface EnumerableMemory extends PhysicalMemory {
  /** Calls `visit` for every word ever stored or given, in ascending address order. */
  forEachWord(visit: (addr: number, lo: number, hi: number) => void): void;
  /** Whether the word at `addr` has been stored (zero-valued words included). */
  has(addr: number): boolean;
  clone(): EnumerableMemory;
}
