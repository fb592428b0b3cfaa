import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../../src/engine/workload/experiment-config';
import {
  runExperiment,
  runExperimentAsync,
  sharedCancelToken,
  type ExperimentProgress,
} from '../../../src/engine/workload/run-experiment';

const GiB = 2 ** 30;

const chase = (overrides: Partial<ExperimentConfig> = {}): ExperimentConfig => ({
  workload: { type: 'pointer-chase' },
  heapBytes: 32 * GiB,
  accesses: 2000,
  warmup: 100,
  guestPageSize: '4K',
  nested: { mode: 'ept', pageSize: '4K', levels: 4 },
  ...overrides,
});

describe('runExperiment without translation caches', () => {
  it.each([
    ['4K', '4K', 24, 20],
    ['4K', '2M', 19, 15],
    ['4K', '1G', 14, 10],
    ['2M', '4K', 19, 16],
    ['1G', '1G', 8, 6],
  ] as const)(
    'guest %s on EPT %s: every access walks, %i references',
    (guestPageSize, pageSize, total, nested) => {
      const result = runExperiment(chase({ guestPageSize, nested: { mode: 'ept', pageSize, levels: 4 } }), {
        verify: true,
      });
      expect(result.accesses).toBe(2000);
      expect(result.faults).toBe(0);
      expect(result.mismatches).toBe(0);
      expect(result.walkRate).toBe(1);
      expect(result.referencesPerAccess).toBe(total);
      expect(result.nestedReferencesPerAccess).toBe(nested);
      expect(result.guestReferencesPerAccess).toBe(total - nested);
      expect(result.caches).toBeNull();
    },
  );

  it('splits references by level and compares with the native walk of the same page size', () => {
    const result = runExperiment(chase());
    expect(result.mode).toBe('ept');
    expect(result.guestReferencesByLevel).toEqual([0, 1, 1, 1, 1, 0]);
    expect(result.nestedReferencesByLevel).toEqual([0, 5, 5, 5, 5, 0]);
    expect(result.native?.mode).toBe('native');
    expect(result.native?.referencesPerAccess).toBe(4);
    // Default model: 200 cycles of data plus 12 per reference.
    expect(result.cyclesPerAccess).toBe(200 + 24 * 12);
    expect(result.native?.cyclesPerAccess).toBe(200 + 4 * 12);
    expect(result.slowdown).toBeCloseTo(488 / 248, 12);
    expect(result.nsPerAccess).toBeCloseTo(488 / 3.4, 9);
  });

  it('runs NPT and 5-level configurations', () => {
    const npt = runExperiment(
      chase({ nested: { mode: 'npt', pageSize: '2M', levels: 4 }, compareNative: false }),
    );
    expect(npt.mode).toBe('npt');
    expect(npt.referencesPerAccess).toBe(19);
    expect(npt.native).toBeNull();
    const five = runExperiment(chase({ guestLevels: 5, nested: { mode: 'ept', pageSize: '4K', levels: 5 } }));
    expect(five.referencesPerAccess).toBe(35);
    expect(five.native?.referencesPerAccess).toBe(5);
  });

  it('gives the same result for the same configuration', () => {
    const config = chase({ workload: { type: 'uniform' }, seed: 77 });
    expect(runExperiment(config)).toEqual(runExperiment(config));
  });

  it('applies latency overrides and the footprint variant', () => {
    const flat = runExperiment(
      chase({ latency: { dataCycles: 100, referenceCycles: 10 }, compareNative: false }),
    );
    expect(flat.cyclesPerAccess).toBe(100 + 240);
    const footprint = runExperiment(
      chase({ latency: { dataCycles: 'footprint', referenceCycles: 'footprint' }, compareNative: false }),
    );
    // 32 GiB of data and 64 MiB of leaf tables live in DRAM; the tiny root tables in L1.
    expect(footprint.dataCycles).toBe(200);
    expect(footprint.translationCyclesPerAccess).toBeGreaterThan(2 * 200);
    expect(footprint.translationCyclesPerAccess).toBeLessThan(24 * 200);
    const small = runExperiment(
      chase({ heapBytes: 2 ** 20, latency: { dataCycles: 'footprint' }, nested: 'off' }),
    );
    expect(small.dataCycles).toBe(40); // 1 MiB fits the 8 MiB LLC
  });
});

