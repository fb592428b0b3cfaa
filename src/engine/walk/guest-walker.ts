/**
 * The guest dimension of a walk (SDM Vol. 3, §4.5; docs/hardware-rules.md §1 and §3).
 *
 * Map of the class:
 * - `walk`: canonical check, then the caches (a TLB hit ends the walk), then `walkTables`.
 * - `walkTables`: the algorithm, one guest level per turn — translate the entry's gPA through the
 *   nested walker, read it, present? reserved? rights, leaf? A/D, next table.
 * - `resumeBelow` / `fillAbove`: where a paging-structure-cache hit lets the walk start, and the
 *   entry of the level above cached once the walk has passed it.
 * - `finish`: the final gPA through the nested walker; the result lands in `record`.
 * - `pageFault`, `nestedFailure`, `flagWriteRefused`: failures as codes in `fault`; the vendor's
 *   report comes from the nested walker, the sentence from fault-text.ts.
 *
 * With a nested walker every guest-physical address the walk touches — each entry and the final
 * data address — is translated through it first: n·m + n + m references in all. Addresses travel
 * as 32-bit halves (address-halves.ts), so the bulk path allocates nothing.
 */
import { isCanonical, levelIndex } from '../address';
import {
  PFEC_ID,
  PFEC_P,
  PFEC_RSVD,
  PFEC_US,
  PFEC_WR,
  PTE_A,
  PTE_D,
  PTE_G,
  PTE_P,
  addressMaskHi,
  TWO_32,
} from '../bits';
import { bytesOfLevel } from '../paging';
import {
  ACCESS_FETCH,
  ACCESS_WRITE,
  OUTCOME_GP,
  OUTCOME_OK,
  OUTCOME_PAGE_FAULT,
  type CpuConfig,
} from '../vocabulary';
import { ADDRESS_LO, highHalf, joinHalves } from './address-halves';
import { ARG_GPA, ARG_HPA, CACHES_OFF, CACHES_ON, LOOKUP_TLB_HIT, type GuestCacheHooks } from './cache-hooks';
import { describeWalkFault } from './fault-text';
import { hasReservedBits, isLeaf, reservedMasks, type ReservedMasks } from './guest-entry-rules';
import { narrowRights, permissionDenied } from './guest-permissions';
import type { GuestWalk } from './guest-walk';
import { NESTED_OK, PATH_SLOTS, type NestedWalker } from './nested-walker';
import { NESTED_ALL, NESTED_FETCH, NESTED_READ, NESTED_WRITE, RIGHTS_ALL } from './rights';
import { TranslationRecord } from './translation-record';
import { needsFlags, type WalkContext } from './walk-context';
import {
  FAULT_FLAG_WRITE,
  FAULT_GUEST_DENIED,
  FAULT_GUEST_NOT_PRESENT,
  FAULT_GUEST_RESERVED,
  FAULT_NESTED,
  FAULT_NONE,
  FAULT_NOT_CANONICAL,
  WalkFault,
} from './walk-fault';

export class GuestWalker implements GuestWalk {
  readonly levels: number;
  /** The last translation's result (written by the walk, or by a TLB hit). */
  readonly record = new TranslationRecord();
  /** How the last walk failed (outcome ≠ OUTCOME_OK). */
  readonly fault = new WalkFault();
  caches: GuestCacheHooks | null = null;
  readonly pathTableGpa = new Float64Array(PATH_SLOTS);
  readonly pathTableHpa = new Float64Array(PATH_SLOTS);
  readonly pathRights = new Int32Array(PATH_SLOTS);
  readonly pathNestedRights = new Int32Array(PATH_SLOTS);
  pathLowest = 0;

  /** The top table's address as halves. */
  private rootHi: number;
  private rootLo: number;
  private readonly maskHi: number;
  private readonly masks: ReservedMasks;
  /** After `resumeBelow`: the table below the cached entry (gPA and hPA halves) and the rights so far. */
  private resumeHi = 0;
  private resumeLo = 0;
  private resumeHpaHi = 0;
  private resumeHpaLo = 0;
  private resumeRights = 0;

