/** Pure helpers for editing an entry: flipping a named flag and parsing a typed 64-bit value. */
import type { DecodedEntry, EntryFlag } from '../../../engine';

/** Flags a user may toggle: guest P, R/W, U/S, PS, XD; EPT R, W, X, PS (large page). */
const EDITABLE: Record<DecodedEntry['format'], readonly string[]> = {
  guest: ['P', 'RW', 'US', 'PS', 'XD'],
  ept: ['R', 'W', 'X', 'PS'],
};

export const editableFlags = (entry: DecodedEntry): EntryFlag[] =>
  entry.flags.filter((f) => EDITABLE[entry.format].includes(f.key));

export function toggleFlag(lo: number, hi: number, flag: EntryFlag): { lo: number; hi: number } {
  return { lo: (lo ^ flag.lo) >>> 0, hi: (hi ^ flag.hi) >>> 0 };
}

/** "0x8000_0000_0000_2067" → halves; undefined when it is not a 64-bit hex value. */
export function parseEntryValue(text: string): { lo: number; hi: number } | undefined {
  const clean = text.trim().replace(/_/g, '').replace(/^0x/i, '');
  if (!/^[0-9a-f]{1,16}$/i.test(clean)) return undefined;
  const value = BigInt('0x' + clean);
  return { lo: Number(value & 0xffff_ffffn), hi: Number(value >> 32n) };
}
