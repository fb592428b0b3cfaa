/**
 * The editable cost model (docs/hypervisor-model.md, "References and costs"): every number an estimate in CPU
 * cycles, so that an event's cost = exits × their cost + references × latency + host faults.
 */
import { EXIT_REASONS, type ExitReason } from './exit-reasons';

export interface HvCostModel {
  /** One VM exit and re-entry of each reason, including KVM's handling (without host faults). */
  readonly exit: Readonly<Record<ExitReason, number>>;
  /** One memory reference of a hardware page walk (a paging-structure read). */
  readonly hardwareRef: number;
  /** One read KVM makes in software (a guest-table entry through its HVA). */
  readonly softwareRef: number;
  readonly hostFault: { readonly minor: number; readonly swapIn: number };
}

/**
 * Defaults: a bare exit round trip ≈ 1,200 cycles on recent Intel cores; reasons whose handling
 * walks or emulates cost more. References at ~30 cycles (a mix of cache hits and misses).
 */
export const DEFAULT_COST_MODEL: HvCostModel = {
  exit: {
    'cr3-write': 1200,
    'pf-intercepted': 2000,
    'pf-reinjected': 1800,
    'wp-table-write': 2500,
    invlpg: 1300,
    'dirty-tracking': 1600,
    'ept-violation': 2000,
    mmio: 2500,
  },
  hardwareRef: 30,
  softwareRef: 40,
  hostFault: { minor: 3000, swapIn: 30000 },
};

/** A partial model over the defaults (the UI edits one number at a time). */
export function resolveCostModel(partial?: HvCostModelInput): HvCostModel {
  const base = DEFAULT_COST_MODEL;
  if (partial === undefined) return base;
  const exit = { ...base.exit };
  for (const reason of EXIT_REASONS) {
    const value = partial.exit?.[reason];
    if (value !== undefined) exit[reason] = value;
  }
  return {
    exit,
    hardwareRef: partial.hardwareRef ?? base.hardwareRef,
    softwareRef: partial.softwareRef ?? base.softwareRef,
    hostFault: { ...base.hostFault, ...partial.hostFault },
  };
}

export interface HvCostModelInput {
  readonly exit?: Partial<Record<ExitReason, number>>;
  readonly hardwareRef?: number;
  readonly softwareRef?: number;
  readonly hostFault?: Partial<HvCostModel['hostFault']>;
}
