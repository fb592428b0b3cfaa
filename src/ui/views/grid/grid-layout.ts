/** Pixel layout of the walk grid from d3 band scales (rows: guest levels, columns: nested levels). */
import { scaleBand, type ScaleBand } from 'd3';
import type { GridModel } from '../model/grid-model';

// Room for the row and column labels at presenter size too (18 px on screen, see presenter.css).
export const LABEL_W = 150;
export const HEAD_H = 58;
export const BAND = 66;

export interface GridLayout {
  readonly x: ScaleBand<number>;
  readonly y: ScaleBand<number>;
  readonly size: number;
  readonly width: number;
  readonly height: number;
  readonly center: (row: number, col: number) => [number, number];
}

export function gridLayout(grid: GridModel): GridLayout {
  const width = LABEL_W + grid.cols.length * BAND + 6;
  const height = HEAD_H + grid.rows.length * BAND + 6;
  const x = scaleBand<number>()
    .domain(grid.cols)
    .range([LABEL_W, width - 6])
    .paddingInner(0.16)
    .paddingOuter(0.08);
  const y = scaleBand<number>()
    .domain(grid.rows)
    .range([HEAD_H, height - 6])
    .paddingInner(0.16)
    .paddingOuter(0.08);
  const size = Math.min(x.bandwidth(), y.bandwidth());
  const center = (row: number, col: number): [number, number] => [
    (x(col) ?? 0) + x.bandwidth() / 2,
    (y(row) ?? 0) + y.bandwidth() / 2,
  ];
  return { x, y, size, width, height, center };
}
