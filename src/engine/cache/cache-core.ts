/**
 * The machine's cache structures, grouped the way the walkers consult them, the current context
 * tag (VPID, PCID), and the event reporting they share. Events and hit records are built only when
 * someone listens; the bulk path only counts.
 */
import type { TlbEvictEvent } from '../events';
import type { SkippedCell } from '../vocabulary';
import { CACHES_ON } from '../walk/cache-hooks';
import type { WalkContext } from '../walk/walk-context';
import type { CacheConfig, CacheKind } from './cache-config';
import type { CacheTrace, HitRecord } from './cache-trace';
import { describeEntry } from './describe';
import { pageSizeOfLevel } from '../paging';
import { STAT_EVICTIONS, STAT_FILLS, STAT_HITS, STAT_MISSES, contextTag } from './set-assoc';
import { CacheStructure } from './structure';

const LEVEL_SLOTS = 6;

export class CacheCore {
  readonly structures: CacheStructure[];
  /** TLBs serving data accesses (side data or unified), first-level ones first; likewise fetches. */
  readonly dataTlbs: CacheStructure[];
  readonly instructionTlbs: CacheStructure[];
  /** The guest paging-structure cache holding each level (index 2…5), or null. */
  readonly pwcByLevel: (CacheStructure | null)[];
  readonly gpaTlbs: CacheStructure[];
  readonly nestedPwcByLevel: (CacheStructure | null)[];
  vpid: number;
  pcid = 0;
  /** contextTag(vpid, pcid) of the running context. */
  tag = 0;
  /** Translations a TLB served (tier 2: a second-level TLB). */
  tlbHits = 0;
  tier2Hits = 0;
  /** Set by the machine for a translation on the event / result path. */
  trace: CacheTrace | null = null;
  /** Fills and invalidations of every structure so far: lookups repeat exactly while it stands still. */
  readonly changes = new Float64Array(1);

  constructor(
    readonly config: CacheConfig,
    readonly ctx: WalkContext,
    /** The machine has a second dimension (EPT / NPT), and which. */
    readonly nested: boolean,
    readonly npt: boolean,
    readonly guestLevels: number,
    /** Nested levels m (0 natively). */
    readonly nestedLevels: number,
    vpid: number,
  ) {
    this.structures = config.structures.map(
      (spec) => new CacheStructure(spec, config.replacement, this.changes),
    );
    const tlbs = (side: string) =>
      this.structures
        .filter((s) => s.spec.kind === 'tlb' && (s.spec.side === side || s.spec.side === 'unified'))
        .sort((x, y) => x.tier - y.tier);
    this.dataTlbs = tlbs('data');
    this.instructionTlbs = tlbs('instruction');
    const byLevel = (kind: CacheKind) =>
      Array.from(
        { length: LEVEL_SLOTS },
        (_, level) => this.structures.find((s) => s.kind === kind && s.holdsLevel(level)) ?? null,
      );
    this.pwcByLevel = byLevel('pwc');
    this.gpaTlbs = nested ? this.structures.filter((s) => s.kind === 'gpa-tlb') : [];
    this.nestedPwcByLevel = nested ? byLevel('nested-pwc') : new Array<null>(LEVEL_SLOTS).fill(null);
    this.vpid = vpid;
    this.setPcid(0);
  }

  resetCounters(): void {
    for (const st of this.structures) st.array.stats.fill(0);
    this.tlbHits = 0;
    this.tier2Hits = 0;
  }

  setPcid(pcid: number): void {
    this.pcid = pcid;
    this.tag = contextTag(this.vpid, pcid);
  }

  /** LRU updates, fills, drops and counts happen only in `translate` / `run`, not in `probe`. */
  get touching(): boolean {
    return this.ctx.cacheMode === CACHES_ON;
  }

  get listening(): boolean {
    return this.ctx.sink !== null || this.trace !== null;
  }

  /** A lookup of `st` missed (for the guest level `guestLevel`): counted, and reported when listened to. */
  missed(st: CacheStructure, guestLevel: number): void {
    if (this.touching) st.array.count(STAT_MISSES);
    if (this.listening) this.miss(st, guestLevel);
  }

