/**
 * "What to notice" for a walk that is not a preset as shipped (built, edited or symbolic): the
 * point it makes, generated from its events. See docs/walk-view.md.
 */
import { bytesWords, nestedWalkReferences, pageShift } from '../../../engine';
import { summaryLead } from './summary';
import { walkCount } from './formula';
import { nestedName } from './names';
import type { WalkModel } from './walk-model';

const ENTRY_BYTES = 8;
/** The levels x86-64 walks for 48-bit linear addresses (4-level paging). */
const FOUR_LEVELS = 4;

/**
 * What one flat table indexed by all the bits `levels` tables share would cost: every 4 KiB page of
 * the address width gets an 8-byte entry, whether it is used or not.
 */
export function linearTableText(levels: number): string {
  const indexBits = pageShift(levels + 1) - pageShift(1);
  const bytesLog2 = indexBits + Math.log2(ENTRY_BYTES);
  const width = pageShift(levels + 1);
  return `a single-level (linear) table for ${width}-bit addresses with 4 KiB pages has 2^${indexBits} entries × ${ENTRY_BYTES} bytes = ${bytesWords(2 ** bytesLog2)}, for every address space`;
}

/** The generated point of a walk: what its count is made of, and for a symbolic walk why it is one. */
export function generatedNotice(model: WalkModel, symbolic: boolean): string[] {
  const count = walkCount(model);
  const lines: string[] = [];
  if (symbolic) {
    const one = [
      count.n === 1 && 'a 1-level guest table',
      model.mode !== 'native' && count.m === 1 && `a 1-level ${nestedName(model.mode)}`,
    ]
      .filter(Boolean)
      .join(' and ');
    lines.push(
      `A thought experiment: no real CPU has ${one || 'these tables'}, so this walk is symbolic — its addresses are made up; only its shape and count are real. Few levels cost little per walk, but the tables would be huge: ${linearTableText(FOUR_LEVELS)}.`,
    );
  }
  if (count.faulted) {
    lines.push(`This walk stops at a fault: ${summaryLead(model)}`);
    return lines;
  }
  const native = model.mode === 'native';
  if (native) {
    lines.push(
      `A native walk reads one entry per level: ${summaryLead(model)} Under ${nestedName('ept')} the same ${count.n} levels on ${count.n} nested levels would make ${nestedWalkReferences(count.n, count.n)}.`,
    );
    return lines;
  }
  const nested = nestedName(model.mode);
  const lead = summaryLead(model).replace(/\.$/, '');
  const why = `the gPA of each of the ${count.n} guest entries is translated by a ${count.m}-step ${nested} walk, and so is the final gPA`;
  const shortened = count.shortened
    ? ` Large pages shortened it from the structures' ${count.fullTotal}.`
    : '';
  lines.push(`${lead}: ${why}.${shortened}`);
  return lines;
}
