/**
 * One hypervisor scene's state (docs/hv-scenes.md): the scene, its run in both modes, the cursor,
 * the edited cost model, the start (cold or warm) and the nested-paging flavour (EPT or NPT).
 * Each scene on screen has its own store, so a tour can embed one.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { clampCursor, type ExitReason, type HvCostModelInput, type HvScene, type HvStart } from '../engine';
import { runHvScene, type HvRunOptions, type HvSceneRun } from './hv-scene-run';

/** A field of the cost model the form edits: an exit reason, or a reference kind. */
export type HvCostField = { exit: ExitReason } | 'hardwareRef' | 'softwareRef';

export interface HvSceneState {
  readonly scene: HvScene;
  readonly run: HvSceneRun;
  /** 0 = before the first event; p ≥ 1 = the p-th playback position done. */
  readonly cursor: number;
  readonly costModel: HvCostModelInput;
  /** Cold start or warm guest; absent: as the scene's script says. */
  readonly start: HvStart | undefined;
  readonly tdpMode: 'ept' | 'npt';
  stepForward(): void;
  stepBack(): void;
  reset(): void;
  end(): void;
  seek(cursor: number): void;
  setCost(field: HvCostField, cycles: number): void;
  resetCost(): void;
  setStart(start: HvStart): void;
  setTdpMode(mode: 'ept' | 'npt'): void;
}

export type HvSceneStore = StoreApi<HvSceneState>;

export interface HvSceneStoreOptions {
  readonly start?: HvStart;
  readonly tdpMode?: 'ept' | 'npt';
}

export const positionCount = (run: HvSceneRun): number => (run.ok ? run.positions.length : 0);

function withCost(cost: HvCostModelInput, field: HvCostField, cycles: number): HvCostModelInput {
  if (field === 'hardwareRef' || field === 'softwareRef') return { ...cost, [field]: cycles };
  return { ...cost, exit: { ...cost.exit, [field.exit]: cycles } };
}

export function createHvSceneStore(
  scene: HvScene,
  cursor = 0,
  options: HvSceneStoreOptions = {},
): HvSceneStore {
  const initial: HvRunOptions = { costModel: {}, start: options.start, tdpMode: options.tdpMode ?? 'ept' };
  const run = runHvScene(scene, initial);
  return createStore<HvSceneState>()((set, get) => {
    const seek = (next: number) => set({ cursor: clampCursor(next, positionCount(get().run)) });
    /** Runs the scene again with one option changed; the cursor stays where it was if it can. */
    const rerun = (change: Partial<HvRunOptions>) => {
      const { costModel, start, tdpMode, cursor: at } = get();
      const next = { costModel, start, tdpMode, ...change };
      const fresh = runHvScene(get().scene, next);
      set({ ...next, run: fresh, cursor: clampCursor(at, positionCount(fresh)) });
    };
    return {
      scene,
      run,
      cursor: clampCursor(cursor, positionCount(run)),
      costModel: {},
      start: options.start,
      tdpMode: initial.tdpMode,
      stepForward: () => seek(get().cursor + 1),
      stepBack: () => seek(get().cursor - 1),
      reset: () => seek(0),
      end: () => seek(positionCount(get().run)),
      seek,
      setCost: (field, cycles) => {
        if (!Number.isFinite(cycles) || cycles < 0) return;
        rerun({ costModel: withCost(get().costModel, field, cycles) });
      },
      resetCost: () => rerun({ costModel: {} }),
      setStart: (start) => rerun({ start }),
      setTdpMode: (tdpMode) => rerun({ tdpMode }),
    };
  });
}
