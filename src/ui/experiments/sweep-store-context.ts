/** The Experiments store, handed down by context so tests and the page each bring their own. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SweepState, SweepStore } from '../../state/sweep-store';

export const SweepStoreContext = createContext<SweepStore | null>(null);

export function useSweepStoreApi(): SweepStore {
  const store = useContext(SweepStoreContext);
  if (!store) throw new Error('useSweep needs a <SweepStoreContext.Provider> above it');
  return store;
}

/** Subscribes to one slice of the sweep state; wrap object-returning selectors in `useShallow`. */
export function useSweep<T>(selector: (state: SweepState) => T): T {
  return useStore(useSweepStoreApi(), selector);
}
