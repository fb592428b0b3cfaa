/**
 * What the machine reports about its caches: their contents (for the caches panel) and counters.
 * Plain, structured-clone-safe data.
 */
import type { CacheActivity, PageSize } from '../vocabulary';
import type { CacheKind, ReplacementPolicy, TlbSide } from './cache-config';

/** One valid entry, described for display. */
export interface CacheEntrySnapshot {
  readonly set: number;
  readonly way: number;
  /** The raw key (page number or prefix, with the size / level code in the low bits). */
  readonly key: number;
  readonly vpid: number;
  readonly pcid: number;
  readonly global: boolean;
  /** TLBs: the size of the page the entry covers. */
  readonly pageSize?: PageSize;
  /** Paging-structure caches: the level of the entry cached (2 = PDE … 5 = PML5E). */
  readonly level?: number;
  /** What it is looked up by, e.g. 'va 0x7ffff0000000' or 'va bits 47:21 = 0x3ffff80'. */
  readonly from: string;
  /** What it gives, e.g. 'pa 0x100400000 (gPA 0x400000)' or 'PT at hPA 0x100004000'. */
  readonly to: string;
  /** Rights it holds, e.g. 'W U' / 'R W X', and 'D' when the dirty flag is known set. */
  readonly rights: string;
  /** 0 = most recently used in its set (LRU); PLRU: 0 = recently-used bit set. */
  readonly recency: number;
}

export interface StructureSnapshot {
  readonly name: string;
  readonly label: string;
  readonly kind: CacheKind;
  readonly tier?: 1 | 2;
  readonly side?: TlbSide;
  readonly sizes?: readonly PageSize[];
  readonly levels?: readonly number[];
  readonly sets: number;
  readonly ways: number;
  readonly entries: CacheEntrySnapshot[];
  readonly activity: CacheActivity;
}

export interface CacheSnapshot {
  readonly preset: string;
  readonly label: string;
  readonly sources: string;
  readonly replacement: ReplacementPolicy;
  /** The current context: entries of other VPIDs / PCIDs are kept but do not match. */
  readonly vpid: number;
  readonly pcid: number;
  readonly structures: StructureSnapshot[];
}

export interface CacheCounters {
  /** Translations requested (run, translate). */
  readonly accesses: number;
  /** Translations served by a TLB with no reference at all. */
  readonly tlbHits: number;
  /** Of those, served by a second-level TLB (tier 2). */
  readonly tier2Hits: number;
  readonly references: number;
  readonly guestReferences: number;
  readonly nestedReferences: number;
  readonly structures: Readonly<Record<string, CacheActivity>>;
}
