/**
 * The scene's playback (the walk view's buttons and keys): Reset, Step back, Step forward, End and
 * the counter "event k / N" (with "step j / M" inside an event when the view follows steps).
 */
import { useShallow } from 'zustand/react/shallow';
import { positionCount } from '../../state/hv-scene-store';
import { useHvScene } from './hv-store-context';
import { StepButtons } from '../controls/StepButtons';

export function HvPlayback({ byStep }: { byStep: boolean }) {
  const { cursor, count, position, events } = useHvScene(
    useShallow((s) => ({
      cursor: s.cursor,
      count: positionCount(s.run),
      position: s.run.ok && s.cursor > 0 ? s.run.positions[s.cursor - 1] : undefined,
      events: s.run.ok ? s.run.primary.events.length : 0,
    })),
  );
  const actions = useHvScene(
    useShallow((s) => ({
      stepBack: s.stepBack,
      stepForward: s.stepForward,
      reset: s.reset,
      end: s.end,
      seek: s.seek,
    })),
  );
  const atStart = cursor <= 0;
  const atEnd = cursor >= count;
  const eventText = `event ${position ? position.event + 1 : 0} / ${events}`;
  const stepText =
    byStep && position && position.stepCount > 0
      ? ` · step ${position.step + 1} / ${position.stepCount}`
      : '';
  return (
    <div className="playback hv-playback" role="group" aria-label="Scene playback">
      <StepButtons atStart={atStart} atEnd={atEnd} actions={actions} />
      <output className="counter" aria-label="Scene position" aria-live="polite">
        {eventText}
        {stepText}
      </output>
      <label className="timeline">
        <span className="visually-hidden">Scene timeline</span>
        <input
          type="range"
          min={0}
          max={count}
          step={1}
          value={cursor}
          onChange={(e) => actions.seek(Number(e.target.value))}
          aria-valuetext={`${eventText}${stepText}`}
        />
      </label>
    </div>
  );
}
