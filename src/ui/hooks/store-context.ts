/**
 * A zustand store handed down by React context, so tests and the page each bring their own: the
 * context, the hook that returns the store, and the hook that subscribes to one slice of it.
 */
import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';

export function storeContext<S>(missingProvider: string) {
  const Context = createContext<StoreApi<S> | null>(null);
  function useStoreApi(): StoreApi<S> {
    const store = useContext(Context);
    if (!store) throw new Error(missingProvider);
    return store;
  }
  /** Subscribes to one slice of the state; wrap object-returning selectors in `useShallow`. */
  function useSlice<T>(selector: (state: S) => T): T {
    return useStore(useStoreApi(), selector);
  }
  return { Context, useStoreApi, useSlice };
}
