import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { selectTotalReferences } from '../../../src/state/selectors';
import { LevelSliders } from '../../../src/ui/controls/LevelSliders';
import { newAppStore, renderWithStore } from '../app-harness';

describe('LevelSliders', () => {
  it.each([
    [5, 5, 35],
    [1, 1, 3],
    [5, 4, 29],
    [2, 3, 11],
  ])('n = %i, m = %i shows %i references and walks that shape', async (n, m, total) => {
    const store = newAppStore();
    renderWithStore(<LevelSliders />, store);
    fireEvent.change(screen.getByRole('slider', { name: 'Guest levels (n)' }), {
      target: { value: String(n) },
    });
    fireEvent.change(screen.getByRole('slider', { name: 'EPT levels (m)' }), {
      target: { value: String(m) },
    });
    expect(screen.getByLabelText('References of the abstract walk')).toHaveTextContent(
      new RegExp(`^${total}$`),
    );
    await waitFor(() => expect(selectTotalReferences(store.getState())).toBe(total));
  });

  it('keeps the sliders within 1…5', () => {
    renderWithStore(<LevelSliders />, newAppStore());
    const slider = screen.getByRole('slider', { name: 'Guest levels (n)' });
    expect(slider).toHaveAttribute('min', '1');
    expect(slider).toHaveAttribute('max', '5');
  });
});
