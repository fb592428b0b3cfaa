/**
 * npm run fingerprint [-- --lines]
 * One hash of what the engine computes over a grid of experiments — cache presets × workloads ×
 * heap sizes × native / EPT / NPT × guest page sizes, 4- and 5-level — with every cache counter.
 * A change meant only to make the engine faster must leave it as it was: run it before and after.
 * `--lines` prints each experiment's result, to find the first that differs.
 */
import { createHash } from 'node:crypto';
import type { PageSize } from '../engine/vocabulary';
import type { Machine } from '../engine/machine-api';
import { defaultMachineFactory, runExperiment } from '../engine/workload/run-experiment';
import type { ExperimentConfig } from '../engine/workload/experiment-config';
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
const GUEST_PAGES: PageSize[] = ['4K', '2M', '1G'];

/** Each experiment of the grid with its index (the seed); the largest heaps only every third. */
function* experiments(): Generator<ExperimentConfig> {
  let n = 0;
  for (const cachePreset of CACHE_PRESET_NAMES)
    for (const workload of WORKLOADS)
      for (const heapBytes of HEAPS)
        for (const nested of NESTED)
          for (const guestPageSize of GUEST_PAGES) {
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

const printLines = process.argv.includes('--lines');
const hash = createHash('sha1');
let count = 0;
for (const config of experiments()) {
  let machine: Machine | null = null;
  const result = runExperiment(config, {
    createMachine: (c, memory, caches) => (machine = defaultMachineFactory(c, memory, caches)),
  });
  const line = JSON.stringify({
    config,
    faults: result.faults,
    references: result.referencesPerAccess,
    guest: result.guestReferencesByLevel,
    nested: result.nestedReferencesByLevel,
    counters: (machine as Machine | null)?.cacheCounters() ?? null,
  });
  hash.update(line + '\n');
  count++;
  if (printLines) console.log(line);
}
console.log(`${count} experiments, fingerprint ${hash.digest('hex')}`);
