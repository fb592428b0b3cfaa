import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { selectTotalReferences } from '../../../src/state/selectors';
import { ConcreteControls } from '../../../src/ui/controls/ConcreteControls';
import { newAppStore, renderWithStore } from '../app-harness';

describe('ConcreteControls', () => {
  it('rebuilds the scenario and walks it when a setting changes', async () => {
    const store = newAppStore();
    renderWithStore(<ConcreteControls />, store);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Guest paging' }), '5');
    await waitFor(() => expect(selectTotalReferences(store.getState())).toBe(5 * 4 + 5 + 4));
    expect(store.getState().scenario?.cpu?.cr4?.la57).toBe(true);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Nested page size' }), '2M');
    await waitFor(() => expect(selectTotalReferences(store.getState())).toBe(5 * 3 + 5 + 3));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Nested paging' }), 'npt');
    await waitFor(() => expect(store.getState().scenario).toHaveProperty('npt'));
    expect(store.getState().trace?.results[0]?.outcome).toBe('ok');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Nested paging' }), 'native');
    await waitFor(() => expect(selectTotalReferences(store.getState())).toBe(5));
    expect(screen.getByRole('combobox', { name: 'Nested levels' })).toBeDisabled();
  });
});
