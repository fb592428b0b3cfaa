/**
 * Results as lines: one per configuration, log-scale heap size across, the chosen metric up.
 * d3 computes scales, paths and axes; React renders the SVG. Styling is in attributes, not CSS,
 * so the PNG export (the SVG drawn on a canvas) looks the same.
 */
import { useMemo, useRef, type Ref } from 'react';
import { axisBottom, axisLeft } from 'd3';
import type { Series } from '../../state/sweep-selectors';
import type { SweepMetric } from '../../state/sweep-store';
import { CHART, METRIC_LABEL, PLOT, chartScales, linePath } from './chart-layout';
import { ChartLegend } from './ChartLegend';
import { formatBytes, formatValue } from './format';
import { markerPath, seriesStyle } from './series-style';
import { useD3Axis } from './useD3Axis';

export interface SweepChartProps {
  readonly series: readonly Series[];
  readonly heapSizes: readonly number[];
  readonly metric: SweepMetric;
  readonly svgRef?: Ref<SVGSVGElement>;
  /** What the run was (workload, caches, accesses): under the legend, so an exported PNG says it too. */
  readonly notes?: readonly string[];
  /** What the empty plot says (before the first point, or when no point has this metric). */
  readonly emptyText?: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function SweepChart({
  series,
  heapSizes,
  metric,
  svgRef,
  notes = [],
  emptyText = 'Results appear here as the points finish.',
}: SweepChartProps) {
  const scales = useMemo(() => chartScales(heapSizes, series, metric), [heapSizes, series, metric]);
  const xAxis = useMemo(
    () =>
      axisBottom(scales.x)
        .tickValues([...heapSizes])
        .tickFormat((d) => formatBytes(Number(d))),
    [scales, heapSizes],
  );
  const yAxis = useMemo(() => axisLeft(scales.y).ticks(6).tickSizeInner(-PLOT.width), [scales]);
  const xRef = useRef<SVGGElement>(null);
  const yRef = useRef<SVGGElement>(null);
  useD3Axis(xRef, xAxis);
  useD3Axis(yRef, yAxis);
  const empty = series.every((s) => s.points.length === 0);

  return (
    <svg
      ref={svgRef}
      className="sweep-chart"
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      role="img"
      aria-label={`Chart: ${METRIC_LABEL[metric]} by heap size, one line per configuration`}
      fontFamily={FONT}
      fontSize={13}
    >
      <rect className="chart-background" width={CHART.width} height={CHART.height} fill="none" />
      <g transform={`translate(${CHART.left},${CHART.top})`}>
        <g ref={yRef} className="y-axis" strokeOpacity={0.3} />
        <g ref={xRef} className="x-axis" transform={`translate(0,${PLOT.height})`} />
        <text x={PLOT.width / 2} y={PLOT.height + 40} textAnchor="middle" fill="currentColor">
          heap size (log scale)
        </text>
        <text
          transform={`translate(-48,${PLOT.height / 2}) rotate(-90)`}
          textAnchor="middle"
          fill="currentColor"
        >
          {METRIC_LABEL[metric]}
        </text>
        {empty && (
          <text x={PLOT.width / 2} y={PLOT.height / 2} textAnchor="middle" fill="currentColor" opacity={0.6}>
            {emptyText}
          </text>
        )}
        {drawOrder(series).map((s) => {
          const style = seriesStyle(s.configuration);
          const native = s.configuration.eptPageSize === null;
          return (
            <g key={s.configuration.id} color={style.color === 'currentColor' ? undefined : style.color}>
              <path
                className="sweep-line"
                data-configuration={s.configuration.id}
                d={linePath(scales, s.points)}
                fill="none"
                stroke="currentColor"
                strokeWidth={native ? 1.75 : 2.5}
                strokeDasharray={style.dash}
                strokeLinejoin="round"
              />
              {s.points.map((p) => (
                <path
                  key={p.heapBytes}
                  d={markerPath(style.marker, native ? 3.5 : 4.5)}
                  transform={`translate(${scales.x(p.heapBytes)},${scales.y(p.value)})`}
                  fill="currentColor"
                >
                  <title>{`${s.configuration.label} — ${formatBytes(p.heapBytes)}: ${formatValue(p.value)}`}</title>
                </path>
              ))}
            </g>
          );
        })}
      </g>
      <ChartLegend series={series} x={CHART.width - CHART.right + 24} y={CHART.top + 4} />
      <g className="chart-notes" fontSize={11.5} fill="currentColor" opacity={0.75}>
        {notes.map((note, i) => (
          <text
            key={note}
            x={CHART.width - CHART.right + 24}
            y={CHART.height - CHART.bottom - (notes.length - 1 - i) * 16}
          >
            {note}
          </text>
        ))}
      </g>
    </svg>
  );
}

/** Native lines last and thinner: where EPT matches native (1 GiB pages), both stay visible. */
const drawOrder = (series: readonly Series[]): Series[] =>
  [...series].sort(
    (a, b) => Number(a.configuration.eptPageSize === null) - Number(b.configuration.eptPageSize === null),
  );
