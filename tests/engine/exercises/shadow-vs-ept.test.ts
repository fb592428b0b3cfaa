/**
 * The shadow-vs-EPT exit counts against rules that hold whatever the workload: a warm VM never
 * exits under EPT, and every CR3 write and INVLPG of the workload exits in shadow mode.
 */
import { describe, expect, it } from 'vitest';
import { generateProblem } from '../../../src/engine/exercises';

const SEEDS = Array.from({ length: 30 }, (_, i) => i * 104_729 + 3);

describe('shadow-vs-ept exercise', () => {
  it('a warm VM has no exit under EPT; shadow paging exits at least once per CR3 write and INVLPG', () => {
    for (const seed of SEEDS) {
      const p = generateProblem('shadow-vs-ept', seed);
      const events = p.given.map((g) => g.value);
      const intercepted = events.filter((e) => e.includes('MOV to CR3') || e.startsWith('INVLPG')).length;
      expect(Number(p.solution.shadowExits), events.join(' | ')).toBeGreaterThanOrEqual(intercepted);
      if (p.question[0]?.includes('has run a while')) expect(p.solution.eptExits).toBe('0');
      else expect(Number(p.solution.eptExits)).toBeGreaterThan(0);
    }
  });

  it('explains both modes’ exits by reason and the walk references EPT pays instead', () => {
    const p = generateProblem('shadow-vs-ept', 1);
    expect(p.explanation[0]).toMatch(/^Shadow paging: \d+ exits/);
    expect(p.explanation[1]).toMatch(/^EPT: \d+ exits/);
    expect(p.explanation[2]).toMatch(/hardware page-walk references/);
  });
});
