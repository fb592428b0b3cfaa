/** Names of tables, levels and sizes as the views print them. */
import type { PageSize, PagingMode } from '../../../engine';
import { levelName, levelOfPageSize, pageShift } from '../../../engine';

export { levelName, pageSizeText } from '../../../engine';

/** "guest PML4" (or plain "PML4" on a native walk). */
export const guestTableName = (mode: PagingMode, level: number): string =>
  mode === 'native' ? levelName(level) : `guest ${levelName(level)}`;

/** "EPT PML4" on Intel, "nested PML4" on AMD NPT. */
export const nestedTableName = (mode: PagingMode, level: number): string =>
  `${mode === 'npt' ? 'nested' : 'EPT'} ${levelName(level)}`;

/** The nested dimension's short name: "EPT" or "NPT". */
export const nestedName = (mode: PagingMode): string => (mode === 'npt' ? 'NPT' : 'EPT');

/** Bits of offset within a page of the given size. */
export const offsetBits = (size: PageSize): number => pageShift(levelOfPageSize(size));

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
