import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/state/create-app-store';
import { encodeLink } from '../../src/state/url-codec';
import { createWalkClient, WorkerDiedError } from '../../src/worker/client';
import { App } from '../../src/ui/App';
import { newAppStore, readPublicJson, resetPageEachTest, openApp } from './app-harness';

// Each step redraws every view in jsdom; on a busy machine a test can take several seconds.
vi.setConfig({ testTimeout: 30_000 });

const counter = () => screen.getByLabelText('Memory references');
const button = (name: string) => screen.getByRole('button', { name });

resetPageEachTest();

describe('App', () => {
  it('loads the default preset and names itself', async () => {
    await openApp();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'nestwalk — two-dimensional page walks',
    );
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveDisplayValue(
      'Default: 4-level guest on 4-level EPT',
    );
    expect(screen.getByLabelText('Linear address')).toHaveValue('0x7fff_f000_0123');
  });

  it('steps forward through all 24 references, back one, and resets', async () => {
    const { user } = await openApp();
    for (let i = 0; i < 24; i++) fireEvent.click(button('Step forward'));
    expect(counter()).toHaveTextContent('24 / 24');
    expect(button('Step forward')).toBeDisabled();
    await user.click(button('Step back'));
    expect(counter()).toHaveTextContent('23 / 24');
    await user.click(button('Reset'));
    expect(counter()).toHaveTextContent('0 / 24');
    await user.click(button('End'));
    expect(counter()).toHaveTextContent('24 / 24');
  });

  it('steps with the arrow keys, jumps with Home / End, toggles play with space', async () => {
    const { user } = await openApp();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(counter()).toHaveTextContent('3 / 24');
    await user.keyboard('{ArrowLeft}');
    expect(counter()).toHaveTextContent('2 / 24');
    await user.keyboard('{End}');
    expect(counter()).toHaveTextContent('24 / 24');
    await user.keyboard('{Home}');
    expect(counter()).toHaveTextContent('0 / 24');
    await user.keyboard(' ');
    expect(button('Pause')).toBeInTheDocument();
    await user.keyboard(' ');
    expect(button('Play')).toBeInTheDocument();
  });

  it('does not step while the user types in a field', async () => {
    const { user } = await openApp();
    await user.click(screen.getByLabelText('Linear address'));
    await user.keyboard('{ArrowLeft}{ArrowRight}');
    expect(counter()).toHaveTextContent('0 / 24');
  });

  it('shows an inline error for a non-hex linear address and keeps the walk', async () => {
    const { user, store } = await openApp();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    const trace = store.getState().trace;
    const input = screen.getByLabelText('Linear address');
    await user.clear(input);
    await user.type(input, 'zz{Enter}');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/not a hexadecimal address/);
    expect(counter()).toHaveTextContent('3 / 24');
    expect(store.getState().trace).toBe(trace);
  });

  it('walks a new linear address entered by the user', async () => {
    const { user } = await openApp();
    const input = screen.getByLabelText('Linear address');
    await user.clear(input);
    await user.type(input, '0x1000{Enter}');
    // Unmapped: the walk ends at the first guest entry, a #PF after 5 references.
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 5'));
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('shows n·m + n + m for the sliders and walks that shape', async () => {
    await openApp();
    fireEvent.change(screen.getByLabelText('Guest levels (n)'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('EPT levels (m)'), { target: { value: '5' } });
    expect(screen.getByLabelText('References of the abstract walk')).toHaveTextContent(/^35$/);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 35'));
    fireEvent.change(screen.getByLabelText('Guest levels (n)'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('EPT levels (m)'), { target: { value: '1' } });
    expect(screen.getByLabelText('References of the abstract walk')).toHaveTextContent(/^3$/);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 3'));
  });

  it('puts scenario and step in the link, and a link reproduces the view', async () => {
    const { user } = await openApp();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    await waitFor(() => expect(window.location.hash).toMatch(/^#z=[\w-]+&step=2$/));
    const hash = window.location.hash;

    document.body.innerHTML = '';
    window.history.replaceState(null, '', '/' + hash);
    render(<App store={newAppStore()} />);
    await waitFor(() => expect(counter()).toHaveTextContent('2 / 24'));
  });

  it('opens a link to a scenario that fails with the reason and where, in an alert', async () => {
    const bad = { ...(readPublicJson('scenarios/default.json') as object), ept: { eptp: '0x5000_0000' } };
    window.history.replaceState(null, '', '/' + encodeLink({ scenario: bad, accessIndex: 0, step: 0 }));
    render(<App store={newAppStore()} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Link problem.The scenario in this link has problems');
    expect(alert).toHaveTextContent('ept.eptp');
    await act(() => userEvent.setup().click(within(alert).getByRole('button', { name: 'Dismiss' })));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('re-walks after an entry is edited in the tables', async () => {
    const { user, store } = await openApp();
    await user.keyboard('{End}');
    await user.click(screen.getByRole('button', { name: 'Edit guest PML4 entry' }));
    const editor = screen.getByRole('form', { name: 'Edit guest PML4 entry' });
    await user.click(within(editor).getByRole('checkbox', { name: 'P' }));
    // Not present: the walk stops at the guest PML4 entry, reference 5, with a #PF.
    await waitFor(() => expect(counter()).toHaveTextContent('5 / 5'));
    expect(store.getState().trace?.results[0]?.outcome).toBe('page-fault');
    expect(store.getState().scenario).not.toHaveProperty('guestMappings');
  });

  it('survives an engine that stops: says so, keeps the walk, and walks again on request', async () => {
    const inThread = createWalkClient();
    let dead = false;
    const store = createAppStore({
      walk: (json) => (dead ? Promise.reject(new WorkerDiedError('out of memory')) : inThread.walk(json)),
      memoryImage: (json) => inThread.memoryImage(json),
    });
    render(<App store={store} />);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
    const user = userEvent.setup();
    dead = true;
    const input = screen.getByLabelText('Linear address');
    await user.clear(input);
    await user.type(input, '0x1000{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/The walk engine stopped.*out of memory.*Your edits are kept/);
    expect(counter()).toHaveTextContent('0 / 24');
    expect(screen.getByLabelText('Linear address')).toHaveValue('0x1000');

    dead = false;
    await user.click(within(alert).getByRole('button', { name: 'Walk again' }));
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 5'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('switches presets from the picker', async () => {
    const { user } = await openApp();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'native.json');
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 4'));
  });
});
