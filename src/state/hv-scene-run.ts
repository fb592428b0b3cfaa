/**
 * A hypervisor scene run in both modes (docs/hv-scenes.md): the script parsed, the shadow and EPT
 * reports, and the playback positions of the view — events for the side-by-side comparison, every
 * step of the EPT run for the views that follow one access through the hypervisor.
 */
import {
  compareHvModes,
  formatHvError,
  hvSceneGrain,
  parseHvScript,
  playbackPositions,
  scriptStart,
  withStart,
  type HvCostModelInput,
  type HvStart,
  type HvPosition,
  type HvReport,
  type HvScene,
  type HvScript,
} from '../engine';

export type HvSceneRun =
  | {
      readonly ok: true;
      readonly script: HvScript;
      /** How the run started: the script's own start, or the one the page asked for. */
      readonly start: HvStart;
      readonly shadow: HvReport;
      readonly tdp: HvReport;
      /** The run the cursor walks (the EPT run). */
      readonly primary: HvReport;
      readonly positions: readonly HvPosition[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** What the page can change about a run without editing the script. */
export interface HvRunOptions {
  readonly costModel: HvCostModelInput;
  /** Cold start or warm guest for every VM (absent: as the script says). */
  readonly start?: HvStart;
  /** The nested-paging flavour compared with shadow paging. */
  readonly tdpMode: 'ept' | 'npt';
}

export const DEFAULT_RUN_OPTIONS: HvRunOptions = { costModel: {}, tdpMode: 'ept' };

export function runHvScene(scene: HvScene, options: HvRunOptions = DEFAULT_RUN_OPTIONS): HvSceneRun {
  const parsed = parseHvScript(scene.script);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(formatHvError) };
  const script = options.start ? withStart(parsed.script, options.start) : parsed.script;
  const both = compareHvModes(script, options.costModel, options.tdpMode);
  if (!both.ok) return { ok: false, errors: both.errors.map(formatHvError) };
  return {
    ok: true,
    script,
    start: scriptStart(script),
    shadow: both.shadow,
    tdp: both.tdp,
    primary: both.tdp,
    positions: playbackPositions(both.tdp, hvSceneGrain(scene.view)),
  };
}
