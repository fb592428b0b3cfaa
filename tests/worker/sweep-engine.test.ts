import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../src/engine';
import { BULK_WASM_PATH } from '../../src/cli/wasm-bulk';
import { nextMacrotask } from '../../src/worker/sweep-api';
import { createSweepApi } from '../../src/worker/sweep-api';
import { createSweepEngine, typeScriptSweepEngine, type SweepRunResult } from '../../src/worker/sweep-engine';

// The module the global setup built (npm run build:wasm), compiled as the worker would.
const compiled = () => WebAssembly.compile(new Uint8Array(readFileSync(BULK_WASM_PATH)));

const ept: ExperimentConfig = {
  workload: { type: 'pointer-chase' },
  heapBytes: 64 * 2 ** 20,
  accesses: 3000,
  warmup: 500,
  guestPageSize: '4K',
  nested: { mode: 'ept', pageSize: '2M', levels: 4 },
  cachePreset: 'sandy-bridge',
};

const options = { chunk: 1024, pause: nextMacrotask };

/** The counters, without the field that names the engine. */
function counters(result: SweepRunResult) {
  const { engine: _engine, fallback: _fallback, reused: _reused, native, ...rest } = result;
  const { engine: _nativeEngine, ...nativeRest } = native ?? { engine: null };
  return { ...rest, native: nativeRest };
}

describe('the sweep worker engine', () => {
  it('runs on WebAssembly when the module loads, with the TypeScript engine’s counters', async () => {
    const engine = createSweepEngine(compiled);
    const wasm = await engine.run(ept, options);
    const ts = await typeScriptSweepEngine.run(ept, options);
    expect(wasm.engine).toBe('wasm');
    expect(wasm.native?.engine).toBe('wasm');
    expect(wasm.fallback).toBeUndefined();
    expect(ts.engine).toBe('typescript');
    expect(counters(wasm)).toEqual(counters(ts));
  });

  it('falls back to TypeScript and says why when the module does not load', async () => {
    let loads = 0;
    const engine = createSweepEngine(() => {
      loads++;
      return Promise.reject(new Error('404 Not Found'));
    });
    const result = await engine.run(ept, options);
    expect(result.engine).toBe('typescript');
    expect(result.native?.engine).toBe('typescript');
    expect(result.fallback).toBe('the WebAssembly module did not load: 404 Not Found');
    expect(counters(result)).toEqual(counters(await typeScriptSweepEngine.run(ept, options)));
    // The load is tried once per worker, not once per point.
    await engine.run(ept, options);
    expect(loads).toBe(1);
  });

  it('falls back to TypeScript for a configuration the module does not support, with its reason', async () => {
    const engine = createSweepEngine(compiled);
    const trace: ExperimentConfig = {
      ...ept,
      workload: { type: 'trace', trace: '0x7f0000001000\n0x7f0000002000 w\n' },
      nested: 'off',
      warmup: 0,
      accesses: 100,
    };
    const result = await engine.run(trace, options);
    expect(result.engine).toBe('typescript');
    expect(result.fallback).toBe('traces run on the TypeScript engine');
  });

  it('hands the engine and the fallback over the worker boundary', async () => {
    const api = createSweepApi(
      createSweepEngine(() => Promise.reject(new Error('blocked'))),
      1024,
    );
    const reply = await api.runPoint(1, ept);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.result.engine).toBe('typescript');
    expect(reply.result.fallback).toBe('the WebAssembly module did not load: blocked');

    const wasmApi = createSweepApi(createSweepEngine(compiled), 1024);
    const wasmReply = await wasmApi.runPoint(2, ept);
    expect(wasmReply.ok && wasmReply.result.engine).toBe('wasm');
  });

  it('times the engine without the waits between chunks', async () => {
    // An engine that computes for ~5 ms per chunk, three chunks; each turn between chunks waits 50 ms.
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const chunked = {
      async run(config: ExperimentConfig, opts: { pause: () => Promise<void> }) {
        for (let chunk = 0; chunk < 3; chunk++) {
          busy(5);
          await opts.pause();
        }
        return typeScriptSweepEngine.run({ ...config, accesses: 10, warmup: 0 }, options);
      },
    };
    const slowTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const reply = await createSweepApi(chunked, 1024, slowTurn).runPoint(3, ept);
    const wall = performance.now() - started;
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(wall).toBeGreaterThan(150);
    expect(reply.result.engineMs).toBeGreaterThanOrEqual(15);
    expect(reply.result.engineMs).toBeLessThan(wall - 140);
  });

  it('takes a point it has run before from its earlier passes, and says so', async () => {
    const engine = createSweepEngine(compiled);
    const first = await engine.run(ept, options);
    const again = await engine.run(ept, options);
    expect(first.reused).toBe(false);
    expect(again.reused).toBe(true);
    expect(counters(again)).toEqual(counters(first));
    // The native point measures the baseline the EPT point took: it is taken too.
    const native = await engine.run({ ...ept, nested: 'off' }, options);
    expect(native.reused).toBe(true);
  });
});
