/**
 * What each invalidation removes (SDM Vol. 3, §4.10.4.1 and §29.4.3; SDM Vol. 2, INVPCID,
 * INVVPID, INVEPT). Linear-tagged structures ('tlb', 'pwc') hold linear or combined mappings;
 * with EPT (NPT) on, every one of them is a combined mapping derived from the machine's EPTP.
 * Not on the hot path: plain loops over every entry.
 */
import { formatLinear } from '../address';
import type { LinearAddress } from '../vocabulary';
import type { CacheCore } from './cache-core';
import type { CacheOp, InvpcidType, InvvpidType } from './cache-ops';
import { linearBits, linearPrefix, pageKey, prefixKey } from './keys';
import { pageShift } from '../paging';
import { PCID_BITS, PCID_MASK, STAT_INVALIDATED } from './set-assoc';
import type { CacheStructure } from './structure';

export interface Removal {
  readonly description: string;
  readonly removed: Record<string, number>;
  readonly entries: { structure: string; set: number; way: number }[];
}

/** Tests one entry: its structure, index, VPID, PCID and global flag. */
type EntryTest = (st: CacheStructure, i: number, vpid: number, pcid: number, global: boolean) => boolean;

const isLinear = (st: CacheStructure) => st.kind === 'tlb' || st.kind === 'pwc';
const isTlb = (st: CacheStructure) => st.kind === 'tlb';

/** The entry caches the translation of `va` (TLB: its page; PWC: an entry on its path). */
function onPathOf(st: CacheStructure, i: number, va: LinearAddress): boolean {
  const key = st.array.keys[i]!;
  if (st.kind === 'tlb') {
    const level = key % 4;
    return key === pageKey(linearBits(va.hi, va.lo, pageShift(level)), level);
  }
  const level = key % 8;
  return key === prefixKey(linearPrefix(va.hi, va.lo, level), level);
}

function remove(core: CacheCore, test: EntryTest, description: string): Removal {
  const removal: Removal = { description, removed: {}, entries: [] };
  for (const st of core.structures) {
    const arr = st.array;
    for (let i = 0; i < arr.valid.length; i++) {
      if (arr.valid[i] === 0) continue;
      const tag = arr.tags[i]!;
      if (!test(st, i, tag >>> PCID_BITS, tag & PCID_MASK, arr.global[i] !== 0)) continue;
      arr.invalidate(i);
      arr.count(STAT_INVALIDATED);
      removal.removed[st.name] = (removal.removed[st.name] ?? 0) + 1;
      removal.entries.push({ structure: st.name, set: Math.floor(i / arr.ways), way: i % arr.ways });
    }
  }
  return removal;
}

function invpcid(core: CacheCore, type: InvpcidType, pcid: number, va: LinearAddress | undefined): Removal {
  const vpid = core.vpid;
  switch (type) {
    case 'individual-address': {
      if (va === undefined) throw new Error('INVPCID individual-address needs a linear address (va)');
      return remove(
        core,
        (st, i, v, p, g) =>
          v === vpid && p === pcid && (st.kind === 'pwc' || (isTlb(st) && !g && onPathOf(st, i, va))),
        `INVPCID type 0: the non-global TLB entries for ${formatLinear(va)} in PCID ${pcid}, and every paging-structure-cache entry of PCID ${pcid}.`,
      );
    }
    case 'single-context':
      return remove(
        core,
        (st, _i, v, p, g) => isLinear(st) && v === vpid && p === pcid && !(g && isTlb(st)),
        `INVPCID type 1: every non-global entry of PCID ${pcid}.`,
      );
    case 'all-context':
      return remove(
        core,
        (st, _i, v) => isLinear(st) && v === vpid,
        'INVPCID type 2: every entry of every PCID, global ones too.',
      );
    default:
      return remove(
        core,
        (st, _i, v, _p, g) => isLinear(st) && v === vpid && !(g && isTlb(st)),
        'INVPCID type 3: every entry of every PCID except global translations.',
      );
  }
}

