import { levelIndex } from '../address';
import {
  EPT_A,
  EPT_D,
  EPT_LARGE_LEAF_RSVD_1G,
  EPT_LARGE_LEAF_RSVD_2M,
  EPT_MEMTYPE,
  EPT_MEMTYPE_SHIFT,
  EPT_NONLEAF_RSVD,
  EPT_PS,
  EPT_R,
  EPT_RWX,
  EPT_TOP_RSVD,
  EPT_W,
  EPTP_AD,
  EPTP_WALK_LENGTH,
  EPTP_WALK_LENGTH_SHIFT,
  EXITQ_FINAL_TRANSLATION,
  EXITQ_LINEAR_VALID,
  addressMaskHi,
  entryAddress,
  isValidEptMemoryType,
  TWO_32,
} from '../bits';
import { OUTCOME_EPT_MISCONFIG, OUTCOME_EPT_VIOLATION } from '../vocabulary';
import { ADDRESS_LO, highHalf } from './address-halves';
import { CACHES_ON } from './cache-hooks';
import { reservedMasks, type ReservedMasks } from './guest-entry-rules';
import { NestedWalkBase } from './nested-walk-base';
import {
  FAULT_NOT_PRESENT,
  FAULT_PERMISSION,
  FAULT_RESERVED,
  NESTED_MISCONFIG,
  NESTED_OK,
} from './nested-walker';
import { NESTED_READ, NESTED_WRITE } from './rights';
import type { WalkContext } from './walk-context';
import type { WalkFault } from './walk-fault';

/** Levels of an EPT from EPTP bits 5:3 (walk length − 1). */
export const eptLevelsOf = (eptp: number): number =>
  (((eptp >>> 0) & EPTP_WALK_LENGTH) >>> EPTP_WALK_LENGTH_SHIFT) + 1;

/**
 * Intel EPT walk (SDM Vol. 3, §29.3; docs/hardware-rules.md §2). Reads down to the leaf, a
 * not-present entry or a misconfigured one, and only then checks R/W/X — so a misconfiguration
 * anywhere on the path wins over a permission violation.
 */
export class EptWalker extends NestedWalkBase {
  readonly vendor = 'intel-ept';
  readonly levels: number;
  readonly adEnabled: boolean;
  readonly guestFlagWritesNeedCheck: boolean;
  readonly guestTableAccess: number;
  readonly masks: ReservedMasks;

  constructor(ctx: WalkContext, eptp: number, maxPhyAddr: number) {
    const maskHi = addressMaskHi(maxPhyAddr);
    const adEnabled = (eptp & EPTP_AD) !== 0;
    super(ctx, entryAddress(eptp >>> 0, Math.floor(eptp / TWO_32), maskHi), maskHi, EPT_A, EPT_D, adEnabled);
    this.levels = eptLevelsOf(eptp);
    if (this.levels !== 4 && this.levels !== 5) {
      throw new Error(`EPTP walk length ${this.levels} is not supported (bits 5:3 must be 3 or 4)`);
    }
    this.adEnabled = adEnabled;
    // With EPT A/D on, every guest paging-structure access is a write for EPT (SDM §29.3.3.2).
    this.guestTableAccess = adEnabled ? NESTED_READ | NESTED_WRITE : NESTED_READ;
    this.guestFlagWritesNeedCheck = !adEnabled;
    this.masks = reservedMasks(maxPhyAddr, true);
  }

