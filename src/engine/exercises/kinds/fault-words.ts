/** The question text shared by the fault exercises: the setup and the access. */
import { hex } from '../random-walk-scenario';
import type { FaultScenario } from './fault-scenarios';
import { describeShape } from './shape-words';

export function faultGiven(fault: FaultScenario): { label: string; value: string }[] {
  return [
    { label: 'Configuration', value: describeShape(fault.shape) },
    { label: 'Setup', value: fault.setup.story },
    {
      label: 'Access',
      value: `${fault.access.kind} of ${hex(fault.access.va)} at CPL ${fault.access.cpl ?? fault.setup.cpl}`,
    },
  ];
}

export const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  ok: 'success: the access completes',
  'page-fault': 'a guest #PF (delivered to the guest OS, no VM exit)',
  'general-protection': '#GP (no walk at all)',
  'ept-violation': 'an EPT violation (VM exit to the hypervisor)',
  'ept-misconfig': 'an EPT misconfiguration (VM exit to the hypervisor)',
  'nested-page-fault': 'a #NPF (VM exit to the hypervisor)',
};
