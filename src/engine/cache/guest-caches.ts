/**
 * Linear (native) or combined (guest-linear → host-physical) mappings, and the guest
 * paging-structure caches (SDM Vol. 3, §4.10.2, §4.10.3, §29.4.1 "combined mappings").
 *
 * A TLB entry covers one page of min(guest page, nested page) and keeps the physical page, the
 * combined rights and the D state. An access it does not allow — or a write while D is clear —
 * drops it and walks: faults are never delivered from a cached entry.
 */
import { ACCESS_FETCH, type CpuConfig } from '../vocabulary';
import { ARG_GPA, ARG_HPA, CACHES_ON, LOOKUP_TLB_HIT, type GuestCacheHooks } from '../walk/cache-hooks';
import type { TranslationRecord } from '../walk/translation-record';
import type { CacheCore } from './cache-core';
import { PAGE_KEY_SCALE, PREFIX_KEY_SCALE, linearOffset } from './keys';
import { pageShift } from '../paging';
import {
  packPwc,
  packTlb,
  pwcNestedLeaf,
  pwcNestedRights,
  pwcRights,
  tlbGuestDirty,
  tlbGuestLeaf,
  tlbGuestRights,
  tlbNestedDirty,
  tlbNestedLeaf,
  tlbNestedRights,
} from './payload-codec';
import { LastTlbHit } from './last-tlb-hit';
import { STAT_DROPS, STAT_HITS, STAT_MISSES, type SetAssoc } from './set-assoc';
import type { CacheStructure } from './structure';
import { REFUSE_DIRTY, refusalIndex, refusalTable } from './tlb-refusal';

const NO_CELLS: readonly never[] = [];

export class GuestCaches implements GuestCacheHooks {
  readonly args = new Float64Array(2);
  pwcTableGpa = 0;
  pwcTableHpa = 0;
  pwcRights = 0;
  pwcNestedRights = 0;
  pwcNestedLeaf = 0;
  /** The page level of the entry `findPage` found. */
  private foundLevel = 0;

  /** refusalTable of this machine's CPU. */
  private readonly refusals: Uint8Array;
  private readonly lastHit: LastTlbHit;

  constructor(
    private readonly core: CacheCore,
    cpu: CpuConfig,
  ) {
    this.refusals = refusalTable(cpu);
    this.lastHit = new LastTlbHit(core.changes);
  }

  lookup(record: TranslationRecord, vaHi: number, vaLo: number, kind: number, cpl: number): number {
    // The common case first, small enough to be inlined into the walk and the access loop.
    const core = this.core;
    const ctx = core.ctx;
    const fetch = kind === ACCESS_FETCH;
    // The bulk path (looking up and filling, nobody listening), written out: a getter the compiler
    // left out-of-line cost a call per access.
    if (
      ctx.cacheMode === CACHES_ON &&
      ctx.sink === null &&
      core.trace === null &&
      this.lastHit.repeats(vaHi, vaLo, core.tag, fetch) &&
      this.repeatHit(record, fetch ? core.instructionTlbs : core.dataTlbs, vaLo, kind, cpl)
    )
      return LOOKUP_TLB_HIT;
    if (this.lookupTlb(record, vaHi, vaLo, kind, cpl)) return LOOKUP_TLB_HIT;
    return this.lookupPwc(vaHi, vaLo, core.guestLevels);
  }