describe('runExperiment workloads', () => {
  it('replays a trace over a heap placed below its lowest address', () => {
    const trace = ['0x7f12_3456_7000 r', '0x7f12_3456_8008 w', '# comment', '0x7f13_0000_0000 x'].join('\n');
    const result = runExperiment(
      { workload: { type: 'trace', trace }, heapBytes: 1, accesses: 30, guestPageSize: '4K', nested: 'off' },
      { verify: true },
    );
    expect(result.faults).toBe(0);
    expect(result.mismatches).toBe(0);
    expect(result.referencesPerAccess).toBe(4);
  });

  it('counts faults for trace addresses outside the configured heap', () => {
    const result = runExperiment({
      workload: { type: 'trace', trace: '0x7f00_0000_1000\n0x7f00_4000_0000\n' },
      heapBytes: 2 ** 20,
      heapBase: 0x7f00_0000_0000,
      accesses: 10,
      guestPageSize: '4K',
      nested: 'off',
    });
    expect(result.faults).toBe(5);
  });

  it('rejects upper-half traces', () => {
    const base = { heapBytes: 2 ** 20, accesses: 1, guestPageSize: '4K', nested: 'off' } as const;
    expect(() =>
      runExperiment({ ...base, workload: { type: 'trace', trace: '0xffff_8000_0000_0000' } }),
    ).toThrow(/upper-half/);
  });
});

