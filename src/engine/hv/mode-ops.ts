/** What a mode (shadow paging, or EPT / NPT) does for each guest and host action. */
import type { AccessKind, LinearAddress } from '../vocabulary';
import type { TableStore } from './guest-os';
import type { GuestOutcome } from './report-types';
import type { StepLog } from './step-log';
import type { VmRuntime } from './vm-runtime';

export interface ModeOps {
  /** The guest OS loads another process's CR3. */
  switchProcess(rt: VmRuntime, cr3: number, log: StepLog): void;
  /** A user-mode access, retried until it completes or faults in the guest. */
  access(
    rt: VmRuntime,
    va: LinearAddress,
    kind: AccessKind,
    content: string | undefined,
    log: StepLog,
  ): GuestOutcome;
  /** The guest OS stores one entry into one of its tables. */
  guestStore(rt: VmRuntime, store: TableStore, log: StepLog): void;
  invlpg(rt: VmRuntime, va: LinearAddress, log: StepLog): void;
  /** A host event took `frame` from a guest page: zap every leaf mapping it, then flush. */
  zapFrame(rt: VmRuntime, frame: number, log: StepLog, why: string): void;
}

/** Enough for any access: each retry installs what the previous attempt lacked. */
export const MAX_ATTEMPTS = 12;
