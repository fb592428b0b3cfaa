import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TableTrees } from '../../../src/ui/views';
import { buildWalk } from './fixtures';

const card = (key: string) => document.querySelector<HTMLElement>(`[data-card="${key}"]`)!;

describe('TableTrees', () => {
  it('shows the current guest card with its entry, addresses, value and flags', () => {
    render(<TableTrees events={buildWalk()} cursor={5} />);
    const pml4 = screen.getByRole('article', { current: 'step' });
    expect(pml4).toBe(card('g4'));
    expect(pml4).toHaveAccessibleName('guest PML4, step 5, entry 255, current step');
    expect(pml4).toHaveTextContent('gPA 0x17f8');
    expect(pml4).toHaveTextContent('at hPA 0x1000017f8');
    expect(pml4).toHaveTextContent('0x0000_0000_0000_2027');
    expect(pml4).toHaveTextContent('→ table gPA 0x2000');
    const flags = within(within(pml4).getByRole('list', { name: 'flags' })).getAllByRole('listitem');
    expect(flags.filter((f) => f.classList.contains('is-set')).map((f) => f.textContent)).toEqual([
      'P',
      'R/W',
      'U/S',
      'A',
    ]);
    expect(card('g3')).toHaveClass('is-future');
  });

  it("shows the EPT walk of the cursor's row, ending in the guest table it locates", () => {
    render(<TableTrees events={buildWalk()} cursor={7} />);
    expect(screen.getByText('EPT walk translating gPA 0x2ff8 (the guest PDPT entry)')).toBeInTheDocument();
    expect(card('n3:4')).toHaveClass('is-done');
    expect(card('n3:3')).toHaveClass('is-current');
    expect(card('n3:1')).toHaveTextContent('↦ page hPA 0x100002000');
    expect(card('n3:1')).toHaveTextContent('4 KiB');
    expect(document.querySelector('.nw-link.is-feed')).not.toHaveClass('is-lit');
  });

  it('lets the user pick another row, and go back to following the cursor', async () => {
    const user = userEvent.setup();
    render(<TableTrees events={buildWalk()} cursor={3} />);
    await user.click(screen.getByRole('button', { name: 'data' }));
    expect(screen.getByText('EPT walk translating gPA 0x400123 (the data address)')).toBeInTheDocument();
    expect(card('n0:4')).toHaveClass('is-future');
    await user.click(screen.getByRole('button', { name: 'follow cursor' }));
    expect(screen.getByText(/the guest PML4 entry\)$/)).toBeInTheDocument();
  });

  it('shows the data page when the walk completes, and a not-reached page after a fault', () => {
    const { rerender } = render(<TableTrees events={buildWalk()} cursor={24} />);
    expect(screen.getByRole('article', { name: 'data page' })).toHaveTextContent('↦ byte at hPA 0x100400123');
    rerender(<TableTrees events={buildWalk({ guestNotPresentAt: 2 })} cursor={15} />);
    expect(screen.getByRole('article', { name: 'data page' })).toHaveTextContent(
      'The walk faulted before reaching the data.',
    );
    expect(card('g2')).toHaveTextContent('not present — walk stops');
    expect(card('g2')).toHaveClass('is-fault');
    expect(card('g2')).toHaveAccessibleName(/the walk faulted here$/);
    expect(card('g1')).toHaveClass('is-not-reached');
  });

  it('has no edit controls without onEditEntry', () => {
    render(<TableTrees events={buildWalk()} cursor={5} />);
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
  });

  it("toggles a flag and sets a typed value through onEditEntry (the entry's host-physical address)", async () => {
    const user = userEvent.setup();
    const onEditEntry = vi.fn();
    render(<TableTrees events={buildWalk()} cursor={5} onEditEntry={onEditEntry} />);
    await user.click(screen.getByRole('button', { name: 'Edit guest PML4 entry' }));
    const form = screen.getByRole('form', { name: 'Edit guest PML4 entry' });
    await user.click(within(form).getByRole('checkbox', { name: 'U/S' }));
    expect(onEditEntry).toHaveBeenLastCalledWith(0x1000017f8, 0x2023, 0);
    await user.click(within(form).getByRole('checkbox', { name: 'XD' }));
    expect(onEditEntry).toHaveBeenLastCalledWith(0x1000017f8, 0x2027, 0x8000_0000);
    const value = within(form).getByRole('textbox');
    await user.clear(value);
    await user.type(value, 'zz');
    expect(within(form).getByRole('button', { name: 'Set value' })).toBeDisabled();
    await user.clear(value);
    await user.type(value, '0x8000_0000_0000_3007{Enter}');
    expect(onEditEntry).toHaveBeenLastCalledWith(0x1000017f8, 0x3007, 0x8000_0000);
  });

  it('offers R, W, X and large-page toggles on EPT cards', async () => {
    const user = userEvent.setup();
    const onEditEntry = vi.fn();
    render(<TableTrees events={buildWalk()} cursor={2} onEditEntry={onEditEntry} />);
    await user.click(screen.getByRole('button', { name: 'Edit EPT PDPT entry' }));
    const form = screen.getByRole('form', { name: 'Edit EPT PDPT entry' });
    expect(
      within(form)
        .getAllByRole('checkbox')
        .map((c) => c.parentElement?.textContent),
    ).toEqual(['R', 'W', 'X', 'large']);
    await user.click(within(form).getByRole('checkbox', { name: 'W' }));
    expect(onEditEntry).toHaveBeenLastCalledWith(0x101000, 0x102105, 0);
  });

  it('draws a native walk with one row of tables', () => {
    render(<TableTrees events={buildWalk({ mode: 'native' })} cursor={1} />);
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.getAllByRole('article')).toHaveLength(5);
    expect(card('g4')).toHaveTextContent('at 0x17f8');
  });
});
