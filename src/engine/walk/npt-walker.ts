import { levelIndex } from '../address';
import { PTE_A, PTE_D, PTE_P, PTE_RW, PTE_US, PTE_XD_HI, addressMaskHi, entryAddress, TWO_32 } from '../bits';
import {
  describeReservedBits,
  hasReservedBits,
  isLeaf,
  reservedMasks,
  type ReservedMasks,
} from './guest-entry-rules';
import { ADDRESS_LO, highHalf, joinHalves } from './address-halves';
import type { WalkContext } from './walk-context';
import { CACHES_OFF, CACHES_ON } from './cache-hooks';
import { NestedWalkBase, SERVED_BY_MAPPING } from './nested-walk-base';
import {
  FAULT_NOT_PRESENT,
  FAULT_PERMISSION,
  FAULT_RESERVED,
  NESTED_FETCH,
  NESTED_OK,
  NESTED_READ,
  NESTED_WRITE,
} from './nested-walker';

/** Rights so far, packed for the nested paging-structure cache: R/W (bit 1) and U/S (bit 2) as in an entry, NX in bit 0. */
const PACKED_NX = 1;
const packRights = (writable: number, user: number, noExec: number): number =>
  writable | user | (noExec !== 0 ? PACKED_NX : 0);

/**
 * AMD nested paging (APM Vol. 2, §15.25): the nested table has the ordinary long-mode format,
 * rooted at nCR3, and every nested access is a user-mode access. Guest page-table accesses are
 * checked as user-mode writes, so no separate check is needed when the guest walk sets A/D.
 */
export class NptWalker extends NestedWalkBase {
  readonly levels: number;
  readonly guestFlagWritesNeedCheck = false;
  readonly guestTableAccess = NESTED_READ | NESTED_WRITE;
  private readonly masks: ReservedMasks;

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
    // Doubles joined inline: a call to joinHalves left out-of-line would box its result.
    const gpa = gpaHi * TWO_32 + (gpaLo >>> 0);
    const ctx = this.ctx;
    const memory = ctx.memory;
    const caches = ctx.cacheMode !== CACHES_OFF ? this.caches : null;
    let table = this.root;
    let writable = PTE_RW;
    let user = PTE_US;
    let noExec = 0;
    let level = this.levels;
    if (caches !== null) {
      const hit = this.consultCaches(caches, gpaHi, gpaLo, access, guestLevel);
      if (hit === SERVED_BY_MAPPING) return NESTED_OK;
      if (hit !== 0) {
        level = hit - 1;
        table = caches.pwcTable;
        writable = caches.pwcRights & PTE_RW;
        user = caches.pwcRights & PTE_US;
        noExec = (caches.pwcRights & PACKED_NX) !== 0 ? PTE_XD_HI : 0;
      }
    }
    const fills = caches !== null && ctx.cacheMode === CACHES_ON ? caches : null;
    this.pathLowest = this.levels + 1;
    // Addresses as 32-bit halves (address-halves.ts); tables are 4 KiB aligned.
    let tableHi = highHalf(table);
    let tableLo = table | 0;
    for (; level >= 1; level--) {
      const index = levelIndex(gpaHi, gpaLo, level);
      const addrLo = tableLo | (index << 3);
      if (ctx.recordPath) this.notePath(level, tableHi, tableLo, packRights(writable, user, noExec));
      ctx.readWord(tableHi, addrLo);
      const lo = memory.lo;
      const hi = memory.hi;
      if (ctx.references !== null || ctx.sink !== null)
        ctx.recordNested(guestLevel, level, index, gpa, joinHalves(tableHi, addrLo), lo, hi);
      if ((lo & PTE_P) === 0) return this.fail(level, 0, FAULT_NOT_PRESENT);
      if (hasReservedBits(lo, hi, level, this.masks)) {
        if (ctx.sink !== null) this.failureDetail = describeReservedBits(lo, hi, level, this.masks);
        return this.fail(level, 0, FAULT_RESERVED);
      }
      writable &= lo;
      user &= lo;
      noExec |= hi & PTE_XD_HI;
      const rights =
        NESTED_READ | (writable !== 0 ? NESTED_WRITE : 0) | (noExec !== 0 && this.nxe ? 0 : NESTED_FETCH);
      const write = (access & NESTED_WRITE) !== 0;
      if (isLeaf(lo, level)) {
        this.rights = rights;
        this.leafLevel = level;
        if (user === 0 || (access & ~rights) !== 0) return this.fail(level, rights, FAULT_PERMISSION);
        if (this.needsMarking(lo, write)) this.markUsed(level, guestLevel, tableHi, addrLo, lo, hi, write);
        this.leafDirty = (lo & PTE_D) !== 0 || write;
        return this.reachLeaf(fills, gpaHi, gpaLo, lo, hi, level, guestLevel);
      }
      if (this.needsMarking(lo, false)) this.markUsed(level, guestLevel, tableHi, addrLo, lo, hi, false);
      tableHi = hi & this.maskHi;
      tableLo = lo & ADDRESS_LO;
      if (fills !== null)
        this.fillStep(
          fills,
          gpaHi,
          gpaLo,
          tableHi,
          tableLo,
          level,
          packRights(writable, user, noExec),
          guestLevel,
        );
    }
    throw new Error('unreachable: level 1 is always a leaf');
  }

  describeFailure(): string {
    if (this.faultKind === FAULT_NOT_PRESENT) return 'the nested entry is not present (P = 0)';
    if (this.faultKind === FAULT_RESERVED)
      return `a reserved bit is set in the nested entry: ${this.failureDetail}`;
    return 'the nested path does not allow this user-mode access';
  }
}
