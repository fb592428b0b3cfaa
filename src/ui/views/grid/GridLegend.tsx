import type { ReactNode } from 'react';
import type { PagingMode } from '../../../engine';
import { nestedName } from '../model/names';

/** One key entry: a 16 px mark drawn as the grid draws it, then its meaning. */
function LegendItem({ mark, children }: { mark: ReactNode; children: ReactNode }) {
  return (
    <span>
      <svg width={16} height={16}>
        {mark}
      </svg>
      {children}
    </span>
  );
}

/** Key to the grid's marks: shape and hatching tell guest from nested without colour. */
export function GridLegend({
  mode,
  hatchId,
  cached,
}: {
  mode: PagingMode;
  hatchId: string;
  cached: boolean;
}) {
  return (
    <div className="nw-legend" aria-hidden="true">
      <LegendItem mark={<rect x={1} y={1} width={14} height={14} rx={2} fill="var(--nw-guest)" />}>
        guest entry read
      </LegendItem>
      {mode !== 'native' && (
        <LegendItem mark={<circle cx={8} cy={8} r={7} fill={`url(#${hatchId})`} stroke="var(--nw-nested)" />}>
          {nestedName(mode)} entry read
        </LegendItem>
      )}
      <LegendItem
        mark={
          <rect
            x={2}
            y={2}
            width={12}
            height={12}
            rx={2}
            fill="none"
            stroke="var(--nw-fg)"
            strokeWidth={2.5}
          />
        }
      >
        current step
      </LegendItem>
      <LegendItem mark={<rect x={1} y={1} width={14} height={14} rx={2} fill="var(--nw-fault)" />}>
        fault
      </LegendItem>
      <LegendItem
        mark={
          <rect
            x={1.5}
            y={1.5}
            width={13}
            height={13}
            rx={2}
            fill="none"
            stroke="var(--nw-muted)"
            strokeDasharray="3 2"
          />
        }
      >
        not performed
      </LegendItem>
      {cached && (
        <LegendItem mark={<circle cx={8} cy={8} r={7} fill="var(--nw-line)" />}>
          spared by a cache (TLB / PWC)
        </LegendItem>
      )}
    </div>
  );
}
