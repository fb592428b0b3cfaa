/**
 * What a set of translation caches looks like: a list of structures, each a set-associative array
 * of one kind (SDM Vol. 3, "Caching translation information"; AMD names alongside):
 *  - 'tlb'        linear (native) or combined (guest-linear → host-physical) mappings;
 *  - 'pwc'        paging-structure caches of the guest (or native) tables: a linear-address prefix
 *                 → the next table, so a walk starts lower;
 *  - 'gpa-tlb'    guest-physical mappings (gPA → hPA; AMD's nested TLB);
 *  - 'nested-pwc' EPT (NPT) paging-structure caches: a gPA prefix → the next EPT table.
 * Plain data: a preset is one of these, and a scenario or the CLI may give its own.
 */
import type { PageSize } from '../vocabulary';

export type ReplacementPolicy = 'lru' | 'plru' | 'random';
export type CacheKind = 'tlb' | 'pwc' | 'gpa-tlb' | 'nested-pwc';
/** Which accesses a TLB serves: data (read / write), instruction fetches, or both. */
export type TlbSide = 'data' | 'instruction' | 'unified';

interface StructureBase {
  /** Stable identifier used in events, traces and counters, e.g. 'l1-dtlb-4k', 'pde-cache'. */
  readonly name: string;
  /** Short text for the UI, e.g. 'L1 DTLB 4K'. */
  readonly label: string;
  readonly entries: number;
  /** Ways per set; `ways === entries` is fully associative. Must divide `entries`. */
  readonly ways: number;
}

/** A TLB of final translations (linear or combined mappings). */
export interface TlbSpec extends StructureBase {
  readonly kind: 'tlb';
  /** 1 = first-level (looked up first), 2 = second-level (STLB), filled beside the first. */
  readonly tier: 1 | 2;
  readonly side: TlbSide;
  /** Page sizes it holds; one entry covers one page of its size. */
  readonly sizes: readonly PageSize[];
  /** Whether a larger translation may be held as a piece of the largest size it holds (Zen 3's L2 keeps 1 GiB pages as 2 MiB pieces). */
  readonly splinter?: boolean;
}

/** Guest-physical mappings: gPA → hPA from the EPT (NPT) alone. */
export interface GpaTlbSpec extends StructureBase {
  readonly kind: 'gpa-tlb';
  readonly sizes: readonly PageSize[];
  readonly splinter?: boolean;
}

/** A paging-structure cache: non-leaf entries of `levels` (5 = PML5E … 2 = PDE). */
export interface PwcSpec extends StructureBase {
  readonly kind: 'pwc' | 'nested-pwc';
  readonly levels: readonly number[];
}

export type StructureSpec = TlbSpec | GpaTlbSpec | PwcSpec;

export interface CacheConfig {
  /** Preset name ('skylake', …) or any name for a custom configuration. */
  readonly name: string;
  readonly label: string;
  /** Where the sizes come from, shown in the UI; says which figures are approximate. */
  readonly sources: string;
  readonly replacement: ReplacementPolicy;
  readonly structures: readonly StructureSpec[];
}

/** Checks a configuration; throws with the name of the bad structure. */
export function validateCacheConfig(config: CacheConfig): void {
  const names = new Set<string>();
  for (const s of config.structures) {
    const where = `cache structure "${s.name}"`;
    if (names.has(s.name)) throw new Error(`${where} is named twice`);
    names.add(s.name);
    if (!Number.isInteger(s.entries) || !Number.isInteger(s.ways) || s.ways < 1 || s.entries < s.ways) {
      throw new Error(`${where}: entries and ways must be positive integers with ways ≤ entries`);
    }
    if (s.entries % s.ways !== 0)
      throw new Error(`${where}: ${s.ways} ways do not divide ${s.entries} entries`);
    const sets = s.entries / s.ways;
    // A set is picked by the low bits of the page number, as in hardware.
    if ((sets & (sets - 1)) !== 0) throw new Error(`${where}: ${sets} sets is not a power of two`);
    if (s.kind === 'tlb' || s.kind === 'gpa-tlb') {
      if (s.sizes.length === 0) throw new Error(`${where} holds no page size`);
    } else if (s.levels.length === 0 || s.levels.some((l) => !Number.isInteger(l) || l < 2 || l > 5)) {
      throw new Error(`${where}: levels must be among 2…5 (leaf entries are never cached here)`);
    }
  }
  for (const level of [2, 3, 4, 5]) {
    for (const kind of ['pwc', 'nested-pwc'] as const) {
      const holders = config.structures.filter((s) => s.kind === kind && s.levels.includes(level));
      if (holders.length > 1)
        throw new Error(`level ${level} is cached by both ${holders.map((h) => h.name).join(' and ')}`);
    }
  }
}
