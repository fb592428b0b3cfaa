/**
 * The second dimension: translating a guest-physical address through the EPT (Intel) or the
 * nested page table (AMD). Results are left in fields so the hot path allocates nothing.
 */
import type { NestedCacheHooks } from './cache-hooks';

/** Nested access types, as bits 0–2 of an EPT exit qualification. */
export const NESTED_READ = 1;
export const NESTED_WRITE = 2;
export const NESTED_FETCH = 4;

/** Nested outcome codes. */
export const NESTED_OK = 0;
export const NESTED_VIOLATION = 1; // EPT violation / #NPF
export const NESTED_MISCONFIG = 2; // EPT misconfiguration

export const FAULT_NOT_PRESENT = 0;
export const FAULT_PERMISSION = 1;
export const FAULT_RESERVED = 2;

export interface NestedWalker {
  readonly levels: number;
  /**
   * Translates the gPA gpaHi · 2^32 + gpaLo for an access of type `access` (NESTED_* bits).
   * `guestLevel` says which guest entry it serves (0 = the final data address). Returns a NESTED_*
   * outcome. Halves, passed as int32 (`lo | 0`): above 2^31 a number argument would be boxed.
   */
  translate(gpaHi: number, gpaLo: number, access: number, guestLevel: number): number;
  /** After NESTED_OK: the host-physical address, and its halves (the low one as an int32). */
  hpa: number;
  hpaHi: number;
  hpaLo: number;
  /** Level of the leaf that mapped the page (1 = 4 KiB, 2 = 2 MiB, 3 = 1 GiB). */
  leafLevel: number;
  /** R/W/X (bits 0–2) allowed by every entry walked (EPT); for NPT: 1 | W<<1 | X<<2 likewise. */
  rights: number;
  /** Level (m…1) of the entry where a failure happened. */
  faultLevel: number;
  /** Why it failed: FAULT_NOT_PRESENT, FAULT_PERMISSION or FAULT_RESERVED. */
  faultKind: number;
  /** Whether a guest entry's A/D update needs a separate write permission check. */
  readonly guestFlagWritesNeedCheck: boolean;
  /** Access type used for guest paging-structure reads. */
  readonly guestTableAccess: number;
  /** A short reason for the last failure (built only on request, for events). */
  describeFailure(): string;
  /** After NESTED_OK: the leaf's D flag is set (or set by this access), or nested A/D flags are off. */
  leafDirty: boolean;
  /** Guest-physical mappings and nested paging-structure caches, when the machine has them. */
  caches: NestedCacheHooks | null;
  /** With `ctx.recordPath`: the table read at each level and the rights so far before it. */
  readonly pathTable: Float64Array;
  readonly pathRights: Int32Array;
  /** The lowest level the last walk reached (levels + 1 when it read nothing). */
  pathLowest: number;
}

/** Levels 0…5 indexable by level number. */
export const PATH_SLOTS = 6;
