import { memo, useId, useMemo, useRef, type CSSProperties } from 'react';
import { useElementWidth } from '../hooks/useElementWidth';
import { line, scaleLinear } from 'd3';
import { nativeWalkReferences, nestedWalkReferences } from '../../../engine';
import { safeId } from '../HatchPattern';

const W = 360;
const H = 220;
// The right margin holds the line labels ("native, shadow" the longest), at presenter size too.
const M = { top: 22, right: 112, bottom: 36, left: 40 };
/** Line labels start this far right of the last point, clear of the mark drawn there at n = 5. */
const LABEL_GAP = 12;
const LEVELS = [1, 2, 3, 4, 5];

/** References against guest levels n, one line per nested depth m = 1…5, plus native (= shadow) n. */
function CostChartView({ n, m }: { n: number; m: number }) {
  const titleId = safeId(useId(), 'chart');
  const { x, y, lines, native } = useMemo(() => {
    const x = scaleLinear()
      .domain([1, 5])
      .range([M.left, W - M.right]);
    const y = scaleLinear()
      .domain([0, 35])
      .range([H - M.bottom, M.top]);
    const path = line<number[]>()
      .x((d) => x(d[0]!))
      .y((d) => y(d[1]!));
    const lines = LEVELS.map((mm) => ({
      m: mm,
      d: path(LEVELS.map((nn) => [nn, nestedWalkReferences(nn, mm)])) ?? '',
    }));
    const native = path(LEVELS.map((nn) => [nn, nativeWalkReferences(nn)])) ?? '';
    return { x, y, lines, native };
  }, []);
  const total = nestedWalkReferences(n, m);
  // User units per screen pixel, so presenter mode can size the labels in screen pixels.
  const svgRef = useRef<SVGSVGElement>(null);
  const drawnWidth = useElementWidth(svgRef);
  const unit = drawnWidth ? W / drawnWidth : 1;
  // The value beside its mark, turned away from the axes at the ends (n = 1: the y ticks).
  const valueAnchor = n === 5 ? 'end' : n === 1 ? 'start' : 'middle';
  const valueDx = n === 5 ? -10 : n === 1 ? 10 : 0;
  return (
    <svg
      ref={svgRef}
      className="nw-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={titleId}
      style={{ '--nw-unit': unit.toFixed(3) } as CSSProperties}
    >
      <title id={titleId}>
        {`References per TLB miss: ${total} at n = ${n}, m = ${m}; lines for m = 1 to 5, and ${nativeWalkReferences(n)} natively or with shadow paging.`}
      </title>
      {y.ticks(7).map((t) => (
        <g key={t}>
          <line className="nw-chart-grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text className="nw-chart-tick" x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="central">
            {t}
          </text>
        </g>
      ))}
      {LEVELS.map((t) => (
        <text key={t} className="nw-chart-tick" x={x(t)} y={H - M.bottom + 14} textAnchor="middle">
          {t}
        </text>
      ))}
      <text className="nw-chart-axis" x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle">
        guest levels n
      </text>
      <path className="nw-chart-native" d={native} />
      <text
        className="nw-chart-label is-native"
        x={W - M.right + LABEL_GAP}
        y={y(5)}
        dominantBaseline="central"
      >
        native, shadow
      </text>
      <text className="nw-chart-axis" x={M.left - 30} y={10}>
        references per TLB miss
      </text>
      {lines.map((l) => (
        <g key={l.m} className={`nw-chart-line${l.m === m ? ' is-current' : ''}`}>
          <path d={l.d} />
          <text x={W - M.right + LABEL_GAP} y={y(nestedWalkReferences(5, l.m))} dominantBaseline="central">
            m={l.m}
          </text>
        </g>
      ))}
      <circle className="nw-chart-mark" cx={x(n)} cy={y(total)} r={6} />
      <text className="nw-chart-value" x={x(n) + valueDx} y={y(total) - 12} textAnchor={valueAnchor}>
        {total}
      </text>
    </svg>
  );
}

/** Drawn again only when its props change, not on every step of the walk. */
export const CostChart = memo(CostChartView);
