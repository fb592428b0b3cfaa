import type { GridCell } from '../model/grid-model';

export interface GridCellMarkProps {
  cell: GridCell;
  cx: number;
  cy: number;
  size: number;
  /** Move the cursor to this cell's step (click, Enter or Space on the cell). */
  onSeek?: (step: number) => void;
  /** Pointed at from elsewhere (a wrong count's left-out cells). */
  marked?: boolean;
}

const LIT = new Set(['done', 'current']);

/**
 * One grid cell: a square for a guest-entry read, a (hatched when lit) circle for a nested read.
 * Its name is the aria-label alone: an SVG <title> beside it would be read as the cell's text too,
 * and a name that differs from the text on the cell confuses speech input.
 */
export function GridCellMark({ cell, cx, cy, size, onSeek, marked = false }: GridCellMarkProps) {
  const lit = LIT.has(cell.state);
  const className = [
    'nw-cell',
    `is-${cell.kind}`,
    `is-${cell.state}`,
    lit ? 'is-lit' : '',
    cell.fault ? 'is-fault' : '',
    marked ? 'is-marked' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const text = cell.ref
    ? String(cell.ref.step)
    : cell.state === 'skipped'
      ? (cell.skipLabel ?? 'hit')
      : cell.state === 'not-performed'
        ? '–'
        : '·';
  const half = size / 2;
  const step = cell.ref?.step;
  const seek = onSeek && step !== undefined ? () => onSeek(step) : undefined;
  return (
    <g
      role="gridcell"
      className={className + (seek ? ' is-jump' : '')}
      aria-label={cell.label}
      tabIndex={seek ? 0 : undefined}
      onClick={seek}
      onKeyDown={
        seek &&
        ((e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          seek();
        })
      }
      aria-current={cell.state === 'current' ? 'step' : undefined}
      data-step={cell.ref?.step}
      data-state={cell.state}
      data-marked={marked || undefined}
    >
      {cell.kind === 'guest' ? (
        <rect className="nw-cell-shape" x={cx - half} y={cy - half} width={size} height={size} rx={5} />
      ) : (
        <circle className="nw-cell-shape" cx={cx} cy={cy} r={half} />
      )}
      <text className="nw-cell-num" x={cx} y={cy} aria-hidden="true">
        {cell.fault ? `✕${text}` : text}
      </text>
    </g>
  );
}

export interface DataCellMarkProps {
  cx: number;
  cy: number;
  size: number;
  lit: boolean;
  label: string;
  marked?: boolean;
}

/** The data access the walk was for: not a translation reference, so not numbered. */
export function DataCellMark({ cx, cy, size, lit, label, marked = false }: DataCellMarkProps) {
  const half = size / 2;
  return (
    <g
      role="gridcell"
      aria-label={label}
      className={`nw-cell nw-cell-data${lit ? ' is-lit' : ''}${marked ? ' is-marked' : ''}`}
      data-marked={marked || undefined}
    >
      <rect className="nw-cell-shape" x={cx - half} y={cy - half} width={size} height={size} rx={5} />
      <text className="nw-cell-num" x={cx} y={cy} aria-hidden="true">
        data
      </text>
    </g>
  );
}
