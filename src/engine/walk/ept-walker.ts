import { levelIndex } from '../address';
import {
  EPT_A,
  EPT_D,
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
  addressMaskHi,
  entryAddress,
  isValidEptMemoryType,
  reservedAboveMaxPhyHi,
  TWO_32,
} from '../bits';
import { ADDRESS_LO, highHalf, joinHalves } from './address-halves';
import type { WalkContext } from './walk-context';
import { CACHES_OFF, CACHES_ON } from './cache-hooks';
import { NestedWalkBase, SERVED_BY_MAPPING } from './nested-walk-base';
import {
  FAULT_NOT_PRESENT,
  FAULT_PERMISSION,
  FAULT_RESERVED,
  NESTED_MISCONFIG,
  NESTED_OK,
  NESTED_READ,
  NESTED_WRITE,
} from './nested-walker';

/** Low address bits that must be 0 in a 1 GiB / 2 MiB EPT leaf (SDM §29.3.2, Tables 29-3, 29-5). */
const LARGE_LEAF_RSVD_1G = 0x3fff_f000;
const LARGE_LEAF_RSVD_2M = 0x001f_f000;

/** Levels of an EPT from EPTP bits 5:3 (walk length − 1). */
export const eptLevelsOf = (eptp: number): number =>
  (((eptp >>> 0) & EPTP_WALK_LENGTH) >>> EPTP_WALK_LENGTH_SHIFT) + 1;

/**
 * Intel EPT walk (SDM Vol. 3, §29.3). Reads down to the leaf, a not-present entry or a
 * misconfigured one, and only then checks R/W/X — so a misconfiguration anywhere on the path wins
 * over a permission violation.
 */
export class EptWalker extends NestedWalkBase {
  readonly levels: number;
  readonly adEnabled: boolean;
  readonly guestFlagWritesNeedCheck: boolean;
  readonly guestTableAccess: number;
  private readonly rsvdHi: number;

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
    this.rsvdHi = reservedAboveMaxPhyHi(maxPhyAddr);
  }

  translate(gpaHi: number, gpaLo: number, access: number, guestLevel: number): number {
    // Doubles joined inline: a call to joinHalves left out-of-line would box its result.
    const gpa = gpaHi * TWO_32 + (gpaLo >>> 0);
    const ctx = this.ctx;
    const memory = ctx.memory;
    const caches = ctx.cacheMode !== CACHES_OFF ? this.caches : null;
    let table = this.root;
    let rights = EPT_RWX;
    let level = this.levels;
    if (caches !== null) {
      const hit = this.consultCaches(caches, gpaHi, gpaLo, access, guestLevel);
      if (hit === SERVED_BY_MAPPING) return NESTED_OK;
      if (hit !== 0) {
        level = hit - 1;
        table = caches.pwcTable;
        rights = caches.pwcRights;
      }
    }
    const fills = caches !== null && ctx.cacheMode === CACHES_ON ? caches : null;
    this.pathLowest = this.levels + 1;
    // Addresses as 32-bit halves: indices and entry addresses by shifts and masks, no conversions.
    let tableHi = highHalf(table);
    let tableLo = table | 0;
    for (; level >= 1; level--) {
      const index = levelIndex(gpaHi, gpaLo, level);
      // Tables are 4 KiB aligned: the entry's offset only fills the low 12 bits.
      const addrLo = tableLo | (index << 3);
      if (ctx.recordPath) this.notePath(level, tableHi, tableLo, rights);
      ctx.readWord(tableHi, addrLo);
      const lo = memory.lo;
      const hi = memory.hi;
      if (ctx.references !== null || ctx.sink !== null)
        ctx.recordNested(guestLevel, level, index, gpa, joinHalves(tableHi, addrLo), lo, hi);
      const perms = lo & EPT_RWX;
      if (perms === 0) return this.fail(level, 0, FAULT_NOT_PRESENT);
      const leaf = level === 1 || ((level === 2 || level === 3) && (lo & EPT_PS) !== 0);
      if (this.misconfigured(lo, hi, level, leaf)) {
        if (ctx.sink !== null) this.failureDetail = this.misconfiguration(lo, hi, level, leaf);
        return this.fail(level, rights & perms, FAULT_RESERVED, NESTED_MISCONFIG);
      }
      rights &= perms;
      const write = (access & NESTED_WRITE) !== 0;
      if (leaf) {
        this.rights = rights;
        this.leafLevel = level;
        if ((access & ~rights) !== 0) return this.fail(level, rights, FAULT_PERMISSION);
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
    if ((lo & (EPT_R | EPT_W)) === EPT_W || (hi & this.rsvdHi) !== 0) return true;
    if (!leaf) return (lo & (level >= 4 ? EPT_TOP_RSVD : EPT_NONLEAF_RSVD)) !== 0;
    if (level === 3 && (lo & LARGE_LEAF_RSVD_1G) !== 0) return true;
    if (level === 2 && (lo & LARGE_LEAF_RSVD_2M) !== 0) return true;
    return !isValidEptMemoryType((lo & EPT_MEMTYPE) >>> EPT_MEMTYPE_SHIFT);
  }

  /** Which condition of `misconfigured` holds, in words (only when an event sink listens). */
  private misconfiguration(lo: number, hi: number, level: number, leaf: boolean): string {
    if ((lo & (EPT_R | EPT_W)) === EPT_W) return 'write allowed without read';
    if ((hi & this.rsvdHi) !== 0) return 'address bits above MAXPHYADDR are set';
    if (level >= 4 && (lo & EPT_TOP_RSVD) !== 0) return `reserved bits 7:3 are set in an EPT PML${level}E`;
    if (!leaf) return 'reserved bits 6:3 are set in a non-leaf entry';
    if (level === 3 && (lo & LARGE_LEAF_RSVD_1G) !== 0) return 'address bits 29:12 of a 1 GiB page are set';
    if (level === 2 && (lo & LARGE_LEAF_RSVD_2M) !== 0) return 'address bits 20:12 of a 2 MiB page are set';
    return `memory type ${(lo & EPT_MEMTYPE) >>> EPT_MEMTYPE_SHIFT} is invalid`;
  }

  describeFailure(): string {
    if (this.faultKind === FAULT_NOT_PRESENT) return 'the EPT entry is not present (R = W = X = 0)';
    if (this.faultKind === FAULT_RESERVED) return `EPT misconfiguration: ${this.failureDetail}`;
    const names = ['read', 'write', 'execute'].filter((_, bit) => (this.rights & (1 << bit)) !== 0);
    return `the EPT path allows only ${names.length > 0 ? names.join(', ') : 'nothing'}`;
  }
}
