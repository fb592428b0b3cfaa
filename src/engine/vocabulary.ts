/**
 * The engine's leaf vocabulary: access kinds, outcomes and their numeric codes, page sizes, the
 * vCPU's paging state, and the plain records results are made of. It imports nothing, so every
 * file of the engine can use it without an import cycle. Physical and guest-physical addresses are
 * plain numbers (≤ 52 bits fit a double exactly), branded by space; linear addresses (57 bits with LA57,
 * sign-extended to 64) are carried as two 32-bit halves.
 */

export type AccessKind = 'read' | 'write' | 'fetch';
export type PageSize = '4K' | '2M' | '1G';

const BYTE_UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
/**
 * 262144 → '256 KiB', 2 ** 48 → '256 TiB', 1536 → '1536 bytes': scaled by 1024 only while the count
 * stays whole, so a size the text states is exact, never rounded.
 */
export function bytesWords(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && value % 1024 === 0 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value} ${BYTE_UNITS[unit]}`;
}
export type PagingMode = 'native' | 'ept' | 'npt';
export type Cpl = 0 | 3;

/** The outcomes of a translation, in code order: `OUTCOMES[code]` names the hot path's code. */
export const OUTCOMES = [
  'ok',
  'page-fault',
  'general-protection',
  'ept-violation',
  'ept-misconfig',
  'nested-page-fault',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Numeric codes for the hot path (no strings compared per access). */
export const ACCESS_READ = 0;
export const ACCESS_WRITE = 1;
export const ACCESS_FETCH = 2;
export const ACCESS_KINDS: readonly AccessKind[] = ['read', 'write', 'fetch'];

export const OUTCOME_OK = 0;
export const OUTCOME_PAGE_FAULT = 1;
export const OUTCOME_GP = 2;
export const OUTCOME_EPT_VIOLATION = 3;
export const OUTCOME_EPT_MISCONFIG = 4;
export const OUTCOME_NPF = 5;

/** A 64-bit linear address as two unsigned 32-bit halves. */
export interface LinearAddress {
  readonly hi: number;
  readonly lo: number;
}

/*
 * Address brands: which space an address lives in, checked by the compiler alone. A brand is a
 * phantom property — the values stay plain numbers and {hi, lo} records, so the casts below cost
 * nothing at run time and the hot path never sees them.
 */
declare const spaceBrand: unique symbol;
/** A guest-virtual (natively: linear) address, as the access named it. */
export type Gva = LinearAddress & { readonly [spaceBrand]: 'gva' };
/** A guest-physical address: what the guest's tables produce, before EPT / NPT. */
export type Gpa = number & { readonly [spaceBrand]: 'gpa' };
/** A host-physical address (natively: the physical address). */
export type Hpa = number & { readonly [spaceBrand]: 'hpa' };

export const asGva = (va: LinearAddress): Gva => va as Gva;
export const asGpa = (addr: number): Gpa => addr as Gpa;
export const asHpa = (addr: number): Hpa => addr as Hpa;

/** Guest ("ordinary") paging state of the vCPU; with no EPT/NPT this is the native CPU. */
export interface CpuConfig {
  /** Full CR3 value (bits M−1:12 = top table; low 12 bits = PCID with PCIDE, else PWT/PCD). */
  readonly cr3: number;
  readonly wp: boolean;
  readonly la57: boolean;
  readonly smep: boolean;
  readonly smap: boolean;
  readonly pcide: boolean;
  readonly pge: boolean;
  readonly nxe: boolean;
  readonly cpl: Cpl;
  readonly maxPhyAddr: number;
  /** Virtual-processor identifier tag for cached translations (0 = VPIDs off). */
  readonly vpid: number;
}

export interface EptConfig {
  /** Raw EPTP: bits 2:0 memory type, 5:3 walk length − 1, 6 A/D enable, M−1:12 root. */
  readonly eptp: number;
}

export interface NptConfig {
  readonly ncr3: number;
  readonly levels: 4 | 5;
  /** Host EFER.NXE at VMRUN: when false, NX in a nested entry is a reserved bit. */
  readonly nxe: boolean;
}

export interface Access {
  readonly va: LinearAddress;
  readonly kind: AccessKind;
  readonly cpl: Cpl;
}

/**
 * What names a walk: the access, the paging mode, and the guest (n) and nested (m) levels it
 * uses (m = 0 natively). The walk-start event and every result carry it alike.
 */
export interface WalkHeader {
  readonly va: Gva;
  readonly kind: AccessKind;
  readonly cpl: Cpl;
  readonly mode: PagingMode;
  readonly guestLevels: number;
  readonly nestedLevels: number;
}

/** One memory reference the walk made, in order. */
export interface WalkReference {
  /** 'guest' = a guest (or native) paging-structure read; 'nested' = an EPT / NPT read. */
  readonly kind: 'guest' | 'nested';
  /** Guest level n…1 of the entry being fetched; 0 on a nested reference = the final data gPA. */
  readonly guestLevel: number;
  /** Nested level m…1 (nested references only). */
  readonly nestedLevel?: number;
  /** Host-physical (native: physical) address of the entry read. */
  readonly addr: Hpa;
  /** Entry as read, before any A/D update of the same walk. */
  readonly lo: number;
  readonly hi: number;
}

/** A cell of the 2D grid a cache hit spared: a guest read (nestedLevel 0) or a nested read. */
export interface SkippedCell {
  /** The structure whose hit spared it, e.g. 'l1-dtlb-4k', 'pde-cache', 'gpa-tlb-4k'. */
  readonly by: string;
  readonly kind: 'guest' | 'nested';
  readonly guestLevel: number;
  readonly nestedLevel: number;
}

/** Counts of one cache structure (per access, or cumulative). */
export interface CacheActivity {
  readonly lookups: number;
  readonly hits: number;
  readonly misses: number;
  readonly fills: number;
  readonly evictions: number;
  /** Hits that could not be used (rights, D flag clear): the entry was dropped and the walk made. */
  readonly drops: number;
  /** Entries removed by invalidations. */
  readonly invalidated: number;
}
