import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../../src/ui/controls/Settings';
import { newAppStore, renderWithStore } from '../app-harness';

describe('Settings', () => {
  it('switches the theme and presenter mode, showing each as a pressed toggle', async () => {
    const store = newAppStore();
    renderWithStore(<Settings />, store);
    const dark = screen.getByRole('button', { name: 'Dark theme' });
    const presenter = screen.getByRole('button', { name: 'Presenter mode' });
    expect(dark).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(dark);
    await userEvent.click(presenter);
    expect(dark).toHaveAttribute('aria-pressed', 'true');
    expect(presenter).toHaveAttribute('aria-pressed', 'true');
    expect(store.getState()).toMatchObject({ theme: 'dark', presenter: true });
  });
});
