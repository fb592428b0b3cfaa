/** The machine factory the cached benchmarks use: the engine's, with the preset's translation caches. */
import { defaultMachineFactory, type MachineFactory } from '../engine/workload/run-experiment';

export const cachedMachineFactory = (): MachineFactory | null => defaultMachineFactory;
