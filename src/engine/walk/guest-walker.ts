import { isCanonical, levelIndex } from '../address';
import { RIGHT_NX, RIGHT_U, RIGHT_W } from '../cache/keys';
import { NESTED_ALL, packRights, permissionDenied } from './guest-permissions';
import {
  EXITQ_FINAL_TRANSLATION,
  EXITQ_LINEAR_VALID,
  NPF_FINAL_TRANSLATION,
  NPF_GUEST_TABLE,
  PFEC_ID,
  PFEC_P,
  PFEC_RSVD,
  PFEC_US,
  PFEC_WR,
  PTE_A,
  PTE_D,
  PTE_G,
  PTE_P,
  PTE_RW,
  PTE_US,
  PTE_XD_HI,
  addressMaskHi,
  bytesOfLevel,
  TWO_32,
} from '../bits';
import {
  ACCESS_FETCH,
  ACCESS_WRITE,
  OUTCOME_EPT_MISCONFIG,
  OUTCOME_EPT_VIOLATION,
  OUTCOME_GP,
  OUTCOME_NPF,
  OUTCOME_OK,
  OUTCOME_PAGE_FAULT,
  type CpuConfig,
} from '../types';
import {
  describeReservedBits,
  hasReservedBits,
  isLeaf,
  reservedMasks,
  type ReservedMasks,
} from './guest-entry-rules';
import {
  FAULT_NOT_PRESENT,
  FAULT_RESERVED,
  NESTED_FETCH,
  NESTED_MISCONFIG,
  NESTED_OK,
  NESTED_READ,
  NESTED_WRITE,
  PATH_SLOTS,
  type NestedWalker,
} from './nested-walker';
import { ADDRESS_LO, highHalf, joinHalves } from './address-halves';
import type { WalkContext } from './walk-context';
import { ARG_GPA, ARG_HPA, CACHES_OFF, CACHES_ON, LOOKUP_TLB_HIT, type GuestCacheHooks } from './cache-hooks';
import { describeGuestPermissionFault } from './fault-text';

/** The vendor of the nested dimension decides how its failures are reported. */
const VENDOR_NONE = 0;
const VENDOR_INTEL = 1;
const VENDOR_AMD = 2;

/**
 * The guest dimension of a walk (SDM Vol. 3, §4.5): n levels from CR3 to the leaf. With a nested
 * walker, every guest-physical address it touches — each entry and the final data address — is
 * first translated through it: n·m + n + m references in all.
 */
export class GuestWalker {
  readonly levels: number;
  // Results of the last walk (fields, so the bulk path allocates nothing).
  outcome = OUTCOME_OK;
  pa = 0;
  gpa = 0;
  guestLeafLevel = 1;
  nestedLeafLevel = 0;
  errorCode = 0;
  faultGpa = 0;
  exitQualification = 0;
  exitInfo1 = 0;
  faultGuestLevel = 0;
  faultNestedLevel = 0;
  /** Why the last walk faulted, in words (filled only when an event sink listens). */
  faultReason = '';
  // After an ok walk: what a TLB entry keeps (SDM §4.10.2.2).
  /** Guest rights of the whole path, packed (RIGHT_W / RIGHT_U / RIGHT_NX of cache/keys.ts). */
  leafRights = 0;
  leafDirty = false;
  leafGlobal = false;
  /** Nested rights (NESTED_*) and D state of the final gPA's translation (natively: all, true). */
  finalNestedRights = NESTED_ALL;
  finalNestedDirty = true;
  /** Linear / combined mappings and guest paging-structure caches, when the machine has them. */
  caches: GuestCacheHooks | null = null;
  /** With `ctx.recordPath`: each level's table (gPA, hPA) and the rights before its entry. */
  readonly pathTableGpa = new Float64Array(PATH_SLOTS);
  readonly pathTableHpa = new Float64Array(PATH_SLOTS);
  readonly pathRights = new Int32Array(PATH_SLOTS);
  /** … and the nested rights of the page holding that table. */
  readonly pathNestedRights = new Int32Array(PATH_SLOTS);
  /** The lowest level the last walk read (levels + 1 when it read none). */
  pathLowest = 0;

  /** The top table's address as halves (address-halves.ts). */
  private rootHi: number;
  private rootLo: number;
  private readonly maskHi: number;
  private readonly masks: ReservedMasks;
  private readonly vendor: number;

