/** Small reports the machine gives about its caches: counters, an empty snapshot, a write's description. */
import { formatEntry, formatPhys } from '../address';
import type { CacheActivity } from '../vocabulary';
import type { CacheConfig } from './cache-config';
import type { CacheCore } from './cache-core';
import { activityOf } from './snapshot';
import type { CacheCounters, CacheSnapshot } from './snapshot-types';

/** `totals`: accesses, references, guest references, as the machine counts them. */
export function countersOf(core: CacheCore | null, totals: Float64Array): CacheCounters {
  const structures: Record<string, CacheActivity> = {};
  for (const st of core?.structures ?? []) structures[st.name] = activityOf(st.array.stats);
  return {
    accesses: totals[0]!,
    tlbHits: core?.tlbHits ?? 0,
    tier2Hits: core?.tier2Hits ?? 0,
    references: totals[1]!,
    guestReferences: totals[2]!,
    nestedReferences: totals[1]! - totals[2]!,
    structures,
  };
}

export const emptySnapshot = (config: CacheConfig, vpid: number): CacheSnapshot => ({
  preset: config.name,
  label: config.label,
  sources: config.sources,
  replacement: config.replacement,
  vpid,
  pcid: 0,
  structures: [],
});

export const writeDescription = (addr: number, lo: number, hi: number): string =>
  `wrote ${formatEntry(lo >>> 0, hi >>> 0)} at ${formatPhys(addr)} — no invalidation: cached copies of the old entry stay in use.`;
