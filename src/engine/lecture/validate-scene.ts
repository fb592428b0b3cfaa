/**
 * Checks a tour scene against what the app has (docs/tour.md, "Scenes"): the preset file among
 * the shipped presets, the hypervisor scene among the registered ones, levels and steps in range.
 */
import { isCachePresetName } from '../cache/presets';
import { hvSceneById } from '../hv/scenes';
import type { TourScene } from './tour-stops';

const LEVELS_MIN = 1;
const LEVELS_MAX = 5;
const isStep = (k: number): boolean => Number.isInteger(k) && k >= 0;

/** What is wrong with `scene`, or null when the app can show it. */
export function tourSceneProblem(scene: TourScene, presetFiles: readonly string[]): string | null {
  if (!isStep(scene.step)) return `step ${scene.step} is not a walk position`;
  switch (scene.view) {
    case 'walk':
      if (!presetFiles.includes(scene.preset)) return `no preset named ${scene.preset}`;
      if (scene.cachePreset !== undefined && !isCachePresetName(scene.cachePreset))
        return `no cache preset named ${String(scene.cachePreset)}`;
      return null;
    case 'levels':
      for (const [name, value] of [
        ['n', scene.n],
        ['m', scene.m],
      ] as const)
        if (!Number.isInteger(value) || value < LEVELS_MIN || value > LEVELS_MAX)
          return `${name} = ${value} is outside ${LEVELS_MIN}…${LEVELS_MAX}`;
      return null;
    case 'hv':
      return hvSceneById(scene.sceneId) ? null : `no hypervisor scene named ${scene.sceneId}`;
  }
}
