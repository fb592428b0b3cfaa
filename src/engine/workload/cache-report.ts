/**
 * Hit rates of the machine's translation caches over a pass (counted since the warm-up ended).
 * A machine without caches reports none (null): every access walks.
 */
import type { Machine } from '../types';

export interface CacheStructureReport {
  readonly name: string;
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
  /** Every structure of the preset, in its order: TLBs, paging-structure caches, gPA TLBs. */
  readonly structures: readonly CacheStructureReport[];
}

export function readCacheReport(machine: Machine, accesses: number): CacheReport | null {
  if (machine.caches === null) return null;
  const counters = machine.cacheCounters();
  const per = (count: number) => (accesses === 0 ? 0 : count / accesses);
  return {
    tlbHitRate: per(counters.tlbHits),
    stlbHitsPerAccess: per(counters.tier2Hits),
    structures: Object.entries(counters.structures).map(([name, activity]) => ({
      name,
      lookups: activity.lookups,
      hits: activity.hits,
      fills: activity.fills,
      hitRate: activity.lookups === 0 ? 0 : activity.hits / activity.lookups,
    })),
  };
}
