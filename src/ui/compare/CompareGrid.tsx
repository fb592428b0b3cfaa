/**
 * One configuration of the comparison: its grid at the shared step (clamped to its own length),
 * the sentence for that step, and once it is done, how its count breaks down and what spared cells.
 */
import { useMemo } from 'react';
import type { WalkEvent } from '../../engine';
import { WalkGrid } from '../views';
import { currentSentence } from '../views/model/narrate';
import { breakdownText, cacheSummary } from '../views/model/summary';
import { walkCount } from '../views/model/formula';
import { readWalk, type WalkModel } from '../views/model/walk-model';

export interface CompareGridProps {
  readonly label: string;
  readonly events: readonly WalkEvent[];
  /** The shared step: every grid shows the reference with this number, or its end. */
  readonly cursor: number;
  readonly onSeek: (step: number) => void;
}

export function CompareGrid({ label, events, cursor, onSeek }: CompareGridProps) {
  const model = useMemo(() => readWalk(events), [events]);
  const at = Math.min(cursor, model.total);
  const done = cursor >= model.total;
  return (
    <>
      <WalkGrid events={events} cursor={at} onSeek={onSeek} />
      <p className="compare-sentence" data-testid="compare-sentence">
        {currentSentence(model, at)}
      </p>
      {done && (
        <div className="compare-done" data-testid="compare-done">
          <p>
            <b>{cursor > model.total ? `Finished at step ${model.total}` : 'Finished'}</b> ({label}):{' '}
            {doneText(model)}
          </p>
          {cacheSummary(model).map((line) => (
            <p key={line}>{capitalized(line)}</p>
          ))}
        </div>
      )}
    </>
  );
}

const capitalized = (line: string) => line.charAt(0).toUpperCase() + line.slice(1);

/** The count as walked; with caches, the references made and the cells the caches took away. */
function doneText(model: WalkModel): string {
  const spared = walkCount(model).spared;
  if (spared === 0) return `${breakdownText(model)}.`;
  const made = `${model.total} reference${model.total === 1 ? '' : 's'} made`;
  return `${made}: of the walk's cells (${breakdownText(model)}), caches spared ${spared}.`;
}
