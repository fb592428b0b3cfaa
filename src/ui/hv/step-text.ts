/** One sentence per report step, worded for the scene's step list (numbers from the report). */
import { exitReasonLabel, formatPhys, nptWording, type HvMode, type HvStep } from '../../engine';

const WALK_OUTCOME: Record<string, string> = {
  ok: 'the access completes',
  'page-fault': 'a page fault',
  'ept-violation': 'an EPT violation',
  'ept-misconfig': 'an EPT misconfiguration',
};

export function stepText(step: HvStep, mode: HvMode): string {
  switch (step.type) {
    case 'walk':
      return `Hardware walk (attempt ${step.attempt}): ${step.references.length} reference${step.references.length === 1 ? '' : 's'}, ${mode === 'npt' ? nptWording(WALK_OUTCOME[step.outcome] ?? step.outcome) : (WALK_OUTCOME[step.outcome] ?? step.outcome)}${step.faultGpa !== undefined ? ` at gPA ${formatPhys(step.faultGpa)}` : ''}.`;
    case 'exit':
      return `VM exit — ${exitReasonLabel(step.reason, mode)}: ${step.text.replace(/^[^:]*: /, '')}.`;
    case 'software-read':
      return `KVM reads the guest's level-${step.level} entry at gPA ${formatPhys(step.gpa)} through HVA ${formatPhys(step.hva)}.`;
    case 'memslot-lookup':
      return step.slot === null
        ? `KVM looks up gPA ${formatPhys(step.gpa)}: in no memslot, so it is MMIO.`
        : `KVM looks up gPA ${formatPhys(step.gpa)} in memslot ${step.slot}: HVA ${formatPhys(step.hva ?? 0)}.`;
    case 'host-fault':
      return `Host page fault (${step.kind === 'minor' ? 'first touch' : 'swap-in'}): HVA ${formatPhys(step.hva)} gets frame ${formatPhys(step.hpa)}.`;
    case 'change':
    case 'guest-store':
    case 'tlb-flush':
    case 'note':
      return /[.!]$/.test(step.text) ? step.text : `${step.text}.`;
  }
}
