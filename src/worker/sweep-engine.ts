/** The engine calls a sweep worker makes: one experiment, yielding between chunks. */
import type { ExperimentConfig } from '../engine/workload/experiment-config';
import {
  runExperimentAsync,
  type ExperimentResult,
  type MachineFactory,
  type RunOptions,
} from '../engine/workload/run-experiment';

export type SweepRunOptions = RunOptions & { readonly pause: () => Promise<void> };

export interface SweepEngine {
  run(config: ExperimentConfig, options: SweepRunOptions): Promise<ExperimentResult>;
}

/** The machine factory sweeps use: machines with the translation caches of the config's preset. */
export const sweepMachineFactory: MachineFactory | undefined = undefined;

export const sweepEngine: SweepEngine = {
  run: (config, options) => runExperimentAsync(config, { createMachine: sweepMachineFactory, ...options }),
};

/** Accesses an experiment will run in all: warm-up and measured, times two with the native baseline. */
export function plannedAccesses(config: ExperimentConfig): number {
  const passes = (config.compareNative ?? config.nested !== 'off') && config.nested !== 'off' ? 2 : 1;
  return passes * ((config.warmup ?? 0) + config.accesses);
}