  /** Entry i of `st` served a lookup: counted and marked just used (not by `probe`). */
  used(st: CacheStructure, i: number): void {
    if (!this.touching) return;
    st.array.count(STAT_HITS);
    st.array.touch(i);
  }

  /**
   * The hit on entry i of `st` for the trace (its payload as it is now: a later fill in the same
   * walk may replace it), and the cells it spares. `gpa`: the guest-physical address translated.
   */
  hitRecord(
    st: CacheStructure,
    i: number,
    guestLevel: number,
    level: number,
    gpa: number,
  ): readonly SkippedCell[] {
    const arr = st.array;
    return this.record({
      structure: st.name,
      kind: st.kind,
      guestLevel,
      level,
      gpa,
      a: arr.a[i]!,
      b: arr.b.length > 0 ? arr.b[i]! : 0,
      flags: arr.flags[i]!,
    });
  }

  /** Picks and claims the way in `set` for an entry keyed `st.array.query[0]` (reporting what it evicts); counts the fill. */
  claim(st: CacheStructure, set: number, tag: number, global: boolean, guestLevel: number): number {
    const arr = st.array;
    const i = arr.claim(set, tag, global);
    if (arr.evicted) {
      arr.count(STAT_EVICTIONS);
      if (this.ctx.sink !== null) this.evict(st, guestLevel, i, arr.evictedKey, 'replaced');
    }
    arr.count(STAT_FILLS);
    return i;
  }

  // --- Events (callers check `listening` first) ---

  /** The fields every cache event starts with. */
  private where(st: CacheStructure, guestLevel: number) {
    return { step: this.ctx.count, structure: st.name, cacheKind: st.kind, guestLevel };
  }

  lookup(st: CacheStructure, guestLevel: number): void {
    this.ctx.sink?.({
      type: 'tlb-lookup',
      ...this.where(st, guestLevel),
    });
  }

  miss(st: CacheStructure, guestLevel: number): void {
    this.ctx.sink?.({
      type: 'tlb-miss',
      ...this.where(st, guestLevel),
    });
  }

  /** Records a hit (for the skipped cells and the stale check) and returns the cells it spares. */
  record(hit: HitRecord): readonly SkippedCell[] {
    if (this.trace === null) return [];
    this.trace.hits.push(hit);
    return this.trace.cellsOf(hit);
  }

  tlbHit(
    st: CacheStructure,
    guestLevel: number,
    i: number,
    pageLevel: number,
    usable: boolean,
    skipped: readonly SkippedCell[],
  ): void {
    this.ctx.sink?.({
      type: 'tlb-hit',
      ...this.where(st, guestLevel),
      ...slotOf(st, i),
      pageSize: pageSizeOfLevel(pageLevel),
      usable,
      skipped,
    });
  }

  pwcHit(
    st: CacheStructure,
    guestLevel: number,
    level: number,
    i: number,
    skipped: readonly SkippedCell[],
  ): void {
    this.ctx.sink?.({
      type: 'pwc-hit',
      ...this.where(st, guestLevel),
      level,
      ...slotOf(st, i),
      skipped,
    });
  }

  filled(st: CacheStructure, guestLevel: number, i: number): void {
    this.ctx.sink?.({
      type: 'tlb-fill',
      ...this.where(st, guestLevel),
      entry: describeEntry(st, i, this.nested, this.npt),
    });
  }

  evict(
    st: CacheStructure,
    guestLevel: number,
    i: number,
    key: number,
    reason: TlbEvictEvent['reason'],
  ): void {
    this.ctx.sink?.({
      type: 'tlb-evict',
      ...this.where(st, guestLevel),
      ...slotOf(st, i),
      key,
      reason,
    });
  }
}

/** Set and way of entry `i` of a structure. */
const slotOf = (st: CacheStructure, i: number) => ({
  set: Math.floor(i / st.array.ways),
  way: i % st.array.ways,
});
