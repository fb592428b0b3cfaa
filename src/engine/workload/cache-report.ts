/**
 * Hit rates of the machine's translation caches over a pass (counted since the warm-up ended).
 * A machine without caches reports none (null): every access walks.
 */
import type { CacheKind } from '../cache/cache-config';
import type { Machine } from '../machine-api';

export interface CacheStructureReport {
  readonly name: string;
  /** tlb, pwc (guest paging-structure cache), gpa-tlb (guest-physical mappings) or nested-pwc. */
  readonly kind: CacheKind;
  readonly lookups: number;
  readonly hits: number;
  /** Entries written: each after a miss (or a hit that could not serve). */
  readonly fills: number;
  /** hits / lookups (0 when never looked up). */
  readonly hitRate: number;
}

export interface CacheReport {
  /** Fraction of accesses translated by a TLB, with no memory reference. */
  readonly tlbHitRate: number;
  /** Of all accesses, the fraction served by a second-level TLB (charged stlbHitCycles). */
  readonly stlbHitsPerAccess: number;
  /**
   * Hits per lookup of the guest paging-structure caches, of the guest-physical mappings and of the
   * EPT / NPT paging-structure caches; null when no structure of the kind was looked up (natively,
   * or when every access hit a TLB).
   */
  readonly pwcHitRate: number | null;
  readonly gpaHitRate: number | null;
  readonly nestedPwcHitRate: number | null;
  /** Both dimensions' paging-structure caches together: hits per lookup (null: none looked up). */
  readonly walkCacheHitRate: number | null;
  /** Every structure of the preset, in its order: TLBs, paging-structure caches, gPA TLBs. */
  readonly structures: readonly CacheStructureReport[];
}

/** Hits per lookup over the structures of `kinds`; null when none was looked up. */
function hitRateOf(structures: readonly CacheStructureReport[], kinds: readonly CacheKind[]): number | null {
  let lookups = 0;
  let hits = 0;
  for (const s of structures) {
    if (!kinds.includes(s.kind)) continue;
    lookups += s.lookups;
    hits += s.hits;
  }
  return lookups === 0 ? null : hits / lookups;
}

export function readCacheReport(
  machine: Pick<Machine, 'caches' | 'cacheCounters'>,
  accesses: number,
): CacheReport | null {
  if (machine.caches === null) return null;
  const kinds = new Map(machine.caches.structures.map((spec) => [spec.name, spec.kind]));
  const counters = machine.cacheCounters();
  const per = (count: number) => (accesses === 0 ? 0 : count / accesses);
  const structures = Object.entries(counters.structures).map(([name, activity]) => ({
    name,
    kind: kinds.get(name) ?? 'tlb',
    lookups: activity.lookups,
    hits: activity.hits,
    fills: activity.fills,
    hitRate: activity.lookups === 0 ? 0 : activity.hits / activity.lookups,
  }));
  return {
    tlbHitRate: per(counters.tlbHits),
    stlbHitsPerAccess: per(counters.tier2Hits),
    pwcHitRate: hitRateOf(structures, ['pwc']),
    gpaHitRate: hitRateOf(structures, ['gpa-tlb']),
    nestedPwcHitRate: hitRateOf(structures, ['nested-pwc']),
    walkCacheHitRate: hitRateOf(structures, ['pwc', 'nested-pwc']),
    structures,
  };
}
