/**
 * The engine's vocabulary: machine configuration, accesses and translation results.
 * Physical and guest-physical addresses are plain numbers (≤ 52 bits fit a double exactly).
 * Linear addresses (57 bits with LA57, sign-extended to 64) are carried as two 32-bit halves.
 */

import type { CacheConfig } from './cache/cache-config';
import type { CacheOp, CacheOpResult } from './cache/cache-ops';
import type { CacheCounters, CacheSnapshot } from './cache/snapshot-types';
import type { CachePresetName } from './cache/presets';

export type AccessKind = 'read' | 'write' | 'fetch';
export type PageSize = '4K' | '2M' | '1G';
export type PagingMode = 'native' | 'ept' | 'npt';
export type Cpl = 0 | 3;

export type Outcome =
  'ok' | 'page-fault' | 'general-protection' | 'ept-violation' | 'ept-misconfig' | 'nested-page-fault';

/** Numeric codes for the hot path (no strings compared per access). */
export const ACCESS_READ = 0;
export const ACCESS_WRITE = 1;
export const ACCESS_FETCH = 2;
export const ACCESS_KINDS: readonly AccessKind[] = ['read', 'write', 'fetch'];

export const OUTCOME_OK = 0;
export const OUTCOME_PAGE_FAULT = 1;
export const OUTCOME_GP = 2;
export const OUTCOME_EPT_VIOLATION = 3;
export const OUTCOME_EPT_MISCONFIG = 4;
export const OUTCOME_NPF = 5;
export const OUTCOMES: readonly Outcome[] = [
  'ok',
  'page-fault',
  'general-protection',
  'ept-violation',
  'ept-misconfig',
  'nested-page-fault',
];

/** A 64-bit linear address as two unsigned 32-bit halves. */
export interface LinearAddress {
  readonly hi: number;
  readonly lo: number;
}

/** Guest ("ordinary") paging state of the vCPU; with no EPT/NPT this is the native CPU. */
export interface CpuConfig {
  /** Full CR3 value (bits M−1:12 = top table; low 12 bits = PCID with PCIDE, else PWT/PCD). */
  readonly cr3: number;
  readonly wp: boolean;
  readonly la57: boolean;
  readonly smep: boolean;
  readonly smap: boolean;
  readonly pcide: boolean;
  readonly pge: boolean;
  readonly nxe: boolean;
  readonly cpl: Cpl;
  readonly maxPhyAddr: number;
  /** Virtual-processor identifier tag for cached translations (0 = VPIDs off). */
  readonly vpid: number;
}

export interface EptConfig {
  /** Raw EPTP: bits 2:0 memory type, 5:3 walk length − 1, 6 A/D enable, M−1:12 root. */
  readonly eptp: number;
}

export interface NptConfig {
  readonly ncr3: number;
  readonly levels: 4 | 5;
  /** Host EFER.NXE at VMRUN: when false, NX in a nested entry is a reserved bit. */
  readonly nxe: boolean;
}

export interface MachineConfig {
  readonly cpu: CpuConfig;
  readonly ept?: EptConfig;
  readonly npt?: NptConfig;
  /** Translation caches: a preset name or a configuration (src/engine/cache); absent = none. */
  readonly caches?: CachePresetName | CacheConfig;
}

export interface Access {
  readonly va: LinearAddress;
  readonly kind: AccessKind;
  readonly cpl: Cpl;
}

/** One memory reference the walk made, in order. */
export interface WalkReference {
  /** 'guest' = a guest (or native) paging-structure read; 'nested' = an EPT / NPT read. */
  readonly kind: 'guest' | 'nested';
  /** Guest level n…1 of the entry being fetched; 0 on a nested reference = the final data gPA. */
  readonly guestLevel: number;
  /** Nested level m…1 (nested references only). */
  readonly nestedLevel?: number;
  /** Host-physical (native: physical) address of the entry read. */
  readonly addr: number;
  /** Entry as read, before any A/D update of the same walk. */
  readonly lo: number;
  readonly hi: number;
}

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

/** A cell of the 2D grid a cache hit spared: a guest read (nestedLevel 0) or a nested read. */
export interface SkippedCell {
  /** The structure whose hit spared it, e.g. 'l1-dtlb-4k', 'pde-cache', 'gpa-tlb-4k'. */
  readonly by: string;
  readonly kind: 'guest' | 'nested';
  readonly guestLevel: number;
  readonly nestedLevel: number;
}

/** Counts of one cache structure (per access, or cumulative). */
export interface CacheActivity {
  readonly lookups: number;
  readonly hits: number;
  readonly misses: number;
  readonly fills: number;
  readonly evictions: number;
  /** Hits that could not be used (rights, D flag clear): the entry was dropped and the walk made. */
  readonly drops: number;
  /** Entries removed by invalidations. */
  readonly invalidated: number;
}

/**
 * A machine: configuration plus physical memory, ready to translate. Created by `createMachine`
 * (src/engine/machine.ts). Accesses run in order: A/D flags set by one are seen by the next.
 */
export interface Machine {
  readonly config: MachineConfig;
  readonly mode: PagingMode;
  /** Guest levels n (4, or 5 with LA57) and nested levels m (0 natively). */
  readonly guestLevels: number;
  readonly nestedLevels: number;
  /** Translates with side effects (A/D updates); events go to `sink` when given. */
  translate(access: Access, sink?: (event: import('./events').WalkEvent) => void): TranslationResult;
  /** The same walk with no side effects: no A/D writes, no cache fills (for previews). */
  probe(access: Access, sink?: (event: import('./events').WalkEvent) => void): TranslationResult;
  /**
   * Bulk path: no events, no result object, no allocation. Returns an OUTCOME_* code;
   * `lastPa`, `lastReferences` hold the details of the last run.
   */
  run(vaHi: number, vaLo: number, kindCode: number, cpl: Cpl): number;
  readonly lastPa: number;
  readonly lastReferences: number;
  /** Guest (native) paging-structure reads of the last run; the rest were nested reads. */
  readonly lastGuestReferences: number;
  /** The translation caches in use (null = none). */
  readonly caches: CacheConfig | null;
  /** The current CR3 (changed by a `mov-cr3` operation). */
  readonly cr3: number;
  /** Invalidations, VM transitions, and `write-entry` (a store with no invalidation). */
  perform(op: CacheOp, sink?: (event: import('./events').WalkEvent) => void): CacheOpResult;
  /** Contents of every cache structure (valid entries), for the caches panel. */
  cacheSnapshot(): CacheSnapshot;
  /** Counts since creation (or the last reset): per structure, and references by dimension. */
  cacheCounters(): CacheCounters;
  resetCacheCounters(): void;
}
