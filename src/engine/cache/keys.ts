/**
 * Cache keys and payload flag layouts. Keys are plain numbers ≤ 2^53: a page number or an address
 * prefix, with the page size (TLBs) or the level (paging-structure caches) folded into the low
 * bits so one array can hold several sizes / levels without false matches.
 */

const TWO_32 = 0x1_0000_0000;
/** Bits 56:32 of a linear address: with 4-level paging bits 56:48 copy bit 47, so they never alias. */
const LINEAR_HI_MASK = 0x1ff_ffff;

/**
 * Powers of two by exponent (0…63), and their inverses. Why tables: `2 ** n` with a variable n
 * compiles to a call to Math.pow returning a boxed number — an allocation on every key computed.
 * Multiplying by an exact power of two is exact, so `x * INV_POW2[n]` equals `x / 2 ** n`.
 */
export const POW2 = Float64Array.from({ length: 64 }, (_, n) => 2 ** n);
export const INV_POW2 = Float64Array.from({ length: 64 }, (_, n) => 2 ** -n);

/** Bits of a page of `level` (1 = 4 KiB, 2 = 2 MiB, 3 = 1 GiB): 12, 21, 30. */
export const pageShift = (level: number): number => 12 + 9 * (level - 1);
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

/** A physical / guest-physical address (≤ 2^52) shifted right by `shift`. */
export const physBits = (addr: number, shift: number): number => Math.floor(addr * INV_POW2[shift]!);

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

export const splitHi = (value: number): number => Math.floor(value / TWO_32);

// --- Guest rights so far, packed (SDM §4.6: R/W and U/S ANDed, XD ORed over the levels) ---
export const RIGHT_W = 1;
export const RIGHT_U = 2;
export const RIGHT_NX = 4;
export const RIGHTS_ALL = RIGHT_W | RIGHT_U;

// --- Combined / linear TLB entry flags ---
/** Bits 2:0: the guest rights (RIGHT_*). */
export const TLB_GUEST_RIGHTS = 0b111;
/** Bit 3: the guest leaf's D flag is set — a write through an entry without it must walk (SDM §4.8). */
export const TLB_GUEST_DIRTY = 1 << 3;
/** Bits 6:4: the nested rights of the final translation (NESTED_READ / WRITE / FETCH). */
export const TLB_NESTED_SHIFT = 4;
/** Bit 7: the nested leaf's D flag is set, or nested A/D flags are not in use. */
export const TLB_NESTED_DIRTY = 1 << 7;
/** Bits 9:8 guest leaf level, 11:10 nested leaf level (0 natively). */
export const TLB_GUEST_LEAF_SHIFT = 8;
export const TLB_NESTED_LEAF_SHIFT = 10;

// --- Guest paging-structure-cache entry flags ---
/** Bits 2:0 rights so far (RIGHT_*); 6:4 nested rights of the next table's page; 11:10 its nested leaf level. */
export const PWC_NESTED_SHIFT = 4;
export const PWC_NESTED_LEAF_SHIFT = 10;

// --- Guest-physical mapping flags: bits 2:0 rights (NESTED_*), bit 3 dirty, 9:8 leaf level ---
export const GPA_DIRTY = 1 << 3;
export const GPA_LEAF_SHIFT = 8;
