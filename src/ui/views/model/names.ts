/** Names of tables, levels and sizes as the views print them. */
import type { PageSize, PagingMode } from '../../../engine/vocabulary';

const LEVEL_NAMES = ['data', 'PT', 'PD', 'PDPT', 'PML4', 'PML5'] as const;

/** PML5 / PML4 / PDPT / PD / PT for levels 5…1. */
export const levelName = (level: number): string => LEVEL_NAMES[level] ?? `L${level}`;

/** "guest PML4" (or plain "PML4" on a native walk). */
export const guestTableName = (mode: PagingMode, level: number): string =>
  mode === 'native' ? levelName(level) : `guest ${levelName(level)}`;

/** "EPT PML4" on Intel, "nested PML4" on AMD NPT. */
export const nestedTableName = (mode: PagingMode, level: number): string =>
  `${mode === 'npt' ? 'nested' : 'EPT'} ${levelName(level)}`;

/** The nested dimension's short name: "EPT" or "NPT". */
export const nestedName = (mode: PagingMode): string => (mode === 'npt' ? 'NPT' : 'EPT');

const SIZE_TEXT: Record<PageSize, string> = { '4K': '4 KiB', '2M': '2 MiB', '1G': '1 GiB' };
export const pageSizeText = (size: PageSize): string => SIZE_TEXT[size];

/** Bits of offset within a page of the given size. */
export const offsetBits = (size: PageSize): number => (size === '4K' ? 12 : size === '2M' ? 21 : 30);

/** What a nested walk of row `guestLevel` translates: "the guest PML4 entry" or "the data address". */
export const rowSubject = (mode: PagingMode, guestLevel: number): string =>
  guestLevel === 0 ? 'the data address' : `the ${guestTableName(mode, guestLevel)} entry`;

export const hex = (value: number): string => '0x' + value.toString(16);

/** A 64-bit entry as "0x0000_0000_0000_2027": 16 digits in groups of four. */
export const groupedEntry = (lo: number, hi: number): string =>
  '0x' +
  ((hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0')).replace(
    /(.{4})(?!$)/g,
    '$1_',
  );
