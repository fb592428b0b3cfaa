/** What `translate` and `probe` return (docs/scenario-format.md, "Trace"). */
import type {
  AccessKind,
  CacheActivity,
  Cpl,
  LinearAddress,
  Outcome,
  PageSize,
  PagingMode,
  SkippedCell,
  WalkReference,
} from './vocabulary';

export interface TranslationResult {
  readonly va: LinearAddress;
  readonly kind: AccessKind;
  readonly cpl: Cpl;
  readonly mode: PagingMode;
  readonly outcome: Outcome;
  /** Guest levels (n) and nested levels (m) this walk uses (m = 0 natively). */
  readonly guestLevels: number;
  readonly nestedLevels: number;
  /** Guest-physical result (nested modes, outcome ok). */
  readonly gpa?: number;
  /** Final (host-)physical address (outcome ok). */
  readonly pa?: number;
  readonly pageSize?: PageSize;
  readonly guestPageSize?: PageSize;
  readonly nestedPageSize?: PageSize;
  /** #PF error code. */
  readonly errorCode?: number;
  /** #PF: CR2 (the faulting linear address). */
  readonly faultLinear?: LinearAddress;
  /** EPT violation / misconfiguration / #NPF: the guest-physical address being translated. */
  readonly faultGpa?: number;
  /** EPT violation: exit qualification bits 0–8. */
  readonly exitQualification?: number;
  /** EPT violation with exit-qualification bit 7: the guest linear address. */
  readonly guestLinearAddress?: LinearAddress;
  /** AMD #NPF EXITINFO1 (bit 32 / 33 make it exceed 32 bits: still exact in a double). */
  readonly exitInfo1?: number;
  /** Where the fault happened: guest level (0 = final data translation) and nested level (0 = guest entry). */
  readonly faultGuestLevel?: number;
  readonly faultNestedLevel?: number;
  readonly references: readonly WalkReference[];
  // --- With translation caches (event / result path only) ---
  /** Walk steps a cache spared, in the order an uncached walk would have made them. */
  readonly skipped?: readonly SkippedCell[];
  /** The translation used a cached entry that no longer matches memory (nobody invalidated it). */
  readonly stale?: boolean;
  /** The structures whose stale entries were used. */
  readonly staleBy?: readonly string[];
  /** References made, by dimension. */
  readonly referenceCounts?: { readonly guest: number; readonly nested: number };
  /** What this access did in each cache structure it touched. */
  readonly cacheActivity?: Readonly<Record<string, CacheActivity>>;
}
