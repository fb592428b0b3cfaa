import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { WalkGrid } from '../../../src/ui/views';
import { buildWalk } from './fixtures';

const cellOfStep = (step: number) => document.querySelector(`[role="gridcell"][data-step="${step}"]`);

describe('WalkGrid', () => {
  it('draws 24 numbered reference cells plus the data cell for a 4/4 walk, with the live formula', () => {
    render(<WalkGrid events={buildWalk()} cursor={0} />);
    const grid = screen.getByRole('grid');
    const cells = within(grid).getAllByRole('gridcell');
    expect(cells).toHaveLength(25);
    expect(
      cells.filter((c) => c.hasAttribute('data-step')).map((c) => Number(c.getAttribute('data-step'))),
    ).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(screen.getByTestId('grid-formula')).toHaveTextContent('this walk: 4·4 + 4 + 4 = 24');
  });

  it('marks cell 5 current at cursor 5 and names it for assistive technology', () => {
    render(<WalkGrid events={buildWalk()} cursor={5} />);
    const current = screen.getByRole('gridcell', { current: 'step' });
    expect(current).toBe(cellOfStep(5));
    expect(current).toHaveAccessibleName('Step 5: guest PML4 entry read (current step)');
    expect(cellOfStep(4)).toHaveAttribute('data-state', 'done');
    expect(cellOfStep(6)).toHaveAttribute('data-state', 'future');
  });

  it('puts the guest reads in the guest-entry column and the final translation in its own row', () => {
    render(<WalkGrid events={buildWalk()} cursor={24} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.getAttribute('aria-label'))).toEqual([
      'guest level',
      'EPT PML4',
      'EPT PDPT',
      'EPT PD',
      'EPT PT',
      'guest entry',
    ]);
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[4]!).getByRole('rowheader')).toHaveAccessibleName('final gPA to hPA');
    expect(
      within(rows[4]!)
        .getAllByRole('gridcell')
        .map((c) => c.getAttribute('data-step')),
    ).toEqual(['21', '22', '23', '24', null]);
    expect(screen.getByRole('gridcell', { name: /Data access at hPA 0x100400123/ })).toBeInTheDocument();
  });

  it('shows the cells a fault cut off as not performed and the faulting cell as the fault', () => {
    render(<WalkGrid events={buildWalk({ guestNotPresentAt: 2 })} cursor={15} />);
    const notPerformed = document.querySelectorAll('[data-state="not-performed"]');
    expect(notPerformed).toHaveLength(9);
    expect(cellOfStep(15)).toHaveClass('is-fault');
    expect(screen.getByText(/stopped by the fault after 15 of up to 24/)).toBeInTheDocument();
  });

  it('shows a 2 MiB EPT walk as 19 references with the shortened formula', () => {
    render(<WalkGrid events={buildWalk({ nestedPage: '2M' })} cursor={19} />);
    expect(document.querySelectorAll('[role="gridcell"][data-step]')).toHaveLength(19);
    expect(screen.getByTestId('grid-formula')).toHaveTextContent('this walk: 4·3 + 4 + 3 = 19');
  });

  it('draws a native walk as one column', () => {
    render(<WalkGrid events={buildWalk({ mode: 'native' })} cursor={2} />);
    expect(screen.getAllByRole('gridcell')).toHaveLength(4);
    expect(screen.getByTestId('grid-formula')).toHaveTextContent('this walk: 4');
  });

  it('names NPT tables "nested"', () => {
    render(<WalkGrid events={buildWalk({ mode: 'npt' })} cursor={1} />);
    expect(screen.getByRole('gridcell', { current: 'step' })).toHaveAccessibleName(
      'Step 1: nested PML4 entry read, translating the guest PML4 entry (current step)',
    );
  });
});
