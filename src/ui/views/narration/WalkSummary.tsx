import { resultSentence } from '../model/narrate';
import { cacheSummary, misconceptions, summaryLead } from '../model/summary';
import type { WalkModel } from '../model/walk-model';

/** After the last step: the outcome, the count's breakdown, what each cache spared, and why not 8 / 20 / 25. */
export function WalkSummary({ model }: { model: WalkModel }) {
  const caches = cacheSummary(model);
  const wrong = misconceptions(model);
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
      {wrong.length > 0 && (
        <ul className="nw-summary-wrong" aria-label="Counts that are wrong, and why">
          {wrong.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
