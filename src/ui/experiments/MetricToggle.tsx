/** What the chart plots: estimated time, references per access, or a translation-cache hit rate. */
import type { SweepMetric } from '../../state/sweep-store';
import { useSweep } from './sweep-store-context';

const CHOICES: { metric: SweepMetric; label: string }[] = [
  { metric: 'time', label: 'Time per access' },
  { metric: 'references', label: 'References per access' },
  { metric: 'tlb-hits', label: 'TLB hits' },
  { metric: 'walk-cache-hits', label: 'Paging-structure-cache hits' },
];

export function MetricToggle() {
  const metric = useSweep((s) => s.metric);
  const setMetric = useSweep((s) => s.setMetric);
  return (
    <div className="metric-toggle" role="group" aria-label="Chart shows">
      {CHOICES.map((choice) => (
        <button
          key={choice.metric}
          type="button"
          aria-pressed={metric === choice.metric}
          onClick={() => setMetric(choice.metric)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
