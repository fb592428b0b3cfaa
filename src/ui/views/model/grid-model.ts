/**
 * The 2D grid as data: rows guest levels n…1 plus the final-gPA row (0), columns nested levels
 * m…1 plus the guest-entry column (0). Each cell knows its step (from the events), its state at
 * the cursor, and a sentence for assistive technology.
 */
import { guestTableName, nestedTableName, rowSubject } from './names';
import { clampCursor, isFinished, type Reference, type SkipMark, type WalkModel } from './walk-model';

/**
 * done / current / future: a reference at, before or after the cursor. pending: no reference in
 * this cell and the walk is not over yet. not-performed: the walk ended without it (a fault, a
 * large page). skipped: a cache hit supplied it.
 */
export type CellState = 'done' | 'current' | 'future' | 'pending' | 'not-performed' | 'skipped';

export interface GridCell {
  readonly key: string;
  /** Guest level n…1, or 0 for the final translation. */
  readonly row: number;
  /** Nested level m…1, or 0 for the guest-entry read. */
  readonly col: number;
  readonly kind: 'guest' | 'nested';
  readonly ref?: Reference;
  readonly state: CellState;
  /** The walk ended with a fault at this cell (shown once the walk is over). */
  readonly fault: boolean;
  /** "PWC" / "TLB" for a cell a cache hit spared. */
  readonly skipLabel?: string;
  readonly label: string;
}

/** Cells another view points at (a wrong count's left-out cells), lit in the grid. */
export interface CellHighlight {
  /** "row:col" keys (row 0 = final gPA, col 0 = the guest-entry read). */
  readonly cells: readonly string[];
  /** The data-access corner cell is meant too. */
  readonly data: boolean;
  /** "the 16 cells a count of 8 leaves out". */
  readonly label: string;
}

export interface GridModel {
  readonly rows: readonly number[];
  readonly cols: readonly number[];
  readonly cells: readonly GridCell[];
  readonly cursor: number;
  readonly finished: boolean;
}

const cellKey = (row: number, col: number) => `${row}:${col}`;

function describe(
  model: WalkModel,
  row: number,
  col: number,
  step: number | undefined,
  state: CellState,
): string {
  const what =
    col === 0
      ? `${guestTableName(model.mode, row)} entry read`
      : `${nestedTableName(model.mode, col)} entry read, translating ${rowSubject(model.mode, row)}`;
  const head = step === undefined ? what.charAt(0).toUpperCase() + what.slice(1) : `Step ${step}: ${what}`;
  const tail: Record<CellState, string> = {
    done: '',
    current: ' (current step)',
    future: ' (not yet)',
    pending: ' (not reached yet)',
    'not-performed': ' (not performed)',
    skipped: '',
  };
  return head + tail[state];
}

export function buildGrid(model: WalkModel, rawCursor: number): GridModel {
  const cursor = clampCursor(model, rawCursor);
  const finished = isFinished(model, cursor);
  const nested = model.mode !== 'native';
  const rows = [...Array.from({ length: model.n }, (_, i) => model.n - i), ...(nested ? [0] : [])];
  const cols = nested ? [...Array.from({ length: model.m }, (_, i) => model.m - i), 0] : [0];
  const byCell = new Map<string, Reference>();
  for (const ref of model.refs) {
    byCell.set(cellKey(ref.guestLevel, ref.type === 'nested-read' ? ref.nestedLevel : 0), ref);
  }
  const skipBy = new Map<string, SkipMark>();
  for (const s of model.skips) {
    const key = cellKey(s.guestLevel, s.nestedLevel);
    if (!skipBy.has(key)) skipBy.set(key, s);
  }
  const faultKey = model.fault ? cellKey(model.fault.guestLevel, model.fault.nestedLevel) : undefined;

  const cells: GridCell[] = [];
  for (const row of rows) {
    for (const col of cols) {
      if (row === 0 && col === 0) continue; // the data access itself: not a translation reference
      const key = cellKey(row, col);
      const ref = byCell.get(key);
      const mark = ref ? undefined : skipBy.get(key);
      // Spared only once the walk reaches the hit that spares it, not from step 0.
      const skip = mark && (mark.step === undefined ? finished : mark.step <= cursor) ? mark : undefined;
      const skipLabel = skip?.short;
      const state: CellState = ref
        ? ref.step < cursor
          ? 'done'
          : ref.step === cursor
            ? 'current'
            : 'future'
        : skipLabel !== undefined
          ? 'skipped'
          : finished
            ? 'not-performed'
            : 'pending';
      const fault = finished && ref !== undefined && key === faultKey;
      let label = describe(model, row, col, ref?.step, state);
      if (skip) label += ` — skipped: ${skip.label}`;
      if (fault) label += ` — the walk faulted here`;
      cells.push({
        key,
        row,
        col,
        kind: col === 0 ? 'guest' : 'nested',
        ref,
        state,
        fault,
        skipLabel,
        label,
      });
    }
  }
  return { rows, cols, cells, cursor, finished };
}

/** Row header text: "guest PML4" / "final gPA → hPA" (native: "PML4"). */
export const rowLabel = (model: WalkModel, row: number): string =>
  row === 0 ? 'final gPA → hPA' : guestTableName(model.mode, row);

/** Column header text: "EPT PML4" … "guest entry" (native: "entry"). */
export const colLabel = (model: WalkModel, col: number): string =>
  col === 0 ? (model.mode === 'native' ? 'entry' : 'guest entry') : nestedTableName(model.mode, col);
