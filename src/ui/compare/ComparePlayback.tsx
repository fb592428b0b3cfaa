/** The comparison's one set of buttons: every grid moves to the same step together. */
const Glyph = ({ children }: { children: string }) => <span aria-hidden="true">{children}</span>;

export interface ComparePlaybackProps {
  readonly cursor: number;
  /** The longest walk's length: the last step any grid has. */
  readonly last: number;
  readonly seek: (step: number) => void;
}

export function ComparePlayback({ cursor, last, seek }: ComparePlaybackProps) {
  const atStart = cursor <= 0;
  const atEnd = cursor >= last;
  return (
    <div className="controls compare-controls">
      <div className="playback" role="group" aria-label="Playback, all grids together">
        <div className="playback-buttons">
          <button type="button" onClick={() => seek(0)} disabled={atStart} title="Reset (Home)">
            <Glyph>↺</Glyph> Reset
          </button>
          <button type="button" onClick={() => seek(cursor - 1)} disabled={atStart} title="Step back (←)">
            <Glyph>◀</Glyph> Step back
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => seek(cursor + 1)}
            disabled={atEnd}
            title="Step forward (→)"
          >
            Step forward <Glyph>▶</Glyph>
          </button>
          <button type="button" onClick={() => seek(last)} disabled={atEnd} title="End (End)">
            End <Glyph>⇥</Glyph>
          </button>
        </div>
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
