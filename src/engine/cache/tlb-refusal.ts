/**
 * Whether a cached linear / combined translation can serve an access, as a table: the answer
 * depends only on the access kind, the CPL, the CPU's paging controls (fixed per machine) and the
 * entry's low eight flag bits — guest rights, guest D, nested rights, nested D (payload-codec.ts) — so it is
 * computed once per machine, and a TLB hit costs one byte read instead of the rules below.
 */
import { ACCESS_FETCH, ACCESS_WRITE, type CpuConfig } from '../vocabulary';
import { permissionDenied } from '../walk/guest-permissions';
import { NESTED_FETCH, NESTED_READ, NESTED_WRITE } from '../walk/rights';
import {
  TLB_ACCESS_BITS,
  TLB_GUEST_DIRTY,
  TLB_NESTED_DIRTY,
  tlbGuestRights,
  tlbNestedRights,
} from './payload-codec';

/** The hit cannot serve: the rights do not allow the access — the walk will fault or refill. */
export const REFUSE_RIGHTS = 1;
/** A write through an entry whose D flag is clear: the walk sets D (SDM §4.8). */
export const REFUSE_DIRTY = 2;

const BOTH_DIRTY = TLB_GUEST_DIRTY | TLB_NESTED_DIRTY;
/** Entry flag bits 7:0 decide; access kinds and CPLs 0…3 index the rest. */
const FLAG_BITS = TLB_ACCESS_BITS;
const FLAG_MASK = (1 << FLAG_BITS) - 1;
const KINDS = 4;
const CPLS = 4;

/** Why a cached translation with `flags` cannot serve this access (0: it can) — the rules themselves. */
function refusalOf(cpu: CpuConfig, flags: number, kind: number, cpl: number): number {
  if (permissionDenied(cpu, kind, cpl, tlbGuestRights(flags)) !== 0) return REFUSE_RIGHTS;
  const access = kind === ACCESS_WRITE ? NESTED_WRITE : kind === ACCESS_FETCH ? NESTED_FETCH : NESTED_READ;
  if ((access & ~tlbNestedRights(flags)) !== 0) return REFUSE_RIGHTS;
  if (kind === ACCESS_WRITE && (flags & BOTH_DIRTY) !== BOTH_DIRTY) return REFUSE_DIRTY;
  return 0;
}

/** refusalOf for every kind, CPL and flag combination of one CPU. */
export function refusalTable(cpu: CpuConfig): Uint8Array {
  const table = new Uint8Array((KINDS * CPLS) << FLAG_BITS);
  for (let kind = 0; kind < KINDS; kind++)
    for (let cpl = 0; cpl < CPLS; cpl++)
      for (let flags = 0; flags <= FLAG_MASK; flags++)
        table[((kind * CPLS + cpl) << FLAG_BITS) | flags] = refusalOf(cpu, flags, kind, cpl);
  return table;
}

/** The entry of `refusalTable` for an access (kind 0…3, CPL 0…3) through an entry with `flags`. */
export const refusalIndex = (kind: number, cpl: number, flags: number): number =>
  (((kind & 3) * CPLS + (cpl & 3)) << FLAG_BITS) | (flags & FLAG_MASK);
