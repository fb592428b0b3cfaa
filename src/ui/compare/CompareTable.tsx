/**
 * The comparison in numbers, from the walks the engine made: references per TLB miss, what the
 * paging structures' full depth would cost, and the cells large pages and caches took away.
 */
import type { WalkEvent } from '../../engine';
import { walkCount } from '../views/model/formula';
import { readWalk } from '../views/model/walk-model';

export interface ComparedWalk {
  readonly label: string;
  readonly events: readonly WalkEvent[];
}

const signed = (k: number): string => (k > 0 ? `+${k}` : k < 0 ? `−${-k}` : '±0');

export function CompareTable({ walks }: { walks: readonly ComparedWalk[] }) {
  const rows = walks.map((w) => {
    const model = readWalk(w.events);
    const count = walkCount(model);
    return {
      label: w.label,
      refs: model.total,
      full: count.fullTotal,
      byPages: count.faulted ? 0 : count.fullTotal - count.used,
      byCaches: count.spared,
    };
  });
  const first = rows[0];
  if (!first) return null;
  return (
    // Scrolls on its own on a phone; focusable, so a keyboard can scroll it too.
    <div className="compare-table-scroll" tabIndex={0} role="region" aria-labelledby="compare-table-title">
      <h2 id="compare-table-title" className="compare-table-title">
        References per TLB miss, as the engine walked them
      </h2>
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">Configuration</th>
            <th scope="col">References</th>
            <th scope="col">Than {first.label}</th>
            <th scope="col">Full depth of its tables</th>
            <th scope="col">Cells large pages leave out</th>
            <th scope="col">Cells caches spare</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.refs}</td>
              <td>
                {i === 0
                  ? '—'
                  : `${signed(r.refs - first.refs)} (${(r.refs / Math.max(1, first.refs)).toFixed(1)}×)`}
              </td>
              <td>{r.full}</td>
              <td>{r.byPages}</td>
              <td>{r.byCaches}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
