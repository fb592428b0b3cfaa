/** The chart's geometry and scales: log-2 heap size across, the chosen metric up. */
import { line, scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3';
import type { SweepMetric } from '../../state/sweep-store';
import { isRateMetric, type Series, type SeriesPoint } from '../../state/sweep-selectors';

export const CHART = { width: 920, height: 400, left: 64, right: 250, top: 18, bottom: 50 } as const;

export const PLOT = {
  width: CHART.width - CHART.left - CHART.right,
  height: CHART.height - CHART.top - CHART.bottom,
};

export const METRIC_LABEL: Record<SweepMetric, string> = {
  references: 'translation memory references per access',
  time: 'estimated time per access (ns)',
  'tlb-hits': 'accesses translated by a TLB (%)',
  'walk-cache-hits': 'paging-structure-cache lookups that hit (%)',
};

/** The metric in a word or two, beside a value in the table. */
export const METRIC_SHORT: Record<SweepMetric, string> = {
  references: 'refs',
  time: 'ns',
  'tlb-hits': 'TLB hits',
  'walk-cache-hits': 'PSC hits',
};

export interface ChartScales {
  readonly x: ScaleLogarithmic<number, number>;
  readonly y: ScaleLinear<number, number>;
}

export function chartScales(
  heapSizes: readonly number[],
  series: readonly Series[],
  metric: SweepMetric,
): ChartScales {
  const low = heapSizes[0] ?? 2 ** 20;
  const high = heapSizes.at(-1) ?? 2 ** 30;
  // One heap size still needs a span to place it in the middle of.
  const domain = low === high ? [low / 2, high * 2] : [low, high];
  const x = scaleLog().base(2).domain(domain).range([0, PLOT.width]);
  const max = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const y = scaleLinear()
    .domain([0, isRateMetric(metric) ? 100 : max > 0 ? max * 1.05 : 1])
    .nice()
    .range([PLOT.height, 0]);
  return { x, y };
}

export function linePath(scales: ChartScales, points: readonly SeriesPoint[]): string {
  return (
    line<SeriesPoint>()
      .x((p) => scales.x(p.heapBytes))
      .y((p) => scales.y(p.value))(points) ?? ''
  );
}
