/**
 * Walk events: plain, structured-clone-safe data, emitted in order to an optional sink.
 * Every memory reference carries its step number (1-based) and its cell in the 2D grid
 * (guest level, nested level), so any view can be drawn from the event list alone.
 */
import type { CacheKind } from './cache/cache-config';
import type { CacheOpName } from './cache/cache-ops';
import type { CacheEntrySnapshot } from './cache/snapshot-types';
import type { Gpa, Hpa, Outcome, PageSize, SkippedCell, WalkHeader } from './vocabulary';
import type { TranslationResult } from './result';

export interface WalkStartEvent extends WalkHeader {
  readonly type: 'walk-start';
}

/** A read of a guest (or native) paging-structure entry. */
export interface GuestReadEvent {
  readonly type: 'guest-read';
  readonly step: number;
  readonly guestLevel: number;
  /** 9-bit index of the entry within its table. */
  readonly index: number;
  /** Guest-physical address of the entry (native: equal to addr). */
  readonly gpa: Gpa;
  /** Host-physical (native: physical) address of the entry. */
  readonly addr: Hpa;
  readonly lo: number;
  readonly hi: number;
}

/** A read of an EPT (Intel) or nested page table (AMD) entry. */
export interface NestedReadEvent {
  readonly type: 'nested-read';
  readonly step: number;
  /** Guest level whose entry gPA is being translated; 0 = the final data gPA. */
  readonly guestLevel: number;
  readonly nestedLevel: number;
  readonly index: number;
  /** The guest-physical address being translated. */
  readonly gpa: Gpa;
  /** Host-physical address of the nested entry. */
  readonly addr: Hpa;
  readonly lo: number;
  readonly hi: number;
}

/** The walk set accessed / dirty flags in an entry (no memory reference is counted). */
export interface AdUpdateEvent {
  readonly type: 'ad-update';
  readonly table: 'guest' | 'nested';
  readonly guestLevel: number;
  readonly nestedLevel: number;
  /** Host-physical address of the updated entry. */
  readonly addr: Hpa;
  readonly setAccessed: boolean;
  readonly setDirty: boolean;
  /** The entry after the update. */
  readonly lo: number;
  readonly hi: number;
}

export interface FaultEvent {
  readonly type: 'fault';
  readonly outcome: Exclude<Outcome, 'ok'>;
  readonly guestLevel: number;
  readonly nestedLevel: number;
  /** One plain sentence saying why. */
  readonly reason: string;
}

export interface WalkEndEvent {
  readonly type: 'walk-end';
  readonly result: TranslationResult;
}

// --- Translation caches (src/engine/cache) ---

interface CacheEventBase {
  /** References made before the event (the playback cursor at which it happens). */
  readonly step: number;
  /** Structure name, e.g. 'l1-dtlb-4k', 'pde-cache', 'gpa-tlb-4k', 'ept-pde-cache'. */
  readonly structure: string;
  readonly cacheKind: CacheKind;
  /**
   * 'tlb': the guest levels n (the whole walk); 'pwc': the level of the entry looked up;
   * 'gpa-tlb' / 'nested-pwc': the guest level whose gPA is translated (0 = the final data gPA).
   */
  readonly guestLevel: number;
}

/** A structure is consulted. */
export interface TlbLookupEvent extends CacheEventBase {
  readonly type: 'tlb-lookup';
}

/** A TLB (linear, combined or guest-physical mapping) hit. */
export interface TlbHitEvent extends CacheEventBase {
  readonly type: 'tlb-hit';
  readonly set: number;
  readonly way: number;
  readonly pageSize: PageSize;
  /** Whether the entry allows this access; if not, it is dropped and the walk is made. */
  readonly usable: boolean;
  /** The walk steps this hit spares (empty when not usable). */
  readonly skipped: readonly SkippedCell[];
}

/** A paging-structure-cache hit: the walk starts below `level`. */
export interface PwcHitEvent extends CacheEventBase {
  readonly type: 'pwc-hit';
  /** Level of the cached entry (2 = PDE … 5 = PML5E); the walk resumes at level − 1. */
  readonly level: number;
  readonly set: number;
  readonly way: number;
  readonly skipped: readonly SkippedCell[];
}

export interface TlbMissEvent extends CacheEventBase {
  readonly type: 'tlb-miss';
}

/** A new entry. Followed by nothing else: a replaced entry is reported first by `tlb-evict`. */
export interface TlbFillEvent extends CacheEventBase {
  readonly type: 'tlb-fill';
  readonly entry: CacheEntrySnapshot;
}

export interface TlbEvictEvent extends CacheEventBase {
  readonly type: 'tlb-evict';
  readonly set: number;
  readonly way: number;
  readonly key: number;
  /** 'replaced': a fill needed the way; the others: a hit the entry could not serve. */
  readonly reason: 'replaced' | 'not-permitted' | 'dirty-clear';
}

/** An invalidation (or a VM transition, or a write that invalidates nothing). */
export interface InvalidateEvent {
  readonly type: 'invalidate';
  readonly op: CacheOpName;
  readonly description: string;
  readonly removed: Readonly<Record<string, number>>;
  /** Every entry removed. */
  readonly entries: readonly { readonly structure: string; readonly set: number; readonly way: number }[];
}

/** The translation used cached entries that no longer match memory. */
export interface StaleEvent {
  readonly type: 'stale';
  readonly structures: readonly string[];
  readonly reason: string;
}

export type CacheEvent =
  | TlbLookupEvent
  | TlbHitEvent
  | PwcHitEvent
  | TlbMissEvent
  | TlbFillEvent
  | TlbEvictEvent
  | InvalidateEvent
  | StaleEvent;

export type WalkEvent =
  WalkStartEvent | GuestReadEvent | NestedReadEvent | AdUpdateEvent | FaultEvent | WalkEndEvent | CacheEvent;

/** Receives walk events. Absent in bulk runs, where the walker allocates nothing per access. */
export type EventSink = (event: WalkEvent) => void;
