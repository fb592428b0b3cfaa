/**
 * The caches of one machine: builds the structures, hands the walkers their hooks, and adds to a
 * translation's result what the caches did (skipped steps, counts, staleness). Operations
 * (invalidations, VM transitions) go through `perform`.
 */
import type { EventSink } from '../events';
import type { CpuConfig, WalkReference } from '../vocabulary';
import type { TranslationResult } from '../result';
import type { GuestWalk } from '../walk/guest-walk';
import type { NestedWalker } from '../walk/nested-walker';
import type { WalkContext } from '../walk/walk-context';
import { CacheCore } from './cache-core';
import type { CacheConfig } from './cache-config';
import type { CacheOp } from './cache-ops';
import { CacheTrace } from './cache-trace';
import { GuestCaches } from './guest-caches';
import { invalidate, type Removal } from './invalidate';
import { NestedCaches } from './nested-caches';
import { PCID_MASK } from './set-assoc';
import { activitySince, copyStats, snapshotCaches } from './snapshot';
import type { CacheSnapshot } from './snapshot-types';
import { findStale } from './stale-check';

/** Activity counters taken before a translation, to report what it did. */
export type StatsBefore = Float64Array;

export class MachineCaches {
  readonly core: CacheCore;
  /** The A bit nested walks set: EPT with A/D on (bit 8), NPT (bit 5), else 0. */
  private readonly nestedAccessed: number;

  constructor(
    readonly config: CacheConfig,
    private readonly ctx: WalkContext,
    private readonly guest: GuestWalk,
    private readonly nested: NestedWalker | null,
    npt: boolean,
    private readonly cpu: CpuConfig,
  ) {
    this.core = new CacheCore(config, ctx, nested !== null, npt, guest.levels, nested?.levels ?? 0, cpu.vpid);
    this.nestedAccessed = nested === null ? 0 : nested.accessedFlag;
    this.core.setPcid(this.pcidOf(cpu.cr3));
    guest.caches = new GuestCaches(this.core, cpu);
    if (nested !== null) nested.caches = new NestedCaches(this.core);
  }

  /** CR3 bits 11:0 are the PCID only with CR4.PCIDE (SDM §4.10.1). */
  pcidOf(cr3: number): number {
    return this.cpu.pcide ? (cr3 % 4096) & PCID_MASK : 0;
  }

  /** Starts an event-path translation; `fullWalk` holds the references of the same walk made uncached. */
  begin(fullWalk: readonly WalkReference[]): StatsBefore {
    this.core.trace = new CacheTrace(fullWalk);
    return copyStats(this.core);
  }

  /**
   * Adds what the caches did to `result` (call right after the walk, before anything else walks):
   * the spared steps, reference counts, per-structure activity, and — checked against memory as it
   * is now — whether a stale entry was used.
   */
  complete(
    result: TranslationResult,
    kind: number,
    before: StatsBefore,
    sink: EventSink | undefined,
  ): TranslationResult {
    const core = this.core;
    const trace = core.trace!;
    core.trace = null;
    const counts = { guest: this.ctx.guestCount, nested: this.ctx.count - this.ctx.guestCount };
    const extra = {
      skipped: trace.skipped(),
      referenceCounts: counts,
      cacheActivity: activitySince(core, before),
    };
    const report = findStale(trace, this.nestedAccessed, this.ctx, this.guest, this.nested, result, kind);
    if (report.structures.length === 0) return { ...result, ...extra };
    sink?.({ type: 'stale', structures: report.structures, reason: report.reasons.join('; ') });
    return { ...result, ...extra, stale: true, staleBy: report.structures };
  }

  /** The cache effects of an operation; the machine has already switched CR3 for `mov-cr3`. */
  perform(op: CacheOp, nestedRoot: number | null): Removal {
    if (op.op === 'mov-cr3') this.core.setPcid(this.pcidOf(op.cr3));
    return invalidate(this.core, op, this.cpu.pcide, nestedRoot);
  }

  snapshot(): CacheSnapshot {
    return snapshotCaches(this.core);
  }
}
