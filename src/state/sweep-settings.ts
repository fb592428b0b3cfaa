/**
 * What the user sets up for a sweep, the one-click lecture experiment, and how settings become
 * the sweep's points (one ExperimentConfig per configuration × heap size).
 */
import type { CachePreset, ExperimentConfig } from '../engine';
import { DEFAULT_LATENCY, FLAT_DATA_CYCLES, FLAT_REFERENCE_CYCLES, type LatencyModel } from '../engine';
import type { WorkloadSpec } from '../engine';
import { CONFIGURATIONS, findConfiguration, nestedSpec, type ConfigurationId } from './sweep-configurations';

export type WorkloadKind = 'pointer-chase' | 'sequential' | 'stride' | 'uniform' | 'trace';

/**
 * How references become time (latency-model.ts): 'flat' charges every paging-structure reference
 * about an L2 hit and every data access DRAM; 'footprint' places each table level, and the heap,
 * in L1 / L2 / LLC / DRAM by its size — so the leaf PTEs of a 32 GiB heap cost a DRAM access.
 */
export type LatencyChoice = 'flat' | 'footprint';

export const CACHE_PRESETS: readonly CachePreset[] = ['none', 'sandy-bridge', 'skylake', 'zen3', 'ideal'];

export interface SweepSettings {
  readonly workload: WorkloadKind;
  /** Object size (pointer chase), element size (sequential), stride, or alignment (uniform random). */
  readonly itemBytes: number;
  /** Heap sizes from heapFrom to heapTo (both included), multiplying by heapStep. */
  readonly heapFrom: number;
  readonly heapTo: number;
  readonly heapStep: 2 | 4;
  readonly configurations: readonly ConfigurationId[];
  /** Guest paging and EPT levels: 4, or 5 (LA57 and a 5-level EPT). */
  readonly levels: 4 | 5;
  readonly cachePreset: CachePreset;
  readonly latency: LatencyChoice;
  /** The flat model's cycles per paging-structure reference and per data access. */
  readonly referenceCycles: number;
  readonly dataCycles: number;
  /** The footprint model's cycles of a load from memory (past the last-level cache). */
  readonly memoryCycles: number;
  /** Clock, for cycles → nanoseconds. */
  readonly ghz: number;
  /** Measured accesses per point, after `warmup` accesses that fill the caches. */
  readonly accesses: number;
  readonly warmup: number;
  readonly seed: number;
}

/** An uploaded trace, already checked line by line. */
export interface LoadedTrace {
  readonly name: string;
  readonly text: string;
  readonly addresses: number;
}

export interface SweepPoint {
  readonly id: string;
  readonly configId: ConfigurationId;
  readonly heapBytes: number;
  readonly config: ExperimentConfig;
}

export const MiB = 2 ** 20;
export const GiB = 2 ** 30;
/** A sweep larger than this is refused: it would take minutes. */
export const MAX_POINTS = 240;

/**
 * The lecture's experiment: a list of 64-byte objects linked at random across the heap, chased on
 * Sandy Bridge's translation caches, native vs EPT with 4 KiB, 2 MiB and 1 GiB pages (guest 4 KiB
 * pages), at 32 GiB and at the heap sizes on the way there.
 */
export const LECTURE_SETTINGS: SweepSettings = {
  workload: 'pointer-chase',
  itemBytes: 64,
  heapFrom: 2 * MiB,
  heapTo: 32 * GiB,
  heapStep: 4,
  configurations: ['native-4K', 'ept-4K-4K', 'ept-4K-2M', 'ept-4K-1G'],
  levels: 4,
  cachePreset: 'sandy-bridge',
  latency: 'footprint',
  referenceCycles: FLAT_REFERENCE_CYCLES,
  dataCycles: FLAT_DATA_CYCLES,
  memoryCycles: DEFAULT_LATENCY.memoryCycles,
  ghz: DEFAULT_LATENCY.ghz,
  // Stable averages and warm caches (5 000 accesses cover a 2 MiB heap's 512 pages many times over);
  // about 2 s on one worker in Chromium, well under 10 s on a busy 2-core machine.
  accesses: 20_000,
  warmup: 5_000,
  seed: 1,
};

export const DEFAULT_SETTINGS: SweepSettings = LECTURE_SETTINGS;

export function heapSizes(settings: Pick<SweepSettings, 'heapFrom' | 'heapTo' | 'heapStep'>): number[] {
  const sizes: number[] = [];
  for (let size = settings.heapFrom; size < settings.heapTo; size *= settings.heapStep) sizes.push(size);
  if (settings.heapTo >= settings.heapFrom) sizes.push(settings.heapTo);
  return sizes;
}

