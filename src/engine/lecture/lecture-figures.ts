/**
 * The figures the lecture tour quotes and draws (docs/tour.md), computed from the engine's cost
 * model, paging constants and cache presets rather than typed in.
 */
import { CACHE_PRESETS, type CachePresetName } from '../cache/presets';
import { nativeWalkReferences, nestedWalkReferences } from '../cost';
import { linearTableLog2 } from '../exercises/kinds/linear-table';
import type { PageSize } from '../vocabulary';

const PAGE_SHIFT_4K = 12;
const TABLE_BYTES = 4096;

export type PageSizeName = PageSize;
export const PAGE_SIZE_BYTES: Readonly<Record<PageSizeName, number>> = {
  '4K': 4096,
  '2M': 2 * 1024 * 1024,
  '1G': 1024 * 1024 * 1024,
};
/** Levels a walk reads to a page of each size, in a 4-level tree (one fewer per step up). */
const LEVELS_SAVED: Readonly<Record<PageSizeName, number>> = { '4K': 0, '2M': 1, '1G': 2 };

export interface LinearVsTree {
  readonly width: number;
  readonly levels: number;
  /** A flat table of 8-byte entries, one per 4 KiB page of the whole width. */
  readonly linearBytes: number;
  /** The 4 KiB tables one translation reads in the multi-level tree. */
  readonly treeTouchedBytes: number;
}

/** 48-bit (4 levels) and 57-bit (5 levels) linear addresses, 4 KiB pages. */
export function linearVsTree(): readonly LinearVsTree[] {
  return [
    { width: 48, levels: 4 },
    { width: 57, levels: 5 },
  ].map(({ width, levels }) => ({
    width,
    levels,
    linearBytes: 2 ** linearTableLog2(width, PAGE_SHIFT_4K),
    treeTouchedBytes: levels * TABLE_BYTES,
  }));
}

/** References of a TLB miss with guest and EPT pages of one size, on 4- or 5-level tables. */
export function missReferences(levels: 4 | 5, size: PageSizeName): { native: number; nested: number } {
  const n = levels - LEVELS_SAVED[size];
  return { native: nativeWalkReferences(n), nested: nestedWalkReferences(n, n) };
}

/** Data-side TLB entries of a preset that hold pages of `size` (first and second level summed). */
export function tlbEntries(preset: CachePresetName, size: PageSizeName): number {
  return CACHE_PRESETS[preset].structures
    .filter((s) => s.kind === 'tlb' && s.side !== 'instruction' && s.sizes.includes(size))
    .reduce((sum, s) => sum + s.entries, 0);
}

/** Bytes the data TLBs of `preset` cover with pages of `size`. */
export const tlbReachBytes = (preset: CachePresetName, size: PageSizeName): number =>
  tlbEntries(preset, size) * PAGE_SIZE_BYTES[size];

/** The RAM sizes the closing plot spans: 1 GiB to 16 TiB, each ×4. */
export const RAM_SIZES: readonly number[] = Array.from({ length: 8 }, (_, i) => 2 ** (30 + 2 * i));

/** Share of RAM (0…1) the TLBs cover: reach / RAM, at most 1. */
export const reachShare = (reach: number, ram: number): number => Math.min(1, reach / ram);

/**
 * Internal fragmentation: a region of arbitrary length wastes on average half a page at its end.
 * `regions` such regions waste regions × page / 2.
 */
export const expectedTailWaste = (pageBytes: number, regions: number): number => (regions * pageBytes) / 2;

/** 262144 → '256 KiB', 3288334336 → '3.06 GiB', 2 ** 48 → '256 TiB'. */
export function bytesLabel(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const fixed = value.toFixed(value < 10 ? 2 : 1);
  const text = Number.isInteger(value) ? String(value) : fixed.replace(/0+$/, '').replace(/\.$/, '');
  return `${text} ${units[unit]}`;
}

/** The region count the 2 MiB EPT stop's fragmentation figure is quoted for. */
export const TRADE_OFF_REGIONS = 1000;

export interface EptPageSizeRow {
  readonly eptPage: '4K' | '2M';
  /** References of one TLB miss: a 4-level guest with 4 KiB pages on a 4-level EPT. */
  readonly missReferences: number;
  /** What Skylake's data TLBs cover when the guest's pages are of the EPT page's size too. */
  readonly tlbReach: number;
  /** Internal fragmentation of `regions` regions of arbitrary size backed by EPT pages. */
  readonly tailWaste: number;
}

/**
 * 4 KiB against 2 MiB EPT pages (the tour's trade-off figure): a 2 MiB EPT leaf ends every EPT walk
 * one level early, a TLB entry can then map 2 MiB, and each region wastes half a bigger page.
 */
export function eptPageSizeTradeOff(regions: number = TRADE_OFF_REGIONS): readonly EptPageSizeRow[] {
  return (['4K', '2M'] as const).map((eptPage) => ({
    eptPage,
    missReferences: nestedWalkReferences(4, 4 - LEVELS_SAVED[eptPage]),
    tlbReach: tlbReachBytes('skylake', eptPage),
    tailWaste: expectedTailWaste(PAGE_SIZE_BYTES[eptPage], regions),
  }));
}
