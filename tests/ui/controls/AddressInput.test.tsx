import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AddressInput } from '../../../src/ui/controls/AddressInput';
import { newAppStore, readPublicJson, renderWithStore } from '../app-harness';

async function setup() {
  const store = newAppStore();
  await store.getState().loadScenario(readPublicJson('scenarios/default.json'), 'default.json');
  renderWithStore(<AddressInput />, store);
  return { store, input: screen.getByLabelText('Linear address') };
}

describe('AddressInput', () => {
  it('says why a non-canonical address is refused and keeps the scenario', async () => {
    const { store, input } = await setup();
    const scenario = store.getState().scenario;
    await userEvent.clear(input);
    await userEvent.type(input, '0x8000_0000_0000{Enter}');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/not canonical: bits 63:47 must all be equal/);
    expect(store.getState().scenario).toBe(scenario);
  });

  it('applies a new address when the field loses focus', async () => {
    const { store, input } = await setup();
    await userEvent.clear(input);
    await userEvent.type(input, '0x7fff_f000_0008');
    await userEvent.tab();
    await waitFor(() => expect(store.getState().scenario?.accesses?.[0]?.va).toBe('0x7fff_f000_0008'));
    expect(screen.getByLabelText('Linear address')).toHaveValue('0x7fff_f000_0008');
  });

  it('clears the error once a good address is entered', async () => {
    const { input } = await setup();
    await userEvent.clear(input);
    await userEvent.type(input, 'xyz{Enter}');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(input);
    await userEvent.type(input, '0x7fff_f000_0010{Enter}');
    await waitFor(() => expect(screen.getByLabelText('Linear address')).not.toHaveAttribute('aria-invalid'));
  });
});
