/**
 * The WebAssembly bulk engine must compute exactly what the TypeScript engine computes: every
 * counter of every experiment of the fingerprint grid (presets × workloads × heaps × native / EPT /
 * NPT × page sizes × 4 / 5 levels), and whole experiment results with warm-up and native baseline.
 * Passes it does not support run on TypeScript and say so.
 */
import { describe, expect, it } from 'vitest';
import type { CacheCounters } from '../../../src/engine/cache/snapshot-types';
import type { ExperimentConfig } from '../../../src/engine/workload/experiment-config';
import { runExperiment, type ExperimentResult } from '../../../src/engine/workload/run-experiment';
import { fingerprintGrid, fingerprintLine } from '../../../src/cli/fingerprint-grid';
import { loadWasmBulkEngine } from '../../../src/cli/wasm-bulk';

const GiB = 2 ** 30;
const bulk = loadWasmBulkEngine();

function both(config: ExperimentConfig, chunk?: number) {
  let tsCounters: CacheCounters | null = null;
  let wasmCounters: CacheCounters | null = null;
  const ts = runExperiment(config, { chunk, onPass: (_p, r) => (tsCounters = r.cacheCounters()) });
  const wasm = runExperiment(config, { chunk, bulk, onPass: (_p, r) => (wasmCounters = r.cacheCounters()) });
  return { ts, wasm, tsCounters, wasmCounters };
}

/** A result without the engine's name: everything else must be equal. */
const withoutEngine = (r: ExperimentResult) => ({
  ...r,
  engine: undefined,
  native: r.native === null ? null : { ...r.native, engine: undefined },
});

describe('the WebAssembly engine gives the TypeScript engine’s counters', () => {
  it('on every experiment of the fingerprint grid', { timeout: 120_000 }, () => {
    let compared = 0;
    for (const full of fingerprintGrid()) {
      // Shorter runs than the fingerprint's keep the test quick; `npm run fingerprint -- --engine
      // wasm` checks the full-length grid.
      const config = { ...full, accesses: 2500, warmup: 500 };
      const { ts, wasm, tsCounters, wasmCounters } = both(config);
      expect(wasm.engine).toBe('wasm');
      const expected = fingerprintLine(config, ts, tsCounters);
      // Compared as text first (cheap), then as objects for a readable difference.
      if (fingerprintLine(config, wasm, wasmCounters) !== expected)
        expect(JSON.parse(fingerprintLine(config, wasm, wasmCounters))).toEqual(JSON.parse(expected));
      compared++;
    }
    expect(compared).toBe(1200);
  });

  it('on the lecture experiment with warm-up and native baseline, whole results', () => {
    for (const pageSize of ['4K', '2M', '1G'] as const) {
      const config: ExperimentConfig = {
        workload: { type: 'pointer-chase' },
        heapBytes: 32 * GiB,
        accesses: 40_000,
        warmup: 10_000,
        guestPageSize: '4K',
        nested: { mode: 'ept', pageSize, levels: 4 },
        cachePreset: 'skylake',
        seed: 3,
      };
      const { ts, wasm } = both(config);
      expect(wasm.engine).toBe('wasm');
      expect(wasm.native?.engine).toBe('wasm');
      expect(withoutEngine(wasm)).toEqual(withoutEngine(ts));
    }
  });

  it('whatever the chunk size between progress reports', () => {
    const config: ExperimentConfig = {
      workload: { type: 'uniform', kind: 'write' },
      heapBytes: 64 * GiB,
      accesses: 30_000,
      warmup: 5_000,
      guestPageSize: '2M',
      guestLevels: 5,
      nested: { mode: 'npt', pageSize: '4K', levels: 5 },
      cachePreset: 'zen3',
    };
    const whole = both(config);
    const chunked = both(config, 777);
    expect(withoutEngine(chunked.wasm)).toEqual(withoutEngine(whole.ts));
    expect(chunked.wasmCounters).toEqual(whole.tsCounters);
  });
});

describe('passes the WebAssembly engine does not run', () => {
  it('fall back to TypeScript and say so: traces and verify mode', () => {
    const trace: ExperimentConfig = {
      workload: { type: 'trace', trace: '0x7f0000001000\n0x7f0000002000 w\n' },
      heapBytes: 2 ** 20,
      accesses: 100,
      guestPageSize: '4K',
      nested: 'off',
      cachePreset: 'skylake',
    };
    expect(runExperiment(trace, { bulk }).engine).toBe('typescript');
    const chase: ExperimentConfig = { ...trace, workload: { type: 'pointer-chase' } };
    expect(runExperiment(chase, { bulk, verify: true }).engine).toBe('typescript');
    expect(runExperiment(chase, { bulk }).engine).toBe('wasm');
  });

  it('bad input gets the same message as on the TypeScript engine', () => {
    const config: ExperimentConfig = {
      workload: { type: 'pointer-chase', objectBytes: 12 },
      heapBytes: 2 ** 20,
      accesses: 100,
      guestPageSize: '4K',
      nested: 'off',
    };
    expect(() => runExperiment(config, { bulk })).toThrow('object size must be a multiple of 8 bytes');
  });
});
