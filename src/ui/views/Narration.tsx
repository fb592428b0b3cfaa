/**
 * One plain sentence for the cursor — what is about to happen, what this step read, or how the
 * walk ended — announced politely to screen readers, above a scrollable list of the steps so far.
 */
import { useMemo } from 'react';
import type { WalkEvent } from '../../engine';
import { clampCursor, isFinished, readWalk } from './model/walk-model';
import { currentSentence } from './model/narrate';
import type { CellHighlight } from './model/grid-model';
import { StepList } from './narration/StepList';
import { WalkSummary } from './narration/WalkSummary';
import './styles/base.css';
import './styles/narration.css';

export interface NarrationProps {
  events: readonly WalkEvent[];
  cursor: number;
  /** Choosing a row of the step list moves the cursor to that step. */
  onSeek?: (step: number) => void;
  /** A wrong count in the summary points at its cells (null: none); the grid lights them. */
  onHighlightCells?: (highlight: CellHighlight | null) => void;
}

export function Narration({ events, cursor, onSeek, onHighlightCells }: NarrationProps) {
  const model = useMemo(() => readWalk(events), [events]);
  const at = clampCursor(model, cursor);
  const finished = isFinished(model, at);
  const sentence = currentSentence(model, at);
  return (
    <section className="nw-view nw-narration" aria-label="Narration">
      <p className="nw-sentence" aria-live="polite" aria-atomic="true" data-testid="narration">
        {sentence}
      </p>
      {finished && <WalkSummary model={model} onHighlightCells={onHighlightCells} />}
      <StepList model={model} cursor={at} finished={finished} onSeek={onSeek} />
    </section>
  );
}
