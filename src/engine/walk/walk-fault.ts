/**
 * How the last walk failed, as codes and numbers (the bulk path builds no strings): which rule, the
 * vendor's report (#PF error code, EPT exit qualification, #NPF EXITINFO1) and where in the 2D grid.
 * `fault-text.ts` turns it into a sentence when someone listens.
 */

/** Why a walk failed (`WalkFault.reason`). */
export const FAULT_NONE = 0;
export const FAULT_NOT_CANONICAL = 1;
export const FAULT_GUEST_NOT_PRESENT = 2;
export const FAULT_GUEST_RESERVED = 3;
/** A guest permission rule refused the access (`WalkFault.rule` names it: DENY_*). */
export const FAULT_GUEST_DENIED = 4;
/** The nested walk of an entry or of the final gPA failed (the nested walker knows why). */
export const FAULT_NESTED = 5;
/** Setting a guest A/D flag needs EPT write permission the path does not give. */
export const FAULT_FLAG_WRITE = 6;

export class WalkFault {
  reason = FAULT_NONE;
  /** FAULT_GUEST_DENIED: the DENY_* rule (guest-permissions.ts). */
  rule = 0;
  /** The guest entry that failed, as read (int32 halves; FAULT_GUEST_RESERVED, FAULT_FLAG_WRITE). */
  entryLo = 0;
  entryHi = 0;
  /** #PF error code (SDM §4.7). */
  errorCode = 0;
  /** EPT exit / #NPF: the guest-physical address being translated. */
  gpa = 0;
  /** EPT violation: exit qualification (SDM §28.2.1). */
  exitQualification = 0;
  /** AMD #NPF: EXITINFO1 (APM §15.25.6). */
  exitInfo1 = 0;
  /** Guest level (0 = the final data translation) and nested level (0 = a guest entry). */
  guestLevel = 0;
  nestedLevel = 0;
}