  constructor(
    private readonly ctx: WalkContext,
    readonly cpu: CpuConfig,
    private readonly nested: NestedWalker | null,
    amd: boolean,
  ) {
    this.levels = cpu.la57 ? 5 : 4;
    this.maskHi = addressMaskHi(cpu.maxPhyAddr);
    this.masks = reservedMasks(cpu.maxPhyAddr, cpu.nxe);
    this.rootHi = Math.floor(cpu.cr3 / TWO_32) & this.maskHi;
    this.rootLo = cpu.cr3 & ADDRESS_LO;
    this.vendor = nested === null ? VENDOR_NONE : amd ? VENDOR_AMD : VENDOR_INTEL;
  }

  /** MOV to CR3: the walk starts from a new top table. */
  setCr3(cr3: number): void {
    this.rootHi = Math.floor(cr3 / TWO_32) & this.maskHi;
    this.rootLo = cr3 & ADDRESS_LO;
  }

  /**
   * Walks `va` (two 32-bit halves) for an access `kind` (ACCESS_*) at `cpl`; returns OUTCOME_*.
   * Small on purpose: the compiler inlines it into the caller, so a TLB hit costs no walk frame.
   */
  walk(vaHi: number, vaLo: number, kind: number, cpl: number): number {
    this.faultReason = '';
    if (!isCanonical(vaHi, this.cpu.la57)) return this.notCanonical();
    const caches = this.ctx.cacheMode !== CACHES_OFF ? this.caches : null;
    // A TLB hit makes no reference; a paging-structure-cache hit starts the walk lower.
    const hit = caches === null ? 0 : caches.lookup(this, vaHi, vaLo, kind, cpl);
    if (hit === LOOKUP_TLB_HIT) return (this.outcome = OUTCOME_OK);
    return this.walkTables(hit, vaHi, vaLo, kind, cpl);
  }

  private notCanonical(): number {
    if (this.ctx.sink !== null) this.faultReason = 'the linear address is not canonical';
    this.faultGuestLevel = this.levels;
    this.faultNestedLevel = 0;
    return (this.outcome = OUTCOME_GP);
  }

