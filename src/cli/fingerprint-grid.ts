/**
 * The grid of experiments `npm run fingerprint` hashes and the engine-identity test runs on both
 * engines: cache presets × workloads × heap sizes × native / EPT / NPT × guest page sizes, 4- and
 * 5-level, and the line each experiment contributes (every counter).
 */
import { PAGE_SIZES } from '../engine/paging';
import type { CacheCounters } from '../engine/cache/snapshot-types';
import type { ExperimentConfig } from '../engine/workload/experiment-config';
import type { ExperimentResult } from '../engine/workload/run-experiment';
import type { NestedSpec } from '../engine/workload/workload-space';
import type { WorkloadSpec } from '../engine/workload/workload-spec';
import { CACHE_PRESET_NAMES } from '../engine/cache/presets';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

const WORKLOADS: WorkloadSpec[] = [
  { type: 'pointer-chase' },
  { type: 'sequential', elementBytes: 64, kind: 'write' },
  { type: 'stride', strideBytes: 4096 + 64 },
  { type: 'uniform', alignBytes: 64, kind: 'fetch' },
];
const HEAPS = [1 * MiB, 64 * MiB, 4 * GiB, 32 * GiB];
const NESTED: NestedSpec[] = [
  'off',
  { mode: 'ept', pageSize: '4K', levels: 4 },
  { mode: 'ept', pageSize: '2M', levels: 4, accessedDirty: true },
  { mode: 'npt', pageSize: '4K', levels: 4 },
  { mode: 'ept', pageSize: '1G', levels: 5 },
  { mode: 'npt', pageSize: '2M', levels: 5 },
];

/** Each experiment of the grid with its index (the seed); the largest heaps only every third. */
export function* fingerprintGrid(): Generator<ExperimentConfig> {
  let n = 0;
  for (const cachePreset of CACHE_PRESET_NAMES)
    for (const workload of WORKLOADS)
      for (const heapBytes of HEAPS)
        for (const nested of NESTED)
          for (const guestPageSize of PAGE_SIZES) {
            n++;
            if (heapBytes > 4 * GiB && n % 3 !== 0) continue;
            yield {
              workload,
              heapBytes,
              accesses: 6000,
              warmup: 1000,
              guestPageSize,
              guestLevels: n % 4 === 0 ? 5 : 4,
              nested,
              cachePreset,
              compareNative: false,
              seed: n,
            };
          }
}

/** What one experiment contributes to the hash: its configuration and every counter. */
export const fingerprintLine = (
  config: ExperimentConfig,
  result: ExperimentResult,
  counters: CacheCounters | null,
): string =>
  JSON.stringify({
    config,
    faults: result.faults,
    references: result.referencesPerAccess,
    guest: result.guestReferencesByLevel,
    nested: result.nestedReferencesByLevel,
    counters,
  });
