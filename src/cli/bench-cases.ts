/**
 * The benchmark cases. Rates come from the bulk path (`machine.run`) — no events, no allocation.
 *  (a) translations/s on a TLB-hit-dominated workload (needs translation caches)
 *  (b) accesses/s of the 32 GiB pointer chase, EPT 4K/4K, Skylake caches (needs caches)
 *  (c) uncached full 2D walks/s over real tables: 200 000 random 4 KiB mappings in 32 GiB
 *  (d) peak memory of a 10 M-access pointer chase over a 64 GiB heap
 */
import { createMachine } from '../engine/machine';
import { ACCESS_READ } from '../engine/vocabulary';
import type { ExperimentConfig } from '../engine/workload/experiment-config';
import { runExperiment, type MachineFactory, type RunOptions } from '../engine/workload/run-experiment';
import type { BulkEngine } from '../engine/workload/pass-runner';
import { buildWalkTables } from './bench-tables';
import { rateResult, rates, type BenchResult } from './bench-measure';

const GiB = 2 ** 30;

export interface BenchOptions {
  readonly runs: number;
  /** Machine factory with translation caches, or null when the engine has none yet. */
  readonly cachedMachine: MachineFactory | null;
  /** Run on this bulk engine (the WebAssembly one, docs/wasm-engine.md) instead of TypeScript. */
  readonly bulk?: BulkEngine | null;
}

/** The run options of a case: the bulk engine when given, else the TypeScript machines. */
const engineOptions = (options: BenchOptions, factory?: MachineFactory): RunOptions =>
  options.bulk != null ? { bulk: options.bulk } : { createMachine: factory };

/** Case ids and titles name the engine when it is not the TypeScript one. */
const named = (options: BenchOptions, id: string, title: string) =>
  options.bulk != null ? { id: `${id}-wasm`, title: `${title} — wasm engine` } : { id, title };

const chase = (heapGiB: number, accesses: number): ExperimentConfig => ({
  workload: { type: 'pointer-chase' },
  heapBytes: heapGiB * GiB,
  accesses,
  guestPageSize: '4K',
  nested: { mode: 'ept', pageSize: '4K', levels: 4 },
  compareNative: false,
});

export function benchTlbHits(options: BenchOptions): BenchResult {
  const { id, title } = named(
    options,
    'tlb-hit',
    '(a) translations/s, TLB-hit dominated (1 MiB sequential scan, EPT 4K/4K, Skylake)',
  );
  if (options.cachedMachine === null) return { id, title, status: 'n/a', reason: 'caches not available' };
  const factory = options.cachedMachine;
  const accesses = 2_000_000;
  const config: ExperimentConfig = {
    ...chase(1 / 1024, accesses),
    workload: { type: 'sequential', elementBytes: 64 },
    warmup: 100_000,
    cachePreset: 'skylake',
  };
  let walkRate = 0;
  const runs = rates(options.runs, () => {
    walkRate = runExperiment(config, engineOptions(options, factory)).walkRate;
    return accesses + 100_000;
  });
  return rateResult(id, title, runs, options.bulk != null ? 60e6 : 20e6, { walkRate });
}

export function benchCachedChase(options: BenchOptions): BenchResult {
  const { id, title } = named(
    options,
    'chase-cached',
    '(b) accesses/s, 32 GiB pointer chase, EPT 4K/4K, Skylake caches',
  );
  if (options.cachedMachine === null) return { id, title, status: 'n/a', reason: 'caches not available' };
  const factory = options.cachedMachine;
  const accesses = 300_000;
  const warmup = 50_000;
  let work = { referencesPerAccess: 0, lookupsPerAccess: 0, fillsPerAccess: 0 };
  const runs = rates(options.runs, () => {
    const result = runExperiment(
      { ...chase(32, accesses), warmup, cachePreset: 'skylake' },
      engineOptions(options, factory),
    );
    // What each access costs the model: the cache operations and table reads behind the rate.
    const hundredths = (value: number) => Math.round(value * 100) / 100;
    const per = (total: number) => hundredths(total / result.accesses);
    const structures = result.caches?.structures ?? [];
    work = {
      referencesPerAccess: hundredths(result.referencesPerAccess),
      lookupsPerAccess: per(structures.reduce((sum, s) => sum + s.lookups, 0)),
      fillsPerAccess: per(structures.reduce((sum, s) => sum + s.fills, 0)),
    };
    return accesses + warmup;
  });
  return rateResult(id, title, runs, 3e6, work);
}

/** Not one of the targets: the same chase with every access walking, for comparison with (b) and (c). */
export function benchUncachedChase(options: BenchOptions): BenchResult {
  const accesses = 500_000;
  const { id, title } = named(
    options,
    'chase-uncached',
    '(b′) accesses/s, 32 GiB pointer chase, EPT 4K/4K, no caches: every access a full 24-reference 2D walk',
  );
  const runs = rates(options.runs, () => runExperiment(chase(32, accesses), engineOptions(options)).accesses);
  return rateResult(id, title, runs, options.bulk != null ? 1.5e6 : 0);
}

export function benchFullWalks(options: BenchOptions): BenchResult {
  if (options.bulk != null)
    return {
      ...named(options, 'full-walks', '(c) uncached full 2D walks/s over real tables'),
      status: 'n/a',
      reason: 'the wasm engine walks procedural tables only; (b′) is the same 24-reference walk on them',
    };
  const mappings = 200_000;
  const passes = 5;
  const tables = buildWalkTables(mappings, 0x7f00_0000_0000, 32 * GiB, 2024);
  const machine = createMachine(tables.config, tables.memory);
  const { vaHi, vaLo } = tables;
  let wrong = 0;
  const runs = rates(options.runs, () => {
    for (let pass = 0; pass < passes; pass++) {
      for (let i = 0; i < mappings; i++) {
        machine.run(vaHi[i]!, vaLo[i]!, ACCESS_READ, 3);
        if (machine.lastReferences !== 24) wrong++;
      }
    }
    return mappings * passes;
  });
  if (wrong !== 0) throw new Error(`${wrong} walks did not make 24 references`);
  return rateResult(
    'full-walks',
    '(c) uncached full 2D walks/s, 4-level guest on 4-level EPT, 4 KiB pages',
    runs,
    1e6,
    {
      mappings,
      passes,
      tableWords: tables.memory.size,
    },
  );
}

export function benchPeakMemory(options: BenchOptions): BenchResult {
  const accesses = 10_000_000;
  const cached = options.cachedMachine !== null;
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const measured = rates(1, () => {
    const result = runExperiment(
      { ...chase(64, accesses), cachePreset: cached ? 'skylake' : 'none' },
      {
        ...engineOptions(options, options.cachedMachine ?? undefined),
        chunk: 1 << 18,
        onProgress: sample,
      },
    );
    sample();
    return result.accesses;
  });
  const MiB = 2 ** 20;
  return {
    ...named(
      options,
      'peak-memory',
      `(d) peak memory, 10 M accesses, 64 GiB pointer chase, EPT 4K/4K, ${cached ? 'Skylake caches' : 'no caches'}`,
    ),
    status: 'ok',
    value: peakRss / MiB,
    unit: 'MiB rss',
    target: 300,
    meetsTarget: peakRss / MiB < 300,
    runs: [peakRss / MiB],
    details: {
      heapUsedPeakMiB: Math.round((peakHeap / MiB) * 10) / 10,
      rssBeforeMiB: Math.round((before.rss / MiB) * 10) / 10,
      accessesPerCpuSecond: Math.round(measured.cpu[0]!),
    },
  };
}
