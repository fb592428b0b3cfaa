/**
 * The two-dimensional walk as a grid: rows guest levels n…1 and the final gPA, columns nested
 * levels m…1 and the guest-entry read. Cells are numbered in walk order from the events and lit
 * as the cursor passes them.
 */
import { useId, useMemo, useRef, type CSSProperties } from 'react';
import { line } from 'd3';
import type { WalkEvent } from '../../engine';
import { readWalk } from './model/walk-model';
import { buildGrid, type CellHighlight, type GridCell } from './model/grid-model';
import { walkCount } from './model/formula';
import { hex } from './model/names';
import { gridLayout } from './grid/grid-layout';
import { DataCellMark, GridCellMark } from './grid/GridCellMark';
import { GridColumnHeaders, GridRowHeader } from './grid/GridHeaders';
import { GridLegend } from './grid/GridLegend';
import { HatchPattern, safeId } from './HatchPattern';
import { useD3Transform } from './hooks/useD3Transform';
import { useReducedMotion } from './hooks/useReducedMotion';
import { useElementWidth } from './hooks/useElementWidth';
import './styles/base.css';
import './styles/walk-grid.css';

export interface WalkGridProps {
  events: readonly WalkEvent[];
  /** References revealed: a step ≤ cursor is done, step === cursor is current. */
  cursor: number;
  /** Clicking or pressing Enter on a numbered cell moves the cursor to its step. */
  onSeek?: (step: number) => void;
  /** Cells another view points at (shown only once the walk is finished, where the summary is). */
  highlight?: CellHighlight | null;
}

export function WalkGrid({ events, cursor, onSeek, highlight }: WalkGridProps) {
  const model = useMemo(() => readWalk(events), [events]);
  const grid = useMemo(() => buildGrid(model, cursor), [model, cursor]);
  const layout = useMemo(() => gridLayout(grid), [grid]);
  const count = walkCount(model);
  const reactId = useId();
  const hatchId = safeId(reactId, 'hatch');
  const titleId = safeId(reactId, 'title');
  const reduced = useReducedMotion();
  // User units per screen pixel: lets the labels keep a screen size however the grid is scaled.
  const svgRef = useRef<SVGSVGElement>(null);
  const drawnWidth = useElementWidth(svgRef);
  const unit = drawnWidth ? layout.width / drawnWidth : 1;

  const current = grid.cells.find((c) => c.state === 'current');
  const ringRef = useRef<SVGGElement>(null);
  const [rx, ry] = current ? layout.center(current.row, current.col) : [0, 0];
  useD3Transform(ringRef, `translate(${rx},${ry})`, reduced);

  // Walk order within each row (nested reads, then the guest read): one polyline per row.
  const trail = useMemo(() => {
    const done = (c: GridCell) => c.ref !== undefined && c.ref.step <= grid.cursor;
    return grid.rows
      .map((row) =>
        grid.cells.filter((c) => c.row === row && done(c)).map((c) => layout.center(c.row, c.col)),
      )
      .filter((points) => points.length > 1)
      .map((points) => line()(points) ?? '')
      .join('');
  }, [grid, layout]);

  const result = model.result;
  const dataLit = grid.finished && result?.outcome === 'ok';
  const dataLabel = dataLit
    ? `Data access at hPA ${hex(result.pa ?? 0)} (not counted as a translation reference)`
    : 'Data access (not counted as a translation reference)';
  const ringSize = layout.size + 10;
  const lit = grid.finished && highlight ? highlight : null;
  const litCells = new Set(lit?.cells);
  const native = model.mode === 'native';

  return (
    <section className="nw-view nw-grid" aria-label="Two-dimensional walk grid">
      <div className="nw-grid-head">
        <span className="nw-formula" data-testid="grid-formula">
          {count.faulted ? 'up to ' : 'this walk: '}
          <b>{count.faulted ? count.full : native ? count.used : count.usedFormula}</b>
        </span>
        {count.shortened && (
          <span className="nw-muted">
            large pages: n = {count.n}
            {native ? '' : `, m = ${count.m}`} of the structures&apos; {count.full}
          </span>
        )}
        {count.spared > 0 && (
          <span className="nw-muted" data-testid="grid-spared">
            {count.spared} spared by caches: {count.performed} reference{count.performed === 1 ? '' : 's'}
          </span>
        )}
        {lit && (
          <span className="nw-grid-highlight" data-testid="grid-highlight">
            Marked: {lit.label}
          </span>
        )}
        {grid.finished && count.faulted && (
          <span className="nw-muted">
            stopped by the fault after {count.performed} of up to {count.fullTotal}
          </span>
        )}
        <span className="nw-muted" aria-live="off">
          step {grid.cursor} of {model.total}
        </span>
      </div>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="grid"
        aria-labelledby={titleId}
        aria-rowcount={grid.rows.length + 1}
        aria-colcount={grid.cols.length + 1}
        className={lit ? 'has-highlight' : undefined}
        style={{ '--nw-hatch': `url(#${hatchId})`, '--nw-unit': unit.toFixed(3) } as CSSProperties}
      >
        <title id={titleId}>
          {native
            ? `Native walk: ${count.used} references`
            : `Walk grid: ${model.n} guest levels by ${model.m} nested levels; this walk uses ${count.usedFormula} cells`}
        </title>
        <defs>
          <HatchPattern id={hatchId} />
        </defs>
        <GridColumnHeaders cols={grid.cols} layout={layout} mode={model.mode} />
        {trail && <path className="nw-trail" d={trail} aria-hidden="true" />}
        {grid.rows.map((row) => (
          <g role="row" key={row}>
            <GridRowHeader row={row} layout={layout} mode={model.mode} />
            {grid.cells
              .filter((c) => c.row === row)
              .map((cell) => {
                const [cx, cy] = layout.center(cell.row, cell.col);
                return (
                  <GridCellMark
                    key={cell.key}
                    cell={cell}
                    cx={cx}
                    cy={cy}
                    size={layout.size}
                    onSeek={onSeek}
                    marked={litCells.has(cell.key)}
                  />
                );
              })}
            {row === 0 && (
              <DataCellMark
                {...centerOf(layout.center(0, 0))}
                size={layout.size}
                lit={dataLit}
                label={dataLabel}
                marked={lit?.data === true}
              />
            )}
          </g>
        ))}
        {current && (
          <g ref={ringRef} aria-hidden="true">
            <rect
              className="nw-ring"
              x={-ringSize / 2}
              y={-ringSize / 2}
              width={ringSize}
              height={ringSize}
              rx={current.kind === 'nested' ? ringSize / 2 : 8}
            />
          </g>
        )}
      </svg>
      <GridLegend mode={model.mode} hatchId={hatchId} cached={count.spared > 0} />
    </section>
  );
}

const centerOf = ([cx, cy]: [number, number]) => ({ cx, cy });
