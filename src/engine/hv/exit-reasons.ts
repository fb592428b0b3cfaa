/** The modes a script runs in and the VM-exit reasons the model counts (docs/hypervisor-model.md). */

export type HvMode = 'shadow' | 'ept' | 'npt';
export const HV_MODES: readonly HvMode[] = ['shadow', 'ept', 'npt'];

/** Every VM-exit reason the model counts (memory virtualization only). */
export const EXIT_REASONS = [
  'cr3-write',
  'pf-intercepted',
  'pf-reinjected',
  'wp-table-write',
  'invlpg',
  'dirty-tracking',
  'ept-violation',
  'mmio',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

const LABELS: Readonly<Record<ExitReason, string>> = {
  'cr3-write': 'CR3 write',
  'pf-intercepted': '#PF intercepted',
  'pf-reinjected': 'guest #PF reinjected',
  'wp-table-write': 'write to a write-protected guest table',
  invlpg: 'INVLPG',
  'dirty-tracking': 'dirty-bit tracking',
  'ept-violation': 'EPT violation',
  mmio: 'MMIO (EPT misconfiguration)',
};

/** AMD NPT counts the same exits under its own names. */
const NPT_LABELS: Partial<Record<ExitReason, string>> = {
  'ept-violation': '#VMEXIT(NPF)',
  mmio: 'MMIO (#VMEXIT(NPF), reserved bit)',
};

export const exitReasonLabel = (reason: ExitReason, mode: HvMode): string =>
  (mode === 'npt' ? NPT_LABELS[reason] : undefined) ?? LABELS[reason];
