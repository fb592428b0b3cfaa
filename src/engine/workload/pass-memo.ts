/**
 * Results of passes already run, by everything a pass depends on. The engine is deterministic, so
 * a pass with the same inputs gives the same counters: a sweep's EPT points each need the native
 * baseline that its native point (same heap, same guest pages) also measures, and a live rerun
 * after a change of one configuration repeats the others' passes unchanged. The memo lets the
 * runner take those from the first run (docs/experiments.md "Live update").
 */
import type { PassResult } from './pass-result';

export interface PassMemo {
  get(key: string): PassResult | undefined;
  set(key: string, result: PassResult): void;
}

/** A memo of at most `limit` passes; the oldest goes first. */
export function createPassMemo(limit = 512): PassMemo {
  const passes = new Map<string, PassResult>();
  return {
    get: (key) => passes.get(key),
    set(key, result) {
      passes.delete(key);
      passes.set(key, result);
      if (passes.size > limit) passes.delete(passes.keys().next().value!);
    },
  };
}
