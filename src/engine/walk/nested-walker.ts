/**
 * The second dimension: translating a guest-physical address through the EPT (Intel) or the
 * nested page table (AMD). Results are left in fields so the hot path allocates nothing.
 */
import type { NestedCacheHooks } from './cache-hooks';
import type { ReservedMasks } from './guest-entry-rules';
import type { WalkFault } from './walk-fault';

/** Nested outcome codes. */
export const NESTED_OK = 0;
export const NESTED_VIOLATION = 1; // EPT violation / #NPF
export const NESTED_MISCONFIG = 2; // EPT misconfiguration

/** Why a nested walk failed (`faultKind`). */
export const FAULT_NOT_PRESENT = 0;
export const FAULT_PERMISSION = 1;
export const FAULT_RESERVED = 2;

export type NestedVendor = 'intel-ept' | 'amd-npt';

export interface NestedWalker {
  readonly vendor: NestedVendor;
  readonly levels: number;
  /**
   * Translates the gPA gpaHi · 2^32 + gpaLo for an access of type `access` (NESTED_* bits).
   * `guestLevel` says which guest entry it serves (0 = the final data address). Returns a NESTED_*
   * outcome. Halves, passed as int32 (`lo | 0`): above 2^31 a number argument would be boxed.
   */
  translate(gpaHi: number, gpaLo: number, access: number, guestLevel: number): number;
  /**
   * After a failed `translate` (outcome `nestedOutcome`) for `access` serving `guestLevel`: writes
   * the vendor's report — Intel's exit qualification, AMD's EXITINFO1 — into `fault` and returns
   * the guest walk's OUTCOME_*.
   */
  report(nestedOutcome: number, access: number, guestLevel: number, fault: WalkFault): number;
  /**
   * The write that sets a guest A/D flag was refused (`guestFlagWritesNeedCheck` and no write right
   * in `rights`): writes the report into `fault`, returns the OUTCOME_*.
   */
  reportFlagWrite(fault: WalkFault): number;
  /** After NESTED_OK: the host-physical address, and its halves (the low one as an int32). */
  hpa: number;
  hpaHi: number;
  hpaLo: number;
  /** Level of the leaf that mapped the page (1 = 4 KiB, 2 = 2 MiB, 3 = 1 GiB). */
  leafLevel: number;
  /** R/W/X (bits 0–2) allowed by every entry walked (EPT); for NPT: 1 | W<<1 | X<<2 likewise. */
  rights: number;
  /** Level (m…1) of the entry where a failure happened, why (FAULT_*), and that entry's words (int32). */
  faultLevel: number;
  faultKind: number;
  faultLo: number;
  faultHi: number;
  /** Reserved-bit rules of this format's entries (for describing a failure). */
  readonly masks: ReservedMasks;
  /** Whether a guest entry's A/D update needs a separate write permission check (EPT with A/D off). */
  readonly guestFlagWritesNeedCheck: boolean;
  /** Access type used for guest paging-structure reads. */
  readonly guestTableAccess: number;
  /** The A flag nested walks set in the entries they use (EPT with A/D on, NPT), else 0. */
  readonly accessedFlag: number;
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
