/**
 * Counting memory references of a page walk (docs/hardware-rules.md §3, §6). Pure, shared by views
 * and the shell.
 * nestwalk counts translation references only; the data access itself is not included.
 */

/** A two-dimensional walk with n guest and m nested levels: n·m + n + m = (n + 1)(m + 1) − 1. */
export const nestedWalkReferences = (n: number, m: number): number => n * m + n + m;

/** A native walk (no EPT/NPT) reads one entry per level. */
export const nativeWalkReferences = (n: number): number => n;

/** Shadow paging: the hardware walks the shadow tables (gVA → hPA) natively, n references. */
export const shadowWalkReferences = (n: number): number => n;

/** The number of references a walk of `mode` makes with no cache hits and no fault. */
export const walkReferences = (mode: 'native' | 'ept' | 'npt', n: number, m: number): number =>
  mode === 'native' ? nativeWalkReferences(n) : nestedWalkReferences(n, m);
