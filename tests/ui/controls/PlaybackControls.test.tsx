import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppStore } from '../../../src/state/create-app-store';
import { PlaybackControls } from '../../../src/ui/controls/PlaybackControls';
import { newAppStore, readPublicJson, renderWithStore } from '../app-harness';

let scenario: unknown;
beforeAll(() => {
  scenario = readPublicJson('scenarios/default.json');
});

async function setup(): Promise<AppStore> {
  const store = newAppStore();
  await store.getState().loadScenario(scenario, 'default.json');
  renderWithStore(<PlaybackControls />, store);
  return store;
}

const counter = () => screen.getByLabelText('Memory references');

describe('PlaybackControls', () => {
  it('shows no count before the first walk', () => {
    renderWithStore(<PlaybackControls />, newAppStore());
    expect(counter()).toHaveTextContent('no walk yet');
    expect(screen.getByRole('button', { name: 'Play' })).toBeDisabled();
  });

  it('shows no stale count while a newly chosen scenario walks', async () => {
    const store = await setup();
    let loading: Promise<boolean> = Promise.resolve(false);
    act(() => {
      loading = store.getState().loadScenario(readPublicJson('scenarios/native.json'), 'native.json');
    });
    expect(counter()).toHaveTextContent('walking…');
    await act(() => loading);
    expect(counter()).toHaveTextContent('0 / 4');
  });

  it('shows k / total and disables the moves that go nowhere', async () => {
    await setup();
    expect(counter()).toHaveTextContent('0 / 24');
    expect(screen.getByRole('button', { name: 'Step back' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Reset' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Step forward' })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'End' }));
    expect(counter()).toHaveTextContent('24 / 24');
    expect(screen.getByRole('button', { name: 'Step forward' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'End' })).toBeDisabled();
  });

  it('toggles Play to Pause and back', async () => {
    const store = await setup();
    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(store.getState().playing).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(store.getState().playing).toBe(false);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('seeks with the timeline and sets the speed', async () => {
    const store = await setup();
    const timeline = screen.getByRole('slider', { name: 'Timeline' });
    expect(timeline).toHaveAttribute('max', '24');
    fireEvent.change(timeline, { target: { value: '17' } });
    expect(counter()).toHaveTextContent('17 / 24');
    expect(timeline).toHaveAttribute('aria-valuetext', '17 of 24 memory references');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '8');
    expect(store.getState().speed).toBe(8);
  });
});
