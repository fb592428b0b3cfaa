/**
 * What `translate` and `probe` return (docs/scenario-format.md, "Trace"): a union on `outcome`,
 * each variant with exactly the fields its outcome reports, so a view narrows on `outcome`
 * instead of testing optional fields.
 */
import type {
  CacheActivity,
  Gpa,
  Gva,
  Hpa,
  Outcome,
  PageSize,
  SkippedCell,
  WalkHeader,
  WalkReference,
} from './vocabulary';

/** What every result carries, whatever its outcome. */
interface ResultBase extends WalkHeader {
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

/** Where a fault happened: guest level (0 = final data translation) and nested level (0 = guest entry). */
interface FaultBase extends ResultBase {
  readonly faultGuestLevel: number;
  readonly faultNestedLevel: number;
}

export interface OkResult extends ResultBase {
  readonly outcome: 'ok';
  /** Guest-physical result (nested modes only). */
  readonly gpa?: Gpa;
  /** Final (host-)physical address. */
  readonly pa: Hpa;
  /** The smaller of the guest and nested page sizes: what a TLB entry can cover. */
  readonly pageSize: PageSize;
  readonly guestPageSize: PageSize;
  /** Nested modes only. */
  readonly nestedPageSize?: PageSize;
}

export interface PageFaultResult extends FaultBase {
  readonly outcome: 'page-fault';
  /** #PF error code. */
  readonly errorCode: number;
  /** CR2: the faulting linear address. */
  readonly faultLinear: Gva;
}

/** A non-canonical address: no walk. */
export interface GeneralProtectionResult extends FaultBase {
  readonly outcome: 'general-protection';
}

export interface EptViolationResult extends FaultBase {
  readonly outcome: 'ept-violation';
  /** The guest-physical address being translated. */
  readonly faultGpa: Gpa;
  /** Exit qualification bits 0–8. */
  readonly exitQualification: number;
  /** The guest linear address (meaningful with exit-qualification bit 7). */
  readonly guestLinearAddress: Gva;
}

export interface EptMisconfigResult extends FaultBase {
  readonly outcome: 'ept-misconfig';
  readonly faultGpa: Gpa;
}

export interface NestedPageFaultResult extends FaultBase {
  readonly outcome: 'nested-page-fault';
  /** EXITINFO2: the guest-physical address being translated. */
  readonly faultGpa: Gpa;
  /** EXITINFO1 (bit 32 / 33 make it exceed 32 bits: still exact in a double). */
  readonly exitInfo1: number;
}

export type TranslationResult =
  | OkResult
  | PageFaultResult
  | GeneralProtectionResult
  | EptViolationResult
  | EptMisconfigResult
  | NestedPageFaultResult;

/** A result that is not `ok`. */
export type FaultResult = Exclude<TranslationResult, OkResult>;

/** The variant of one outcome, e.g. `ResultOf<'ept-violation'>`. */
export type ResultOf<O extends Outcome> = Extract<TranslationResult, { readonly outcome: O }>;

/** A fault the nested walk raised: the variants that report the guest-physical address. */
export type NestedFaultResult = EptViolationResult | EptMisconfigResult | NestedPageFaultResult;

export const isNestedFault = (result: TranslationResult): result is NestedFaultResult =>
  result.outcome === 'ept-violation' ||
  result.outcome === 'ept-misconfig' ||
  result.outcome === 'nested-page-fault';
