/**
 * The events in order, one column each, with the exits each caused in shadow mode (top row) and
 * in EPT mode (bottom row); the event under the cursor is outlined, the ones not yet run are faint.
 * d3's band scale places the columns; React draws them.
 */
import { scaleBand } from 'd3';
import { tdpNames, type HvReport } from '../../../engine';

const WIDTH = 900;
const ROW = 34;
const LEFT = 70;

export function EventTimeline({
  shadow,
  tdp,
  current,
}: {
  shadow: HvReport;
  tdp: HvReport;
  current: number;
}) {
  const x = scaleBand<number>()
    .domain(shadow.events.map((e) => e.index))
    .range([LEFT, WIDTH])
    .paddingInner(0.12);
  const rows = [
    { label: 'shadow', report: shadow },
    { label: tdpNames(tdp.mode).table, report: tdp },
  ];
  const summary = `${shadow.events.length} events; exits per event in shadow mode: ${shadow.events.map((e) => e.exits.length).join(', ')}; in ${tdpNames(tdp.mode).table} mode: ${tdp.events.map((e) => e.exits.length).join(', ')}.`;
  return (
    <figure className="hv-timeline">
      <svg
        viewBox={`0 0 ${WIDTH} ${ROW * 2 + 8}`}
        width={WIDTH}
        role="img"
        aria-label={`Exits per event. ${summary}`}
      >
        {rows.map((row, r) => (
          <g key={row.label} transform={`translate(0, ${r * ROW + 4})`}>
            <text x={0} y={ROW / 2} dominantBaseline="middle" className="hv-svg-label">
              {row.label}
            </text>
            {row.report.events.map((e) => {
              const count = e.exits.length;
              const done = e.index <= current;
              return (
                <g key={e.index} transform={`translate(${x(e.index) ?? 0}, 0)`} opacity={done ? 1 : 0.35}>
                  <rect
                    width={x.bandwidth()}
                    height={ROW - 6}
                    className={`hv-cell${count > 0 ? ' has-exit' : ''}${e.index === current ? ' is-current' : ''}`}
                  />
                  {count > 0 && (
                    <text
                      x={x.bandwidth() / 2}
                      y={(ROW - 6) / 2}
                      textAnchor="middle"
                      dominantBaseline="middle"
                      className="hv-cell-num"
                    >
                      {count}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption className="hv-muted">
        Exits per event (a number: that many VM exits; empty: none).
      </figcaption>
    </figure>
  );
}
