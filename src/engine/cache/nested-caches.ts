/**
 * Guest-physical mappings (gPA → hPA from the EPT alone; AMD's nested TLB) and the EPT (NPT)
 * paging-structure caches (SDM Vol. 3, §29.4.1), which shorten the nested walks inside a 2D walk.
 * Tagged by the EPTP: one per machine, so the tag is implicit (0).
 */
import { ARG_GPA, ARG_HPA, type NestedCacheHooks } from '../walk/cache-hooks';
import { NESTED_WRITE } from '../walk/rights';
import type { CacheCore } from './cache-core';
import { PAGE_KEY_SCALE, PREFIX_KEY_SCALE, physOffset } from './keys';
import { pageShift } from '../paging';
import { gpaDirty, gpaLeaf, gpaRights, nestedPwcRights, packGpa } from './payload-codec';
import { STAT_DROPS } from './set-assoc';
import type { CacheStructure } from './structure';

/** Guest-physical structures are tagged by EPTP alone; the machine has one EPTP. */
const EPTP_TAG = 0;
const NO_CELLS: readonly never[] = [];

export class NestedCaches implements NestedCacheHooks {
  readonly args = new Float64Array(2);
  hitHpa = 0;
  hitRights = 0;
  hitLeaf = 1;
  hitDirty = true;
  pwcTable = 0;
  pwcRights = 0;
  /** The page level of the entry `findPage` found. */
  private foundLevel = 0;

  constructor(private readonly core: CacheCore) {}

  lookupMapping(access: number, guestLevel: number): boolean {
    const core = this.core;
    const gpa = this.args[ARG_GPA]!;
    const list = core.gpaTlbs;
    const touching = core.touching;
    const listening = core.listening;
    for (let s = 0; s < list.length; s++) {
      const st = list[s]!;
      const arr = st.array;
      if (listening) core.lookup(st, guestLevel);
      const i = this.findPage(st);
      if (i < 0) {
        core.missed(st, guestLevel);
        continue;
      }
      const pageLevel = this.foundLevel;
      const flags = arr.flags[i]!;
      const rights = gpaRights(flags);
      const dirty = gpaDirty(flags);
      const refused = (access & ~rights) !== 0;
      if (refused || ((access & NESTED_WRITE) !== 0 && !dirty)) {
        // Not allowed, or a write that must set the leaf's D flag: drop the entry and walk.
        if (listening) core.tlbHit(st, guestLevel, i, pageLevel, false, NO_CELLS);
        if (touching) {
          arr.count(STAT_DROPS);
          this.dropPage(guestLevel, refused ? 'not-permitted' : 'dirty-clear');
        }
        return false;
      }
      this.hitHpa = arr.a[i]! + physOffset(gpa, pageLevel);
      this.hitRights = rights;
      this.hitLeaf = gpaLeaf(flags);
      this.hitDirty = dirty;
      core.used(st, i);
      if (listening)
        core.tlbHit(st, guestLevel, i, pageLevel, true, core.hitRecord(st, i, guestLevel, pageLevel, gpa));
      return true;
    }
    return false;
  }

  lookupPwc(top: number, guestLevel: number): number {
    const core = this.core;
    const gpa = this.args[ARG_GPA]!;
    const listening = core.listening;
    for (let level = 2; level <= top; level++) {
      const st = core.nestedPwcByLevel[level];
      if (st === null || st === undefined) continue;
      const arr = st.array;
      if (listening) core.lookup(st, guestLevel);
      const i = arr.holds(level)
        ? arr.find(arr.queryPhys(this.args, ARG_GPA, pageShift(level), PREFIX_KEY_SCALE, level), EPTP_TAG)
        : -1;
      if (i < 0) {
        core.missed(st, guestLevel);
        continue;
      }
      this.pwcTable = arr.a[i]!;
      this.pwcRights = nestedPwcRights(arr.flags[i]!);
      core.used(st, i);
      if (listening) core.pwcHit(st, guestLevel, level, i, core.hitRecord(st, i, guestLevel, level, gpa));
      return level;
    }
    return 0;
  }

  fillPwc(level: number, rights: number, guestLevel: number): void {
    const core = this.core;
    const st = core.nestedPwcByLevel[level];
    if (st === null || st === undefined) return;
    const arr = st.array;
    const set = arr.queryPhys(this.args, ARG_GPA, pageShift(level), PREFIX_KEY_SCALE, level);
    const i = core.claim(st, set, EPTP_TAG, false, guestLevel);
    arr.a[i] = this.args[ARG_HPA]!;
    arr.flags[i] = rights;
    if (core.listening) core.filled(st, guestLevel, i);
  }

  fillMapping(leafLevel: number, rights: number, dirty: boolean, guestLevel: number): void {
    const core = this.core;
    const gpa = this.args[ARG_GPA]!;
    const frame = this.args[ARG_HPA]!;
    const list = core.gpaTlbs;
    for (let s = 0; s < list.length; s++) {
      const st = list[s]!;
      const pageLevel = st.fillLevel(leafLevel);
      if (pageLevel === 0) continue;
      const arr = st.array;
      const set = arr.queryPhys(this.args, ARG_GPA, pageShift(pageLevel), PAGE_KEY_SCALE, pageLevel);
      const i = core.claim(st, set, EPTP_TAG, false, guestLevel);
      // A splintered piece starts at its own offset within the leaf's page.
      arr.a[i] = frame + physOffset(gpa, leafLevel) - physOffset(gpa, pageLevel);
      arr.flags[i] = packGpa(rights, dirty, leafLevel);
      if (core.listening) core.filled(st, guestLevel, i);
    }
  }

  private dropPage(guestLevel: number, reason: 'dirty-clear' | 'not-permitted'): void {
    const core = this.core;
    for (const st of core.gpaTlbs) {
      const i = this.findPage(st);
      if (i < 0) continue;
      if (core.ctx.sink !== null) core.evict(st, guestLevel, i, st.array.keys[i]!, reason);
      st.array.invalidate(i);
    }
  }

  /** The entry for the page holding args[ARG_GPA] in `st` (any size it holds), or −1. */
  private findPage(st: CacheStructure): number {
    const arr = st.array;
    const held = st.held;
    for (let k = 0; k < held.length; k++) {
      const level = held[k]!;
      if (!arr.holds(level)) continue;
      const set = arr.queryPhys(this.args, ARG_GPA, pageShift(level), PAGE_KEY_SCALE, level);
      const i = arr.find(set, EPTP_TAG);
      if (i >= 0) {
        this.foundLevel = level;
        return i;
      }
    }
    return -1;
  }
}
