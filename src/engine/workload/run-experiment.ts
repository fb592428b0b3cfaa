/**
 * Runs an experiment: a workload over a procedurally mapped heap through `machine.run`, in chunks
 * (progress and cancellation are checked between chunks), then the same workload natively for the
 * slowdown. Synchronous (`runExperiment`, cancel through a shared flag) or yielding between chunks
 * (`runExperimentAsync`, so a worker can take a cancel message in between).
 */
import { createMachine } from '../machine';
import type { PhysicalMemory } from '../memory/physical-memory';
import type { Machine, MachineConfig } from '../machine-api';
import { AccessLoop } from './access-loop';
import type { CachePreset, ExperimentConfig } from './experiment-config';
import { DEFAULT_LATENCY, type LatencyModel } from './latency-model';
import { summarizePass, type PassResult } from './pass-result';
import { TypeScriptPass, type BulkEngine, type PassRunner } from './pass-runner';
import type { PassMemo } from './pass-memo';
import { resolveCacheConfig } from '../cache/presets';
import { resolveHeap } from './resolve-heap';
import { createStream } from './workload-spec';
import { createWorkloadSpace, type NestedSpec } from './workload-space';

export type MachineFactory = (config: MachineConfig, memory: PhysicalMemory, caches: CachePreset) => Machine;

export interface CancelToken {
  readonly cancelled: boolean;
}

/** A cancel token over a shared Int32Array (e.g. on a SharedArrayBuffer): non-zero word 0 = cancel. */
export const sharedCancelToken = (flag: Int32Array): CancelToken => ({
  get cancelled() {
    return Atomics.load(flag, 0) !== 0;
  },
});

export interface ExperimentProgress {
  /** 'measured' = the configuration asked for; 'native' = its native baseline. */
  readonly pass: 'measured' | 'native';
  /** Accesses done and planned over the whole experiment, warm-ups included. */
  readonly done: number;
  readonly total: number;
}

/** Accesses between progress reports when a run does not say. */
export const DEFAULT_CHUNK = 65_536;

export interface RunOptions {
  readonly createMachine?: MachineFactory;
  /** Accesses between progress reports and cancellation checks (default 65 536). */
  readonly chunk?: number;
  readonly onProgress?: (progress: ExperimentProgress) => void;
  readonly cancel?: CancelToken;
  /** Check every successful translation against the mapping rule (counts `mismatches`). */
  readonly verify?: boolean;
  /**
   * Runs the passes it supports (the WebAssembly engine, docs/wasm-engine.md); the others, and all
   * passes without one, run on the TypeScript engine.
   */
  readonly bulk?: BulkEngine | null;
  /** Called at the end of each pass, while its counters can still be read. */
  readonly onPass?: (pass: 'measured' | 'native', runner: PassRunner) => void;
  /**
   * Passes already run: one with the same inputs is taken from here instead of run again, and each
   * finished pass is added (not for traces, verify mode, custom machines or `onPass`, which needs
   * the pass's own counters).
   */
  readonly passes?: PassMemo;
}

export interface ExperimentResult extends PassResult {
  readonly config: ExperimentConfig;
  readonly cancelled: boolean;
  /** The native pass (same guest page size), when run. */
  readonly native: PassResult | null;
  /** cyclesPerAccess / native cyclesPerAccess. */
  readonly slowdown: number | null;
}

/** Machines with the translation caches of the preset (src/engine/cache). */
export const defaultMachineFactory: MachineFactory = (config, memory, caches) =>
  createMachine(config, memory, { caches });

