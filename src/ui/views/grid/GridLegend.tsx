import type { PagingMode } from '../../../engine';
import { nestedName } from '../model/names';

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
      <span>
        <svg width={16} height={16}>
          <rect x={1} y={1} width={14} height={14} rx={2} fill="var(--nw-guest)" />
        </svg>
        guest entry read
      </span>
      {mode !== 'native' && (
        <span>
          <svg width={16} height={16}>
            <circle cx={8} cy={8} r={7} fill={`url(#${hatchId})`} stroke="var(--nw-nested)" />
          </svg>
          {nestedName(mode)} entry read
        </span>
      )}
      <span>
        <svg width={16} height={16}>
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
        </svg>
        current step
      </span>
      <span>
        <svg width={16} height={16}>
          <rect x={1} y={1} width={14} height={14} rx={2} fill="var(--nw-fault)" />
        </svg>
        fault
      </span>
      <span>
        <svg width={16} height={16}>
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
        </svg>
        not performed
      </span>
      {cached && (
        <span>
          <svg width={16} height={16}>
            <circle cx={8} cy={8} r={7} fill="var(--nw-line)" />
          </svg>
          spared by a cache (TLB / PWC)
        </span>
      )}
    </div>
  );
}
