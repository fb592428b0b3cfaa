/**
 * The sweep worker's API. A run yields to the event loop after every chunk (a macrotask, so a
 * `cancel` message queued behind it gets handled) and checks its cancel flag before the next one.
 */
import type { ExperimentResult } from '../engine';
import { sweepEngine, type SweepEngine } from './sweep-engine';
import type { PointMeasurement, SweepApi } from './sweep-protocol';

/** Accesses per chunk: a few tens of milliseconds of a 4-level EPT walk with no caches. */
export const SWEEP_CHUNK = 4096;

/** `yieldTurn`: how a run lets queued messages through between chunks (a macrotask). */
export function createSweepApi(
  engine: SweepEngine = sweepEngine,
  chunk = SWEEP_CHUNK,
  yieldTurn: () => Promise<void> = nextMacrotask,
): SweepApi {
  const cancelled = new Set<number>();
  return {
    async runPoint(runId, config, onProgress) {
      const cancel = {
        get cancelled() {
          return cancelled.has(runId);
        },
      };
      // Engine time: the run's own time, without the waits between chunks (other messages, the UI).
      const started = performance.now();
      let waited = 0;
      const pause = async () => {
        const from = performance.now();
        await yieldTurn();
        waited += performance.now() - from;
      };
      try {
        const result = await engine.run(config, {
          chunk,
          cancel,
          pause,
          onProgress: onProgress && ((p) => void onProgress({ done: p.done, total: p.total })),
        });
        const engineMs = performance.now() - started - waited;
        return { ok: true, result: toMeasurement(result, engineMs) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      } finally {
        cancelled.delete(runId);
      }
    },
    cancel(runId) {
      cancelled.add(runId);
    },
  };
}

/** The result without its config: the caller has it, and a trace in it can be large. */
function toMeasurement(result: ExperimentResult, engineMs: number): PointMeasurement {
  const { config: _config, ...measurement } = result;
  return { ...measurement, engineMs };
}

/**
 * Resolves after the messages already queued have been handled. A MessageChannel round trip is a
 * macrotask without the 4 ms clamp nested timers get; hosts without one fall back to a timer.
 */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      channel.port2.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