const ITEM_NAME: Record<WorkloadKind, string> = {
  'pointer-chase': 'object size',
  sequential: 'element size',
  stride: 'stride',
  uniform: 'alignment',
  trace: '',
};

/** The first problem that keeps the settings from running, in words for the user; null when fine. */
export function settingsProblem(settings: SweepSettings, trace: LoadedTrace | null): string | null {
  if (settings.configurations.length === 0) return 'Pick at least one configuration.';
  if (settings.heapFrom > settings.heapTo) return 'The smallest heap is larger than the largest one.';
  if (!Number.isInteger(settings.accesses) || settings.accesses < 1) {
    return 'Accesses must be a whole number, at least 1.';
  }
  if (!Number.isInteger(settings.warmup) || settings.warmup < 0)
    return 'Warm-up must be a whole number, 0 or more.';
  const cycles: [number, string][] =
    settings.latency === 'flat'
      ? [
          [settings.referenceCycles, 'Cycles per table reference'],
          [settings.dataCycles, 'Cycles per data access'],
        ]
      : [[settings.memoryCycles, 'Memory cycles']];
  for (const [value, name] of cycles) {
    if (!Number.isFinite(value) || value < 0) return `${name} must be a number, 0 or more.`;
  }
  if (!Number.isFinite(settings.ghz) || settings.ghz <= 0)
    return 'The clock must be a number of GHz above 0.';
  if (settings.workload === 'trace') {
    if (trace === null) return 'Load a trace file first (one hexadecimal address per line).';
  } else if (!Number.isInteger(settings.itemBytes) || settings.itemBytes < 1) {
    return `The ${ITEM_NAME[settings.workload]} must be a whole number of bytes, at least 1.`;
  } else if (settings.workload === 'pointer-chase' && settings.itemBytes % 8 !== 0) {
    return 'The object size must be a multiple of 8 bytes (each object holds a pointer).';
  }
  const points = settings.configurations.length * heapSizes(settings).length;
  if (points > MAX_POINTS) return `That is ${points} points; at most ${MAX_POINTS} run in one sweep.`;
  return null;
}

function workloadSpec(settings: SweepSettings, trace: LoadedTrace | null): WorkloadSpec {
  switch (settings.workload) {
    case 'pointer-chase':
      return { type: 'pointer-chase', objectBytes: settings.itemBytes };
    case 'sequential':
      return { type: 'sequential', elementBytes: settings.itemBytes };
    case 'stride':
      return { type: 'stride', strideBytes: settings.itemBytes };
    case 'uniform':
      return { type: 'uniform', alignBytes: settings.itemBytes };
    case 'trace':
      return { type: 'trace', trace: trace?.text ?? '' };
  }
}

/** The engine's latency model for the settings' time model and numbers (latency-model.ts). */
export function latencyOf(settings: SweepSettings): Partial<LatencyModel> {
  return settings.latency === 'footprint'
    ? {
        dataCycles: 'footprint',
        referenceCycles: 'footprint',
        memoryCycles: settings.memoryCycles,
        ghz: settings.ghz,
      }
    : { referenceCycles: settings.referenceCycles, dataCycles: settings.dataCycles, ghz: settings.ghz };
}

/** The sweep's points, heap size by heap size so every line grows together. */
export function sweepPoints(settings: SweepSettings, trace: LoadedTrace | null): SweepPoint[] {
  const workload = workloadSpec(settings, trace);
  const configurations = CONFIGURATIONS.filter((c) => settings.configurations.includes(c.id));
  return heapSizes(settings).flatMap((heapBytes) =>
    configurations.map((configuration) => ({
      id: `${configuration.id}@${heapBytes}`,
      configId: configuration.id,
      heapBytes,
      config: {
        workload,
        heapBytes,
        accesses: settings.accesses,
        warmup: settings.warmup,
        seed: settings.seed,
        guestPageSize: configuration.guestPageSize,
        guestLevels: settings.levels,
        nested: nestedSpec(configuration, settings.levels),
        cachePreset: settings.cachePreset,
        latency: latencyOf(settings),
        // Native lines are points of their own; slowdowns are read off them.
        compareNative: false,
      },
    })),
  );
}

export const isConfigurationId = (id: string): id is ConfigurationId => findConfiguration(id) !== undefined;
