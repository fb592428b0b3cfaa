/**
 * Access rights as the walkers and the caches both encode them. Guest rights are ANDed (R/W, U/S)
 * and ORed (XD) over the levels of a path (SDM Vol. 3, §4.6); nested rights are the EPT's R/W/X
 * ANDed over its path (§29.3.3), with AMD's nested table mapped onto the same three bits.
 */

/** Guest rights so far, packed: writable, user-accessible, no-execute. */
export const RIGHT_W = 0b001;
export const RIGHT_U = 0b010;
export const RIGHT_NX = 0b100;
/** The rights before the top-level entry: writable, user, executable. */
export const RIGHTS_ALL = RIGHT_W | RIGHT_U;

/** Nested access types and rights, as bits 0–2 of an EPT exit qualification and entry. */
export const NESTED_READ = 0b001;
export const NESTED_WRITE = 0b010;
export const NESTED_FETCH = 0b100;
/** All nested rights: what a native translation is allowed by the missing second dimension. */
export const NESTED_ALL = NESTED_READ | NESTED_WRITE | NESTED_FETCH;
