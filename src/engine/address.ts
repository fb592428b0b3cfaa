/**
 * Linear addresses at the edges: parsing hex text, canonical form, per-level indices, formatting.
 * The hot path never sees a string or a BigInt: it takes the two 32-bit halves.
 */
import type { LinearAddress } from './vocabulary';
import { TWO_32 } from './bits';

const HEX = /^(0x)?[0-9a-f_]+$/i;

/** Parses "0x7fff_f000_0123" (underscores allowed, 0x optional) into 32-bit halves; throws with a reason. */
export function parseLinearAddress(text: string): LinearAddress {
  const trimmed = text.trim();
  if (trimmed === '' || !HEX.test(trimmed) || /^(0x)?_*$/i.test(trimmed)) {
    throw new Error(`"${text}" is not a hexadecimal address`);
  }
  const value = BigInt('0x' + trimmed.replace(/^0x/i, '').replace(/_/g, ''));
  if (value >= 1n << 64n) throw new Error(`"${text}" does not fit in 64 bits`);
  return { hi: Number(value >> 32n), lo: Number(value & 0xffff_ffffn) };
}

export const linearFromBigInt = (value: bigint): LinearAddress => ({
  hi: Number((value >> 32n) & 0xffff_ffffn),
  lo: Number(value & 0xffff_ffffn),
});
export const linearToBigInt = (va: LinearAddress): bigint =>
  (BigInt(va.hi >>> 0) << 32n) | BigInt(va.lo >>> 0);

/** Canonical: bits 63:47 (63:56 with LA57) all equal. Works on the high half alone. */
export function isCanonical(hi: number, la57: boolean): boolean {
  const top = (hi | 0) >> (la57 ? 24 : 15);
  return top === 0 || top === -1;
}

/** 9-bit table index of `level` (5 = PML5 … 1 = PT) from the halves of an address. */
export function levelIndex(hi: number, lo: number, level: number): number {
  switch (level) {
    case 1:
      return (lo >>> 12) & 0x1ff;
    case 2:
      return (lo >>> 21) & 0x1ff;
    case 3:
      return ((lo >>> 30) | ((hi & 0x7f) << 2)) & 0x1ff;
    case 4:
      return (hi >>> 7) & 0x1ff;
    default:
      return (hi >>> 16) & 0x1ff;
  }
}

/** Table index of a physical / guest-physical address (a number ≤ 52 bits). */
export const physIndex = (addr: number, level: number): number =>
  levelIndex((addr / TWO_32) >>> 0, addr >>> 0, level);

/** The offset of an address within a page of `bytes` (a power of two ≤ 1 GiB). */
export const linearOffset = (lo: number, bytes: number): number => (lo & (bytes - 1)) >>> 0;

/** Low 57 bits of a linear address as a number rounded down to `bytes` alignment (exact for ≥ 4 KiB pages). */
export const linearPageBase = (va: LinearAddress, bytes: number): number =>
  (va.hi & 0x1ff_ffff) * TWO_32 + ((va.lo & ~(bytes - 1)) >>> 0);

/** "0x0000_7fff_f000_0123"-style text: grouped when `grouped`, else compact "0x7ffff0000123". */
export function formatLinear(va: LinearAddress, grouped = false): string {
  const digits = (va.hi >>> 0).toString(16).padStart(8, '0') + (va.lo >>> 0).toString(16).padStart(8, '0');
  if (grouped) return '0x' + digits.replace(/(.{4})(?!$)/g, '$1_');
  return '0x' + digits.replace(/^0+(?=.)/, '');
}

/** A physical address (≤ 52 bits) as compact hex. */
export const formatPhys = (addr: number): string => '0x' + addr.toString(16);

/** A 64-bit entry as 16 hex digits. */
export const formatEntry = (lo: number, hi: number): string =>
  '0x' + (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
