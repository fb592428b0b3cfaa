import { levelIndex } from '../address';
import {
  NPF_FINAL_TRANSLATION,
  NPF_GUEST_TABLE,
  PFEC_ID,
  PFEC_P,
  PFEC_RSVD,
  PFEC_US,
  PFEC_WR,
  PTE_A,
  PTE_D,
  PTE_P,
  addressMaskHi,
  entryAddress,
  TWO_32,
} from '../bits';
import { OUTCOME_NPF } from '../vocabulary';
import { ADDRESS_LO, highHalf } from './address-halves';
import { CACHES_ON } from './cache-hooks';
import { hasReservedBits, isLeaf, reservedMasks, type ReservedMasks } from './guest-entry-rules';
import { narrowRights } from './guest-permissions';
import { NestedWalkBase } from './nested-walk-base';
import { FAULT_NOT_PRESENT, FAULT_PERMISSION, FAULT_RESERVED, NESTED_OK } from './nested-walker';
import { NESTED_FETCH, NESTED_READ, NESTED_WRITE, RIGHT_NX, RIGHT_U, RIGHT_W, RIGHTS_ALL } from './rights';
import type { WalkContext } from './walk-context';
import type { WalkFault } from './walk-fault';

/**
 * AMD nested paging (APM Vol. 2, §15.25; docs/hardware-rules.md §4): the nested table has the
 * ordinary long-mode format, rooted at nCR3, and every nested access is a user-mode access. Guest
 * page-table accesses are checked as user-mode writes, so no separate check is needed when the
 * guest walk sets A/D. Rights so far are packed as the guest walk packs them (RIGHT_*).
 */
export class NptWalker extends NestedWalkBase {
  readonly vendor = 'amd-npt';
  readonly levels: number;
  readonly guestFlagWritesNeedCheck = false;
  readonly guestTableAccess = NESTED_READ | NESTED_WRITE;
  readonly masks: ReservedMasks;

  constructor(
    ctx: WalkContext,
    ncr3: number,
    levels: number,
    private readonly nxe: boolean,
    maxPhyAddr: number,
  ) {
    const maskHi = addressMaskHi(maxPhyAddr);
    super(ctx, entryAddress(ncr3 >>> 0, Math.floor(ncr3 / TWO_32), maskHi), maskHi, PTE_A, PTE_D, true);
    this.levels = levels;
    this.masks = reservedMasks(maxPhyAddr, nxe);
  }

  translate(gpaHi: number, gpaLo: number, access: number, guestLevel: number): number {
    let level = this.startWalk(gpaHi, gpaLo, access, guestLevel, RIGHTS_ALL);
    if (level === 0) return NESTED_OK;
    const ctx = this.ctx;
    const memory = ctx.memory;
    const fills = ctx.cacheMode === CACHES_ON ? this.caches : null;
    let packed = this.startRights;
    // Addresses as 32-bit halves (address-halves.ts); tables are 4 KiB aligned.
    let tableHi = highHalf(this.startTable);
    let tableLo = this.startTable | 0;
    for (; level >= 1; level--) {
      const index = levelIndex(gpaHi, gpaLo, level);
      const addrLo = tableLo | (index << 3);
      this.readEntry(tableHi, tableLo, addrLo, level, index, gpaHi, gpaLo, guestLevel, packed);
      const lo = memory.lo;
      const hi = memory.hi;
      if ((lo & PTE_P) === 0) return this.fail(level, 0, FAULT_NOT_PRESENT, lo | 0, hi | 0);
      if (hasReservedBits(lo, hi, level, this.masks))
        return this.fail(level, 0, FAULT_RESERVED, lo | 0, hi | 0);
      packed = narrowRights(packed, lo, hi);
      const rights =
        NESTED_READ |
        ((packed & RIGHT_W) !== 0 ? NESTED_WRITE : 0) |
        ((packed & RIGHT_NX) !== 0 && this.nxe ? 0 : NESTED_FETCH);
      const write = (access & NESTED_WRITE) !== 0;
      if (isLeaf(lo, level)) {
        this.rights = rights;
        this.leafLevel = level;
        if ((packed & RIGHT_U) === 0 || (access & ~rights) !== 0)
          return this.fail(level, rights, FAULT_PERMISSION, lo | 0, hi | 0);
        if (this.needsMarking(lo, write)) this.markUsed(level, guestLevel, tableHi, addrLo, lo, hi, write);
        this.leafDirty = (lo & PTE_D) !== 0 || write;
        return this.reachLeaf(fills, gpaHi, gpaLo, lo, hi, level, guestLevel);
      }
      if (this.needsMarking(lo, false)) this.markUsed(level, guestLevel, tableHi, addrLo, lo, hi, false);
      tableHi = hi & this.maskHi;
      tableLo = lo & ADDRESS_LO;
      if (fills !== null) this.fillStep(fills, gpaHi, gpaLo, tableHi, tableLo, level, packed, guestLevel);
    }
    throw new Error('unreachable: level 1 is always a leaf');
  }

  /**
   * #VMEXIT(NPF) (APM §15.25.6): EXITINFO1 holds #PF-style bits — every nested access is a user
   * access — plus bit 32 (the final guest-physical translation) or bit 33 (a guest table access).
   */
  report(_nestedOutcome: number, access: number, guestLevel: number, fault: WalkFault): number {
    let info = this.faultKind === FAULT_NOT_PRESENT ? 0 : PFEC_P;
    if ((access & NESTED_WRITE) !== 0) info |= PFEC_WR;
    info |= PFEC_US;
    if (this.faultKind === FAULT_RESERVED) info |= PFEC_RSVD;
    if ((access & NESTED_FETCH) !== 0) info |= PFEC_ID;
    fault.exitInfo1 = info + (guestLevel === 0 ? NPF_FINAL_TRANSLATION : NPF_GUEST_TABLE);
    return OUTCOME_NPF;
  }

  reportFlagWrite(): number {
    throw new Error('unreachable: nested paging checks guest table accesses as writes already');
  }
}
