/**
 * Why a walk failed, in one plain sentence — built here alone, from the codes the walkers leave in
 * `WalkFault` and on the nested walker (events and narration only, never the bulk path).
 */
import {
  EPT_LARGE_LEAF_RSVD_1G,
  EPT_LARGE_LEAF_RSVD_2M,
  EPT_MEMTYPE,
  EPT_MEMTYPE_SHIFT,
  EPT_PS,
  EPT_R,
  EPT_TOP_RSVD,
  EPT_W,
  PTE_XD_HI,
} from '../bits';
import { tableName } from '../paging';
import { isLeaf, type ReservedMasks } from './guest-entry-rules';
import { DENY_NO_EXECUTE, DENY_READ_ONLY, DENY_SMEP, DENY_SUPERVISOR_PAGE } from './guest-permissions';
import { FAULT_NOT_PRESENT, FAULT_RESERVED, type NestedWalker } from './nested-walker';
import {
  FAULT_FLAG_WRITE,
  FAULT_GUEST_DENIED,
  FAULT_GUEST_NOT_PRESENT,
  FAULT_GUEST_RESERVED,
  FAULT_NESTED,
  FAULT_NOT_CANONICAL,
  type WalkFault,
} from './walk-fault';

const ACCESS_WORDS = ['read', 'write', 'instruction fetch'];

/** The reason of the last failed walk; `masks`: the guest entries' reserved-bit rules. */
export function describeWalkFault(
  fault: WalkFault,
  kind: number,
  cpl: number,
  masks: ReservedMasks,
  nested: NestedWalker | null,
): string {
  const level = fault.guestLevel;
  const entry = `the guest ${tableName(level)} entry`;
  switch (fault.reason) {
    case FAULT_NOT_CANONICAL:
      return 'the linear address is not canonical';
    case FAULT_GUEST_NOT_PRESENT:
      return `${entry} is not present`;
    case FAULT_GUEST_RESERVED:
      return `reserved bit in ${entry}: ${describeReservedBits(fault.entryHi, level, masks)}`;
    case FAULT_GUEST_DENIED:
      return describeGuestPermissionFault(fault.rule, kind, cpl);
    case FAULT_FLAG_WRITE: {
      const leaf = isLeaf(fault.entryLo, level);
      return `setting the guest ${leaf ? 'leaf' : 'entry'}'s accessed flag needs EPT write permission`;
    }
    case FAULT_NESTED: {
      const what = level === 0 ? 'the final guest-physical address' : entry;
      return `translating ${what}: ${describeNestedFailure(nested!)}`;
    }
    default:
      return '';
  }
}

function describeGuestPermissionFault(rule: number, kind: number, cpl: number): string {
  const who = cpl === 3 ? 'user-mode' : 'supervisor-mode';
  const access = `${who} ${ACCESS_WORDS[kind] ?? 'access'}`;
  switch (rule) {
    case DENY_SUPERVISOR_PAGE:
      return `${access} to a supervisor page (U/S = 0 on the path)`;
    case DENY_READ_ONLY:
      return `${access} to a read-only page (R/W = 0 on the path${cpl === 3 ? '' : ', CR0.WP = 1'})`;
    case DENY_NO_EXECUTE:
      return `${access} from a no-execute page (XD = 1 on the path)`;
    case DENY_SMEP:
      return `${access} from a user page with SMEP on`;
    default:
      return `${access} to a user page with SMAP on (EFLAGS.AC = 0)`;
  }
}

/** Which reserved bit of an ordinary entry (guest, or AMD nested) is set. */
function describeReservedBits(hi: number, level: number, masks: ReservedMasks): string {
  if ((hi & masks.aboveMaxPhyHi) !== 0) return 'an address bit above MAXPHYADDR is set';
  if (!masks.nxe && (hi & PTE_XD_HI) !== 0) return 'XD is set while EFER.NXE = 0';
  if (level >= 4) return `PS is set in a PML${level}E`;
  return `address bits ${level === 3 ? '29:13 of a 1 GiB' : '20:13 of a 2 MiB'} page are set`;
}

function describeNestedFailure(nested: NestedWalker): string {
  const intel = nested.vendor === 'intel-ept';
  if (nested.faultKind === FAULT_NOT_PRESENT)
    return intel ? 'the EPT entry is not present (R = W = X = 0)' : 'the nested entry is not present (P = 0)';
  if (nested.faultKind === FAULT_RESERVED) {
    return intel
      ? `EPT misconfiguration: ${eptMisconfiguration(nested.faultLo, nested.faultHi, nested.faultLevel, nested.masks)}`
      : `a reserved bit is set in the nested entry: ${describeReservedBits(nested.faultHi, nested.faultLevel, nested.masks)}`;
  }
  if (!intel) return 'the nested path does not allow this user-mode access';
  const names = ['read', 'write', 'execute'].filter((_, bit) => (nested.rights & (1 << bit)) !== 0);
  return `the EPT path allows only ${names.length > 0 ? names.join(', ') : 'nothing'}`;
}

/** Which condition of an EPT misconfiguration holds (SDM §29.3.3.1), in the walker's order. */
function eptMisconfiguration(lo: number, hi: number, level: number, masks: ReservedMasks): string {
  const leaf = level === 1 || ((level === 2 || level === 3) && (lo & EPT_PS) !== 0);
  if ((lo & (EPT_R | EPT_W)) === EPT_W) return 'write allowed without read';
  if ((hi & masks.aboveMaxPhyHi) !== 0) return 'address bits above MAXPHYADDR are set';
  if (level >= 4 && (lo & EPT_TOP_RSVD) !== 0) return `reserved bits 7:3 are set in an EPT PML${level}E`;
  if (!leaf) return 'reserved bits 6:3 are set in a non-leaf entry';
  if (level === 3 && (lo & EPT_LARGE_LEAF_RSVD_1G) !== 0) return 'address bits 29:12 of a 1 GiB page are set';
  if (level === 2 && (lo & EPT_LARGE_LEAF_RSVD_2M) !== 0) return 'address bits 20:12 of a 2 MiB page are set';
  return `memory type ${(lo & EPT_MEMTYPE) >>> EPT_MEMTYPE_SHIFT} is invalid`;
}
