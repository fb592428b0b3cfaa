/**
 * The presets have few cache shapes (4-, 12-, 32-way …); the WebAssembly engine keeps LRU order as
 * a list per set (docs/wasm-engine.md), so its eviction order must match the TypeScript model on
 * any shape: direct-mapped, odd associativity, one set or many. Random small caches over a heap
 * far larger than they cover, so nearly every fill evicts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CacheConfig, StructureSpec } from '../../../src/engine/cache/cache-config';
import { createMachine } from '../../../src/engine/machine';
import { AccessLoop } from '../../../src/engine/workload/access-loop';
import type { PassRunner } from '../../../src/engine/workload/pass-runner';
import { TypeScriptPass } from '../../../src/engine/workload/pass-runner';
import { createStream, type WorkloadSpec } from '../../../src/engine/workload/workload-spec';
import { createWorkloadSpace } from '../../../src/engine/workload/workload-space';
import { loadWasmBulkEngine } from '../../../src/cli/wasm-bulk';

const GiB = 2 ** 30;
const HEAP_BASE = 0x7f00_0000_0000;
const bulk = loadWasmBulkEngine();

/** `ways` per set and 1, 2 or 4 sets. */
const shape = fc.record({ ways: fc.integer({ min: 1, max: 7 }), sets: fc.constantFrom(1, 2, 4) });

const cachesOf = (tlb: Shape, stlb: Shape, pde: Shape, gpa: Shape, eptPde: Shape): CacheConfig => {
  const sized = (s: Shape) => ({ entries: s.ways * s.sets, ways: s.ways });
  const structures: StructureSpec[] = [
    { kind: 'tlb', name: 'l1', label: 'L1', tier: 1, side: 'data', sizes: ['4K'], ...sized(tlb) },
    { kind: 'tlb', name: 'l2', label: 'L2', tier: 2, side: 'unified', sizes: ['4K', '2M'], ...sized(stlb) },
    { kind: 'pwc', name: 'pde', label: 'PDE', levels: [2], ...sized(pde) },
    { kind: 'pwc', name: 'upper', label: 'PDPTE+PML4E', levels: [4, 3], entries: 2, ways: 2 },
    { kind: 'gpa-tlb', name: 'gpa', label: 'gPA', sizes: ['4K'], ...sized(gpa) },
    { kind: 'nested-pwc', name: 'ept-pde', label: 'EPT PDE', levels: [2], ...sized(eptPde) },
  ];
  return { name: 'custom', label: 'random shapes', sources: 'test', replacement: 'lru', structures };
};
type Shape = { ways: number; sets: number };

function pass(
  engine: 'typescript' | 'wasm',
  caches: CacheConfig,
  workload: WorkloadSpec,
  seed: number,
): PassRunner {
  const heapBytes = 4 * GiB;
  const space = createWorkloadSpace({
    heapBase: HEAP_BASE,
    heapBytes,
    guestPageSize: '4K',
    guestLevels: 4,
    nested: { mode: 'ept', pageSize: '4K', levels: 4 },
  });
  if (engine === 'wasm') {
    const request = { space, heapBase: HEAP_BASE, heapBytes, workload, seed, caches, verify: false };
    expect(bulk.unsupported(request)).toBeNull();
    return bulk.open(request);
  }
  const machine = createMachine(space.config, space.memory, { caches });
  const stream = createStream(workload, HEAP_BASE, heapBytes, seed);
  return new TypeScriptPass(new AccessLoop(machine, stream, space, 3, false), machine);
}

describe('the WebAssembly engine’s LRU order on any cache shape', () => {
  it('gives the TypeScript counters for random small caches', { timeout: 60_000 }, () => {
    const workloads: WorkloadSpec[] = [
      { type: 'pointer-chase' },
      { type: 'uniform' },
      { type: 'sequential', elementBytes: 4096 },
    ];
    fc.assert(
      fc.property(
        fc.tuple(shape, shape, shape, shape, shape),
        fc.constantFrom(...workloads),
        fc.integer({ min: 1, max: 1000 }),
        (shapes, workload, seed) => {
          const caches = cachesOf(...shapes);
          const ts = pass('typescript', caches, workload, seed);
          const wasm = pass('wasm', caches, workload, seed);
          ts.run(3000);
          wasm.run(3000);
          expect(wasm.references).toBe(ts.references);
          expect(wasm.walks).toBe(ts.walks);
          expect(wasm.cacheCounters()).toEqual(ts.cacheCounters());
        },
      ),
      { numRuns: 40 },
    );
  });
});
