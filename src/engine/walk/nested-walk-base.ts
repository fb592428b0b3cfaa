/**
 * What the Intel EPT and AMD NPT walkers share around their walk loops: the result fields, the
 * caches consulted before the walk, the path kept for stale-entry checks, A/D updates, the step to
 * the next table and the leaf's completion. Each walker keeps its own loop, because what an entry
 * means — present, misconfigured or reserved, leaf, rights — differs between the two formats.
 *
 * Addresses reach the helpers as 32-bit halves (address-halves.ts): a number above 2^31 passed to a
 * call the compiler leaves out-of-line would be boxed — an allocation per translation.
 */
import { bytesOfLevel, TWO_32 } from '../bits';
import { ADDRESS_LO, highHalf, joinHalves } from './address-halves';
import { ARG_GPA, ARG_HPA, type NestedCacheHooks } from './cache-hooks';
import {
  FAULT_NOT_PRESENT,
  NESTED_OK,
  NESTED_VIOLATION,
  PATH_SLOTS,
  type NestedWalker,
} from './nested-walker';
import { needsFlags, type WalkContext } from './walk-context';

/** `consultCaches`: a guest-physical mapping served the translation. */
export const SERVED_BY_MAPPING = -1;

export abstract class NestedWalkBase implements NestedWalker {
  abstract readonly levels: number;
  abstract readonly guestFlagWritesNeedCheck: boolean;
  abstract readonly guestTableAccess: number;
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
  /** Why the last entry failed its format's checks, in words (only when an event sink listens). */
  protected failureDetail = '';

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
  ) {}

  abstract translate(gpaHi: number, gpaLo: number, access: number, guestLevel: number): number;
  abstract describeFailure(): string;

  /**
   * The caches before the walk (SDM §29.4; APM §15.25.5): SERVED_BY_MAPPING when a guest-physical
   * mapping gave the whole translation (no reference), else the level of a paging-structure-cache
   * hit — the walk starts one below it, at `caches.pwcTable` — or 0.
   */
  protected consultCaches(
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
  protected notePath(level: number, tableHi: number, tableLo: number, rights: number): void {
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

  /** A failure at `level`: `rights` allowed so far, why (FAULT_*), and the outcome to return. */
  protected fail(level: number, rights: number, kind: number, outcome = NESTED_VIOLATION): number {
    this.faultLevel = level;
    this.faultKind = kind;
    this.rights = rights;
    return outcome;
  }
}
