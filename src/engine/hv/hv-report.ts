/** Counts drawn from an event's steps, totals per exit reason, cycles from the cost model. */
import { EXIT_REASONS, type ExitReason } from './exit-reasons';
import type { HvCostModel } from './cost-model';
import type { GuestOutcome, HvEventReport, HvStep, HvTotals } from './report-types';
import type { HvEvent } from './script-types';

export function eventReport(
  event: HvEvent,
  index: number,
  text: string,
  steps: readonly HvStep[],
  guest: GuestOutcome | undefined,
  cost: HvCostModel,
): HvEventReport {
  const exits: ExitReason[] = [];
  let hardwareRefs = 0;
  let softwareRefs = 0;
  let hostFaults = 0;
  let installed = 0;
  let zapped = 0;
  let cycles = 0;
  for (const step of steps) {
    switch (step.type) {
      case 'exit':
        exits.push(step.reason);
        cycles += cost.exit[step.reason];
        break;
      case 'walk':
        hardwareRefs += step.references.length;
        cycles += step.references.length * cost.hardwareRef;
        break;
      case 'software-read':
        softwareRefs++;
        cycles += cost.softwareRef;
        break;
      case 'host-fault':
        hostFaults++;
        cycles += step.kind === 'minor' ? cost.hostFault.minor : cost.hostFault.swapIn;
        break;
      case 'change':
        if (step.action === 'installed') installed++;
        else zapped++;
        break;
      default:
        break;
    }
  }
  const vm = event.kind === 'thp' ? undefined : event.kind === 'ksm-merge' ? singleVm(event.pages) : event.vm;
  return {
    index,
    kind: event.kind,
    vm,
    text,
    steps,
    exits,
    hardwareRefs,
    softwareRefs,
    hostFaults,
    installed,
    zapped,
    cycles,
    guest,
  };
}

function singleVm(pages: readonly { vm: string }[]): string | undefined {
  const first = pages[0]?.vm;
  return pages.every((p) => p.vm === first) ? first : undefined;
}

export function totalsOf(events: readonly HvEventReport[]): HvTotals {
  const exits = Object.fromEntries(EXIT_REASONS.map((r) => [r, 0])) as Record<ExitReason, number>;
  let hardwareRefs = 0;
  let softwareRefs = 0;
  let minor = 0;
  let swapIn = 0;
  let installed = 0;
  let zapped = 0;
  let cycles = 0;
  for (const event of events) {
    for (const reason of event.exits) exits[reason]++;
    hardwareRefs += event.hardwareRefs;
    softwareRefs += event.softwareRefs;
    installed += event.installed;
    zapped += event.zapped;
    cycles += event.cycles;
    for (const step of event.steps) {
      if (step.type === 'host-fault') {
        if (step.kind === 'minor') minor++;
        else swapIn++;
      }
    }
  }
  const exitCount = EXIT_REASONS.reduce((sum, r) => sum + exits[r], 0);
  return {
    exits,
    exitCount,
    hardwareRefs,
    softwareRefs,
    hostFaults: { minor, swapIn },
    installed,
    zapped,
    cycles,
  };
}
