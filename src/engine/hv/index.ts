/**
 * The hypervisor model's public surface (docs/hypervisor-model.md, docs/hv-script-format.md):
 * parse a script, run it in one mode or in both, and the report's types.
 */
export { parseHvScript, type HvParseResult } from './parse-script';
export { runHvScript } from './run-script';
export { runHvInput, compareHvModes, formatHvError, type HvComparison } from './run-input';
export { HV_SCRIPT_FORMAT } from './script-schema';
export { DEFAULT_COST_MODEL, resolveCostModel, type HvCostModel, type HvCostModelInput } from './cost-model';
export { EXIT_REASONS, HV_MODES, exitReasonLabel, type ExitReason, type HvMode } from './exit-reasons';
export { describeEvent } from './describe-event';
export { scriptStart, withStart, type HvStart } from './script-start';
export { tdpNames, nptWording, type TdpNames } from './tdp-names';
export { HV_SCENES, hvSceneById, hvSceneGrain, type HvScene, type HvSceneView } from './scenes';
export type {
  GuestOutcome,
  HvError,
  HvEventReport,
  HvReport,
  HvRunResult,
  HvStep,
  HvStructure,
  HvTotals,
  HvVmSummary,
} from './report-types';
export type {
  HvEvent,
  HvEventKind,
  HvGuestMapping,
  HvMemslot,
  HvPageRef,
  HvProcess,
  HvScript,
  HvVm,
} from './script-types';
