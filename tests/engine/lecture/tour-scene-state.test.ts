// Every stop's scene state is one the app reaches: the preset exists and its walk has the stop's
// step; the levels walk has it; the hypervisor scene runs and has that playback position.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  TOUR_STOPS,
  compareHvModes,
  cursorAfterEvent,
  demandPagingStep,
  firstEventAllVmsAccessed,
  framesShared,
  hvSceneById,
  hvSceneGrain,
  isCachePresetName,
  nestedWalkReferences,
  parseHvScript,
  ksmAfterMergeStep,
  ksmBothEptsStep,
  memoryPicture,
  playbackPositions,
  totalsUpTo,
  tourSceneRun,
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
        const positions = playbackPositions(both.tdp, hvSceneGrain(hv!.view));
        // Cursor p ≥ 1 is positions[p - 1]: the end of the run is positions.length.
        expect(scene.step).toBeLessThanOrEqual(positions.length);
      }
    });
  }
});

// Stops 6, 9 and 12 open their scenes where the claim shows, at steps found in the scenes' runs.
describe('the hypervisor stops open where their claim shows', () => {
  const hvStep = (id: string): number => {
    const scene = TOUR_STOPS.find((s) => s.id === id)?.scene;
    if (scene?.view !== 'hv') throw new Error(`${id} is not a hypervisor stop`);
    return scene.step;
  };
  const at = (run: ReturnType<typeof tourSceneRun>, cursor: number) =>
    cursor === 0 ? null : (run.positions[cursor - 1] ?? null);

  it('stop 6 (demand paging) opens at the end of the run, shadow exits ahead of EPT’s', () => {
    const run = tourSceneRun('demand-paging');
    const step = hvStep('kvm-with-without-ept');
    expect(step).toBe(demandPagingStep());
    expect(step).toBe(run.positions.length);
    const position = at(run, step)!;
    const shadowSoFar = totalsUpTo(run.shadow, {
      ...position,
      step: run.shadow.events[position.event]!.steps.length - 1,
    });
    const tdpSoFar = totalsUpTo(run.tdp, position);
    expect(shadowSoFar.exitCount).toBe(run.shadow.totals.exitCount);
    expect(shadowSoFar.exitCount).toBeGreaterThan(tdpSoFar.exitCount);
  });

  it('stop 9 (one EPTP per VM) opens after each VM’s first access: two EPTPs, each with EPT leaves', () => {
    const run = tourSceneRun('ksm');
    const step = hvStep('one-eptp');
    expect(step).toBe(ksmBothEptsStep());
    expect(step).toBe(cursorAfterEvent(run.positions, firstEventAllVmsAccessed(run)));
    const vms = memoryPicture(run.script, run.tdp, at(run, step));
    expect(vms).toHaveLength(2);
    expect(new Set(vms.map((vm) => vm.eptp)).size).toBe(2);
    for (const vm of vms) {
      expect(vm.eptp, vm.id).toBeDefined();
      const data = vm.pages.filter((p) => p.role === 'data');
      expect(data.length, vm.id).toBeGreaterThan(0);
      for (const page of data) expect(page.eptLeaf, vm.id).not.toBeNull();
    }
    // Before that access the last VM's EPT had no leaf for its data page yet.
    const event = firstEventAllVmsAccessed(run);
    const before = memoryPicture(run.script, run.tdp, at(run, cursorAfterEvent(run.positions, event - 1)));
    expect(before.some((vm) => vm.pages.some((p) => p.role === 'data' && p.eptLeaf === null))).toBe(true);
  });

  it('stop 12 (KSM) opens right after the merge: one 4 KiB frame saved', () => {
    const run = tourSceneRun('ksm');
    const step = hvStep('ksm');
    expect(step).toBe(ksmAfterMergeStep());
    const position = at(run, step)!;
    expect(run.tdp.events[position.event]?.kind).toBe('ksm-merge');
    expect(position.step).toBe(position.stepCount - 1);
    expect(framesShared(memoryPicture(run.script, run.tdp, position))).toBe(1);
    // Before the merge nothing was shared.
    const before = at(run, cursorAfterEvent(run.positions, position.event - 1));
    expect(framesShared(memoryPicture(run.script, run.tdp, before))).toBe(0);
  });

  it('stops 6, 9 and 12 show three different states', () => {
    const steps = ['one-eptp', 'ksm'].map(hvStep);
    expect(steps[0]).toBeLessThan(steps[1]!);
    const ksm = tourSceneRun('ksm');
    const [eptp, merged] = steps.map((s) => memoryPicture(ksm.script, ksm.tdp, at(ksm, s)));
    expect(eptp).not.toEqual(merged);
    expect(framesShared(eptp!)).not.toBe(framesShared(merged!));
    const stop6 = TOUR_STOPS.find((s) => s.id === 'kvm-with-without-ept')!.scene;
    expect(stop6.view === 'hv' && stop6.sceneId).toBe('demand-paging');
    expect(hvStep('kvm-with-without-ept')).toBeGreaterThan(0);
  });
});

describe('docs/tour.md quotes the hypervisor stops’ steps', () => {
  const doc = readFileSync(new URL('../../../docs/tour.md', import.meta.url), 'utf8');
  it.each([
    ['demand-paging', demandPagingStep],
    ['ksm', ksmBothEptsStep],
    ['ksm', ksmAfterMergeStep],
  ])('the %s row (%#) quotes the derived step', (sceneId, step) => {
    const row = doc
      .split('\n')
      .find((line) => line.includes(`\`${sceneId}\``) && line.includes(`| ${step()} (`));
    expect(row, `a "${sceneId}" row with step ${step()}`).toBeDefined();
  });
});
