/**
 * Cache keys (the payloads are packed by payload-codec.ts). Keys are plain numbers ≤ 2^53: a page
 * number or an address prefix, with the page size (TLBs) or the level (paging-structure caches)
 * folded into the low bits so one array can hold several sizes / levels without false matches.
 */

import { pageShift } from '../paging';

/** Bits 56:32 of a linear address: with 4-level paging bits 56:48 copy bit 47, so they never alias. */
const LINEAR_HI_MASK = 0x1ff_ffff;

/**
 * Powers of two by exponent (0…63), and their inverses. Why tables: `2 ** n` with a variable n
 * compiles to a call to Math.pow returning a boxed number — an allocation on every key computed.
 * Multiplying by an exact power of two is exact, so `x * INV_POW2[n]` equals `x / 2 ** n`.
 */
export const POW2 = Float64Array.from({ length: 64 }, (_, n) => 2 ** n);
export const INV_POW2 = Float64Array.from({ length: 64 }, (_, n) => 2 ** -n);

/** Bytes of a page (or of the region a table entry maps) of `level` 1…5, by level. */
export const PAGE_BYTES = Float64Array.from({ length: 6 }, (_, level) =>
  level === 0 ? 0 : 2 ** pageShift(level),
);
/** Bytes of a page of `level`. */
export const pageBytes = (level: number): number => PAGE_BYTES[level]!;
/** Offset mask of a page of `level` 1…3, as integers (masking with a double would convert it each time). */
const PAGE_OFFSET_MASK = Int32Array.from({ length: 4 }, (_, level) =>
  level === 0 ? 0 : PAGE_BYTES[level]! - 1,
);

/** Linear-address bits 56:shift as a number (shift ≥ 12 → ≤ 2^45). */
export function linearBits(hi: number, lo: number, shift: number): number {
  const h = hi & LINEAR_HI_MASK;
  return shift >= 32 ? h >>> (shift - 32) : h * POW2[32 - shift]! + (lo >>> shift);
}

/** `addr` modulo a page of `level` (≤ 1 GiB: the low 32 bits hold it) — integer ops, not a float modulo. */
export const physOffset = (addr: number, level: number): number =>
  ((addr >>> 0) & PAGE_OFFSET_MASK[level]!) >>> 0;

/** Key = number · scale + code: TLB keys carry the page level (1…3), PWC keys the entry level (2…5). */
export const PAGE_KEY_SCALE = 4;
export const PREFIX_KEY_SCALE = 8;

/** TLB key: the page number with the page level (1…3) in the low two bits. */
export const pageKey = (pageNumber: number, level: number): number => pageNumber * 4 + level;
/** Paging-structure-cache key: the prefix that selects the entry at `level` (SDM §4.10.3.1), level in the low three bits. */
export const prefixKey = (prefix: number, level: number): number => prefix * 8 + level;
/** Linear prefix selecting a level-`level` entry: bits 56:(12 + 9·(level − 1)) — e.g. a PDE by bits 56:21. */
export const linearPrefix = (hi: number, lo: number, level: number): number =>
  linearBits(hi, lo, pageShift(level));

/** Offset of a linear address in a page of `level` (≤ 1 GiB: within the low half). */
export const linearOffset = (lo: number, level: number): number => (lo & PAGE_OFFSET_MASK[level]!) >>> 0;
