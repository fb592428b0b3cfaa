// A damaged share link: the "Link problem" message stays until dismissed and the address bar keeps
// the link as it was opened, while the default preset is on screen.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App';
import { newAppStore, preferReducedMotion, servePublicFiles } from '../app-harness';

vi.setConfig({ testTimeout: 30_000 });

const counter = () => screen.getByLabelText('Memory references');
const DAMAGED = '#s=eyJjcHUiOnsiY3Iz!!!&step=4';

beforeEach(() => {
  servePublicFiles();
  preferReducedMotion();
});
afterEach(() => vi.unstubAllGlobals());

describe('a damaged share link', () => {
  it('keeps the message until dismissed and leaves the damaged URL alone', async () => {
    window.history.replaceState(null, '', '/' + DAMAGED);
    render(<App store={newAppStore()} />);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Link problem');
    expect(alert).toHaveTextContent('damaged');
    expect(alert).toHaveTextContent('the first preset is shown instead');
    expect(window.location.hash).toBe(DAMAGED);

    // Stepping the default walk does not overwrite the link either, while the message is up.
    const user = userEvent.setup();
    await user.keyboard('{ArrowRight}');
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(window.location.hash).toBe(DAMAGED);

    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(window.location.hash).toMatch(/^#z=[\w-]+&step=1$/));
  });
});