  private lookupTlb(
    record: TranslationRecord,
    vaHi: number,
    vaLo: number,
    kind: number,
    cpl: number,
  ): boolean {
    const core = this.core;
    const fetch = kind === ACCESS_FETCH;
    const list = fetch ? core.instructionTlbs : core.dataTlbs;
    const touching = core.touching;
    const listening = core.listening;
    const bulk = touching && !listening;
    const gl = core.guestLevels;
    for (let s = 0; s < list.length; s++) {
      const st = list[s]!;
      const arr = st.array;
      if (listening) core.lookup(st, gl);
      const i = this.findPage(st, vaHi, vaLo);
      if (i < 0) {
        core.missed(st, gl);
        continue;
      }
      const pageLevel = this.foundLevel;
      const flags = arr.flags[i]!;
      const refusal = this.refusals[refusalIndex(kind, cpl, flags)]!;
      if (refusal !== 0) {
        if (listening) core.tlbHit(st, gl, i, pageLevel, false, NO_CELLS);
        if (touching) {
          arr.count(STAT_DROPS);
          this.dropPage(list, vaHi, vaLo, refusal === REFUSE_DIRTY ? 'dirty-clear' : 'not-permitted');
        }
        return false;
      }
      serve(record, arr, i, pageLevel, flags, vaLo);
      if (listening) core.tlbHit(st, gl, i, pageLevel, true, core.hitRecord(st, i, 0, pageLevel, 0));
      // A second-level hit fills the first level: the caches change, so it is not kept.
      if (bulk && st.tier === 1) this.lastHit.record(vaHi, vaLo, core.tag, fetch, s, i, pageLevel);
      if (touching) {
        core.used(st, i);
        core.tlbHits++;
        // A second-level hit also fills the first level.
        if (st.tier > 1) {
          core.tier2Hits++;
          this.fill(list, 1, record, vaHi, vaLo);
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Replays the bulk-path lookup that found `lastHit` (the caches unchanged since, a first-level
   * structure): the structures searched before it missed, it hits. False, with nothing done, when
   * the hit cannot serve this access — the full lookup then drops it.
   */
  private repeatHit(
    record: TranslationRecord,
    list: readonly CacheStructure[],
    vaLo: number,
    kind: number,
    cpl: number,
  ): boolean {
    const { position, entry: i, level } = this.lastHit;
    const st = list[position]!;
    const arr = st.array;
    const flags = arr.flags[i]!;
    if (this.refusals[refusalIndex(kind, cpl, flags)] !== 0) return false;
    if (position > 0) countMisses(list, position);
    serve(record, arr, i, level, flags, vaLo);
    arr.count(STAT_HITS);
    arr.touch(i);
    this.core.tlbHits++;
    return true;
  }

  fillTlb(record: TranslationRecord, vaHi: number, vaLo: number, kind: number): void {
    this.fill(kind === ACCESS_FETCH ? this.core.instructionTlbs : this.core.dataTlbs, 2, record, vaHi, vaLo);
  }

  private lookupPwc(vaHi: number, vaLo: number, top: number): number {
    const core = this.core;
    const listening = core.listening;
    // The longest prefix first: a PDE-cache hit skips the most (SDM §4.10.3.2).
    for (let level = 2; level <= top; level++) {
      const st = core.pwcByLevel[level];
      if (st === null || st === undefined) continue;
      const arr = st.array;
      if (listening) core.lookup(st, level);
      const i = arr.holds(level)
        ? arr.find(arr.queryLinear(vaHi, vaLo, pageShift(level), PREFIX_KEY_SCALE, level), core.tag)
        : -1;
      if (i < 0) {
        core.missed(st, level);
        continue;
      }
      const flags = arr.flags[i]!;
      this.pwcTableHpa = arr.a[i]!;
      this.pwcTableGpa = arr.b[i]!;
      this.pwcRights = pwcRights(flags);
      this.pwcNestedRights = pwcNestedRights(flags);
      this.pwcNestedLeaf = pwcNestedLeaf(flags);
      core.used(st, i);
      if (listening) core.pwcHit(st, level, level, i, core.hitRecord(st, i, level, level, 0));
      return level;
    }
    return 0;
  }

  fillPwc(
    level: number,
    vaHi: number,
    vaLo: number,
    rights: number,
    nestedRights: number,
    nestedLeaf: number,
  ): void {
    const core = this.core;
    const st = core.pwcByLevel[level];
    if (st === null || st === undefined) return;
    const arr = st.array;
    const set = arr.queryLinear(vaHi, vaLo, pageShift(level), PREFIX_KEY_SCALE, level);
    const i = core.claim(st, set, core.tag, false, level);
    arr.a[i] = this.args[ARG_HPA]!;
    arr.b[i] = this.args[ARG_GPA]!;
    arr.flags[i] = packPwc(rights, nestedRights, nestedLeaf);
    if (core.listening) core.filled(st, level, i);
  }

  /** Entry index of the page holding this address in `st` (any size it holds), or −1. */
  private findPage(st: CacheStructure, vaHi: number, vaLo: number): number {
    const arr = st.array;
    const held = st.held;
    for (let k = 0; k < held.length; k++) {
      const level = held[k]!;
      if (!arr.holds(level)) continue;
      const set = arr.queryLinear(vaHi, vaLo, pageShift(level), PAGE_KEY_SCALE, level);
      const i = arr.find(set, this.core.tag);
      if (i >= 0) {
        this.foundLevel = level;
        return i;
      }
    }
    return -1;
  }

  /** Entries for the translation in `record`, in the TLBs of `list` up to `maxTier`. */
  private fill(
    list: readonly CacheStructure[],
    maxTier: number,
    record: TranslationRecord,
    vaHi: number,
    vaLo: number,
  ): void {
    const core = this.core;
    const guestLeaf = record.guestLeafLevel;
    const nestedLeaf = record.nestedLeafLevel;
    // Splintering: the translation covers min(guest page, nested page).
    const level = nestedLeaf !== 0 && nestedLeaf < guestLeaf ? nestedLeaf : guestLeaf;
    const flags = packTlb(
      record.leafRights,
      record.leafDirty,
      record.finalNestedRights,
      record.finalNestedDirty,
      guestLeaf,
      nestedLeaf,
    );
    for (let s = 0; s < list.length; s++) {
      const st = list[s]!;
      if (st.tier > maxTier) continue;
      const pageLevel = st.fillLevel(level);
      if (pageLevel === 0) continue;
      const arr = st.array;
      const set = arr.queryLinear(vaHi, vaLo, pageShift(pageLevel), PAGE_KEY_SCALE, pageLevel);
      const i = core.claim(st, set, core.tag, record.leafGlobal, core.guestLevels);
      const offset = linearOffset(vaLo, pageLevel);
      arr.a[i] = record.pa - offset;
      arr.b[i] = record.gpa - offset;
      arr.flags[i] = flags;
      if (core.listening) core.filled(st, core.guestLevels, i);
    }
  }

  /** Removes this address's entries from the TLBs consulted (a hit that could not serve); the walk refills them. */
  private dropPage(
    list: readonly CacheStructure[],
    vaHi: number,
    vaLo: number,
    reason: 'dirty-clear' | 'not-permitted',
  ): void {
    const core = this.core;
    for (const st of list) {
      const i = this.findPage(st, vaHi, vaLo);
      if (i < 0) continue;
      if (core.ctx.sink !== null) core.evict(st, core.guestLevels, i, st.array.keys[i]!, reason);
      st.array.invalidate(i);
    }
  }
}

/** A usable TLB hit: `record` from entry i (a page of `pageLevel`). */
function serve(
  record: TranslationRecord,
  arr: SetAssoc,
  i: number,
  pageLevel: number,
  flags: number,
  vaLo: number,
): void {
  const offset = linearOffset(vaLo, pageLevel);
  record.pa = arr.a[i]! + offset;
  record.gpa = arr.b[i]! + offset;
  record.guestLeafLevel = tlbGuestLeaf(flags);
  record.nestedLeafLevel = tlbNestedLeaf(flags);
  record.leafRights = tlbGuestRights(flags);
  record.leafDirty = tlbGuestDirty(flags);
  record.leafGlobal = arr.global[i] !== 0;
  record.finalNestedRights = tlbNestedRights(flags);
  record.finalNestedDirty = tlbNestedDirty(flags);
}

/** A miss in each of the first `count` structures of `list` (kept out of the hit path's code). */
function countMisses(list: readonly CacheStructure[], count: number): void {
  for (let s = 0; s < count; s++) list[s]!.array.count(STAT_MISSES);
}
