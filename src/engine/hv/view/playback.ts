/**
 * Playback over a hypervisor report (docs/hv-scenes.md, "Playback"): a cursor walks the report's
 * events, or every step inside each event, and the counts shown are the report's own, summed up
 * to the cursor.
 */
import type { HvCostModel } from '../cost-model';
import { EXIT_REASONS, type ExitReason } from '../exit-reasons';
import type { HvEventReport, HvReport, HvStep } from '../report-types';

/** 'event': one position per event (two modes side by side); 'step': one per step of each event. */
export type HvGrain = 'event' | 'step';

export interface HvPosition {
  readonly event: number;
  /** The last step shown of that event (with 'event' grain: its last step). */
  readonly step: number;
  readonly stepCount: number;
}

/** Position 0 is before the first event; position p ≥ 1 is `positions[p - 1]`. */
export function playbackPositions(report: HvReport, grain: HvGrain): HvPosition[] {
  const positions: HvPosition[] = [];
  report.events.forEach((event, index) => {
    const stepCount = event.steps.length;
    if (grain === 'event' || stepCount === 0) {
      positions.push({ event: index, step: stepCount - 1, stepCount });
      return;
    }
    for (let step = 0; step < stepCount; step++) positions.push({ event: index, step, stepCount });
  });
  return positions;
}

export const clampCursor = (cursor: number, count: number): number =>
  Number.isInteger(cursor) ? Math.min(Math.max(cursor, 0), count) : 0;

export interface HvRunningTotals {
  readonly exits: Readonly<Record<ExitReason, number>>;
  readonly exitCount: number;
  readonly hardwareRefs: number;
  readonly softwareRefs: number;
  readonly hostFaults: number;
  readonly cycles: number;
}

const zeroExits = (): Record<ExitReason, number> =>
  Object.fromEntries(EXIT_REASONS.map((r) => [r, 0])) as Record<ExitReason, number>;

/** The cycles one step adds (docs/hypervisor-model.md, "References and costs"). */
export function stepCycles(step: HvStep, cost: HvCostModel): number {
  switch (step.type) {
    case 'exit':
      return cost.exit[step.reason];
    case 'walk':
      return step.references.length * cost.hardwareRef;
    case 'software-read':
      return cost.softwareRef;
    case 'host-fault':
      return step.kind === 'minor' ? cost.hostFault.minor : cost.hostFault.swapIn;
    default:
      return 0;
  }
}

/** Counts of the steps `[0, upTo)` of one event. */
function addSteps(
  acc: { -readonly [K in keyof HvRunningTotals]: HvRunningTotals[K] } & { exits: Record<ExitReason, number> },
  event: HvEventReport,
  upTo: number,
  cost: HvCostModel,
) {
  for (const step of event.steps.slice(0, upTo)) {
    acc.cycles += stepCycles(step, cost);
    if (step.type === 'exit') {
      acc.exits[step.reason] += 1;
      acc.exitCount += 1;
    } else if (step.type === 'walk') acc.hardwareRefs += step.references.length;
    else if (step.type === 'software-read') acc.softwareRefs += 1;
    else if (step.type === 'host-fault') acc.hostFaults += 1;
  }
}

/**
 * Totals of everything up to and including `position` (null: nothing yet). With a whole event
 * the figures are the event report's; inside an event, its steps so far.
 */
export function totalsUpTo(report: HvReport, position: HvPosition | null): HvRunningTotals {
  const acc = {
    exits: zeroExits(),
    exitCount: 0,
    hardwareRefs: 0,
    softwareRefs: 0,
    hostFaults: 0,
    cycles: 0,
  };
  if (position === null) return acc;
  for (let i = 0; i <= position.event && i < report.events.length; i++) {
    const event = report.events[i]!;
    const upTo = i < position.event ? event.steps.length : position.step + 1;
    addSteps(acc, event, upTo, report.costModel);
  }
  return acc;
}

/** The share of the shadow run's exits the EPT run does not take (null when shadow took none). */
export function exitsAvoided(shadowExits: number, tdpExits: number): number | null {
  return shadowExits === 0 ? null : 1 - tdpExits / shadowExits;
}
