/**
 * One hypervisor scene's state (docs/hv-scenes.md): the scene, its run in both modes, the cursor
 * and the edited cost model. Each scene on screen has its own store, so a tour can embed one.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { clampCursor, type ExitReason, type HvCostModelInput, type HvScene } from '../engine';
import { runHvScene, type HvSceneRun } from './hv-scene-run';

/** A field of the cost model the form edits: an exit reason, or a reference kind. */
export type HvCostField = { exit: ExitReason } | 'hardwareRef' | 'softwareRef';

export interface HvSceneState {
  readonly scene: HvScene;
  readonly run: HvSceneRun;
  /** 0 = before the first event; p ≥ 1 = the p-th playback position done. */
  readonly cursor: number;
  readonly costModel: HvCostModelInput;
  stepForward(): void;
  stepBack(): void;
  reset(): void;
  end(): void;
  seek(cursor: number): void;
  setCost(field: HvCostField, cycles: number): void;
  resetCost(): void;
}

export type HvSceneStore = StoreApi<HvSceneState>;

export const positionCount = (run: HvSceneRun): number => (run.ok ? run.positions.length : 0);

function withCost(cost: HvCostModelInput, field: HvCostField, cycles: number): HvCostModelInput {
  if (field === 'hardwareRef' || field === 'softwareRef') return { ...cost, [field]: cycles };
  return { ...cost, exit: { ...cost.exit, [field.exit]: cycles } };
}

export function createHvSceneStore(scene: HvScene, cursor = 0): HvSceneStore {
  const run = runHvScene(scene, {});
  return createStore<HvSceneState>()((set, get) => {
    const seek = (next: number) => set({ cursor: clampCursor(next, positionCount(get().run)) });
    return {
      scene,
      run,
      cursor: clampCursor(cursor, positionCount(run)),
      costModel: {},
      stepForward: () => seek(get().cursor + 1),
      stepBack: () => seek(get().cursor - 1),
      reset: () => seek(0),
      end: () => seek(positionCount(get().run)),
      seek,
      setCost: (field, cycles) => {
        if (!Number.isFinite(cycles) || cycles < 0) return;
        const costModel = withCost(get().costModel, field, cycles);
        set({ costModel, run: runHvScene(get().scene, costModel) });
      },
      resetCost: () => set({ costModel: {}, run: runHvScene(get().scene, {}) }),
    };
  });
}