  constructor(
    private readonly ctx: WalkContext,
    readonly cpu: CpuConfig,
    private readonly nested: NestedWalker | null,
  ) {
    this.levels = cpu.la57 ? 5 : 4;
    this.maskHi = addressMaskHi(cpu.maxPhyAddr);
    this.masks = reservedMasks(cpu.maxPhyAddr, cpu.nxe);
    this.rootHi = Math.floor(cpu.cr3 / TWO_32) & this.maskHi;
    this.rootLo = cpu.cr3 & ADDRESS_LO;
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
    this.fault.reason = FAULT_NONE;
    if (!isCanonical(vaHi, this.cpu.la57)) return this.notCanonical();
    const caches = this.ctx.cacheMode !== CACHES_OFF ? this.caches : null;
    // A TLB hit makes no reference; a paging-structure-cache hit starts the walk lower.
    const hit = caches === null ? 0 : caches.lookup(this.record, vaHi, vaLo, kind, cpl);
    if (hit === LOOKUP_TLB_HIT) return OUTCOME_OK;
    return this.walkTables(hit, vaHi, vaLo, kind, cpl);
  }

  /** The last failure in words (for the `fault` event; builds a string, so never on the bulk path). */
  describeFault(kind: number, cpl: number): string {
    return describeWalkFault(this.fault, kind, cpl, this.masks, this.nested);
  }

  /** The walk through the tables, from the top or below the paging-structure-cache hit at level `hit`. */
  private walkTables(hit: number, vaHi: number, vaLo: number, kind: number, cpl: number): number {
    const ctx = this.ctx;
    const memory = ctx.memory;
    const nested = this.nested;
    const fills = ctx.cacheMode === CACHES_ON ? this.caches : null;
    const top = hit > 0 ? this.resumeBelow(hit) : this.levels;
    // The current table's gPA (natively its address) as halves; `cached`: its hPA came from a cache.
    let cached = hit > 0;
    let tableHi = cached ? this.resumeHi : this.rootHi;
    let tableLo = cached ? this.resumeLo : this.rootLo;
    let rights = cached ? this.resumeRights : RIGHTS_ALL;
    this.pathLowest = this.levels + 1;
    for (let level = top; level >= 1; level--) {
      const index = levelIndex(vaHi, vaLo, level);
      const entryLo = tableLo | (index << 3); // tables are 4 KiB aligned
      // 1. The entry's host-physical address: from the cache, the nested walk, or (natively) itself.
      let addrHi = tableHi;
      let addrLo = entryLo;
      if (cached) {
        addrHi = this.resumeHpaHi;
        addrLo = this.resumeHpaLo | (index << 3);
        cached = false;
      } else if (nested !== null) {
        const r = nested.translate(tableHi, entryLo, nested.guestTableAccess, level);
        if (r !== NESTED_OK) return this.nestedFailure(r, tableHi, entryLo, level, nested.guestTableAccess);
        addrHi = nested.hpaHi;
        addrLo = nested.hpaLo;
      }
      if (fills !== null && level < top)
        this.fillAbove(fills, level, vaHi, vaLo, tableHi, tableLo, addrHi, addrLo, index, rights);
      if (ctx.recordPath) this.notePath(level, tableHi, tableLo, addrHi, addrLo, index, rights);
      // 2. Read it.
      ctx.readWord(addrHi, addrLo);
      ctx.guestCount++;
      const lo = memory.lo;
      const hi = memory.hi;
      if (ctx.references !== null || ctx.sink !== null)
        ctx.recordGuest(level, index, joinHalves(tableHi, entryLo), joinHalves(addrHi, addrLo), lo, hi);
      // 3. Present? Reserved bits? (SDM §4.7)
      if ((lo & PTE_P) === 0)
        return this.pageFault(FAULT_GUEST_NOT_PRESENT, 0, kind, cpl, level, lo | 0, hi | 0);
      if (hasReservedBits(lo, hi, level, this.masks))
        return this.pageFault(FAULT_GUEST_RESERVED, PFEC_P | PFEC_RSVD, kind, cpl, level, lo | 0, hi | 0);
      // 4. Rights of the path so far; checked at the leaf (SDM §4.6).
      rights = narrowRights(rights, lo, hi);
      const leaf = isLeaf(lo, level);
      const denied = leaf ? permissionDenied(this.cpu, kind, cpl, rights) : 0;
      if (denied !== 0) return this.pageFault(FAULT_GUEST_DENIED, PFEC_P, kind, cpl, level, denied, 0);
      // 5. A (and D on a write to the leaf) — the leaf only once its checks passed (SDM §4.8).
      const dirty = leaf && kind === ACCESS_WRITE ? PTE_D : 0;
      if (needsFlags(lo, PTE_A, dirty)) {
        if (nested !== null && nested.guestFlagWritesNeedCheck && (nested.rights & NESTED_WRITE) === 0)
          return this.flagWriteRefused(tableHi, entryLo, level, lo | 0);
        if (ctx.sideEffects)
          ctx.setFlags('guest', level, 0, joinHalves(addrHi, addrLo), lo, hi, PTE_A, dirty);
      }
      // 6. A leaf maps the page; else the entry names the next table.
      if (leaf) return this.finish(fills, lo, hi, level, vaHi, vaLo, kind, rights, dirty !== 0);
      tableHi = hi & this.maskHi;
      tableLo = lo & ADDRESS_LO;
    }
    throw new Error('unreachable: level 1 is always a leaf');
  }

