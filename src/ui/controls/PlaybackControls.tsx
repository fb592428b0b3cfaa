/** Step, play and scrub through the selected access's memory references. */
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS } from '../../state/playback-slice';
import { selectTotalReferences } from '../../state/selectors';
import { useAppStore } from '../hooks/app-store-context';
import { Glyph, StepButtons, Word } from './StepButtons';

export function PlaybackControls() {
  const { cursor, total, playing, speed, walked, loading } = useAppStore(
    useShallow((s) => ({
      cursor: s.cursor,
      total: selectTotalReferences(s),
      playing: s.playing,
      speed: s.speed,
      walked: s.trace !== null,
      loading: s.loading,
    })),
  );
  const actions = useAppStore(
    useShallow((s) => ({
      stepBack: s.stepBack,
      stepForward: s.stepForward,
      reset: s.reset,
      end: s.end,
      togglePlay: s.togglePlay,
      seek: s.seek,
      setSpeed: s.setSpeed,
    })),
  );
  const atStart = cursor <= 0;
  const atEnd = cursor >= total;

  return (
    <div className="playback" role="group" aria-label="Playback">
      <StepButtons
        atStart={atStart}
        atEnd={atEnd}
        actions={actions}
        play={
          <button
            type="button"
            className="primary"
            onClick={actions.togglePlay}
            disabled={total === 0}
            title="Play / pause (space)"
          >
            {playing ? (
              <>
                <Glyph>❚❚</Glyph> <Word>Pause</Word>
              </>
            ) : (
              <>
                <Glyph>▶</Glyph> <Word>Play</Word>
              </>
            )}
          </button>
        }
      />
      <output className="counter" aria-label="Memory references" aria-live="off">
        {/* While a new scenario walks, the old count would be misleading. */}
        {loading ? 'walking…' : walked ? `${cursor} / ${total}` : 'no walk yet'}
      </output>
      <label className="timeline">
        <span className="visually-hidden">Timeline</span>
        <input
          type="range"
          min={0}
          max={total}
          step={1}
          value={cursor}
          onChange={(e) => actions.seek(Number(e.target.value))}
          aria-valuetext={`${cursor} of ${total} memory references`}
        />
      </label>
      <label className="speed">
        Speed
        <select value={speed} onChange={(e) => actions.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s} refs/s
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
