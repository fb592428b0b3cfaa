/**
 * The reference count the views state: the levels this walk actually uses (n, m as walked, which
 * large pages shorten), with the paging structures' depth only as context. See docs/walk-view.md.
 */
import { nativeWalkReferences, nestedWalkReferences } from '../../../engine';
import type { WalkModel } from './walk-model';

/** "4·4 + 4 + 4 = 24" (native: "4 = 4"). */
export const formulaText = (n: number, m: number, native = false): string =>
  native ? `${n} = ${nativeWalkReferences(n)}` : `${n}·${m} + ${n} + ${m} = ${nestedWalkReferences(n, m)}`;

export interface WalkCount {
  /** The formula for the paging structures' depth (context only). */
  readonly full: string;
  readonly fullTotal: number;
  /** Guest levels and nested levels as walked (large pages end a walk early). */
  readonly n: number;
  readonly m: number;
  /** Grid cells the walk uses: references made plus cells a cache spared. */
  readonly used: number;
  /** The formula for the levels as walked ("4·3 + 4 + 3 = 19"), or the plain count when rows differ. */
  readonly usedFormula: string;
  /** Large pages made the walk shorter than the structures' depth. */
  readonly shortened: boolean;
  /** References the walk made (the counter's total). */
  readonly performed: number;
  /** Grid cells a cache hit spared. */
  readonly spared: number;
  /** The walk ended in a fault, so fewer cells than a full walk were used. */
  readonly faulted: boolean;
  /** Nested reads per row as walked, row n…0 (empty natively). */
  readonly nestedPerRow: readonly { readonly row: number; readonly reads: number }[];
}

const cellKey = (row: number, col: number) => `${row}:${col}`;

/** Every cell the walk used: references made and cells a cache spared, each once. */
function usedCells(model: WalkModel): Map<string, { row: number; col: number }> {
  const cells = new Map<string, { row: number; col: number }>();
  for (const r of model.refs) {
    const col = r.type === 'nested-read' ? r.nestedLevel : 0;
    cells.set(cellKey(r.guestLevel, col), { row: r.guestLevel, col });
  }
  for (const s of model.skips)
    cells.set(cellKey(s.guestLevel, s.nestedLevel), { row: s.guestLevel, col: s.nestedLevel });
  return cells;
}

export function walkCount(model: WalkModel): WalkCount {
  const native = model.mode === 'native';
  const fullTotal = native ? nativeWalkReferences(model.n) : nestedWalkReferences(model.n, model.m);
  const cells = [...usedCells(model).values()];
  const spared = new Set(model.skips.map((s) => cellKey(s.guestLevel, s.nestedLevel))).size;
  const faulted = model.result !== undefined && model.result.outcome !== 'ok';
  const rows = new Set(cells.filter((c) => c.col === 0 && c.row > 0).map((c) => c.row));
  const finalCols = new Set(cells.filter((c) => c.row === 0 && c.col > 0).map((c) => c.col));
  const n = faulted ? model.n : rows.size;
  const m = native ? 0 : faulted ? model.m : finalCols.size;
  const used = cells.length;
  const regular = faulted || used === (native ? nativeWalkReferences(n) : nestedWalkReferences(n, m));
  const nestedPerRow = native
    ? []
    : [...Array.from({ length: model.n }, (_, i) => model.n - i), 0]
        .map((row) => ({ row, reads: cells.filter((c) => c.row === row && c.col > 0).length }))
        .filter((r) => r.reads > 0);
  return {
    full: formulaText(model.n, model.m, native),
    fullTotal,
    n,
    m,
    used,
    usedFormula: faulted ? `${used}` : regular ? formulaText(n, m, native) : `${used}`,
    shortened: !faulted && (n !== model.n || m !== model.m),
    performed: model.total,
    spared,
    faulted,
    nestedPerRow,
  };
}
