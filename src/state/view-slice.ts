/** Presentation options: theme, presenter mode, the n / m sliders. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, ViewSlice } from './app-state';

export const LEVELS_MIN = 1;
export const LEVELS_MAX = 5;
const levels = (v: number, fallback: number): number =>
  Number.isInteger(v) && v >= LEVELS_MIN && v <= LEVELS_MAX ? v : fallback;

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  theme: 'light',
  presenter: false,
  abstractN: 4,
  abstractM: 4,
  gridHighlight: null,

  setTheme: (theme) => set({ theme }),
  setPresenter: (presenter) => set({ presenter }),
  setGridHighlight: (gridHighlight) => set({ gridHighlight }),
  setAbstractLevels(n, m) {
    const abstractN = levels(n, get().abstractN);
    const abstractM = levels(m, get().abstractM);
    set({ abstractN, abstractM });
    return get().walkLevels(abstractN, abstractM);
  },
});
