/** The sequence builder: buttons append steps the engine walks; the list picks, moves and removes them. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { selectTotalReferences } from '../../src/state/selectors';
import { SequenceSection } from '../../src/ui/sequence/SequenceSection';
import { newAppStore, readPublicJson, renderWithStore } from './app-harness';

describe('SequenceSection', () => {
  let store: ReturnType<typeof newAppStore>;
  beforeEach(async () => {
    store = newAppStore();
    await store.getState().loadScenario(readPublicJson('scenarios/default.json'), 'default.json');
    await store.getState().setCachePreset('skylake');
  });

  it('appends accesses and operations whose counts come from the engine walk', async () => {
    const user = userEvent.setup();
    renderWithStore(<SequenceSection />, store);
    const list = screen.getByRole('list', { name: 'Sequence steps' });
    expect(within(list).getByText('13 references, 11 cells spared by caches')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Again' }));
    await waitFor(() => expect(store.getState().accessIndex).toBe(1));
    expect(selectTotalReferences(store.getState())).toBe(0);
    expect(store.getState().cursor).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Neighbour page' }));
    await waitFor(() => expect(store.getState().accessIndex).toBe(2));
    expect(selectTotalReferences(store.getState())).toBe(2);
    expect(store.getState().trace?.results[2]?.outcome).toBe('ok');

    await user.click(screen.getByRole('button', { name: 'INVEPT' }));
    await waitFor(() => expect(store.getState().accessIndex).toBe(3));
    // INVEPT flushes everything: a cold walk again.
    expect(selectTotalReferences(store.getState())).toBe(13);
    expect(within(list).getByText(/INVEPT/)).toBeTruthy();
  });

  it('picks, moves and removes steps, keeping the picked access', async () => {
    const user = userEvent.setup();
    renderWithStore(<SequenceSection />, store);
    await user.click(screen.getByRole('button', { name: 'Again' }));
    await waitFor(() => expect(store.getState().events.length).toBe(2));

    await user.click(screen.getByRole('button', { name: /Show the walk of access 1/ }));
    expect(store.getState().accessIndex).toBe(0);
    expect(selectTotalReferences(store.getState())).toBe(13);

    // The repeat moved first: it is now the cold walk, and stays picked.
    await user.click(screen.getByRole('button', { name: 'Move access 2 up' }));
    await waitFor(() => expect(store.getState().accessIndex).toBe(1));

    await user.click(screen.getByRole('button', { name: 'Remove access 1' }));
    await waitFor(() => expect(store.getState().events.length).toBe(1));
    expect(screen.getByRole('button', { name: 'Remove access 1' })).toHaveProperty('disabled', true);
  });

  it('offers no INVEPT or VM exit on a native machine', async () => {
    await store.getState().loadScenario(readPublicJson('scenarios/native.json'), 'native.json');
    await store.getState().setCachePreset('skylake');
    renderWithStore(<SequenceSection />, store);
    expect(screen.getByRole('button', { name: 'INVEPT' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'VM exit + entry' })).toHaveProperty('disabled', true);
  });
});