function invvpid(core: CacheCore, type: InvvpidType, vpid: number, va: LinearAddress | undefined): Removal {
  switch (type) {
    case 'individual-address': {
      if (va === undefined) throw new Error('INVVPID individual-address needs a linear address (va)');
      return remove(
        core,
        (st, i, v) => isLinear(st) && v === vpid && onPathOf(st, i, va),
        `INVVPID type 0: the linear and combined mappings of VPID ${vpid} that translate ${formatLinear(va)}.`,
      );
    }
    case 'single-context':
      return remove(
        core,
        (st, _i, v) => isLinear(st) && v === vpid,
        `INVVPID type 1: every linear and combined mapping of VPID ${vpid}.`,
      );
    case 'all-context':
      return remove(
        core,
        (st, _i, v) => isLinear(st) && v !== 0,
        'INVVPID type 2: the mappings of every VPID except 0 (the host).',
      );
    default:
      return remove(
        core,
        (st, _i, v, _p, g) => isLinear(st) && v === vpid && !(g && isTlb(st)),
        `INVVPID type 3: the mappings of VPID ${vpid} except global translations.`,
      );
  }
}

/** Applies an operation's cache effects. `mov-cr3` expects the core's PCID already switched; `eptp` is the machine's. */
export function invalidate(core: CacheCore, op: CacheOp, pcide: boolean, eptp: number | null): Removal {
  switch (op.op) {
    case 'invlpg': {
      const { va } = op;
      const vpid = core.vpid;
      const pcid = core.pcid;
      return remove(
        core,
        (st, i, v, p, g) =>
          v === vpid &&
          ((st.kind === 'pwc' && p === pcid) || (isTlb(st) && (p === pcid || g) && onPathOf(st, i, va))),
        `INVLPG ${formatLinear(va)}: its page in every TLB (current VPID and PCID, global entries too) and, as the SDM says, ` +
          `every paging-structure-cache entry of PCID ${pcid} (§4.10.4.1). Guest-physical mappings stay.`,
      );
    }
    case 'mov-cr3': {
      const vpid = core.vpid;
      const pcid = core.pcid;
      if (pcide && op.noFlush) {
        return {
          description: `MOV to CR3 with bit 63 set: PCID ${pcid}'s entries are kept.`,
          removed: {},
          entries: [],
        };
      }
      return remove(
        core,
        (st, _i, v, p, g) => isLinear(st) && v === vpid && p === pcid && !(g && isTlb(st)),
        `MOV to CR3: every non-global TLB entry and paging-structure-cache entry of PCID ${pcid}` +
          `${pcide ? '' : ' (PCIDs off: PCID 0)'}${!pcide && op.noFlush ? '; bit 63 means nothing without CR4.PCIDE' : ''}.`,
      );
    }
    case 'invpcid':
      return invpcid(core, op.type, op.pcid ?? core.pcid, op.va);
    case 'invvpid':
      return invvpid(core, op.type, op.vpid ?? core.vpid, op.va);
    case 'invept': {
      if (eptp === null)
        return {
          description: 'INVEPT: no EPT here, so no guest-physical or combined mappings.',
          removed: {},
          entries: [],
        };
      if (
        op.type === 'single-context' &&
        op.eptp !== undefined &&
        Math.floor(op.eptp / 4096) !== Math.floor(eptp / 4096)
      ) {
        return {
          description: 'INVEPT single-context for another EPTP: nothing of this one is removed.',
          removed: {},
          entries: [],
        };
      }
      return remove(
        core,
        () => true,
        `INVEPT ${op.type}: every guest-physical mapping and every combined mapping (all VPIDs) derived from the EPTP.`,
      );
    }
    case 'vm-exit':
    case 'vm-entry': {
      const name = op.op === 'vm-exit' ? 'VM exit' : 'VM entry';
      if (core.vpid !== 0) {
        return {
          description: `${name} with VPID ${core.vpid}: the tags keep guest and host apart, nothing is flushed.`,
          removed: {},
          entries: [],
        };
      }
      return remove(
        core,
        (st, _i, v) => isLinear(st) && v === 0,
        `${name} with VPIDs off: every linear and combined mapping of VPID 0 is flushed; guest-physical mappings stay.`,
      );
    }
    default:
      return { description: 'no cache effect', removed: {}, entries: [] };
  }
}
