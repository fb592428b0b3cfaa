import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { selectTotalReferences } from '../../../src/state/selectors';
import { AccessControls, AccessPicker } from '../../../src/ui/controls/AccessControls';
import { newAppStore, readPublicJson, renderWithStore } from '../app-harness';

describe('AccessPicker', () => {
  it('lists the accesses of a scenario that makes several, and shows the one chosen', async () => {
    const store = newAppStore();
    await store
      .getState()
      .loadScenario(readPublicJson('scenarios/caches-skylake.json'), 'caches-skylake.json');
    renderWithStore(<AccessPicker />, store);
    const picker = screen.getByRole('combobox', { name: 'Access' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      '1. read 0x7fff_f000_0123',
      '2. read 0x7fff_f000_0123',
      '3. read 0x7fff_f000_1123',
      '4. write 0x7fff_f000_0123',
      '5. write 0x7fff_f000_0123',
    ]);
    expect(selectTotalReferences(store.getState())).toBe(13);
    await userEvent.setup().selectOptions(picker, '2');
    expect(store.getState().accessIndex).toBe(2);
    expect(selectTotalReferences(store.getState())).toBe(2);
  });

  it('is not there for a scenario of one access', async () => {
    const store = newAppStore();
    await store.getState().loadScenario(readPublicJson('scenarios/default.json'), 'default.json');
    renderWithStore(<AccessPicker />, store);
    expect(screen.queryByRole('combobox', { name: 'Access' })).toBeNull();
  });
});

describe('AccessControls', () => {
  it('edits the shown access: a write at CPL 0 re-walks the scenario', async () => {
    const store = newAppStore();
    await store.getState().loadScenario(readPublicJson('scenarios/default.json'), 'default.json');
    renderWithStore(<AccessControls />, store);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Access kind' }), 'write');
    await user.selectOptions(screen.getByRole('combobox', { name: 'CPL' }), '0');
    await waitFor(() =>
      expect(store.getState().scenario?.accesses?.[0]).toMatchObject({ kind: 'write', cpl: 0 }),
    );
    expect(selectTotalReferences(store.getState())).toBe(24);
  });
});
