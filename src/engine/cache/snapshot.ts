/** Snapshots of the caches' contents and counters (plain data for the UI, the trace and the bench). */
import type { CacheActivity } from '../vocabulary';
import type { CacheCore } from './cache-core';
import { describeEntry } from './describe';
import {
  STAT_COUNT,
  STAT_DROPS,
  STAT_EVICTIONS,
  STAT_FILLS,
  STAT_HITS,
  STAT_INVALIDATED,
  STAT_MISSES,
  lookupsOf,
} from './set-assoc';
import type { CacheSnapshot, StructureSnapshot } from './snapshot-types';

export const activityOf = (stats: ArrayLike<number>, offset = 0): CacheActivity => ({
  lookups: lookupsOf(stats, offset),
  hits: stats[offset + STAT_HITS]!,
  misses: stats[offset + STAT_MISSES]!,
  fills: stats[offset + STAT_FILLS]!,
  evictions: stats[offset + STAT_EVICTIONS]!,
  drops: stats[offset + STAT_DROPS]!,
  invalidated: stats[offset + STAT_INVALIDATED]!,
});

export function snapshotCaches(core: CacheCore): CacheSnapshot {
  const structures: StructureSnapshot[] = core.structures.map((st) => {
    const arr = st.array;
    const spec = st.spec;
    const entries = [];
    for (let i = 0; i < arr.valid.length; i++) {
      if (arr.valid[i] !== 0) entries.push(describeEntry(st, i, core.nested, core.npt));
    }
    return {
      name: st.name,
      label: spec.label,
      kind: st.kind,
      ...(spec.kind === 'tlb' && { tier: spec.tier, side: spec.side }),
      ...((spec.kind === 'tlb' || spec.kind === 'gpa-tlb') && { sizes: spec.sizes }),
      ...((spec.kind === 'pwc' || spec.kind === 'nested-pwc') && { levels: spec.levels }),
      sets: arr.sets,
      ways: arr.ways,
      entries,
      activity: activityOf(arr.stats),
    };
  });
  return {
    preset: core.config.name,
    label: core.config.label,
    sources: core.config.sources,
    replacement: core.config.replacement,
    vpid: core.vpid,
    pcid: core.pcid,
    // Left out: guest-physical structures without a second dimension, and caches of levels the
    // tables do not have (a PML5E cache under 4-level paging).
    structures: structures.filter(
      (s) =>
        s.kind === 'tlb' ||
        (s.kind === 'pwc' && s.levels!.some((l) => l <= core.guestLevels)) ||
        (core.nested && s.kind === 'gpa-tlb') ||
        (core.nested && s.kind === 'nested-pwc' && s.levels!.some((l) => l <= core.nestedLevels)),
    ),
  };
}

/** Every structure's counters, copied (to diff one access's activity). */
export function copyStats(core: CacheCore): Float64Array {
  const copy = new Float64Array(core.structures.length * STAT_COUNT);
  core.structures.forEach((st, s) => copy.set(st.array.stats, s * STAT_COUNT));
  return copy;
}

/** The activity of each structure since `before` (structures with none left out). */
export function activitySince(core: CacheCore, before: Float64Array): Record<string, CacheActivity> {
  const out: Record<string, CacheActivity> = {};
  core.structures.forEach((st, s) => {
    const diff = new Float64Array(STAT_COUNT);
    let any = false;
    for (let k = 0; k < STAT_COUNT; k++) {
      diff[k] = st.array.stats[k]! - before[s * STAT_COUNT + k]!;
      if (diff[k] !== 0) any = true;
    }
    if (any) out[st.name] = activityOf(diff);
  });
  return out;
}
