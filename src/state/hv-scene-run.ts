/**
 * A hypervisor scene run in both modes (docs/hv-scenes.md): the script parsed, the shadow and EPT
 * reports, and the playback positions of the view — events for the side-by-side comparison, every
 * step of the EPT run for the views that follow one access through the hypervisor.
 */
import {
  compareHvModes,
  formatHvError,
  parseHvScript,
  playbackPositions,
  type HvCostModelInput,
  type HvPosition,
  type HvReport,
  type HvScene,
  type HvScript,
} from '../engine';

export type HvSceneRun =
  | {
      readonly ok: true;
      readonly script: HvScript;
      readonly shadow: HvReport;
      readonly tdp: HvReport;
      /** The run the cursor walks (the EPT run). */
      readonly primary: HvReport;
      readonly positions: readonly HvPosition[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

export function runHvScene(scene: HvScene, costModel: HvCostModelInput): HvSceneRun {
  const parsed = parseHvScript(scene.script);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(formatHvError) };
  const both = compareHvModes(parsed.script, costModel);
  if (!both.ok) return { ok: false, errors: both.errors.map(formatHvError) };
  const grain = scene.view === 'shadow-vs-ept' ? 'event' : 'step';
  return {
    ok: true,
    script: parsed.script,
    shadow: both.shadow,
    tdp: both.tdp,
    primary: both.tdp,
    positions: playbackPositions(both.tdp, grain),
  };
}
