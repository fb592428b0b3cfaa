/**
 * The engine calls a sweep worker makes: one experiment, yielding between chunks. Experiments run
 * on the WebAssembly bulk engine when its module loads and supports the pass, else on the
 * TypeScript engine; the result says which ran and, for a fallback, why (docs/wasm-engine.md).
 */
import type { ExperimentConfig } from '../engine';
import {
  bulkImports,
  createPassMemo,
  createWasmBulkEngine,
  DEFAULT_CHUNK,
  runExperimentAsync,
  type BulkEngine,
  type BulkExports,
  type ExperimentResult,
  type PassMemo,
  type RunOptions,
} from '../engine';

export type SweepRunOptions = RunOptions & { readonly pause: () => Promise<void> };

export interface SweepRunResult extends ExperimentResult {
  /**
   * Why a pass of this experiment ran on the TypeScript engine although the sweep engine would
   * have used WebAssembly (the module did not load, or does not support the configuration).
   */
  readonly fallback?: string;
  /** True when every pass came from the passes this worker had already run (nothing recomputed). */
  readonly reused?: boolean;
}

export interface SweepEngine {
  run(config: ExperimentConfig, options: SweepRunOptions): Promise<SweepRunResult>;
}

/** The TypeScript engine only: machines with the translation caches of the config's preset. */
export const typeScriptSweepEngine: SweepEngine = { run: runExperimentAsync };

const WASM_CHUNK_FACTOR = 4;

/** Compiles the bulk module once; rejects when it cannot (no WebAssembly, missing file, CSP). */
export type BulkModuleLoader = () => Promise<WebAssembly.Module>;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * An engine that runs each experiment on a fresh instance of the bulk module (its own memory, so
 * a cancelled run still unwinding never shares counters with the next one) and falls back to the
 * TypeScript engine, with the reason, when the module cannot load or the pass is not supported.
 */
export function createSweepEngine(loadModule: BulkModuleLoader): SweepEngine {
  let module: Promise<WebAssembly.Module> | null = null;
  // Passes this worker has run: the native baselines a sweep's points share, and the points a live
  // rerun repeats unchanged, come from here (docs/experiments.md "Live update").
  const passes = createPassMemo();
  return {
    async run(config, given) {
      let taken = 0;
      const counted: PassMemo = {
        get(key) {
          const pass = passes.get(key);
          if (pass !== undefined) taken++;
          return pass;
        },
        set: (key, pass) => passes.set(key, pass),
      };
      const options = { ...given, passes: counted };
      const reused = (result: ExperimentResult) => taken === (result.native === null ? 1 : 2);
      module ??= loadModule();
      let bulk: BulkEngine;
      try {
        const instance = await WebAssembly.instantiate(await module, bulkImports);
        bulk = createWasmBulkEngine(instance.exports as unknown as BulkExports);
      } catch (error) {
        const result = await runExperimentAsync(config, options);
        return {
          ...result,
          fallback: `the WebAssembly module did not load: ${message(error)}`,
          reused: reused(result),
        };
      }
      const reasons: string[] = [];
      const recording: BulkEngine = {
        name: bulk.name,
        unsupported(request) {
          const why = bulk.unsupported(request);
          if (why !== null) reasons.push(why);
          return why;
        },
        open: (request) => bulk.open(request),
      };
      // The module is ~5× faster than TypeScript: chunks as long in time, so ~4× fewer progress
      // messages and turns (a pass it does not support gets the same chunks, ~4× longer).
      const chunk = (options.chunk ?? DEFAULT_CHUNK) * WASM_CHUNK_FACTOR;
      const result = await runExperimentAsync(config, { ...options, chunk, bulk: recording });
      const withReuse = { ...result, reused: reused(result) };
      return reasons.length === 0 ? withReuse : { ...withReuse, fallback: reasons[0]! };
    },
  };
}

/** Where the app's build puts the module (an asset next to the worker chunk; precached offline). */
const BULK_WASM_URL = new URL('../wasm/bulk/build/bulk.wasm', import.meta.url);

/** Fetches and compiles the module; compiles from bytes when the server sends no application/wasm type. */
export async function fetchBulkModule(url: URL | string = BULK_WASM_URL): Promise<WebAssembly.Module> {
  if (typeof WebAssembly === 'undefined') throw new Error('this browser has no WebAssembly');
  if (typeof fetch === 'undefined') throw new Error('this host cannot fetch the module');
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch {
      // A wrong MIME type fails streaming only; a real failure fails again below with its own message.
    }
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${String(url)} answered ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** The sweep worker's engine: WebAssembly when it loads, TypeScript otherwise. */
export const sweepEngine: SweepEngine = createSweepEngine(() => fetchBulkModule());

/** Accesses an experiment will run in all: warm-up and measured, times two with the native baseline. */
export function plannedAccesses(config: ExperimentConfig): number {
  const passes = (config.compareNative ?? config.nested !== 'off') && config.nested !== 'off' ? 2 : 1;
  return passes * ((config.warmup ?? 0) + config.accesses);
}
