/**
 * "Split a linear address into its table indices": a random canonical address, 4- or 5-level.
 * The indices are the engine's own split (the one its walker uses).
 */
import type { Prng } from '../../workload/prng';
import type { Problem } from '../problem';
import { PROBLEM_KIND_TITLES } from '../problem';
import { hex, randomUserAddress } from '../random-walk-scenario';
import { levelIndex, linearOffset, parseLinearAddress } from '../../address';
import { tableName as guestTableName } from '../../paging';

const BIT_RANGES: Readonly<Record<number, string>> = {
  5: '56:48',
  4: '47:39',
  3: '38:30',
  2: '29:21',
  1: '20:12',
};

export function indexSplitProblem(prng: Prng, seed: number): Problem {
  const la57 = prng.nextBelow(3) === 0;
  const levels = la57 ? 5 : 4;
  const va = randomUserAddress(prng, la57);
  const { hi, lo } = parseLinearAddress(hex(va));
  const fields = [];
  const solution: Record<string, string> = {};
  const explanation: string[] = [];
  for (let level = levels; level >= 1; level--) {
    const index = levelIndex(hi, lo, level);
    const id = `index${level}`;
    fields.push({
      id,
      label: `${guestTableName(level)} index (bits ${BIT_RANGES[level]})`,
      format: 'number' as const,
    });
    solution[id] = String(index);
    explanation.push(
      `Bits ${BIT_RANGES[level]} → ${guestTableName(level)} index ${index} (entry at byte ${index * 8} of the table).`,
    );
  }
  const offset = linearOffset(lo, 0x1000);
  fields.push({ id: 'offset', label: 'Page offset (bits 11:0), hex', format: 'hex' as const });
  solution.offset = hex(offset);
  explanation.push(`Bits 11:0 → offset ${hex(offset)} inside the 4 KiB page.`);
  return {
    kind: 'index-split',
    seed,
    title: PROBLEM_KIND_TITLES['index-split'],
    question: [
      `With ${la57 ? '5-level paging (CR4.LA57 = 1)' : '4-level paging'} and 4 KiB pages, split the linear address ${hex(va)} into the index used at each level and the page offset.`,
      'Each index is 9 bits (0–511).',
    ],
    given: [{ label: 'Linear address', value: hex(va) }],
    fields,
    solution,
    explanation,
  };
}
