/**
 * The fields of a linear address for an n-level guest: sign extension, one 9-bit index per level
 * above the guest page, and the offset (12, 21 or 30 bits as the guest page is 4 KiB, 2 MiB, 1 GiB).
 */
import { isCanonical, levelIndex } from '../../../engine';
import type { LinearAddress, PageSize } from '../../../engine';
import { pageShift } from '../../../engine';
import { levelName, offsetBits } from '../model/names';

export interface AddressField {
  readonly kind: 'sign' | 'index' | 'offset';
  /** Guest level for an index field. */
  readonly level?: number;
  readonly name: string;
  readonly high: number;
  readonly low: number;
  /** The field's value (index or offset); the sign field holds its bit count of ones. */
  readonly value: number;
}

export const bitOf = (va: LinearAddress, bit: number): number =>
  bit >= 32 ? (va.hi >>> (bit - 32)) & 1 : (va.lo >>> bit) & 1;

export function addressFields(va: LinearAddress, n: number, guestPage: PageSize): AddressField[] {
  const top = pageShift(n + 1); // 48 for 4-level, 57 for 5-level
  const off = offsetBits(guestPage);
  const fields: AddressField[] = [];
  let ones = 0;
  for (let b = 63; b >= top; b--) ones += bitOf(va, b);
  fields.push({ kind: 'sign', name: 'sign extension', high: 63, low: top, value: ones });
  for (let level = n; level >= 1; level--) {
    const low = pageShift(level);
    if (low < off) break;
    fields.push({
      kind: 'index',
      level,
      name: levelName(level),
      high: low + 8,
      low,
      value: levelIndex(va.hi, va.lo, level),
    });
  }
  const offset = (va.lo & ((1 << off) - 1)) >>> 0;
  fields.push({ kind: 'offset', name: 'offset', high: off - 1, low: 0, value: offset });
  return fields;
}

export const canonical = (va: LinearAddress, n: number): boolean => isCanonical(va.hi, n === 5);
