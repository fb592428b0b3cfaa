import { levelIndex } from '../address';
import {
  PTE_A,
  PTE_D,
  PTE_P,
  PTE_RW,
  PTE_US,
  PTE_XD_HI,
  addressMaskHi,
  bytesOfLevel,
  entryAddress,
  TWO_32,
} from '../bits';
import {
  describeReservedBits,
  hasReservedBits,
  isLeaf,
  reservedMasks,
  type ReservedMasks,
} from './guest-entry-rules';
import { ADDRESS_LO, highHalf, joinHalves } from './address-halves';
import { needsFlags } from './walk-context';
import type { WalkContext } from './walk-context';
import { ARG_GPA, ARG_HPA, CACHES_OFF, CACHES_ON, type NestedCacheHooks } from './cache-hooks';
import {
  FAULT_NOT_PRESENT,
  FAULT_PERMISSION,
  FAULT_RESERVED,
  NESTED_FETCH,
  NESTED_OK,
  NESTED_READ,
  NESTED_VIOLATION,
  NESTED_WRITE,
  PATH_SLOTS,
  type NestedWalker,
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
export class NptWalker implements NestedWalker {
  readonly levels: number;
  readonly guestFlagWritesNeedCheck = false;
  readonly guestTableAccess = NESTED_READ | NESTED_WRITE;
  hpa = 0;
  hpaHi = 0;
  hpaLo = 0;
  leafLevel = 1;
  rights = 0;
  faultLevel = 0;
  faultKind = FAULT_NOT_PRESENT;
  leafDirty = true;
  caches: NestedCacheHooks | null = null;
  readonly pathTable = new Float64Array(PATH_SLOTS);
  readonly pathRights = new Int32Array(PATH_SLOTS);
  pathLowest = 0;
  private readonly root: number;
  private readonly maskHi: number;
  private readonly masks: ReservedMasks;
  private failureDetail = '';

  constructor(
    private readonly ctx: WalkContext,
    ncr3: number,
    levels: number,
    private readonly nxe: boolean,
    maxPhyAddr: number,
  ) {
    this.levels = levels;
    this.maskHi = addressMaskHi(maxPhyAddr);
    this.masks = reservedMasks(maxPhyAddr, nxe);
    this.root = entryAddress(ncr3 >>> 0, Math.floor(ncr3 / 0x1_0000_0000), this.maskHi);
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
      // AMD's nested TLB makes no reference; a nested page-walk-cache hit starts lower.
      caches.args[ARG_GPA] = gpa;
      if (caches.lookupMapping(access, guestLevel)) return this.fromMapping(caches);
      const hit = caches.lookupPwc(this.levels, guestLevel);
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
      if (ctx.recordPath) {
        this.pathTable[level] = joinHalves(tableHi, tableLo);
        this.pathRights[level] = packRights(writable, user, noExec);
        this.pathLowest = level;
      }
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
      if (isLeaf(lo, level)) {
        this.rights = rights;
        this.leafLevel = level;
        if (user === 0 || (access & ~rights) !== 0) return this.fail(level, rights, FAULT_PERMISSION);
        if (ctx.sideEffects && needsFlags(lo, PTE_A, (access & NESTED_WRITE) !== 0 ? PTE_D : 0)) {
          ctx.setFlags(
            'nested',
            guestLevel,
            level,
            joinHalves(tableHi, addrLo),
            lo,
            hi,
            PTE_A,
            (access & NESTED_WRITE) !== 0 ? PTE_D : 0,
          );
        }
        // The offset within a page of ≤ 1 GiB lies in the low half: integer ops, not a float modulo.
        const offsetMask = bytesOfLevel(level) - 1;
        const baseLo = lo & ~offsetMask & ADDRESS_LO;
        const base = (hi & this.maskHi) * TWO_32 + (baseLo >>> 0);
        this.hpaHi = hi & this.maskHi;
        this.hpaLo = baseLo | (gpaLo & offsetMask);
        this.hpa = base + (gpaLo & offsetMask);
        this.leafDirty = (lo & PTE_D) !== 0 || (access & NESTED_WRITE) !== 0;
        if (fills !== null) {
          fills.args[ARG_GPA] = gpa;
          fills.args[ARG_HPA] = base;
          fills.fillMapping(level, rights, this.leafDirty, guestLevel);
        }
        return NESTED_OK;
      }
      if (ctx.sideEffects && needsFlags(lo, PTE_A, 0))
        ctx.setFlags('nested', guestLevel, level, joinHalves(tableHi, addrLo), lo, hi, PTE_A, 0);
      tableHi = hi & this.maskHi;
      tableLo = lo & ADDRESS_LO;
      if (fills !== null) {
        fills.args[ARG_GPA] = gpa;
        fills.args[ARG_HPA] = tableHi * TWO_32 + (tableLo >>> 0);
        fills.fillPwc(level, packRights(writable, user, noExec), guestLevel);
      }
    }
    throw new Error('unreachable: level 1 is always a leaf');
  }

  private fromMapping(caches: NestedCacheHooks): number {
    this.hpa = caches.hitHpa;
    this.hpaHi = highHalf(caches.hitHpa);
    this.hpaLo = caches.hitHpa | 0;
    this.rights = caches.hitRights;
    this.leafLevel = caches.hitLeaf;
    this.leafDirty = caches.hitDirty;
    return NESTED_OK;
  }

  private fail(level: number, rights: number, kind: number): number {
    this.faultLevel = level;
    this.faultKind = kind;
    this.rights = rights;
    return NESTED_VIOLATION;
  }

  describeFailure(): string {
    if (this.faultKind === FAULT_NOT_PRESENT) return 'the nested entry is not present (P = 0)';
    if (this.faultKind === FAULT_RESERVED)
      return `a reserved bit is set in the nested entry: ${this.failureDetail}`;
    return 'the nested path does not allow this user-mode access';
  }
}
