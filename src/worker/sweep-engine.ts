/** The engine calls a sweep worker makes: one experiment, yielding between chunks. */
import type { ExperimentConfig } from '../engine';
import { runExperimentAsync, type ExperimentResult, type RunOptions } from '../engine';

export type SweepRunOptions = RunOptions & { readonly pause: () => Promise<void> };

export interface SweepEngine {
  run(config: ExperimentConfig, options: SweepRunOptions): Promise<ExperimentResult>;
}

/** The engine's own runner: machines with the translation caches of the config's preset. */
export const sweepEngine: SweepEngine = { run: runExperimentAsync };

/** Accesses an experiment will run in all: warm-up and measured, times two with the native baseline. */
export function plannedAccesses(config: ExperimentConfig): number {
  const passes = (config.compareNative ?? config.nested !== 'off') && config.nested !== 'off' ? 2 : 1;
  return passes * ((config.warmup ?? 0) + config.accesses);
}
