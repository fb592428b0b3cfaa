/** "Give the #PF error code": a guest page fault of a random cause; the code is the engine's. */
import type { Prng } from '../../workload/prng';
import type { Problem } from '../problem';
import { PROBLEM_KIND_TITLES } from '../problem';
import { pick } from '../random-walk-scenario';
import { firstResult } from '../run-document';
import { decodePageFaultErrorCode } from '../../decode';
import { GUEST_FAULT_CAUSES, faultScenario } from './fault-scenarios';
import { faultGiven } from './fault-words';

export function errorCodeProblem(prng: Prng, seed: number): Problem {
  const fault = faultScenario(prng, pick(prng, GUEST_FAULT_CAUSES));
  const result = firstResult(fault.scenario);
  if (result.outcome !== 'page-fault')
    throw new Error(`error-code exercise: expected a #PF, the walk ended in ${result.outcome}`);
  const code = result.errorCode ?? 0;
  const bits = decodePageFaultErrorCode(code).filter((b) => b.bit <= 4);
  return {
    kind: 'error-code',
    seed,
    title: PROBLEM_KIND_TITLES['error-code'],
    question: [
      'This access ends in a guest page fault. What error code does the CPU push (a number; bit 0 P, 1 W/R, 2 U/S, 3 RSVD, 4 I/D)?',
    ],
    given: faultGiven(fault),
    fields: [{ id: 'errorCode', label: 'Error code (decimal or 0x-hex)', format: 'number' }],
    solution: { errorCode: String(code) },
    explanation: [
      ...bits.map((b) => `Bit ${b.bit} ${b.label} = ${b.set ? 1 : 0}${b.text ? `: ${b.text}` : ''}.`),
      `Together: ${code} (0x${code.toString(16)}).`,
      ...(fault.access.kind === 'fetch' ? ['I/D is reported because EFER.NXE = 1.'] : []),
    ],
    scenario: fault.scenario,
  };
}
