/**
 * The entry values the builders write. Non-leaf entries allow everything (present, writable,
 * user; RWX for EPT) so the leaf alone decides — docs/hardware-rules.md §1, §2, §4.
 */
import {
  EPT_IGNORE_PAT,
  EPT_MEMTYPE_SHIFT,
  EPT_PS,
  EPT_R,
  EPT_RWX,
  EPT_W,
  EPT_X,
  PTE_G,
  PTE_P,
  PTE_PCD,
  PTE_PS,
  PTE_PWT,
  PTE_RW,
  PTE_US,
  PTE_XD_HI,
  TWO_32,
} from '../bits';
import type { PageSize } from '../vocabulary';
import type { GuestFlags, NestedPerms } from './flags';

export interface EntryValue {
  readonly lo: number;
  readonly hi: number;
}

/** An address (≤ 52 bits, 4 KiB aligned) split into the halves of an entry. */
const split = (addr: number, lowFlags: number, highFlags = 0): EntryValue => ({
  lo: ((addr % TWO_32) | lowFlags) >>> 0,
  hi: (Math.floor(addr / TWO_32) | highFlags) >>> 0,
});

/** Guest and AMD nested non-leaf entry: P | R/W | U/S. */
export const ordinaryTableEntry = (frame: number): EntryValue => split(frame, PTE_P | PTE_RW | PTE_US);

/** EPT non-leaf entry: R | W | X. */
export const eptTableEntry = (frame: number): EntryValue => split(frame, EPT_RWX);

export function guestLeafEntry(pa: number, size: PageSize, flags: GuestFlags): EntryValue {
  let low = flags.np ? 0 : PTE_P;
  if (flags.rw) low |= PTE_RW;
  if (flags.user) low |= PTE_US;
  if (flags.pwt) low |= PTE_PWT;
  if (flags.pcd) low |= PTE_PCD;
  if (flags.global) low |= PTE_G;
  if (size !== '4K') low |= PTE_PS;
  return split(pa, low, flags.nx ? PTE_XD_HI : 0);
}

export function eptLeafEntry(hpa: number, size: PageSize, perms: NestedPerms): EntryValue {
  let low = perms.memoryType << EPT_MEMTYPE_SHIFT;
  if (perms.r) low |= EPT_R;
  if (perms.w) low |= EPT_W;
  if (perms.x) low |= EPT_X;
  if (perms.ignorePat) low |= EPT_IGNORE_PAT;
  if (size !== '4K') low |= EPT_PS;
  return split(hpa, low);
}

/**
 * AMD nested leaf: present if any permission is given, writable with `w`, NX without `x` (only
 * when the host's EFER.NXE is on), and always user, since guest page-table accesses are checked
 * as user accesses. Memory types do not apply.
 */
export function nptLeafEntry(hpa: number, size: PageSize, perms: NestedPerms, nxe: boolean): EntryValue {
  const present = perms.r || perms.w || perms.x;
  let low = PTE_US;
  if (present) low |= PTE_P;
  if (perms.w) low |= PTE_RW;
  if (size !== '4K') low |= PTE_PS;
  return split(hpa, low, nxe && !perms.x ? PTE_XD_HI : 0);
}
