import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PROBLEM_KINDS,
  checkAnswers,
  generateProblem,
  generateWorksheet,
  type ProblemKind,
} from '../../../src/engine/exercises';
import { parseScenario } from '../../../src/engine/scenario';

const kindArb = fc.constantFrom(...PROBLEM_KINDS);
const seedArb = fc.nat({ max: 0xffff_ffff });

describe('generated exercises', () => {
  it('has at least eight kinds', () => {
    expect(PROBLEM_KINDS.length).toBeGreaterThanOrEqual(8);
  });

  it('reproduces a problem from its kind and seed (a URL or a printed seed brings it back)', () => {
    fc.assert(
      fc.property(kindArb, seedArb, (kind, seed) => {
        expect(generateProblem(kind, seed)).toEqual(generateProblem(kind, seed));
      }),
      { numRuns: 60 },
    );
  });

  it('gives every field a solution, accepts it, and has a valid scenario when it has one', () => {
    fc.assert(
      fc.property(kindArb, seedArb, (kind, seed) => {
        const problem = generateProblem(kind, seed);
        expect(problem.kind).toBe(kind);
        expect(problem.question.join(' ').length).toBeGreaterThan(20);
        expect(problem.explanation.length).toBeGreaterThan(0);
        for (const field of problem.fields) expect(problem.solution[field.id]).toMatch(/\S/);
        const verdict = checkAnswers(problem, problem.solution);
        expect(verdict.score).toBe(verdict.total);
        if (problem.scenario !== undefined) expect(() => parseScenario(problem.scenario)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('different seeds give different problems', () => {
    for (const kind of PROBLEM_KINDS) {
      const seen = new Set(
        Array.from({ length: 12 }, (_, i) => JSON.stringify(generateProblem(kind, i).given)),
      );
      expect(seen.size, kind).toBeGreaterThan(1);
    }
  });

  it('builds a worksheet of N problems cycling the kinds, the same for the same seed', () => {
    const sheet = generateWorksheet(42, 10);
    expect(sheet).toHaveLength(10);
    expect(sheet.slice(0, PROBLEM_KINDS.length).map((p) => p.kind)).toEqual([...PROBLEM_KINDS]);
    expect(generateWorksheet(42, 10)).toEqual(sheet);
    const only: ProblemKind[] = ['walk-count'];
    expect(generateWorksheet(1, 3, only).every((p) => p.kind === 'walk-count')).toBe(true);
  });
});
