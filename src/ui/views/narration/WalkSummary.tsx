import { useMemo } from 'react';
import { resultSentence } from '../model/narrate';
import { cacheSummary, misconceptions, summaryLead } from '../model/summary';
import type { WalkModel } from '../model/walk-model';
import type { CellHighlight } from '../model/grid-model';
import { WrongCounts } from './WrongCounts';

export interface WalkSummaryProps {
  model: WalkModel;
  /** A wrong count pointed at (hover, focus) or chosen: the grid lights the cells it leaves out. */
  onHighlightCells?: (highlight: CellHighlight | null) => void;
}

/** After the last step: the outcome, the count's breakdown, what each cache spared, and why not 8 / 20 / 25. */
export function WalkSummary({ model, onHighlightCells }: WalkSummaryProps) {
  const caches = cacheSummary(model);
  // Stable per walk: the wrong counts' highlight effect must not fire on every render.
  const wrong = useMemo(() => misconceptions(model), [model]);
  const ok = model.result?.outcome === 'ok';
  return (
    <section
      className={`nw-summary${ok ? ' is-result' : ' is-fault'}`}
      aria-label="Summary"
      data-testid="walk-summary"
    >
      <p className="nw-summary-result">{resultSentence(model)}</p>
      <p data-testid="summary-breakdown">
        <b>Count:</b> {summaryLead(model)}
      </p>
      {caches.length > 0 && (
        <ul className="nw-summary-caches" aria-label="What the caches spared">
          {caches.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {wrong.length > 0 && <WrongCounts wrong={wrong} onHighlightCells={onHighlightCells} />}
    </section>
  );
}
