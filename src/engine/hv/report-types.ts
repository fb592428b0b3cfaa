/**
 * What running a hypervisor script reports (docs/hv-script-format.md, "Report"): per event the
 * ordered steps (hardware walks, VM exits, KVM's software reads, host faults, entries installed or
 * zapped) and the counts drawn from them; totals per exit reason; cycles from a cost model.
 */
import type { PageSize, WalkReference } from '../vocabulary';
import type { HvEventKind } from './script-types';
import type { HvCostModel } from './cost-model';
import type { ExitReason, HvMode } from './exit-reasons';

export type HvStructure = 'ept' | 'shadow' | 'host-pte';

/** What the guest saw of an access: the same in every mode for the same script. */
export type GuestOutcome =
  | { readonly outcome: 'ok'; readonly gpa: number; readonly content: string }
  | { readonly outcome: 'page-fault'; readonly errorCode: number }
  | { readonly outcome: 'mmio'; readonly gpa: number };

export type HvStep =
  /** One attempt of the hardware: a walk through the TLB and tables (refs as the walker made them). */
  | {
      readonly type: 'walk';
      readonly attempt: number;
      readonly outcome: 'ok' | 'page-fault' | 'ept-violation' | 'ept-misconfig';
      readonly references: readonly WalkReference[];
      readonly hpa?: number;
      readonly faultGpa?: number;
      readonly errorCode?: number;
    }
  | {
      readonly type: 'exit';
      readonly reason: ExitReason;
      readonly gpa?: number;
      /** EPT violation: exit-qualification bits (NPT mode: the #NPF error code's meaning). */
      readonly qualification?: number;
      readonly text: string;
    }
  /** A read KVM makes itself (its software walk of the guest's tables): gPA → HVA by slot offset. */
  | { readonly type: 'software-read'; readonly level: number; readonly gpa: number; readonly hva: number }
  | {
      readonly type: 'memslot-lookup';
      readonly gpa: number;
      readonly slot: number | null;
      readonly hva?: number;
    }
  | {
      readonly type: 'host-fault';
      readonly vm: string;
      readonly hva: number;
      readonly kind: 'minor' | 'swap-in';
      readonly hpa: number;
      readonly size: PageSize;
    }
  | {
      readonly type: 'change';
      readonly structure: HvStructure;
      readonly action: 'installed' | 'zapped';
      readonly vm: string;
      /** EPT: the gPA; shadow: the guest-linear page (as a number, ≤ 48 bits); host PTE: the HVA. */
      readonly key: number;
      readonly hpa: number;
      readonly size: PageSize;
      readonly writable: boolean;
      readonly text: string;
    }
  /** A store by the guest OS into one of its tables. */
  | { readonly type: 'guest-store'; readonly gpa: number; readonly text: string }
  | { readonly type: 'tlb-flush'; readonly text: string }
  | { readonly type: 'note'; readonly text: string };

export interface HvEventReport {
  readonly index: number;
  readonly kind: HvEventKind;
  /** The VM the event ran in (absent for host-wide events: thp, and ksm-merge over several VMs). */
  readonly vm?: string;
  readonly text: string;
  readonly steps: readonly HvStep[];
  /** Counts drawn from `steps`. */
  readonly exits: readonly ExitReason[];
  readonly hardwareRefs: number;
  readonly softwareRefs: number;
  readonly hostFaults: number;
  readonly installed: number;
  readonly zapped: number;
  readonly cycles: number;
  /** Accesses (and emulate): what the guest saw. */
  readonly guest?: GuestOutcome;
}

export interface HvTotals {
  readonly exits: Readonly<Record<ExitReason, number>>;
  readonly exitCount: number;
  readonly hardwareRefs: number;
  readonly softwareRefs: number;
  readonly hostFaults: { readonly minor: number; readonly swapIn: number };
  readonly installed: number;
  readonly zapped: number;
  readonly cycles: number;
}

export interface HvVmSummary {
  readonly id: string;
  readonly vpid: number;
  /** EPT / NPT mode: the VM's own EPTP (nCR3) — two VMs never share one. */
  readonly eptp?: number;
  /** Shadow mode: guest CR3 → shadow root (hPA), one per CR3 loaded. */
  readonly shadowRoots?: readonly { readonly guestCr3: number; readonly root: number }[];
  /** Host frames backing guest RAM at the end (shared frames counted once). */
  readonly residentFrames: number;
  readonly swappedPages: number;
}

export interface HvReport {
  readonly format: 'nestwalk-hv-report/1';
  readonly mode: HvMode;
  readonly events: readonly HvEventReport[];
  readonly totals: HvTotals;
  readonly vms: readonly HvVmSummary[];
  /** 4 KiB frames saved by KSM at the end (guest pages mapped to a frame another page also uses). */
  readonly ksmSavedFrames: number;
  readonly costModel: HvCostModel;
  /** Guest levels n and nested levels m (m = 0 in shadow mode: the shadow walk is native). */
  readonly guestLevels: number;
  readonly nestedLevels: number;
}

export interface HvError {
  /** The event that could not run (absent: the script's VMs or its format). */
  readonly eventIndex?: number;
  readonly eventKind?: HvEventKind;
  /** JSON path of the offending field, e.g. ['events', 3, 'gpa']. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type HvRunResult =
  | { readonly ok: true; readonly report: HvReport }
  | { readonly ok: false; readonly errors: readonly HvError[] };
