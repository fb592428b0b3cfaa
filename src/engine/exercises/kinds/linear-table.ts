/**
 * "What would a single linear page table cost?": one 8-byte entry per page of the whole address
 * width, against the tables a multi-level walk actually touches for one translation.
 */
import type { Prng } from '../../workload/prng';
import type { Problem } from '../problem';
import { PROBLEM_KIND_TITLES } from '../problem';
import { pick } from '../random-walk-scenario';
import { PAGE_SIZES, levelOfPageSize, pageShift, pageSizeText } from '../../paging';
import { bytesWords } from '../../vocabulary';

const ENTRY_BYTES_LOG2 = 3;

/** Bytes of a linear table as a power of two: 2^(width − page shift) entries of 2^3 bytes. */
export const linearTableLog2 = (width: number, pageShiftBits: number): number =>
  width - pageShiftBits + ENTRY_BYTES_LOG2;

export function linearTableProblem(prng: Prng, seed: number): Problem {
  const width = pick(prng, [48, 57] as const);
  const size = pick(prng, PAGE_SIZES);
  const levels = width === 57 ? 5 : 4;
  const shift = pageShift(levelOfPageSize(size));
  const log2 = linearTableLog2(width, shift);
  const walked = levels - levelOfPageSize(size) + 1;
  return {
    kind: 'linear-table',
    seed,
    title: PROBLEM_KIND_TITLES['linear-table'],
    question: [
      `A ${width}-bit linear address space mapped with ${pageSizeText(size)} pages by one flat (linear) table of 8-byte entries, one per page. How big is that table, as a power of two in bytes? And how many 4 KiB table pages does the ${levels}-level tree read for one translation instead?`,
    ],
    given: [
      { label: 'Address width', value: `${width} bits` },
      { label: 'Page size', value: pageSizeText(size) },
    ],
    fields: [
      { id: 'log2Bytes', label: 'Linear table size: 2^? bytes', format: 'number' },
      { id: 'tables', label: 'Table pages a multi-level walk reads', format: 'number' },
    ],
    solution: { log2Bytes: String(log2), tables: String(walked) },
    explanation: [
      `${width} − ${shift} = ${width - shift} bits select the page: 2^${width - shift} entries × 8 bytes = 2^${log2} bytes (${bytesWords(2 ** log2)}), present in memory whether used or not.`,
      `The ${levels}-level tree reads one 4 KiB table per level it uses: ${walked} for a ${pageSizeText(size)} page, and only the tables that map something exist at all.`,
    ],
  };
}
