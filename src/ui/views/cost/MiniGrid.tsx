import { memo } from 'react';
import { scaleBand } from 'd3';
import { nestedWalkReferences } from '../../../engine';

const CELL = 22;

/** The shape of any n × m walk: (n + 1)(m + 1) − 1 cells, numbered in walk order on hover. */
function MiniGridView({ n, m, hatchId }: { n: number; m: number; hatchId: string }) {
  const rows = [...Array.from({ length: n }, (_, i) => n - i), 0];
  const cols = [...Array.from({ length: m }, (_, i) => m - i), 0];
  const x = scaleBand<number>()
    .domain(cols)
    .range([0, cols.length * CELL])
    .paddingInner(0.2);
  const y = scaleBand<number>()
    .domain(rows)
    .range([0, rows.length * CELL])
    .paddingInner(0.2);
  const s = x.bandwidth();
  let step = 0;
  return (
    <svg
      className="nw-minigrid"
      width={cols.length * CELL}
      height={rows.length * CELL}
      role="img"
      aria-label={`Walk shape: ${n} guest rows and the final row, ${m} nested columns and the guest column, ${nestedWalkReferences(n, m)} references`}
    >
      {rows.map((r) =>
        cols.map((c) => {
          if (r === 0 && c === 0) {
            return (
              <rect key="data" className="nw-mini-data" x={x(c)} y={y(r)} width={s} height={s} rx={2}>
                <title>data access (not counted)</title>
              </rect>
            );
          }
          step++;
          const title = `${step}: ${c === 0 ? `guest level ${r}` : `nested level ${c} for ${r === 0 ? 'the data gPA' : `guest level ${r}`}`}`;
          return c === 0 ? (
            <rect key={`${r}:${c}`} className="nw-mini-guest" x={x(c)} y={y(r)} width={s} height={s} rx={2}>
              <title>{title}</title>
            </rect>
          ) : (
            <circle
              key={`${r}:${c}`}
              className="nw-mini-nested"
              cx={(x(c) ?? 0) + s / 2}
              cy={(y(r) ?? 0) + s / 2}
              r={s / 2}
              fill={`url(#${hatchId})`}
            >
              <title>{title}</title>
            </circle>
          );
        }),
      )}
    </svg>
  );
}

/** Drawn again only when its props change, not on every step of the walk. */
export const MiniGrid = memo(MiniGridView);