  /** The walk through the tables, from the top or below the paging-structure-cache hit at level `hit`. */
  private walkTables(hit: number, vaHi: number, vaLo: number, kind: number, cpl: number): number {
    const ctx = this.ctx;
    const caches = ctx.cacheMode !== CACHES_OFF ? this.caches : null;
    const memory = ctx.memory;
    const nested = this.nested;
    // The current table's gPA (natively its address) as halves (address-halves.ts), and its hPA
    // when a paging-structure cache gave it.
    let tableHi = this.rootHi;
    let tableLo = this.rootLo;
    let cachedHpa = false;
    let tableHpaHi = 0;
    let tableHpaLo = 0;
    let writable = PTE_RW;
    let user = PTE_US;
    let noExec = 0;
    let level = this.levels;
    if (hit > 0) {
      level = hit - 1;
      tableHi = highHalf(caches!.pwcTableGpa);
      tableLo = caches!.pwcTableGpa | 0;
      cachedHpa = true;
      tableHpaHi = highHalf(caches!.pwcTableHpa);
      tableHpaLo = caches!.pwcTableHpa | 0;
      writable = (caches!.pwcRights & RIGHT_W) !== 0 ? PTE_RW : 0;
      user = (caches!.pwcRights & RIGHT_U) !== 0 ? PTE_US : 0;
      noExec = (caches!.pwcRights & RIGHT_NX) !== 0 ? PTE_XD_HI : 0;
    }
    const top = level;
    const fills = caches !== null && ctx.cacheMode === CACHES_ON ? caches : null;
    this.pathLowest = this.levels + 1;
    for (; level >= 1; level--) {
      const index = levelIndex(vaHi, vaLo, level);
      // Tables are 4 KiB aligned: the entry's offset only fills the low 12 bits.
      const entryLo = tableLo | (index << 3);
      // Where the entry is read: its hPA (natively its address).
      let addrHi = tableHi;
      let addrLo = entryLo;
      if (cachedHpa) {
        // A combined paging-structure-cache entry holds the table's host-physical address: no nested walk.
        addrHi = tableHpaHi;
        addrLo = tableHpaLo | (index << 3);
        cachedHpa = false;
        if (nested !== null) {
          nested.rights = caches!.pwcNestedRights;
          nested.leafLevel = caches!.pwcNestedLeaf;
        }
      } else if (nested !== null) {
        const r = nested.translate(tableHi, entryLo, nested.guestTableAccess, level);
        if (r !== NESTED_OK)
          return this.nestedFailure(r, joinHalves(tableHi, entryLo), level, nested.guestTableAccess);
        addrHi = nested.hpaHi;
        addrLo = nested.hpaLo;
      }
      const rightsSoFar = packRights(writable, user, noExec);
      if (fills !== null && level < top) {
        // The level above was walked and passed its checks: cache it, pointing at this table.
        const nestedRights = nested === null ? NESTED_ALL : nested.rights;
        const nestedLeaf = nested === null ? 0 : nested.leafLevel;
        // Doubles joined inline: a call to joinHalves left out-of-line would box its result.
        fills.args[ARG_GPA] = tableHi * TWO_32 + (tableLo >>> 0);
        fills.args[ARG_HPA] = addrHi * TWO_32 + (addrLo >>> 0) - index * 8;
        fills.fillPwc(level + 1, vaHi, vaLo, rightsSoFar, nestedRights, nestedLeaf);
      }
      if (ctx.recordPath) {
        this.notePath(
          level,
          joinHalves(tableHi, tableLo),
          joinHalves(addrHi, addrLo) - index * 8,
          rightsSoFar,
          nested === null ? NESTED_ALL : nested.rights,
        );
      }
      ctx.readWord(addrHi, addrLo);
      ctx.guestCount++;
      const lo = memory.lo;
      const hi = memory.hi;
      if (ctx.references !== null || ctx.sink !== null)
        ctx.recordGuest(level, index, joinHalves(tableHi, entryLo), joinHalves(addrHi, addrLo), lo, hi);
      if ((lo & PTE_P) === 0) {
        if (ctx.sink !== null)
          this.faultReason = `the guest ${levelName(level, this.levels)} entry is not present`;
        return this.pageFault(0, kind, cpl, level);
      }
      if (hasReservedBits(lo, hi, level, this.masks)) {
        if (ctx.sink !== null) {
          this.faultReason = `reserved bit in the guest ${levelName(level, this.levels)} entry: ${describeReservedBits(lo, hi, level, this.masks)}`;
        }
        return this.pageFault(PFEC_P | PFEC_RSVD, kind, cpl, level);
      }
      writable &= lo;
      user &= lo;
      noExec |= hi & PTE_XD_HI;
      const leaf = isLeaf(lo, level);
      if (leaf) {
        const denied = permissionDenied(this.cpu, kind, cpl, writable !== 0, user !== 0, noExec !== 0);
        if (denied !== 0) {
          if (ctx.sink !== null) this.faultReason = describeGuestPermissionFault(denied, kind, cpl);
          return this.pageFault(PFEC_P, kind, cpl, level);
        }
      }
      // A (and D on a write to a leaf) — the leaf only once its checks passed (docs/hardware-rules.md).
      const dirty = leaf && kind === ACCESS_WRITE ? PTE_D : 0;
      const flagsNeeded = (lo & PTE_A) === 0 || (dirty !== 0 && (lo & PTE_D) === 0);
      if (
        flagsNeeded &&
        nested !== null &&
        nested.guestFlagWritesNeedCheck &&
        (nested.rights & NESTED_WRITE) === 0
      ) {
        // The flag update is a write through the EPT translation already made for the read.
        if (ctx.sink !== null)
          this.faultReason = `setting the guest ${leaf ? 'leaf' : 'entry'}'s accessed flag needs EPT write permission`;
        return this.nestedWriteForFlags(joinHalves(tableHi, entryLo), level);
      }
      if (flagsNeeded && ctx.sideEffects)
        ctx.setFlags('guest', level, 0, joinHalves(addrHi, addrLo), lo, hi, PTE_A, dirty);
      if (leaf) {
        this.leafRights = packRights(writable, user, noExec);
        this.leafDirty = (lo & PTE_D) !== 0 || dirty !== 0;
        this.leafGlobal = this.cpu.pge && (lo & PTE_G) !== 0;
        const code = this.finish(lo, hi, level, vaLo, kind);
        if (code === OUTCOME_OK && fills !== null) fills.fillTlb(this, vaHi, vaLo, kind);
        return code;
      }
      tableHi = hi & this.maskHi;
      tableLo = lo & ADDRESS_LO;
    }
    throw new Error('unreachable: level 1 is always a leaf');
  }

