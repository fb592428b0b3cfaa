/** An experiment as plain data: what a sweep sends to a worker, one point at a time. */
import type { PageSize } from '../vocabulary';
import type { LatencyModel } from './latency-model';
import type { WorkloadSpec } from './workload-spec';
import type { NestedSpec } from './workload-space';

import type { CachePresetName } from '../cache/presets';

/** Translation-cache presets of the CPU models (docs/hardware-rules.md §8); 'none' = every access walks. */
export type CachePreset = CachePresetName;

export interface ExperimentConfig {
  readonly workload: WorkloadSpec;
  /** Heap bytes (1 MiB … 64 GiB and beyond); a trace with no heapBase grows it to cover its addresses. */
  readonly heapBytes: number;
  /**
   * Guest-linear heap start (1 GiB aligned); default 0x7f00_0000_0000, or for a trace the 1 GiB
   * boundary below its lowest address. Trace addresses outside a configured heap fault.
   */
  readonly heapBase?: number;
  /** Measured accesses, after `warmup` unmeasured ones (which fill the caches). */
  readonly accesses: number;
  readonly warmup?: number;
  readonly seed?: number;
  readonly guestPageSize: PageSize;
  readonly guestLevels?: 4 | 5;
  /** 'off' = native (no EPT/NPT). */
  readonly nested: NestedSpec;
  readonly cachePreset?: CachePreset;
  /** Overrides of DEFAULT_LATENCY. */
  readonly latency?: Partial<LatencyModel>;
  /** Also run the native configuration (same guest page size) for the slowdown; default: when nested. */
  readonly compareNative?: boolean;
}
