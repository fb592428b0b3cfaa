/**
 * What the layers around the walk — the machine, the caches' stale check — see of the guest walker:
 * its result record, the path it noted, and a walk to repeat. Cache code names this, never the class.
 */
import type { GuestCacheHooks } from './cache-hooks';
import type { TranslationRecord } from './translation-record';

export interface GuestWalk {
  readonly levels: number;
  readonly record: TranslationRecord;
  /** Linear / combined mappings and guest paging-structure caches, when the machine has them. */
  caches: GuestCacheHooks | null;
  /** Walks `va` (int32 halves) for an access kind (ACCESS_*) at `cpl`; returns OUTCOME_*. */
  walk(vaHi: number, vaLo: number, kind: number, cpl: number): number;
  /** With `ctx.recordPath`: each level's table (gPA, hPA) and the guest and nested rights before its entry. */
  readonly pathTableGpa: Float64Array;
  readonly pathTableHpa: Float64Array;
  readonly pathRights: Int32Array;
  readonly pathNestedRights: Int32Array;
  /** The lowest level the last walk read (levels + 1 when it read none). */
  readonly pathLowest: number;
}
