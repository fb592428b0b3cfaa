/**
 * What the Intel EPT and AMD NPT walkers share around their walk loops: the result fields, the
 * caches consulted before the walk, the path kept for stale-entry checks, A/D updates, the step to
 * the next table and the leaf's completion. Each walker keeps its own loop, because what an entry
 * means — present, misconfigured or reserved, leaf, rights — differs between the two formats.
 *
 * Addresses reach the helpers as 32-bit halves (address-halves.ts): a number above 2^31 passed to a
 * call the compiler leaves out-of-line would be boxed — an allocation per translation.
 */
import { TWO_32 } from '../bits';
import { bytesOfLevel } from '../paging';
import { ADDRESS_LO, highHalf, joinHalves } from './address-halves';
import { ARG_GPA, ARG_HPA, CACHES_OFF, type NestedCacheHooks } from './cache-hooks';
import type { ReservedMasks } from './guest-entry-rules';
import {
  FAULT_NOT_PRESENT,
  NESTED_OK,
  NESTED_VIOLATION,
  PATH_SLOTS,
  type NestedVendor,
  type NestedWalker,
} from './nested-walker';
import { needsFlags, type WalkContext } from './walk-context';
import type { WalkFault } from './walk-fault';

/** `consultCaches`: a guest-physical mapping served the translation. */
const SERVED_BY_MAPPING = -1;

export abstract class NestedWalkBase implements NestedWalker {
  abstract readonly vendor: NestedVendor;
  abstract readonly levels: number;
  abstract readonly guestFlagWritesNeedCheck: boolean;
  abstract readonly guestTableAccess: number;
  abstract readonly masks: ReservedMasks;
  hpa = 0;
  hpaHi = 0;
  hpaLo = 0;
  leafLevel = 1;
  rights = 0;
  faultLevel = 0;
  faultKind = FAULT_NOT_PRESENT;
  faultLo = 0;
  faultHi = 0;
  readonly accessedFlag: number;
  leafDirty = true;
  caches: NestedCacheHooks | null = null;
  readonly pathTable = new Float64Array(PATH_SLOTS);
  readonly pathRights = new Int32Array(PATH_SLOTS);
  pathLowest = 0;
  /** After `startWalk`: the table the walk starts at and the rights so far (the walker's encoding). */
  protected startTable = 0;
  protected startRights = 0;

  /**
   * `accessedBit` / `dirtyBit`: where this format keeps A and D; `writesFlags`: whether the walk
   * sets them at all (EPT only with EPTP bit 6).
   */
  constructor(
    protected readonly ctx: WalkContext,
    protected readonly root: number,
    protected readonly maskHi: number,
    private readonly accessedBit: number,
    private readonly dirtyBit: number,
    private readonly writesFlags: boolean,
  ) {
    this.accessedFlag = writesFlags ? accessedBit : 0;
  }

  abstract translate(gpaHi: number, gpaLo: number, access: number, guestLevel: number): number;
  abstract report(nestedOutcome: number, access: number, guestLevel: number, fault: WalkFault): number;
  abstract reportFlagWrite(fault: WalkFault): number;

  /**
   * The head both loops share: the level the walk starts at — below a paging-structure-cache hit,
   * else the top — with `startTable` / `startRights` set; 0 when a guest-physical mapping served
   * the whole translation (no reference).
   */
  protected startWalk(
    gpaHi: number,
    gpaLo: number,
    access: number,
    guestLevel: number,
    allRights: number,
  ): number {
    this.pathLowest = this.levels + 1;
    this.startTable = this.root;
    this.startRights = allRights;
    const caches = this.ctx.cacheMode !== CACHES_OFF ? this.caches : null;
    if (caches === null) return this.levels;
    const hit = this.consultCaches(caches, gpaHi, gpaLo, access, guestLevel);
    if (hit === SERVED_BY_MAPPING) return 0;
    if (hit === 0) return this.levels;
    this.startTable = caches.pwcTable;
    this.startRights = caches.pwcRights;
    return hit - 1;
  }

  /**
   * Reads the level-`level` entry at tableHi:addrLo into `ctx.memory.lo/hi`, noting the path and
   * recording the reference when someone listens. `rights`: the rights so far, packed.
   */
  protected readEntry(
    tableHi: number,
    tableLo: number,
    addrLo: number,
    level: number,
    index: number,
    gpaHi: number,
    gpaLo: number,
    guestLevel: number,
    rights: number,
  ): void {
    const ctx = this.ctx;
    if (ctx.recordPath) this.notePath(level, tableHi, tableLo, rights);
    ctx.readWord(tableHi, addrLo);
    if (ctx.references !== null || ctx.sink !== null) {
      const memory = ctx.memory;
      ctx.recordNested(
        guestLevel,
        level,
        index,
        joinHalves(gpaHi, gpaLo),
        joinHalves(tableHi, addrLo),
        memory.lo,
        memory.hi,
      );
    }
  }

