import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { WalkEvent } from '../../../src/engine/events';
import { Narration, WalkGrid } from '../../../src/ui/views';
import type { CellHighlight } from '../../../src/ui/views/model/grid-model';
import { buildWalk } from './fixtures';

/** The narration and the grid wired as the page wires them: the summary marks, the grid shows. */
function WalkWithSummary({ events, cursor }: { events: readonly WalkEvent[]; cursor: number }) {
  const [highlight, setHighlight] = useState<CellHighlight | null>(null);
  return (
    <>
      <WalkGrid events={events} cursor={cursor} highlight={highlight} />
      <Narration events={events} cursor={cursor} onHighlightCells={setHighlight} />
    </>
  );
}

const marked = (container: HTMLElement) =>
  [...container.querySelectorAll('[role="gridcell"][data-marked]')].map(
    (g) => g.getAttribute('data-step') ?? 'data',
  );
const wrongCount = (name: RegExp) =>
  within(screen.getByRole('list', { name: 'Counts that are wrong, and why' })).getByRole('button', { name });

describe('wrong counts shown as cells', () => {
  it('hovering "Not 8" marks the 16 EPT cells of the guest rows, and leaving clears them', () => {
    const { container } = render(<WalkWithSummary events={buildWalk()} cursor={24} />);
    expect(marked(container)).toEqual([]);
    fireEvent.mouseEnter(wrongCount(/^Not 8:/));
    const cells = marked(container).map(Number);
    expect(cells).toHaveLength(16);
    // the EPT walks of rows PML4…PT: steps 1–4, 6–9, 11–14, 16–19; never a guest read (5, 10, …)
    expect(cells.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 16, 17, 18, 19]);
    expect(screen.getByTestId('grid-highlight')).toHaveTextContent(
      'Marked: the 16 cells a count of 8 leaves out',
    );
    fireEvent.mouseLeave(wrongCount(/^Not 8:/));
    expect(marked(container)).toEqual([]);
    expect(screen.queryByTestId('grid-highlight')).toBeNull();
  });

  it('focusing "Not 20" marks the final gPA row; choosing "Not 25" keeps the data cell marked', () => {
    const { container } = render(<WalkWithSummary events={buildWalk()} cursor={24} />);
    const twenty = wrongCount(/^Not 20:/);
    fireEvent.focus(twenty);
    expect(marked(container)).toEqual(['21', '22', '23', '24']);
    fireEvent.blur(twenty);
    const twentyFive = wrongCount(/^Not 25:/);
    fireEvent.click(twentyFive);
    expect(twentyFive).toHaveAttribute('aria-pressed', 'true');
    expect(marked(container)).toEqual(['data']);
    expect(screen.getByTestId('grid-highlight')).toHaveTextContent(
      'the data access, which a count of 25 adds',
    );
    fireEvent.click(twentyFive);
    expect(twentyFive).toHaveAttribute('aria-pressed', 'false');
    expect(marked(container)).toEqual([]);
  });

  it('stepping back from the end takes the summary and its marks away', () => {
    const events = buildWalk();
    const { container, rerender } = render(<WalkWithSummary events={events} cursor={24} />);
    fireEvent.click(wrongCount(/^Not 8:/));
    expect(marked(container)).toHaveLength(16);
    rerender(<WalkWithSummary events={events} cursor={23} />);
    expect(screen.queryByRole('list', { name: 'Counts that are wrong, and why' })).toBeNull();
    expect(marked(container)).toEqual([]);
  });
});
