/**
 * What the event / result path records about one translation's cache hits: the steps each hit
 * spares (cells of the uncached walk) and what each hit claimed, for the stale check afterwards.
 * Never built on the bulk path.
 */
import type { SkippedCell, WalkReference } from '../vocabulary';
import type { CacheKind } from './cache-config';

export interface HitRecord {
  readonly structure: string;
  readonly kind: CacheKind;
  /** 'pwc': the level of the cached entry; 'gpa-tlb' / 'nested-pwc': the guest level served; 'tlb': 0. */
  readonly guestLevel: number;
  /** 'pwc' / 'nested-pwc': level of the cached entry; TLBs: the entry's page level. */
  readonly level: number;
  /** The gPA translated ('gpa-tlb', 'nested-pwc'). */
  readonly gpa: number;
  // The entry's payload when it hit (it may be replaced later in the same walk).
  readonly a: number;
  readonly b: number;
  readonly flags: number;
}

/** Whether the uncached walk's reference `ref` is one that `hit` makes unnecessary. */
export function covers(hit: HitRecord, ref: WalkReference): boolean {
  switch (hit.kind) {
    case 'tlb':
      return true;
    case 'pwc':
      // Entries at levels ≥ L are not read; nor are the nested walks for them and for the level L − 1 entry.
      return ref.kind === 'guest' ? ref.guestLevel >= hit.level : ref.guestLevel >= hit.level - 1;
    case 'gpa-tlb':
      return ref.kind === 'nested' && ref.guestLevel === hit.guestLevel;
    default:
      return (
        ref.kind === 'nested' && ref.guestLevel === hit.guestLevel && (ref.nestedLevel ?? 0) >= hit.level
      );
  }
}

const cellOf = (by: string, ref: WalkReference): SkippedCell => ({
  by,
  kind: ref.kind,
  guestLevel: ref.guestLevel,
  nestedLevel: ref.kind === 'nested' ? (ref.nestedLevel ?? 0) : 0,
});

export class CacheTrace {
  readonly hits: HitRecord[] = [];

  /** `fullWalk`: the references of the same translation made with no caches. */
  constructor(readonly fullWalk: readonly WalkReference[]) {}

  /** The cells `hit` spares that no earlier hit already spared. */
  cellsOf(hit: HitRecord): SkippedCell[] {
    return this.fullWalk
      .filter((ref) => covers(hit, ref) && !this.hits.some((h) => h !== hit && covers(h, ref)))
      .map((ref) => cellOf(hit.structure, ref));
  }

  /** Every spared cell, in the uncached walk's order, credited to the first hit that spared it. */
  skipped(): SkippedCell[] {
    const cells: SkippedCell[] = [];
    for (const ref of this.fullWalk) {
      const hit = this.hits.find((h) => covers(h, ref));
      if (hit !== undefined) cells.push(cellOf(hit.structure, ref));
    }
    return cells;
  }
}
