/**
 * Intel EPT and AMD NPT count the same exits; only the names differ (docs/hypervisor-model.md,
 * "Intel EPT and AMD NPT"). The report's sentences are worded for EPT by the tables that make
 * them and reworded here for NPT, so the two runs differ in words only.
 */
import type { HvMode } from './exit-reasons';
import type { HvStep } from './report-types';

export interface TdpNames {
  /** The nested table: "EPT" or "NPT". */
  readonly table: string;
  /** Its root pointer: "EPTP" or "nCR3". */
  readonly root: string;
  /** The exit taken when a nested entry is missing or forbids the access. */
  readonly violation: string;
}

const EPT: TdpNames = { table: 'EPT', root: 'EPTP', violation: 'EPT violation' };
const NPT: TdpNames = { table: 'NPT', root: 'nCR3', violation: '#VMEXIT(NPF)' };

export const tdpNames = (mode: HvMode): TdpNames => (mode === 'npt' ? NPT : EPT);

/** An EPT-worded sentence in NPT words (longest names first, so "EPTP" is not read as "EPT"). */
export function nptWording(text: string): string {
  return text
    .replace(/EPT violation/g, NPT.violation)
    .replace(/EPT misconfiguration/g, '#VMEXIT(NPF) on a reserved bit')
    .replace(/INVEPT/g, 'a flush of the ASID')
    .replace(/EPTP/g, NPT.root)
    .replace(/\bEPT\b/g, NPT.table);
}

export function nptStep(step: HvStep): HvStep {
  return 'text' in step ? { ...step, text: nptWording(step.text) } : step;
}