  /**
   * The caches before the walk (SDM §29.4; APM §15.25.5): SERVED_BY_MAPPING when a guest-physical
   * mapping gave the whole translation (no reference), else the level of a paging-structure-cache
   * hit — the walk starts one below it, at `caches.pwcTable` — or 0.
   */
  private consultCaches(
    caches: NestedCacheHooks,
    gpaHi: number,
    gpaLo: number,
    access: number,
    guestLevel: number,
  ): number {
    caches.args[ARG_GPA] = gpaHi * TWO_32 + (gpaLo >>> 0);
    if (!caches.lookupMapping(access, guestLevel)) return caches.lookupPwc(this.levels, guestLevel);
    this.hpa = caches.hitHpa;
    this.hpaHi = highHalf(caches.hitHpa);
    this.hpaLo = caches.hitHpa | 0;
    this.rights = caches.hitRights;
    this.leafLevel = caches.hitLeaf;
    this.leafDirty = caches.hitDirty;
    return SERVED_BY_MAPPING;
  }

  /** With `ctx.recordPath`: the table read at `level` and the rights (packed) before its entry. */
  private notePath(level: number, tableHi: number, tableLo: number, rights: number): void {
    this.pathTable[level] = joinHalves(tableHi, tableLo);
    this.pathRights[level] = rights;
    this.pathLowest = level;
  }

  /**
   * Whether using the entry whose low word is `lo` sets a flag (A, or D when `dirty`) it lacks.
   * Checked inline by the loops; the update itself (`markUsed`) is rare, so it stays a call.
   */
  protected needsMarking(lo: number, dirty: boolean): boolean {
    return (
      this.writesFlags && this.ctx.sideEffects && needsFlags(lo, this.accessedBit, dirty ? this.dirtyBit : 0)
    );
  }

  /** Sets A (and D when `dirty`) in the entry read at tableHi:addrLo (after `needsMarking`). */
  protected markUsed(
    level: number,
    guestLevel: number,
    tableHi: number,
    addrLo: number,
    lo: number,
    hi: number,
    dirty: boolean,
  ): void {
    const addr = joinHalves(tableHi, addrLo);
    this.ctx.setFlags('nested', guestLevel, level, addr, lo, hi, this.accessedBit, dirty ? this.dirtyBit : 0);
  }

  /** Caches the level-`level` entry just walked: the gPA's next table is at tableHi:tableLo. */
  protected fillStep(
    fills: NestedCacheHooks,
    gpaHi: number,
    gpaLo: number,
    tableHi: number,
    tableLo: number,
    level: number,
    rights: number,
    guestLevel: number,
  ): void {
    fills.args[ARG_GPA] = gpaHi * TWO_32 + (gpaLo >>> 0);
    fills.args[ARG_HPA] = tableHi * TWO_32 + (tableLo >>> 0);
    fills.fillPwc(level, rights, guestLevel);
  }

  /**
   * The leaf at `level` (entry words lo, hi) maps the gPA: the host-physical address, and a
   * guest-physical mapping for it when filling. `rights` and `leafDirty` are already set.
   */
  protected reachLeaf(
    fills: NestedCacheHooks | null,
    gpaHi: number,
    gpaLo: number,
    lo: number,
    hi: number,
    level: number,
    guestLevel: number,
  ): number {
    // The offset within a page of ≤ 1 GiB lies in the low half: integer ops, not a float modulo.
    const offsetMask = bytesOfLevel(level) - 1;
    this.leafLevel = level;
    this.hpaHi = hi & this.maskHi;
    this.hpaLo = (lo & ~offsetMask & ADDRESS_LO) | (gpaLo & offsetMask);
    this.hpa = this.hpaHi * TWO_32 + (this.hpaLo >>> 0);
    if (fills !== null) this.fillLeaf(fills, gpaHi, gpaLo, offsetMask, level, guestLevel);
    return NESTED_OK;
  }

  /** The guest-physical mapping of the page just reached (its base: hpa less the offset). */
  private fillLeaf(
    fills: NestedCacheHooks,
    gpaHi: number,
    gpaLo: number,
    offsetMask: number,
    level: number,
    guestLevel: number,
  ): void {
    fills.args[ARG_GPA] = gpaHi * TWO_32 + (gpaLo >>> 0);
    fills.args[ARG_HPA] = this.hpa - (gpaLo & offsetMask);
    fills.fillMapping(level, this.rights, this.leafDirty, guestLevel);
  }

  /**
   * A failure at `level`: `rights` allowed so far, why (FAULT_*), the entry's words (int32: an
   * unsigned word above 2^31 passed to a call would be boxed), and the outcome to return.
   */
  protected fail(
    level: number,
    rights: number,
    kind: number,
    lo: number,
    hi: number,
    outcome = NESTED_VIOLATION,
  ): number {
    this.faultLevel = level;
    this.faultKind = kind;
    this.faultLo = lo;
    this.faultHi = hi;
    this.rights = rights;
    return outcome;
  }
}
