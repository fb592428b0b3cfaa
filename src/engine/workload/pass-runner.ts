/**
 * One pass of an experiment as the runner drives it: `run(n)` accesses at a time, counters read
 * between chunks. The TypeScript engine (an AccessLoop over a machine) and the WebAssembly engine
 * (docs/wasm-engine.md) both implement it and must give the same counters.
 */
import type { CacheConfig } from '../cache/cache-config';
import type { CacheCounters } from '../cache/snapshot-types';
import type { Machine } from '../machine-api';
import type { PagingMode } from '../vocabulary';
import type { AccessLoop } from './access-loop';
import type { WorkloadSpec } from './workload-spec';
import type { WorkloadSpace } from './workload-space';

/** Which engine ran a pass. */
export type EngineName = 'typescript' | 'wasm';

export interface PassRunner {
  readonly engine: EngineName;
  readonly mode: PagingMode;
  /** The cache configuration, null when the machine has no translation caches. */
  readonly caches: CacheConfig | null;
  readonly accesses: number;
  readonly faults: number;
  readonly mismatches: number;
  readonly walks: number;
  readonly references: number;
  /** Table reads by level (index 1…5), guest and nested. */
  readonly guestReads: ArrayLike<number>;
  readonly nestedReads: ArrayLike<number>;
  run(count: number): void;
  /** Clears the counters after a warm-up; caches and stream go on. */
  resetCounters(): void;
  cacheCounters(): CacheCounters;
}

/** What a bulk engine is asked to run: one pass's space, workload and caches. */
export interface BulkPassRequest {
  readonly space: WorkloadSpace;
  readonly heapBase: number;
  readonly heapBytes: number;
  readonly workload: WorkloadSpec;
  readonly seed: number;
  readonly caches: CacheConfig;
  readonly verify: boolean;
}

/** An engine that runs some passes itself; `open` returns null for a pass it does not support. */
export interface BulkEngine {
  readonly name: EngineName;
  /** Why this pass falls back to TypeScript, or null when the engine runs it. */
  unsupported(request: BulkPassRequest): string | null;
  open(request: BulkPassRequest): PassRunner;
}

/** The TypeScript engine's pass: the access loop over a machine (the reference). */
export class TypeScriptPass implements PassRunner {
  readonly engine = 'typescript';

  constructor(
    private readonly loop: AccessLoop,
    private readonly machine: Machine,
  ) {}

  get mode(): PagingMode {
    return this.machine.mode;
  }
  get caches(): CacheConfig | null {
    return this.machine.caches;
  }
  get accesses(): number {
    return this.loop.accesses;
  }
  get faults(): number {
    return this.loop.faults;
  }
  get mismatches(): number {
    return this.loop.mismatches;
  }
  get walks(): number {
    return this.loop.walks;
  }
  get references(): number {
    return this.loop.references;
  }
  get guestReads(): ArrayLike<number> {
    return this.loop.space.memory.guestReads;
  }
  get nestedReads(): ArrayLike<number> {
    return this.loop.space.memory.nestedReads;
  }
  run(count: number): void {
    this.loop.run(count);
  }
  resetCounters(): void {
    this.loop.resetCounters();
  }
  cacheCounters(): CacheCounters {
    return this.machine.cacheCounters();
  }
}
