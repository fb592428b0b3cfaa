/** What one pass of an experiment measured, and its estimated cost per access. */
import type { PagingMode } from '../vocabulary';
import type { EngineName } from './pass-runner';
import type { PassRunner } from './pass-runner';
import { readCacheReport, type CacheReport } from './cache-report';
import { dataAccessCycles, referenceCosts, type LatencyModel } from './latency-model';
import type { WorkloadSpace } from './workload-space';

export interface PassResult {
  readonly mode: PagingMode;
  /** Which engine computed the pass (docs/wasm-engine.md); both give the same counters. */
  readonly engine: EngineName;
  /** Measured accesses (warm-up excluded). */
  readonly accesses: number;
  /** Accesses that ended in a fault (e.g. trace addresses outside the heap). */
  readonly faults: number;
  /** Successful translations whose address broke the mapping rule (verify mode only). */
  readonly mismatches: number;
  /** Fraction of accesses that walked (made at least one reference). */
  readonly walkRate: number;
  /** Memory references of the translation per access, all, guest tables, nested tables. */
  readonly referencesPerAccess: number;
  readonly guestReferencesPerAccess: number;
  readonly nestedReferencesPerAccess: number;
  /** The same split by table level (index 1…5 = PT … PML5). */
  readonly guestReferencesByLevel: readonly number[];
  readonly nestedReferencesByLevel: readonly number[];
  /** Hit rates of the translation caches, when the machine has them. */
  readonly caches: CacheReport | null;
  readonly dataCycles: number;
  readonly translationCyclesPerAccess: number;
  readonly cyclesPerAccess: number;
  readonly nsPerAccess: number;
}

export function summarizePass(
  loop: PassRunner,
  space: WorkloadSpace,
  model: LatencyModel,
  heapBytes: number,
): PassResult {
  const perAccess = (count: number) => (loop.accesses === 0 ? 0 : count / loop.accesses);
  const { guestReads, nestedReads } = loop;
  const costs = referenceCosts(model, space.guestTables, space.nestedTables);
  const guestByLevel = [0, 1, 2, 3, 4, 5].map((level) => perAccess(guestReads[level]!));
  const nestedByLevel = [0, 1, 2, 3, 4, 5].map((level) => perAccess(nestedReads[level]!));
  const caches = readCacheReport(loop, loop.accesses);
  let translation = 0;
  for (let level = 1; level <= 5; level++) {
    translation += guestByLevel[level]! * costs.guest[level]! + nestedByLevel[level]! * costs.nested[level]!;
  }
  if (caches !== null) translation += caches.stlbHitsPerAccess * model.stlbHitCycles;
  const dataCycles = dataAccessCycles(model, heapBytes);
  const cyclesPerAccess = dataCycles + translation;
  return {
    mode: loop.mode,
    engine: loop.engine,
    accesses: loop.accesses,
    faults: loop.faults,
    mismatches: loop.mismatches,
    walkRate: perAccess(loop.walks),
    referencesPerAccess: perAccess(loop.references),
    guestReferencesPerAccess: guestByLevel.reduce((a, b) => a + b, 0),
    nestedReferencesPerAccess: nestedByLevel.reduce((a, b) => a + b, 0),
    guestReferencesByLevel: guestByLevel,
    nestedReferencesByLevel: nestedByLevel,
    caches,
    dataCycles,
    translationCyclesPerAccess: translation,
    cyclesPerAccess,
    nsPerAccess: cyclesPerAccess / model.ghz,
  };
}
