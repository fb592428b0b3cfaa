/**
 * The counts people expect instead of the walk's (8, 20, 25), each a toggle: pointing at one
 * (hover or keyboard focus) lights in the grid the cells it leaves out; choosing it keeps them lit
 * until it is chosen again. See docs/walk-view.md.
 */
import { useEffect, useState } from 'react';
import type { CellHighlight } from '../model/grid-model';
import type { Misconception } from '../model/summary';

export interface WrongCountsProps {
  wrong: readonly Misconception[];
  onHighlightCells?: (highlight: CellHighlight | null) => void;
}

export function highlightOf(w: Misconception): CellHighlight {
  const k = w.cells.length;
  const label = w.addsData
    ? `the data access, which a count of ${w.count} adds`
    : `the ${k} cell${k === 1 ? '' : 's'} a count of ${w.count} leaves out`;
  return { cells: w.cells, data: w.addsData, label };
}

export function WrongCounts({ wrong, onHighlightCells }: WrongCountsProps) {
  const [pointed, setPointed] = useState<number | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const shown = pointed ?? chosen;
  const target = shown === null ? undefined : wrong[shown];

  useEffect(() => {
    onHighlightCells?.(target ? highlightOf(target) : null);
  }, [target, onHighlightCells]);
  // Leaving the summary (stepping back, another walk) clears the grid.
  useEffect(() => () => onHighlightCells?.(null), [onHighlightCells]);

  return (
    <ul className="nw-summary-wrong" aria-label="Counts that are wrong, and why">
      {wrong.map((w, i) => (
        <li key={w.text}>
          <button
            type="button"
            className="nw-wrong-count"
            aria-pressed={chosen === i}
            title="Show in the grid the cells this count gets wrong"
            onMouseEnter={() => setPointed(i)}
            onMouseLeave={() => setPointed(null)}
            onFocus={() => setPointed(i)}
            onBlur={() => setPointed(null)}
            onClick={() => setChosen(chosen === i ? null : i)}
          >
            {w.text}
          </button>
        </li>
      ))}
    </ul>
  );
}
