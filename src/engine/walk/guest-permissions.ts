/**
 * The access rights of a guest (or native) translation (SDM Vol. 3, §4.6), shared by the walk and
 * by a TLB hit, which must allow exactly what the walk would.
 */
import { RIGHT_NX, RIGHT_U, RIGHT_W } from '../cache/keys';
import { ACCESS_FETCH, ACCESS_WRITE, type CpuConfig } from '../types';
import { NESTED_FETCH, NESTED_READ, NESTED_WRITE } from './nested-walker';

export const DENY_SUPERVISOR_PAGE = 1;
export const DENY_READ_ONLY = 2;
export const DENY_NO_EXECUTE = 3;
export const DENY_SMEP = 4;
export const DENY_SMAP = 5;

/** All nested rights (R, W, X): what a native translation is allowed by the missing second dimension. */
export const NESTED_ALL = NESTED_READ | NESTED_WRITE | NESTED_FETCH;

/** Guest rights so far, packed as the caches keep them: R/W and U/S ANDed, XD ORed over the levels. */
export const packRights = (writable: number, user: number, noExec: number): number =>
  (writable !== 0 ? RIGHT_W : 0) | (user !== 0 ? RIGHT_U : 0) | (noExec !== 0 ? RIGHT_NX : 0);

/** Returns a non-zero DENY_* code naming the rule that denies the access, or 0 (SDM §4.6). */
export function permissionDenied(
  cpu: CpuConfig,
  kind: number,
  cpl: number,
  writable: boolean,
  user: boolean,
  noExec: boolean,
): number {
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
  if (cpu.smap && user) return DENY_SMAP; // EFLAGS.AC = 0 is assumed (docs/hardware-rules.md)
  if (kind === ACCESS_WRITE && !writable && cpu.wp) return DENY_READ_ONLY;
  return 0;
}
