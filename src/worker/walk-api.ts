/**
 * The worker's API: parse a scenario, run it, answer with the trace and the per-access events.
 * Runs in the worker (walk.worker.ts) or in-thread (the client's fallback); it never throws.
 */
import type { MemoryImageReply, WalkApi, WalkError, WalkOutput, WalkReply } from './protocol';
import { formatPath, ScenarioError } from '../engine/scenario';
import { engineBinding, type WalkEngine } from './engine-binding';

export function createWalkApi(engine: WalkEngine = engineBinding): WalkApi {
  return {
    walk(scenarioJson: unknown): WalkReply {
      try {
        const output: WalkOutput = engine.run(scenarioJson);
        return {
          ok: true,
          trace: output.trace,
          events: output.events,
          ...(output.cacheSnapshots && { cacheSnapshots: output.cacheSnapshots }),
        };
      } catch (error) {
        return { ok: false, error: toWalkError(error) };
      }
    },
    memoryImage(scenarioJson: unknown): MemoryImageReply {
      try {
        return { ok: true, memory: engine.memoryImage(scenarioJson) };
      } catch (error) {
        return { ok: false, error: toWalkError(error) };
      }
    },
  };
}

/** Scenario errors keep their message (it names the JSON paths); anything else is an engine failure. */
export function toWalkError(error: unknown): WalkError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ScenarioError) {
    return { kind: 'scenario', message, paths: error.issues.map((issue) => formatPath(issue.path)) };
  }
  return { kind: 'engine', message: `The engine failed: ${message}`, paths: [] };
}
