/**
 * The machine factory the cached benchmarks use. The engine has no translation caches yet, so
 * there is none: cases (a) and (b) report n/a.
 */
import type { MachineFactory } from '../engine/workload/run-experiment';

export const cachedMachineFactory = (): MachineFactory | null => null;
