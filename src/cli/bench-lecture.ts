/**
 * The lecture's experiment at full scale: a random cyclic list of 64-byte objects across a
 * 32 GiB heap, chased with Sandy Bridge's translation caches, native vs EPT with 4 KiB, 2 MiB and
 * 1 GiB pages (guest 4 KiB pages). Reported under both latency models.
 */
import type { ExperimentConfig } from '../engine/workload/experiment-config';
import { FOOTPRINT_LATENCY } from '../engine/workload/latency-model';
import { runExperiment } from '../engine/workload/run-experiment';
import type { NestedSpec } from '../engine/workload/workload-space';

export interface LectureRow {
  readonly configuration: string;
  readonly referencesPerAccess: number;
  readonly guestReferencesPerAccess: number;
  readonly nestedReferencesPerAccess: number;
  readonly tlbHitRate: number;
  readonly flatCycles: number;
  readonly flatSlowdown: number;
  readonly footprintCycles: number;
  readonly footprintSlowdown: number;
}

const CONFIGURATIONS: [string, NestedSpec][] = [
  ['native', 'off'],
  ['EPT 4K', { mode: 'ept', pageSize: '4K', levels: 4 }],
  ['EPT 2M', { mode: 'ept', pageSize: '2M', levels: 4 }],
  ['EPT 1G', { mode: 'ept', pageSize: '1G', levels: 4 }],
];

export function lectureTable(accesses = 100_000, warmup = 50_000): LectureRow[] {
  const base: Omit<ExperimentConfig, 'nested'> = {
    workload: { type: 'pointer-chase', objectBytes: 64 },
    heapBytes: 32 * 2 ** 30,
    accesses,
    warmup,
    guestPageSize: '4K',
    cachePreset: 'sandy-bridge',
    compareNative: false,
  };
  const runs = CONFIGURATIONS.map(([name, nested]) => ({
    name,
    flat: runExperiment({ ...base, nested }),
    // Same seed and caches: the same references, only the cost model differs.
    footprint: runExperiment({ ...base, nested, latency: FOOTPRINT_LATENCY }),
  }));
  const native = runs[0]!;
  return runs.map(({ name, flat, footprint }) => ({
    configuration: name,
    referencesPerAccess: flat.referencesPerAccess,
    guestReferencesPerAccess: flat.guestReferencesPerAccess,
    nestedReferencesPerAccess: flat.nestedReferencesPerAccess,
    tlbHitRate: flat.caches?.tlbHitRate ?? 0,
    flatCycles: flat.cyclesPerAccess,
    flatSlowdown: flat.cyclesPerAccess / native.flat.cyclesPerAccess,
    footprintCycles: footprint.cyclesPerAccess,
    footprintSlowdown: footprint.cyclesPerAccess / native.footprint.cyclesPerAccess,
  }));
}

export function formatLecture(rows: readonly LectureRow[]): string {
  const head =
    '(e) lecture: 32 GiB pointer chase, 64 B objects, Sandy Bridge caches, guest 4K pages\n' +
    '    configuration  refs/access (guest + nested)  TLB hits  flat cycles (×native)  footprint cycles (×native)';
  const lines = rows.map(
    (r) =>
      `    ${r.configuration.padEnd(13)}  ${r.referencesPerAccess.toFixed(2).padStart(5)} (${r.guestReferencesPerAccess.toFixed(2)} + ${r.nestedReferencesPerAccess.toFixed(2)})`.padEnd(
        49,
      ) +
      `  ${(r.tlbHitRate * 100).toFixed(1).padStart(5)} %  ${r.flatCycles.toFixed(0).padStart(6)} (${r.flatSlowdown.toFixed(2)})` +
      `        ${r.footprintCycles.toFixed(0).padStart(6)} (${r.footprintSlowdown.toFixed(2)})`,
  );
  return [head, ...lines].join('\n');
}
