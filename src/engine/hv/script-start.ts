/**
 * Cold start or warm guest (docs/hypervisor-model.md, "Start"): the same workload run
 * from either starting state, so a scene can show where each mode wins in both.
 */
import type { HvScript } from './script-types';

export type HvStart = 'cold' | 'warm';

/** How the script itself starts: warm only when every VM is marked warm. */
export const scriptStart = (script: HvScript): HvStart =>
  script.vms.every((vm) => vm.warm) ? 'warm' : 'cold';

/** The script with every VM started `start` (the script unchanged if it already does). */
export function withStart(script: HvScript, start: HvStart): HvScript {
  const warm = start === 'warm';
  if (script.vms.every((vm) => vm.warm === warm)) return script;
  return { ...script, vms: script.vms.map((vm) => ({ ...vm, warm })) };
}
