/**
 * What the walkers ask of the translation caches (implemented in src/engine/cache). Results are
 * left in fields, so a lookup allocates nothing. The walkers consult the caches only when the
 * walk context's `cacheMode` allows it.
 */
import type { TranslationRecord } from './translation-record';

/** The uncached walk: the reference for results, and the probe that detects stale entries. */
export const CACHES_OFF = 0;
/** `probe`: look up, but touch nothing (no LRU update, no fill, no drop). */
export const CACHES_READ = 1;
/** `translate` / `run`: look up, fill, replace. */
export const CACHES_ON = 2;

/**
 * Addresses travel to the hooks in `args`, a Float64Array, not as call arguments: above 2^31 a
 * number passed to a call V8 does not inline is boxed — an allocation per call on the hot path.
 */
export const ARG_GPA = 0;
export const ARG_HPA = 1;

/** `GuestCacheHooks.lookup`: a TLB served the translation. */
export const LOOKUP_TLB_HIT = -1;

/** Linear / combined mappings and the guest paging-structure caches. */
export interface GuestCacheHooks {
  readonly args: Float64Array;
  /**
   * Consults the TLBs, then the paging-structure caches: LOOKUP_TLB_HIT (a TLB entry served the
   * translation and `record` holds it), the level L of a paging-structure-cache hit — the level-(L − 1)
   * table and the rights so far are left in the `pwc*` fields — or 0.
   * One call the compiler does not inline keeps the walk small enough to inline its reads.
   */
  lookup(record: TranslationRecord, vaHi: number, vaLo: number, kind: number, cpl: number): number;
  /** After a successful walk: a TLB entry from `record`. */
  fillTlb(record: TranslationRecord, vaHi: number, vaLo: number, kind: number): void;
  readonly pwcTableGpa: number;
  readonly pwcTableHpa: number;
  /** Rights so far, packed (RIGHT_W / RIGHT_U / RIGHT_NX, rights.ts). */
  readonly pwcRights: number;
  /** Nested rights and nested leaf level of the page holding the next table (for the A/D write check). */
  readonly pwcNestedRights: number;
  readonly pwcNestedLeaf: number;
  /** Caches the level-`level` entry on this address's path: it points at the table at args[ARG_GPA] / args[ARG_HPA]. */
  fillPwc(
    level: number,
    vaHi: number,
    vaLo: number,
    rights: number,
    nestedRights: number,
    nestedLeaf: number,
  ): void;
}

/** Guest-physical mappings and the EPT (NPT) paging-structure caches; the gPA is in args[ARG_GPA]. */
export interface NestedCacheHooks {
  readonly args: Float64Array;
  /** A usable guest-physical-mapping hit for `access` (NESTED_* bits): the `hit*` fields hold it. */
  lookupMapping(access: number, guestLevel: number): boolean;
  readonly hitHpa: number;
  readonly hitRights: number;
  readonly hitLeaf: number;
  readonly hitDirty: boolean;
  /** The lowest nested level L whose cache holds the entry for the gPA, or 0; the next table and rights in `pwc*`. */
  lookupPwc(top: number, guestLevel: number): number;
  readonly pwcTable: number;
  /** Rights so far in the walker's own encoding. */
  readonly pwcRights: number;
  /** Caches the level-`level` entry for the gPA: the next table is at args[ARG_HPA]. */
  fillPwc(level: number, rights: number, guestLevel: number): void;
  /** args[ARG_HPA]: host-physical base of the page of `leafLevel` mapping the gPA. */
  fillMapping(leafLevel: number, rights: number, dirty: boolean, guestLevel: number): void;
}
