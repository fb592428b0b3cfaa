/**
 * (f) A sweep as the experiments panel runs one, on one core: six configurations (native, EPT
 * 4K/4K, 4K on 2M, 2M on 4K, 2M/2M, native 2M) of a 10 M-access pointer chase over a 32 GiB heap,
 * Skylake caches, each configuration a fresh engine. Target: ≤ 10 s of CPU time on the wasm engine.
 * The TypeScript engine runs a tenth of each configuration (the full sweep would take minutes).
 */
import type { ExperimentConfig } from '../engine/workload/experiment-config';
import { runExperiment } from '../engine/workload/run-experiment';
import type { BulkEngine } from '../engine/workload/pass-runner';
import type { NestedSpec } from '../engine/workload/workload-space';
import type { PageSize } from '../engine/vocabulary';
import { median, rates, type BenchResult } from './bench-measure';

const ept = (pageSize: PageSize): NestedSpec => ({ mode: 'ept', pageSize, levels: 4 });
const CONFIGURATIONS: [PageSize, NestedSpec][] = [
  ['4K', 'off'],
  ['4K', ept('4K')],
  ['4K', ept('2M')],
  ['2M', ept('4K')],
  ['2M', ept('2M')],
  ['2M', 'off'],
];
const FULL_ACCESSES = 10_000_000;
const TARGET_SECONDS = 10;

export function benchSweep(runs: number, bulk: (() => BulkEngine) | null): BenchResult {
  const accesses = bulk !== null ? FULL_ACCESSES : FULL_ACCESSES / 10;
  const total = accesses * CONFIGURATIONS.length;
  const measured = rates(Math.min(runs, 3), () => {
    for (const [guestPageSize, nested] of CONFIGURATIONS) {
      const config: ExperimentConfig = {
        workload: { type: 'pointer-chase' },
        heapBytes: 32 * 2 ** 30,
        accesses,
        guestPageSize,
        nested,
        cachePreset: 'skylake',
        compareNative: false,
      };
      const result = runExperiment(config, { bulk: bulk?.() ?? null, chunk: 1 << 18 });
      if (bulk !== null && result.engine !== 'wasm') throw new Error('(f) ran on the TypeScript engine');
    }
    return total;
  });
  const seconds = measured.cpu.map((rate) => total / rate);
  const value = median(seconds);
  const full = bulk !== null;
  return {
    id: full ? 'sweep-wasm' : 'sweep',
    title: full
      ? `(f) sweep of 6 configurations × 10 M accesses, 32 GiB pointer chase, Skylake caches — wasm engine`
      : `(f) the same sweep at 1 M accesses per configuration — TypeScript engine`,
    status: 'ok',
    value,
    unit: 's',
    ...(full ? { target: TARGET_SECONDS, meetsTarget: value <= TARGET_SECONDS } : {}),
    runs: seconds,
    details: {
      accessesPerConfiguration: accesses,
      accessesPerCpuSecond: Math.round(median(measured.cpu)),
      wallSeconds: Math.round((total / median(measured.wall)) * 100) / 100,
    },
  };
}
