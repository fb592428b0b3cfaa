/**
 * Rules of an ordinary (IA-32e) paging-structure entry, shared by the guest walk and AMD's nested
 * table, which uses the same format (SDM Vol. 3, §4.5; AMD APM Vol. 2, §5.3 and §15.25).
 */
import { PTE_PS, PTE_XD_HI, reservedAboveMaxPhyHi } from '../bits';

/** Bits 29:13 of a 1 GiB leaf and 20:13 of a 2 MiB leaf are reserved (bit 12 is PAT). */
const LARGE_RSVD_1G = 0x3fff_e000;
const LARGE_RSVD_2M = 0x001f_e000;

/** Precomputed reserved-bit masks for one MAXPHYADDR and NXE setting. */
export interface ReservedMasks {
  readonly aboveMaxPhyHi: number;
  readonly nxe: boolean;
}

export const reservedMasks = (maxPhyAddr: number, nxe: boolean): ReservedMasks => ({
  aboveMaxPhyHi: reservedAboveMaxPhyHi(maxPhyAddr),
  nxe,
});

/** Whether a present entry has a reserved bit set (SDM §4.5, "reserved bits"); `level` 5…1. */
export function hasReservedBits(lo: number, hi: number, level: number, masks: ReservedMasks): boolean {
  if ((hi & masks.aboveMaxPhyHi) !== 0) return true;
  if (!masks.nxe && (hi & PTE_XD_HI) !== 0) return true;
  if ((lo & PTE_PS) === 0 || level === 1) return false; // bit 7 of a PTE is PAT
  if (level >= 4) return true; // PS in a PML4E / PML5E
  return (lo & (level === 3 ? LARGE_RSVD_1G : LARGE_RSVD_2M)) !== 0;
}

/** Whether an entry at `level` maps a page (PTE, or PS in a PDE / PDPTE). */
export const isLeaf = (lo: number, level: number): boolean =>
  level === 1 || ((level === 2 || level === 3) && (lo & PTE_PS) !== 0);
