/** One store per app: data plus actions, composed from slices that keep actions beside their state. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState } from './app-state';
import { createPlaybackSlice } from './playback-slice';
import { createScenarioSlice, type EngineClient } from './scenario-slice';
import { createViewSlice } from './view-slice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(client: EngineClient): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createScenarioSlice(client)(...a),
    ...createPlaybackSlice(...a),
    ...createViewSlice(...a),
  }));
}
