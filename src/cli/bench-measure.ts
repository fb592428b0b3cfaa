/**
 * Timing for the benchmarks: several runs of one job, the median rate reported. Rates are per
 * CPU-second of this process (process.cpuUsage), so other load on a shared machine does not count
 * against them; the wall-clock rates are kept beside them.
 */
import { performance } from 'node:perf_hooks';

export type BenchResult =
  | {
      readonly id: string;
      readonly title: string;
      readonly status: 'ok';
      readonly value: number;
      readonly unit: string;
      /** The rate (or, for memory, the ceiling) the project aims for. */
      readonly target?: number;
      readonly meetsTarget?: boolean;
      readonly runs: readonly number[];
      readonly details?: Readonly<Record<string, number | string>>;
    }
  | { readonly id: string; readonly title: string; readonly status: 'n/a'; readonly reason: string };

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface Rates {
  /** Operations per CPU-second, one per run. */
  readonly cpu: number[];
  /** Operations per wall-clock second, one per run. */
  readonly wall: number[];
}

/** Runs `job` (which returns how many operations it did) `runs` times. */
export function rates(runs: number, job: () => number): Rates {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const operations = job();
    const used = process.cpuUsage(startCpu);
    cpu.push(operations / ((used.user + used.system) / 1e6));
    wall.push(operations / ((performance.now() - start) / 1000));
  }
  return { cpu, wall };
}

export function rateResult(
  id: string,
  title: string,
  measured: Rates,
  target: number,
  details?: Record<string, number | string>,
): BenchResult {
  const value = median(measured.cpu);
  return {
    id,
    title,
    status: 'ok',
    value,
    unit: 'per CPU-second',
    target,
    meetsTarget: value >= target,
    runs: measured.cpu,
    details: { ...details, wallClockMedian: Math.round(median(measured.wall)) },
  };
}
