/**
 * Reset, Step back, Step forward and End — the buttons every stepping view shares (the walk, the
 * hypervisor scenes, the compare view), with their keys in the titles. A view with Play puts it
 * between Step back and Step forward; without one, Step forward is the primary button. On a phone
 * only the glyphs show; the words stay the buttons' accessible names.
 */
import type { ReactNode } from 'react';
import type { StepActions } from '../hooks/useStepKeys';

export const Glyph = ({ children }: { children: ReactNode }) => <span aria-hidden="true">{children}</span>;
export const Word = ({ children }: { children: string }) => <span className="playback-word">{children}</span>;

export interface StepButtonsProps {
  readonly atStart: boolean;
  readonly atEnd: boolean;
  readonly actions: StepActions;
  /** A Play / Pause button, placed between Step back and Step forward. */
  readonly play?: ReactNode;
}

export function StepButtons({ atStart, atEnd, actions, play }: StepButtonsProps) {
  return (
    <div className="playback-buttons">
      <button type="button" onClick={actions.reset} disabled={atStart} title="Reset (Home)">
        <Glyph>↺</Glyph> <Word>Reset</Word>
      </button>
      <button type="button" onClick={actions.stepBack} disabled={atStart} title="Step back (←)">
        <Glyph>◀</Glyph> <Word>Step back</Word>
      </button>
      {play}
      <button
        type="button"
        className={play === undefined ? 'primary' : undefined}
        onClick={actions.stepForward}
        disabled={atEnd}
        title="Step forward (→)"
      >
        <Word>Step forward</Word> <Glyph>▶</Glyph>
      </button>
      <button type="button" onClick={actions.end} disabled={atEnd} title="End (End)">
        <Word>End</Word> <Glyph>⇥</Glyph>
      </button>
    </div>
  );
}
