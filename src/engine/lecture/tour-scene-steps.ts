/**
 * The playback steps at which the tour opens its hypervisor scenes (docs/tour.md, "Scene steps"),
 * found in the scenes' own runs so that a changed script moves the step with it.
 */
import { compareHvModes, hvSceneById, hvSceneGrain, parseHvScript } from '../hv';
import type { HvReport } from '../hv/report-types';
import type { HvScript } from '../hv/script-types';
import { playbackPositions, type HvPosition } from '../hv/view/playback';

export interface TourSceneRun {
  readonly script: HvScript;
  readonly shadow: HvReport;
  readonly tdp: HvReport;
  /** The positions the scenes page's cursor walks (the EPT run, at the scene's grain). */
  readonly positions: readonly HvPosition[];
}

/** A registered scene run in both modes as the scenes page runs it (its own start, EPT). */
export function tourSceneRun(sceneId: string): TourSceneRun {
  const scene = hvSceneById(sceneId);
  if (!scene) throw new Error(`no hypervisor scene ${sceneId}`);
  const parsed = parseHvScript(scene.script);
  if (!parsed.ok) throw new Error(`hypervisor scene ${sceneId} does not parse`);
  const both = compareHvModes(parsed.script, {}, 'ept');
  if (!both.ok) throw new Error(`hypervisor scene ${sceneId} does not run`);
  const positions = playbackPositions(both.tdp, hvSceneGrain(scene.view));
  return { script: parsed.script, shadow: both.shadow, tdp: both.tdp, positions };
}

/** The cursor that shows event `event` complete: cursor p ≥ 1 is positions[p - 1]. */
export function cursorAfterEvent(positions: readonly HvPosition[], event: number): number {
  let last = -1;
  positions.forEach((p, i) => {
    if (p.event === event) last = i;
  });
  if (last < 0) throw new Error(`event ${event} has no playback position`);
  return last + 1;
}

/** The first event after which every VM of the script has made an access of its own. */
export function firstEventAllVmsAccessed(run: TourSceneRun): number {
  const waiting = new Set(run.script.vms.map((vm) => vm.id));
  const index = run.tdp.events.findIndex((e) => {
    if (e.kind === 'access' && e.vm !== undefined) waiting.delete(e.vm);
    return waiting.size === 0;
  });
  if (index < 0) throw new Error('not every VM makes an access');
  return index;
}

/** The first event of a kind. */
export function firstEventOfKind(run: TourSceneRun, kind: string): number {
  const index = run.tdp.events.findIndex((e) => e.kind === kind);
  if (index < 0) throw new Error(`no ${kind} event`);
  return index;
}

/** Stop 6: demand paging at the end of its run, where the exit counters hold every event's exits. */
export const demandPagingStep = (): number => tourSceneRun('demand-paging').positions.length;

/** Stop 9: KSM after each VM's first access, when both VMs' EPTs have been built. */
export function ksmBothEptsStep(): number {
  const run = tourSceneRun('ksm');
  return cursorAfterEvent(run.positions, firstEventAllVmsAccessed(run));
}

/** Stop 12: KSM right after the merge, while the two VMs share one host frame. */
export function ksmAfterMergeStep(): number {
  const run = tourSceneRun('ksm');
  return cursorAfterEvent(run.positions, firstEventOfKind(run, 'ksm-merge'));
}
