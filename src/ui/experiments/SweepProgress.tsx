/**
 * How far the sweep is: a progress bar with the ETA while it runs, the time it took after, and a
 * note when a worker stopped and its points ran again (docs/robustness.md), which engine computed the
 * points (docs/wasm-engine.md) and, after a live update, how long the recompute took
 * (docs/experiments.md).
 */
import { useShallow } from 'zustand/react/shallow';
import {
  selectElapsedSeconds,
  selectEngineLine,
  selectEtaSeconds,
  selectFraction,
  selectLiveLine,
} from '../../state/sweep-selectors';
import { formatSeconds } from './format';
import { useSweep } from './sweep-store-context';

export function SweepProgress() {
  const { fraction, eta, elapsed, status, points, finished, failed, workers, reruns, engine, live } =
    useSweep(
      useShallow((s) => ({
        fraction: selectFraction(s),
        eta: selectEtaSeconds(s),
        elapsed: selectElapsedSeconds(s),
        status: s.status,
        points: s.plan.length,
        finished: s.results.length,
        failed: s.errors.length,
        workers: s.workers,
        reruns: s.reruns,
        engine: selectEngineLine(s.results, s.plan.length),
        live: selectLiveLine(s),
      })),
    );
  if (status === 'idle') return null;
  const percent = Math.round(fraction * 100);
  const where =
    workers.mode === 'in-thread'
      ? 'in this page'
      : `on ${workers.count} worker${workers.count === 1 ? '' : 's'}`;
  const counts = `${finished} of ${points} points${failed > 0 ? `, ${failed} failed` : ''}`;
  let text: string;
  if (status === 'running')
    text = `${counts} ${where}${eta === null ? '' : ` — about ${formatSeconds(eta)} left`}`;
  else if (status === 'done') text = `Done: ${counts} in ${formatSeconds(elapsed ?? 0)} ${where}`;
  else text = `Cancelled: ${counts} kept`;

  return (
    <div className="sweep-progress" data-status={status}>
      <div
        role="progressbar"
        aria-label="Sweep progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %`}
        className="progress-track"
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {/* Announced at the end, not at every chunk. */}
      <p className="progress-text" aria-live={status === 'running' ? 'off' : 'polite'}>
        <span className="progress-percent">{percent} %</span> {text}
      </p>
      {engine !== null && <p className="sweep-engine">{engine}</p>}
      {live !== null && (
        <p className="sweep-recomputed" role="status">
          {live}
        </p>
      )}
      {reruns.length > 0 && (
        <p className="sweep-rerun" role="status">
          {rerunText(reruns.map((r) => r.reason))}
        </p>
      )}
    </div>
  );
}

/** One sentence for the points that lost their worker: the first reason, how many ran again. */
export function rerunText(reasons: readonly string[]): string {
  const n = reasons.length;
  const workers = n === 1 ? 'A sweep worker' : 'Sweep workers';
  return `${workers} stopped (${reasons[0]}) and ${n === 1 ? 'was' : 'were'} replaced: ${n} point${n === 1 ? '' : 's'} ran again from the start; the other points were not affected.`;
}
