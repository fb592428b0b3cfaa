/**
 * What crosses the sweep worker boundary: one experiment (a point of a sweep) per call, progress
 * through a callback, cancellation by a message that the worker reads between chunks. Everything
 * here is structured-clone safe.
 */
import type { ExperimentConfig } from '../engine';
import type { PassResult } from '../engine';

/** One point of a sweep: an id chosen by the caller and the experiment to run. */
export interface SweepTask {
  readonly id: string;
  readonly config: ExperimentConfig;
}

/** A point's measurement: the measured pass (its config stays with the caller), plus the baseline. */
export interface PointMeasurement extends PassResult {
  /** True when the run stopped early: the numbers cover the accesses done so far. */
  readonly cancelled: boolean;
  /** The native pass of the same guest page size, when the config asked for it. */
  readonly native: PassResult | null;
  /** cyclesPerAccess / native cyclesPerAccess. */
  readonly slowdown: number | null;
  /**
   * Why a pass ran on the TypeScript engine where the worker would have used WebAssembly; absent
   * when every pass ran on the engine `engine` names without a fallback (docs/wasm-engine.md).
   */
  readonly fallback?: string;
  /** Milliseconds the worker spent computing the point, without its waits between chunks (absent in results saved before it was measured). */
  readonly engineMs?: number;
  /** True when the worker had run all of the point's passes before and took them from then. */
  readonly reused?: boolean;
}

export type PointReply =
  | { readonly ok: true; readonly result: PointMeasurement }
  | {
      readonly ok: false;
      readonly error: string;
      /** The worker stopped under the point (crash, unreadable message, silence): the point may run again. */
      readonly workerStopped?: true;
    };

/** Accesses done and planned for one point, warm-ups and the native pass included. */
export interface PointProgress {
  readonly done: number;
  readonly total: number;
}

export type ProgressCallback = (progress: PointProgress) => void;

/** The API a sweep worker exposes (comlink); the in-thread fallback is the same object. */
export interface SweepApi {
  /** Runs one experiment; never rejects: engine problems come back as `{ ok: false }`. */
  runPoint(runId: number, config: ExperimentConfig, onProgress?: ProgressCallback): Promise<PointReply>;
  /** Asks the run with `runId` to stop at its next chunk boundary (it then answers, marked cancelled). */
  cancel(runId: number): void;
}
