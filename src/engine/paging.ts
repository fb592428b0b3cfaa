/**
 * The paging vocabulary, once: level numbers (5 = PML5 … 1 = PT), the names of their tables and
 * entries, and the page sizes a leaf at level 1, 2 or 3 maps (docs/hardware-rules.md §1).
 */
import type { PageSize } from './vocabulary';

/** Page sizes, smallest first; index + 1 is the leaf level that maps one. */
export const PAGE_SIZES: readonly PageSize[] = ['4K', '2M', '1G'];

const TABLE_NAMES = ['', 'PT', 'PD', 'PDPT', 'PML4', 'PML5'] as const;
const ENTRY_NAMES = ['', 'PTE', 'PDE', 'PDPTE', 'PML4E', 'PML5E'] as const;

/** Name of the table at `level` (PML5 / PML4 / PDPT / PD / PT). */
export const tableName = (level: number): string => TABLE_NAMES[level] ?? `level ${level}`;
/** A grid row or column's name: the table at `level`, or "data" for level 0 (the data address). */
export const levelName = (level: number): string => (level === 0 ? 'data' : tableName(level));
/** Name of an entry of the table at `level` (PML5E … PTE). */
export const entryName = (level: number): string => ENTRY_NAMES[level] ?? `level-${level} entry`;

/** The page size a leaf at `level` (1…3) maps. */
export const pageSizeOfLevel = (level: number): PageSize => PAGE_SIZES[level - 1] ?? '1G';
/** "4 KiB", "2 MiB", "1 GiB". */
export const pageSizeText = (size: PageSize): string => `${size.slice(0, -1)} ${size.at(-1)}iB`;
/** The leaf level (1…3) that maps a page of `size`. */
export const levelOfPageSize = (size: PageSize): number => PAGE_SIZES.indexOf(size) + 1;

/** Bits of the offset within a page of `level` (1 = 4 KiB, 2 = 2 MiB, 3 = 1 GiB): 12, 21, 30. */
export const pageShift = (level: number): number => 12 + 9 * (level - 1);
/** Bytes of a page of `level` 1…3 (on the walk's path: constants, no table). */
export const bytesOfLevel = (level: number): number =>
  level === 1 ? 0x1000 : level === 2 ? 0x20_0000 : 0x4000_0000;
/** Bytes of a page of `size`. */
export const bytesOfPageSize = (size: PageSize): number => bytesOfLevel(levelOfPageSize(size));

/** The translation covers min(guest page, nested page): a larger guest page is "splintered". */
export const smallerPage = (a: PageSize, b: PageSize | undefined): PageSize =>
  b === undefined || levelOfPageSize(a) <= levelOfPageSize(b) ? a : b;
