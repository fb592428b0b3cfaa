/**
 * The walk's summary, shown after its last step: how the count breaks down ("4 guest reads +
 * 5 EPT walks × 4 = 24"), which cache spared which cells, and the counts people wrongly expect
 * (8, 20, 25), each as the cells it would leave out. See docs/walk-view.md.
 */
import { cellsText, dropText, entryText, structureText } from './cache-words';
import { walkCount } from './formula';
import { levelName, nestedName } from './names';
import type { WalkModel } from './walk-model';

const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;

/** "4 guest reads + 5 EPT walks × 4 = 24" for the levels as walked. */
export function breakdownText(model: WalkModel): string {
  const count = walkCount(model);
  const native = model.mode === 'native';
  const guestReads = model.refs.filter((r) => r.type === 'guest-read').length;
  const nestedReads = model.total - guestReads;
  if (count.faulted) {
    const made = native
      ? plural(guestReads, 'table read')
      : `${plural(guestReads, 'guest read')} + ${plural(nestedReads, `${nestedName(model.mode)} read`)}`;
    return `${made} = ${model.total} before the fault`;
  }
  if (native) return `${plural(count.n, 'table read')} (one per level) = ${count.used}`;
  const per = new Set(count.nestedPerRow.map((r) => r.reads));
  const walks =
    per.size === 1
      ? `${plural(count.nestedPerRow.length, `${nestedName(model.mode)} walk`)} × ${[...per][0]}`
      : count.nestedPerRow.map((r) => r.reads).join(' + ');
  return `${plural(count.n, 'guest read')} + ${walks} = ${count.used}`;
}

/** One sentence per cache hit: which cache, which entry, which cells it spared; then dropped hits. */
export function cacheSummary(model: WalkModel): string[] {
  const lines = model.hits.map(
    (hit) =>
      `${structureText(model, hit)} supplied ${entryText(model, hit)}, sparing ${cellsText(model, hit.skipped)}.`,
  );
  return [...lines, ...model.drops.map((d) => `${dropText(model, d)}.`)];
}

/** A count people expect instead, and the grid cells it gets wrong. */
export interface Misconception {
  /** The wrong count: 8, 20, 25 for the default walk. */
  readonly count: number;
  readonly text: string;
  /** Cells the wrong count leaves out, as "row:col" keys of the grid (row 0 = final gPA). */
  readonly cells: readonly string[];
  /** The wrong count adds the data access (the grid's corner cell), which is not a reference. */
  readonly addsData: boolean;
}

const refKey = (r: WalkModel['refs'][number]) =>
  `${r.guestLevel}:${r.type === 'nested-read' ? r.nestedLevel : 0}`;

/**
 * The counts people expect instead, each with the cells it leaves out: only for a full nested
 * walk that completed without a cache (with caches the grid already shows other cells missing).
 */
export function misconceptions(model: WalkModel): Misconception[] {
  const count = walkCount(model);
  if (model.mode === 'native' || count.faulted || count.spared > 0) return [];
  if (count.usedFormula === `${count.used}`) return [];
  const { n, m } = count;
  const nested = nestedName(model.mode);
  const lowest = levelName(model.n - n + 1);
  const rows = n === 1 ? `the guest ${lowest} row` : `the guest ${levelName(model.n)}…${lowest} rows`;
  const nestedRefs = model.refs.filter((r) => r.type === 'nested-read');
  return [
    {
      count: n + m,
      text: `Not ${n + m}: that counts the guest walk (${n}) and only the final gPA through the ${nested} (${m}); it leaves out the ${n * m} ${nested} cells of ${rows}, the walks that translate each guest table's own gPA.`,
      cells: nestedRefs.filter((r) => r.guestLevel > 0).map(refKey),
      addsData: false,
    },
    {
      count: n * m + n,
      text: `Not ${n * m + n}: that forgets the final gPA's walk; it leaves out the ${m} ${nested} cells of the final gPA row.`,
      cells: nestedRefs.filter((r) => r.guestLevel === 0).map(refKey),
      addsData: false,
    },
    {
      count: count.used + 1,
      text: `Not ${count.used + 1}: that counts the data access itself (the corner cell), which uses the translation but is not a step of it.`,
      cells: [],
      addsData: true,
    },
  ];
}

/** The summary's lead: the breakdown, with caches the cells and references as made. */
export function summaryLead(model: WalkModel): string {
  const count = walkCount(model);
  const head = `${breakdownText(model)}${count.faulted ? '' : ` ${count.spared > 0 ? 'cells' : 'memory references'}`}`;
  if (count.spared === 0) return `${head}.`;
  return `${head}: caches spared ${count.spared}, so ${plural(count.performed, 'memory reference')} were made.`;
}
