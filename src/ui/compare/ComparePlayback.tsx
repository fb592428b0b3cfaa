/** The comparison's one set of buttons: every grid moves to the same step together. */
import { StepButtons } from '../controls/StepButtons';
import type { StepActions } from '../hooks/useStepKeys';

export interface ComparePlaybackProps {
  readonly cursor: number;
  /** The longest walk's length: the last step any grid has. */
  readonly last: number;
  readonly seek: (step: number) => void;
  /** The same moves the keys make. */
  readonly actions: StepActions;
}

export function ComparePlayback({ cursor, last, seek, actions }: ComparePlaybackProps) {
  const atStart = cursor <= 0;
  const atEnd = cursor >= last;
  return (
    <div className="controls compare-controls">
      <div className="playback" role="group" aria-label="Playback, all grids together">
        <StepButtons atStart={atStart} atEnd={atEnd} actions={actions} />
        <output className="counter" aria-label="Step of the longest walk" data-testid="compare-counter">
          {cursor} / {last}
        </output>
        <label className="timeline">
          <span className="visually-hidden">Timeline, all grids</span>
          <input
            type="range"
            min={0}
            max={last}
            step={1}
            value={Math.min(cursor, last)}
            onChange={(e) => seek(Number(e.target.value))}
          />
        </label>
      </div>
    </div>
  );
}