export function runExperiment(config: ExperimentConfig, options: RunOptions = {}): ExperimentResult {
  const steps = experimentSteps(config, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

export async function runExperimentAsync(
  config: ExperimentConfig,
  options: RunOptions & { readonly pause: () => Promise<void> },
): Promise<ExperimentResult> {
  const steps = experimentSteps(config, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await options.pause();
  }
}

/** Yields after every chunk; returns the result (partial when cancelled). */
function* experimentSteps(config: ExperimentConfig, options: RunOptions): Generator<void, ExperimentResult> {
  const heap = resolveHeap(config);
  const model: LatencyModel = { ...DEFAULT_LATENCY, ...config.latency };
  const warmup = config.warmup ?? 0;
  const chunk = Math.max(1, options.chunk ?? DEFAULT_CHUNK);
  const factory = options.createMachine ?? defaultMachineFactory;
  const compare = config.compareNative ?? config.nested !== 'off';
  const passes: { pass: 'measured' | 'native'; nested: NestedSpec }[] = [
    { pass: 'measured', nested: config.nested },
  ];
  if (compare && config.nested !== 'off') passes.push({ pass: 'native', nested: 'off' });
  const total = passes.length * (warmup + config.accesses);
  const results: PassResult[] = [];
  let done = 0;
  let cancelled = false;

  const memo = memoOf(config, options);
  for (const { pass, nested } of passes) {
    const key = memo === null ? '' : passKey(config, heap, model, nested);
    const remembered = memo?.get(key);
    if (remembered !== undefined) {
      results.push(remembered);
      done += warmup + config.accesses;
      options.onProgress?.({ pass, done, total });
      yield; // as after a chunk: the progress report goes out before the result
      continue;
    }
    const space = createWorkloadSpace({
      heapBase: heap.base,
      heapBytes: heap.bytes,
      guestPageSize: config.guestPageSize,
      guestLevels: config.guestLevels ?? 4,
      nested,
    });
    const loop = openPass(config, options, factory, heap, space);
    for (const [phase, count] of [
      ['warmup', warmup],
      ['measure', config.accesses],
    ] as const) {
      if (phase === 'measure') loop.resetCounters();
      for (let left = count; left > 0 && !cancelled;) {
        if (options.cancel?.cancelled === true) {
          cancelled = true;
          break;
        }
        const n = Math.min(chunk, left);
        loop.run(n);
        left -= n;
        done += n;
        options.onProgress?.({ pass, done, total });
        yield;
      }
    }
    const result = summarizePass(loop, space, model, heap.bytes);
    results.push(result);
    options.onPass?.(pass, loop);
    if (cancelled) break;
    memo?.set(key, result);
  }

  const measured = results[0]!;
  const native = cancelled ? null : (results[1] ?? null);
  return {
    ...measured,
    config,
    cancelled,
    native,
    slowdown: native === null ? null : measured.cyclesPerAccess / native.cyclesPerAccess,
  };
}

/** The memo a run may use: none for inputs too large to key (traces) or runs that need their own passes. */
function memoOf(config: ExperimentConfig, options: RunOptions): PassMemo | null {
  if (options.passes === undefined || options.verify === true || options.onPass !== undefined) return null;
  if (options.createMachine !== undefined || config.workload.type === 'trace') return null;
  return options.passes;
}

/** Everything a pass's result depends on. */
function passKey(
  config: ExperimentConfig,
  heap: ReturnType<typeof resolveHeap>,
  model: LatencyModel,
  nested: NestedSpec,
): string {
  return JSON.stringify([
    heap.workload,
    heap.base,
    heap.bytes,
    config.accesses,
    config.warmup ?? 0,
    config.seed ?? 1,
    config.guestPageSize,
    config.guestLevels ?? 4,
    nested,
    config.cachePreset ?? 'none',
    model,
  ]);
}

/** The pass on the bulk engine when it supports it, else on the TypeScript engine. */
function openPass(
  config: ExperimentConfig,
  options: RunOptions,
  factory: MachineFactory,
  heap: ReturnType<typeof resolveHeap>,
  space: ReturnType<typeof createWorkloadSpace>,
): PassRunner {
  const seed = config.seed ?? 1;
  const preset = config.cachePreset ?? 'none';
  // The stream is built either way: it checks the workload and gives the same message on bad input.
  const stream = createStream(heap.workload, heap.base, heap.bytes, seed);
  const bulk = options.bulk ?? null;
  if (bulk !== null && options.createMachine === undefined) {
    const request = {
      space,
      heapBase: heap.base,
      heapBytes: heap.bytes,
      workload: heap.workload,
      seed,
      caches: resolveCacheConfig(preset),
      verify: options.verify ?? false,
    };
    if (bulk.unsupported(request) === null) return bulk.open(request);
  }
  const machine = factory(space.config, space.memory, preset);
  return new TypeScriptPass(new AccessLoop(machine, stream, space, 3, options.verify ?? false), machine);
}
