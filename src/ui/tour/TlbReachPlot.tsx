/**
 * The closing question as a plot (docs/tour.md): the share of RAM the Skylake preset's data TLBs
 * cover with 4 KiB, 2 MiB and 1 GiB pages, for RAM from 1 GiB to 16 TiB, and what a miss beyond
 * that reach costs with 4- and 5-level tables.
 */
import { line, scaleLog } from 'd3';
import {
  bytesLabel,
  missReferences,
  PAGE_SIZES,
  RAM_SIZES,
  reachShare,
  tlbReachBytes,
  type PageSize,
} from '../../engine';

const W = 560;
const H = 260;
const M = { left: 70, right: 90, top: 12, bottom: 44 };
const DASH: Readonly<Record<PageSize, string>> = { '4K': '', '2M': '6 4', '1G': '2 3' };
const COLOR: Readonly<Record<PageSize, string>> = {
  '4K': 'var(--guest)',
  '2M': 'var(--nested)',
  '1G': 'var(--data)',
};

const percent = (share: number): string => `${+(share * 100).toPrecision(2)} %`;

export function TlbReachPlot() {
  const x = scaleLog()
    .domain([RAM_SIZES[0] ?? 1, RAM_SIZES[RAM_SIZES.length - 1] ?? 2])
    .range([M.left, W - M.right]);
  const y = scaleLog()
    .domain([1e-7, 1])
    .range([H - M.bottom, M.top])
    .clamp(true);
  const series = PAGE_SIZES.map((size) => {
    const reach = tlbReachBytes('skylake', size);
    const points = RAM_SIZES.map((ram) => [ram, Math.max(reachShare(reach, ram), 1e-7)] as const);
    return { size, reach, points };
  });
  const path = line<readonly [number, number]>()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]));
  const yTicks = [1e-7, 1e-5, 1e-3, 1e-1];
  return (
    <figure className="tour-figure panel" data-testid="figure-tlb-reach">
      <figcaption>
        <b>TLB reach against RAM</b>: the share of RAM that Skylake’s data TLBs cover (log scales)
      </figcaption>
      <svg
        className="tour-plot"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={series
          .map(
            (s) =>
              `${s.size} pages reach ${bytesLabel(s.reach)}: ${percent(reachShare(s.reach, RAM_SIZES[RAM_SIZES.length - 1] ?? 1))} of 16 TiB`,
          )
          .join('; ')}
      >
        <g className="tour-grid">
          {yTicks.map((t) => (
            <g key={t}>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
              <text x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle" fontSize={12}>
                {percent(t)}
              </text>
            </g>
          ))}
          {RAM_SIZES.map((ram) => (
            <text key={ram} x={x(ram)} y={H - M.bottom + 16} textAnchor="middle" fontSize={12}>
              {bytesLabel(ram)}
            </text>
          ))}
          <text x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle" fontSize={12}>
            RAM
          </text>
        </g>
        {series.map((s) => {
          const end = s.points[s.points.length - 1];
          return (
            <g key={s.size}>
              <path
                d={path(s.points) ?? ''}
                fill="none"
                stroke={COLOR[s.size]}
                strokeWidth={2.5}
                strokeDasharray={DASH[s.size]}
              />
              {end && (
                <text x={x(end[0]) + 6} y={y(end[1])} dominantBaseline="middle" fontSize={12}>
                  {s.size}: {bytesLabel(s.reach)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <table>
        <caption>References per TLB miss, guest and EPT pages of one size</caption>
        <thead>
          <tr>
            <th scope="col" />
            {PAGE_SIZES.map((size) => (
              <th key={size} scope="col">
                {size}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {([4, 5] as const).map((levels) => (
            <tr key={levels}>
              <th scope="row">{levels}-level, nested (native)</th>
              {PAGE_SIZES.map((size) => {
                const cost = missReferences(levels, size);
                return (
                  <td key={size}>
                    {cost.nested} ({cost.native})
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
