/** A store over the real engine, run in-thread (no Worker in Node), loaded with a preset. */
import { createAppStore, type AppStore } from '../../src/state/create-app-store';
import type { AppState } from '../../src/state/app-state';
import { selectTotalReferences } from '../../src/state/selectors';
import { createWalkClient } from '../../src/worker/client';
import { readPreset } from '../worker/scenarios';

export const newStore = (): AppStore => createAppStore(createWalkClient({ createWorker: () => null }));

export async function loadedStore(file = 'default.json'): Promise<AppStore> {
  const store = newStore();
  const ok = await store.getState().loadScenario(readPreset(file), file);
  if (!ok) throw new Error(store.getState().error?.message ?? 'load failed');
  return store;
}

/** The data part of the state a user sees: where the cursor is, what the walk was, what went wrong. */
export const view = (s: AppState) => ({
  source: s.source,
  accessIndex: s.accessIndex,
  cursor: s.cursor,
  total: selectTotalReferences(s),
  outcome: s.trace?.results[s.accessIndex]?.outcome ?? null,
  va: s.scenario?.accesses?.[s.accessIndex]?.va ?? null,
  playing: s.playing,
  walking: s.walking,
  loading: s.loading,
  error: s.error,
  addressError: s.addressError,
  n: s.abstractN,
  m: s.abstractM,
});
