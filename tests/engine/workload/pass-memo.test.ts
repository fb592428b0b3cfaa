/**
 * A run with a pass memo takes a pass it has seen from the memo: the same result as running it,
 * without opening it again. A sweep's EPT points share the native baseline their native point
 * measures; a change of one input (the cache preset) runs everything anew.
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../../src/engine/workload/experiment-config';
import { createPassMemo } from '../../../src/engine/workload/pass-memo';
import type { BulkEngine } from '../../../src/engine/workload/pass-runner';
import { runExperiment } from '../../../src/engine/workload/run-experiment';
import { loadWasmBulkEngine } from '../../../src/cli/wasm-bulk';

const MiB = 2 ** 20;
const ept4k: ExperimentConfig = {
  workload: { type: 'pointer-chase', objectBytes: 64 },
  heapBytes: 64 * MiB,
  accesses: 4000,
  warmup: 1000,
  guestPageSize: '4K',
  nested: { mode: 'ept', pageSize: '4K', levels: 4 },
  cachePreset: 'sandy-bridge',
};
const native: ExperimentConfig = { ...ept4k, nested: 'off' };
const ept2mConfig: ExperimentConfig = { ...ept4k, nested: { mode: 'ept', pageSize: '2M', levels: 4 } };

/** The wasm engine, counting the passes it opens. */
function countingEngine() {
  const engine = loadWasmBulkEngine();
  const opened: string[] = [];
  const counting: BulkEngine = {
    name: engine.name,
    unsupported: (request) => engine.unsupported(request),
    open(request) {
      opened.push(request.space.spec.nested === 'off' ? 'native' : 'nested');
      return engine.open(request);
    },
  };
  return { counting, opened };
}

describe('a pass memo', () => {
  it('gives the results of running the passes, and runs each distinct pass once', () => {
    const { counting, opened } = countingEngine();
    const passes = createPassMemo();
    const fresh = (config: ExperimentConfig) => runExperiment(config, { bulk: loadWasmBulkEngine() });

    const nativePoint = runExperiment(native, { bulk: counting, passes });
    const eptPoint = runExperiment(ept4k, { bulk: counting, passes });
    const ept2m = runExperiment(ept2mConfig, { bulk: counting, passes });
    // The native point measured the baseline both EPT points compare with.
    expect(opened).toEqual(['native', 'nested', 'nested']);
    expect(eptPoint).toEqual(fresh(ept4k));
    const { config: _c, cancelled: _x, native: _n, slowdown: _s, ...nativePass } = nativePoint;
    expect(eptPoint.native).toEqual(nativePass);
    expect(nativePoint).toEqual(fresh(native));
    expect(ept2m.slowdown).toBe(fresh(ept2mConfig).slowdown);

    // The same point again comes from the memo; another cache preset is another pass.
    expect(runExperiment(ept4k, { bulk: counting, passes })).toEqual(eptPoint);
    expect(opened).toHaveLength(3);
    runExperiment({ ...ept4k, cachePreset: 'skylake' }, { bulk: counting, passes });
    expect(opened).toEqual(['native', 'nested', 'nested', 'nested', 'native']);
  });

  it('is not used for a run that asks for its passes’ own counters', () => {
    const { counting, opened } = countingEngine();
    const passes = createPassMemo();
    runExperiment(ept4k, { bulk: counting, passes });
    runExperiment(ept4k, { bulk: counting, passes, onPass: () => {} });
    expect(opened).toEqual(['nested', 'native', 'nested', 'native']);
  });

  it('forgets the oldest pass beyond its limit', () => {
    const passes = createPassMemo(2);
    const result = runExperiment(native, {});
    passes.set('a', result);
    passes.set('b', result);
    passes.set('c', result);
    expect(passes.get('a')).toBeUndefined();
    expect(passes.get('c')).toBe(result);
  });
});
