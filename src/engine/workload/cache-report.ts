/**
 * Hit rates of the machine's translation caches over a pass. A machine without caches reports
 * none (null): every access walks.
 */
import type { Machine } from '../types';

export interface CacheStructureReport {
  readonly name: string;
  readonly lookups: number;
  readonly hits: number;
  readonly hitRate: number;
}

export interface CacheReport {
  /** Fraction of accesses translated without a walk. */
  readonly tlbHitRate: number;
  /** Accesses per access that hit in the second-level TLB (charged stlbHitCycles). */
  readonly stlbHitsPerAccess: number;
  readonly structures: readonly CacheStructureReport[];
}

export function readCacheReport(_machine: Machine, _accesses: number): CacheReport | null {
  return null;
}