  /** A paging-structure-cache hit at `hit`: the walk resumes one level below; returns that level. */
  private resumeBelow(hit: number): number {
    const caches = this.caches!;
    this.resumeHi = highHalf(caches.pwcTableGpa);
    this.resumeLo = caches.pwcTableGpa | 0;
    this.resumeHpaHi = highHalf(caches.pwcTableHpa);
    this.resumeHpaLo = caches.pwcTableHpa | 0;
    this.resumeRights = caches.pwcRights;
    // The nested rights of the page holding that table, for the A/D write check.
    const nested = this.nested;
    if (nested !== null) {
      nested.rights = caches.pwcNestedRights;
      nested.leafLevel = caches.pwcNestedLeaf;
    }
    return hit - 1;
  }

  /** The entry of level + 1 passed its checks: cache it, pointing at this level's table. */
  private fillAbove(
    fills: GuestCacheHooks,
    level: number,
    vaHi: number,
    vaLo: number,
    tableHi: number,
    tableLo: number,
    addrHi: number,
    addrLo: number,
    index: number,
    rights: number,
  ): void {
    const nested = this.nested;
    fills.args[ARG_GPA] = tableHi * TWO_32 + (tableLo >>> 0);
    fills.args[ARG_HPA] = addrHi * TWO_32 + (addrLo >>> 0) - index * 8;
    fills.fillPwc(
      level + 1,
      vaHi,
      vaLo,
      rights,
      nested === null ? NESTED_ALL : nested.rights,
      nested === null ? 0 : nested.leafLevel,
    );
  }

