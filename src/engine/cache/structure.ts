/** One configured cache structure: its spec, its entries, and what it holds, precomputed for the hot path. */
import type { CacheKind, ReplacementPolicy, StructureSpec } from './cache-config';
import { levelOfPageSize } from '../paging';
import { SetAssoc } from './set-assoc';

export class CacheStructure {
  readonly name: string;
  readonly kind: CacheKind;
  readonly array: SetAssoc;
  /** TLBs: the page levels held (1 = 4K, 2 = 2M, 3 = 1G), ascending; PWCs: the entry levels held. */
  readonly held: Int8Array;
  readonly tier: number;
  readonly splinter: boolean;

  /** `changes`: the machine's count of cache fills and invalidations (SetAssoc). */
  constructor(
    readonly spec: StructureSpec,
    policy: ReplacementPolicy,
    changes: Float64Array,
  ) {
    this.name = spec.name;
    this.kind = spec.kind;
    const levels =
      spec.kind === 'tlb' || spec.kind === 'gpa-tlb' ? spec.sizes.map(levelOfPageSize) : spec.levels;
    this.held = Int8Array.from([...new Set(levels)].sort((x, y) => x - y));
    this.tier = spec.kind === 'tlb' ? spec.tier : 1;
    this.splinter = (spec.kind === 'tlb' || spec.kind === 'gpa-tlb') && spec.splinter === true;
    // Combined TLBs and guest PWCs keep a second address (the gPA beside the hPA).
    this.array = new SetAssoc(
      spec.entries,
      spec.ways,
      policy,
      spec.kind === 'tlb' || spec.kind === 'pwc',
      changes,
    );
  }

  /**
   * The page level an entry for a translation of `level` takes here: that level if held, else the
   * largest smaller one when this structure splinters, else 0 (not cached here).
   */
  fillLevel(level: number): number {
    const held = this.held;
    for (let k = held.length - 1; k >= 0; k--) {
      const l = held[k]!;
      if (l === level) return l;
      if (l < level) return this.splinter ? l : 0;
    }
    return 0;
  }

  holdsLevel(level: number): boolean {
    return this.held.includes(level);
  }
}
