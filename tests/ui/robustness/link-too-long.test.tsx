// A scenario whose compressed link is longer than a link can safely be: the address bar drops the
// scenario, the banner says why and offers the scenario as a file (docs/robustness.md).
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_LINK_CHARS } from '../../../src/state/link-size';
import { encodeLink } from '../../../src/state/url-codec';
import { readFileText } from '../../../src/ui/controls/file-io';
import { App } from '../../../src/ui/App';
import { newAppStore, preferReducedMotion, readPublicJson, servePublicFiles } from '../app-harness';

vi.setConfig({ testTimeout: 30_000 });

const counter = () => screen.getByLabelText('Memory references');

/** The default preset plus 6,000 words of memory no walk reads, their values random (seeded). */
function largeScenario(): Record<string, unknown> {
  let seed = 0x2545f491;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const memory = Array.from({ length: 6000 }, (_, i) => ({
    addr: `0x${(0x1000_0000 + i * 8).toString(16)}`,
    value: `0x${random().toString(16).padStart(8, '0')}${random().toString(16).padStart(8, '0')}`,
  }));
  return { ...(readPublicJson('scenarios/default.json') as object), name: 'Large memory', memory };
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  servePublicFiles();
  preferReducedMotion();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a scenario too large for a link', () => {
  it('is shown; the address bar drops it and the banner offers the file', async () => {
    const scenario = largeScenario();
    expect(encodeLink({ scenario, accessIndex: 0, step: 0 }).length).toBeGreaterThan(MAX_LINK_CHARS);
    const store = newAppStore();
    render(<App store={store} />);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
    const user = userEvent.setup();
    const file = new File([JSON.stringify(scenario)], 'large.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Import scenario'), file);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too large for a link');
    expect(alert).toHaveTextContent(/compressed it takes \d+ KiB, and links longer than 32 KiB may not open/);
    expect(alert).toHaveTextContent('Nothing was lost');
    expect(store.getState().scenario).toEqual(scenario);
    expect(window.location.hash).toBe('');

    // The offered file is the scenario itself.
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:scenario';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    await user.click(within(alert).getByRole('button', { name: 'Download scenario file' }));
    expect(saved).toEqual(['large-memory.json']);
    expect(JSON.parse(await readFileText(blobs[0]!))).toEqual(scenario);

    // Stepping does not raise it again; Copy link does, instead of copying a link that would not open.
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await user.keyboard('{ArrowRight}');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Too large for a link');
  });
});
