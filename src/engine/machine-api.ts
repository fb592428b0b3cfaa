/** The machine API: its configuration and what a machine can do (created by machine.ts). */
import type { CacheConfig } from './cache/cache-config';
import type { CacheOp, CacheOpResult } from './cache/cache-ops';
import type { CacheCounters, CacheSnapshot } from './cache/snapshot-types';
import type { CachePresetName } from './cache/presets';
import type { EventSink } from './events';
import type { TranslationResult } from './result';
import type { Access, Cpl, CpuConfig, EptConfig, NptConfig, PagingMode } from './vocabulary';

export interface MachineConfig {
  readonly cpu: CpuConfig;
  readonly ept?: EptConfig;
  readonly npt?: NptConfig;
  /** Translation caches: a preset name or a configuration (src/engine/cache); absent = none. */
  readonly caches?: CachePresetName | CacheConfig;
}

/**
 * A machine: configuration plus physical memory, ready to translate. Created by `createMachine`
 * (src/engine/machine.ts). Accesses run in order: A/D flags set by one are seen by the next.
 */
export interface Machine {
  readonly config: MachineConfig;
  readonly mode: PagingMode;
  /** Guest levels n (4, or 5 with LA57) and nested levels m (0 natively). */
  readonly guestLevels: number;
  readonly nestedLevels: number;
  /** Translates with side effects (A/D updates); events go to `sink` when given. */
  translate(access: Access, sink?: EventSink): TranslationResult;
  /** The same walk with no side effects: no A/D writes, no cache fills (for previews). */
  probe(access: Access, sink?: EventSink): TranslationResult;
  /**
   * Bulk path: no events, no result object, no allocation. Returns an OUTCOME_* code;
   * `lastPa`, `lastReferences` hold the details of the last run.
   */
  run(vaHi: number, vaLo: number, kindCode: number, cpl: Cpl): number;
  readonly lastPa: number;
  readonly lastReferences: number;
  /** Guest (native) paging-structure reads of the last run; the rest were nested reads. */
  readonly lastGuestReferences: number;
  /** The translation caches in use (null = none). */
  readonly caches: CacheConfig | null;
  /** The current CR3 (changed by a `mov-cr3` operation). */
  readonly cr3: number;
  /** Invalidations, VM transitions, and `write-entry` (a store with no invalidation). */
  perform(op: CacheOp, sink?: EventSink): CacheOpResult;
  /** Contents of every cache structure (valid entries), for the caches panel. */
  cacheSnapshot(): CacheSnapshot;
  /** Counts since creation (or the last reset): per structure, and references by dimension. */
  cacheCounters(): CacheCounters;
  resetCacheCounters(): void;
}
