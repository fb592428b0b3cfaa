/**
 * The figures the concept cards quote, computed rather than typed: reference counts from the
 * engine's cost model, TLB reach from the engine's Skylake preset (entries × page size).
 */
import { CACHE_PRESETS } from '../../engine';
import { nativeWalkReferences, nestedWalkReferences, shadowWalkReferences } from '../../engine';

export interface WalkCosts {
  readonly levels: number;
  readonly native: number;
  readonly shadow: number;
  readonly nested: number;
}

export interface ConceptNumbers {
  /** 4-level guest on 4-level EPT, and 5 on 5. */
  readonly four: WalkCosts;
  readonly five: WalkCosts;
  /** A 4-level guest on EPT 2 MiB pages (m = 3) and 1 GiB pages (m = 2). */
  readonly ept2m: number;
  readonly ept1g: number;
  /** L1 DTLB reach of the Skylake preset: entries and bytes covered, 4 KiB and 2 MiB entries. */
  readonly reach4k: { readonly entries: number; readonly bytes: number };
  readonly reach2m: { readonly entries: number; readonly bytes: number };
}

const costs = (levels: number): WalkCosts => ({
  levels,
  native: nativeWalkReferences(levels),
  shadow: shadowWalkReferences(levels),
  nested: nestedWalkReferences(levels, levels),
});

function l1Reach(name: string, pageBytes: number): { entries: number; bytes: number } {
  const spec = CACHE_PRESETS.skylake.structures.find((s) => s.name === name);
  const entries = spec?.entries ?? 0;
  return { entries, bytes: entries * pageBytes };
}

export function conceptNumbers(): ConceptNumbers {
  return {
    four: costs(4),
    five: costs(5),
    ept2m: nestedWalkReferences(4, 3),
    ept1g: nestedWalkReferences(4, 2),
    reach4k: l1Reach('l1-dtlb-4k', 4096),
    reach2m: l1Reach('l1-dtlb-2m', 2 * 1024 * 1024),
  };
}
