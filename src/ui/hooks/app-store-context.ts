/** The app's store, handed down by context so tests and the page each create their own. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from '../../state/app-state';
import type { AppStore } from '../../state/create-app-store';

export const AppStoreContext = createContext<AppStore | null>(null);

export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore needs an <AppStoreContext.Provider> above it');
  return store;
}

/** Subscribes to one slice of the state; wrap object-returning selectors in `useShallow`. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
