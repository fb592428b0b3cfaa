/** The chart's legend, inside the SVG so an exported PNG keeps it: a line sample and the label. */
import type { Series } from '../../state/sweep-selectors';
import { markerPath, seriesStyle } from './series-style';

const ROW = 22;

export function ChartLegend({ series, x, y }: { series: readonly Series[]; x: number; y: number }) {
  return (
    <g className="chart-legend" transform={`translate(${x},${y})`} aria-label="Legend">
      {series.map((s, i) => {
        const style = seriesStyle(s.configuration);
        return (
          <g key={s.configuration.id} transform={`translate(0,${i * ROW + ROW / 2})`}>
            <g color={style.color === 'currentColor' ? undefined : style.color}>
              <line x1={0} x2={28} stroke="currentColor" strokeWidth={2.25} strokeDasharray={style.dash} />
              <path d={markerPath(style.marker, 4)} transform="translate(14,0)" fill="currentColor" />
            </g>
            <text x={36} dy="0.35em" fill="currentColor">
              {s.configuration.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
