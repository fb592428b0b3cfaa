/** The scene store of the HvScene around a component (each scene on screen has its own). */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { HvSceneState, HvSceneStore } from '../../state/hv-scene-store';

export const HvSceneStoreContext = createContext<HvSceneStore | null>(null);

export function useHvScene<T>(selector: (s: HvSceneState) => T): T {
  const store = useContext(HvSceneStoreContext);
  if (!store) throw new Error('useHvScene outside an HvScene');
  return useStore(store, selector);
}
