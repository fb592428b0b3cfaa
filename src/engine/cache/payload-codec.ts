/**
 * The one codec of the cache entries' packed payloads (`SetAssoc.flags`): TLB entries (linear /
 * combined mappings), guest paging-structure-cache entries, and guest-physical mappings. Every
 * file that fills an entry or reads one goes through these functions; they are small enough that
 * the compiler inlines them, so the hot path pays nothing for the names.
 *
 * Rights are the walkers' encodings: guest rights RIGHT_W / RIGHT_U / RIGHT_NX, nested rights
 * NESTED_READ / NESTED_WRITE / NESTED_FETCH (walk/rights.ts). An EPT / NPT paging-structure-cache
 * entry keeps the nested walker's rights so far unchanged (no layout of its own).
 */

// --- TLB entry: bits 2:0 guest rights, 3 guest D, 6:4 nested rights, 7 nested D,
//     9:8 guest leaf level, 11:10 nested leaf level (0 natively) ---
const TLB_GUEST_RIGHTS = 0b111;
/** The guest leaf's D flag is set: a write through an entry without it must walk (SDM §4.8). */
export const TLB_GUEST_DIRTY = 1 << 3;
const TLB_NESTED_SHIFT = 4;
/** The nested leaf's D flag is set, or nested A/D flags are not in use. */
export const TLB_NESTED_DIRTY = 1 << 7;
const TLB_GUEST_LEAF_SHIFT = 8;
const TLB_NESTED_LEAF_SHIFT = 10;
/** Bits 7:0 of a TLB payload — the rights and D flags — decide whether it can serve an access. */
export const TLB_ACCESS_BITS = 8;

export const packTlb = (
  guestRights: number,
  guestDirty: boolean,
  nestedRights: number,
  nestedDirty: boolean,
  guestLeaf: number,
  nestedLeaf: number,
): number =>
  guestRights |
  (guestDirty ? TLB_GUEST_DIRTY : 0) |
  (nestedRights << TLB_NESTED_SHIFT) |
  (nestedDirty ? TLB_NESTED_DIRTY : 0) |
  (guestLeaf << TLB_GUEST_LEAF_SHIFT) |
  (nestedLeaf << TLB_NESTED_LEAF_SHIFT);
export const tlbGuestRights = (flags: number): number => flags & TLB_GUEST_RIGHTS;
export const tlbGuestDirty = (flags: number): boolean => (flags & TLB_GUEST_DIRTY) !== 0;
export const tlbNestedRights = (flags: number): number => (flags >> TLB_NESTED_SHIFT) & 7;
export const tlbNestedDirty = (flags: number): boolean => (flags & TLB_NESTED_DIRTY) !== 0;
export const tlbGuestLeaf = (flags: number): number => (flags >> TLB_GUEST_LEAF_SHIFT) & 3;
export const tlbNestedLeaf = (flags: number): number => (flags >> TLB_NESTED_LEAF_SHIFT) & 3;

// --- Guest paging-structure-cache entry: bits 2:0 guest rights so far, 6:4 nested rights of the
//     page holding the next table, 11:10 that page's nested leaf level ---
const PWC_RIGHTS = 0b111;
const PWC_NESTED_SHIFT = 4;
const PWC_NESTED_LEAF_SHIFT = 10;

export const packPwc = (rights: number, nestedRights: number, nestedLeaf: number): number =>
  rights | (nestedRights << PWC_NESTED_SHIFT) | (nestedLeaf << PWC_NESTED_LEAF_SHIFT);
export const pwcRights = (flags: number): number => flags & PWC_RIGHTS;
export const pwcNestedRights = (flags: number): number => (flags >> PWC_NESTED_SHIFT) & 7;
export const pwcNestedLeaf = (flags: number): number => (flags >> PWC_NESTED_LEAF_SHIFT) & 3;

// --- Guest-physical mapping: bits 2:0 nested rights, bit 3 D, 9:8 leaf level ---
const GPA_RIGHTS = 0b111;
const GPA_DIRTY = 1 << 3;
const GPA_LEAF_SHIFT = 8;

export const packGpa = (rights: number, dirty: boolean, leafLevel: number): number =>
  rights | (dirty ? GPA_DIRTY : 0) | (leafLevel << GPA_LEAF_SHIFT);
export const gpaRights = (flags: number): number => flags & GPA_RIGHTS;
export const gpaDirty = (flags: number): boolean => (flags & GPA_DIRTY) !== 0;
export const gpaLeaf = (flags: number): number => (flags >> GPA_LEAF_SHIFT) & 3;

/** Nested paging-structure-cache entry: the nested walker's rights so far, as they are. */
export const nestedPwcRights = (flags: number): number => flags & 7;
