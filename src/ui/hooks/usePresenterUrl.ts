/**
 * Presenter mode lives in the query string (`?presenter=1`), apart from the hash that carries the
 * scenario and the step: a bookmarked lecture link opens in presenter mode whatever walk it shows,
 * and stepping (which rewrites the hash) leaves it alone.
 */
import { useEffect } from 'react';
import type { AppStore } from '../../state/create-app-store';

export const PRESENTER_PARAM = 'presenter';

export function presenterInUrl(search: string): boolean {
  const value = new URLSearchParams(search).get(PRESENTER_PARAM);
  return value === '1' || value === 'true';
}

/** `search` with the presenter parameter set or removed, other parameters kept. */
export function withPresenter(search: string, on: boolean): string {
  const params = new URLSearchParams(search);
  if (on) params.set(PRESENTER_PARAM, '1');
  else params.delete(PRESENTER_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function usePresenterUrl(store: AppStore): void {
  useEffect(() => {
    if (presenterInUrl(window.location.search)) store.getState().setPresenter(true);
    return store.subscribe((s, prev) => {
      if (s.presenter === prev.presenter) return;
      const { pathname, search, hash } = window.location;
      const next = withPresenter(search, s.presenter);
      if (next !== search) window.history.replaceState(window.history.state, '', pathname + next + hash);
    });
  }, [store]);
}
