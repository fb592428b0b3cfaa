import type { GridLayout } from './grid-layout';
import { HEAD_H, LABEL_W } from './grid-layout';
import type { PagingMode } from '../../../engine';
import { levelName, nestedName } from '../model/names';

/** Column headers: two lines ("EPT" / "PML4", "guest" / "entry") so they fit one band. */
export function GridColumnHeaders({
  cols,
  layout,
  mode,
}: {
  cols: readonly number[];
  layout: GridLayout;
  mode: PagingMode;
}) {
  return (
    <g role="row">
      <g role="columnheader" aria-label="guest level">
        <text className="nw-axis-sub" x={LABEL_W - 12} y={HEAD_H - 12} textAnchor="end">
          guest ↓ · {mode === 'native' ? '' : nestedName(mode)} →
        </text>
      </g>
      {cols.map((col) => {
        const [cx] = layout.center(0, col);
        const top = col === 0 ? (mode === 'native' ? 'table' : 'guest') : nestedName(mode);
        const bottom = col === 0 ? 'entry' : levelName(col);
        return (
          <g role="columnheader" key={col} aria-label={`${top} ${bottom}`}>
            <text className="nw-axis-sub" x={cx} y={HEAD_H - 30} textAnchor="middle">
              {top}
            </text>
            <text className="nw-axis-label" x={cx} y={HEAD_H - 10} textAnchor="middle" fontWeight={600}>
              {bottom}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** A row header: "guest PML4" with the level, or "final gPA" for the data translation. */
export function GridRowHeader({ row, layout, mode }: { row: number; layout: GridLayout; mode: PagingMode }) {
  const [, cy] = layout.center(row, 0);
  const main = row === 0 ? 'final gPA' : levelName(row);
  const sub = row === 0 ? 'data → hPA' : mode === 'native' ? `level ${row}` : `guest · level ${row}`;
  return (
    <g role="rowheader" aria-label={row === 0 ? 'final gPA to hPA' : `guest ${levelName(row)}`}>
      <text className="nw-axis-label" x={LABEL_W - 12} y={cy - 4} textAnchor="end" fontWeight={600}>
        {main}
      </text>
      <text className="nw-axis-sub" x={LABEL_W - 12} y={cy + 16} textAnchor="end">
        {sub}
      </text>
    </g>
  );
}