describe('runExperiment with translation caches', () => {
  it('serves a small sequential scan from the TLBs after the warm-up: no paging-structure cache looked up', () => {
    const result = runExperiment(
      chase({
        workload: { type: 'sequential' },
        heapBytes: 2 ** 20,
        accesses: 20_000,
        warmup: 20_000,
        cachePreset: 'skylake',
      }),
      { verify: true },
    );
    expect(result.mismatches).toBe(0);
    // 256 pages fit the STLB: after the warm-up every access is a TLB hit.
    expect(result.caches?.tlbHitRate).toBe(1);
    expect(result.walkRate).toBe(0);
    expect(result.referencesPerAccess).toBe(0);
    expect(result.caches?.structures.find((s) => s.name === 'l1-dtlb-4k')?.lookups).toBe(20_000);
    // No lookup of the other kinds: no rate rather than a rate of 0.
    expect(result.caches).toMatchObject({ pwcHitRate: null, gpaHitRate: null, nestedPwcHitRate: null });
    expect(result.caches?.walkCacheHitRate).toBeNull();
  });

  it('at 32 GiB the paging-structure caches still hit where the TLBs cannot, and each rate adds up', () => {
    const result = runExperiment(chase({ accesses: 5000, warmup: 5000, cachePreset: 'skylake' }));
    const caches = result.caches!;
    const structures = caches.structures;
    const rate = (kinds: string[]) => {
      const of = structures.filter((s) => kinds.includes(s.kind));
      return of.reduce((n, s) => n + s.hits, 0) / of.reduce((n, s) => n + s.lookups, 0);
    };
    expect(caches.tlbHitRate).toBeLessThan(0.01);
    expect(caches.pwcHitRate).toBeCloseTo(rate(['pwc']), 12);
    expect(caches.gpaHitRate).toBeCloseTo(rate(['gpa-tlb']), 12);
    expect(caches.nestedPwcHitRate).toBeCloseTo(rate(['nested-pwc']), 12);
    expect(caches.walkCacheHitRate).toBeCloseTo(rate(['pwc', 'nested-pwc']), 12);
    // The PML4E cache covers the whole heap, so a third of the guest PWC lookups hit.
    expect(caches.pwcHitRate!).toBeGreaterThan(0.3);
    expect(structures.find((s) => s.name === 'pml4e-cache')).toMatchObject({ kind: 'pwc', hitRate: 1 });
    expect(structures.find((s) => s.name === 'l2-tlb')?.fills).toBeGreaterThan(4900);
  });

  it('only removes references: the split by dimension still adds up, and each dimension shrinks', () => {
    const uncached = runExperiment(chase({ accesses: 5000, warmup: 2000 }));
    const cached = runExperiment(chase({ accesses: 5000, warmup: 2000, cachePreset: 'sandy-bridge' }), {
      verify: true,
    });
    expect(cached.mismatches).toBe(0);
    expect(cached.guestReferencesPerAccess + cached.nestedReferencesPerAccess).toBeCloseTo(
      cached.referencesPerAccess,
      12,
    );
    expect(cached.guestReferencesPerAccess).toBeLessThan(uncached.guestReferencesPerAccess);
    expect(cached.nestedReferencesPerAccess).toBeLessThan(uncached.nestedReferencesPerAccess);
    expect(cached.caches).not.toBeNull();
    expect(uncached.caches).toBeNull();
  });

  it('reproduces the lecture: larger EPT pages bring a 32 GiB pointer chase closer to native', () => {
    const run = (pageSize: '4K' | '2M' | '1G') =>
      runExperiment(
        chase({
          accesses: 5000,
          warmup: 5000,
          cachePreset: 'sandy-bridge',
          nested: { mode: 'ept', pageSize, levels: 4 },
        }),
      );
    const [small, medium, large] = [run('4K'), run('2M'), run('1G')];
    expect(small.slowdown!).toBeGreaterThan(medium.slowdown!);
    expect(medium.slowdown!).toBeGreaterThan(large.slowdown!);
    expect(large.slowdown!).toBeGreaterThan(1);
    expect(small.native!.cyclesPerAccess).toBe(medium.native!.cyclesPerAccess);
  });
});

describe('progress and cancellation', () => {
  it('reports progress after every chunk over both passes, warm-ups included', () => {
    const seen: ExperimentProgress[] = [];
    runExperiment(chase({ accesses: 1000, warmup: 200 }), { chunk: 300, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.done)).toEqual([200, 500, 800, 1100, 1200, 1400, 1700, 2000, 2300, 2400]);
    expect(seen.every((p) => p.total === 2400)).toBe(true);
    expect(seen[4]!.pass).toBe('measured');
    expect(seen[5]!.pass).toBe('native');
  });

  it('stops between chunks when the shared flag is raised, returning what it measured', () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    let reports = 0;
    const result = runExperiment(chase({ accesses: 10_000, warmup: 0 }), {
      chunk: 1000,
      cancel: sharedCancelToken(flag),
      onProgress: () => {
        if (++reports === 3) Atomics.store(flag, 0, 1);
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.accesses).toBe(3000);
    expect(result.referencesPerAccess).toBe(24);
    expect(result.native).toBeNull();
    expect(result.slowdown).toBeNull();
  });

  it('yields between chunks in the async form and gives the same result', async () => {
    let pauses = 0;
    const config = chase({ accesses: 1000, warmup: 0 });
    const result = await runExperimentAsync(config, {
      chunk: 250,
      pause: async () => {
        pauses++;
      },
    });
    expect(pauses).toBe(8);
    expect(result).toEqual(runExperiment(config));
  });

  it('can be cancelled from a pause (a message handled between chunks)', async () => {
    const token = { cancelled: false };
    const result = await runExperimentAsync(chase({ accesses: 1000, warmup: 0 }), {
      chunk: 100,
      cancel: token,
      pause: async () => {
        token.cancelled = true;
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.accesses).toBe(100);
  });
});
