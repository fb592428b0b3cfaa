// Every stop's scene state is one the app reaches: the preset exists and its walk has the stop's
// step; the levels walk has it; the hypervisor scene runs and has that playback position.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  TOUR_STOPS,
  compareHvModes,
  hvSceneById,
  isCachePresetName,
  nestedWalkReferences,
  parseHvScript,
  playbackPositions,
} from '../../../src/engine';
import { parseScenario, runScenarioWithEvents } from '../../../src/engine/scenario';

const scenarioFile = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../public/scenarios/${name}`, import.meta.url), 'utf8'));

/** Reference events of the first access: the walk positions the cursor can take are 0…this. */
function referencesOfPreset(preset: string): number {
  const { events } = runScenarioWithEvents(parseScenario(scenarioFile(preset)));
  return (events[0] ?? []).filter((e) => e.type === 'guest-read' || e.type === 'nested-read').length;
}

describe('every tour stop’s scene state is valid', () => {
  for (const [i, stop] of TOUR_STOPS.entries()) {
    it(`stop ${i + 1} (${stop.id})`, () => {
      const scene = stop.scene;
      if (scene.view === 'walk') {
        const total = referencesOfPreset(scene.preset);
        expect(total, 'the preset walks').toBeGreaterThan(0);
        expect(scene.step).toBeLessThanOrEqual(total);
        if (scene.cachePreset !== undefined) expect(isCachePresetName(scene.cachePreset)).toBe(true);
      } else if (scene.view === 'levels') {
        expect(scene.step).toBeLessThanOrEqual(nestedWalkReferences(scene.n, scene.m));
      } else {
        const hv = hvSceneById(scene.sceneId);
        expect(hv, scene.sceneId).toBeDefined();
        const parsed = parseHvScript(hv!.script);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const both = compareHvModes(parsed.script, {}, 'ept');
        expect(both.ok).toBe(true);
        if (!both.ok) return;
        const positions = playbackPositions(both.tdp, hv!.view === 'shadow-vs-ept' ? 'event' : 'step');
        expect(scene.step).toBeLessThan(positions.length);
      }
    });
  }
});
