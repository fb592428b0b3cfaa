/**
 * Physical addresses as two unsigned 32-bit halves on the walkers' hot path. An entry is loaded as
 * halves, so the next table's address, an entry's index and the word to read next all come from
 * shifts and masks; joining them into a double (and splitting one) costs float conversions on
 * every reference of a walk. Doubles remain for results, caches and events.
 *
 * A low half travels as an int32 (`lo | 0`, the same 32 bits): an unsigned value above 2^31 passed
 * to a call the compiler does not inline would be boxed. Consumers read it with `lo >>> 0`.
 */
import { TWO_32 } from '../bits';

export const INV_TWO_32 = 1 / TWO_32;
/** Bits 31:12 of an entry: the low half of the address it holds (4 KiB aligned). */
export const ADDRESS_LO = 0xffff_f000;

/** The high half of an address (≤ 2^53): × 2^-32 is exact, >>> 0 truncates a non-negative value. */
export const highHalf = (addr: number): number => (addr * INV_TWO_32) >>> 0;

/**
 * hi · 2^32 + lo, for cold paths (events, faults). It returns a double: left out-of-line in a large
 * function it would box its result, so hot paths write the expression inline.
 */
export const joinHalves = (hi: number, lo: number): number => hi * TWO_32 + (lo >>> 0);
