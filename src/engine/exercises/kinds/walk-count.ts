/**
 * "Count the references of one TLB miss": a random walk shape (native, EPT or NPT; 4- or 5-level;
 * 4K / 2M / 1G pages in each dimension). The count is the engine's: the references of the walk
 * it runs, with no caches.
 */
import type { Prng } from '../../workload/prng';
import type { Problem } from '../problem';
import { PROBLEM_KIND_TITLES } from '../problem';
import { pick, scenarioDocument, singleMappingParts, type WalkShape } from '../random-walk-scenario';
import { firstResult, referenceSplit } from '../run-document';
import { PAGE_SIZES } from '../../paging';
import { describeShape, nestedName } from './shape-words';

export function walkCountProblem(prng: Prng, seed: number): Problem {
  const nested = pick(prng, ['ept', 'ept', 'ept', 'npt', 'none'] as const);
  const five = prng.nextBelow(4) === 0;
  const shape: WalkShape = {
    nested,
    la57: five,
    guestPage: pick(prng, PAGE_SIZES),
    nestedLevels: five || prng.nextBelow(6) === 0 ? 5 : 4,
    nestedPage: pick(prng, PAGE_SIZES),
  };
  const parts = singleMappingParts(prng, shape, { name: 'Count the references' });
  const scenario = scenarioDocument(parts);
  const result = firstResult(scenario);
  const total = result.references.length;
  const { guest } = referenceSplit(result);
  const explanation =
    nested === 'none'
      ? [
          `Natively the walk reads one entry per level it uses: n = ${guest} (a 4 KiB page needs every level, a 2 MiB page stops at the PD, a 1 GiB page at the PDPT), so ${total} references.`,
          'No second dimension: CR3 and every entry hold physical addresses.',
        ]
      : twoDimensionalExplanation(guest, total, nestedName(nested));
  return {
    kind: 'walk-count',
    seed,
    title: PROBLEM_KIND_TITLES['walk-count'],
    question: [
      `A TLB miss with no translation caches. ${describeShape(shape)}`,
      'How many memory references does the walk make (not counting the data access itself)?',
    ],
    given: [{ label: 'Configuration', value: describeShape(shape) }],
    fields: [{ id: 'references', label: 'Your count of references', format: 'number' }],
    solution: { references: String(total) },
    explanation,
    scenario,
  };
}

function twoDimensionalExplanation(n: number, total: number, nested: string): string[] {
  const m = (total - n) / (n + 1);
  return [
    `The guest walk reads n = ${n} entries; each of them is at a guest-physical address that first goes through the ${nested} walk of m = ${m} reads, and so does the final data address.`,
    `n·m + n + m = ${n}·${m} + ${n} + ${m} = ${total}.`,
    'A common slip: 8 (only the final address through the nested table), or one more than the answer (counting the data access).',
  ];
}
