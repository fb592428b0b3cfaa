/**
 * Operations on the translation caches that a scenario can list among its accesses (SDM Vol. 3,
 * §4.10.4 and §29.4.3): invalidation instructions, VM transitions, and a plain store to memory
 * that invalidates nothing (how a stale translation is made).
 */
import type { LinearAddress } from '../vocabulary';

/** INVPCID types 0–3 (SDM Vol. 2, INVPCID). */
export type InvpcidType =
  'individual-address' | 'single-context' | 'all-context' | 'all-context-retaining-globals';
/** INVVPID types 0–3 (SDM Vol. 2, INVVPID). */
export type InvvpidType =
  'individual-address' | 'single-context' | 'all-context' | 'single-context-retaining-globals';
/** INVEPT types 1–2 (SDM Vol. 2, INVEPT). */
export type InveptType = 'single-context' | 'all-context';

export type CacheOp =
  /** Invalidates one page of the current VPID and PCID (global entries too) and the paging-structure caches of that PCID. */
  | { readonly op: 'invlpg'; readonly va: LinearAddress }
  /** Loads CR3; flushes the non-global entries of the new PCID unless `noFlush` (bit 63, with CR4.PCIDE). */
  | { readonly op: 'mov-cr3'; readonly cr3: number; readonly noFlush: boolean }
  /** `pcid` absent: the current PCID. */
  | {
      readonly op: 'invpcid';
      readonly type: InvpcidType;
      readonly pcid?: number;
      readonly va?: LinearAddress;
    }
  /** `vpid` absent: the current VPID. */
  | {
      readonly op: 'invvpid';
      readonly type: InvvpidType;
      readonly vpid?: number;
      readonly va?: LinearAddress;
    }
  /** Guest-physical and combined mappings of one EPTP (`eptp` absent = the current one) or of all. */
  | { readonly op: 'invept'; readonly type: InveptType; readonly eptp?: number }
  /** With VPIDs off (VPID 0), VM exits and entries flush linear and combined mappings. */
  | { readonly op: 'vm-exit' }
  | { readonly op: 'vm-entry' }
  /** Stores a word to (host-)physical memory without any invalidation. */
  | { readonly op: 'write-entry'; readonly addr: number; readonly lo: number; readonly hi: number };

export type CacheOpName = CacheOp['op'];

export interface CacheOpResult {
  readonly op: CacheOpName;
  /** One sentence: what was invalidated (or written) and why. */
  readonly description: string;
  /** Entries removed, per structure (structures with none are left out). */
  readonly removed: Readonly<Record<string, number>>;
}
