/**
 * Seeded problems (docs/exercises.md): the same kind and seed give the same problem in every
 * browser and in Node, so a URL or a printed seed reproduces it.
 */
import { Prng, mix32 } from '../workload/prng';
import { PROBLEM_KINDS, type Problem, type ProblemKind } from './problem';
import { walkCountProblem } from './kinds/walk-count';
import { indexSplitProblem } from './kinds/index-split';
import { translateProblem } from './kinds/translate';
import { findFaultProblem } from './kinds/find-fault';
import { errorCodeProblem } from './kinds/error-code';
import { exitQualificationProblem } from './kinds/exit-qualification';
import { tlbSequenceProblem } from './kinds/tlb-sequence';
import { linearTableProblem } from './kinds/linear-table';
import { tlbReachProblem } from './kinds/tlb-reach';
import { shadowVsEptProblem } from './kinds/shadow-vs-ept';

type Generator = (prng: Prng, seed: number) => Problem;

const GENERATORS: Readonly<Record<ProblemKind, Generator>> = {
  'walk-count': walkCountProblem,
  'index-split': indexSplitProblem,
  translate: translateProblem,
  'find-fault': findFaultProblem,
  'error-code': errorCodeProblem,
  'exit-qualification': exitQualificationProblem,
  'tlb-sequence': tlbSequenceProblem,
  'linear-table': linearTableProblem,
  'tlb-reach': tlbReachProblem,
  'shadow-vs-ept': shadowVsEptProblem,
};

/** Seeds are 32-bit unsigned integers. */
export const normalizeSeed = (seed: number): number =>
  Number.isFinite(seed) ? Math.floor(Math.abs(seed)) >>> 0 : 0;

export function generateProblem(kind: ProblemKind, seed: number): Problem {
  const s = normalizeSeed(seed);
  // The kind goes into the stream too, so seed 7 of two kinds are unrelated draws.
  const prng = new Prng(mix32(s ^ (PROBLEM_KINDS.indexOf(kind) * 0x9e3779b1)));
  return GENERATORS[kind](prng, s);
}

/** N problems for a worksheet: the kinds in turn (or the ones given), seeds derived from one. */
export function generateWorksheet(
  seed: number,
  count: number,
  kinds: readonly ProblemKind[] = PROBLEM_KINDS,
): Problem[] {
  const s = normalizeSeed(seed);
  const list = kinds.length > 0 ? kinds : PROBLEM_KINDS;
  return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, i) =>
    generateProblem(list[i % list.length] as ProblemKind, mix32(s + i)),
  );
}
