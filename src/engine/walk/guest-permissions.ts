/**
 * The access rights of a guest (or native) translation (SDM Vol. 3, §4.6; docs/hardware-rules.md
 * §1), shared by the walk and by a TLB hit, which must allow exactly what the walk would.
 */
import { PTE_RW, PTE_US } from '../bits';
import { ACCESS_FETCH, ACCESS_WRITE, type CpuConfig } from '../vocabulary';
import { RIGHT_NX, RIGHT_U, RIGHT_W } from './rights';

export const DENY_SUPERVISOR_PAGE = 1;
export const DENY_READ_ONLY = 2;
export const DENY_NO_EXECUTE = 3;
export const DENY_SMEP = 4;
export const DENY_SMAP = 5;

/** R/W (bit 1) and U/S (bit 2) of an entry, shifted onto RIGHT_W / RIGHT_U. */
const ENTRY_RIGHTS_SHIFT = 1;
/** XD (bit 63, bit 31 of the high half) shifted onto RIGHT_NX. */
const XD_TO_NX_SHIFT = 29;

/** The rights so far after one more entry (words lo, hi): R/W and U/S ANDed, XD ORed. */
export const narrowRights = (rights: number, lo: number, hi: number): number =>
  (rights & (((lo & (PTE_RW | PTE_US)) >>> ENTRY_RIGHTS_SHIFT) | RIGHT_NX)) |
  ((hi >>> XD_TO_NX_SHIFT) & RIGHT_NX);

/** Returns a non-zero DENY_* code naming the rule that denies the access, or 0 (SDM §4.6). */
export function permissionDenied(cpu: CpuConfig, kind: number, cpl: number, rights: number): number {
  const user = (rights & RIGHT_U) !== 0;
  const writable = (rights & RIGHT_W) !== 0;
  const noExec = (rights & RIGHT_NX) !== 0;
  if (cpl === 3) {
    if (!user) return DENY_SUPERVISOR_PAGE;
    if (kind === ACCESS_WRITE && !writable) return DENY_READ_ONLY;
    if (kind === ACCESS_FETCH && noExec) return DENY_NO_EXECUTE;
    return 0;
  }
  if (kind === ACCESS_FETCH) {
    if (noExec) return DENY_NO_EXECUTE;
    if (cpu.smep && user) return DENY_SMEP;
    return 0;
  }
  if (cpu.smap && user) return DENY_SMAP; // EFLAGS.AC = 0 is assumed (docs/hardware-rules.md §1)
  if (kind === ACCESS_WRITE && !writable && cpu.wp) return DENY_READ_ONLY;
  return 0;
}
