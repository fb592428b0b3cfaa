/**
 * What a nested walk costs: n·m + n + m with live numbers, against the native and shadow-paging
 * cost n, a chart over n, m = 1…5, and the abstract shape of the walk for the chosen n and m.
 */
import { useId, useMemo } from 'react';
import type { WalkEvent } from '../../engine';
import { nativeWalkReferences, nestedWalkReferences, shadowWalkReferences } from '../../engine';
import { clampCursor, readWalk } from './model/walk-model';
import { formulaText } from './model/formula';
import { CostChart } from './cost/CostChart';
import { MiniGrid } from './cost/MiniGrid';
import { HatchPattern, safeId } from './HatchPattern';
import './styles/base.css';
import './styles/cost-panel.css';

export interface CostPanelProps {
  /** Guest levels (1…5). */
  n: number;
  /** Nested levels (1…5). */
  m: number;
  events?: readonly WalkEvent[];
  cursor?: number;
}

const clampLevel = (v: number) => Math.max(1, Math.min(5, Math.round(v)));

export function CostPanel({ n: rawN, m: rawM, events, cursor }: CostPanelProps) {
  const n = clampLevel(rawN);
  const m = clampLevel(rawM);
  const hatchId = safeId(useId(), 'hatch');
  const walk = useMemo(() => (events ? readWalk(events) : undefined), [events]);
  const total = nestedWalkReferences(n, m);
  const ratio = total / nativeWalkReferences(n);
  return (
    <section className="nw-view nw-cost" aria-label="Cost of a nested walk">
      <svg width={0} height={0} className="nw-defs" aria-hidden="true">
        <defs>
          <HatchPattern id={hatchId} size={6} />
        </defs>
      </svg>
      <div className="nw-cost-text">
        <p className="nw-cost-formula">
          <span className="nw-muted">n·m + n + m = </span>
          <b data-testid="cost-formula">{formulaText(n, m)}</b>
        </p>
        <p className="nw-muted nw-cost-small">
          = (n + 1)(m + 1) − 1 references per TLB miss, not counting the data access itself
        </p>
        <dl className="nw-cost-compare">
          <dt>2D walk (EPT / NPT)</dt>
          <dd>
            <b>{total}</b>
          </dd>
          <dt>native walk</dt>
          <dd>
            <b>{nativeWalkReferences(n)}</b>
          </dd>
          <dt>shadow paging</dt>
          <dd>
            <b>{shadowWalkReferences(n)}</b>{' '}
            <span className="nw-muted">but guest CR3 and PTE writes exit</span>
          </dd>
        </dl>
        <p className="nw-cost-small">
          A nested TLB miss costs <b>{ratio.toFixed(ratio % 1 === 0 ? 0 : 1)}×</b> a native one.
        </p>
        {walk && walk.total > 0 && (
          <p className="nw-cost-small" data-testid="cost-progress">
            This walk: {clampCursor(walk, cursor ?? walk.total)} of {walk.total} references
            {walk.result && walk.result.outcome !== 'ok' ? ' (ended by a fault)' : ''}
          </p>
        )}
      </div>
      <CostChart n={n} m={m} />
      <figure className="nw-cost-mini">
        <MiniGrid n={n} m={m} hatchId={hatchId} />
        <figcaption className="nw-muted">
          {n} guest + 1 rows × {m} nested + 1 columns
        </figcaption>
      </figure>
    </section>
  );
}
