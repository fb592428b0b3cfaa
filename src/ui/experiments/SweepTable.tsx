/**
 * The results as a table: a row per configuration, a column per heap size, time and references in
 * each cell — and the hit rate the chart shows, when it shows one.
 */
import { useMemo } from 'react';
import { isRateMetric, metricValue, selectTable, type Cell } from '../../state/sweep-selectors';
import type { SweepMetric } from '../../state/sweep-store';
import type { PointMeasurement } from '../../worker/sweep-protocol';
import { useSweep } from './sweep-store-context';
import { formatBytes, formatNs, formatRefs, formatSlowdown, formatValue } from './format';
import { METRIC_SHORT } from './chart-layout';
import { markerPath, seriesStyle } from './series-style';

export function SweepTable() {
  const plan = useSweep((s) => s.plan);
  const results = useSweep((s) => s.results);
  const errors = useSweep((s) => s.errors);
  const status = useSweep((s) => s.status);
  const metric = useSweep((s) => s.metric);
  const { heapSizes, rows } = useMemo(() => selectTable(plan, results, errors), [plan, results, errors]);
  if (rows.length === 0) return null;

  return (
    <div className="sweep-table-wrap">
      <table className="sweep-table">
        <caption>
          Average per access: estimated time, then translation memory references (and the slowdown against
          native paging with the same guest pages){isRateMetric(metric) && <>, then {METRIC_SHORT[metric]}</>}
          .
        </caption>
        <thead>
          <tr>
            <th scope="col">Configuration</th>
            {heapSizes.map((heap) => (
              <th scope="col" key={heap} className="num">
                {formatBytes(heap)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ configuration, cells }) => {
            const style = seriesStyle(configuration);
            return (
              <tr key={configuration.id} data-configuration={configuration.id}>
                <th scope="row">
                  <svg width="30" height="12" aria-hidden="true" className="swatch">
                    <g color={style.color === 'currentColor' ? undefined : style.color}>
                      <line
                        x1={1}
                        x2={29}
                        y1={6}
                        y2={6}
                        stroke="currentColor"
                        strokeWidth={2.25}
                        strokeDasharray={style.dash}
                      />
                      <path
                        d={markerPath(style.marker, 3.5)}
                        transform="translate(15,6)"
                        fill="currentColor"
                      />
                    </g>
                  </svg>
                  {configuration.label}
                </th>
                {cells.map((cell, i) => (
                  <CellView key={heapSizes[i]} cell={cell} running={status === 'running'} metric={metric} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CellView({ cell, running, metric }: { cell: Cell; running: boolean; metric: SweepMetric }) {
  switch (cell.state) {
    case 'pending':
      return (
        <td className="num pending" aria-label={running ? 'running' : 'not measured'}>
          {running ? '…' : '—'}
        </td>
      );
    case 'error':
      return (
        <td className="num failed" title={cell.message}>
          error
        </td>
      );
    case 'measured': {
      const m = cell.measurement;
      return (
        <td className="num">
          <span className="ns">{formatNs(m.nsPerAccess)}</span>
          <span className="refs" title={splitText(m)}>
            {formatRefs(m.referencesPerAccess)}
            {cell.slowdown !== null && <> · {formatSlowdown(cell.slowdown)}</>}
          </span>
          {isRateMetric(metric) && <span className="rate">{rateText(m, metric)}</span>}
        </td>
      );
    }
  }
}

/** "TLB 98.4 %"; a dash where the point has no such rate (no caches, or no access walked). */
function rateText(m: PointMeasurement, metric: SweepMetric): string {
  const value = metricValue(m, metric);
  return `${METRIC_SHORT[metric]} ${value === null ? '—' : `${value.toFixed(1)} %`}`;
}

/** "2.87 in guest tables + 4.99 in EPT tables": the references by dimension (also in the CSV). */
function splitText(m: PointMeasurement): string {
  const guest = `${formatValue(m.guestReferencesPerAccess)} in guest tables`;
  return m.mode === 'native' ? guest : `${guest} + ${formatValue(m.nestedReferencesPerAccess)} in EPT tables`;
}