  /** Translates the final guest-physical address and completes the walk. */
  private finish(lo: number, hi: number, level: number, vaLo: number, kind: number): number {
    // The offset within a 1 GiB page reaches at most bit 29, so the low half holds it entirely.
    const offsetMask = bytesOfLevel(level) - 1;
    const gpaHi = hi & this.maskHi;
    const gpaLo = (lo & ~offsetMask & ADDRESS_LO) | (vaLo & offsetMask);
    const gpa = gpaHi * TWO_32 + (gpaLo >>> 0);
    this.guestLeafLevel = level;
    this.gpa = gpa;
    const nested = this.nested;
    if (nested === null) {
      this.pa = gpa;
      this.nestedLeafLevel = 0;
      this.finalNestedRights = NESTED_ALL;
      this.finalNestedDirty = true;
      return (this.outcome = OUTCOME_OK);
    }
    const access = kind === ACCESS_WRITE ? NESTED_WRITE : kind === ACCESS_FETCH ? NESTED_FETCH : NESTED_READ;
    const r = nested.translate(gpaHi, gpaLo, access, 0);
    if (r !== NESTED_OK) return this.nestedFailure(r, gpa, 0, access);
    this.pa = nested.hpa;
    this.nestedLeafLevel = nested.leafLevel;
    this.finalNestedRights = nested.rights;
    this.finalNestedDirty = nested.leafDirty;
    return (this.outcome = OUTCOME_OK);
  }

  private notePath(
    level: number,
    tableGpa: number,
    tableHpa: number,
    rights: number,
    nestedRights: number,
  ): void {
    this.pathNestedRights[level] = nestedRights;
    this.pathTableGpa[level] = tableGpa;
    this.pathTableHpa[level] = tableHpa;
    this.pathRights[level] = rights;
    this.pathLowest = level;
  }

  private pageFault(bits: number, kind: number, cpl: number, level: number): number {
    const cpu = this.cpu;
    let code = bits;
    if (kind === ACCESS_WRITE) code |= PFEC_WR;
    if (cpl === 3) code |= PFEC_US;
    if (kind === ACCESS_FETCH && (cpu.nxe || cpu.smep)) code |= PFEC_ID;
    this.errorCode = code;
    this.faultGuestLevel = level;
    this.faultNestedLevel = 0;
    return (this.outcome = OUTCOME_PAGE_FAULT);
  }

  /** An EPT violation / misconfiguration or #NPF while translating `gpa` for guest level `level`. */
  private nestedFailure(r: number, gpa: number, level: number, access: number): number {
    const nested = this.nested!;
    this.faultGpa = gpa;
    this.faultGuestLevel = level;
    this.faultNestedLevel = nested.faultLevel;
    if (this.ctx.sink !== null) {
      const what =
        level === 0 ? 'the final guest-physical address' : `the guest ${levelName(level, this.levels)} entry`;
      this.faultReason = `translating ${what}: ${nested.describeFailure()}`;
    }
    if (this.vendor === VENDOR_AMD) {
      let info = nested.faultKind === FAULT_NOT_PRESENT ? 0 : PFEC_P;
      if ((access & NESTED_WRITE) !== 0) info |= PFEC_WR;
      info |= PFEC_US; // all nested accesses are user-mode accesses
      if (nested.faultKind === FAULT_RESERVED) info |= PFEC_RSVD;
      if ((access & NESTED_FETCH) !== 0) info |= PFEC_ID;
      this.exitInfo1 = info + (level === 0 ? NPF_FINAL_TRANSLATION : NPF_GUEST_TABLE);
      return (this.outcome = OUTCOME_NPF);
    }
    if (r === NESTED_MISCONFIG) return (this.outcome = OUTCOME_EPT_MISCONFIG);
    this.exitQualification =
      access | (nested.rights << 3) | EXITQ_LINEAR_VALID | (level === 0 ? EXITQ_FINAL_TRANSLATION : 0);
    return (this.outcome = OUTCOME_EPT_VIOLATION);
  }

  /** EPT violation on the write that sets a guest A/D flag: exit-qualification bit 1 alone, bit 8 = 0. */
  private nestedWriteForFlags(entryGpa: number, level: number): number {
    const nested = this.nested!;
    this.faultGpa = entryGpa;
    this.faultGuestLevel = level;
    this.faultNestedLevel = nested.leafLevel;
    this.exitQualification = NESTED_WRITE | (nested.rights << 3) | EXITQ_LINEAR_VALID;
    return (this.outcome = OUTCOME_EPT_VIOLATION);
  }
}

export {
  DENY_NO_EXECUTE,
  DENY_READ_ONLY,
  DENY_SMAP,
  DENY_SMEP,
  DENY_SUPERVISOR_PAGE,
} from './guest-permissions';

const LEVEL_NAMES = ['', 'PT', 'PD', 'PDPT', 'PML4', 'PML5'];
/** Name of the table at `level` (PML5 / PML4 / PDPT / PD / PT). */
export const levelName = (level: number, _levels: number): string => LEVEL_NAMES[level] ?? `level ${level}`;
