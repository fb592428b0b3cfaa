/**
 * Where the heap goes: the configured base and size. A trace with no configured base gets the
 * 1 GiB boundary below its lowest address and a heap grown to cover its highest one; with a
 * configured base the heap is taken as given, and trace addresses outside it fault.
 */
import { PAGE_1G } from '../bits';
import type { ExperimentConfig } from './experiment-config';
import { parseTrace } from './trace-parse';
import { traceExtent } from './trace-stream';
import type { WorkloadSpec } from './workload-spec';
import { DEFAULT_HEAP_BASE } from './workload-space';

export interface ResolvedHeap {
  readonly base: number;
  readonly bytes: number;
  /** The workload with a trace parsed once (so both passes share it). */
  readonly workload: WorkloadSpec;
}

export function resolveHeap(config: ExperimentConfig): ResolvedHeap {
  const { workload } = config;
  if (workload.type !== 'trace') {
    return { base: config.heapBase ?? DEFAULT_HEAP_BASE, bytes: config.heapBytes, workload };
  }
  const trace = typeof workload.trace === 'string' ? parseTrace(workload.trace) : workload.trace;
  const extent = traceExtent(trace);
  if (extent === null)
    throw new Error('the trace has upper-half addresses: a workload heap lives in the lower half');
  const parsed = { type: 'trace', trace } as const;
  if (config.heapBase !== undefined)
    return { base: config.heapBase, bytes: config.heapBytes, workload: parsed };
  const base = Math.floor(extent.low / PAGE_1G) * PAGE_1G;
  return { base, bytes: Math.max(config.heapBytes, extent.high + 8 - base), workload: parsed };
}
