// Nothing lost when a tab closes: the document, its edits and the view are saved locally (debounced,
// and at once when the page is hidden) and offered back on the next visit.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App';
import { newAppStore, resetPageEachTest } from '../app-harness';

vi.setConfig({ testTimeout: 30_000 });

const counter = () => screen.getByLabelText('Memory references');
const address = () => screen.getByLabelText('Linear address');
const saved = () =>
  Object.keys(localStorage)
    .map((key) => localStorage.getItem(key) ?? '')
    .join('\n');

async function editAddress(text: string) {
  render(<App store={newAppStore()} />);
  await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
  const user = userEvent.setup();
  await user.clear(address());
  await user.type(address(), `${text}{Enter}`);
  return user;
}

resetPageEachTest({ clearStorage: true });

describe('autosave', () => {
  it('saves an edit made just before the page goes away, and offers it back', async () => {
    await editAddress('0x1000');
    window.dispatchEvent(new Event('pagehide'));
    expect(saved()).toContain('0x1000');

    cleanup();
    window.history.replaceState(null, '', '/');
    render(<App store={newAppStore()} />);
    const offer = await screen.findByRole('region', { name: 'Unsaved work' });
    expect(offer).toHaveTextContent(/Default: 4-level guest on 4-level EPT/);
    await userEvent.setup().click(within(offer).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 5'));
    expect(address()).toHaveValue('0x1000');
    expect(screen.queryByRole('region', { name: 'Unsaved work' })).toBeNull();
  });

  it('saves on its own shortly after a change, cursor included', async () => {
    const user = await editAddress('0x1000');
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 5'));
    await user.keyboard('{ArrowRight}{ArrowRight}');
    await waitFor(() => expect(saved()).toMatch(/"cursor":2/), { timeout: 3000 });
    expect(saved()).toContain('0x1000');
  });

  it('offers nothing when the saved work is what the page opens with, and discards on request', async () => {
    render(<App store={newAppStore()} />);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
    window.dispatchEvent(new Event('pagehide'));
    cleanup();
    render(<App store={newAppStore()} />);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
    expect(screen.queryByRole('region', { name: 'Unsaved work' })).toBeNull();

    cleanup();
    await editAddress('0x2000');
    window.dispatchEvent(new Event('pagehide'));
    cleanup();
    render(<App store={newAppStore()} />);
    const offer = await screen.findByRole('region', { name: 'Unsaved work' });
    await userEvent.setup().click(within(offer).getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('region', { name: 'Unsaved work' })).toBeNull();
    expect(address()).toHaveValue('0x7fff_f000_0123');
  });
});

describe('a saved copy that cannot be read', () => {
  const damagedKey = 'nestwalk.saved-work.v1.damaged';
  const opened = async (stored: string) => {
    localStorage.setItem('nestwalk.saved-work.v1', stored);
    render(<App store={newAppStore()} />);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
    return screen.findByRole('alert', { name: 'Saved work could not be read' });
  };

  it('is reported with the line and column, kept under its own key, and never opened', async () => {
    const notice = await opened('{"scenario": {,}');
    expect(notice).toHaveTextContent(/line 1, column 15/);
    expect(notice).toHaveTextContent(damagedKey);
    expect(localStorage.getItem(damagedKey)).toBe('{"scenario": {,}');
    expect(localStorage.getItem('nestwalk.saved-work.v1')).toBeNull();
    expect(address()).toHaveValue('0x7fff_f000_0123');
    expect(screen.queryByRole('region', { name: 'Unsaved work' })).toBeNull();
  });

  it('names the field of a saved scenario the schema refuses, and a key given twice', async () => {
    const envelope = (scenario: string) =>
      `{"scenario": ${scenario}, "source": "preset:default", "accessIndex": 0, "cursor": 0, "savedAt": 1}`;
    const notice = await opened(envelope('{"name": {"x": 1}, "accesses": 7}'));
    expect(notice).toHaveTextContent(/scenario\.name/);
    await userEvent.setup().click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert', { name: 'Saved work could not be read' })).toBeNull();

    cleanup();
    const twice = await opened(envelope('{"name": "a", "name": "b"}'));
    expect(twice).toHaveTextContent(/"name"/);
    expect(twice).toHaveTextContent(/twice/);
  });

  it('does not stop new work being saved', async () => {
    await opened('not json');
    const user = userEvent.setup();
    await user.clear(address());
    await user.type(address(), '0x3000{Enter}');
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem('nestwalk.saved-work.v1')).toContain('0x3000');
    expect(localStorage.getItem(damagedKey)).toBe('not json');
  });
});