  /** The leaf maps the page: the guest part of the record, then the final gPA through the nested walker. */
  private finish(
    fills: GuestCacheHooks | null,
    lo: number,
    hi: number,
    level: number,
    vaHi: number,
    vaLo: number,
    kind: number,
    rights: number,
    dirtied: boolean,
  ): number {
    const record = this.record;
    record.leafRights = rights;
    record.leafDirty = (lo & PTE_D) !== 0 || dirtied;
    record.leafGlobal = this.cpu.pge && (lo & PTE_G) !== 0;
    // The offset within a 1 GiB page reaches at most bit 29, so the low half holds it entirely.
    const offsetMask = bytesOfLevel(level) - 1;
    const gpaHi = hi & this.maskHi;
    const gpaLo = (lo & ~offsetMask & ADDRESS_LO) | (vaLo & offsetMask);
    const gpa = gpaHi * TWO_32 + (gpaLo >>> 0);
    record.guestLeafLevel = level;
    record.gpa = gpa;
    const nested = this.nested;
    if (nested === null) {
      record.pa = gpa;
      record.nestedLeafLevel = 0;
      record.finalNestedRights = NESTED_ALL;
      record.finalNestedDirty = true;
    } else {
      const access =
        kind === ACCESS_WRITE ? NESTED_WRITE : kind === ACCESS_FETCH ? NESTED_FETCH : NESTED_READ;
      const r = nested.translate(gpaHi, gpaLo, access, 0);
      if (r !== NESTED_OK) return this.nestedFailure(r, gpaHi, gpaLo, 0, access);
      record.pa = nested.hpa;
      record.nestedLeafLevel = nested.leafLevel;
      record.finalNestedRights = nested.rights;
      record.finalNestedDirty = nested.leafDirty;
    }
    if (fills !== null) fills.fillTlb(record, vaHi, vaLo, kind);
    return OUTCOME_OK;
  }

  /** With `ctx.recordPath`: the table read at `level` (gPA, hPA) and the rights before its entry. */
  private notePath(
    level: number,
    tableHi: number,
    tableLo: number,
    addrHi: number,
    addrLo: number,
    index: number,
    rights: number,
  ): void {
    const nested = this.nested;
    this.pathNestedRights[level] = nested === null ? NESTED_ALL : nested.rights;
    this.pathTableGpa[level] = joinHalves(tableHi, tableLo);
    this.pathTableHpa[level] = joinHalves(addrHi, addrLo) - index * 8;
    this.pathRights[level] = rights;
    this.pathLowest = level;
  }

  private notCanonical(): number {
    const fault = this.fault;
    fault.reason = FAULT_NOT_CANONICAL;
    fault.guestLevel = this.levels;
    fault.nestedLevel = 0;
    return OUTCOME_GP;
  }

  /**
   * #PF (SDM §4.7): `bits` P / RSVD, plus W/R, U/S and I/D from the access. `detail`, `entryHi`:
   * the entry's words (int32), or for a denial the DENY_* rule.
   */
  private pageFault(
    reason: number,
    bits: number,
    kind: number,
    cpl: number,
    level: number,
    detail: number,
    entryHi: number,
  ): number {
    const cpu = this.cpu;
    const fault = this.fault;
    let code = bits;
    if (kind === ACCESS_WRITE) code |= PFEC_WR;
    if (cpl === 3) code |= PFEC_US;
    if (kind === ACCESS_FETCH && (cpu.nxe || cpu.smep)) code |= PFEC_ID;
    fault.reason = reason;
    fault.rule = reason === FAULT_GUEST_DENIED ? detail : 0;
    fault.entryLo = detail;
    fault.entryHi = entryHi;
    fault.errorCode = code;
    fault.guestLevel = level;
    fault.nestedLevel = 0;
    return OUTCOME_PAGE_FAULT;
  }

  /** The nested walk of gPA gpaHi:gpaLo for guest level `level` (0 = the final address) failed. */
  private nestedFailure(r: number, gpaHi: number, gpaLo: number, level: number, access: number): number {
    const nested = this.nested!;
    const fault = this.fault;
    fault.reason = FAULT_NESTED;
    fault.gpa = joinHalves(gpaHi, gpaLo);
    fault.guestLevel = level;
    fault.nestedLevel = nested.faultLevel;
    return nested.report(r, access, level, fault);
  }

  /** The write that sets a guest A/D flag is refused by the EPT translation made for the read. */
  private flagWriteRefused(tableHi: number, entryLo: number, level: number, lo: number): number {
    const fault = this.fault;
    fault.reason = FAULT_FLAG_WRITE;
    fault.entryLo = lo;
    fault.gpa = joinHalves(tableHi, entryLo);
    fault.guestLevel = level;
    return this.nested!.reportFlagWrite(fault);
  }
}
