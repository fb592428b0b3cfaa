/**
 * Estimated cycles per access from reference counts — a model, not a simulation of data caches.
 *
 *   cycles/access = data + Σ over table levels (references per access × cycles per reference)
 *                 + (second-level TLB hits per access × stlbHitCycles)
 *
 * Default (flat): every paging-structure reference costs 12 cycles — about an L2 hit
 * (docs/hardware-rules.md §8):
 * page-table entries are cacheable data, and a walk's upper levels stay in the caches while the
 * leaf levels often come from L2/LLC. The data access of a pointer chase over a heap far larger
 * than the LLC misses to DRAM: 200 cycles. An L1-TLB hit adds nothing (it overlaps the L1 load).
 *
 * Footprint variant (`referenceCycles: 'footprint'`, `dataCycles: 'footprint'`): each set of
 * tables (one dimension, one level) is charged by where it would fit in the cache hierarchy. Every
 * walk touches one entry per level, so a small set is hot per line: sets are ranked smallest
 * first and each one is placed by the total footprint of itself and the hotter sets. The data
 * access is placed by the heap size. Crude, but it shows why a 64 MiB set of leaf PTEs costs more
 * than a 128 KiB set of PDEs.
 */
export interface CacheLevel {
  readonly bytes: number;
  readonly cycles: number;
}

export interface LatencyModel {
  /** Cycles of the data access itself, or 'footprint' to place the heap in the hierarchy. */
  readonly dataCycles: number | 'footprint';
  /** Cycles per paging-structure reference, or 'footprint' to place each table level. */
  readonly referenceCycles: number | 'footprint';
  /** Extra cycles of a translation found in the second-level TLB (Intel STLB ~7–9 cycles). */
  readonly stlbHitCycles: number;
  /** Data-cache hierarchy for the footprint variant, smallest first, then memory. */
  readonly hierarchy: readonly CacheLevel[];
  readonly memoryCycles: number;
  /** Clock for converting cycles to nanoseconds. */
  readonly ghz: number;
}

/** Sandy Bridge desktop part (i7-2600: 32 KiB L1D, 256 KiB L2, 8 MiB LLC, 3.4 GHz). */
export const SANDY_BRIDGE_HIERARCHY: readonly CacheLevel[] = [
  { bytes: 32 * 1024, cycles: 4 },
  { bytes: 256 * 1024, cycles: 12 },
  { bytes: 8 * 1024 * 1024, cycles: 40 },
];

/** The flat model's defaults: a paging-structure reference about an L2 hit, a data access DRAM. */
export const FLAT_REFERENCE_CYCLES = 12;
export const FLAT_DATA_CYCLES = 200;

export const DEFAULT_LATENCY: LatencyModel = {
  dataCycles: FLAT_DATA_CYCLES,
  referenceCycles: FLAT_REFERENCE_CYCLES,
  stlbHitCycles: 7,
  hierarchy: SANDY_BRIDGE_HIERARCHY,
  memoryCycles: 200,
  ghz: 3.4,
};

export const FOOTPRINT_LATENCY: LatencyModel = {
  ...DEFAULT_LATENCY,
  dataCycles: 'footprint',
  referenceCycles: 'footprint',
};

/** Cycles of a load from a working set of `bytes`: the first cache level that holds it, else memory. */
export function placeInHierarchy(model: LatencyModel, bytes: number): number {
  for (const level of model.hierarchy) if (bytes <= level.bytes) return level.cycles;
  return model.memoryCycles;
}

/**
 * Cycles per reference for each table level of each dimension (index 1…5), given the frames of
 * tables per level (their footprint: 4 KiB each).
 */
export function referenceCosts(
  model: LatencyModel,
  guestTables: readonly number[],
  nestedTables: readonly number[],
): { guest: Float64Array; nested: Float64Array } {
  const guest = new Float64Array(6);
  const nested = new Float64Array(6);
  if (model.referenceCycles !== 'footprint') {
    guest.fill(model.referenceCycles);
    nested.fill(model.referenceCycles);
    return { guest, nested };
  }
  const sets: { costs: Float64Array; level: number; bytes: number }[] = [];
  for (let level = 1; level <= 5; level++) {
    if ((guestTables[level] ?? 0) > 0) sets.push({ costs: guest, level, bytes: guestTables[level]! * 4096 });
    if ((nestedTables[level] ?? 0) > 0)
      sets.push({ costs: nested, level, bytes: nestedTables[level]! * 4096 });
  }
  sets.sort((a, b) => a.bytes - b.bytes);
  let cumulative = 0;
  for (const set of sets) {
    cumulative += set.bytes;
    set.costs[set.level] = placeInHierarchy(model, cumulative);
  }
  return { guest, nested };
}

export const dataAccessCycles = (model: LatencyModel, heapBytes: number): number =>
  model.dataCycles === 'footprint' ? placeInHierarchy(model, heapBytes) : model.dataCycles;
