/** "Give the EPT violation's exit qualification": the engine's value, explained bit by bit. */
import type { Prng } from '../../workload/prng';
import type { Problem } from '../problem';
import { PROBLEM_KIND_TITLES } from '../problem';
import { pick } from '../random-walk-scenario';
import { firstResult } from '../run-document';
import { decodeExitQualification } from '../../decode';
import { EPT_VIOLATION_CAUSES, faultScenario } from './fault-scenarios';
import { faultGiven } from './fault-words';

export function exitQualificationProblem(prng: Prng, seed: number): Problem {
  const fault = faultScenario(prng, pick(prng, EPT_VIOLATION_CAUSES));
  const result = firstResult(fault.scenario);
  if (result.outcome !== 'ept-violation')
    throw new Error(
      `exit-qualification exercise: expected an EPT violation, the walk ended in ${result.outcome}`,
    );
  const q = Number(result.exitQualification ?? 0);
  return {
    kind: 'exit-qualification',
    seed,
    title: PROBLEM_KIND_TITLES['exit-qualification'],
    question: [
      'This access causes an EPT violation. Give exit-qualification bits 8:0 as a hex number (bits 0–2 the access, 3–5 what the EPT allowed, 7 guest linear address valid, 8 final translation vs guest table).',
    ],
    given: faultGiven(fault),
    fields: [{ id: 'exitQualification', label: 'Exit qualification (hex)', format: 'hex' }],
    solution: { exitQualification: '0x' + q.toString(16) },
    explanation: [
      ...decodeExitQualification(q).map(
        (b) => `Bit ${b.bit} (${b.label}) = ${b.set ? 1 : 0}${b.text ? `: ${b.text}` : ''}.`,
      ),
      `Together: 0x${q.toString(16)}.`,
    ],
    scenario: fault.scenario,
  };
}
