/**
 * The lecture tour's bar (docs/tour.md): which stop of how many, its title and sentences, one
 * thing to try, Back / Next. Page Down / Page Up (a presentation clicker's keys) move between
 * stops too; → and ← are left to the walk or scene inside the stop.
 */
import { useEffect, useId } from 'react';
import type { TourStop } from '../../engine';
import { ownsKeys } from '../hooks/useStepKeys';
import './tour.css';

export interface TourBarProps {
  readonly number: number;
  readonly total: number;
  readonly stop: TourStop;
  readonly onGo: (n: number) => void;
  /** Where "Leave the tour" goes. */
  readonly leaveHref: string;
}

export function TourBar({ number, total, stop, onGo, leaveHref }: TourBarProps) {
  const titleId = useId();
  const first = number <= 1;
  const last = number >= total;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (ownsKeys(event.target)) return;
      if (event.key === 'PageDown' && !last) onGo(number + 1);
      else if (event.key === 'PageUp' && !first) onGo(number - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [number, first, last, onGo]);
  return (
    <section className="tour-bar" aria-labelledby={titleId} data-testid="tour-bar">
      <div className="tour-text">
        <div className="tour-head">
          <p className="tour-count">
            Lecture tour · stop <b>{number}</b> / {total}
          </p>
          <h2 id={titleId} className="tour-title">
            {stop.title}
          </h2>
        </div>
        <div className="tour-body">
          <p className="tour-sentences">{stop.sentences.join(' ')}</p>
          <p className="tour-try">
            <b>Try this:</b> {stop.tryThis}
          </p>
        </div>
      </div>
      <nav className="tour-nav" aria-label="Tour stops">
        <button type="button" onClick={() => onGo(number - 1)} disabled={first}>
          ← Back
        </button>
        <button type="button" onClick={() => onGo(number + 1)} disabled={last}>
          Next →
        </button>
        <a className="tour-leave chrome" href={leaveHref}>
          Leave the tour
        </a>
        <span className="tour-keys chrome">Page Down / Page Up: next / back stop</span>
      </nav>
    </section>
  );
}