  translate(gpaHi: number, gpaLo: number, access: number, guestLevel: number): number {
    let level = this.startWalk(gpaHi, gpaLo, access, guestLevel, EPT_RWX);
    if (level === 0) return NESTED_OK;
    const ctx = this.ctx;
    const memory = ctx.memory;
    const fills = ctx.cacheMode === CACHES_ON ? this.caches : null;
    let rights = this.startRights;
    // Addresses as 32-bit halves: indices and entry addresses by shifts and masks, no conversions.
    let tableHi = highHalf(this.startTable);
    let tableLo = this.startTable | 0;
    for (; level >= 1; level--) {
      const index = levelIndex(gpaHi, gpaLo, level);
      // Tables are 4 KiB aligned: the entry's offset only fills the low 12 bits.
      const addrLo = tableLo | (index << 3);
      this.readEntry(tableHi, tableLo, addrLo, level, index, gpaHi, gpaLo, guestLevel, rights);
      const lo = memory.lo;
      const hi = memory.hi;
      const perms = lo & EPT_RWX;
      if (perms === 0) return this.fail(level, 0, FAULT_NOT_PRESENT, lo | 0, hi | 0);
      const leaf = level === 1 || ((level === 2 || level === 3) && (lo & EPT_PS) !== 0);
      if (this.misconfigured(lo, hi, level, leaf))
        return this.fail(level, rights & perms, FAULT_RESERVED, lo | 0, hi | 0, NESTED_MISCONFIG);
      rights &= perms;
      const write = (access & NESTED_WRITE) !== 0;
      if (leaf) {
        this.rights = rights;
        this.leafLevel = level;
        if ((access & ~rights) !== 0) return this.fail(level, rights, FAULT_PERMISSION, lo | 0, hi | 0);
        if (this.needsMarking(lo, write)) this.markUsed(level, guestLevel, tableHi, addrLo, lo, hi, write);
        this.leafDirty = !this.adEnabled || (lo & EPT_D) !== 0 || write;
        return this.reachLeaf(fills, gpaHi, gpaLo, lo, hi, level, guestLevel);
      }
      // A on a non-leaf entry as the walk uses it; a failure further down leaves it set.
      if (this.needsMarking(lo, false)) this.markUsed(level, guestLevel, tableHi, addrLo, lo, hi, false);
      tableHi = hi & this.maskHi;
      tableLo = lo & ADDRESS_LO;
      if (fills !== null) this.fillStep(fills, gpaHi, gpaLo, tableHi, tableLo, level, rights, guestLevel);
    }
    throw new Error('unreachable: level 1 is always a leaf');
  }

  /** SDM §29.3.3.1: whether an EPT entry is misconfigured (numbers only: this runs on every entry read). */
  private misconfigured(lo: number, hi: number, level: number, leaf: boolean): boolean {
    if ((lo & (EPT_R | EPT_W)) === EPT_W || (hi & this.masks.aboveMaxPhyHi) !== 0) return true;
    if (!leaf) return (lo & (level >= 4 ? EPT_TOP_RSVD : EPT_NONLEAF_RSVD)) !== 0;
    if (level === 3 && (lo & EPT_LARGE_LEAF_RSVD_1G) !== 0) return true;
    if (level === 2 && (lo & EPT_LARGE_LEAF_RSVD_2M) !== 0) return true;
    return !isValidEptMemoryType((lo & EPT_MEMTYPE) >>> EPT_MEMTYPE_SHIFT);
  }

  /**
   * A misconfiguration has no exit qualification (SDM §29.3.3.1); a violation reports the access,
   * the R/W/X of the path up to the failing entry, a valid linear address, and whether the access
   * was to the final translated address (bit 8) or to a guest paging-structure entry (§28.2.1).
   */
  report(nestedOutcome: number, access: number, guestLevel: number, fault: WalkFault): number {
    if (nestedOutcome === NESTED_MISCONFIG) return OUTCOME_EPT_MISCONFIG;
    fault.exitQualification =
      access | (this.rights << 3) | EXITQ_LINEAR_VALID | (guestLevel === 0 ? EXITQ_FINAL_TRANSLATION : 0);
    return OUTCOME_EPT_VIOLATION;
  }

  /**
   * The write that sets a guest A/D flag, refused (EPT A/D off, no W on the path): it reuses the
   * read's translation, so the exit qualification has bit 1 alone and bit 8 clear
   * (docs/hardware-rules.md §2, pinned choice).
   */
  reportFlagWrite(fault: WalkFault): number {
    fault.exitQualification = NESTED_WRITE | (this.rights << 3) | EXITQ_LINEAR_VALID;
    fault.nestedLevel = this.leafLevel;
    return OUTCOME_EPT_VIOLATION;
  }
}
