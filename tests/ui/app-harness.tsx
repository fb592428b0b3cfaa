/** Component-test harness: presets served from public/ through a fake fetch, a store over the in-thread engine. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/create-app-store';
import { AppStoreContext } from '../../src/ui/hooks/app-store-context';
import { createWalkClient } from '../../src/worker/client';
import { App } from '../../src/ui/App';

const publicDir = join(import.meta.dirname, '..', '..', 'public');

/** Answers `fetch` from the files in public/, as the dev server would; records the URLs asked for. */
export function servePublicFiles(): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    asked.push(url.pathname);
    let text: string;
    try {
      text = readFileSync(join(publicDir, decodeURIComponent(url.pathname)), 'utf8');
    } catch {
      return { ok: false, status: 404, json: async () => Promise.reject(new Error('not found')) };
    }
    return { ok: true, status: 200, json: async () => JSON.parse(text) as unknown };
  });
  return asked;
}

/**
 * jsdom has no SVG transform lists for d3 to interpolate, so the page runs as for a user who asked
 * for reduced motion: the views place their marks without transitions.
 */
export function preferReducedMotion(): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('prefers-reduced-motion'),
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }));
}

export const readPublicJson = (path: string): unknown =>
  JSON.parse(readFileSync(join(publicDir, path), 'utf8'));

/** No Worker in jsdom: the client runs the engine in-thread, as the app's fallback does. */
export const newAppStore = (): AppStore => createAppStore(createWalkClient());

export function renderWithStore(ui: ReactNode, store: AppStore) {
  return render(<AppStoreContext.Provider value={store}>{ui}</AppStoreContext.Provider>);
}

/**
 * Every App test starts at '/', with public/ served and reduced motion; `clearStorage` also
 * empties localStorage (autosave). Registers the hooks for the calling file.
 */
export function resetPageEachTest({ clearStorage = false } = {}): void {
  beforeEach(() => {
    if (clearStorage) localStorage.clear();
    window.history.replaceState(null, '', '/');
    servePublicFiles();
    preferReducedMotion();
  });
  afterEach(() => vi.unstubAllGlobals());
}

/** The whole App over a fresh store, once its first walk shows "0 / 24". */
export async function openApp() {
  const store = newAppStore();
  render(<App store={store} />);
  await waitFor(() => expect(screen.getByLabelText('Memory references')).toHaveTextContent('0 / 24'));
  return { store, user: userEvent.setup() };
}
