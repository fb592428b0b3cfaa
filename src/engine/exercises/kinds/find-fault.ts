/** "How does this access end?": the outcome of a scenario with at most one defect, as the engine walks it. */
import type { Prng } from '../../workload/prng';
import type { Problem } from '../problem';
import { PROBLEM_KIND_TITLES } from '../problem';
import { pick } from '../random-walk-scenario';
import { firstResult } from '../run-document';
import { describeBits, decodeExitQualification, decodePageFaultErrorCode } from '../../decode';
import { FAULT_CAUSES, faultScenario } from './fault-scenarios';
import { OUTCOME_WORDS, faultGiven } from './fault-words';

const CHOICES = ['ok', 'page-fault', 'general-protection', 'ept-violation', 'ept-misconfig'] as const;

export function findFaultProblem(prng: Prng, seed: number): Problem {
  const fault = faultScenario(prng, pick(prng, FAULT_CAUSES));
  const result = firstResult(fault.scenario);
  const detail =
    result.outcome === 'page-fault'
      ? `Error code ${result.errorCode ?? 0}: ${describeBits(decodePageFaultErrorCode(result.errorCode ?? 0))}.`
      : result.outcome === 'ept-violation'
        ? `Exit qualification ${result.exitQualification ?? ''}: ${describeBits(decodeExitQualification(Number(result.exitQualification ?? 0)))}.`
        : result.outcome === 'general-protection'
          ? 'The address is not canonical (bits 63:48 must all equal bit 47), so the CPU raises #GP before reading any table.'
          : result.outcome === 'ept-misconfig'
            ? 'An EPT entry with W = 1 and R = 0 is a misconfiguration, which the walk reports before checking any permission.'
            : `The walk made ${result.references.length} references and reached host-physical ${result.pa ?? ''}.`;
  return {
    kind: 'find-fault',
    seed,
    title: PROBLEM_KIND_TITLES['find-fault'],
    question: ['Read the setup and the access. How does the access end?'],
    given: faultGiven(fault),
    fields: [
      {
        id: 'outcome',
        label: 'Outcome',
        format: 'choice',
        choices: CHOICES.map((value) => ({ value, label: OUTCOME_WORDS[value] ?? value })),
      },
    ],
    solution: { outcome: result.outcome },
    explanation: [`It ends in ${OUTCOME_WORDS[result.outcome] ?? result.outcome}.`, detail],
    scenario: fault.scenario,
  };
}
